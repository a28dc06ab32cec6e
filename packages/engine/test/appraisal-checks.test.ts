/**
 * An appraisal's corrections go through the checks the evidence's own values go through: a corrected
 * value may not exceed the input its atMost names (5,000 dossiers on time of 1,300 resolved), and a
 * correction filed under one criterion may not change another criterion's input.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, ParindexError, score, type NodeResult } from '@parindex/engine';

const read = (p: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${p}`, import.meta.url)), 'utf8'));
const compiled = compile(read('rules/sets/model.commune-par/2026.json'));
const evidence = read('examples/vinh-bao/par-2026.json');
const appraisal = read('examples/vinh-bao/appraisal-2026.json');

function errorsOf(items: unknown[]): Array<{ code: string; path: string }> {
  const a = structuredClone(appraisal);
  a.rounds[0].items.push(...items);
  try {
    score(compiled, evidence, { appraisal: a });
  } catch (e) {
    if (e instanceof ParindexError) return e.diagnostics.map((d) => ({ code: d.code, path: d.path }));
    throw e;
  }
  return [];
}

describe('appraisal corrections', () => {
  it('obey atMost: a corrected numerator above its denominator is an error at the correction', () => {
    expect(errorsOf([{ criterion: '3.2', values: { dossiers_on_time: 5000 }, reason: 'r' }])).toEqual([{ code: 'EVIDENCE_EXCEEDS_OTHER', path: '/rounds/0/items/3/values/dossiers_on_time' }]);
    // A corrected denominator below the unit's numerators too: each input that now exceeds it is named.
    const lowered = errorsOf([{ criterion: '3.2', values: { dossiers_resolved: 100 }, reason: 'r' }]);
    expect(lowered.length).toBeGreaterThan(0);
    expect(lowered).toEqual(lowered.map(() => ({ code: 'EVIDENCE_EXCEEDS_OTHER', path: '/rounds/0/items/3/values/dossiers_resolved' })));
  });

  it('name the input a value may not exceed by its label, as the value itself', () => {
    const a = structuredClone(appraisal);
    a.rounds[0].items.push({ criterion: '3.2', values: { dossiers_on_time: 5000 }, reason: 'r' });
    const { diagnostics } = (() => {
      try {
        score(compiled, evidence, { appraisal: a });
        return { diagnostics: [] };
      } catch (e) {
        return e as ParindexError;
      }
    })();
    const d = diagnostics.find((x) => x.code === 'EVIDENCE_EXCEEDS_OTHER')!;
    // Its sentence: docs/errors.md (the example), "… lớn hơn "Số hồ sơ đã giải quyết" (resolved) (1.300) …".
    expect(d.params).toMatchObject({ other: 'dossiers_resolved', otherLabel: 'Tổng số hồ sơ TTHC đã giải quyết trong năm', label: 'Số hồ sơ giải quyết trước và đúng hạn' });
  });

  it('may only change the inputs their criterion reads', () => {
    // 3.2 reads dossiers_on_time and dossiers_resolved; online_payments belongs to 3.7.2.
    expect(errorsOf([{ criterion: '3.2', values: { online_payments: 1 }, reason: 'r' }])).toEqual([{ code: 'EVIDENCE_UNKNOWN_INPUT', path: '/rounds/0/items/3/values/online_payments' }]);
  });

  it('within bounds and on their own criterion, they apply as before', () => {
    expect(errorsOf([{ criterion: '3.2', values: { dossiers_on_time: 1300 }, reason: 'r' }])).toEqual([]);
  });
});

/** The diagnostics (errors and warnings) of scoring the example with its appraisal edited by `edit`. */
function diagnosticsOf(edit: (a: typeof appraisal) => void): Array<{ code: string; path: string; severity: string; params: unknown }> {
  const a = structuredClone(appraisal);
  edit(a);
  try {
    return score(compiled, evidence, { appraisal: a }).diagnostics.map(({ code, path, severity, params }) => ({ code, path, severity, params }));
  } catch (e) {
    if (e instanceof ParindexError) return e.diagnostics.map(({ code, path, severity, params }) => ({ code, path, severity, params }));
    throw e;
  }
}
const appraisalOnly = (list: ReturnType<typeof diagnosticsOf>) => list.filter((d) => d.code.startsWith('APPRAISAL_'));

describe('appraisal rounds', () => {
  it('each have their own id: a repeated one is an error at the second, and nothing is scored', () => {
    // Without the check, round 3 renamed "round1" was silently dropped (82,436 instead of 82,936).
    expect(appraisalOnly(diagnosticsOf((a) => (a.rounds[2].id = 'round1')))).toEqual([
      { code: 'APPRAISAL_DUPLICATE_ROUND', path: '/rounds/2/id', severity: 'error', params: { round: 'round1', first: 1, at: 3 } },
    ]);
  });

  it('give a criterion one item each: a second is an error (it would replace the first reason)', () => {
    const twice = diagnosticsOf((a) => a.rounds[0].items.push({ criterion: '3.7.2', values: { payment_transactions: 640 }, reason: 'again' }));
    expect(appraisalOnly(twice)).toEqual([{ code: 'APPRAISAL_REPEATED_ITEM', path: '/rounds/0/items/3/criterion', severity: 'error', params: { code: '3.7.2', round: 'round1', first: 2, at: 4 } }]);
    // The same criterion in two rounds is what rounds are for.
    expect(appraisalOnly(diagnosticsOf(() => {}))).toEqual([]);
  });

  it('refuse a reason of only spaces, as the schema refuses an empty one', () => {
    expect(appraisalOnly(diagnosticsOf((a) => (a.rounds[1].items[0].reason = ' \t ')))).toEqual([
      { code: 'APPRAISAL_BLANK_REASON', path: '/rounds/1/items/0/reason', severity: 'error', params: { code: '1.4.1', round: 'answer' } },
    ]);
  });

  it('dated before an earlier round get a warning, and are scored in file order', () => {
    const found = diagnosticsOf((a) => (a.rounds[2].date = '2027-01-21'));
    expect(appraisalOnly(found)).toEqual([
      { code: 'APPRAISAL_ROUND_DATE_ORDER', path: '/rounds/2/date', severity: 'warning', params: { round: 'round2', date: '2027-01-21', previous: 'answer', previousDate: '2027-01-27' } },
    ]);
    expect(score(compiled, evidence, { appraisal: { ...appraisal, rounds: appraisal.rounds.map((r: object, i: number) => (i === 2 ? { ...r, date: '2027-01-21' } : r)) } }).totals.points).toBe(
      '82.936',
    );
  });
});

describe('the advice of a criterion the appraiser gave points', () => {
  const adviceOf = (points: number) => {
    const a = structuredClone(appraisal);
    a.rounds[0].items[1].points = points;
    const nodes = score(compiled, evidence, { appraisal: a, round: 'round1' }).fields.flatMap(function all(n): NodeResult[] {
      return [n, ...(n.children ?? []).flatMap(all)];
    });
    const leaf = nodes.find((n) => n.code === '3.7.2')!;
    return { points: leaf.points, improve: leaf.trace?.improve.map((im) => ('gain' in im ? im.gain : null)) };
  };

  it('is measured from those points, and is none at the maximum', () => {
    // 3.7.2's corrected values (320 of 640) give 0,75; reaching 55% would give 1,5.
    expect(adviceOf(1.5)).toEqual({ points: '1.5', improve: [] });
    expect(adviceOf(1)).toEqual({ points: '1', improve: ['0.5'] });
    expect(adviceOf(0.5)).toEqual({ points: '0.5', improve: ['1'] });
  });
});

describe('appraisal points written the Vietnamese way', () => {
  it('"0,5" is read as 0.5 with APPRAISAL_POINTS_READ and scores as 0.5 does; a text that is no number stays an error', () => {
    const comma = structuredClone(appraisal);
    comma.rounds[0].items[0].points = '0,5';
    const dot = structuredClone(appraisal);
    dot.rounds[0].items[0].points = 0.5;
    const r = score(compiled, evidence, { appraisal: comma, round: 'round1' });
    expect(r.totals).toEqual(score(compiled, evidence, { appraisal: dot, round: 'round1' }).totals);
    expect(r.diagnostics.filter((d) => d.code === 'APPRAISAL_POINTS_READ').map((d) => [d.path, d.severity, d.params])).toEqual([['/rounds/0/items/0/points', 'warning', { got: '0,5', read: '0.5' }]]);
    const bad = structuredClone(appraisal);
    bad.rounds[0].items[0].points = 'nửa điểm';
    expect(() => score(compiled, evidence, { appraisal: bad, round: 'round1' })).toThrow(ParindexError);
  });
});

describe('appraisal dates written day first', () => {
  it('are read as the ISO date with APPRAISAL_DATE_READ, and score as the ISO dates do; a text that is no date stays an error', () => {
    const a = structuredClone(appraisal);
    a.rounds[0].date = '20/01/2027';
    a.rounds[2].items[0].date = '5.2.2027';
    const r = score(compiled, evidence, { appraisal: a });
    const iso = score(compiled, evidence, { appraisal });
    expect(r.totals).toEqual(iso.totals);
    expect(r.diagnostics.filter((d) => d.code === 'APPRAISAL_DATE_READ').map((d) => [d.path, d.severity, d.params])).toEqual([
      ['/rounds/0/date', 'warning', { of: 'round', got: '20/01/2027', read: '2027-01-20' }],
      ['/rounds/2/items/0/date', 'warning', { of: 'item', got: '5.2.2027', read: '2027-02-05' }],
    ]);
    // The override of round 2 is dated as read.
    const steps = (r.fields.flatMap((f) => f.children ?? []).flatMap((g) => g.children ?? [g]) as NodeResult[]).find((n) => n.code === '1.4.1')!.trace!.steps;
    expect(steps.filter((s) => s.kind === 'override').map((s) => (s as { date?: string }).date)).toEqual(['2027-01-20', '2027-02-05']);
    const bad = structuredClone(appraisal);
    bad.rounds[0].date = 'tháng 1';
    expect(() => score(compiled, evidence, { appraisal: bad })).toThrow(ParindexError);
    const notReal = structuredClone(appraisal);
    notReal.rounds[0].date = '31/02/2027';
    expect(() => score(compiled, evidence, { appraisal: notReal })).toThrow(ParindexError);
  });
});

describe("the unit's claim under an override", () => {
  it("is set against what its evidence gives, not against the appraiser's points", () => {
    // 1.1.1: the unit claims 1, its evidence gives 1; the appraiser overrides it to 0.5.
    const a = structuredClone(appraisal);
    a.rounds = [{ id: 'round1', kind: 'appraisal', items: [{ criterion: '1.1.1', points: 0.5, reason: 'Kế hoạch thiếu nội dung' }] }];
    const leafOf = (r: ReturnType<typeof score>) => (r.fields[0] as NodeResult).children![0]!.children![0]!;
    const self = leafOf(score(compiled, evidence));
    expect([self.code, self.points, self.flags.includes('claimMismatch')]).toEqual(['1.1.1', '1', false]);
    const round = score(compiled, evidence, { appraisal: a, round: 'round1' });
    const leaf = leafOf(round);
    expect([leaf.points, leaf.flags.includes('overridden'), leaf.flags.includes('claimMismatch')]).toEqual(['0.5', true, false]);
    expect(leaf.trace!.claim).toMatchObject({ claimed: '1', computed: '1', matches: true });
    expect(round.diagnostics.filter((d) => d.code === 'SCORE_CLAIM_MISMATCH' && (d.params as { code: string }).code === '1.1.1')).toEqual([]);
  });
});
