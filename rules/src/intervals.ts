/**
 * Intervals with explicit inclusivity (tiers, classification bands, value domains): containment, the
 * interval of a tier or band, and the overlap/gap scan the set checks use.
 */
import { dec, decText, type Decimal } from './decimal.js';
import type { BoundsProblem, OverlapAt } from './diagnostics.js';
import type { Band, Tier } from './schema.js';

/** @internal The lower and upper bounds of an interval; null = unbounded. */
export interface Interval {
  min: Decimal | null;
  minInclusive: boolean;
  max: Decimal | null;
  maxInclusive: boolean;
}

/** @internal Does the interval contain x? */
export function intervalContains(iv: Interval, x: Decimal): boolean {
  if (iv.min !== null) {
    const c = x.cmp(iv.min);
    if (c < 0 || (c === 0 && !iv.minInclusive)) return false;
  }
  if (iv.max !== null) {
    const c = x.cmp(iv.max);
    if (c > 0 || (c === 0 && !iv.maxInclusive)) return false;
  }
  return true;
}

/** @internal Does the interval hold no value at all? */
export function isEmptyInterval(iv: Interval): boolean {
  if (iv.min === null || iv.max === null) return false;
  const c = iv.min.cmp(iv.max);
  return c > 0 || (c === 0 && !(iv.minInclusive && iv.maxInclusive));
}

/** @internal A problem of a tier's or band's bounds, with the bounds of an empty interval. */
export interface BoundsIssue {
  problem: BoundsProblem;
  min?: string;
  max?: string;
}

/** @internal Tier or band → interval (what scoring needs; toInterval also reports problems in its bounds). */
export function intervalOf(t: Tier | Band): Interval {
  return {
    min: t.min === undefined ? null : dec(t.min),
    minInclusive: t.minInclusive ?? true,
    max: t.max === undefined ? null : dec(t.max),
    maxInclusive: t.maxInclusive ?? false,
  };
}

/** @internal Tier or band → interval, with problems in its bounds reported. */
export function toInterval(t: Tier | Band): { iv: Interval; problems: BoundsIssue[] } {
  const problems: BoundsIssue[] = [];
  if (t.min !== undefined && t.minInclusive === undefined) problems.push({ problem: 'minWithoutInclusive' });
  if (t.max !== undefined && t.maxInclusive === undefined) problems.push({ problem: 'maxWithoutInclusive' });
  if (t.min === undefined && t.minInclusive !== undefined) problems.push({ problem: 'inclusiveWithoutMin' });
  if (t.max === undefined && t.maxInclusive !== undefined) problems.push({ problem: 'inclusiveWithoutMax' });
  const iv = intervalOf(t);
  if (isEmptyInterval(iv)) problems.push({ problem: 'empty', min: decText(iv.min!), max: decText(iv.max!) });
  return { iv, problems };
}

/** @internal Values no interval covers: from `from` to `to` (null: unbounded); from = to: one value. */
export interface Gap {
  from: string | null;
  to: string | null;
}

/**
 * @internal Compare sorted intervals pairwise. Calls overlap(a, b, at) and gap(a, b, where) with
 * indexes into the original list.
 */
export function scanIntervals(ivs: Interval[], onOverlap: (a: number, b: number, at: OverlapAt) => void, onGap: ((gap: Gap) => void) | null, domain: Interval | null): void {
  const order = ivs
    .map((iv, i) => ({ iv, i }))
    .sort((x, y) => {
      if (x.iv.min === null) return y.iv.min === null ? 0 : -1;
      if (y.iv.min === null) return 1;
      const c = x.iv.min.cmp(y.iv.min);
      if (c !== 0) return c;
      return x.iv.minInclusive === y.iv.minInclusive ? 0 : x.iv.minInclusive ? -1 : 1;
    });
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k]!;
    const b = order[k + 1]!;
    // Overlap: a's upper end lies at or beyond b's lower end.
    if (a.iv.max === null || b.iv.min === null) {
      // One of them is unbounded on the side facing the other: they overlap from b's lower bound (both
      // unbounded below when b has none), or up to a's upper bound.
      if (a.iv.max === null) onOverlap(a.i, b.i, { at: b.iv.min === null ? null : decText(b.iv.min), included: b.iv.min === null || b.iv.minInclusive });
      else onOverlap(a.i, b.i, { at: decText(a.iv.max), included: true });
      continue;
    }
    const c = a.iv.max.cmp(b.iv.min);
    if (c > 0 || (c === 0 && a.iv.maxInclusive && b.iv.minInclusive)) {
      onOverlap(a.i, b.i, { at: decText(c > 0 ? b.iv.min : a.iv.max), included: true });
    } else if (onGap && (c < 0 || (c === 0 && !a.iv.maxInclusive && !b.iv.minInclusive))) {
      onGap({ from: decText(a.iv.max), to: decText(b.iv.min) });
    }
  }
  if (onGap && domain && order.length > 0) {
    const first = order[0]!.iv;
    const last = order[order.length - 1]!.iv;
    if (first.min !== null) {
      if (domain.min === null) onGap({ from: null, to: decText(first.min) });
      else {
        const c = first.min.cmp(domain.min);
        if (c > 0 || (c === 0 && !first.minInclusive && domain.minInclusive)) onGap({ from: decText(domain.min), to: decText(first.min) });
      }
    }
    if (last.max !== null) {
      if (domain.max === null) onGap({ from: decText(last.max), to: null });
      else {
        const c = last.max.cmp(domain.max);
        if (c < 0 || (c === 0 && !last.maxInclusive && domain.maxInclusive)) onGap({ from: decText(last.max), to: decText(domain.max) });
      }
    }
  }
}
