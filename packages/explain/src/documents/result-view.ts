/** Pieces of a score result for people: document lists, notes, header rows, flags, the score table. */
import type { BlockResult, NodeResult, ScoreResult, TraceDocument } from '@parindex/engine';
import type { Cell, Column, Row } from '../document.js';
import type { Explainer } from '../explainer.js';
import { decisionText, type Decision } from './sets.js';
import { formatNumber, formatPercent, percentOf, type Lang } from '../numbers.js';
import { pick } from '../say.js';

/** The documents of a criterion, one line each (a table cell's lines). */
export function documentLines(docs: readonly TraceDocument[], ex: Explainer): string[] {
  const out: string[] = [];
  for (const d of docs) {
    const label = ex.pick(d.label, d.labelEn);
    if (d.provided) for (const b of d.by) out.push(`${ex.pick(d.kind, d.kindEn)}: ${ex.phrases.documentRef(b.number, b.date ? ex.say.date(b.date) : undefined, b.title) || label}`);
    else if (d.required) out.push(`${ex.word('missingLabel')}: ${label}`);
  }
  return out;
}

/** The notes on a criterion (flags, claim, explanation, appraisal changes), one line each. */
export function noteLines(n: NodeResult, ex: Explainer, roundNode?: NodeResult): string[] {
  const notes: string[] = [];
  const flags = new Set([...n.flags, ...(roundNode?.flags ?? [])]);
  for (const f of flags) if (f !== 'explained' && f !== 'claimMismatch' && f !== 'overridden' && f !== 'corrected') notes.push(ex.flag(f));
  const claim = n.trace?.claim;
  if (claim && !claim.matches) notes.push(ex.phrases.claimNote(ex.say.n(claim.claimed), ex.say.n(claim.computed)));
  if (n.trace?.explanation) notes.push(`${ex.word('explanationLabel')}: ${n.trace.explanation}`);
  for (const s of roundNode?.trace?.steps ?? roundNode?.steps ?? []) if (s.kind === 'override') notes.push(`${ex.stage(s.round)}: ${ex.say.n(s.from)} → ${ex.say.n(s.to)} (${s.reason})`);
  for (const i of roundNode?.trace?.inputs ?? [])
    if (i.corrected) notes.push(ex.phrases.correctedNote(ex.stage(i.corrected.round), ex.say.input(i.id).label, ex.value(i.value, i.id), i.corrected.reason));
  return notes;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
export const roman = (i: number) => ROMAN[i] ?? String(i + 1);

/** Every node of a result by code. */
export function nodeIndex(r: ScoreResult | undefined): Map<string, NodeResult> {
  const m = new Map<string, NodeResult>();
  if (!r) return m;
  const walk = (n: NodeResult) => {
    m.set(n.code, n);
    n.children?.forEach(walk);
  };
  r.fields.forEach(walk);
  r.bonus?.items.forEach(walk);
  r.penalty?.items.forEach(walk);
  return m;
}

export interface ReportOptions {
  /** Places of the index and percentages (the set's displayPlaces). */
  places: number;
  /** Include every criterion, not only the fields. */
  all: boolean;
  /** Officer layout: evidence documents and notes columns. */
  officer: boolean;
}

export function bandText(t: Pick<ScoreResult['totals'], 'classification'>, lang: Lang): string {
  const c = t.classification;
  return c ? `${c.code} — ${pick(lang, c.label, c.labelEn)}` : '—';
}

function columnsOf(ex: Explainer, appraised: boolean, o: ReportOptions): Column[] {
  const columns: Column[] = [
    { label: ex.word('stt') },
    { label: ex.word('criterion'), width: o.officer ? 50 : 56 },
    { label: ex.word('max'), align: 'right' },
    { label: ex.word('selfScore'), align: 'right' },
  ];
  if (appraised) columns.push({ label: ex.word('appraised'), align: 'right' });
  if (!o.officer) columns.push({ label: ex.word('percent'), align: 'right' });
  if (o.officer) columns.push({ label: ex.word('documents'), width: 40 }, { label: ex.word('notes'), width: 40 });
  return columns;
}

/** The main table: STT, field/criterion, maximum, self-score, [appraised], [%], [documents, notes]. */
export function scoreTable(self: ScoreResult, round: ScoreResult | undefined, ex: Explainer, o: ReportOptions): { columns: Column[]; rows: Row[]; footer: Row[] } {
  const r2 = nodeIndex(round);
  const num = (v: string) => formatNumber(v, ex.lang, { places: 4 });
  // The officer layout always has the appraised column (filled by the appraisal team when there is none yet).
  const appraised = round !== undefined || o.officer;
  const pad = (cells: Cell[], extra: Cell | undefined, pct: Cell) => {
    if (appraised) cells.push(extra ?? '');
    if (!o.officer) cells.push(pct);
    else cells.push('', '');
    return cells;
  };
  const rows: Row[] = [];
  const line = (n: NodeResult, stt: string, depth: number) => {
    const a = r2.get(n.code);
    const max = n.applicableMax === n.nominalMax ? num(n.applicableMax) : `${num(n.applicableMax)} (${num(n.nominalMax)})`;
    const cells: Cell[] = [stt, ex.pick(n.title, n.titleEn), max, num(n.points)];
    if (appraised) cells.push(a ? num(a.points) : '');
    if (!o.officer) cells.push(formatPercent(percentOf((a ?? n).points, (a ?? n).applicableMax), ex.lang, o.places));
    else cells.push(n.trace ? documentLines(n.trace.documents, ex) : '', noteLines(n, ex, a));
    rows.push({ cells, depth, strong: depth === 0 });
    if (o.all) n.children?.forEach((c) => line(c, c.code, depth + 1));
  };
  self.fields.forEach((f, i) => line(f, o.officer ? roman(i) : f.code, 0));
  const blockRows = (b: BlockResult | undefined, rb: BlockResult | undefined, sign: string) => {
    if (!b) return;
    const signed = (v: string) => (/^0(\.0*)?$/.test(v) ? num(v) : `${sign}${num(v)}`);
    rows.push({ cells: pad(['', `${ex.pick(b.title, b.titleEn)}${b.capped ? ex.phrases.blockCapped : ''}`, num(b.max), signed(b.points)], rb && signed(rb.points), ''), strong: true });
    if (o.all) for (const n of b.items) line(n, n.code, 1);
  };
  blockRows(self.bonus, round?.bonus, '+');
  blockRows(self.penalty, round?.penalty, '-');
  const st = self.totals;
  const rt = round?.totals;
  const index = (t: ScoreResult['totals']) => formatNumber(t.index, ex.lang, { places: o.places, fixed: true });
  const foot = (label: string, s: string, r: string | undefined) => ({ cells: pad(['', label, '', s], r, ''), strong: true });
  const footer: Row[] = [
    foot(`${ex.word('total')} / ${ex.word('applicableMax').toLowerCase()} ${num((round ?? self).totals.applicableMax)}`, num(st.points), rt && num(rt.points)),
    foot(ex.phrases.indexOnScale(num(st.scale)), index(st), rt && index(rt)),
    foot(ex.word('classification'), bandText(st, ex.lang), rt && bandText(rt, ex.lang)),
  ];
  return { columns: columnsOf(ex, appraised, o), rows, footer };
}

/** Flags grouped: "Thiếu tài liệu kiểm chứng: 1.1.1, 3.2". */
export function flagLines(r: ScoreResult, ex: Explainer): string[] {
  const by = new Map<string, string[]>();
  for (const f of r.flags) (by.get(f.code) ?? by.set(f.code, []).get(f.code)!).push(f.criterion);
  return [...by.entries()].map(([code, list]) => `${ex.flag(code as Parameters<Explainer['flag']>[0])}: ${[...new Set(list)].join(', ')}`);
}

/** `decision`: the set's decision, printed under the set (its date "không rõ ngày" when not known). */
export function headerRows(r: ScoreResult, ex: Explainer, stages: string, decision?: Decision): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    [ex.word('unit'), `${r.unit.name}${r.unit.code ? ` (${r.unit.code})` : ''}`],
    [ex.word('criteriaSet'), r.provenance.criteriaSet.ref],
    ...(decision ? [[ex.word('decision'), decisionText(decision, ex.lang)] as [string, string]] : []),
    [ex.word('period'), ex.period(r.period)],
    [ex.word('stage'), stages],
  ];
  if (r.sample) rows.push([ex.word('flags'), ex.word('sample')]);
  return rows;
}
