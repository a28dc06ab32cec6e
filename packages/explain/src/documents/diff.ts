/** The comparison of two results, criterion by criterion, with the reasons of every change. */
import type { DiffReason, NodeResult, ResultDiff, ScoreResult } from '@parindex/engine';
import { dec } from '@parindex/rules';
import type { Doc, Row } from '../document.js';
import { boundsText, LOCALES, pointsText } from '../explainer.js';
import { formatDate, formatNumber, SHOWN_PLACES, TABLE_PLACES, type Lang } from '../numbers.js';
import { pick, valueText } from '../say.js';
import { boundsOf } from '../locales/shared.js';
import { bandText, nodeIndex } from './result-view.js';

/**
 * What a tier's bounds are written with, from the criterion's trace as the set's rule would say it
 * (say.suffix): "%" when the tiers are on a ratio × 100 or on a percent input, else nothing.
 */
function tierSuffix(n: NodeResult | undefined): string {
  for (const s of n?.trace?.steps ?? []) {
    if (s.kind === 'ratio') return dec(s.times).eq(100) ? '%' : '';
    if (s.kind === 'value') return n?.trace?.inputs.find((i) => i.id === s.input)?.type === 'percent' ? '%' : '';
  }
  return '';
}

/** An option's label in the document's language (`Say.option`): what a survey's answer or a level is called, by its id. */
export type OptionLabel = (input: string, option: string) => string;

/**
 * One reason of a change as a sentence; `nodes`: the criterion in A and in B, whose traces tell how its
 * tiers are written; `option`: the labels of a tally's answers and of levels (without it, their ids).
 */
export function reasonText(r: DiffReason, lang: Lang, nodes: { a?: NodeResult | undefined; b?: NodeResult | undefined } = {}, option?: OptionLabel): string {
  const l = LOCALES[lang];
  const d = l.diff;
  const n = (v: string) => formatNumber(v, lang, { cut: SHOWN_PLACES });
  const met = (b: boolean) => l.words[b ? 'met' : 'notMet'];
  const given = (b: boolean) => l.words[b ? 'provided' : 'missing'];
  switch (r.kind) {
    case 'onlyIn':
      return r.side === 'a' ? d.onlyInA : d.onlyInB;
    case 'max':
      return `${d.maxInSet}: ${n(r.from)} → ${n(r.to)}`;
    case 'title':
      return `${d.titleChanged}: “${r.from}” → “${r.to}”`;
    case 'rule':
      return `${d.ruleChanged}: ${d.kinds[r.from as 'leaf'] ?? r.from} → ${d.kinds[r.to as 'leaf'] ?? r.to}`;
    case 'applicableMax':
      return `${l.words.applicableMax}: ${n(r.from)} → ${n(r.to)}`;
    case 'status':
      return `${l.words.status}: ${l.statuses[r.from]} → ${l.statuses[r.to]}`;
    case 'input': {
      const u = lang === 'en' ? (r.unitEn ?? r.unit) : r.unit;
      const unit = u && typeof r.to === 'string' ? ' ' + l.unitAfter(u, /^1(\.0*)?$/.test(r.to)) : '';
      const why = r.corrected ? ` (${l.stage(r.corrected.round)}: ${r.corrected.reason}${r.corrected.by !== undefined ? ` — ${r.corrected.by}` : ''})` : '';
      const named = option && ((id: string) => option(r.input, id));
      return `${pick(lang, r.label, r.labelEn)}: ${valueText(r.from, lang, named)} → ${valueText(r.to, lang, named)}${unit}${why}`;
    }
    case 'tier': {
      const tier = (s: typeof r.from, n: NodeResult | undefined) => (s ? `${boundsText(boundsOf(s), tierSuffix(n), lang).toLowerCase()} (${pointsText(s.points, lang)})` : '—');
      return `${d.tier}: ${tier(r.from, nodes.a)} → ${tier(r.to, nodes.b)}`;
    }
    case 'part':
      return `${r.id}: ${met(r.from)} → ${met(r.to)}`;
    case 'document':
      return `${d.document} “${pick(lang, r.label, r.labelEn)}”: ${given(r.from)} → ${given(r.to)}`;
    case 'override':
      return d.override(l.stage(r.round), n(r.from), n(r.to), r.reason, r.by, r.side === 'a');
    case 'flag':
      return `${r.change === 'added' ? '+' : '−'} ${l.flags[r.flag]}`;
    case 'explanation':
      return `${l.words.explanationLabel}: ${r.to ?? d.explanationRemoved}`;
  }
}

const sideLabel = (r: ScoreResult, lang: Lang) =>
  `${r.unit.name} — ${LOCALES[lang].stage(r.stage)} — ${r.provenance.criteriaSet.ref} (${formatDate(r.period.from, lang)} – ${formatDate(r.period.to, lang)})`;

/** A change's three numbers (A, B, Δ), as the score table shows points, and the exact decimals behind them. */
function changeCells(c: { from: string | null; to: string | null; delta: string | null }, lang: Lang, places = TABLE_PLACES, fixed = false): { cells: string[]; values: Array<string | undefined> } {
  const n = (v: string | null, sign: boolean) => (v === null ? '—' : formatNumber(v, lang, { places, ...(fixed && !sign ? { fixed } : {}), ...(sign ? { sign } : {}) }));
  return { cells: [n(c.from, false), n(c.to, false), n(c.delta, true)], values: [c.from ?? undefined, c.to ?? undefined, c.delta ?? undefined] };
}

function totalsTable(d: ResultDiff, a: ScoreResult, b: ScoreResult, lang: Lang, places: number): Doc[number] {
  const l = LOCALES[lang];
  const tt = d.totals;
  const row = (label: string, c: ReturnType<typeof changeCells>, strong?: boolean) => ({ cells: [label, ...c.cells], values: [undefined, ...c.values], ...(strong ? { strong } : {}) });
  return {
    kind: 'table',
    columns: [{ label: '' }, { label: 'A', align: 'right' }, { label: 'B', align: 'right' }, { label: l.words.change, align: 'right' }],
    rows: [
      row(l.words.total, changeCells(tt.points, lang)),
      row(l.words.applicableMax, changeCells(tt.applicableMax, lang)),
      row(l.words.index, changeCells(tt.index, lang, places, true), true),
      { cells: [l.words.classification, bandText(a.totals, lang), bandText(b.totals, lang), tt.classification.changed ? l.diff.changed : l.diff.same] },
    ],
  };
}

/**
 * The diff document: both sides, the totals, every changed criterion (or all) with its reasons, the
 * counts. The tables show points as the score table does (up to 4 places) with the exact decimals behind
 * them; the reasons' sentences cut at 6 places with "…" as every sentence does.
 */
export function diffDocument(d: ResultDiff, a: ScoreResult, b: ScoreResult, lang: Lang, o: { all: boolean; places: number; option?: OptionLabel | undefined }): Doc {
  const l = LOCALES[lang];
  const doc: Doc = [
    { kind: 'title', text: l.diff.title },
    {
      kind: 'kv',
      rows: [
        ['A', sideLabel(a, lang)],
        ['B', sideLabel(b, lang)],
      ],
    },
  ];
  if (!d.sameSet) doc.push({ kind: 'para', text: l.diff.otherSets(d.a.criteriaSet, d.b.criteriaSet, d.setChanges.length ? d.setChanges.join(', ') : null) });
  doc.push(totalsTable(d, a, b, lang, o.places));
  const rows: Row[] = [];
  const [inA, inB] = [nodeIndex(a), nodeIndex(b)];
  for (const x of d.nodes) {
    if (!o.all && !x.changed) continue;
    const nodes = { a: inA.get(x.code), b: inB.get(x.code) };
    const points = changeCells(x.points, lang);
    rows.push({
      cells: [x.code, pick(lang, x.title, x.titleEn), ...points.cells, x.reasons.map((r) => reasonText(r, lang, nodes, o.option))],
      values: [undefined, undefined, ...points.values],
      depth: x.depth - 1,
      strong: x.kind === 'group' && x.depth === 1,
    });
  }
  doc.push({ kind: 'heading', text: l.diff.byCriterion });
  const w = l.words;
  if (rows.length)
    doc.push({
      kind: 'table',
      columns: [{ label: w.code }, { label: w.criterion, width: 44 }, { label: 'A', align: 'right' }, { label: 'B', align: 'right' }, { label: 'Δ', align: 'right' }, { label: w.why, width: 60 }],
      rows,
      indentColumn: 1,
    });
  doc.push({ kind: 'para', text: l.diff.counts(d.counts, (v) => formatNumber(v, lang)) });
  return doc;
}
