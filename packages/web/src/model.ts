/**
 * What the form holds, and the evidence file it stands for. The form keeps every value as the officer
 * typed it (text); `evidenceOf` turns that into an evidence file for the engine, with a map from each
 * JSON pointer it writes to the form control it came from, so that a diagnostic lands beside its field.
 * `stateOf` reads an evidence file back into the form. Pure: no DOM, tested in Node.
 *
 * Numbers are typed as the page's language writes them, as in the workbook of that language: "1.480" and
 * "0,5" in Vietnamese, "1,480" and "0.5" in English, read by the rules' one reader of typed text
 * (readValueText, as a cell of that language's workbook). A number it cannot read, or that reads as two
 * ("1.125" in a decimal: 1.125 or 1125), is the form's own problem at its control, and the value is left
 * out of the evidence (never sent as text for the engine to read another way). The state remembers the
 * convention its texts are in (`numbers`); a language switch writes them again in the other one.
 */
import type { CompiledNode, CompiledSet, Diagnostic } from '@parindex/engine';
import { Decimal, decText, readValueText, valueTextDiagnostic, type InputDef, type ValueTextProblem } from '@parindex/rules';
import { pageWords, pick, type Lang } from '@parindex/explain';

export interface DocSlot {
  number: string;
  date: string;
  title: string;
  /** What the form does not edit (issuer, url, sha256), kept from an opened file. */
  rest: Record<string, unknown>;
}

export interface FormState {
  /** The language whose way of writing numbers the typed texts follow (the page's, when they were typed). */
  numbers: Lang;
  unit: { code: string; name: string; level: string; province: string };
  /** Input id (or "tally.option") → the text typed; "" is not given. Yes/no as "true"/"false". */
  values: Record<string, string>;
  /** "code/documentId" → the document's fields. */
  documents: Record<string, DocSlot>;
  explanations: Record<string, string>;
  claimed: Record<string, string>;
  /** What the form does not edit, kept from an opened file and written back unchanged. */
  kept: {
    top: Record<string, unknown>;
    unit: Record<string, unknown>;
    /** Per criterion: its note and the documents beyond its requirements. */
    entries: Record<string, { note?: string; extraDocuments?: unknown[] }>;
  };
}

/** The ids of the form's controls; the page and its tests name them the same way. */
export const controlId = {
  input: (id: string) => `in-${id}`,
  tally: (id: string, option: string) => `in-${id}-${option}`,
  document: (code: string, doc: string, part: 'number' | 'date' | 'title') => `doc-${code}-${doc}-${part}`,
  explanation: (code: string) => `expl-${code}`,
  claimed: (code: string) => `claim-${code}`,
  unit: (part: 'code' | 'name' | 'level' | 'province') => `unit-${part}`,
} as const;

export const docKey = (code: string, doc: string) => `${code}/${doc}`;

export function emptyState(compiled: CompiledSet, lang: Lang = 'vi'): FormState {
  const level = compiled.set.unitLevels?.[0] ?? 'commune';
  return { numbers: lang, unit: { code: '', name: '', level, province: '' }, values: {}, documents: {}, explanations: {}, claimed: {}, kept: { top: {}, unit: {}, entries: {} } };
}

const PLAIN_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;
const DAY_MONTH_YEAR = /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})$/;

/** A date as typed: dd/mm/yyyy (as Vietnamese writes it) becomes YYYY-MM-DD; anything else goes to the engine as typed. */
export function dateValue(text: string): string {
  const m = DAY_MONTH_YEAR.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text;
}

/** A number's decimal text (a dot, no grouping) as the file writes it: a JSON number when it says exactly the same, else the text. */
function numberValue(text: string): number | string {
  return PLAIN_NUMBER.test(text) && String(Number(text)) === text ? Number(text) : text;
}

/** The unit's claim, read as a decimal; its problems name it as the form does. */
const CLAIM_INPUT: InputDef = { id: 'claimedPoints', type: 'decimal', label: pageWords('vi').claimed, labelEn: pageWords('en').claimed };

/** A number typed in the form, read in its language's way: the decimal text (a dot, no grouping), or its problem. */
function readNumber(text: string, def: InputDef, lang: Lang): { ok: true; value: string } | { ok: false; problem: ValueTextProblem } {
  const read = readValueText(text, def, lang === 'en' ? 'cell-en' : 'cell');
  if (!read.ok) {
    const p = read.problem;
    // Its sentence says what to type as this form writes numbers ("1500 hoặc 1,5"), not as the JSON file does.
    return p.code === 'EVIDENCE_NUMBER_AMBIGUOUS' ? { ok: false, problem: { code: p.code, params: { ...p.params, sheet: lang } } } : read;
  }
  // Its hints (thousands read, a decimal comma) say how the JSON file writes numbers: the form asks for its own way.
  return { ok: true, value: String(read.value) };
}

/** The typed texts of one evidence file being written: its values, and the problems of the numbers the form could not read. */
interface Writing {
  s: FormState;
  where: Map<string, string>;
  problems: Diagnostic[];
  /** A file being saved keeps such a number as its text (the officer's typing is not lost); scoring leaves it out. */
  keepText: boolean;
}

/**
 * A typed number's value for the file, or undefined when it cannot be read: its problem is said at its
 * control. The value is not in the evidence scored, so the problem's place is not a pointer into it (an
 * entry left out gives its place to the next one) but the control's own: `#` and its id (`where` maps it).
 */
function typedNumber(w: Writing, text: string, def: InputDef, control: string): number | string | undefined {
  const read = readNumber(text, def, w.s.numbers);
  if (read.ok) return numberValue(read.value);
  const d = valueTextDiagnostic(read.problem, `#${control}`);
  const labels = def.label === '' ? {} : { label: def.label, ...(def.labelEn !== undefined ? { labelEn: def.labelEn } : {}) };
  w.problems.push({ ...d, params: { ...d.params, ...labels } } as Diagnostic);
  w.where.set(d.path, control);
  return w.keepText ? text : undefined;
}

/** The value of one input from its text, or undefined when not given or not readable. */
function inputValue(w: Writing, def: InputDef): unknown {
  const s = w.s;
  if (def.type === 'tally') {
    const counts: Record<string, unknown> = {};
    for (const o of def.options ?? []) {
      const t = (s.values[`${def.id}.${o.id}`] ?? '').trim();
      const v = t === '' ? undefined : typedNumber(w, t, def, controlId.tally(def.id, o.id));
      if (v !== undefined) counts[o.id] = v;
    }
    return Object.keys(counts).length ? counts : undefined;
  }
  const t = (s.values[def.id] ?? '').trim();
  if (t === '') return undefined;
  if (def.type === 'boolean') return t === 'true' ? true : t === 'false' ? false : t;
  if (def.type === 'count' || def.type === 'decimal' || def.type === 'percent') return typedNumber(w, t, def, controlId.input(def.id));
  return def.type === 'date' ? dateValue(t) : t;
}

/** The pointers of a value to their controls (a tally's counts each to its own box). */
function mapValue(where: Map<string, string>, at: string, def: InputDef): void {
  where.set(at, controlId.input(def.id));
  if (def.type === 'tally') for (const o of def.options ?? []) where.set(`${at}/${o.id}`, controlId.tally(def.id, o.id));
}

function documentsOf(node: CompiledNode, s: FormState, at: string, where: Map<string, string>): unknown[] {
  const out: unknown[] = [];
  for (const req of node.documents) {
    const slot = s.documents[docKey(node.code, req.id)];
    if (!slot || (slot.number.trim() === '' && slot.date.trim() === '' && slot.title.trim() === '')) continue;
    const base = `${at}/${out.length}`;
    const d: Record<string, unknown> = node.documents.length > 1 ? { for: req.id } : {};
    if (slot.number.trim()) d.number = slot.number.trim();
    if (slot.date.trim()) d.date = dateValue(slot.date.trim());
    if (slot.title.trim()) d.title = slot.title.trim();
    Object.assign(d, slot.rest);
    for (const part of ['number', 'date', 'title'] as const) where.set(`${base}/${part}`, controlId.document(node.code, req.id, part));
    where.set(base, controlId.document(node.code, req.id, 'number'));
    out.push(d);
  }
  return out.concat(s.kept.entries[node.code]?.extraDocuments ?? []);
}

/** One criterion's entry, or undefined when the form holds nothing for it. */
function leafEntry(compiled: CompiledSet, node: CompiledNode, w: Writing, at: string): Record<string, unknown> | undefined {
  const { s, where } = w;
  const values: Record<string, unknown> = {};
  for (const id of node.ownInputs) {
    const def = compiled.inputs.get(id)!.def;
    const v = inputValue(w, def);
    if (v === undefined) continue;
    values[id] = v;
    mapValue(where, `${at}/values/${id}`, def);
  }
  const entry: Record<string, unknown> = { criterion: node.code };
  if (Object.keys(values).length) entry.values = values;
  const docs = documentsOf(node, s, `${at}/documents`, where);
  if (docs.length) entry.documents = docs;
  const kept = s.kept.entries[node.code];
  if (kept?.note !== undefined) entry.note = kept.note;
  const explanation = (s.explanations[node.code] ?? '').trim();
  if (explanation) entry.explanation = explanation;
  where.set(`${at}/explanation`, controlId.explanation(node.code));
  const claimed = (s.claimed[node.code] ?? '').trim();
  const claim = claimed === '' ? undefined : typedNumber(w, claimed, CLAIM_INPUT, controlId.claimed(node.code));
  if (claim !== undefined) entry.claimedPoints = claim;
  where.set(`${at}/claimedPoints`, controlId.claimed(node.code));
  return Object.keys(entry).length > 1 ? entry : undefined;
}

/**
 * The evidence file of the form, and where each of its values came from (JSON pointer → control id).
 * A new file's period label is the set's, in the page's language (the unit's own text: reports name the
 * set's period by the set's label in theirs); a file opened in the page keeps its own. `problems`: the
 * numbers the form could not read (errors at their controls), left out of the evidence, or written as
 * their text in a file being saved (`saving`).
 */
export function evidenceOf(compiled: CompiledSet, s: FormState, lang: Lang = 'vi', saving = false): { evidence: Record<string, unknown>; where: Map<string, string>; problems: Diagnostic[] } {
  const where = new Map<string, string>();
  const w: Writing = { s, where, problems: [], keepText: saving };
  const set = compiled.set;
  const entries: unknown[] = [];
  for (const def of set.inputs ?? []) {
    const v = inputValue(w, def);
    if (v === undefined) continue;
    mapValue(where, `/entries/${entries.length}/value`, def);
    where.set(`/entries/${entries.length}`, controlId.input(def.id));
    entries.push({ input: def.id, value: v });
  }
  for (const node of compiled.leaves) {
    const at = `/entries/${entries.length}`;
    const e = leafEntry(compiled, node, w, at);
    if (!e) continue;
    where.set(at, node.ownInputs[0] ? controlId.input(node.ownInputs[0]) : controlId.explanation(node.code));
    entries.push(e);
  }
  const unit: Record<string, unknown> = { code: s.unit.code.trim(), name: s.unit.name.trim(), level: s.unit.level };
  if (s.unit.province.trim()) unit.province = s.unit.province.trim();
  Object.assign(unit, s.kept.unit);
  for (const part of ['code', 'name', 'level', 'province'] as const) where.set(`/unit/${part}`, controlId.unit(part));
  const period = { from: set.period.from, to: set.period.to, ...(set.period.label ? { label: pick(lang, set.period.label, set.period.labelEn) } : {}) };
  const evidence = { formatVersion: 1, ...s.kept.top, criteriaSet: compiled.ref, unit, period: s.kept.top.period ?? period, entries };
  return { evidence, where, problems: w.problems };
}

/** The control a diagnostic's JSON pointer belongs to: the pointer's own, or its nearest parent's. */
export function controlAt(where: ReadonlyMap<string, string>, path: string): string | undefined {
  for (let p = path; p !== ''; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
    const id = where.get(p);
    if (id) return id;
  }
  return undefined;
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const NUMERIC: ReadonlySet<InputDef['type']> = new Set(['count', 'decimal', 'percent', 'tally']);

/**
 * A number's decimal text (a dot, no grouping) as the form shows it in `lang`: "0,5" in Vietnamese. A text
 * the form would read as two numbers ("1,125" in a decimal: 1.125 or 1125) is shown with one more zero
 * ("1,1250"), which reads as one; a number still not read back the same is shown as the file writes it.
 */
function shownNumber(text: string, def: InputDef, lang: Lang): string {
  const shown = lang === 'vi' ? text.replace('.', ',') : text;
  for (const t of text.includes('.') ? [shown, `${shown}0`] : [shown]) {
    const back = readNumber(t, def, lang);
    if (back.ok && back.value === text) return t;
  }
  return text;
}

/**
 * A value of the file as the form shows it: a number (or a number written as text, read as the engine reads
 * the file's text) in the form's language's way; anything else as it is.
 */
function shownValue(v: unknown, def: InputDef | undefined, lang: Lang): string {
  if (!def || !NUMERIC.has(def.type)) return textOf(v);
  const read = typeof v === 'number' && Number.isFinite(v) ? decText(new Decimal(v)) : typeof v === 'string' ? readValueText(v, def) : undefined;
  if (typeof read === 'string') return shownNumber(read, def, lang);
  return read?.ok ? shownNumber(String(read.value), def, lang) : textOf(v);
}

function readValue(compiled: CompiledSet, s: FormState, id: string, v: unknown): void {
  const def = compiled.inputs.get(id)?.def;
  if (def?.type === 'tally' && isObject(v)) for (const [o, n] of Object.entries(v)) s.values[`${id}.${o}`] = shownValue(n, def, s.numbers);
  else s.values[id] = shownValue(v, def, s.numbers);
}

/** A typed number written again in another language's way (what the form cannot read stays as typed). */
function restated(text: string, def: InputDef, from: Lang, to: Lang): string {
  const read = text.trim() === '' ? undefined : readNumber(text.trim(), def, from);
  return read?.ok ? shownNumber(read.value, def, to) : text;
}

/** The form's typed numbers written again in `lang`'s way (a language switch): "0,5" becomes "0.5" in English. */
export function restateNumbers(compiled: CompiledSet, s: FormState, lang: Lang): void {
  const from = s.numbers;
  if (from === lang) return;
  for (const key of Object.keys(s.values)) {
    const dot = key.indexOf('.');
    const def = compiled.inputs.get(dot < 0 ? key : key.slice(0, dot))?.def;
    if (def && NUMERIC.has(def.type)) s.values[key] = restated(s.values[key]!, def, from, lang);
  }
  for (const code of Object.keys(s.claimed)) s.claimed[code] = restated(s.claimed[code]!, CLAIM_INPUT, from, lang);
  s.numbers = lang;
}

function readDocuments(node: CompiledNode | undefined, code: string, docs: unknown[], s: FormState): void {
  const extra: unknown[] = [];
  const free = (node?.documents ?? []).map((d) => d.id).filter((id) => !docs.some((d) => isObject(d) && d.for === id));
  for (const d of docs) {
    const slotId = isObject(d) ? (typeof d.for === 'string' && node?.documents.some((r) => r.id === d.for) ? d.for : d.for === undefined ? free.shift() : undefined) : undefined;
    if (!isObject(d) || slotId === undefined || s.documents[docKey(code, slotId)]) {
      extra.push(d);
      continue;
    }
    const { number, date, title, for: _for, ...rest } = d;
    s.documents[docKey(code, slotId)] = { number: textOf(number), date: textOf(date), title: textOf(title), rest };
  }
  if (extra.length) (s.kept.entries[code] ??= {}).extraDocuments = extra;
}

function readEntry(compiled: CompiledSet, s: FormState, e: Record<string, unknown>): void {
  if (typeof e.input === 'string') return readValue(compiled, s, e.input, e.value);
  if (typeof e.criterion !== 'string') return;
  const code = e.criterion;
  if (isObject(e.values)) for (const [id, v] of Object.entries(e.values)) readValue(compiled, s, id, v);
  if (Array.isArray(e.documents)) readDocuments(compiled.nodes.get(code), code, e.documents, s);
  if (typeof e.explanation === 'string') s.explanations[code] = e.explanation;
  if (e.claimedPoints !== undefined) s.claimed[code] = shownValue(e.claimedPoints, CLAIM_INPUT, s.numbers);
  if (typeof e.note === 'string') (s.kept.entries[code] ??= {}).note = e.note;
}

/** The form of an evidence file (already parsed as JSON), its numbers as `lang` writes them; what the form does not edit is kept. */
export function stateOf(compiled: CompiledSet, evidence: Record<string, unknown>, lang: Lang = 'vi'): FormState {
  const s = emptyState(compiled, lang);
  const { entries, unit, criteriaSet: _ref, formatVersion: _v, ...top } = evidence;
  s.kept.top = top;
  if (isObject(unit)) {
    const { code, name, level, province, ...rest } = unit;
    s.unit = { code: textOf(code), name: textOf(name), level: textOf(level) || s.unit.level, province: textOf(province) };
    s.kept.unit = rest;
  }
  if (Array.isArray(entries)) for (const e of entries) if (isObject(e)) readEntry(compiled, s, e);
  return s;
}
