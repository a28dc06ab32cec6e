/** The ranking document: ranks, totals, indices and bands; the mean index; bands; field means; what was not ranked. */
import type { RankRow, RankSummary, ScoreSummary } from '@parindex/engine';
import type { Block, Doc } from '../document.js';
import { LOCALES } from '../explainer.js';
import { formatNumber, formatPercent, type Lang } from '../numbers.js';
import { pick } from '../say.js';
import { bandText } from './result-view.js';

/** Spaces typed around a unit's name (shown trimmed); tabs and line breaks stay, for the renderers to make visible. */
const EDGE_SPACES = /^ +| +$/g;

export interface RankDocumentInput {
  /** The set's title and ref, when one set was compiled. */
  set: { title: string; titleEn?: string | undefined; ref: string } | undefined;
  policy: 'dense' | 'competition';
  places: number;
  rows: readonly RankRow<ScoreSummary>[];
  results: readonly ScoreSummary[];
  summary: RankSummary;
  /** Units ranked on an appraisal, and the round asked for (undefined: the last of each file). */
  appraised: number;
  round: string | undefined;
  /** Files that could not be ranked: their error count and their first problem, already worded. */
  /** unit: the unit the file leaves out, when known (an appraisal that failed: its evidence was read). */
  failed: ReadonlyArray<{ file: string; errors: number; first: string; unit?: { code: string; name: string } }>;
  unusedAppraisals: ReadonlyArray<{ file: string; why: string }>;
  skipped: readonly string[];
}

function rankTable(x: RankDocumentInput, lang: Lang): Block {
  const w = LOCALES[lang].words;
  const stage = (s: string) => LOCALES[lang].stage(s);
  const stageColumn = x.appraised > 0;
  return {
    kind: 'table',
    columns: [
      { label: w.rank, align: 'right' },
      // The rank is a number (sortable in a spreadsheet); a tie is said in its own column.
      { label: w.tied },
      { label: w.code },
      { label: w.name, width: 40 },
      ...(stageColumn ? [{ label: w.stage }] : []),
      { label: w.total, align: 'right' },
      { label: w.applicableMax, align: 'right' },
      { label: w.index, align: 'right' },
      { label: w.classification },
    ],
    rows: x.rows.map((r) => ({
      cells: [
        String(r.rank),
        r.tied ? w.yes : '',
        r.result.unit.code,
        r.result.unit.name.replace(EDGE_SPACES, ''),
        ...(stageColumn ? [stage(r.result.stage)] : []),
        formatNumber(r.result.totals.points, lang, { places: 4 }),
        formatNumber(r.result.totals.applicableMax, lang),
        formatNumber(r.index, lang, { places: x.places, fixed: true }),
        bandText(r.result.totals, lang),
      ],
    })),
  };
}

/** Per band: its units, their number and their share of the units ranked (rounded as the set declares: 7 of 40 → 17,50%). */
function bandTable(x: RankDocumentInput, lang: Lang): Block {
  const w = LOCALES[lang].words;
  const r = LOCALES[lang].rank;
  const share = x.summary.rounding.share;
  return {
    kind: 'table',
    columns: [{ label: w.classification }, { label: r.unitCount, align: 'right' }, { label: r.share, align: 'right' }, { label: r.units, width: 60 }],
    rows: x.summary.bands.map((b) => ({
      cells: [
        b.code ? `${b.code} — ${pick(lang, b.label ?? '', b.labelEn)}` : w.unclassified,
        formatNumber(b.count, lang),
        b.share === null ? '—' : `${formatNumber(b.share, lang, { places: share.places, fixed: true })}%`,
        b.units.map((i) => x.results[i]!.unit.name.replace(EDGE_SPACES, '')).join(', '),
      ],
    })),
    footer: [{ cells: [r.allBands, formatNumber(x.summary.ranked, lang), x.summary.ranked ? `${formatNumber('100', lang, { places: share.places, fixed: true })}%` : '—', ''], strong: true }],
  };
}

function summaryBlocks(x: RankDocumentInput, lang: Lang): Block[] {
  const l = LOCALES[lang];
  const w = l.words;
  const out: Block[] = [];
  if (x.summary.bands.length) out.push({ kind: 'heading', text: l.rank.byBand }, bandTable(x, lang));
  if (x.summary.fields.length)
    out.push(
      { kind: 'heading', text: l.rank.fieldMeans },
      {
        kind: 'table',
        columns: [{ label: w.code }, { label: w.field, width: 50 }, { label: w.max, align: 'right' }, { label: w.mean, align: 'right' }, { label: l.rank.meanShare, align: 'right' }],
        rows: x.summary.fields.map((f) => ({
          cells: [
            f.code,
            pick(lang, f.title, f.titleEn),
            formatNumber(f.nominalMax, lang),
            f.points.mean === null ? '—' : formatNumber(f.points.mean, lang, { places: x.places, fixed: true }),
            formatPercent(f.percent.mean, lang, x.places),
          ],
        })),
      },
      { kind: 'para', text: l.rank.meanShareNote },
    );
  return out;
}

function problemBlocks(x: RankDocumentInput, lang: Lang): Block[] {
  const r = LOCALES[lang].rank;
  const n = (v: number) => formatNumber(v, lang);
  const out: Block[] = [];
  if (x.failed.length)
    out.push(
      { kind: 'heading', text: r.notRanked(n(x.failed.length), x.failed.length === 1) },
      { kind: 'list', items: x.failed.map((f) => `${f.file}: ${f.unit ? `${r.unitLeftOut(f.unit.name, f.unit.code)}; ` : ''}${r.errors(n(f.errors), f.errors === 1)} — ${f.first}`) },
    );
  if (x.unusedAppraisals.length) out.push({ kind: 'para', text: `${r.unusedAppraisals}: ${x.unusedAppraisals.map((a) => `${a.file} (${a.why})`).join('; ')}` });
  if (x.skipped.length) out.push({ kind: 'para', text: `${r.skipped}: ${x.skipped.join(', ')}` });
  return out;
}

export function rankDocument(x: RankDocumentInput, lang: Lang): Doc {
  const l = LOCALES[lang];
  const n = (v: number) => formatNumber(v, lang);
  const appraised = x.appraised > 0 ? l.rank.appraised(n(x.appraised), x.appraised === 1, x.round !== undefined ? l.stage(x.round) : l.rank.lastRound) : '';
  const mean = x.summary.index.rounded === null ? '—' : formatNumber(x.summary.index.rounded, lang, { places: x.summary.rounding.meanIndex.places, fixed: true });
  return [
    { kind: 'title', text: l.rank.title(x.set ? pick(lang, x.set.title, x.set.titleEn) : '') },
    { kind: 'para', text: `${x.set ? `${l.words.criteriaSet}: ${x.set.ref}. ` : ''}${l.rank.policy[x.policy]}${appraised}` },
    rankTable(x, lang),
    { kind: 'para', text: l.rank.meanIndex(n(x.summary.index.count), x.summary.index.count === 1, mean) },
    ...summaryBlocks(x, lang),
    ...problemBlocks(x, lang),
  ];
}
