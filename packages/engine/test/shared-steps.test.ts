/**
 * Steps and improvements that depend only on the rule are made once at compile and shared by every
 * result (a yes/no's step and advice, a level's, a tier's step): frozen, so that a caller changing
 * one result in place cannot change another unit's, and equal to what a fresh object would say.
 */
import { describe, expect, it } from 'vitest';
import { compile, score, type NodeResult } from '@parindex/engine';
import { oneLeafSet } from './one-leaf-set.js';

const evidence = (values: Record<string, unknown>) => ({
  formatVersion: 1,
  criteriaSet: 'test.shared@2026',
  unit: { code: 'X', name: 'X', level: 'commune' },
  period: { from: '2026-01-01', to: '2026-12-31' },
  entries: [{ criterion: '1.1', values }],
});
const leafOf = (fields: NodeResult[]) => fields[0]!.children![0]!;

describe('shared steps and advice', () => {
  it('a yes/no leaf: the same frozen step and advice in two results, as the JSON says', () => {
    const compiled = compile(oneLeafSet('shared', 4, { inputs: [{ id: 'done', type: 'boolean', label: 'done' }], rule: { type: 'boolean', input: 'done' } }));
    const a = leafOf(score(compiled, evidence({ done: false })).fields);
    const b = leafOf(score(compiled, evidence({ done: false })).fields);
    expect(a.trace!.steps[0]).toBe(b.trace!.steps[0]);
    expect(a.trace!.improve[0]).toBe(b.trace!.improve[0]);
    expect(Object.isFrozen(a.trace!.steps[0])).toBe(true);
    expect(Object.isFrozen(a.trace!.improve[0])).toBe(true);
    expect(() => {
      (a.trace!.improve[0] as { gain: string }).gain = '99';
    }).toThrow(TypeError);
    expect(JSON.parse(JSON.stringify(b.trace))).toMatchObject({
      steps: [{ kind: 'boolean', input: 'done', value: false, points: '0' }],
      improve: [{ kind: 'set', input: 'done', to: true, pointsAfter: '4', gain: '4' }],
    });
    // Each result keeps lists of its own: only the objects in them are shared.
    expect(a.trace!.improve).not.toBe(b.trace!.improve);
  });

  it('a level leaf and a tiers leaf share their steps too', () => {
    const levels = compile(
      oneLeafSet('shared', 10, {
        inputs: [{ id: 'lvl', type: 'level', label: 'lvl', options: ['a', 'b', 'c'].map((id) => ({ id, label: id })) }],
        rule: { type: 'levels', input: 'lvl', points: { a: 0, b: 5, c: 10 } },
      }),
    );
    const [x, y] = [0, 1].map(() => leafOf(score(levels, evidence({ lvl: 'b' })).fields));
    expect(x!.trace!.steps[0]).toBe(y!.trace!.steps[0]);
    expect(Object.isFrozen(x!.trace!.steps[0])).toBe(true);
    expect(x!.trace!.improve).toEqual([{ kind: 'set', input: 'lvl', to: 'c', pointsAfter: '10', gain: '5' }]);
    const tiers = compile(
      oneLeafSet('shared', 10, {
        inputs: [{ id: 'n', type: 'count', label: 'n' }],
        rule: {
          type: 'tiers',
          value: { input: 'n' },
          tiers: [
            { min: 0, minInclusive: true, max: 5, maxInclusive: false, points: 0 },
            { min: 5, minInclusive: true, points: 10 },
          ],
        },
      }),
    );
    const [p, q] = [2, 3].map((n) => leafOf(score(tiers, evidence({ n })).fields));
    expect(p!.trace!.steps[1]).toBe(q!.trace!.steps[1]);
    expect(Object.isFrozen(p!.trace!.steps[1])).toBe(true);
  });
});
