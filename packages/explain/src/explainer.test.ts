/** The sentences of the explanation package, in both languages: expressions, conditions, rules, advice, bounds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, score, type Improvement } from '@parindex/engine';
import { oneLeafSet } from '../../engine/test/one-leaf-set.js';
import { boundsText, countPhrase, createExplainer, explainLeaf, LOCALES } from './index.js';

const leafSet = (inputs: unknown[], rule: unknown) => compile(oneLeafSet('explain', 2, { inputs, rule }));

const INPUTS = [
  { id: 'sessions', type: 'count', label: 'Số buổi', labelEn: 'Sessions' },
  { id: 'digital', type: 'boolean', label: 'Có nền tảng số', labelEn: 'Digital channels' },
  { id: 'helped', type: 'count', label: 'Số lượt hỗ trợ', labelEn: 'Residents helped' },
  { id: 'answers', type: 'tally', label: 'Phiếu', labelEn: 'Answers', options: [{ id: 'a', label: 'Rất hài lòng', labelEn: 'Very satisfied' }] },
  {
    id: 'kind',
    type: 'level',
    label: 'Loại',
    labelEn: 'Kind',
    options: [
      { id: 'x', label: 'Loại X', labelEn: 'Kind X' },
      { id: 'y', label: 'Loại Y', labelEn: 'Kind Y' },
    ],
  },
  { id: 'on_time', type: 'count', label: 'Số hồ sơ giải quyết đúng hạn', labelEn: 'Dossiers resolved on time', unit: 'hồ sơ', unitEn: 'dossiers', atMost: 'resolved' },
  { id: 'resolved', type: 'count', label: 'Số hồ sơ đã giải quyết', labelEn: 'Dossiers resolved', unit: 'hồ sơ', unitEn: 'dossiers' },
  { id: 'rate', type: 'percent', label: 'Tỷ lệ số hóa (%)', labelEn: 'Digitisation rate (%)' },
];
// Criterion 2.4 of model.commune-par@2026.
const tiered = {
  if: [{ and: [{ '>=': [{ var: 'sessions' }, 4] }, { '==': [{ var: 'digital' }, true] }] }, 2, { '>=': [{ var: 'sessions' }, 4] }, 1.5, { '>=': [{ var: 'sessions' }, 1] }, 1, 0],
};
const compiled = leafSet(INPUTS, { type: 'expression', logic: tiered });
const vi = createExplainer(compiled, 'vi');
const en = createExplainer(compiled, 'en');
const logic = (e: unknown, ex = vi) => ex.say.condition({ logic: e });

describe('expressions in words', () => {
  it('if / else if / otherwise, with labels and numbers written per language', () => {
    expect(logic(tiered)).toBe('nếu Số buổi ≥ 4 và Có nền tảng số thì 2; nếu Số buổi ≥ 4 thì 1,5; nếu Số buổi ≥ 1 thì 1; còn lại 0');
    expect(logic(tiered, en)).toBe('if Sessions ≥ 4 and Digital channels then 2; if Sessions ≥ 4 then 1.5; if Sessions ≥ 1 then 1; otherwise 0');
  });

  it('arithmetic in parentheses, min/max, modulo, unary minus', () => {
    const e = { min: [5, { '/': [{ '-': [{ var: 'helped' }, { '%': [{ var: 'helped' }, 100] }] }, 100] }] };
    expect(logic(e)).toBe('nhỏ nhất(5; (Số lượt hỗ trợ − (Số lượt hỗ trợ mod 100)) ÷ 100)');
    expect(logic(e, en)).toBe('min(5; (Residents helped − (Residents helped mod 100)) ÷ 100)');
    expect(logic({ max: [{ '-': [{ var: 'sessions' }] }, 0.25] })).toBe('lớn nhất(−Số buổi; 0,25)');
    expect(logic({ '*': [{ var: 'sessions' }, 0.5] }, en)).toBe('Sessions × 0.5');
  });

  it('nested and/or keep their parentheses; not, false, in, between, a tally option, literals', () => {
    expect(logic({ or: [{ and: [{ '>': [{ var: 'sessions' }, 2] }, { '!': [{ var: 'digital' }] }] }, { '==': [{ var: 'digital' }, false] }] })).toBe(
      '(Số buổi > 2 và không phải Có nền tảng số) hoặc Có nền tảng số: không',
    );
    expect(logic({ in: [{ var: 'kind' }, ['x', 'y']] }, en)).toBe('Kind in ["x"; "y"]');
    expect(logic({ '<=': [1, { var: 'sessions' }, 10] }, en)).toBe('1 ≤ Sessions ≤ 10');
    expect(logic({ '>=': [{ var: 'answers.a' }, 30] })).toBe('Phiếu (Rất hài lòng) ≥ 30');
    expect(logic({ '>=': [{ var: 'answers.a' }, 1000] }, en)).toBe('Answers (Very satisfied) ≥ 1,000');
    expect(logic({ '?:': [{ '!!': [{ var: 'digital' }] }, true, false] })).toBe('nếu Có nền tảng số thì có; còn lại không');
  });

  it('conditions: levels by their labels, yes/no, lists', () => {
    expect(vi.say.condition({ input: 'kind', op: 'in', value: ['x', 'y'] })).toBe('Loại thuộc Loại X, Loại Y');
    expect(
      en.say.condition({
        all: [
          { input: 'digital', is: false },
          { input: 'sessions', op: 'gte', value: 1200 },
        ],
      }),
    ).toBe('Digital channels: no and Sessions ≥ 1,200');
  });

  it('the rule of a leaf in one sentence', () => {
    const node = compiled.nodes.get('1.1')!;
    expect(vi.rule(node)).toBe('Theo biểu thức: ' + logic(tiered));
    expect(en.rule(node)).toBe('By the expression: ' + logic(tiered, en));
  });
});

describe("advice in the unit's own terms", () => {
  /** On-time dossiers ÷ resolved × 100: 1 point from `bound` (above it when not `inclusive`), else 0. */
  const onTimeTiers = (bound: number, inclusive: boolean) =>
    leafSet(INPUTS, {
      type: 'tiers',
      value: { ratio: { numerator: 'on_time', denominator: 'resolved', times: 100 } },
      tiers: [
        { min: bound, minInclusive: inclusive, points: 1 },
        { max: bound, maxInclusive: !inclusive, points: 0 },
      ],
    });
  const ratio = onTimeTiers(90, true);
  const say = (ex: ReturnType<typeof createExplainer>, im: Improvement) => ex.improvement(im, '1.1');
  const im: Improvement = {
    kind: 'raiseRatio',
    numerator: 'on_time',
    denominator: 'resolved',
    from: '84',
    to: '90',
    delta: '6',
    target: '90',
    strict: false,
    pointsAfter: '0.75',
    gain: '0.25',
    feasible: true,
  };

  it("how many more of the unit's own items reach the next tier", () => {
    expect(say(createExplainer(ratio, 'vi'), im)).toBe('Thêm 6 hồ sơ giải quyết đúng hạn để đạt 0,75 điểm (+0,25) (84 → 90; tỉ lệ 90%)');
    expect(say(createExplainer(ratio, 'en'), im)).toBe('Add 6 to “Dossiers resolved on time” to reach 0.75 points (+0.25) (84 → 90; ratio 90%)');
    expect(say(createExplainer(ratio, 'vi'), { ...im, feasible: false })).toContain('không thể đạt');
    expect(say(createExplainer(ratio, 'en'), { ...im, pointsAfter: '1', gain: '1' })).toContain('to reach 1 point (+1)');
  });

  // "Above 98%" of 3,000 dossiers resolved, as Kiên Thọ's plan asks.
  const above = onTimeTiers(98, false);
  const ev = { formatVersion: 1, criteriaSet: above.ref, unit: { code: 'X', name: 'Xã X', level: 'commune' }, period: { from: '2026-01-01', to: '2026-12-31' } };
  const values = (onTime: number) => ({ ...ev, entries: [{ criterion: '1.1', values: { on_time: onTime, resolved: 3000 } }] });

  it('a target whose bound is excluded is "above" it ("trên 98%"); a numerator that must pass `to` says so', () => {
    // 2,940 of 3,000 is exactly 98%: not above it; 2,941 is.
    const [raised] = score(above, values(2940)).fields[0]!.children![0]!.trace!.improve;
    expect(raised).toEqual({
      kind: 'raiseRatio',
      numerator: 'on_time',
      denominator: 'resolved',
      from: '2940',
      to: '2941',
      delta: '1',
      target: '98',
      above: true,
      strict: false,
      pointsAfter: '1',
      gain: '1',
      feasible: true,
    });
    expect(score(above, values(2941)).totals.points).toBe('1');
    expect(say(createExplainer(above, 'vi'), raised!)).toBe('Thêm 1 hồ sơ giải quyết đúng hạn để đạt 1 điểm (+1) (2.940 → 2.941; tỉ lệ trên 98%)');
    expect(say(createExplainer(above, 'en'), raised!)).toBe('Add 1 to “Dossiers resolved on time” to reach 1 point (+1) (2,940 → 2,941; ratio above 98%)');
    // A proportional rule's band "above 30%": 9 of 30 is exactly 30%, 0 points; 10 enters the band. Its
    // maximum's bound (fullAt) is included: no `above`.
    const band = leafSet(INPUTS, { type: 'proportional', value: { ratio: { numerator: 'on_time', denominator: 'resolved', times: 100 } }, fullAt: 80, band: { min: 30, minInclusive: false } });
    const leaf = score(band, { ...values(9), criteriaSet: band.ref, entries: [{ criterion: '1.1', values: { on_time: 9, resolved: 30 } }] }).fields[0]!.children![0]!;
    expect(leaf.points).toBe('0');
    expect(leaf.trace!.improve.map((x) => (x.kind === 'raiseRatio' ? [x.to, x.target, x.above] : []))).toEqual([
      ['10', '30', true],
      ['24', '80', undefined],
    ]);
    expect(say(createExplainer(band, 'vi'), leaf.trace!.improve[0]!)).toMatch(/ \(9 → 10; tỉ lệ trên 30%\)$/);
    expect(say(createExplainer(band, 'en'), leaf.trace!.improve[1]!)).toMatch(/ \(9 → 24; ratio 80%\)$/);
    // The plan's advice, in tasks, names the same bound.
    expect(LOCALES.vi.plan.advice('2', '98', true, '1 điểm', 'PL02.1; PL02.2')).toBe('Hoàn thành 2 nhiệm vụ sau để đạt trên 98% (1 điểm): PL02.1; PL02.2');
    expect(LOCALES.en.plan.adviceShort('3', '1', '98', true)).toBe('3 more tasks done are needed to get above 98%, but only 1 due task is left undone.');
    expect(LOCALES.en.plan.adviceShort('1', '0', '90', false)).toBe('1 more task done is needed to reach 90%, but only 0 due tasks are left undone.');
    expect(LOCALES.en.plan.advice('1', '90', false, '1 point', 'PL02.1')).toBe('Complete this task to reach 90% (1 point): PL02.1');
    // An included bound has no `above` (results saved before it existed stay as they were).
    expect(im).not.toHaveProperty('above');
    expect(say(createExplainer(ratio, 'vi'), { ...im, strict: true })).toBe('Thêm 6 hồ sơ giải quyết đúng hạn để đạt 0,75 điểm (+0,25) (84 → trên 90; tỉ lệ 90%)');
    expect(say(createExplainer(ratio, 'en'), { ...im, strict: true, above: true })).toBe('Add 6 to “Dossiers resolved on time” to reach 0.75 points (+0.25) (84 → above 90; ratio above 90%)');
  });

  it('points that do not end show 6 places and "…"', () => {
    // A survey's points (6 × 0.7714285714…), exact to 60 digits in the result.
    const survey = createExplainer(ratio, 'vi');
    expect(survey.say.pts('15.4285714285714285714285714285714285714285714285714285714286')).toBe('15,428571… điểm');
    expect(say(survey, { ...im, pointsAfter: '15.6043956043956043956043956043956043956043956043956043956044', gain: '0.1758241758241758241758241758241758241758241758241758241758' })).toContain(
      'để đạt 15,604396… điểm (+0,175824…)',
    );
  });

  it('a unit after exactly 1 is singular in English: the input as read and the advice that moves it by 1', () => {
    const one = score(above, { ...values(1), entries: [{ criterion: '1.1', values: { on_time: 1, resolved: 3000 } }] }).fields[0]!.children![0]!;
    const onTime = one.trace!.inputs.find((i) => i.id === 'on_time')!;
    expect(createExplainer(above, 'en').input(onTime)).toMatch(/^Dossiers resolved on time: 1 dossier \[on_time; /);
    expect(createExplainer(above, 'vi').input(onTime)).toMatch(/^Số hồ sơ giải quyết đúng hạn: 1 hồ sơ \[on_time; /);
    const byOne = { kind: 'raise', input: 'on_time', from: '1', to: '2', delta: '1', strict: false, pointsAfter: '1', gain: '1', feasible: true } as const;
    expect(say(createExplainer(above, 'en'), byOne)).toBe('Raise “Dossiers resolved on time” by 1 dossier (from 1 to 2) to reach 1 point (+1)');
    expect(say(createExplainer(above, 'en'), { ...byOne, delta: '2', to: '3' })).toContain('by 2 dossiers');
  });

  it('raise, set, provide, survey, none', () => {
    expect(say(vi, { kind: 'raise', input: 'rate', from: '76.4', to: '80', delta: '3.6', strict: false, pointsAfter: '1', gain: '0.5', feasible: true })).toBe(
      'Tăng “Tỷ lệ số hóa (%)” từ 76,4% lên 80% để đạt 1 điểm (+0,5)',
    );
    // A rate moves by percentage points: from and to, not "by 3.6%".
    expect(say(en, { kind: 'raise', input: 'rate', from: '76.4', to: '80', delta: '3.6', strict: true, pointsAfter: '1', gain: '0.5', feasible: true })).toBe(
      'Raise “Digitisation rate (%)” from 76.4% to above 80% to reach 1 point (+0.5)',
    );
    expect(say(en, { kind: 'provide', inputs: ['resolved'], documents: [], pointsAfter: null, gain: null })).toBe('Provide “Dossiers resolved” to be scored');
    expect(say(vi, { kind: 'set', input: 'kind', to: 'y', pointsAfter: '2', gain: '1' })).toBe('Đạt mức “Loại Y” cho “Loại” để đạt 2 điểm (+1)');
    expect(say(en, { kind: 'survey', input: 'answers', option: 'a', more: '1', pointsAfter: '1.5', gain: '0.01' })).toBe('1 more “Very satisfied” answer to reach 1.5 points (+0.01)');
    // Too few answers to be scored: the step's share is 0, which is no share of the answers.
    const tooFew = { kind: 'survey', input: 'answers', counts: { a: '10', b: '15' }, weights: { a: '1', b: '0' }, answers: '25', weighted: '10', share: '0', points: '0' } as const;
    expect(vi.step(tooFew)).toBe('25 phiếu, chưa đủ số phiếu để chấm → 0 điểm');
    expect(en.step(tooFew)).toBe('25 answers, too few to be scored → 0 points');
    // What the survey must show (the share to the next whole percent), not ballots to add.
    const survey = { kind: 'survey', input: 'answers', option: 'a', more: '4', share: '0.796', target: '0.8', pointsAfter: '4.8', gain: '0.024' } as const;
    expect(say(en, survey)).toBe('Raise the weighted share of “Answers” from 0.796 to at least 0.8 to reach 4.8 points (+0.024)');
    expect(say(vi, survey)).toBe('Nâng tỉ lệ có trọng số của “Phiếu” từ 0,796 lên ít nhất 0,8 để đạt 4,8 điểm (+0,024)');
    expect(say(vi, { kind: 'none', reason: 'searchBound' })).toBe('Không tìm được thay đổi nào cho thêm điểm trong giới hạn tìm kiếm');
  });

  it('turns a count label into a phrase', () => {
    expect(countPhrase('Số hồ sơ giải quyết đúng hạn', 'hồ sơ', 'vi')).toBe('hồ sơ giải quyết đúng hạn');
    expect(countPhrase('Số cuộc kiểm tra', 'lần', 'vi')).toBe('lần (Số cuộc kiểm tra)');
    expect(countPhrase('Number of dossiers resolved', undefined, 'en')).toBe('dossiers resolved');
  });
});

describe('tier bounds', () => {
  it('"from", "above", "under", "up to", "exactly", in both languages', () => {
    expect(boundsText({ min: 80, minInclusive: true, max: 90, maxInclusive: false }, '%', 'vi')).toBe('Từ 80% đến dưới 90%');
    expect(boundsText({ min: 90, minInclusive: false }, '%', 'vi')).toBe('Trên 90%');
    expect(boundsText({ min: 90, minInclusive: true }, '%', 'vi')).toBe('Từ 90% trở lên');
    expect(boundsText({ max: 50, maxInclusive: false }, '%', 'vi')).toBe('Dưới 50%');
    expect(boundsText({ min: 70, minInclusive: true, max: 90, maxInclusive: true }, '%', 'vi')).toBe('Từ 70% đến 90%');
    expect(boundsText({ min: 80, minInclusive: true, max: 90, maxInclusive: false }, '%', 'en')).toBe('From 80% to under 90%');
    expect(boundsText({ min: '99.5', minInclusive: true }, '%', 'en')).toBe('99.5% or more');
    expect(boundsText({ min: 1000, minInclusive: true, max: 1000, maxInclusive: true }, '', 'vi')).toBe('Bằng 1.000');
  });
});

describe('conditions the trace points at', () => {
  it('are worded from the set, in the chosen language', () => {
    const shapes = compile(JSON.parse(readFileSync(new URL('../../../test/conformance/engine/shapes.set.json', import.meta.url), 'utf8')));
    expect(createExplainer(shapes, 'vi').say.conditionAt('/fields/0/children/3/rule/conditions/1')).toBe('Bố trí kinh phí');
    expect(createExplainer(shapes, 'vi').say.conditionAt('/fields/0/children/3/rule/conditions/0')).toBe('Xác định đầy đủ nhiệm vụ');
  });
});

describe('a missing figure or document', () => {
  it('a figure missing is "not enough to score" whatever the policy; a document missing follows the policy', () => {
    const c = leafSet([INPUTS[1]], { type: 'boolean', input: 'digital', points: 2 });
    const step = (inputs: string[], documents: string[], policy: 'zero' | 'scoreAndFlag') => ({ kind: 'missing' as const, inputs, documents, policy, explanation: null });
    const vi = createExplainer(c, 'vi');
    const en = createExplainer(c, 'en');
    expect(vi.step(step(['digital'], [], 'scoreAndFlag'))).toBe('Thiếu: Có nền tảng số — chưa đủ số liệu để chấm');
    expect(en.step(step(['digital'], [], 'zero'))).toBe('Missing: Digital channels — not enough to score');
    expect(vi.step(step([], [], 'scoreAndFlag'))).toBe('Thiếu:  — vẫn chấm, cần giải trình');
    expect(en.step(step([], [], 'zero'))).toBe('Missing:  — zero points');
  });
});

describe('the locales', () => {
  it('have the same words, flags and statuses, none empty, in both languages', () => {
    for (const part of ['words', 'flags', 'statuses'] as const) {
      expect(Object.keys(LOCALES.en[part]).sort()).toEqual(Object.keys(LOCALES.vi[part]).sort());
      for (const l of [LOCALES.vi, LOCALES.en]) for (const [k, v] of Object.entries(l[part])) expect([k, v.length > 0]).toEqual([k, true]);
    }
  });

  it('have a sentence for every step, improvement and rule kind in both languages', () => {
    for (const part of ['steps', 'improvements', 'rules'] as const) expect(Object.keys(LOCALES.en[part]).sort()).toEqual(Object.keys(LOCALES.vi[part]).sort());
  });
});

describe('the period of a unit', () => {
  const set = JSON.parse(readFileSync(new URL('../../../rules/sets/model.commune-par/2026.json', import.meta.url), 'utf8'));
  const compiled = compile(set);
  it("is the set's label in each language when it is the set's period (the unit's Vietnamese label is not shown in English)", () => {
    const p = { from: '2026-01-01', to: '2026-12-31', label: 'Năm 2026' };
    expect(createExplainer(compiled, 'vi').period(p)).toBe('Năm 2026');
    expect(createExplainer(compiled, 'en').period(p)).toBe('Year 2026');
  });
  it("else the unit's own label, else its dates in the language's way", () => {
    expect(createExplainer(compiled, 'en').period({ from: '2026-01-01', to: '2026-06-30', label: '6 tháng đầu năm 2026' })).toBe('6 tháng đầu năm 2026');
    expect(createExplainer(compiled, 'vi').period({ from: '2026-01-01', to: '2026-06-30' })).toBe('01/01/2026 – 30/06/2026');
  });
});

describe("a rule's note in the audit trail", () => {
  const withNote = (rule: Record<string, unknown>) =>
    compile(oneLeafSet('note', 2, { inputs: [{ id: 'done', type: 'boolean', label: 'Đã làm', labelEn: 'Done' }], rule: { type: 'boolean', input: 'done', ...rule } }));
  const evidence = {
    formatVersion: 1,
    criteriaSet: 'test.note@2026',
    unit: { code: 'X', name: 'UBND xã X', level: 'commune' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    entries: [{ criterion: '1.1', values: { done: false } }],
  };
  const paras = (c: ReturnType<typeof withNote>, lang: 'vi' | 'en') =>
    explainLeaf(score(c, evidence).fields[0]!.children![0]!, c, createExplainer(c, lang))
      .filter((b) => b.kind === 'para')
      .map((b) => (b as { text: string }).text);

  it('is shown in the language asked for: note in Vietnamese, noteEn in English', () => {
    const c = withNote({ note: 'Ghi chú của bộ', noteEn: "The set's note" });
    expect(paras(c, 'vi')).toContain('Ghi chú của bộ');
    expect(paras(c, 'en')).toContain("The set's note");
    expect(paras(c, 'en')).not.toContain('Ghi chú của bộ');
  });

  it('without noteEn, no note in English (never the Vietnamese one)', () => {
    const c = withNote({ note: 'Ghi chú của bộ' });
    expect(paras(c, 'vi')).toContain('Ghi chú của bộ');
    expect(paras(c, 'en').some((t) => t.includes('Ghi chú'))).toBe(false);
  });
});
