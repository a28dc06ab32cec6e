/** Pieces both locales use that carry no words of their own (ordering, symbols, data lookups). */
import { dec, type Tier, type ValueRef } from '@parindex/rules';
import type { Formatter } from '../diagnostics.js';
import type { Say, StepOf } from '../locale.js';

/** A tier step's bounds in the shape the locales' `bounds` reads. */
export function boundsOf(s: StepOf<'tier'>): Pick<Tier, 'min' | 'minInclusive' | 'max' | 'maxInclusive'> {
  return { ...(s.min !== null ? { min: s.min, minInclusive: s.minInclusive } : {}), ...(s.max !== null ? { max: s.max, maxInclusive: s.maxInclusive } : {}) };
}

/** Tiers from the highest lower bound down, as published tables list them. */
export function sortedTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => dec(b.min ?? '-1e30').cmp(dec(a.min ?? '-1e30')));
}

/** The value a rule reads, in words: an input's label, or "numerator ÷ denominator × 100". */
export const valueWordsOf =
  (div: string, times: string) =>
  (v: ValueRef, say: Say): string => {
    if ('input' in v) return say.input(v.input).label;
    const t = v.ratio.times === undefined ? '' : ` ${times} ${say.n(v.ratio.times)}`;
    return `${say.input(v.ratio.numerator).label} ${div} ${say.input(v.ratio.denominator).label}${t}`;
  };

/** Why a criterion did not apply: the set's reason, or the words of the locale for the rule's own causes. */
export function notApplicableWords(s: StepOf<'notApplicable'>, say: Say, code: string | undefined, words: { zeroDenominator: (label: string) => string }): string {
  if (s.cause === 'zeroDenominator') return words.zeroDenominator(say.input(s.input).label);
  return say.applicabilityReason(code) ?? say.conditionAt(s.at);
}

/** A quoted name, as every diagnostic sentence quotes ids, codes and values. */
export const q = (s: string) => `"${s}"`;
/** A list of names, or the locale's word for none. */
export const noneOr = (items: readonly string[], none: string) => (items.length > 0 ? items.join(', ') : none);
/** A period from its two dates, written as the locale writes dates. */
export const period = (from: string, to: string, f: Formatter) => `${f.date(from)} – ${f.date(to)}`;
/** The first 12 hex digits of a SHA-256, enough to tell two files apart in a sentence. */
export const sha = (s: string) => `${s.slice(0, 12)}…`;

/** A part of a `parts` rule: its points as declared, or its fraction of the criterion's maximum (exact decimals). */
export const partPointsOf = (p: { points?: string | number; fraction?: string | number }, max: string | number): string =>
  String(
    p.points ??
      dec(p.fraction ?? 1)
        .times(dec(max))
        .toFixed(),
  );
