/**
 * Ranking many units scored with one criteria set, and the plain means that published tables show.
 * Pure computations on score results (no formatting): ranks follow the index, highest first; tied units
 * share a rank; the set's `policies.ranking` says what the next unit gets:
 *   dense        1, 2, 3, 3, 4
 *   competition  1, 2, 3, 3, 5
 * Indices are compared exactly as decimals, as they stand in the results (the set's "index" rounding,
 * when it declares one, has already been applied by `score()`).
 */
import { Decimal, dec, decText } from './deps.js';
import type { DecimalString, Totals } from './result.js';

export type RankingPolicy = 'dense' | 'competition';

/** The part of a result that ranking reads. */
export interface Rankable {
  totals: { index: DecimalString };
}

export interface RankRow<T> {
  /** 1 for the highest index. */
  rank: number;
  /** True when another unit has the same index. */
  tied: boolean;
  index: DecimalString;
  /** Position of the result in the input list. */
  input: number;
  result: T;
}

/**
 * Rank results by index, highest first. Ties keep their input order (callers sort the input, e.g. by
 * unit code, for a stable table) and share a rank.
 */
export function rank<T extends Rankable>(results: readonly T[], ties: RankingPolicy): RankRow<T>[] {
  if (ties !== 'dense' && ties !== 'competition') throw new TypeError(`Unknown ranking policy "${String(ties)}"`);
  const items = results.map((result, input) => ({ result, input, value: dec(result.totals.index) }));
  items.sort((a, b) => b.value.cmp(a.value) || a.input - b.input);
  const rows: RankRow<T>[] = [];
  let current = 0;
  let distinct = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const prev = items[i - 1];
    if (!prev || !prev.value.eq(it.value)) {
      distinct++;
      current = ties === 'dense' ? distinct : i + 1;
    }
    const next = items[i + 1];
    const tied = (prev !== undefined && prev.value.eq(it.value)) || (next !== undefined && next.value.eq(it.value));
    rows.push({ rank: current, tied, index: decText(it.value), input: it.input, result: it.result });
  }
  return rows;
}

/** A plain mean, exact sum and count; `mean` is the quotient to 10 decimal places (half up). */
export interface Mean {
  count: number;
  sum: DecimalString;
  mean: DecimalString | null;
}

const MEAN_PLACES = 10;

export function mean(values: readonly DecimalString[]): Mean {
  let sum = new Decimal(0);
  for (const v of values) sum = sum.plus(dec(v));
  return {
    count: values.length,
    sum: decText(sum),
    mean: values.length === 0 ? null : decText(sum.div(values.length).toDecimalPlaces(MEAN_PLACES, Decimal.ROUND_HALF_UP)),
  };
}

export interface FieldMean {
  code: string;
  title: string;
  titleEn?: string;
  nominalMax: DecimalString;
  points: Mean;
  /** Mean of points ÷ applicable maximum × 100 over the units where the field applies (maximum > 0). */
  percent: Mean;
}

export interface BandGroup {
  code: string | null;
  label: string | null;
  labelEn?: string;
  /** Input positions of the units in this band, in rank order. */
  units: number[];
}

export interface RankSummary {
  policy: RankingPolicy;
  /** Plain mean of the unit indices (as a national or provincial average is published). */
  index: Mean;
  fields: FieldMean[];
  /** Units grouped by classification band, in the order the bands are first met going down the ranking. */
  bands: BandGroup[];
}

/** The part of a result that `summarize` reads: a `ScoreResult` or its `ScoreSummary` (see toSummary). */
export interface Summarizable {
  totals: Pick<Totals, 'index' | 'classification'>;
  fields: ReadonlyArray<{ code: string; title: string; titleEn?: string; nominalMax: DecimalString; applicableMax: DecimalString; points: DecimalString }>;
}

/**
 * Means and groups for a ranking table. Fields are matched by code, in the order of the first result;
 * all results should come from one compiled set. Results or their summaries (`toSummary`) give the same.
 */
export function summarize(results: readonly Summarizable[], ties: RankingPolicy): RankSummary {
  const rows = rank(results, ties);
  const fields: FieldMean[] = [];
  const first = results[0];
  if (first) {
    for (const f of first.fields) {
      const points: DecimalString[] = [];
      const percent: DecimalString[] = [];
      for (const r of results) {
        const g = r.fields.find((x) => x.code === f.code);
        if (!g) continue;
        points.push(g.points);
        const max = dec(g.applicableMax);
        if (!max.isZero()) percent.push(decText(dec(g.points).div(max).times(100)));
      }
      fields.push({
        code: f.code,
        title: f.title,
        ...(f.titleEn !== undefined ? { titleEn: f.titleEn } : {}),
        nominalMax: f.nominalMax,
        points: mean(points),
        percent: mean(percent),
      });
    }
  }
  const bands: BandGroup[] = [];
  for (const row of rows) {
    const c = row.result.totals.classification;
    const code = c?.code ?? null;
    let group = bands.find((b) => b.code === code);
    if (!group) {
      group = { code, label: c?.label ?? null, ...(c?.labelEn !== undefined ? { labelEn: c.labelEn } : {}), units: [] };
      bands.push(group);
    }
    group.units.push(row.input);
  }
  return { policy: ties, index: mean(results.map((r) => r.totals.index)), fields, bands };
}
