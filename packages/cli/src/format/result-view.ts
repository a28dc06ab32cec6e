/** Pieces of a score result for people: document lists, notes, totals rows, flags. */
import type { BlockResult, NodeResult, ScoreResult, TraceDocument } from '../engine.js';
import { flagLabel, pick, stageLabel, t } from '../i18n.js';
import { formatNumber, formatPercent, percentOf, type Lang } from '../numbers.js';
import type { Cell, Row } from './doc.js';

export function formatDate(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The documents of a criterion, one line each (a table cell's lines). */
export function documentLines(docs: readonly TraceDocument[], lang: Lang): string[] {
  const vi = lang === 'vi';
  const out: string[] = [];
  for (const d of docs) {
    if (d.provided)
      for (const b of d.by) {
        const parts = [b.number ? `${vi ? 'Số' : 'No.'} ${b.number}` : '', b.date ? `${vi ? 'ngày' : 'of'} ${formatDate(b.date, lang)}` : '', b.title ?? ''].filter(Boolean);
        out.push(`${d.kind}: ${parts.join(' ') || d.label}`);
      }
    else if (d.required) out.push(`${vi ? 'Thiếu' : 'Missing'}: ${d.label}`);
  }
  return out;
}

/** The notes on a criterion (flags, claim, explanation, appraisal changes), one line each. */
export function noteLines(n: NodeResult, lang: Lang, roundNode?: NodeResult): string[] {
  const vi = lang === 'vi';
  const notes: string[] = [];
  const flags = new Set([...n.flags, ...(roundNode?.flags ?? [])]);
  for (const f of flags) if (f !== 'explained' && f !== 'claimMismatch' && f !== 'overridden' && f !== 'corrected') notes.push(flagLabel(lang, f));
  const claim = n.trace?.claim;
  if (claim && !claim.matches)
    notes.push(vi ? `Tự chấm ${formatNumber(claim.claimed, lang)}; minh chứng đủ cho ${formatNumber(claim.computed, lang)}` : `Claimed ${formatNumber(claim.claimed, lang)}; the evidence supports ${formatNumber(claim.computed, lang)}`);
  if (n.trace?.explanation) notes.push(`${vi ? 'Giải trình' : 'Explanation'}: ${n.trace.explanation}`);
  for (const s of roundNode?.trace?.steps ?? roundNode?.steps ?? [])
    if (s.kind === 'override') notes.push(`${stageLabel(lang, s.round)}: ${formatNumber(s.from, lang)} → ${formatNumber(s.to, lang)} (${s.reason})`);
  for (const i of roundNode?.trace?.inputs ?? [])
    if (i.corrected) notes.push(`${stageLabel(lang, i.corrected.round)}: ${pick(lang, i.label, i.labelEn)} ${vi ? 'sửa thành' : 'corrected to'} ${typeof i.value === 'string' ? formatNumber(i.value, lang) : JSON.stringify(i.value)} (${i.corrected.reason})`);
  return notes;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];
export const roman = (i: number) => ROMAN[i] ?? String(i + 1);

/** Index every node of a result by code. */
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
  lang: Lang;
  places: number;
  /** Include every criterion, not only the fields. */
  all: boolean;
  /** Officer layout: evidence documents and notes columns. */
  officer: boolean;
}

/** The main table: STT, field/criterion, maximum, self-score, [appraised], [%], [documents, notes]. */
export function scoreTable(self: ScoreResult, round: ScoreResult | undefined, o: ReportOptions): { columns: Array<{ label: string; align?: 'left' | 'right'; width?: number }>; rows: Row[]; footer: Row[] } {
  const { lang } = o;
  const vi = lang === 'vi';
  const r2 = nodeIndex(round);
  const main = round ?? self;
  const num = (v: string) => formatNumber(v, lang, { places: 4 });
  const columns: Array<{ label: string; align?: 'left' | 'right'; width?: number }> = [
    { label: t(lang, 'stt') },
    { label: t(lang, 'criterion'), width: o.officer ? 50 : 56 },
    { label: t(lang, 'max'), align: 'right' },
    { label: t(lang, 'selfScore'), align: 'right' },
  ];
  // The officer layout always has the appraised column (filled by the appraisal team when there is none yet).
  const appraisedCol = round !== undefined || o.officer;
  if (appraisedCol) columns.push({ label: t(lang, 'appraised'), align: 'right' });
  if (!o.officer) columns.push({ label: t(lang, 'percent'), align: 'right' });
  if (o.officer) columns.push({ label: t(lang, 'documents'), width: 40 }, { label: t(lang, 'notes'), width: 40 });
  const rows: Row[] = [];
  const line = (n: NodeResult, stt: string, depth: number) => {
    const a = r2.get(n.code);
    const max = n.applicableMax === n.nominalMax ? num(n.applicableMax) : `${num(n.applicableMax)} (${num(n.nominalMax)})`;
    const cells: Cell[] = [stt, pick(lang, n.title, n.titleEn), max, num(n.points)];
    if (appraisedCol) cells.push(a ? num(a.points) : '');
    if (!o.officer) cells.push(formatPercent(percentOf((a ?? n).points, (a ?? n).applicableMax), lang, o.places));
    if (o.officer) cells.push(n.trace ? documentLines(n.trace.documents, lang) : '', noteLines(n, lang, a));
    rows.push({ cells, depth, strong: depth === 0 });
    if (o.all) n.children?.forEach((c) => line(c, c.code, depth + 1));
  };
  self.fields.forEach((f, i) => line(f, o.officer ? roman(i) : f.code, 0));
  const blockRows = (b: BlockResult | undefined, rb: BlockResult | undefined, sign: string) => {
    if (!b) return;
    const signed = (v: string) => (/^0(\.0*)?$/.test(v) ? num(v) : `${sign}${num(v)}`);
    const cells = ['', `${pick(lang, b.title, b.titleEn)}${b.capped ? (vi ? ' (đã áp mức trần)' : ' (capped)') : ''}`, num(b.max), signed(b.points)];
    if (appraisedCol) cells.push(rb ? signed(rb.points) : '');
    if (!o.officer) cells.push('');
    if (o.officer) cells.push('', '');
    rows.push({ cells, strong: true });
    if (o.all) for (const n of b.items) line(n, n.code, 1);
  };
  blockRows(self.bonus, round?.bonus, '+');
  blockRows(self.penalty, round?.penalty, '-');
  const foot = (label: string, s: string, r: string | undefined, pct = '') => {
    const cells = ['', label, '', s];
    if (appraisedCol) cells.push(r ?? '');
    if (!o.officer) cells.push(pct);
    if (o.officer) cells.push('', '');
    return { cells, strong: true };
  };
  const st = self.totals;
  const rt = round?.totals;
  const footer: Row[] = [
    foot(`${t(lang, 'total')} / ${t(lang, 'applicableMax').toLowerCase()} ${num(main.totals.applicableMax)}`, num(st.points), rt && num(rt.points)),
    foot(`${t(lang, 'index')} (${vi ? 'thang' : 'scale'} ${num(st.scale)})`, formatNumber(st.index, lang, { places: o.places, fixed: true }), rt && formatNumber(rt.index, lang, { places: o.places, fixed: true })),
    foot(t(lang, 'classification'), bandText(st, lang), rt && bandText(rt, lang)),
  ];
  return { columns, rows, footer };
}

export function bandText(t0: ScoreResult['totals'], lang: Lang): string {
  const c = t0.classification;
  return c ? `${c.code} — ${pick(lang, c.label, c.labelEn)}` : '—';
}

/** Flags grouped: "Thiếu tài liệu kiểm chứng: 1.1.1, 3.2". */
export function flagLines(r: ScoreResult, lang: Lang): string[] {
  const by = new Map<string, string[]>();
  for (const f of r.flags) (by.get(f.code) ?? by.set(f.code, []).get(f.code)!).push(f.criterion);
  return [...by.entries()].map(([code, list]) => `${flagLabel(lang, code)}: ${[...new Set(list)].join(', ')}`);
}

export function headerRows(r: ScoreResult, lang: Lang, stages: string): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    [t(lang, 'unit'), `${r.unit.name}${r.unit.code ? ` (${r.unit.code})` : ''}`],
    [t(lang, 'criteriaSet'), r.provenance.criteriaSet.ref],
    [t(lang, 'period'), r.period.label ?? `${r.period.from} – ${r.period.to}`],
    [t(lang, 'stage'), stages],
  ];
  if (r.sample) rows.push(['!', t(lang, 'sample')]);
  return rows;
}
