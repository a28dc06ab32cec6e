/**
 * Regression tests of the red team's findings that live in scoring (issue "hostile input, round two"):
 * conditions that fail to evaluate, rounding above the maximum, a field that is a leaf, dates before 100.
 */
import { describe, expect, it } from 'vitest';
import { compile, score, type NodeResult } from '@parindex/engine';
import { daysBetween } from '@parindex/rules';
import { oneLeafSet } from './one-leaf-set.js';

const evidence = (values: Record<string, unknown>) => ({
  formatVersion: 1,
  criteriaSet: 'test.red@2026',
  unit: { code: 'X', name: 'X', level: 'commune' },
  period: { from: '2026-01-01', to: '2026-12-31' },
  entries: [{ criterion: '1.1', values }],
});
const leafOf = (r: { fields: NodeResult[] }) => r.fields[0]!.children![0]!;
const X1 = { id: 'x1', type: 'count', label: 'x1', required: false };
const Y = { id: 'y', type: 'boolean', label: 'y' };

describe('a json-logic condition that cannot be evaluated', () => {
  const cases = {
    allOf: { inputs: [X1, Y], rule: { type: 'allOf', conditions: [{ logic: { '<=': [{ var: 'x1' }, 5] } }] } },
    parts: { inputs: [X1, Y], rule: { type: 'parts', parts: [{ id: 'a', label: 'a', when: { logic: { '<=': [{ var: 'x1' }, 5] } }, fraction: 1 }] } },
    applicability: { inputs: [X1, Y], applicability: { notApplicableWhen: { logic: { '<=': [{ var: 'x1' }, 5] } } }, rule: { type: 'boolean', input: 'y' } },
  };
  for (const [where, leaf] of Object.entries(cases)) {
    it(`in ${where}, over an optional input left out: the leaf is invalid with SCORE_EXPRESSION, not a crash`, () => {
      const set = { ...oneLeafSet('red', 1, leaf as never), id: 'test.red' };
      const r = score(compile(set), evidence({ y: true }));
      expect(leafOf(r)).toMatchObject({ status: 'invalid', points: '0' });
      expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'SCORE_EXPRESSION', params: expect.objectContaining({ reason: 'notANumber', op: '<=', got: 'none' }) }));
    });
  }
});

describe('rounding and dates', () => {
  it('criterion rounding never lifts a leaf above its maximum (0,75 rounded to 0 places is not 1)', () => {
    const set = { ...oneLeafSet('red', '0.75', { inputs: [Y], rule: { type: 'boolean', input: 'y' } }), id: 'test.red', rounding: [{ level: 'criterion', places: 0, mode: 'halfUp' }] };
    const leaf = leafOf(score(compile(set), evidence({ y: true })));
    expect(leaf.points).toBe('0.75');
    expect(leaf.trace!.steps.slice(-2)).toEqual([
      { kind: 'round', level: 'criterion', from: '0.75', to: '1', places: 0, mode: 'halfUp' },
      { kind: 'clamp', from: '1', to: '0.75', bound: 'max' },
    ]);
  });

  it('a field that is itself a leaf gets the field rounding', () => {
    const set = { ...oneLeafSet('red', 1, { inputs: [], rule: { type: 'boolean', input: 'y' } }), id: 'test.red', rounding: [{ level: 'field', places: 1, mode: 'down' }] };
    set.fields = [
      { code: '1', title: 'f', max: 1, source: { document: 't' }, inputs: [{ id: 'n', type: 'count', label: 'n' }], rule: { type: 'proportional', value: { input: 'n' }, fullAt: 3 } },
    ] as never;
    const r = score(compile(set), { ...evidence({}), entries: [{ criterion: '1', values: { n: 2 } }] });
    expect(r.fields[0]!.points).toBe('0.6');
  });

  it('days late are counted the same before the year 100 (Date.UTC maps 0–99 to 1900–1999)', () => {
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('0004-02-28', '0004-03-01')).toBe(2);
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1);
    expect(daysBetween('2026-01-10', '2026-01-09')).toBe(-1);
  });
});
