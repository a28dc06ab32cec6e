/**
 * Every problem at once, in the engine: a file the schema refuses in places is still checked by the
 * later stages, at the same JSON pointers, without warnings that repeat an error; and never scored.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEvidence, compile, ParindexError, score } from '@parindex/engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const compiled = compile(JSON.parse(readFileSync(here('../../../test/conformance/engine/shapes.set.json'), 'utf8')));
const evidence = (): J => JSON.parse(readFileSync(here('../../../test/conformance/engine/full.evidence.json'), 'utf8'));
const codes = (e: J) => checkEvidence(compiled, e).map((d) => `${d.code} ${d.path}`);

describe('checkEvidence past the schema', () => {
  it('reports the schema problems and the values problems of the same file', () => {
    const e = evidence();
    e.unit.level = 'xã';
    e.entries[2].claimedPoint = 1;
    e.entries[7].values.resolved = '1,300';
    e.entries[3].values.plan_timing = 'ontime';
    expect(codes(e)).toEqual([
      'EVIDENCE_SCHEMA /unit/level',
      'EVIDENCE_SCHEMA /entries/2',
      'EVIDENCE_UNKNOWN_OPTION /entries/3/values/plan_timing',
      'EVIDENCE_NUMBER_AMBIGUOUS /entries/7/values/resolved',
    ]);
    expect(() => score(compiled, e)).toThrow(ParindexError);
  });
  it('an entry that is not an object is skipped in place: the next entries keep their pointers', () => {
    const e = evidence();
    e.entries[1] = 'has_iso_scope';
    e.entries[7].values.resolved_on_time = 1301;
    // What the skipped entry held cannot be known: 3.2, which reads has_iso_scope, lacks it.
    expect(codes(e)).toEqual(['EVIDENCE_SCHEMA /entries/1', 'EVIDENCE_EXCEEDS_OTHER /entries/7/values/resolved_on_time', 'SCORE_MISSING_INPUT /entries/13']);
  });
  it('a refused value or values object is not also "missing", a refused list of documents not also "no document"', () => {
    const e = evidence();
    e.entries[3].values = 'on_time';
    e.entries[7].values.resolved = [1300];
    e.entries[2].documents = 'Kế hoạch 15/KH-UBND';
    expect(codes(e)).toEqual(['EVIDENCE_SCHEMA /entries/2/documents', 'EVIDENCE_SCHEMA /entries/3/values', 'EVIDENCE_SCHEMA /entries/7/values/resolved']);
  });
  it('a document date written day first is read, with a warning, and the file scores as with the ISO date', () => {
    const e = evidence();
    e.entries[2].documents[0].date = '10/01/2026';
    const r = score(compiled, e);
    expect(r.diagnostics.map((d) => [d.code, d.path, d.params])).toEqual([['EVIDENCE_DATE_READ', '/entries/2/documents/0/date', { input: null, got: '10/01/2026', read: '2026-01-10' }]]);
    expect(r.totals).toEqual(score(compiled, evidence()).totals);
  });
  it('a null where a value goes is the input\'s own problem, by its label and its form, said once (not also "no value")', () => {
    const e = evidence();
    e.entries[0].value = null;
    e.entries[7].values.resolved = null;
    e.entries[16].values.satisfaction.a = null;
    // An input the set does not have keeps the schema's problem: it has no label or form to name.
    e.entries[8].values.online_rat = null;
    const found = checkEvidence(compiled, e).filter((d) => d.severity === 'error');
    expect(found.map((d) => [d.code, d.path, d.params])).toEqual([
      ['EVIDENCE_VALUE_TYPE', '/entries/0/value', { input: 'docs_assigned', option: null, expected: 'boolean', received: 'null', value: null, label: expect.any(String) }],
      ['EVIDENCE_VALUE_TYPE', '/entries/7/values/resolved', { input: 'resolved', option: null, expected: 'count', received: 'null', value: null, label: expect.any(String) }],
      ['EVIDENCE_SCHEMA', '/entries/8/values/online_rat', expect.objectContaining({ issue: 'type', received: 'null' })],
      ['EVIDENCE_VALUE_TYPE', '/entries/16/values/satisfaction/a', { input: 'satisfaction', option: 'a', expected: 'count', received: 'null', value: null, label: 'Số phiếu theo mức' }],
    ]);
    expect(() => score(compiled, e)).toThrow(ParindexError);
  });
  it("another set's file is not checked further", () => {
    const e = evidence();
    e.criteriaSet = 'test.other@2026';
    e.unit.level = 'xã';
    expect(codes(e)).toEqual(['EVIDENCE_SCHEMA /unit/level', 'EVIDENCE_SET_MISMATCH /criteriaSet']);
  });
});
