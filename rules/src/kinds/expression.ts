/**
 * "expression": a json-logic expression over the declared inputs gives the points, computed exactly.
 * Advice searches the inputs the expression reads, one at a time, within their declared domains
 * (yes/no, levels, bounded counts and numbers), with a bounded number of evaluations; every change it
 * proposes was evaluated, so the points it promises are the expression's own.
 */
import * as z from 'zod/mini';
import { Decimal, cmpDec, decText, ZERO } from '../decimal.js';
import { evaluateLogic, LogicError } from '../expression.js';
import type { Diagnostic } from '../diagnostics.js';
import { checkLogic } from '../logic.js';
import { DecimalText as D, Logic, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { logicReads, logicValueOf } from './condition.js';
import { upperBound } from './value.js';
import {
  type CompileContext,
  type KindInput,
  kindModule,
  NOTHING_PREPARED,
  type KindAdvice,
  type KindChecks,
  type KindModule,
  type KindRuntime,
  type Reader,
  type RuleInvalid,
  type Typed,
} from './kind.js';

export const ExpressionRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('expression'),
    logic: withDescription(Logic, 'A json-logic expression yielding points; arithmetic is exact.'),
    ...ruleBase,
  }))();
export type ExpressionRule = z.infer<typeof ExpressionRule>;

export const ExpressionStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('expression'), result: D }))();
export type ExpressionStep = z.infer<typeof ExpressionStep>;

/** Evaluations one advice search may spend, over all inputs. */
export const ADVICE_EVALUATIONS = 96;

export interface CompiledExpression {
  logic: unknown;
  /**
   * The inputs it reads, in id order, with their declarations, the inputs bounding them (atMost) and,
   * for numbers, the values the numbers written in the expression suggest trying (thresholds ± 1).
   */
  inputs: Array<{ id: string; def: KindInput; dependents: readonly string[]; tries: Decimal[] }>;
  floor: Decimal;
  max: Decimal;
}
export interface State {
  points: Decimal | null;
  read: Reader;
}

function literalsOf(e: unknown, out: Decimal[]): void {
  if (typeof e === 'number' && Number.isFinite(e)) out.push(new Decimal(String(e)));
  else if (Array.isArray(e)) for (const x of e) literalsOf(x, out);
  else if (e !== null && typeof e === 'object') for (const v of Object.values(e)) literalsOf(v, out);
}

/** The expression's value as points, or why it has none. */
function run(logic: unknown, read: Reader): { points: Decimal } | { invalid: RuleInvalid } {
  try {
    const v = evaluateLogic(logic, (name, option) => logicValueOf(read(name), option));
    if (v instanceof Decimal) return { points: v };
    if (typeof v === 'boolean') return { points: new Decimal(v ? 1 : 0) };
    return { invalid: { code: 'SCORE_EXPRESSION', reason: 'result', got: JSON.stringify(v) } };
  } catch (e) {
    if (!(e instanceof LogicError)) throw e;
    if (e.reason === 'divisionByZero') return { invalid: { code: 'SCORE_DIVISION_BY_ZERO', reason: 'divisionByZero' } };
    return { invalid: { code: 'SCORE_EXPRESSION', reason: e.reason, ...(e.op !== undefined ? { op: e.op } : {}), ...(e.got !== undefined ? { got: e.got } : {}) } };
  }
}

/**
 * The range a number input may take without breaking the evidence's own checks: its declared bounds,
 * no more than the input its `atMost` names, no less than the inputs that may not exceed it.
 */
function rangeOf(input: CompiledExpression['inputs'][number], read: Reader): { lo: Decimal; hi: Decimal | null } {
  const def = input.def;
  let lo = def.min ?? ZERO;
  let hi = upperBound(def);
  const cap = def.def.atMost === undefined ? undefined : read(def.def.atMost);
  if (cap instanceof Decimal) hi = hi === null ? cap : Decimal.min(hi, cap);
  for (const id of input.dependents) {
    const v = read(id);
    if (v instanceof Decimal) lo = Decimal.max(lo, v);
  }
  return { lo, hi };
}

/** The values the literals suggest for a number input, without repeats, in the order found: l − 1, l, l + 1 rounded up for counts, l itself for decimals. */
function literalCandidates(whole: boolean, literals: readonly Decimal[]): Decimal[] {
  const seen = new Map<string, Decimal>();
  for (const l of literals)
    for (const d of whole ? [-1, 0, 1] : [0]) {
      const x = whole ? l.plus(d).ceil() : l.plus(d);
      if (!seen.has(decText(x))) seen.set(decText(x), x);
    }
  return [...seen.values()];
}

/** Candidate values of one number input, nearest first: thresholds ± 1 (found at compile), and the bounds. */
function numberCandidates(def: KindInput, current: Decimal, fromLiterals: readonly Decimal[], { lo, hi }: { lo: Decimal; hi: Decimal | null }): Decimal[] {
  const whole = def.def.type === 'count';
  const kept: Decimal[] = [];
  const add = (x: Decimal) => {
    if (x.lt(lo) || (hi !== null && x.gt(hi)) || x.eq(current)) return;
    for (const k of kept) if (k.eq(x)) return;
    kept.push(x);
  };
  for (const x of fromLiterals) add(x);
  add(whole ? lo.ceil() : lo);
  if (hi !== null) add(whole ? hi.ceil() : hi);
  // Nearest first, stable among equals: each distance worked out once.
  const far = kept.map((x, i) => ({ x, i, d: x.minus(current).abs() }));
  far.sort((a, b) => cmpDec(a.d, b.d) || a.i - b.i);
  return far.map((f) => f.x);
}

/** An input as the search sees it (see CompiledExpression). */
function searchInput(id: string, ctx: CompileContext, literals: readonly Decimal[]): CompiledExpression['inputs'][number] {
  const def = ctx.input(id);
  const t = def.def.type;
  const tries = t === 'count' || t === 'decimal' || t === 'percent' ? literalCandidates(t === 'count', literals) : [];
  return { id, def, dependents: ctx.dependents(id), tries };
}

function candidatesOf(input: CompiledExpression['inputs'][number], current: Typed | undefined, read: Reader): Typed[] {
  const t = input.def.def.type;
  if (t === 'boolean') return [current !== true];
  if (t === 'level') return [...(input.def.options?.keys() ?? [])].filter((o) => o !== current);
  if (t === 'count' || t === 'decimal' || t === 'percent') return numberCandidates(input.def, current instanceof Decimal ? current : ZERO, input.tries, rangeOf(input, read));
  return [];
}

function improvementOf(id: string, type: string, from: Typed | undefined, to: Typed, g: { pointsAfter: string; gain: string }): Improvement {
  const { pointsAfter, gain } = g;
  if (!(to instanceof Decimal)) return { kind: 'set', input: id, to: to as string | boolean, pointsAfter, gain };
  const f = from instanceof Decimal ? from : ZERO;
  if (to.lt(f)) return { kind: 'lower', input: id, from: decText(f), to: decText(to), delta: decText(f.minus(to)), pointsAfter, gain };
  return { kind: 'raise', input: id, from: decText(f), to: decText(to), delta: decText(to.minus(f)), strict: false, pointsAfter, gain, feasible: type !== 'date' };
}

/** Per input, the nearest value (of the candidates) that scores more; each candidate is evaluated. */
function search(c: CompiledExpression, s: State, current: Decimal): { found: Improvement[]; exhausted: boolean } {
  const found: Improvement[] = [];
  let budget = ADVICE_EVALUATIONS;
  for (const input of c.inputs) {
    const from = s.read(input.id);
    for (const to of candidatesOf(input, from, s.read)) {
      if (budget-- <= 0) return { found, exhausted: true };
      const r = run(c.logic, (id) => (id === input.id ? to : s.read(id)));
      if (!('points' in r)) continue;
      const g = gainOf(clampPoints(r.points, c.floor, c.max), current);
      if (!g) continue;
      found.push(improvementOf(input.id, input.def.def.type, from, to, g));
      break;
    }
  }
  return { found, exhausted: false };
}

export const expressionChecks: KindChecks<ExpressionRule, ExpressionStep> = {
  schema: ExpressionRule,
  stepSchemas: [ExpressionStep],
  check(rule, ctx) {
    const out: Diagnostic[] = [];
    checkLogic(rule.logic, `${ctx.path}/logic`, ctx.logic, out);
    for (const d of out) ctx.report(d);
  },
};

export const expressionRuntime: KindRuntime<'expression', ExpressionRule, CompiledExpression, State, ExpressionStep> = {
  type: 'expression',
  reads(rule, out) {
    logicReads(rule.logic, out);
  },
  compile(rule, ctx) {
    const reads = new Set<string>();
    logicReads(rule.logic, reads);
    const literals: Decimal[] = [];
    literalsOf(rule.logic, literals);
    const inputs = [...reads].sort().map((id) => searchInput(id, ctx, literals));
    return { logic: rule.logic, inputs, floor: ctx.floor, max: ctx.max };
  },
  evaluate(c, read, steps) {
    const r = run(c.logic, read);
    if ('invalid' in r) return { raw: ZERO, state: { points: null, read }, invalid: r.invalid };
    steps?.push({ kind: 'expression', result: decText(r.points) });
    return { raw: r.points, state: { points: r.points, read } };
  },
};

export const expressionAdvice: KindAdvice<CompiledExpression, State, null> = {
  prepare: NOTHING_PREPARED,
  advise(c, e) {
    if (e.state.points === null) return [];
    const current = clampPoints(e.state.points, c.floor, c.max);
    if (!current.lt(c.max)) return [];
    const { found, exhausted } = search(c, e.state, current);
    // The next points first: the smallest gain that any one change reaches (stable among equals).
    const gain = (im: Improvement) => new Decimal((im as { gain: string }).gain);
    if (found.length > 0) return found.sort((a, b) => cmpDec(gain(a), gain(b)));
    return [{ kind: 'none', reason: exhausted ? 'searchBound' : 'noBetterValue' }];
  },
};

export const expressionKind: KindModule<'expression', ExpressionRule, CompiledExpression, State, ExpressionStep> = /* @__PURE__ */ kindModule(expressionRuntime, expressionAdvice, expressionChecks);
