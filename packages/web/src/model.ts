/**
 * What the form holds, and the evidence file it stands for. The form keeps every value as the officer
 * typed it (text); `evidenceOf` turns that into an evidence file for the engine, with a map from each
 * JSON pointer it writes to the form control it came from, so that a diagnostic lands beside its field.
 * `stateOf` reads an evidence file back into the form. Pure: no DOM, tested in Node.
 */
import type { CompiledNode, CompiledSet } from '@parindex/engine';
import type { InputDef } from '@parindex/rules';
import { pick, type Lang } from '@parindex/explain';

export interface DocSlot {
  number: string;
  date: string;
  title: string;
  /** What the form does not edit (issuer, url, sha256), kept from an opened file. */
  rest: Record<string, unknown>;
}

export interface FormState {
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

export function emptyState(compiled: CompiledSet): FormState {
  const level = compiled.set.unitLevels?.[0] ?? 'commune';
  return { unit: { code: '', name: '', level, province: '' }, values: {}, documents: {}, explanations: {}, claimed: {}, kept: { top: {}, unit: {}, entries: {} } };
}

const PLAIN_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/;
const DAY_MONTH_YEAR = /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})$/;

/** A date as typed: dd/mm/yyyy (as Vietnamese writes it) becomes YYYY-MM-DD; anything else goes to the engine as typed. */
export function dateValue(text: string): string {
  const m = DAY_MONTH_YEAR.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text;
}

/** A typed number as the file writes it: a JSON number when it says exactly the same, else the text (the engine checks it). */
function numberValue(text: string): number | string {
  return PLAIN_NUMBER.test(text) && String(Number(text)) === text ? Number(text) : text;
}

/** The value of one input from its text, or undefined when not given. */
function inputValue(def: InputDef, s: FormState): unknown {
  if (def.type === 'tally') {
    const counts: Record<string, unknown> = {};
    for (const o of def.options ?? []) {
      const t = (s.values[`${def.id}.${o.id}`] ?? '').trim();
      if (t !== '') counts[o.id] = numberValue(t);
    }
    return Object.keys(counts).length ? counts : undefined;
  }
  const t = (s.values[def.id] ?? '').trim();
  if (t === '') return undefined;
  if (def.type === 'boolean') return t === 'true' ? true : t === 'false' ? false : t;
  if (def.type === 'count' || def.type === 'decimal' || def.type === 'percent') return numberValue(t);
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
function leafEntry(compiled: CompiledSet, node: CompiledNode, s: FormState, at: string, where: Map<string, string>): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  for (const id of node.ownInputs) {
    const def = compiled.inputs.get(id)!.def;
    const v = inputValue(def, s);
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
  if (claimed) entry.claimedPoints = numberValue(claimed);
  where.set(`${at}/claimedPoints`, controlId.claimed(node.code));
  return Object.keys(entry).length > 1 ? entry : undefined;
}

/**
 * The evidence file of the form, and where each of its values came from (JSON pointer → control id).
 * A new file's period label is the set's, in the page's language (the unit's own text: reports name the
 * set's period by the set's label in theirs); a file opened in the page keeps its own.
 */
export function evidenceOf(compiled: CompiledSet, s: FormState, lang: Lang = 'vi'): { evidence: Record<string, unknown>; where: Map<string, string> } {
  const where = new Map<string, string>();
  const set = compiled.set;
  const entries: unknown[] = [];
  for (const def of set.inputs ?? []) {
    const v = inputValue(def, s);
    if (v === undefined) continue;
    mapValue(where, `/entries/${entries.length}/value`, def);
    where.set(`/entries/${entries.length}`, controlId.input(def.id));
    entries.push({ input: def.id, value: v });
  }
  for (const node of compiled.leaves) {
    const at = `/entries/${entries.length}`;
    const e = leafEntry(compiled, node, s, at, where);
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
  return { evidence, where };
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

function readValue(compiled: CompiledSet, s: FormState, id: string, v: unknown): void {
  const def = compiled.inputs.get(id)?.def;
  if (def?.type === 'tally' && isObject(v)) for (const [o, n] of Object.entries(v)) s.values[`${id}.${o}`] = textOf(n);
  else s.values[id] = textOf(v);
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
  if (e.claimedPoints !== undefined) s.claimed[code] = textOf(e.claimedPoints);
  if (typeof e.note === 'string') (s.kept.entries[code] ??= {}).note = e.note;
}

/** The form of an evidence file (already parsed as JSON); what the form does not edit is kept. */
export function stateOf(compiled: CompiledSet, evidence: Record<string, unknown>): FormState {
  const s = emptyState(compiled);
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
