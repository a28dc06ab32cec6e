/**
 * @internal From evidence entries to typed input values: type and range checks, documents and claims
 * per criterion, and the appraisal's corrections. Every problem is a diagnostic with a JSON pointer.
 */
import { Decimal, LIMITS, cmpDec, decText, diag, isRealDate, nearestCode, nearestWord, readValueText, schemaDiag, valueTextDiagnostic, type Diagnostic, type Received } from './deps.js';
import type { CompiledInput, CompiledNode, CompiledSet } from './compile.js';
import type { DocumentRef, Entry, Evidence, InputValue } from './evidence.js';
import type { Appraisal } from './appraisal.js';
import type { TraceInput } from './result.js';
import { documentsAfterDeadline, matchDocuments } from './documents.js';

export type Typed = Decimal | boolean | string | ReadonlyMap<string, Decimal>;

/**
 * A value read from the evidence (or corrected by the appraisal): typed, the entry it came from (-1:
 * none), and its text as the trace shows it, written when a trace reads it (a unit scored for its
 * totals never does). One class for every type, so that every reader of a value meets one shape.
 */
export class ValueRec {
  entry = -1;
  corrected: TraceInput['corrected'] | undefined = undefined;
  constructor(
    readonly value: Typed,
    /** A number's JSON number (undefined when it was written as text), a tally's counts option by option. */
    readonly raw: number | readonly number[] | undefined,
  ) {}
  get display(): TraceInput['value'] {
    const { value, raw } = this;
    if (value instanceof Decimal) {
      // A whole JSON number is written as is (the same text decText gives, faster).
      return typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : decText(value);
    }
    if (typeof value !== 'object') return value;
    const display: Record<string, string> = {};
    let i = 0;
    for (const option of value.keys()) display[option] = String((raw as readonly number[])[i++]);
    return display;
  }
}

export interface DocRec {
  /** The requirement the document is for (its "for"), if it names one. */
  for: string | undefined;
  entry: number;
  complete: boolean;
  /** The document as the trace shows it: its fields and its entry. */
  ref: DocumentRef & { entry: number };
  /** Its place in its entry's documents (documentPath: its JSON pointer, written only for a diagnostic). */
  index: number;
  /** Without `for`: the one requirement it was matched to (./documents.ts). */
  matched?: string;
}

/** @internal The JSON pointer of a document in the evidence. */
export function documentPath(d: { entry: number; index: number }): string {
  return `/entries/${d.entry}/documents/${d.index}`;
}

/** A unit's claimed points for a criterion, and the entry that claims them. */
export interface ClaimRec {
  value: Decimal;
  entry: number;
}

/** A points override of the appraisal. */
export interface Override {
  points: Decimal;
  round: string;
  reason: string;
  by?: string;
  date?: string;
}

/**
 * @internal What one unit gives, indexed: in lists by the set's fixed places, an input's value at its
 * slot (CompiledInput.slot), a criterion's entries, documents, claim and explanation at its index
 * (CompiledNode.index). Lists of the set's length, not maps grown key by key: a unit fills ~90 values
 * and ~70 criteria, and a map of them took rehashing and garbage for every unit.
 */
export interface Prepared {
  values: Array<ValueRec | undefined>;
  claims: Array<ClaimRec | undefined>;
  docs: Array<DocRec[] | undefined>;
  /** The criteria given documents, in the order of their first document (the order their problems are said in). */
  docNodes: CompiledNode[];
  explanations: Array<{ text: string; entry: number } | undefined>;
  /** Entries that name each criterion (for "used" bookkeeping). */
  entriesOf: Array<number[] | undefined>;
  /** Points overrides from the appraisal, per criterion, in round order (the last one decides); null: none. */
  overrides: Array<Override[] | undefined> | null;
  /** Criteria whose input values the appraisal corrected, with the reason; null: none. */
  corrections: Array<{ round: string; reason: string } | undefined> | null;
  used: boolean[];
  /** By entry: it has documents, an explanation, a claim or a note (what makes it used when its criterion applies). */
  extras: boolean[];
  diagnostics: Diagnostic[];
}

const ZERO_D = new Decimal(0);
const NONE: Array<'number' | 'date'> = [];
const HUNDRED = new Decimal(100);

/** A raw value as a diagnostic quotes it: its kind, and its text when short (strings cut at 40 characters). */
function got(raw: unknown): Received {
  const kind = raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw;
  if (kind === 'string') return { received: kind, value: (raw as string).length > 40 ? (raw as string).slice(0, 40) + '…' : (raw as string) };
  if (kind === 'number' || kind === 'boolean') return { received: kind, value: String(raw) };
  return { received: kind === 'null' || kind === 'array' || kind === 'object' ? kind : 'other', value: null };
}

/**
 * The largest magnitude of a number in evidence (below 10^LIMITS.valueDigits): ratios are compared by
 * cross-multiplication at 60 significant digits, which numbers of this size never exceed (72-digit
 * counts would round, and 94,999… would be taken for 95).
 */
const MAX_VALUE = new Decimal(10).pow(LIMITS.valueDigits).minus(1);
const MIN_VALUE = MAX_VALUE.neg();

/** A value written as a string, read by the rules' one reader of typed text; its problem or hint becomes a diagnostic at the value. */
function readString(def: CompiledInput['def'], raw: string, path: At, out: Diagnostic[]): boolean | string | undefined {
  const r = readValueText(raw, def);
  if (!r.ok) {
    out.push(valueTextDiagnostic(r.problem, pointer(path)));
    return undefined;
  }
  if (r.hint) out.push(valueTextDiagnostic(r.hint, pointer(path)));
  return r.value;
}

/** Small whole numbers as Decimals, made once (a Decimal is never changed): most counts are small. */
const SMALL: Decimal[] = [];
/** A whole number 0 ≤ v < 1024 (not -0) read as new Decimal(v) reads it, from SMALL. */
const small = (v: number) => (SMALL[v] ??= new Decimal(v));
const isSmall = (v: number) => v >= 0 && v < 1024 && Number.isInteger(v) && !Object.is(v, -0);

/** A JSON number read exactly (decimal.js reads a finite number through the same digits as its String(); only -0 differs: "0"). */
const numberValue = (raw: number) => (isSmall(raw) ? small(raw) : Object.is(raw, -0) ? new Decimal('0') : new Decimal(raw));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** The digit at s[i] (0–9), or -1. */
const digitAt = (s: string, i: number) => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
};
/**
 * @internal isRealDate (YYYY-MM-DD, a day of the Gregorian calendar) read from the character codes: nearly every
 * value and document of a unit has a date, and this is cheaper than a regular expression or a lookup.
 */
export function realDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return isRealDate(s);
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(s, i);
    if (d < 0) return false;
    y = y * 10 + d;
  }
  const m1 = digitAt(s, 5);
  const m2 = digitAt(s, 6);
  const d1 = digitAt(s, 8);
  const d2 = digitAt(s, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * Where a value is: a JSON pointer, or (while the evidence is indexed) its entry and its key in
 * "values" (null: the entry's "value"), written out as a pointer only when a diagnostic needs it.
 */
type At = string | ValueAt;
interface ValueAt {
  entry: number;
  key: string | null;
}
const pointer = (at: At): string => (typeof at === 'string' ? at : at.key === null ? `/entries/${at.entry}/value` : `/entries/${at.entry}/values/${at.key}`);

/** A value of the wrong type for its input. */
function typeError(out: Diagnostic[], path: At, def: CompiledInput['def'], raw: unknown): undefined {
  out.push(diag('EVIDENCE_VALUE_TYPE', pointer(path), { input: def.id, option: null, expected: def.type, ...got(raw) }));
  return undefined;
}

/** @internal Convert one raw value to its typed form; pushes diagnostics and returns undefined on error. */
export function convertValue(slot: InputSlot, raw: InputValue, path: At, period: { from: string; to: string }, out: Diagnostic[], token?: string): ValueRec | undefined {
  const input = slot.input;
  const def = input.def;
  const type = slot.type;
  if (typeof raw === 'string' && type !== 'tally') {
    // The canonical forms first, as they were read before: a level id, an ISO date (nearly every value).
    if (type === 'level' && input.options!.has(raw)) return new ValueRec(raw, undefined);
    if (type === 'date' && realDate(raw)) return dateValue(slot, raw, path, period, out);
    const v = readString(def, raw, path, out);
    if (v === undefined) return undefined;
    if (typeof v === 'boolean' || type === 'level') return new ValueRec(v, undefined);
    if (type === 'date') return dateValue(slot, v as string, path, period, out);
    return numberInRange(slot, new Decimal(v as string), path, out, undefined);
  }
  switch (type) {
    case 'boolean':
      return typeof raw === 'boolean' ? new ValueRec(raw, undefined) : typeError(out, path, def, raw);
    case 'tally':
      return tallyValue(input, raw, path, out);
    case 'count':
    case 'decimal':
    case 'percent': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return typeError(out, path, def, raw);
      if (token !== undefined && !groupedTokenMeansItself(def, token, path, out)) return undefined;
      // A double is whole exactly when the Decimal of its digits is (an integer's text never reads as another double).
      if (type === 'count' && !Number.isInteger(raw)) return typeError(out, path, def, raw);
      return numberInRange(slot, numberValue(raw), path, out, raw);
    }
    default:
      return typeError(out, path, def, raw);
  }
}

/**
 * An unquoted number written "3.000" or "1.170" in a count: JSON reads 3 and 1.17, the officer may have
 * meant 3000 and 1170. An error naming the readings a count can have (3 or 3000; 1170 only), unless the
 * thousands reading is above the input's maximum. Never read as 3000: the file's value is 3, and the
 * file's hash and every other reader say so. In a decimal or a percent the dot is the decimal point.
 */
function groupedTokenMeansItself(def: CompiledInput['def'], token: string, path: At, out: Diagnostic[]): boolean {
  if (def.type !== 'count') return true;
  const thousands = token.replace('.', '');
  const asDecimal = new Decimal(token);
  if (def.max !== undefined && asDecimal.isInteger() && new Decimal(thousands).gt(String(def.max))) return true;
  const decimal = asDecimal.isInteger() ? decText(asDecimal) : null;
  out.push(valueTextDiagnostic({ code: 'EVIDENCE_NUMBER_AMBIGUOUS', params: { input: def.id, got: token, thousands, decimal } }, pointer(path)));
  return false;
}

function dateValue(slot: InputSlot, v: string, path: At, period: { from: string; to: string }, out: Diagnostic[]): ValueRec {
  if (slot.withinPeriod && (v < period.from || v > period.to)) out.push(diag('EVIDENCE_DATE_OUTSIDE_PERIOD', pointer(path), { value: v, input: slot.input.def.id, from: period.from, to: period.to }));
  return new ValueRec(v, undefined);
}

/**
 * An input as values are read against it, worked out once per compiled set (inputSlots): its bounds, and
 * the same as whole numbers when both are (safe integers), with which a whole JSON number is compared
 * exactly as a number.
 */
export interface InputSlot {
  input: CompiledInput;
  /** Its type, and whether a date must be within the period (read from one shape: a set's inputs come in many). */
  type: CompiledInput['def']['type'];
  withinPeriod: boolean;
  /** The criterion that declares it (null: a set-level input). */
  owner: CompiledNode | null;
  /** The slot of the input its atMost names (-1: none). */
  atMost: number;
  lo: Decimal;
  hi: Decimal;
  whole: boolean;
  wholeLo: number;
  wholeHi: number;
}

const MAX_SAFE = new Decimal(Number.MAX_SAFE_INTEGER);
const wholeBound = (d: Decimal): number | undefined => (d.isInteger() && d.abs().lte(MAX_SAFE) ? d.toNumber() : undefined);
function inputSlot(compiled: CompiledSet, input: CompiledInput): InputSlot {
  const def = input.def;
  const owner = input.criterion === null ? null : compiled.nodes.get(input.criterion)!;
  const atMost = def.atMost === undefined ? -1 : (compiled.inputs.get(def.atMost)?.slot ?? -1);
  const lo = input.min ?? (def.type === 'decimal' ? MIN_VALUE : ZERO_D);
  const hi = input.max ?? (def.type === 'percent' ? HUNDRED : MAX_VALUE);
  const l = wholeBound(lo);
  const h = wholeBound(hi);
  const whole = l !== undefined && h !== undefined;
  return { input, type: def.type, withinPeriod: def.withinPeriod !== false, owner, atMost, lo, hi, whole, wholeLo: whole ? l : 0, wholeHi: whole ? h : 0 };
}

const SLOTS = new WeakMap<CompiledSet, ReadonlyMap<string, InputSlot>>();
/** @internal The inputs of a set as values are read against them, by id (made once per set). */
export function inputSlots(compiled: CompiledSet): ReadonlyMap<string, InputSlot> {
  let slots = SLOTS.get(compiled);
  if (!slots) {
    const made = new Map<string, InputSlot>();
    for (const [id, input] of compiled.inputs) made.set(id, inputSlot(compiled, input));
    SLOTS.set(compiled, (slots = made));
  }
  return slots;
}

function numberInRange(slot: InputSlot, n: Decimal, path: At, out: Diagnostic[], raw: number | undefined): ValueRec | undefined {
  const { lo, hi } = slot;
  const outside = slot.whole && raw !== undefined && Number.isSafeInteger(raw) ? raw < slot.wholeLo || raw > slot.wholeHi : cmpDec(n, lo) < 0 || cmpDec(n, hi) > 0;
  if (outside) {
    // A bound the set did not declare (the format's own, 999,999,999,999,999) is named only when passed: a
    // count of -5 "must be 0 or more", not "from 0 to 999.999.999.999.999".
    const below = cmpDec(n, lo) < 0;
    const min = slot.input.min !== null || slot.type === 'percent' || below ? decText(lo) : null;
    const max = slot.input.max !== null || slot.type === 'percent' || !below ? decText(hi) : null;
    out.push(diag('EVIDENCE_VALUE_RANGE', pointer(path), { input: slot.input.def.id, value: decText(n), min, max }));
    return undefined;
  }
  return new ValueRec(n, raw);
}

function tallyValue(input: CompiledInput, raw: InputValue, path: At, out: Diagnostic[]): ValueRec | undefined {
  const id = input.def.id;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return typeError(out, path, input.def, raw);
  const counts = new Map<string, Decimal>();
  const numbers: number[] = [];
  let ok = true;
  for (const option of input.options!.keys()) {
    const v = Object.hasOwn(raw, option) ? (raw as Record<string, number>)[option]! : 0;
    if (!Number.isSafeInteger(v) || v < 0) {
      out.push(diag('EVIDENCE_VALUE_TYPE', `${pointer(path)}/${option}`, { input: id, option, expected: 'count', ...got(v) }));
      ok = false;
      continue;
    }
    counts.set(option, isSmall(v) ? small(v) : new Decimal(v));
    numbers.push(v);
  }
  for (const key of Object.keys(raw)) {
    if (!input.options!.has(key)) {
      const suggest = nearestWord(key, [...input.options!.keys()]);
      out.push(diag('EVIDENCE_UNKNOWN_OPTION', `${pointer(path)}/${key}`, { value: key, input: id, options: [...input.options!.keys()], ...(suggest !== undefined ? { suggest } : {}) }));
      ok = false;
    }
  }
  return ok ? new ValueRec(counts, numbers) : undefined;
}

/** The code nearest to a mistyped one ("3.71" → "3.7.1"), as a `suggest` param (leaves only: what an appraisal may name). */
function suggestCode(compiled: CompiledSet, code: string, leavesOnly: boolean): { suggest?: string } {
  const codes: string[] = [];
  for (const [c, n] of compiled.nodes) if (!leavesOnly || n.isLeaf) codes.push(c);
  const suggest = nearestCode(code, codes);
  return suggest !== undefined ? { suggest } : {};
}

/** The input id nearest to a mistyped one: among the criterion's own inputs first, then all the set's. */
function suggestInput(compiled: CompiledSet, id: string, owner: string | null): { suggest?: string } {
  const own = owner === null ? undefined : compiled.nodes.get(owner)?.ownInputs;
  const suggest = (own && nearestWord(id, own)) ?? nearestWord(id, [...compiled.inputs.keys()]);
  return suggest !== undefined ? { suggest } : {};
}

/** The evidence being indexed: what each entry adds, and the problems found. */
interface Indexing {
  compiled: CompiledSet;
  slots: ReadonlyMap<string, InputSlot>;
  /** Unquoted numbers written "3.000", by pointer (numberTokensOf). */
  tokens: ReadonlyMap<string, string> | undefined;
  out: Diagnostic[];
  /** What is being filled (its lists by the set's slots and indices). */
  p: Prepared;
  /** Where the value being read is (one object, reused: see At). */
  at: ValueAt;
  /** The inputs given a value that declare atMost, in the order their values were set (checkAtMost). */
  bounded: InputSlot[];
}

/** One value of an entry read; the input it is of (undefined when there is no such input here). */
function setValue(x: Indexing, id: string, raw: InputValue, path: At, entry: number, owner: CompiledNode | null): InputSlot | undefined {
  const slot = x.slots.get(id);
  if (!slot || (owner !== null && slot.owner !== owner && slot.owner !== null)) {
    const criterion = owner === null ? null : owner.code;
    x.out.push(diag('EVIDENCE_UNKNOWN_INPUT', pointer(path), { input: id, criterion, set: x.compiled.ref, ...suggestInput(x.compiled, id, criterion) }));
    return slot;
  }
  const values = x.p.values;
  const at = slot.input.slot;
  const first = values[at];
  if (first) {
    x.out.push(diag('EVIDENCE_DUPLICATE_VALUE', pointer(path), { input: id, first: `/entries/${first.entry}` }));
    return slot;
  }
  const v = convertValue(slot, raw, path, x.compiled.set.period, x.out, x.tokens?.get(pointer(path)));
  if (v) {
    // convertValue returns a fresh record: complete it in place.
    v.entry = entry;
    values[at] = v;
    if (slot.atMost >= 0) x.bounded.push(slot);
  }
  return slot;
}

function addEntryOf(x: Indexing, owner: CompiledNode, i: number): void {
  const entriesOf = x.p.entriesOf;
  const list = entriesOf[owner.index];
  if (list) list.push(i);
  else entriesOf[owner.index] = [i];
}

/**
 * The criterion an entry belongs to (null for a set-level input), after its values are read; undefined
 * when it is refused. Its fields are read once each (entries come in many shapes: each read is a slow lookup).
 */
function entryValues(x: Indexing, e: Entry, i: number): CompiledNode | null | undefined {
  const { criterion, input, value, values } = e;
  // Pointers are written out only for a diagnostic (nearly every entry has none).
  if (criterion === undefined && input === undefined) {
    x.out.push(schemaDiag('EVIDENCE_SCHEMA', `/entries/${i}`, { issue: 'entryWithoutTarget' }));
    return undefined;
  }
  let owner: CompiledNode | null = null;
  if (criterion !== undefined) {
    const node = x.compiled.nodes.get(criterion);
    if (!node) {
      x.out.push(diag('EVIDENCE_UNKNOWN_CRITERION', `/entries/${i}/criterion`, { code: criterion, set: x.compiled.ref, ...suggestCode(x.compiled, criterion, false) }));
      return undefined;
    }
    owner = node;
    addEntryOf(x, owner, i);
  }
  if (input !== undefined) {
    if (values !== undefined) x.out.push(schemaDiag('EVIDENCE_SCHEMA', `/entries/${i}/values`, { issue: 'inputWithValues' }));
    if (value === undefined) {
      x.out.push(schemaDiag('EVIDENCE_SCHEMA', `/entries/${i}`, { issue: 'inputWithoutValue', input }));
      return undefined;
    }
    const at = x.at;
    at.entry = i;
    at.key = null;
    const slot = setValue(x, input, value, at, i, owner);
    if (owner === null && slot?.owner) {
      owner = slot.owner;
      addEntryOf(x, owner, i);
    }
  } else if (value !== undefined) {
    x.out.push(schemaDiag('EVIDENCE_SCHEMA', `/entries/${i}/value`, { issue: 'valueWithoutInput' }));
  }
  if (values) {
    const at = x.at;
    at.entry = i;
    for (const key of Object.keys(values)) {
      at.key = key;
      setValue(x, key, values[key]!, at, i, owner);
    }
  }
  return owner;
}

/**
 * One document of an entry (the j-th of entry i): its problems, and how the trace shows it. The evidence
 * indexed is always the engine's own copy (read-input.ts), so its document, with its entry added, is the
 * one the trace shows (its fields in the schema's order, then its entry).
 */
function entryDocument(x: Indexing, d: NonNullable<Entry['documents']>[number], j: number, i: number, owner: CompiledNode): DocRec {
  const period = x.compiled.set.period;
  const reqs = owner.documents;
  const noNumber = d.number === undefined || d.number.trim() === '';
  const missing: Array<'number' | 'date'> = noNumber || d.date === undefined ? [...(noNumber ? ['number' as const] : []), ...(d.date === undefined ? ['date' as const] : [])] : NONE;
  const ref = d as DocRec['ref'];
  ref.entry = i;
  const rec: DocRec = { for: d.for, entry: i, complete: missing.length === 0, ref, index: j };
  const code = owner.code;
  if (missing.length) x.out.push(diag('EVIDENCE_DOCUMENT_INCOMPLETE', documentPath(rec), { code, missing }));
  if (d.for !== undefined && !reqs.some((r) => r.id === d.for))
    x.out.push(diag('EVIDENCE_UNKNOWN_REQUIREMENT', `${documentPath(rec)}/for`, { requirement: d.for, code, known: reqs.map((r) => r.id) }));
  if (d.date !== undefined && !realDate(d.date)) x.out.push(diag('EVIDENCE_DATE_NOT_REAL', `${documentPath(rec)}/date`, { input: null, got: d.date }));
  else if (d.date !== undefined && (d.date < period.from || d.date > period.to))
    x.out.push(diag('EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD', `${documentPath(rec)}/date`, { number: d.number ?? null, code, date: d.date, from: period.from, to: period.to }));
  return rec;
}

/** Whether an entry has documents, an explanation, a claim or a note. */
const hasExtras = (e: Entry) => !!e.documents || e.explanation !== undefined || e.claimedPoints !== undefined || e.note !== undefined;

/** Documents, explanation and claim of an entry of criterion `owner` (each read once). */
function entryExtras(x: Indexing, e: Entry, i: number, owner: CompiledNode): void {
  const { documents, explanation, claimedPoints } = e;
  const p = x.p;
  const k = owner.index;
  if (documents) {
    let list = p.docs[k];
    if (!list) {
      p.docs[k] = list = [];
      p.docNodes.push(owner);
    }
    for (let j = 0; j < documents.length; j++) list.push(entryDocument(x, documents[j]!, j, i, owner));
  }
  if (explanation !== undefined && !p.explanations[k]) p.explanations[k] = { text: explanation, entry: i };
  else if (explanation !== undefined) x.out.push(diag('EVIDENCE_UNUSED_ENTRY', `/entries/${i}/explanation`, { at: `/entries/${i}/explanation` }));
  if (claimedPoints !== undefined) {
    const first = p.claims[k];
    if (first) x.out.push(diag('EVIDENCE_DUPLICATE_CLAIM', `/entries/${i}/claimedPoints`, { code: owner.code, first: `/entries/${first.entry}` }));
    else p.claims[k] = { value: new Decimal(String(claimedPoints)), entry: i };
  }
}

/** An input entry for a set-level input: documents, claims and explanations have no criterion to belong to. */
function unusedParts(x: Indexing, e: Entry, i: number): void {
  const unused = (part: string) => x.out.push(diag('EVIDENCE_UNUSED_ENTRY', `/entries/${i}/${part}`, { at: `/entries/${i}/${part}` }));
  if (e.documents) unused('documents');
  if (e.claimedPoints !== undefined) unused('claimedPoints');
  if (e.explanation !== undefined) unused('explanation');
}

/** atMost: a value may not exceed another (on time ≤ resolved); a value that does is dropped. */
function checkAtMost(x: Indexing, evidence: Evidence): void {
  const values = x.p.values;
  // In the order the values were set, as a walk over all of them would meet them.
  for (const slot of x.bounded) {
    const rec = values[slot.input.slot]!;
    const o = values[slot.atMost];
    if (o && rec.value instanceof Decimal && o.value instanceof Decimal && cmpDec(rec.value, o.value) > 0) {
      const id = slot.input.def.id;
      x.out.push(diag('EVIDENCE_EXCEEDS_OTHER', valuePath(evidence, rec.entry, id), { input: id, value: decText(rec.value), other: slot.input.def.atMost!, otherValue: decText(o.value) }));
      values[slot.input.slot] = undefined;
    }
  }
}

const NO_SKIP: ReadonlySet<number> = new Set();
const NO_SKIP_AT: ReadonlySet<string> = new Set();

/** An empty index for a unit of `compiled`: its lists of the set's lengths. */
function emptyPrepared(compiled: CompiledSet, entries: number, skip: ReadonlySet<number>): Prepared {
  const criteria = compiled.nodes.size;
  return {
    values: new Array(compiled.inputs.size),
    claims: new Array(criteria),
    docs: new Array(criteria),
    docNodes: [],
    explanations: new Array(criteria),
    entriesOf: new Array(criteria),
    overrides: null,
    corrections: null,
    // An entry the schema refused has its problem already: it is not also "unused".
    used: skip.size > 0 ? Array.from({ length: entries }, (_, i) => skip.has(i)) : new Array<boolean>(entries).fill(false),
    extras: new Array<boolean>(entries).fill(false),
    diagnostics: [],
  };
}

/** @internal Index the evidence entries: values, documents, claims, explanations. */
export function prepare(compiled: CompiledSet, evidence: Evidence, skip: ReadonlySet<number> = NO_SKIP, tokens?: ReadonlyMap<string, string>): Prepared {
  const entries = evidence.entries;
  const p = emptyPrepared(compiled, entries.length, skip);
  const x: Indexing = { compiled, slots: inputSlots(compiled), tokens, out: p.diagnostics, p, at: { entry: 0, key: null }, bounded: [] };
  const skipping = skip.size > 0;
  for (let i = 0; i < entries.length; i++) {
    if (skipping && skip.has(i)) continue;
    const e = entries[i]!;
    // What scoring its criterion reads of the entry besides its values (leaf.ts scoreLeaf).
    p.extras[i] = hasExtras(e);
    const owner = entryValues(x, e, i);
    if (owner === undefined) continue;
    if (owner !== null) entryExtras(x, e, i, owner);
    else unusedParts(x, e, i);
  }
  checkAtMost(x, evidence);
  matchDocuments(p.docNodes, p.docs, x.out);
  documentsAfterDeadline(compiled, p, (entry, id) => valuePath(evidence, entry, id), x.out);
  return p;
}

/** @internal The JSON pointer of an input's value inside an entry. */
export function valuePath(evidence: Evidence, entry: number, id: string): string {
  const e = evidence.entries[entry];
  return e?.input === id ? `/entries/${entry}/value` : `/entries/${entry}/values/${id}`;
}

/** Who made an appraisal item and when: the item's own, else its round's (none when neither says). */
function byAndDate(item: { by?: string | undefined; date?: string | undefined }, rd: { by?: string | undefined; date?: string | undefined }): { by?: string; date?: string } {
  const by = item.by ?? rd.by;
  const date = item.date ?? rd.date;
  return { ...(by !== undefined ? { by } : {}), ...(date !== undefined ? { date } : {}) };
}

/** A value the appraisal corrected: its text taken now, what it was before (the first value given), why, by whom and when. */
function corrected(v: ValueRec, before: ValueRec | undefined, round: string, reason: string, who: { by?: string; date?: string }): ValueRec {
  v.entry = before?.entry ?? -1;
  v.corrected = { from: before?.corrected?.from ?? before?.display ?? null, round, reason, ...who };
  return v;
}

/** @internal Apply the appraisal's rounds up to and including `round`. */
export function applyAppraisal(
  compiled: CompiledSet,
  evidence: Evidence,
  prepared: Prepared,
  appraisal: Appraisal,
  round: string | undefined,
  skip: ReadonlySet<string> = NO_SKIP_AT,
  tokens?: ReadonlyMap<string, string>,
): { stage: string; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const ids = appraisal.rounds.map((r) => r.id);
  const stage = round ?? ids[ids.length - 1]!;
  const last = ids.indexOf(stage);
  if (last < 0) {
    out.push(diag('APPRAISAL_UNKNOWN_ROUND', '/rounds', { round: stage, rounds: ids }));
    return { stage, diagnostics: out };
  }
  /** Where each corrected value was given, for the checks the evidence's own values go through. */
  const correctedAt = new Map<string, string>();
  /** The unit's values by id in the order they were given, once a correction is made (valuesInOrder): a correction takes a value's place, or comes last. */
  let given: Map<string, ValueRec> | undefined;
  const slots = inputSlots(compiled);
  for (let r = 0; r <= last; r++) {
    const rd = appraisal.rounds[r]!;
    if (skip.has(`/rounds/${r}`)) continue;
    rd.items.forEach((item, j) => {
      const base = `/rounds/${r}/items/${j}`;
      // An item the schema refused has its problem already.
      if (skip.has(base)) return;
      const node = compiled.nodes.get(item.criterion);
      if (!node || !node.isLeaf) {
        out.push(diag('APPRAISAL_UNKNOWN_CRITERION', `${base}/criterion`, { code: item.criterion, set: compiled.ref, ...suggestCode(compiled, item.criterion, true) }));
        return;
      }
      if (rd.kind === 'answer' && (item.values !== undefined || item.points !== undefined)) {
        // The unit's answer gives reasons and documents; only an appraisal round changes values or points.
        out.push(diag('APPRAISAL_ANSWER_CHANGES_SCORE', `${base}/${item.points !== undefined ? 'points' : 'values'}`, { code: item.criterion, round: rd.id }));
        return;
      }
      if (item.values) {
        for (const key of Object.keys(item.values)) {
          const slot = slots.get(key);
          const path = `${base}/values/${key}`;
          // A correction filed under a criterion may only change what that criterion reads.
          if (!slot || (!node.reads.includes(key) && !node.ownInputs.includes(key))) {
            out.push(diag('EVIDENCE_UNKNOWN_INPUT', path, { input: key, criterion: slot ? item.criterion : null, set: compiled.ref, ...suggestInput(compiled, key, item.criterion) }));
            continue;
          }
          const v = convertValue(slot, item.values[key]!, path, compiled.set.period, out, tokens?.get(path));
          if (!v) continue;
          correctedAt.set(key, path);
          given ??= valuesInOrder(compiled, evidence, prepared);
          given.set(key, (prepared.values[slot.input.slot] = corrected(v, prepared.values[slot.input.slot], rd.id, item.reason, byAndDate(item, rd))));
        }
        (prepared.corrections ??= [])[node.index] = { round: rd.id, reason: item.reason };
      }
      if (item.points !== undefined) {
        const p = new Decimal(String(item.points));
        if (p.gt(node.max) || p.lt(node.floor)) {
          out.push(diag('APPRAISAL_OVERRIDE_RANGE', `${base}/points`, { code: item.criterion, points: decText(p), floor: decText(node.floor), max: decText(node.max) }));
          return;
        }
        ((prepared.overrides ??= [])[node.index] ??= []).push({
          points: p,
          round: rd.id,
          reason: item.reason,
          ...byAndDate(item, rd),
        });
      } else if (item.values) {
        // New values replace an earlier round's override of the same criterion.
        if (prepared.overrides) prepared.overrides[node.index] = undefined;
      }
    });
  }
  if (given) correctionsWithinBounds(compiled, given, correctedAt, out);
  return { stage, diagnostics: out };
}

/** The values of a unit by input id, in the order the evidence gave them: entry by entry, each entry's input then its values. */
function valuesInOrder(compiled: CompiledSet, evidence: Evidence, prepared: Prepared): Map<string, ValueRec> {
  const out = new Map<string, ValueRec>();
  const visit = (id: string, i: number) => {
    const rec = prepared.values[compiled.inputs.get(id)?.slot ?? -1];
    if (rec && rec.entry === i && !out.has(id)) out.set(id, rec);
  };
  evidence.entries.forEach((e, i) => {
    if (e.input !== undefined) visit(e.input, i);
    if (e.values) for (const id of Object.keys(e.values)) visit(id, i);
  });
  return out;
}

/** A corrected value obeys atMost as a given one does (on time ≤ resolved), whichever of the two was corrected. */
function correctionsWithinBounds(compiled: CompiledSet, values: ReadonlyMap<string, ValueRec>, correctedAt: ReadonlyMap<string, string>, out: Diagnostic[]): void {
  for (const [id, rec] of values) {
    const other = compiled.inputs.get(id)!.def.atMost;
    if (other === undefined || (!correctedAt.has(id) && !correctedAt.has(other))) continue;
    const o = values.get(other);
    if (o && rec.value instanceof Decimal && o.value instanceof Decimal && cmpDec(rec.value, o.value) > 0)
      out.push(diag('EVIDENCE_EXCEEDS_OTHER', correctedAt.get(id) ?? correctedAt.get(other)!, { input: id, value: decText(rec.value), other, otherValue: decText(o.value) }));
  }
}
