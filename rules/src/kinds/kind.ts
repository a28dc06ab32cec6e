/**
 * What every rule kind provides, in one module per kind (./boolean.ts, ./tiers.ts, …): its schema,
 * its cross-field checks, the inputs it reads, its compile step (constants parsed once into a typed
 * compiled form), its evaluation (points, and typed steps written into a sink that is null when no
 * trace is wanted), and its advice ("what would raise it"). Each module exports these in two parts, its
 * runtime (KindRuntime: what scoring needs), its advice (KindAdvice: what only a full result shows) and
 * its checks (KindChecks), and the whole (KindModule); the registries in ./index.ts, ./runtime.ts and
 * ./advice-kinds.ts are typed so that a kind missing any part does not compile.
 *
 * Kinds do no I/O and no wording: steps and improvements are data (ids, decimal texts, JSON pointers
 * into the set); sentences are built from them by the explanation package.
 */
import type * as z from 'zod/mini';
import type { Decimal } from '../decimal.js';
import type { Diagnostic, ExpressionFailure } from '../diagnostics.js';
import type { Interval } from '../intervals.js';
import type { Condition, InputDef, InputType, RuleType, ValueRef } from '../primitives.js';
import type { LogicCheckContext } from '../logic.js';
import type { Improvement } from './advice.js';

/** A value read from evidence, typed by its input: numbers, yes/no, level ids or dates, tallies. */
export type Typed = Decimal | boolean | string | ReadonlyMap<string, Decimal>;

/** Read an input's value; undefined when the evidence has none. */
export type Reader = (id: string) => Typed | undefined;

/** A declared input as the cross-field checks see it. */
export interface CheckedInput {
  def: InputDef;
  path: string;
}

/** What a kind's cross-field check may use; every problem goes through `report`. */
export interface RuleCheckContext {
  /** The criterion's code, its maximum and floor, and the JSON pointer of its rule. */
  readonly code: string;
  readonly path: string;
  readonly max: Decimal;
  readonly floor: Decimal;
  report(d: Diagnostic): void;
  /** The declared input, when it exists and has one of the types; otherwise reports and gives undefined. */
  needInput(id: string, types: readonly InputType[], path: string): CheckedInput | undefined;
  /** Points within the criterion's floor and maximum. */
  checkPoints(value: Decimal, path: string): void;
  /** A fraction or weight between 0 and 1. */
  checkFraction(value: Decimal, path: string, what: 'fraction' | 'weight'): void;
  /** Every option of the input has an entry in the map, and every key is an option. */
  checkOptionMap(input: CheckedInput, map: Record<string, unknown>, path: string, what: 'points' | 'fractions' | 'weights'): void;
  /** The range a value or ratio can take (for gap checks); undefined when its inputs are wrong. */
  valueDomain(value: ValueRef, path: string): Interval | null | undefined;
  checkCondition(c: Condition, path: string): void;
  checkDate(date: string, path: string): void;
  /** Declared inputs as the json-logic checker sees them (for expressions). */
  readonly logic: LogicCheckContext;
}

/** A declared input as a kind's compile step sees it. */
export interface KindInput {
  readonly def: InputDef;
  /** Option id → Vietnamese label, in declared order (levels and tallies). */
  readonly options: ReadonlyMap<string, string> | null;
  readonly min: Decimal | null;
  readonly max: Decimal | null;
}

/** A condition compiled once: where it is in the set, and its test. */
export interface CompiledCondition {
  /** JSON pointer of the condition in the set file (the trace refers to it). */
  readonly at: string;
  /** May throw LogicError when a json-logic condition cannot be evaluated. */
  test(read: Reader): boolean;
}

export interface CompileContext {
  /** JSON pointer of the rule in the set file. */
  readonly path: string;
  readonly max: Decimal;
  readonly floor: Decimal;
  /** A declared input (the set has passed its checks, so it exists). */
  input(id: string): KindInput;
  /** The inputs that may not exceed this one (their `atMost` names it). */
  dependents(id: string): readonly string[];
  condition(c: Condition, path: string): CompiledCondition;
}

/** Why a rule decided by itself that its criterion does not apply. */
export type RuleNotApplicable = { cause: 'zeroDenominator'; input: string };

/**
 * The evidence is there but not enough to score (a survey with fewer answers than the rule needs): the
 * criterion is missing evidence, never "not applicable" (withholding answers must not take the points
 * out of the maximum).
 */
export interface RuleShortage {
  input: string;
  answers: string;
  minAnswers: number;
}

/** Why a value could not be scored: the diagnostic's code and its params (the criterion's code aside). */
export type RuleInvalid =
  | { code: 'SCORE_NO_TIER'; value: string }
  | { code: 'SCORE_GIVEN_OUT_OF_RANGE'; input: string; value: string; min: string; max: string }
  | { code: 'SCORE_DIVISION_BY_ZERO'; reason: 'divisionByZero' }
  | { code: 'SCORE_EXPRESSION'; reason: ExpressionFailure; op?: string; got?: string };

/**
 * Where an evaluation writes the steps that show it: the trace's own list, or null when no trace is
 * wanted (the compact form). The steps and their texts (a ratio's 60-digit quotient, a survey's counts)
 * are only for the trace: a kind builds them only when there is a sink, and decides the same points,
 * state and outcome either way. Written `steps?.push({…})`, a step is not even built without a sink
 * (optional chaining skips the call's arguments).
 */
export type StepSink<St> = { push(step: St): unknown } | null;

/** What one evaluation gives: raw points (before floor and maximum), and the state advice needs. */
export interface Evaluation<S> {
  raw: Decimal;
  state: S;
  notApplicable?: RuleNotApplicable;
  shortage?: RuleShortage;
  invalid?: RuleInvalid;
}

/**
 * The part of a kind that scoring needs: what it reads, its compile step and its evaluation. The
 * scoring entry (`@parindex/engine/scoring`) carries only these, through the runtime registry
 * (./runtime.ts): never a schema or a check, and the advice only when a page asks for it.
 */
export interface KindRuntime<T extends RuleType, R extends { type: T }, C, S, St extends { kind: string }> {
  readonly type: T;
  /** Every input id the rule reads. */
  reads(rule: R, out: Set<string>): void;
  compile(rule: R, ctx: CompileContext): C;
  /** The points and outcome; the steps that show them go into `steps` when it is not null. */
  evaluate(compiled: C, read: Reader, steps: StepSink<St>): Evaluation<S>;
}

/**
 * The part of a kind that says what would raise a criterion's points. Only a full result shows advice,
 * so it is apart from the runtime: @parindex/engine always scores with it (the registry in
 * ./advice-kinds.ts), its dashboard entry only once a page loads @parindex/engine/advice, so that a page
 * that only ranks does not carry it.
 */
export interface KindAdvice<C, S, P> {
  /**
   * What the advice of every result shares (it depends on the compiled rule only: the next tiers, a
   * level's better levels), worked out once per compiled rule when its advice is first asked for. Never
   * undefined (undefined marks "not worked out yet").
   */
  prepare(compiled: C): P;
  /** The cheapest changes that reach the next points, each with the points it promises. */
  advise(compiled: C, evaluation: Evaluation<S>, prepared: P): Improvement[];
}

/** The prepare step of a kind whose advice shares nothing between results. */
export const NOTHING_PREPARED = (): null => null;

/** The part of a kind that checks a set: the rule's schema, its steps' schemas and its cross-field checks. */
export interface KindChecks<R, St extends { kind: string }> {
  /** The rule's schema (a member of the Rule union). */
  readonly schema: z.ZodMiniType<R>;
  /** The schemas of the steps it writes into the trace (members of the result's Step union). */
  readonly stepSchemas: readonly z.ZodMiniType<St>[];
  check(rule: R, ctx: RuleCheckContext): void;
}

/** A whole kind: its runtime, its advice and its checks (the registry in ./index.ts). */
export interface KindModule<T extends RuleType, R extends { type: T }, C, S, St extends { kind: string }, P = unknown> extends KindRuntime<T, R, C, S, St>, KindAdvice<C, S, P>, KindChecks<R, St> {}

/**
 * A kind's module from its three parts (typed together: the advice reads the runtime's compiled form
 * and state). Marked free of side effects (and called with a pure mark) so that a bundle which never
 * reads the whole module drops it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function kindModule<T extends RuleType, R extends { type: T }, C, S, St extends { kind: string }, P>(
  runtime: KindRuntime<T, R, C, S, St>,
  advice: KindAdvice<C, S, P>,
  checks: KindChecks<R, St>,
): KindModule<T, R, C, S, St, P> {
  return { ...runtime, ...advice, ...checks };
}
