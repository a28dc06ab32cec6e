/**
 * Proportional points are made with one division of exact operands: max × (n × t − zeroAt × d) ÷
 * ((fullAt − zeroAt) × d). Dividing the ratio first, then the fraction, then multiplying by the maximum
 * rounded three times at 60 digits: 2 inspections of 3 gave 0.75 × 66.666…67 ÷ 100 = 0.500…0025, not 0.5
 * (issue 17 found 240 of 3,321 generated communes off in the 60th digit of criterion 1.3.2).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, score } from '@parindex/engine';
import { Decimal } from '@parindex/rules';
import { Decimal as DecimalJs } from 'decimal.js';

const read = (p: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${p}`, import.meta.url)), 'utf8'));
const compiled = compile(read('rules/sets/model.commune-par/2026.json'));
const evidence = read('examples/vinh-bao/par-2026.json');
const Wide = DecimalJs.clone({ precision: 200, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });

type Node = { code: string; points: string; children?: Node[] };
function leaf(nodes: Node[], code: string): Node {
  for (const n of nodes) {
    if (n.code === code) return n;
    const hit = n.children ? leafOrNull(n.children, code) : null;
    if (hit) return hit;
  }
  throw new Error(`no ${code}`);
}
const leafOrNull = (nodes: Node[], code: string): Node | null => {
  try {
    return leaf(nodes, code);
  } catch {
    return null;
  }
};

/** Criterion 1.3.2 (max 0.75, inspections done ÷ planned × 100, full at 100) for done of planned. */
function inspections(done: number, planned: number): string {
  const e = structuredClone(evidence);
  const entry = e.entries.find((x: { criterion?: string }) => x.criterion === '1.3.2');
  entry.values = { inspections_planned: planned, inspections_done: done };
  return leaf(score(compiled, e).fields as Node[], '1.3.2').points;
}

describe('proportional points, exactly', () => {
  it('2 of 3 planned inspections give exactly 0.5 of 0.75 points; 1 of 3 gives 0.25', () => {
    expect(inspections(2, 3)).toBe('0.5');
    expect(inspections(1, 3)).toBe('0.25');
  });

  it('for any done ≤ planned, the points are 0.75 × done ÷ planned correctly rounded to 60 significant digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 99_999 }), (planned, k) => {
        const done = k % (planned + 1);
        const exact = new Wide('0.75').times(done).div(planned).toSignificantDigits(60, Decimal.ROUND_HALF_UP);
        expect(new Decimal(inspections(done, planned)).eq(new Decimal(exact.toString()))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
