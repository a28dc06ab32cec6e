/**
 * Ranking many units scored with one criteria set, and the plain means that published tables show.
 * Pure computations on score results (no formatting): ranks follow the index, highest first; tied units
 * share a rank; the set's `policies.ranking` says what the next unit gets:
 *   dense        1, 2, 3, 3, 4
 *   competition  1, 2, 3, 3, 5
 * Indices are compared exactly as decimals, as they stand in the results (the set's "index" rounding,
 * when it declares one, has already been applied by `score()`).
 */
import { Decimal, dec, decText, type RoundingMode } from './deps.js';
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
  /** Mean over the units where the field applies (maximum > 0) of each unit's points ÷ its own applicable maximum × 100; not `points.mean` ÷ `nominalMax`. */
  percent: Mean;
}

export interface BandGroup {
  code: string | null;
  label: string | null;
  labelEn?: string;
  /** Input positions of the units in this band, in rank order. */
  units: number[];
  /** How many units the band holds (units.length), and their share of the units ranked. */
  count: number;
  /** count ÷ units ranked × 100, rounded as `RankSummary.rounding.share` says (null when nothing is ranked); exact: count and `RankSummary.ranked`. */
  share: DecimalString | null;
}

/** How a published ranking table rounds a figure: places and mode (default 2 places, half up). */
export interface RankRounding {
  places: number;
  mode: RoundingMode;
}

/** The plain mean of the indices, exact (sum ÷ count), and rounded as the set declares. */
export interface IndexMean extends Mean {
  /** sum ÷ count rounded as `RankSummary.rounding.meanIndex` says (from the exact quotient); null with no unit. */
  rounded: DecimalString | null;
}

export interface RankSummary {
  policy: RankingPolicy;
  /** How many units were ranked (the denominator of every band's share). */
  ranked: number;
  /** Plain mean of the unit indices (as a national or provincial average is published). */
  index: IndexMean;
  fields: FieldMean[];
  /**
   * Units grouped by classification band: with `bands` given, every band of the set in its order (a band
   * no unit reached has count 0), then the unclassified units; else in the order first met going down.
   */
  bands: BandGroup[];
  /** The rounding of the mean index and of the shares: the set's `meanIndex` and `share` levels, else 2 places half up. */
  rounding: { meanIndex: RankRounding; share: RankRounding };
}

export interface SummarizeOptions {
  /** The classification bands of the set, in its order: every one is listed, with 0 units when none reached it. */
  bands?: ReadonlyArray<{ code: string; label: string; labelEn?: string | undefined }>;
  /** The set's rounding declarations (its levels `meanIndex` and `share` are read). */
  rounding?: ReadonlyArray<{ level: string; places: number; mode: RoundingMode }>;
}

/** A published table's default: two decimals, half up. */
export const RANK_ROUNDING_DEFAULT: RankRounding = { places: 2, mode: 'halfUp' };

/**
 * @internal numerator ÷ denominator rounded to `places` in `mode`, exactly: integer division with its
 * remainder (no binary floating point, no decimal precision limit), as decimal text.
 */
export function roundQuotient(numerator: bigint, denominator: bigint, r: RankRounding): DecimalString {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = (numerator < 0n ? -numerator : numerator) * 10n ** BigInt(r.places);
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const rest = n % d;
  const up = r.mode === 'up' ? rest > 0n : r.mode === 'down' ? false : r.mode === 'halfUp' ? 2n * rest >= d : 2n * rest > d || (2n * rest === d && q % 2n === 1n);
  if (up) q += 1n;
  const digits = q.toString().padStart(r.places + 1, '0');
  const int = digits.slice(0, digits.length - r.places);
  const frac = digits.slice(digits.length - r.places).replace(/0+$/, '');
  return decText(dec(`${negative && q !== 0n ? '-' : ''}${int}${frac ? `.${frac}` : ''}`));
}

/** A decimal text as an integer and its scale: "82.35" → 8235n, 2. */
function scaled(text: DecimalString): { int: bigint; scale: number } {
  const dot = text.indexOf('.');
  return dot < 0 ? { int: BigInt(text), scale: 0 } : { int: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

function rankRounding(list: SummarizeOptions['rounding'], level: 'meanIndex' | 'share'): RankRounding {
  const r = list?.find((x) => x.level === level);
  return r ? { places: r.places, mode: r.mode } : RANK_ROUNDING_DEFAULT;
}

/** The bands of the ranked units, with their counts and shares. */
function bandGroups<T extends Summarizable>(rows: readonly RankRow<T>[], opts: SummarizeOptions, share: RankRounding): BandGroup[] {
  const group = (code: string | null, label: string | null, labelEn: string | undefined): BandGroup => ({
    code,
    label,
    ...(labelEn !== undefined ? { labelEn } : {}),
    units: [],
    count: 0,
    share: null,
  });
  const bands = (opts.bands ?? []).map((b) => group(b.code, b.label, b.labelEn));
  for (const row of rows) {
    const c = row.result.totals.classification;
    const code = c?.code ?? null;
    let g = bands.find((b) => b.code === code);
    if (!g) bands.push((g = group(code, c?.label ?? null, c?.labelEn)));
    g.units.push(row.input);
  }
  // With the set's bands listed, the unclassified units come last (a stable sort keeps the rest in order).
  if (opts.bands?.length) bands.sort((a, b) => Number(a.code === null) - Number(b.code === null));
  for (const b of bands) {
    b.count = b.units.length;
    b.share = rows.length === 0 ? null : roundQuotient(BigInt(b.count) * 100n, BigInt(rows.length), share);
  }
  return bands;
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
export function summarize(results: readonly Summarizable[], ties: RankingPolicy, opts: SummarizeOptions = {}): RankSummary {
  const rows = rank(results, ties);
  const rounding = { meanIndex: rankRounding(opts.rounding, 'meanIndex'), share: rankRounding(opts.rounding, 'share') };
  const index = mean(results.map((r) => r.totals.index));
  const sum = scaled(index.sum);
  const rounded = index.count === 0 ? null : roundQuotient(sum.int, BigInt(index.count) * 10n ** BigInt(sum.scale), rounding.meanIndex);
  return { policy: ties, ranked: rows.length, index: { ...index, rounded }, fields: fieldMeans(results), bands: bandGroups(rows, opts, rounding.share), rounding };
}

/** The mean points and percentage of each field, matched by code, in the order of the first result. */
function fieldMeans(results: readonly Summarizable[]): FieldMean[] {
  const fields: FieldMean[] = [];
  const first = results[0];
  if (!first) return fields;
  // Units share their points and maxima far more often than not: each share is divided once.
  const shares = new Map<string, DecimalString | null>();
  const shareOf = (points: DecimalString, applicableMax: DecimalString): DecimalString | null => {
    const key = `${points}/${applicableMax}`;
    let share = shares.get(key);
    if (share === undefined) {
      const max = dec(applicableMax);
      share = max.isZero() ? null : decText(dec(points).div(max).times(100));
      shares.set(key, share);
    }
    return share;
  };
  for (const f of first.fields) {
    const points: DecimalString[] = [];
    const percent: DecimalString[] = [];
    for (const r of results) {
      const g = r.fields.find((x) => x.code === f.code);
      if (!g) continue;
      points.push(g.points);
      const share = shareOf(g.points, g.applicableMax);
      if (share !== null) percent.push(share);
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
  return fields;
}

/** The part of a result a ranking table lists. */
export interface Listable extends Rankable {
  unit: { code: string };
  stage: string;
  totals: { index: DecimalString; points: DecimalString; applicableMax: DecimalString; classification?: unknown };
}

/**
 * The JSON of a ranking (`rank --format json`, `POST /v1/rank`): one row per ranked unit, where it came
 * from as the caller names it (`place`: its file, or its place in a request), and each band with the
 * codes of its units instead of their input positions.
 */
export function rankingJson<T extends Listable, P extends object>(rows: readonly RankRow<T>[], summary: RankSummary, results: readonly T[], place: (input: number) => P) {
  const ranking = rows.map((x) => ({
    rank: x.rank,
    tied: x.tied,
    ...place(x.input),
    unit: x.result.unit,
    stage: x.result.stage,
    points: x.result.totals.points,
    applicableMax: x.result.totals.applicableMax,
    index: x.index,
    classification: x.result.totals.classification,
  }));
  const bands = summary.bands.map((b) => ({ ...b, units: b.units.map((i) => results[i]!.unit.code) }));
  return { ranking, summary: { ...summary, bands } };
}
