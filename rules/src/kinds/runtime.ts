/**
 * The runtime registry of rule kinds: for each kind only what scoring needs (reads, compile, evaluate),
 * without its advice (./advice-kinds.ts), schema or checks, so that the scoring entry
 * (`@parindex/engine/scoring`) carries no set checker. The full registry (./index.ts) holds the same
 * runtime parts with their advice and checks; the
 * `satisfies` clause makes a kind that is missing here, or missing a part, a compile error.
 */
import type { RuleType } from '../primitives.js';
import { allOfRuntime } from './all-of.js';
import { booleanRuntime } from './boolean.js';
import { expressionRuntime } from './expression.js';
import { givenRuntime } from './given.js';
import type { KindRuntime } from './kind.js';
import { fractionRuntime, levelsRuntime } from './levels.js';
import { onTimeRuntime } from './on-time.js';
import { partsRuntime } from './parts.js';
import { perItemRuntime } from './per-item.js';
import { proportionalRuntime } from './proportional.js';
import { surveyRuntime } from './survey.js';
import { targetsRuntime } from './targets.js';
import { tiersRuntime } from './tiers.js';

// biome-ignore lint/suspicious/noExplicitAny: each kind has its own compiled form, state and steps.
type AnyRuntime<T extends RuleType> = KindRuntime<T, { type: T } & any, any, any, any>;

export const RUNTIME_KINDS = {
  boolean: booleanRuntime,
  levels: levelsRuntime,
  fraction: fractionRuntime,
  allOf: allOfRuntime,
  tiers: tiersRuntime,
  proportional: proportionalRuntime,
  parts: partsRuntime,
  perItem: perItemRuntime,
  survey: surveyRuntime,
  onTime: onTimeRuntime,
  expression: expressionRuntime,
  given: givenRuntime,
  targets: targetsRuntime,
} as const satisfies { [T in RuleType]: AnyRuntime<T> };

/** The runtime part of a rule's kind, for callers that hold a rule of any kind (compile). */
export function runtimeKindOf<T extends RuleType>(type: T): AnyRuntime<T> {
  return RUNTIME_KINDS[type] as AnyRuntime<T>;
}
