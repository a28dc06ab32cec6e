/**
 * The official score table (bảng tổng hợp kết quả tự chấm điểm và thẩm định): what an officer submits and
 * an appraiser signs. National header, unit, place and date line, title with the set and the period; one
 * row per field and criterion with STT, maximum, self-score, one column per appraisal round, documents
 * and notes (reasons); totals, index and classification once at the end; signatures; provenance.
 *
 * The date is never the clock (same input, same document): a self-assessment table is dated by the
 * evidence's `preparedBy.date`; a table with appraisal rounds by the `date` of the last round scored.
 * Without one, the date is left as dots to be written by hand.
 */
import type { BlockResult, NodeResult, ScoreResult } from '@parindex/engine';
import { readDateText } from '@parindex/rules';
import type { Block, Cell, Column, Doc, Row, Signature } from '../document.js';
import { LOCALES, type Explainer } from '../explainer.js';
import { formatNumber } from '../numbers.js';
import { bandText, documentLines, nodeIndex, roman } from './result-view.js';

/** An appraisal round of the file, as the document needs it (the engine's AppraisalRound fits). */
export interface OfficialRound {
  id: string;
  kind: 'appraisal' | 'answer';
  label?: string | undefined;
  by?: string | undefined;
  date?: string | undefined;
  items: ReadonlyArray<{ criterion: string; values?: Readonly<Record<string, unknown>> | undefined; points?: unknown; reason: string; by?: string | undefined; date?: string | undefined }>;
}

/**
 * The rounds of an appraisal file up to the one scored (`stage`), answers included, each round's and
 * item's date as the engine reads it ("20/01/2027" is 2027-01-20, with APPRAISAL_DATE_READ): what the
 * trail's answers and the table's notes show.
 */
export function roundsUpTo(rounds: readonly OfficialRound[], stage: string): OfficialRound[] {
  const withDateRead = <T extends { date?: string | undefined }>(x: T): T => {
    if (x.date === undefined) return x;
    const read = readDateText(x.date, null);
    return read.ok && read.value !== x.date ? { ...x, date: String(read.value) } : x;
  };
  return rounds.slice(0, rounds.findIndex((r) => r.id === stage) + 1).map((r) => ({ ...withDateRead(r), items: r.items.map(withDateRead) }));
}

export interface OfficialInput {
  /** The unit's own score. */
  self: ScoreResult;
  /** Each appraisal round scored by the engine (appraisal rounds only, in file order): one column each. */
  rounds: readonly ScoreResult[];
  /** The rounds of the appraisal file up to the last one scored, answers included: the reasons in the notes. */
  appraisalRounds?: readonly OfficialRound[];
  /** The evidence's `preparedBy`: the preparer's name under the signature, and the date of a self-assessment table. */
  preparedBy?: { name?: string | undefined; role?: string | undefined; date?: string | undefined } | undefined;
  /** The set's title (vi, en) and display places. */
  set: { title: string; titleEn?: string | undefined; displayPlaces?: number | undefined };
}

/**
 * The place name of the date line, from the unit's name: "UBND xã Vĩnh Bảo" or "Xã Vĩnh Bảo" → "Vĩnh
 * Bảo" (official documents write the locality, not the body); otherwise the province, otherwise
 * undefined (dots).
 */
export function placeOf(unit: { name: string; province?: string | undefined }): string | undefined {
  const m = /^\s*(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?:xã|phường|thị trấn|đặc khu|thị xã|huyện|quận|thành phố|tỉnh)\s+(.+?)\s*$/iu.exec(unit.name);
  if (m) return m[1];
  return unit.province?.trim() || undefined;
}

function dateParts(iso: string | undefined): { y: string; m: string; d: string } | undefined {
  const m = iso ? /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso) : null;
  return m ? { y: m[1]!, m: m[2]!, d: m[3]! } : undefined;
}

/** The date of the document: the last round's, or the preparer's for a self-assessment (see the module comment). */
export function documentDate(x: OfficialInput): string | undefined {
  if (x.rounds.length === 0) return x.preparedBy?.date;
  const last = x.rounds[x.rounds.length - 1]!.stage;
  return x.appraisalRounds?.find((r) => r.id === last)?.date;
}

function columnsOf(x: OfficialInput, ex: Explainer): Column[] {
  return [
    { label: ex.word('stt') },
    { label: ex.word('criterion'), width: 44 },
    { label: ex.word('max'), align: 'right' },
    { label: ex.word('selfScore'), align: 'right' },
    ...x.rounds.map((r): Column => ({ label: LOCALES[ex.lang].official.roundColumn(ex.stage(r.stage)), align: 'right' })),
    { label: ex.word('documents'), width: 36 },
    { label: ex.word('notes'), width: 36 },
  ];
}

/**
 * What an appraisal round changed on criterion `n`, from that round's result: each corrected value with
 * the unit's own ("Số giao dịch: 352 → 320"), and the points an override set ("điểm 0,5 → 0").
 */
function changesIn(round: OfficialRound, item: OfficialRound['items'][number], scored: NodeResult | undefined, ex: Explainer): string[] {
  const o = LOCALES[ex.lang].official;
  const trace = scored?.trace;
  const values = Object.entries(item.values ?? {}).map(([id, v]) => {
    const before = trace?.inputs.find((i) => i.id === id && i.corrected?.round === round.id)?.corrected;
    return o.valueNote(ex.say.input(id).label, ex.value(v, id), before && before.from !== null ? ex.value(before.from, id) : undefined);
  });
  const set = trace?.steps.find((s): s is Extract<typeof s, { kind: 'override' }> => s.kind === 'override' && s.round === round.id);
  return set ? [...values, o.pointsNote(ex.say.n(set.from), ex.say.n(set.to))] : values;
}

/** The notes of a criterion: flags, the unit's claim, its explanation, a reduced maximum, then every round's reasons. */
function notesOf(n: NodeResult, x: OfficialInput, ex: Explainer, last: NodeResult | undefined, byRound: ReadonlyMap<string, ReadonlyMap<string, NodeResult>>): string[] {
  const notes: string[] = [];
  const flags = new Set([...n.flags, ...(last?.flags ?? [])]);
  const fullPoints = n.trace?.steps.some((s) => s.kind === 'notApplicable' && s.policy === 'fullPoints') === true;
  for (const f of flags) {
    if (f === 'explained' || f === 'claimMismatch' || f === 'overridden' || f === 'corrected') continue;
    // Beside its full points, "not applicable" alone reads as a criterion left out of the maximum.
    notes.push(f === 'notApplicable' && fullPoints ? ex.phrases.notApplicableFull : ex.flag(f));
  }
  if (n.applicableMax !== n.nominalMax) notes.push(ex.phrases.setMaximum(ex.say.n(n.nominalMax)));
  const claim = n.trace?.claim;
  if (claim && !claim.matches) notes.push(ex.phrases.claimNote(ex.say.n(claim.claimed), ex.say.n(claim.computed)));
  if (n.trace?.explanation) notes.push(`${ex.word('explanationLabel')}: ${n.trace.explanation}`);
  for (const round of x.appraisalRounds ?? [])
    for (const item of round.items) {
      if (item.criterion !== n.code) continue;
      const reason = [...changesIn(round, item, byRound.get(round.id)?.get(n.code), ex), item.reason].join('; ');
      notes.push(LOCALES[ex.lang].official.roundNote(round.label ?? ex.stage(round.id), reason, item.by ?? round.by));
    }
  return notes;
}

/** The rows: fields (I, II, …) and every criterion under them, then bonus and penalty with their items. */
function bodyRows(x: OfficialInput, ex: Explainer): Row[] {
  const indexes = x.rounds.map(nodeIndex);
  const byRound = new Map(x.rounds.map((r, i) => [r.stage, indexes[i]!] as const));
  const num = (v: string) => formatNumber(v, ex.lang, { places: 4 });
  const rows: Row[] = [];
  // A penalty is the points it takes off: negative in the number columns, its block and its items alike, as the sheet adds it up.
  const negative = (p: string | undefined) => (p === undefined || /^0(\.0*)?$/.test(p) ? p : `-${p}`);
  const line = (n: NodeResult, stt: string, depth: number, penalty = false) => {
    const per = indexes.map((m) => m.get(n.code));
    const points = [n.points, ...per.map((a) => a?.points)].map((p) => (penalty ? negative(p) : p));
    const cells: Cell[] = [stt, ex.pick(n.title, n.titleEn), num(n.applicableMax), ...points.map((p) => (p === undefined ? '' : num(p)))];
    cells.push(n.trace ? documentLines(n.trace.documents, ex) : '', notesOf(n, x, ex, per[per.length - 1], byRound));
    rows.push({ cells, depth, strong: depth === 0, values: [undefined, undefined, n.applicableMax, ...points] });
    n.children?.forEach((c) => line(c, c.code, depth + 1, penalty));
  };
  x.self.fields.forEach((f, i) => line(f, roman(i), 0));
  const block = (b: BlockResult | undefined, pick: (r: ScoreResult) => BlockResult | undefined, sign: '+' | '-') => {
    if (!b) return;
    const points = [b.points, ...x.rounds.map((r) => pick(r)?.points)].map((p) => (sign === '-' ? negative(p) : p));
    const shown = points.map((p) => (p === undefined ? '' : formatNumber(p, ex.lang, { places: 4, sign: sign === '+' })));
    const cells: Cell[] = ['', `${ex.pick(b.title, b.titleEn)}${b.capped ? ex.phrases.blockCapped : ''}`, num(b.max), ...shown, '', ''];
    rows.push({ cells, strong: true, values: [undefined, undefined, b.max, ...points] });
    for (const n of b.items) line(n, n.code, 1, sign === '-');
  };
  block(x.self.bonus, (r) => r.bonus, '+');
  block(x.self.penalty, (r) => r.penalty, '-');
  return rows;
}

/** Totals, index and classification: once, at the end of the table. */
function footerRows(x: OfficialInput, ex: Explainer): Row[] {
  const all = [x.self, ...x.rounds];
  const places = x.set.displayPlaces ?? 2;
  const last = all[all.length - 1]!;
  const blank = ['', ''];
  const row = (label: string, cells: string[], values: Array<string | undefined>): Row => ({
    cells: ['', label, '', ...cells, ...blank],
    strong: true,
    values: [undefined, undefined, undefined, ...values],
  });
  return [
    row(
      `${ex.word('total')} / ${ex.word('applicableMax').toLowerCase()} ${formatNumber(last.totals.applicableMax, ex.lang, { places: 4 })}`,
      all.map((r) => formatNumber(r.totals.points, ex.lang, { places: 4 })),
      all.map((r) => r.totals.points),
    ),
    row(
      ex.phrases.indexOnScale(formatNumber(last.totals.scale, ex.lang)),
      all.map((r) => formatNumber(r.totals.index, ex.lang, { places, fixed: true })),
      all.map((r) => r.totals.index),
    ),
    row(
      ex.word('classification'),
      all.map((r) => bandText(r.totals, ex.lang)),
      all.map(() => undefined),
    ),
  ];
}

/**
 * Who signs for the appraisal team: the last appraisal round's appraiser up to the one scored. A table
 * scored at the unit's answer takes that round's column, but the answer is the unit's own (its `by` is the
 * commune): the appraisers' line never carries it.
 */
function appraisersOf(x: OfficialInput): string | undefined {
  const rounds = x.appraisalRounds ?? [];
  const upTo = rounds.findIndex((r) => r.id === x.rounds[x.rounds.length - 1]!.stage);
  return rounds
    .slice(0, upTo + 1)
    .filter((r) => r.kind === 'appraisal')
    .at(-1)?.by;
}

function signatures(x: OfficialInput, ex: Explainer): Signature[] {
  const o = LOCALES[ex.lang].official;
  const preparer: Signature = { role: o.preparer, hint: o.signHint, ...(x.preparedBy?.name ? { name: x.preparedBy.name } : {}) };
  const head: Signature = { role: o.head, hint: o.sealHint };
  if (x.rounds.length === 0) return [preparer, head];
  const by = appraisersOf(x);
  return [preparer, head, { role: o.appraiser, hint: o.signHint, ...(by ? { name: by } : {}) }];
}

export function officialDocument(x: OfficialInput, ex: Explainer): Doc {
  const main = x.rounds[x.rounds.length - 1] ?? x.self;
  const unit = x.self.unit;
  const o = LOCALES[ex.lang].official;
  const period = ex.period(x.self.period);
  const p = main.provenance;
  const blocks: Block[] = [
    // Vietnamese letterheads write the issuing body in capitals; in English the unit's name stays as written (its own data).
    { kind: 'letterhead', left: [ex.lang === 'vi' ? unit.name.toLocaleUpperCase('vi') : unit.name], right: [o.nation, o.motto] },
    { kind: 'dateline', text: o.dateline(placeOf(unit), dateParts(documentDate(x))) },
    { kind: 'title', text: o.title(x.rounds.length > 0) },
    { kind: 'subtitle', lines: [`${ex.pick(x.set.title, x.set.titleEn)} (${p.criteriaSet.ref})`, o.period(period)] },
    { kind: 'kv', rows: [[ex.word('unit'), `${unit.name}${unit.code ? ` (${unit.code})` : ''}`], ...(x.self.sample ? [[ex.word('flags'), ex.word('sample')] as [string, string]] : [])] },
    { kind: 'table', columns: columnsOf(x, ex), rows: bodyRows(x, ex), footer: footerRows(x, ex), indentColumn: 1 },
    { kind: 'signatures', items: signatures(x, ex) },
    {
      kind: 'provenance',
      text: o.provenance({ engine: p.engine, set: p.criteriaSet.ref, setSha: p.criteriaSet.sha256, evidenceSha: p.evidence.sha256, appraisalSha: p.appraisal?.sha256, plan: p.plan }),
    },
  ];
  return blocks;
}
