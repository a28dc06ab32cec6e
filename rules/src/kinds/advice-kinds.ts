/**
 * The advice registry of rule kinds: for each kind what only a full result shows (what would raise a
 * criterion's points), apart from the runtime (./runtime.ts) so that the dashboard entry
 * (`@parindex/engine/scoring`) carries it only when a page loads `@parindex/engine/advice`. The full
 * registry (./index.ts) holds the same parts; the `satisfies` clause makes a kind that is missing here a
 * compile error.
 */
import type { RuleType } from '../primitives.js';
import { allOfAdvice } from './all-of.js';
import { booleanAdvice } from './boolean.js';
import { expressionAdvice } from './expression.js';
import { givenAdvice } from './given.js';
import type { KindAdvice } from './kind.js';
import { levelsAdvice } from './levels.js';
import { onTimeAdvice } from './on-time.js';
import { partsAdvice } from './parts.js';
import { perItemAdvice } from './per-item.js';
import { proportionalAdvice } from './proportional.js';
import { surveyAdvice } from './survey.js';
import { targetsAdvice } from './targets.js';
import { tiersAdvice } from './tiers.js';

// biome-ignore lint/suspicious/noExplicitAny: each kind has its own compiled form, state and shared advice.
type AnyAdvice = KindAdvice<any, any, any>;

export const ADVICE_KINDS = {
  boolean: booleanAdvice,
  levels: levelsAdvice,
  fraction: levelsAdvice,
  allOf: allOfAdvice,
  tiers: tiersAdvice,
  proportional: proportionalAdvice,
  parts: partsAdvice,
  perItem: perItemAdvice,
  survey: surveyAdvice,
  onTime: onTimeAdvice,
  expression: expressionAdvice,
  given: givenAdvice,
  targets: targetsAdvice,
} as const satisfies { [T in RuleType]: AnyAdvice };

/** The advice part of a rule's kind, for callers that hold a rule of any kind. */
export function adviceKindOf(type: RuleType): AnyAdvice {
  return ADVICE_KINDS[type];
}
