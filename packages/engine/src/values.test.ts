/**
 * prepare() reads each value as it always has, with less work per unit: whole numbers are range-checked
 * as numbers when the bounds are whole, small counts share their Decimal, and the display texts are
 * written only when a trace reads them. These properties pin each shortcut to the long way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, decText, isRealDate } from './deps.js';
import { compile } from './compile.js';
import type { Evidence } from './evidence.js';
import type { Appraisal } from './appraisal.js';
import { applyAppraisal, prepare, realDate } from './values.js';
import { oneLeafSet } from '../test/one-leaf-set.js';

type NumberType = 'count' | 'decimal' | 'percent';
const MAX_VALUE = new Decimal(10).pow(15).minus(1);

function setWith(x: Record<string, unknown>) {
  return compile(
    oneLeafSet('values', 1, {
      inputs: [
        { id: 'y', type: 'boolean', label: 'y' },
        { id: 'x', label: 'x', ...x },
      ],
      rule: { type: 'boolean', input: 'y' },
    }),
  );
}

/** Where a unit's value of input x is kept. */
const slotOfX = (compiled: ReturnType<typeof setWith>) => compiled.inputs.get('x')!.slot;

const evidenceOf = (value: unknown): Evidence =>
  ({
    formatVersion: 1,
    criteriaSet: 'test.values@2026',
    unit: { code: 'T', name: 'T', level: 'commune' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    entries: [{ criterion: '1.1', values: { y: true, x: value } }],
  }) as Evidence;

/** What the long way says: the Decimal of the number's digits (-0 as 0), checked against the bounds with decimal.js. */
function expected(type: NumberType, min: string | undefined, max: string | undefined, raw: number): { ok: boolean; display?: string } {
  const n = new Decimal(Object.is(raw, -0) ? '0' : raw);
  if (type === 'count' && !n.isInteger()) return { ok: false };
  const lo = min !== undefined ? new Decimal(min) : type === 'decimal' ? MAX_VALUE.neg() : new Decimal(0);
  const hi = max !== undefined ? new Decimal(max) : type === 'percent' ? new Decimal(100) : MAX_VALUE;
  if (n.lt(lo) || n.gt(hi)) return { ok: false };
  return { ok: true, display: Number.isSafeInteger(raw) ? String(raw) : decText(n) };
}

describe('prepare() reads numbers as the long way does', () => {
  it('accepts exactly the numbers within the bounds, whole or not, and writes their text as before', () => {
    const bound = fc.oneof(fc.integer({ min: -2000, max: 2000 }).map(String), fc.constantFrom('0', '0.5', '-0.5', '99.99', '1023', '1024', '999999999999999', '-999999999999999', '123456.5', '100'));
    const raw = fc.oneof(
      fc.integer({ min: -3000, max: 3000 }),
      fc.constantFrom(-0, 0.5, -0.5, 1023, 1024, 99.99, 100.0000001, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e15 - 1, 1e15, 1e21, 5e-324),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<NumberType>('count', 'decimal', 'percent'),
        fc.option(bound, { nil: undefined }),
        fc.option(bound, { nil: undefined }),
        fc.array(raw, { minLength: 1, maxLength: 6 }),
        (type, min, max, raws) => {
          if (min !== undefined && max !== undefined && new Decimal(min).gt(max)) [min, max] = [max, min];
          const compiled = setWith({ type, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
          // The same compiled set for several numbers: its whole bounds are worked out once and kept.
          for (const r of raws) {
            const want = expected(type, min, max, r);
            const rec = prepare(compiled, evidenceOf(r)).values[slotOfX(compiled)];
            expect(rec !== undefined).toBe(want.ok);
            if (!rec) continue;
            expect((rec.value as Decimal).eq(new Decimal(Object.is(r, -0) ? '0' : r))).toBe(true);
            expect(decText(rec.value as Decimal)).toBe(decText(new Decimal(Object.is(r, -0) ? '0' : r)));
            expect(rec.display).toBe(want.display);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('shares the Decimal of a small count between units and keeps -0 and large counts apart', () => {
    const compiled = setWith({ type: 'count' });
    const a = prepare(compiled, evidenceOf(7)).values[slotOfX(compiled)]!;
    const b = prepare(compiled, evidenceOf(7)).values[slotOfX(compiled)]!;
    expect(a.value).toBe(b.value);
    expect(decText(a.value as Decimal)).toBe('7');
    const zero = prepare(compiled, evidenceOf(-0)).values[slotOfX(compiled)]!;
    expect((zero.value as Decimal).isNeg()).toBe(false);
    expect(zero.display).toBe('0');
    const big = prepare(compiled, evidenceOf(123456)).values[slotOfX(compiled)]!;
    expect([decText(big.value as Decimal), big.display]).toEqual(['123456', '123456']);
  });

  it("writes a tally's texts option by option when read, a fresh object each time", () => {
    const compiled = setWith({
      type: 'tally',
      options: [
        { id: 'yes', label: 'yes' },
        { id: 'no', label: 'no' },
        { id: 'blank', label: 'blank' },
      ],
    });
    const rec = prepare(compiled, evidenceOf({ no: 2, yes: 1500 })).values[slotOfX(compiled)]!;
    expect(rec.display).toEqual({ yes: '1500', no: '2', blank: '0' });
    expect(Object.keys(rec.display as object)).toEqual(['yes', 'no', 'blank']);
    expect(rec.display).not.toBe(rec.display);
    expect([...(rec.value as ReadonlyMap<string, Decimal>)].map(([k, v]) => [k, decText(v)])).toEqual([
      ['yes', '1500'],
      ['no', '2'],
      ['blank', '0'],
    ]);
  });
});

describe('realDate', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  it('is isRealDate for every month and day text 00–99 of leap, common and century years', () => {
    for (const y of [0, 4, 100, 400, 1900, 2000, 2024, 2025, 2026, 9999])
      for (let m = 0; m < 100; m++)
        for (let d = 0; d < 100; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          if (realDate(s) !== isRealDate(s)) expect(realDate(s), s).toBe(isRealDate(s));
        }
  });
  it('is isRealDate for texts of near-date shapes (signs, spaces, other digits, other lengths)', () => {
    const chars = fc.constantFrom(...'0123456789-/ +.a\u0663\uff11');
    const part = (n: number) => fc.string({ unit: chars, minLength: n, maxLength: n });
    // Dashes where a date has them and anything around them, or any text of about a date's length.
    const dashed = fc.tuple(part(4), part(2), part(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    fc.assert(
      fc.property(fc.oneof(dashed, fc.string({ unit: chars, minLength: 8, maxLength: 12 }), fc.string()), (s) => realDate(s) === isRealDate(s)),
      { numRuns: 5000 },
    );
  });
});

describe("prepare() lists each criterion's entries", () => {
  const compiled = setWith({ type: 'count' });
  const withEntries = (entries: Evidence['entries']): Evidence => ({ ...evidenceOf(1), entries });
  it('every entry of a criterion given several times, in order, whether it names the criterion or one of its inputs', () => {
    const many = prepare(
      compiled,
      withEntries([
        { criterion: '1.1', values: { y: true } },
        { criterion: '1.1', note: 'a' },
        { input: 'x', value: 2 },
        { criterion: '1.1', note: 'b' },
      ]),
    );
    expect(many.entriesOf[compiled.nodes.get('1.1')!.index]).toEqual([0, 1, 2, 3]);
    expect(prepare(compiled, withEntries([{ criterion: '1.1', values: { y: true } }])).entriesOf[compiled.nodes.get('1.1')!.index]).toEqual([0]);
  });
});

describe('applyAppraisal() checks corrected values in the order they were given', () => {
  const count = (id: string, atMost?: string) => ({ id, type: 'count', label: id, ...(atMost ? { atMost } : {}) });
  // Declared a, b, c, d: the order of their slots, which is not the order a unit gives them in.
  const compiled = compile(
    oneLeafSet('order', 1, { inputs: [{ id: 'y', type: 'boolean', label: 'y' }, count('a', 'd'), count('b', 'd'), count('c', 'd'), count('d')], rule: { type: 'boolean', input: 'y' } }),
  );
  const unit = (values: Record<string, number | boolean>): Evidence => ({ ...evidenceOf(1), criteriaSet: 'test.order@2026', entries: [{ criterion: '1.1', values }] });
  const appraisal = (values: Record<string, number>): Appraisal => ({
    formatVersion: 1,
    criteriaSet: 'test.order@2026',
    evidence: { unit: 'T', sha256: '0'.repeat(64) },
    rounds: [{ id: 'r1', kind: 'appraisal', items: [{ criterion: '1.1', values, reason: 'r' }] }],
  });
  const exceeding = (evidence: Evidence, corrections: Record<string, number>) => {
    const prepared = prepare(compiled, evidence);
    const applied = applyAppraisal(compiled, evidence, prepared, appraisal(corrections), undefined);
    return [...prepared.diagnostics, ...applied.diagnostics].filter((d) => d.code === 'EVIDENCE_EXCEEDS_OTHER').map((d) => [(d.params as { input: string }).input, d.path]);
  };

  it("the unit's values first, as its entries give them, then those only a correction gives", () => {
    expect(exceeding(unit({ y: true, b: 5, a: 5, d: 10 }), { d: 1, c: 3 })).toEqual([
      ['b', '/rounds/0/items/0/values/d'],
      ['a', '/rounds/0/items/0/values/d'],
      ['c', '/rounds/0/items/0/values/c'],
    ]);
  });

  it('a value dropped for exceeding its bound and given again by a correction comes after the unit’s', () => {
    expect(exceeding(unit({ y: true, a: 20, b: 9, d: 10 }), { a: 8, d: 6 })).toEqual([
      ['a', '/entries/0/values/a'],
      ['b', '/rounds/0/items/0/values/d'],
      ['a', '/rounds/0/items/0/values/a'],
    ]);
  });
});
