/**
 * The form's model in Node: every example evidence file read into the form and written back scores
 * exactly as the file itself (every node's points, status and flags, and the totals), in both languages;
 * numbers are typed as the page's language writes them, and one the form cannot read is its problem at
 * its control, left out of the evidence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEvidence, compile, score, type NodeResult, type ScoreResult } from '@parindex/engine';
import { controlAt, controlId, dateValue, emptyState, evidenceOf, restateNumbers, stateOf } from './model.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;

const sets = new Map<string, unknown>();
for (const dir of readdirSync(join(ROOT, 'rules/sets')))
  for (const f of readdirSync(join(ROOT, 'rules/sets', dir))) {
    const s = json(`rules/sets/${dir}/${f}`);
    sets.set(`${s.id}@${s.version}`, s);
  }

const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(ROOT, 'examples', d.name)).map((f) => `examples/${d.name}/${f}`))
  .filter((p) => Array.isArray(json(p).entries));

/** What a score says of every node, without the entry numbers (the form writes its entries in set order). */
function points(r: ScoreResult) {
  const out: Array<[string, string, string, string]> = [];
  const walk = (n: NodeResult) => {
    out.push([n.code, n.points, n.status, n.flags.join(',')]);
    n.children?.forEach(walk);
  };
  r.fields.forEach(walk);
  r.bonus?.items.forEach(walk);
  r.penalty?.items.forEach(walk);
  return out;
}

describe('the form model', () => {
  it.each(examples.flatMap((f) => [[f, 'vi'] as const, [f, 'en'] as const]))('%s read into the form (%s) and written back scores the same', (file, lang) => {
    const ev = json(file);
    const compiled = compile(sets.get(ev.criteriaSet as string));
    const state = stateOf(compiled, ev, lang);
    const { evidence: back, problems } = evidenceOf(compiled, state);
    expect(problems).toEqual([]);
    // Switched to the other language and back: the same file.
    restateNumbers(compiled, state, lang === 'vi' ? 'en' : 'vi');
    expect(evidenceOf(compiled, state).evidence).toEqual(back);
    const a = score(compiled, ev);
    const b = score(compiled, back);
    expect(b.totals).toEqual(a.totals);
    expect(points(b)).toEqual(points(a));
    expect(b.unit).toEqual(a.unit);
    expect(back.preparedBy).toEqual(ev.preparedBy);
    // Written back once more: the same file.
    expect(evidenceOf(compiled, stateOf(compiled, back)).evidence).toEqual(back);
  });

  it('an empty form is valid evidence with nothing given; a count typed "1300,5" is the form\'s problem at its control, left out (kept as typed in a saved file)', () => {
    const compiled = compile(sets.get('model.commune-par@2026'));
    const s = emptyState(compiled);
    expect(checkEvidence(compiled, evidenceOf(compiled, s).evidence).filter((d) => d.severity === 'error')).toEqual([]);
    s.values.dossiers_resolved = '1300,5';
    const { evidence, where, problems } = evidenceOf(compiled, s);
    expect(evidence.entries).toEqual([]);
    // A count is whole: 1300,5 (1300.5 read the Vietnamese way) is not one. Its sentence names the input by its label.
    expect(problems.map((d) => [d.code, d.severity, d.path, (d.params as { label?: string }).label])).toEqual([
      ['EVIDENCE_VALUE_TYPE', 'error', '#in-dossiers_resolved', 'Tổng số hồ sơ TTHC đã giải quyết trong năm'],
    ]);
    expect(controlAt(where, problems[0]!.path)).toBe(controlId.input('dossiers_resolved'));
    expect(evidenceOf(compiled, s, 'vi', true).evidence.entries).toEqual([{ input: 'dossiers_resolved', value: '1300,5' }]);
  });

  it('numbers are typed as the language writes them: "1.480" and "0,5" in Vietnamese, "1,480" and "0.5" in English', () => {
    const compiled = compile(sets.get('model.commune-par@2026'));
    const entryOf = (s: ReturnType<typeof emptyState>, code: string) => (evidenceOf(compiled, s).evidence.entries as Array<Record<string, unknown>>).find((e) => e.criterion === code);
    const vi = emptyState(compiled, 'vi');
    Object.assign(vi.values, { dossiers_received: '1.480', dossiers_resolved: '1 300', investment_allocated: '18.450,5', investment_disbursed: '17450,25', non_territorial_rate: '86,5%' });
    vi.claimed['6.4'] = '0,5';
    const viOut = evidenceOf(compiled, vi);
    expect(viOut.problems).toEqual([]);
    expect((viOut.evidence.entries as Array<{ value?: unknown }>).slice(0, 2).map((e) => e.value)).toEqual([1480, 1300]);
    expect(entryOf(vi, '6.4')).toMatchObject({ values: { investment_allocated: 18450.5, investment_disbursed: 17450.25 }, claimedPoints: 0.5 });
    expect(entryOf(vi, '3.3.2')).toMatchObject({ values: { non_territorial_rate: 86.5 } });
    const en = emptyState(compiled, 'en');
    Object.assign(en.values, { dossiers_received: '1,480', investment_allocated: '18,450.5', investment_disbursed: '17450.25' });
    en.claimed['6.4'] = '0.5';
    expect(evidenceOf(compiled, en).problems).toEqual([]);
    expect(entryOf(en, '6.4')).toMatchObject({ values: { investment_allocated: 18450.5, investment_disbursed: 17450.25 }, claimedPoints: 0.5 });
    // A language switch writes the typed numbers again the other way; the file stays the same.
    const before = evidenceOf(compiled, vi).evidence;
    restateNumbers(compiled, vi, 'en');
    expect([vi.values.dossiers_received, vi.values.investment_allocated, vi.values.non_territorial_rate, vi.claimed['6.4']]).toEqual(['1480', '18450.5', '86.5', '0.5']);
    expect(evidenceOf(compiled, vi).evidence).toEqual(before);
  });

  it('a number that reads as two ("1.125" in a decimal: 1.125 or 1125) is a problem saying what to type as the form writes numbers', () => {
    const compiled = compile(sets.get('model.commune-par@2026'));
    const s = emptyState(compiled, 'vi');
    s.values.investment_allocated = '1.125';
    s.claimed['6.4'] = 'abc';
    const { problems, where } = evidenceOf(compiled, s);
    expect(problems.map((d) => [d.code, d.path, (d.params as { sheet?: string }).sheet ?? null])).toEqual([
      ['EVIDENCE_NUMBER_AMBIGUOUS', '#in-investment_allocated', 'vi'],
      ['EVIDENCE_VALUE_TYPE', '#claim-6.4', null],
    ]);
    expect(problems.map((d) => controlAt(where, d.path))).toEqual([controlId.input('investment_allocated'), controlId.claimed('6.4')]);
    // What cannot be read is left as typed by a language switch.
    restateNumbers(compiled, s, 'en');
    expect([s.values.investment_allocated, s.claimed['6.4']]).toEqual(['1.125', 'abc']);
  });

  it("a file's numbers are shown as the form's language writes them, read back as the same numbers", () => {
    const compiled = compile(sets.get('model.commune-par@2026'));
    const ev = {
      criteriaSet: compiled.ref,
      entries: [
        { criterion: '6.4', values: { investment_allocated: 1.125, investment_disbursed: '95,5' }, claimedPoints: 0.5 },
        { input: 'dossiers_received', value: 1480 },
      ],
    };
    const vi = stateOf(compiled, ev, 'vi');
    expect([vi.values.investment_allocated, vi.values.investment_disbursed, vi.claimed['6.4'], vi.values.dossiers_received]).toEqual(['1,1250', '95,5', '0,5', '1480']);
    const en = stateOf(compiled, ev, 'en');
    expect([en.values.investment_allocated, en.values.investment_disbursed, en.claimed['6.4']]).toEqual(['1.1250', '95.5', '0.5']);
    for (const s of [vi, en])
      expect((evidenceOf(compiled, s).evidence.entries as Array<Record<string, unknown>>).find((e) => e.criterion === '6.4')).toMatchObject({
        values: { investment_allocated: 1.125, investment_disbursed: 95.5 },
        claimedPoints: 0.5,
      });
  });

  it('dates typed the Vietnamese way (dd/mm/yyyy) are written YYYY-MM-DD; anything else reaches the engine as typed', () => {
    expect(dateValue('5/1/2026')).toBe('2026-01-05');
    expect(dateValue('12/01/2026')).toBe('2026-01-12');
    expect(dateValue('2026-01-12')).toBe('2026-01-12');
    expect(dateValue('32/13/2026')).toBe('2026-13-32');
    expect(dateValue('12.01.2026')).toBe('12.01.2026');
    const compiled = compile(sets.get('model.commune-par@2026'));
    const s = emptyState(compiled);
    s.values.plan_issued_on = '12/01/2026';
    s.documents['1.1.1/plan'] = { number: '3/KH-UBND', date: '12/01/2026', title: 'Kế hoạch', rest: {} };
    const entry = (evidenceOf(compiled, s).evidence.entries as Array<Record<string, unknown>>).find((e) => e.criterion === '1.1.1');
    expect(entry?.values).toEqual({ plan_issued_on: '2026-01-12' });
    expect(entry?.documents).toEqual([{ number: '3/KH-UBND', date: '2026-01-12', title: 'Kế hoạch' }]);
  });
});

describe('the period of a new evidence file', () => {
  it("is the set's, its label in the page's language (the default: Vietnamese)", () => {
    const compiled = compile(JSON.parse(readFileSync(join(ROOT, 'rules/sets/model.commune-par/2026.json'), 'utf8')));
    const s = emptyState(compiled);
    expect(evidenceOf(compiled, s).evidence.period).toEqual({ from: '2026-01-01', to: '2026-12-31', label: 'Năm 2026' });
    expect(evidenceOf(compiled, s, 'en').evidence.period).toEqual({ from: '2026-01-01', to: '2026-12-31', label: 'Year 2026' });
  });
});
