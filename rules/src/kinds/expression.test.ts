/**
 * The expression kind's advice tries the values the expression's numbers suggest (found once at
 * compile) in the order the search always took: against the search written out here as it was before
 * (candidates collected per unit, sorted by distance), on random thresholds, points, bounds and
 * values, the same improvements and the same inputs read in the same order (the trace shows them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, cmpDec, dec, decText, ZERO } from '../decimal.js';
import { evaluateLogic } from '../expression.js';
import type { InputDef } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { logicValueOf } from './condition.js';
import { expressionKind } from './expression.js';
import type { CompileContext, KindInput, Reader, Typed } from './kind.js';

const RUNS = Math.max(500, Math.floor(Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) / 10));

interface Input {
  id: string;
  def: KindInput;
  dependents: string[];
}

/** The search as it was: per input, the candidates (thresholds ± 1 and the bounds) nearest first, the first that gains. */
function searchBefore(logic: unknown, inputs: Input[], literals: Decimal[], read: Reader, floor: Decimal, max: Decimal): Improvement[] {
  const run = (r: Reader) => evaluateLogic(logic, (name, option) => logicValueOf(r(name), option)) as Decimal;
  const current = clampPoints(run(read), floor, max);
  if (!current.lt(max)) return [];
  const found: Improvement[] = [];
  for (const input of inputs) {
    const from = read(input.id);
    const cur = from instanceof Decimal ? from : ZERO;
    const def = input.def;
    let lo = def.min ?? ZERO;
    let hi = def.max ?? (def.def.type === 'percent' ? new Decimal(100) : null);
    const cap = def.def.atMost === undefined ? undefined : read(def.def.atMost);
    if (cap instanceof Decimal) hi = hi === null ? cap : Decimal.min(hi, cap);
    for (const id of input.dependents) {
      const v = read(id);
      if (v instanceof Decimal) lo = Decimal.max(lo, v);
    }
    const whole = def.def.type === 'count';
    const seen = new Map<string, Decimal>();
    const add = (v: Decimal) => {
      const x = whole ? v.ceil() : v;
      if (x.lt(lo) || (hi !== null && x.gt(hi)) || x.eq(cur)) return;
      seen.set(decText(x), x);
    };
    for (const l of literals) for (const d of whole ? [-1, 0, 1] : [0]) add(l.plus(d));
    add(lo);
    if (hi !== null) add(hi);
    const candidates = [...seen.values()].sort((a, b) => cmpDec(a.minus(cur).abs(), b.minus(cur).abs()));
    for (const to of candidates) {
      const g = gainOf(
        clampPoints(
          run((id) => (id === input.id ? to : read(id))),
          floor,
          max,
        ),
        current,
      );
      if (!g) continue;
      if (to.lt(cur)) found.push({ kind: 'lower', input: input.id, from: decText(cur), to: decText(to), delta: decText(cur.minus(to)), ...g });
      else found.push({ kind: 'raise', input: input.id, from: decText(cur), to: decText(to), delta: decText(to.minus(cur)), strict: false, ...g, feasible: true });
      break;
    }
  }
  if (found.length > 0) return found.sort((a, b) => cmpDec(dec((a as { gain: string }).gain), dec((b as { gain: string }).gain)));
  return [{ kind: 'none', reason: 'noBetterValue' }];
}

const num = fc.oneof(
  fc.integer({ min: -5, max: 60 }),
  fc.integer({ min: -500, max: 6000 }).map((m) => m / 100),
);
const points = fc.integer({ min: 0, max: 40 }).map((m) => m / 4);

describe('expression advice: the values tried, found once at compile, in the order they always were', () => {
  it('same improvements and the same reads as the search written out', () => {
    fc.assert(
      fc.property(
        fc.array(num, { minLength: 3, maxLength: 3 }),
        fc.array(points, { minLength: 3, maxLength: 3 }),
        fc.constantFrom('count', 'decimal', 'percent'),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 100 }),
        ([a, b, k], [p1, p2, p3], type, nMin, n, m, cap) => {
          const logic = { if: [{ '>=': [{ var: 'n' }, a] }, p1, { '>': [{ '+': [{ var: 'n' }, { var: 'm' }] }, b] }, p2, { '<': [{ var: 'm' }, k] }, p3, 0] };
          const defs: Record<string, InputDef> = {
            n: { id: 'n', type: type as 'count', label: 'n', ...(nMin !== undefined ? { min: nMin } : {}), atMost: 'cap' },
            m: { id: 'm', type: 'count', label: 'm' },
            cap: { id: 'cap', type: 'count', label: 'cap' },
          };
          const kindInput = (id: string): KindInput => {
            const def = defs[id]!;
            return { def, options: null, min: def.min === undefined ? null : dec(def.min), max: null };
          };
          const max = dec(10);
          const ctx = { path: '/rule', max, floor: ZERO, input: kindInput, dependents: () => [], condition: () => null } as unknown as CompileContext;
          const compiled = expressionKind.compile({ type: 'expression', logic }, ctx);
          const values = new Map<string, Typed>([
            ['n', new Decimal(type === 'count' ? Math.min(n, cap) : Math.min(n, cap) / 2)],
            ['m', new Decimal(m)],
            ['cap', new Decimal(cap)],
          ]);
          const reads =
            (log: string[]): Reader =>
            (id) => {
              log.push(id);
              return values.get(id);
            };
          const mine: string[] = [];
          const ev = expressionKind.evaluate(compiled, reads(mine), null);
          const advice = expressionKind.advise(compiled, ev, expressionKind.prepare(compiled));
          const before: string[] = [];
          const inputs = ['m', 'n'].map((id) => ({ id, def: kindInput(id), dependents: [] }));
          const literals = [a, p1, b, p2, k, p3, 0].map((x) => new Decimal(String(x)));
          const expected = searchBefore(logic, inputs, literals, reads(before), ZERO, max);
          expect(advice).toEqual(expected);
          expect(mine).toEqual(before);
        },
      ),
      { numRuns: RUNS, seed: 20261201 },
    );
  });
});
