/** The tree's shortcuts give what the long way gives, the same objects. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from './deps.js';
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
