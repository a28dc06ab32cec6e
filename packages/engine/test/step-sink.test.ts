/**
 * A rule kind decides the same with a trace and without one: evaluated with a step sink and with none
 * (the compact form builds no steps), it gives the same raw points, the same outcome (not applicable,
 * too few answers, invalid), the same advice from its state, reads the same inputs in the same order
 * (the compact form marks them shown) and fails the same way when a condition cannot be evaluated; and
 * scored, the compact form is what toCompact makes of the full one. Random rules of every kind and
 * random values, with the branches the shipped sets and fixtures hardly reach: a ratio in no tier, a
 * given value out of range, too few answers, zero targets, a condition failing after one was shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, decText, type Typed } from '@parindex/rules';
import { compile, LogicError, score, toCompact, type CompiledSet } from '@parindex/engine';
import { oneLeafSet } from './one-leaf-set.js';

const RUNS = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000 ? 2_000 : 60;

type Json = number | boolean | string | Record<string, number>;
type Values = Record<string, Json | undefined>;
interface Case {
  inputs: unknown[];
  rule: unknown;
  values: Values;
}

const input = (id: string, type: string, more: Record<string, unknown> = {}) => ({ id, type, label: id, ...more });
const options = (...ids: string[]) => ({ options: ids.map((id) => ({ id, label: id })) });
/** A short decimal (hundredths), negative sometimes, zero often enough. */
const decimal = fc.oneof(
  fc.integer({ min: -2_000, max: 20_000 }).map((m) => m / 100),
  fc.constantFrom(0, 1, 50, 90, 100),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** A denominator, 0 often: the rule's zero policy decides then. */
const denominator = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(0));
const ratio = (numerator: string, denominator: string) => ({ ratio: { numerator, denominator, times: 100 } });
const roundValue = fc.record({ places: fc.integer({ min: 0, max: 2 }), mode: fc.constantFrom('halfUp', 'halfEven', 'down', 'up') });
const rounding = maybe(roundValue);
const onZero = maybe(fc.constantFrom('notApplicable', 'zeroPoints', 'fullPoints'));
const TIERS = [
  { min: 0, minInclusive: true, max: 50, maxInclusive: false, points: 0 },
  { min: 50, minInclusive: true, max: 90, maxInclusive: false, points: 5 },
  { min: 90, minInclusive: true, points: 10 },
];
const failing = { logic: { '>': [{ '/': [10, { var: 'm' }] }, 1] } };
/** A count that may not exceed another, as the evidence checks want it. */
const upTo = (total: number, x: number) => Math.min(total, x);

/** The outcomes each case must reach in its runs (the branches a kind takes without a trace). */
const REACHES: Record<string, string[]> = {
  allOf: ['scored', 'failed'],
  parts: ['scored', 'failed'],
  tiersRatio: ['scored', 'SCORE_NO_TIER', 'zeroDenominator'],
  tiersRatioRounded: ['scored', 'SCORE_NO_TIER'],
  tiersCounts: ['scored', 'zeroDenominator'],
  proportional: ['scored', 'zeroDenominator'],
  survey: ['scored', 'shortage'],
  expression: ['scored', 'SCORE_DIVISION_BY_ZERO'],
  given: ['scored', 'SCORE_GIVEN_OUT_OF_RANGE'],
  targets: ['scored', 'zeroDenominator'],
};
const outcomeOf = (r: ReturnType<typeof evaluateLeaf>) => ('failed' in r ? 'failed' : (r.outcome.invalid?.code ?? r.outcome.notApplicable?.cause ?? (r.outcome.shortage ? 'shortage' : 'scored')));

const CASES: Record<string, fc.Arbitrary<Case>> = {
  boolean: fc.record({ yes: fc.boolean(), otherwise: maybe(fc.integer({ min: 0, max: 10 })) }).map(({ yes, otherwise }) => ({
    inputs: [input('yes', 'boolean')],
    rule: { type: 'boolean', input: 'yes', otherwise },
    values: { yes },
  })),
  levels: fc
    .constantFrom('a', 'b', 'c')
    .map((lvl) => ({ inputs: [input('lvl', 'level', options('a', 'b', 'c'))], rule: { type: 'levels', input: 'lvl', points: { a: 0, b: 5, c: 10 } }, values: { lvl } })),
  fraction: fc.constantFrom('a', 'b', 'c').map((lvl) => ({
    inputs: [input('lvl', 'level', options('a', 'b', 'c'))],
    rule: { type: 'fraction', input: 'lvl', fractions: { a: 0, b: 0.25, c: 1 } },
    values: { lvl },
  })),
  allOf: fc.record({ n: fc.integer({ min: 0, max: 6 }), m: fc.constantFrom(0, 1, 5, 20) }).map((values) => ({
    inputs: [input('n', 'count'), input('m', 'decimal')],
    rule: { type: 'allOf', conditions: [{ input: 'n', op: 'gte', value: 3 }, failing] },
    values,
  })),
  parts: fc.record({ n: fc.integer({ min: 0, max: 6 }), m: fc.constantFrom(0, 1, 5, 20) }).map((values) => ({
    inputs: [input('n', 'count'), input('m', 'decimal')],
    rule: {
      type: 'parts',
      parts: [
        { id: 'p1', label: 'p1', when: { input: 'n', op: 'gte', value: 2 }, points: 4 },
        { id: 'p2', label: 'p2', when: failing, fraction: 0.5 },
      ],
    },
    values,
  })),
  tiersRatio: fc.record({ a: decimal, b: denominator(decimal), onZeroDenominator: onZero }).map(({ a, b, ...rule }) => ({
    inputs: [input('a', 'decimal'), input('b', 'decimal')],
    rule: { type: 'tiers', value: ratio('a', 'b'), tiers: TIERS, ...rule },
    values: { a, b },
  })),
  tiersRatioRounded: fc.record({ a: decimal, b: decimal, roundValue }).map(({ a, b, roundValue }) => ({
    inputs: [input('a', 'decimal'), input('b', 'decimal')],
    rule: { type: 'tiers', value: ratio('a', 'b'), tiers: TIERS, roundValue },
    values: { a, b },
  })),
  tiersCounts: fc.record({ done: fc.nat(40), total: denominator(fc.nat(30)), roundValue: rounding, onZeroDenominator: onZero }).map(({ done, total, ...rule }) => ({
    inputs: [input('done', 'count', { atMost: 'total' }), input('total', 'count')],
    rule: { type: 'tiers', value: ratio('done', 'total'), tiers: TIERS, ...rule },
    values: { done: upTo(total, done), total },
  })),
  tiersInput: fc.record({ v: decimal, roundValue: rounding }).map(({ v, roundValue }) => ({
    inputs: [input('v', 'decimal')],
    rule: { type: 'tiers', value: { input: 'v' }, tiers: [{ max: 0, maxInclusive: false, points: 1 }, ...TIERS], roundValue },
    values: { v },
  })),
  proportional: fc
    .record({
      done: fc.nat(40),
      total: denominator(fc.nat(30)),
      zeroAt: fc.constantFrom(0, 20),
      band: maybe(fc.record({ min: fc.constantFrom(30, 40), minInclusive: fc.boolean() })),
      roundValue: rounding,
      onZeroDenominator: onZero,
    })
    .map(({ done, total, ...rule }) => ({
      inputs: [input('done', 'count', { atMost: 'total' }), input('total', 'count')],
      rule: { type: 'proportional', value: ratio('done', 'total'), fullAt: 100, ...rule },
      values: { done: upTo(total, done), total },
    })),
  proportionalInput: fc.record({ v: decimal, roundValue: rounding }).map(({ v, roundValue }) => ({
    inputs: [input('v', 'decimal')],
    rule: { type: 'proportional', value: { input: 'v' }, fullAt: 80, zeroAt: 10, roundValue },
    values: { v },
  })),
  perItem: fc.record({ k: fc.nat(12), limit: maybe(fc.constantFrom(4, 6)), each: fc.constantFrom(-2, -0.5, 1.5) }).map(({ k, ...rule }) => ({
    inputs: [input('k', 'count')],
    rule: { type: 'perItem', input: 'k', ...rule },
    values: { k },
  })),
  survey: fc.record({ counts: fc.array(fc.nat(20), { minLength: 3, maxLength: 3 }), minAnswers: maybe(fc.integer({ min: 1, max: 30 })) }).map(({ counts, minAnswers }) => ({
    inputs: [input('t', 'tally', options('a', 'b', 'c'))],
    rule: { type: 'survey', input: 't', weights: { a: 1, b: 0.6, c: 0 }, minAnswers },
    values: { t: { a: counts[0]!, b: counts[1]!, c: counts[2]! } },
  })),
  onTime: fc.record({ d1: maybe(fc.constantFrom('2026-03-01', '2026-07-15')), d2: maybe(fc.constantFrom('2026-02-01', '2026-05-20')), dl: maybe(fc.constantFrom('2026-04-30')) }).map((values) => ({
    inputs: [input('d1', 'date'), input('d2', 'date', { required: false }), input('dl', 'date', { required: false })],
    rule: {
      type: 'onTime',
      items: [
        { input: 'd1', deadline: '2026-06-30' },
        { input: 'd2', deadline: { input: 'dl' } },
      ],
      late: 5,
      missing: 1,
    },
    values,
  })),
  expression: fc.record({ x: fc.nat(6), y: fc.constantFrom(0, 1, 2, 3) }).map((values) => ({
    inputs: [input('x', 'count', { max: 6 }), input('y', 'count')],
    rule: { type: 'expression', logic: { '+': [{ '*': [{ var: 'x' }, 2] }, { '/': [6, { var: 'y' }] }] } },
    values,
  })),
  given: decimal.map((g) => ({ inputs: [input('g', 'decimal')], rule: { type: 'given', input: 'g' }, values: { g: g / 10 } })),
  targets: fc.record({ met: fc.nat(8), of: denominator(fc.nat(6)), declared: fc.boolean() }).map(({ met, of, declared }) => ({
    inputs: [input('met', 'count', declared ? {} : { atMost: 'of' }), input('of', 'count')],
    rule: { type: 'targets', met: 'met', of: declared ? 7 : 'of' },
    values: { met: declared ? upTo(7, met) : upTo(of, met), of },
  })),
};

const idOf = (name: string) => name.replace(/[A-Z]/g, (x) => `-${x.toLowerCase()}`);
const setOf = (name: string, c: Case) => oneLeafSet(idOf(name), 10, { inputs: c.inputs, rule: JSON.parse(JSON.stringify(c.rule)) });
const evidenceOf = (name: string, values: Values) => ({
  formatVersion: 1,
  criteriaSet: `test.${idOf(name)}@2026`,
  unit: { code: 'X', name: 'X', level: 'commune' },
  period: { from: '2026-01-01', to: '2026-12-31' },
  entries: [{ criterion: '1.1', values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) }],
});

/** The value as the engine reads it: numbers as decimals, a tally as counts by option. */
const typedOf = (v: Json): Typed => (typeof v === 'number' ? dec(String(v)) : typeof v === 'object' ? new Map(Object.entries(v).map(([k, n]) => [k, dec(String(n))])) : v);

/** One evaluation of the leaf's rule, with a sink or without, and what it read. */
function evaluateLeaf(compiled: CompiledSet, values: Values, sink: unknown[] | null) {
  const kind = compiled.nodes.get('1.1')!.kind!;
  const reads: string[] = [];
  const read = (id: string) => {
    reads.push(id);
    const v = values[id];
    return v === undefined ? undefined : typedOf(v);
  };
  try {
    const ev = kind.evaluate(read, sink);
    const outcome = { raw: decText(ev.raw), notApplicable: ev.notApplicable, shortage: ev.shortage, invalid: ev.invalid };
    return { outcome, advice: compiled.advice!.advise(kind, ev), reads };
  } catch (e) {
    if (!(e instanceof LogicError)) throw e;
    return { failed: e.reason, reads };
  }
}

describe('a rule kind without a step sink', () => {
  for (const [name, arb] of Object.entries(CASES))
    it(`${name}: decides, reads and advises as with one; the compact form is the full one without its trace`, () => {
      const compiled = new Map<string, CompiledSet>();
      const reached = new Set<string>();
      fc.assert(
        fc.property(arb, (c) => {
          const key = JSON.stringify(c.rule);
          if (!compiled.has(key)) compiled.set(key, compile(setOf(name, c)));
          const set = compiled.get(key)!;
          const steps: unknown[] = [];
          const traced = evaluateLeaf(set, c.values, steps);
          expect(evaluateLeaf(set, c.values, null)).toEqual(traced);
          // With a sink the steps are there, except where a condition or the expression failed.
          if (!('failed' in traced) && traced.outcome.invalid?.code !== 'SCORE_DIVISION_BY_ZERO') expect(steps.length).toBeGreaterThan(0);
          reached.add(outcomeOf(traced));
          const evidence = evidenceOf(name, c.values);
          expect(JSON.stringify(score(set, evidence, { form: 'compact' }))).toBe(JSON.stringify(toCompact(score(set, evidence))));
        }),
        { numRuns: RUNS, seed: 21 },
      );
      for (const outcome of REACHES[name] ?? ['scored']) expect(reached, outcome).toContain(outcome);
    });

  it('shows no step of a condition that held when a later one cannot be evaluated (the leaf is invalid)', () => {
    const c: Case = { inputs: [input('n', 'count'), input('m', 'decimal')], rule: { type: 'allOf', conditions: [{ input: 'n', op: 'gte', value: 3 }, failing] }, values: { n: 5, m: 0 } };
    const result = score(compile(setOf('allOf', c)), evidenceOf('allOf', c.values));
    const leaf = result.fields[0]!.children![0]!;
    expect(leaf.status).toBe('invalid');
    expect(leaf.trace!.steps.map((s) => s.kind)).not.toContain('condition');
    expect(result.diagnostics.map((d) => d.code)).toContain('SCORE_DIVISION_BY_ZERO');
  });

  it('still says which ratio fell in no tier, its quotient worked out for the warning alone', () => {
    const c: Case = { inputs: [input('a', 'decimal'), input('b', 'decimal')], rule: { type: 'tiers', value: ratio('a', 'b'), tiers: TIERS }, values: { a: -1, b: 3 } };
    const set = compile(setOf('tiers', c));
    const compact = score(set, evidenceOf('tiers', c.values), { form: 'compact' });
    const warning = compact.diagnostics.find((d) => d.code === 'SCORE_NO_TIER')!;
    expect(warning.params).toEqual({ code: '1.1', value: `-33.${'3'.repeat(58)}` });
    expect(JSON.stringify(compact)).toBe(JSON.stringify(toCompact(score(set, evidenceOf('tiers', c.values)))));
  });
});
