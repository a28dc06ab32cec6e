/**
 * Steps that depend only on the rule are made once at compile (a yes/no's, a level's, a tier's step),
 * and advice that does once per compiled rule, when a full result first asks for it (KindAdvice.prepare:
 * a yes/no's advice, a level's), and both are shared by every result, as are the empty lists of a full
 * result (flags, documents, proofs, advice): frozen, so that a
 * caller changing one result in place cannot change another unit's, and equal to what a fresh object
 * would say.
 */
import { describe, expect, it } from 'vitest';
import { compile, score, withAdvice, type NodeResult } from '@parindex/engine';
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
    // The kind's advice list for this value is shared as well (frozen), not copied per result.
    expect(a.trace!.improve).toBe(b.trace!.improve);
    expect(Object.isFrozen(a.trace!.improve)).toBe(true);
  });

  it('the shared advice is worked out when a full result first asks for it, once per compiled rule, and a set with the advice attached shares it', () => {
    const compiled = compile(oneLeafSet('shared', 4, { inputs: [{ id: 'done', type: 'boolean', label: 'done' }], rule: { type: 'boolean', input: 'done' } }));
    const rule = compiled.leaves[0]!.kind!;
    score(compiled, evidence({ done: false }), { form: 'compact' });
    expect(rule.prepared).toBeUndefined();
    const a = leafOf(score(compiled, evidence({ done: false })).fields);
    expect(rule.prepared).toBeDefined();
    // The full entry's set already has the advice: attaching it again gives the same set.
    expect(withAdvice(compiled)).toBe(compiled);
    const copy = withAdvice({ ...compiled, advice: null });
    expect(copy.leaves[0]!.kind).toBe(rule);
    expect(leafOf(score(copy, evidence({ done: false })).fields).trace!.improve).toBe(a.trace!.improve);
  });

  it('the empty lists of a full result are one frozen list, and JSON writes them as []', () => {
    const compiled = compile(oneLeafSet('shared', 4, { inputs: [{ id: 'done', type: 'boolean', label: 'done' }], rule: { type: 'boolean', input: 'done' } }));
    const r = score(compiled, evidence({ done: true }));
    const leaf = leafOf(r.fields);
    const lists = [r.fields[0]!.flags, leaf.flags, leaf.trace!.documents];
    for (const list of lists) {
      expect(list).toEqual([]);
      expect(Object.isFrozen(list)).toBe(true);
      expect(() => (list as unknown[]).push('x')).toThrow(TypeError);
    }
    expect(leaf.flags).toBe(r.fields[0]!.flags);
    expect(JSON.parse(JSON.stringify(leaf))).toMatchObject({ flags: [], trace: { documents: [] } });
  });

  it('a leaf short of a document under "zero": its own advice list, the document first, the kind’s shared advice after', () => {
    const leaf = {
      inputs: [{ id: 'done', type: 'boolean', label: 'done' }],
      documents: [{ id: 'minutes', kind: 'Minutes', label: 'minutes' }],
      rule: { type: 'boolean', input: 'done' },
    };
    const compiled = compile(oneLeafSet('shared', 4, leaf));
    const [a, b] = [0, 1].map(() => leafOf(score(compiled, evidence({ done: true })).fields));
    const kindOnly = leafOf(score(compile(oneLeafSet('shared', 4, { ...leaf, documents: [] })), evidence({ done: true })).fields);
    expect(a!.points).toBe('0');
    expect(a!.trace!.improve).toEqual([{ kind: 'provide', inputs: [], documents: ['minutes'], pointsAfter: '4', gain: '4' }, ...kindOnly.trace!.improve]);
    expect(a!.trace!.improve).not.toBe(b!.trace!.improve);
    expect(Object.isFrozen(a!.trace!.improve)).toBe(false);
    expect(a!.trace!.documents).toEqual([{ id: 'minutes', kind: 'Minutes', label: 'minutes', required: true, provided: false, by: [] }]);
    expect(Object.isFrozen(a!.trace!.documents[0]!.by)).toBe(true);
  });

  it('a leaf missing its input: its own advice list, saying what to provide', () => {
    const compiled = compile(oneLeafSet('shared', 4, { inputs: [{ id: 'done', type: 'boolean', label: 'done' }], rule: { type: 'boolean', input: 'done' } }));
    const [a, b] = [0, 1].map(() => leafOf(score(compiled, evidence({})).fields));
    expect(a!.status).toBe('missingEvidence');
    expect(a!.trace!.improve).toEqual([{ kind: 'provide', inputs: ['done'], documents: [], pointsAfter: null, gain: null }]);
    expect(a!.trace!.improve).not.toBe(b!.trace!.improve);
    expect(a!.flags).toEqual(['missingInput']);
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
