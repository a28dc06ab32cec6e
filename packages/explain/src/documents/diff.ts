/** The comparison of two results, criterion by criterion, with the reasons of every change. */
import type { DiffReason, NodeResult, ResultDiff, ScoreResult } from '@parindex/engine';
import { dec } from '@parindex/rules';
import type { Doc, Row } from '../document.js';
import { boundsText, LOCALES, pointsText } from '../explainer.js';
import { formatDate, formatNumber, SHOWN_PLACES, type Lang } from '../numbers.js';
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

/** One reason of a change as a sentence; `nodes`: the criterion in A and in B, whose traces tell how its tiers are written. */
export function reasonText(r: DiffReason, lang: Lang, nodes: { a?: NodeResult | undefined; b?: NodeResult | undefined } = {}): string {
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
      return `${pick(lang, r.label, r.labelEn)}: ${valueText(r.from, lang)} → ${valueText(r.to, lang)}${unit}${why}`;
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

function totalsTable(d: ResultDiff, a: ScoreResult, b: ScoreResult, lang: Lang, places: number): Doc[number] {
  const l = LOCALES[lang];
  const n = (v: string | null, opts = {}) => (v === null ? '—' : formatNumber(v, lang, { cut: SHOWN_PLACES, ...opts }));
  const delta = (v: string | null, opts = {}) => (v === null ? '—' : formatNumber(v, lang, { sign: true, cut: SHOWN_PLACES, ...opts }));
  const tt = d.totals;
  return {
    kind: 'table',
    columns: [{ label: '' }, { label: 'A', align: 'right' }, { label: 'B', align: 'right' }, { label: l.words.change, align: 'right' }],
    rows: [
      { cells: [l.words.total, n(tt.points.from), n(tt.points.to), delta(tt.points.delta)] },
      { cells: [l.words.applicableMax, n(tt.applicableMax.from), n(tt.applicableMax.to), delta(tt.applicableMax.delta)] },
      { cells: [l.words.index, n(tt.index.from, { places, fixed: true }), n(tt.index.to, { places, fixed: true }), delta(tt.index.delta, { places })], strong: true },
      { cells: [l.words.classification, bandText(a.totals, lang), bandText(b.totals, lang), tt.classification.changed ? l.diff.changed : l.diff.same] },
    ],
  };
}

/** The diff document: both sides, the totals, every changed criterion (or all) with its reasons, the counts. */
export function diffDocument(d: ResultDiff, a: ScoreResult, b: ScoreResult, lang: Lang, o: { all: boolean; places: number }): Doc {
  const l = LOCALES[lang];
  const n = (v: string | null) => (v === null ? '—' : formatNumber(v, lang, { cut: SHOWN_PLACES }));
  const delta = (v: string | null) => (v === null ? '—' : formatNumber(v, lang, { sign: true, cut: SHOWN_PLACES }));
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
    rows.push({
      cells: [x.code, pick(lang, x.title, x.titleEn), n(x.points.from), n(x.points.to), delta(x.points.delta), x.reasons.map((r) => reasonText(r, lang, nodes))],
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
