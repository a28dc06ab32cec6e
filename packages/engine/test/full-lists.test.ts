/**
 * The lists of a full result that are the result's own: each leaf's steps (copied from the unit's list
 * of steps, one to three as a literal), a group's steps (taken back off the end of that list), its
 * children and a block's items (lists of their exact length). The same JSON as a result whose lists
 * are made one by one would say.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, score, type NodeResult } from '@parindex/engine';

const DIR = fileURLToPath(new URL('../../../test/conformance/engine/', import.meta.url));
const read = (name: string) => JSON.parse(readFileSync(`${DIR}${name}`, 'utf8')) as Record<string, unknown>;

/** The shapes set's full evidence with field 3 summing below its floor (as deduction-limit-and-field-floor.json). */
function belowFloor() {
  const evidence = read('full.evidence.json') as { entries: Array<{ criterion?: string; values?: unknown }> };
  const replace: Record<string, unknown> = { '3.1': { docs_reviewed: false }, '3.2': { iso_applied: false }, '3.3': { duty: 'failed' }, '3.4': { late_reports: 6 } };
  evidence.entries = evidence.entries.map((e) => (e.criterion !== undefined && replace[e.criterion] ? { criterion: e.criterion, values: replace[e.criterion] } : e));
  return evidence;
}

const all = (nodes: readonly NodeResult[]): NodeResult[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);

describe('the own lists of a full result', () => {
  const compiled = compile(read('shapes.set.json'));
  const result = score(compiled, belowFloor());
  const nodes = [...all(result.fields), ...(result.bonus?.items ?? []), ...(result.penalty?.items ?? [])];

  it('a group floored: its one step, and none of it in its leaves or the next field', () => {
    const field3 = result.fields.find((f) => f.code === '3')!;
    expect(field3.points).toBe('0');
    expect(field3.steps).toEqual([{ kind: 'clamp', from: '-0.25', to: '0', bound: 'floor' }]);
    for (const n of nodes) if (n !== field3) for (const s of n.steps ?? n.trace?.steps ?? []) expect(s).not.toEqual(field3.steps![0]);
  });

  it('every leaf’s steps, a group’s steps and children, a block’s items: lists of their own, each element set', () => {
    const lists: unknown[][] = [];
    for (const n of nodes) {
      if (n.trace) lists.push(n.trace.steps);
      if (n.steps) lists.push(n.steps);
      if (n.children) lists.push(n.children);
    }
    if (result.bonus) lists.push(result.bonus.items);
    if (result.penalty) lists.push(result.penalty.items);
    expect(new Set(lists).size).toBe(lists.length);
    for (const list of lists) {
      expect(Object.isFrozen(list)).toBe(false);
      expect(Object.keys(list)).toHaveLength(list.length);
      expect(list.every((x) => x !== undefined)).toBe(true);
    }
    // Leaves with one, two and three steps and more are all there (the literal copies and the slice).
    const counts = new Set(nodes.filter((n) => n.trace).map((n) => Math.min(n.trace!.steps.length, 4)));
    expect([...counts].sort()).toEqual(expect.arrayContaining([1, 2]));
  });

  it('the same JSON for the same evidence scored again, after other units', () => {
    const first = JSON.stringify(result);
    score(compiled, read('full.evidence.json'));
    expect(JSON.stringify(score(compiled, belowFloor()))).toBe(first);
  });
});
