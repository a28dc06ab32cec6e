/**
 * Intervals with explicit inclusivity (tiers, classification bands, value domains): containment, the
 * interval of a tier or band, and the overlap/gap scan the set checks use.
 */
import { dec, decText, type Decimal } from './decimal.js';
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

/** @internal Tier or band → interval, with problems in its bounds reported. */
export function toInterval(t: Tier | Band): { iv: Interval; problems: Array<[string, string]> } {
  const problems: Array<[string, string]> = [];
  if (t.min !== undefined && t.minInclusive === undefined)
    problems.push(['"min" needs "minInclusive" (true for "from X", false for "above X")', '"min" cần "minInclusive" (true: "từ X", false: "trên X")']);
  if (t.max !== undefined && t.maxInclusive === undefined)
    problems.push(['"max" needs "maxInclusive" (false for "under Y", true for "up to Y")', '"max" cần "maxInclusive" (false: "dưới Y", true: "đến Y")']);
  if (t.min === undefined && t.minInclusive !== undefined) problems.push(['"minInclusive" without "min"', '"minInclusive" mà không có "min"']);
  if (t.max === undefined && t.maxInclusive !== undefined) problems.push(['"maxInclusive" without "max"', '"maxInclusive" mà không có "max"']);
  const iv: Interval = {
    min: t.min === undefined ? null : dec(t.min),
    minInclusive: t.minInclusive ?? true,
    max: t.max === undefined ? null : dec(t.max),
    maxInclusive: t.maxInclusive ?? false,
  };
  if (iv.min !== null && iv.max !== null) {
    const c = iv.min.cmp(iv.max);
    if (c > 0 || (c === 0 && !(iv.minInclusive && iv.maxInclusive)))
      problems.push([`the interval from ${decText(iv.min)} to ${decText(iv.max)} is empty`, `khoảng từ ${decText(iv.min)} đến ${decText(iv.max)} rỗng`]);
  }
  return { iv, problems };
}

function describeBound(v: Decimal | null, inclusive: boolean, side: 'min' | 'max'): string {
  if (v === null) return side === 'min' ? '−∞' : '+∞';
  return `${decText(v)} (${inclusive ? 'included' : 'excluded'})`;
}

/**
 * @internal Compare sorted intervals pairwise. Calls overlap(a, b, at) and gap(a, b, where) with
 * indexes into the original list.
 */
export function scanIntervals(
  ivs: Interval[],
  onOverlap: (a: number, b: number, at: string) => void,
  onGap: ((where: string) => void) | null,
  domain: Interval | null,
): void {
  const order = ivs.map((iv, i) => ({ iv, i })).sort((x, y) => {
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
      onOverlap(a.i, b.i, a.iv.max === null ? describeBound(b.iv.min, b.iv.minInclusive, 'min') : describeBound(a.iv.max, true, 'max'));
      continue;
    }
    const c = a.iv.max.cmp(b.iv.min);
    if (c > 0 || (c === 0 && a.iv.maxInclusive && b.iv.minInclusive)) {
      onOverlap(a.i, b.i, decText(c > 0 ? b.iv.min : a.iv.max));
    } else if (onGap && (c < 0 || (c === 0 && !a.iv.maxInclusive && !b.iv.minInclusive))) {
      onGap(c < 0 ? `from ${decText(a.iv.max)} to ${decText(b.iv.min)}` : `the value ${decText(a.iv.max)}`);
    }
  }
  if (onGap && domain && order.length > 0) {
    const first = order[0]!.iv;
    const last = order[order.length - 1]!.iv;
    if (first.min !== null) {
      if (domain.min === null) onGap(`values below ${decText(first.min)}`);
      else {
        const c = first.min.cmp(domain.min);
        if (c > 0 || (c === 0 && !first.minInclusive && domain.minInclusive)) onGap(`values from ${decText(domain.min)} to ${decText(first.min)}`);
      }
    }
    if (last.max !== null) {
      if (domain.max === null) onGap(`values from ${decText(last.max)} upward`);
      else {
        const c = last.max.cmp(domain.max);
        if (c < 0 || (c === 0 && !last.maxInclusive && domain.maxInclusive)) onGap(`values from ${decText(last.max)} to ${decText(domain.max)}`);
      }
    }
  }
}

