/**
 * The registry of rule kinds. Adding a kind: a module beside this file (its runtime: reads, compile,
 * evaluate; its advice: prepare, advise; its checks: schema, step schemas, check; and the whole module
 * made of the three), its sentences in the explanation package's locales, its conformance fixtures, one
 * line here, one in the runtime registry (./runtime.ts, what compile() uses) and one in the advice
 * registry (./advice-kinds.ts, what a full result's advice uses). The `satisfies` clauses make a kind that is
 * missing, or missing a part, a compile error.
 */
import type { RuleType } from '../primitives.js';
import { AllOfRule, allOfKind } from './all-of.js';
import { ConditionStep } from './condition.js';
import { BooleanRule, BooleanStep, booleanKind } from './boolean.js';
import { ExpressionRule, ExpressionStep, expressionKind } from './expression.js';
import { GivenRule, GivenStep, givenKind } from './given.js';
import { TargetsRule, TargetsStep, TargetsZeroStep, targetsKind } from './targets.js';
import type { KindModule } from './kind.js';
import { FractionRule, fractionKind, LevelsRule, LevelStep, levelsKind } from './levels.js';
import { OnTimeResultStep, OnTimeRule, OnTimeStep, onTimeKind } from './on-time.js';
import { PartsRule, PartStep, partsKind } from './parts.js';
import { PerItemRule, PerItemStep, perItemKind } from './per-item.js';
import { ProportionalRule, ProportionalStep, proportionalKind } from './proportional.js';
import { SurveyRule, SurveyStep, surveyKind } from './survey.js';
import { TierStep, TiersRule, tiersKind } from './tiers.js';
import { RatioStep, RoundValueStep, ValueStep, ZeroDenominatorStep } from './value.js';

// biome-ignore lint/suspicious/noExplicitAny: each kind has its own compiled form, state and steps.
type AnyKind<T extends RuleType> = KindModule<T, { type: T } & any, any, any, any>;

export const KINDS = {
  boolean: booleanKind,
  levels: levelsKind,
  fraction: fractionKind,
  allOf: allOfKind,
  tiers: tiersKind,
  proportional: proportionalKind,
  parts: partsKind,
  perItem: perItemKind,
  survey: surveyKind,
  onTime: onTimeKind,
  expression: expressionKind,
  given: givenKind,
  targets: targetsKind,
} as const satisfies { [T in RuleType]: AnyKind<T> };

/** The rule schema of each kind, in registry order (the members of the Rule union). */
export const RULE_SCHEMAS = [
  BooleanRule,
  LevelsRule,
  FractionRule,
  AllOfRule,
  TiersRule,
  ProportionalRule,
  PartsRule,
  PerItemRule,
  SurveyRule,
  OnTimeRule,
  ExpressionRule,
  GivenRule,
  TargetsRule,
] as const;

/** The kind module of a rule, for callers that hold a rule of any kind. */
export function kindOf<T extends RuleType>(type: T): AnyKind<T> {
  return KINDS[type] as AnyKind<T>;
}

export { RUNTIME_KINDS, runtimeKindOf } from './runtime.js';
export { ADVICE_KINDS, adviceKindOf } from './advice-kinds.js';
export type {
  CompileContext,
  CompiledCondition,
  Evaluation,
  KindAdvice,
  KindChecks,
  KindInput,
  KindModule,
  KindRuntime,
  Reader,
  RuleCheckContext,
  RuleInvalid,
  RuleNotApplicable,
  RuleShortage,
  StepSink,
  Typed,
} from './kind.js';
export { ImprovementSchema, type Improvement, clampPoints } from './advice.js';
export { compileCondition, conditionReads, logicReads, logicValueOf } from './condition.js';
export { ConditionStep };
export { ADVICE_EVALUATIONS } from './expression.js';

type StepOf<K> = K extends KindModule<infer _T, infer _R, infer _C, infer _S, infer St> ? St : never;
/** Every step a rule kind writes into a trace. */
export type KindStep = StepOf<(typeof KINDS)[RuleType]>;

/** The schemas of every kind's steps, each once (the members of the result schema's Step union); a test checks it against the registry. */
export const KIND_STEP_SCHEMAS = [
  RatioStep,
  ValueStep,
  ZeroDenominatorStep,
  RoundValueStep,
  BooleanStep,
  LevelStep,
  ConditionStep,
  TierStep,
  ProportionalStep,
  PartStep,
  PerItemStep,
  SurveyStep,
  OnTimeStep,
  OnTimeResultStep,
  ExpressionStep,
  GivenStep,
  TargetsStep,
  TargetsZeroStep,
] as const;
