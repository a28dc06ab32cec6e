/** The tree's shortcuts give what the long way gives, the same objects; every unit's figures have their fixed places. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile.js';
import { Decimal } from './deps.js';
import { score } from './score.js';
import { ZERO } from './score-context.js';
import { blockPoints } from './tree.js';

describe('blockPoints', () => {
  it('is Decimal.max(ZERO, Decimal.min(raw, max)), the very object, for values of either sign, -0 and equal ones', () => {
    const value = fc.oneof(
      fc.constantFrom('0', '-0', '1', '-1', '2.5', '-2.5', '10', '1e-30', '-1e-30'),
      fc.integer({ min: -50, max: 50 }).map(String),
      fc.tuple(fc.integer({ min: -999, max: 999 }), fc.integer({ min: 0, max: 3 })).map(([c, e]) => `${c}e-${e}`),
    );
    fc.assert(
      fc.property(value, value, fc.boolean(), (r, m, same) => {
        const raw = new Decimal(r);
        const max = same ? new Decimal(r) : new Decimal(m);
        expect(blockPoints(raw, max)).toBe(Decimal.max(ZERO, Decimal.min(raw, max)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the places a unit is kept in', () => {
  const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
  const sets = readdirSync(join(ROOT, 'rules/sets')).flatMap((dir) => readdirSync(join(ROOT, 'rules/sets', dir)).map((f) => join(ROOT, 'rules/sets', dir, f)));

  it("give each input and node of every shipped set its place in the set's order, and each leaf the compiled inputs it reads", () => {
    for (const file of sets) {
      const compiled = compile(JSON.parse(readFileSync(file, 'utf8')));
      expect([...compiled.inputs.values()].map((i) => i.slot)).toEqual([...compiled.inputs.keys()].map((_, k) => k));
      expect([...compiled.nodes.values()].map((n) => n.index)).toEqual([...compiled.nodes.keys()].map((_, k) => k));
      for (const leaf of compiled.leaves) expect(leaf.plan!.readInputs).toEqual(leaf.reads.map((id) => compiled.inputs.get(id)));
    }
  });

  it('hold one compact record per node, each in its place (the example commune)', () => {
    const compiled = compile(JSON.parse(readFileSync(join(ROOT, 'rules/sets/model.commune-par/2026.json'), 'utf8')));
    const unit = JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8'));
    const criteria = score(compiled, unit, { form: 'compact' }).criteria;
    expect(criteria.length).toBe(compiled.nodes.size);
    expect(criteria.every((c, i) => Object.hasOwn(criteria, i) && typeof c.code === 'string')).toBe(true);
    expect(new Set(criteria.map((c) => c.code))).toEqual(new Set(compiled.nodes.keys()));
  });
});
