/**
 * A compact result's criterion records: a criterion scored in full or scored zero out of its whole
 * maximum, with no flag, is one frozen record of the compiled set, shared by every unit's result
 * (score-context.ts keptRecord); any other outcome is the result's own. What each says is what the full
 * result says (compact.test.ts holds them byte for byte to toCompact).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, score, toCompact, type CompactResult } from '@parindex/engine';
// @ts-expect-error: a plain ESM script without types
import { generateEvidence } from '../../../examples/generate.mjs';

const set = JSON.parse(readFileSync(new URL('../../../rules/sets/model.commune-par/2026.json', import.meta.url), 'utf8')) as unknown;
const compiled = compile(set);
const units = generateEvidence(40, 3) as unknown[];
const results = units.map((u) => score(compiled, u, { form: 'compact' }));
const usual = (r: CompactResult['criteria'][number]) =>
  r.status === 'scored' && r.flags.length === 0 && r.applicableMax === compiled.nodes.get(r.code)!.maxText && (r.points === r.applicableMax || r.points === '0');

/** The object is frozen and the same as the first one seen under its key (and the first seen is kept). */
function sharedUnder(seen: Map<string, object>, key: string, value: object): void {
  expect(Object.isFrozen(value)).toBe(true);
  expect(value).toBe(seen.get(key) ?? value);
  seen.set(key, value);
}

describe('kept criterion records', () => {
  it('are shared and frozen for the usual outcomes, and the result’s own for the others', () => {
    const first = new Map<string, object>();
    let shared = 0;
    let own = 0;
    for (const r of results) {
      for (const rec of r.criteria) {
        const node = compiled.nodes.get(rec.code)!;
        const isFieldLeaf = node.isLeaf && node.depth === 1 && node.block === 'fields';
        if (usual(rec) && !isFieldLeaf) {
          // The same object in every result where the criterion had this outcome.
          sharedUnder(first, `${rec.code} ${rec.points}`, rec);
          shared++;
        } else {
          expect(Object.isFrozen(rec)).toBe(false);
          own++;
        }
      }
    }
    // Both kinds occur in generated communes (two in three records are usual).
    expect(shared).toBeGreaterThan(own);
    expect(own).toBeGreaterThan(0);
  });

  it('say what the full result says, whichever unit made them first', () => {
    for (let i = units.length - 1; i >= 0; i--) expect(JSON.stringify(results[i])).toBe(JSON.stringify(toCompact(score(compiled, units[i]))));
  });

  it('share one frozen list per single flag, the set’s name and its bands; longer lists are their own, of their exact length', () => {
    const one = new Map<string, object>();
    let single = 0;
    let longer = 0;
    for (const r of results) {
      for (const rec of r.criteria) {
        if (rec.flags.length === 1) {
          sharedUnder(one, rec.flags[0]!, rec.flags);
          single++;
        } else if (rec.flags.length > 1) {
          expect(Object.isFrozen(rec.flags)).toBe(false);
          expect(r.criteria.filter((c) => c.flags === rec.flags)).toHaveLength(1);
          longer++;
        }
      }
      expect(r.provenance.criteriaSet).toBe(results[0]!.provenance.criteriaSet);
      expect(Object.isFrozen(r.provenance.criteriaSet)).toBe(true);
      const band = r.totals.classification;
      if (band) expect(band).toBe(results.find((o) => o.totals.classification?.code === band.code)!.totals.classification);
      if (band) expect(Object.isFrozen(band)).toBe(true);
    }
    expect(single).toBeGreaterThan(0);
    expect(longer).toBeGreaterThan(0);
    // The full form shares one frozen empty list (shared-steps.test.ts); a node's flags, when it has any, are its own.
    const full = score(compiled, units[0]);
    const nodes = full.fields.flatMap(function walk(n): typeof full.fields {
      return [n, ...(n.children ?? []).flatMap(walk)];
    });
    const flagged = nodes.filter((n) => n.flags.length > 0);
    expect(flagged.length).toBeGreaterThan(0);
    for (const n of flagged) expect(Object.isFrozen(n.flags)).toBe(false);
    for (const n of nodes) if (n.flags.length === 0) expect(Object.isFrozen(n.flags)).toBe(true);
  });

  it('cannot be changed through one result for another', () => {
    const rec = results[0]!.criteria.find((c) => Object.isFrozen(c))!;
    expect(() => {
      (rec as { points: string }).points = '999';
    }).toThrow(TypeError);
    expect(results.some((r) => r.criteria.some((c) => c.points === '999'))).toBe(false);
  });
});
