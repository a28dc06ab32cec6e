/**
 * The form's model in Node: every example evidence file read into the form and written back scores
 * exactly as the file itself (every node's points, status and flags, and the totals); a value typed
 * the Vietnamese way reaches the engine as typed, and its diagnostic finds its control.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEvidence, compile, score, type NodeResult, type ScoreResult } from '@parindex/engine';
import { controlAt, controlId, dateValue, emptyState, evidenceOf, stateOf } from './model.js';

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
  it.each(examples)('%s read into the form and written back scores the same', (file) => {
    const ev = json(file);
    const compiled = compile(sets.get(ev.criteriaSet as string));
    const back = evidenceOf(compiled, stateOf(compiled, ev)).evidence;
    const a = score(compiled, ev);
    const b = score(compiled, back);
    expect(b.totals).toEqual(a.totals);
    expect(points(b)).toEqual(points(a));
    expect(b.unit).toEqual(a.unit);
    expect(back.preparedBy).toEqual(ev.preparedBy);
    // Written back once more: the same file.
    expect(evidenceOf(compiled, stateOf(compiled, back)).evidence).toEqual(back);
  });

  it('an empty form is valid evidence with nothing given; a value typed "1300,5" reaches the engine as typed and its diagnostic finds the control', () => {
    const compiled = compile(sets.get('model.commune-par@2026'));
    const s = emptyState(compiled);
    expect(checkEvidence(compiled, evidenceOf(compiled, s).evidence).filter((d) => d.severity === 'error')).toEqual([]);
    s.values.dossiers_resolved = '1300,5';
    const { evidence, where } = evidenceOf(compiled, s);
    expect((evidence.entries as unknown[])[0]).toEqual({ input: 'dossiers_resolved', value: '1300,5' });
    const errors = checkEvidence(compiled, evidence).filter((d) => d.severity === 'error');
    // A count is whole: 1300,5 (1300.5 read the Vietnamese way) is not one.
    expect(errors.map((d) => d.code)).toContain('EVIDENCE_VALUE_TYPE');
    const comma = errors.find((d) => d.code === 'EVIDENCE_VALUE_TYPE')!;
    expect(controlAt(where, comma.path)).toBe(controlId.input('dossiers_resolved'));
  });

  it('numbers are written as JSON numbers only when they say exactly what was typed', () => {
    const compiled = compile(sets.get('model.commune-par@2026'));
    const s = emptyState(compiled);
    s.values.dossiers_received = '1360';
    s.values.dossiers_resolved = '0012';
    s.values.civil_servants = '28.50';
    const entries = evidenceOf(compiled, s).evidence.entries as Array<{ value: unknown }>;
    expect(entries.map((e) => e.value)).toEqual([1360, '0012', '28.50']);
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
