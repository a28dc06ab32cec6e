/**
 * The evidence format: one unit's evidence for one period, read without zod. Its shape is defined in
 * zod in evidence-zod.ts (the JSON Schema is generated from it); here it is checked by small named
 * checks (shape-check.ts) that report every problem exactly as zod's issues become diagnostics, and
 * valid evidence takes a faster walk that also writes its canonical JSON.
 */
import { FORMAT_VERSION, findForbiddenKeysPublic, LIMITS, UNIT_LEVELS, type Diagnostic } from './deps.js';
import { hashJson, jsonString, sha256Hex } from './canonical.js';
import type { DocumentRef, Entry, Evidence, InputValue, Unit } from './evidence-zod.js';
import {
  CRITERION_CODE,
  IDENTIFIER,
  ISO_DATE,
  RE_CODE,
  RE_DATE,
  RE_DECIMAL as RE_DEC,
  RE_IDENTIFIER,
  RE_SET_REF,
  RE_SHA,
  SET_REF,
  SHA256,
  BOOLEAN,
  checkShape,
  DECIMAL,
  INPUT_VALUE,
  list,
  oneOf,
  opt,
  record,
  strict,
  text,
} from './shape-check.js';

export type { DocumentRef, Entry, Evidence, InputValue, Unit } from './evidence-zod.js';

// ---------------------------------------------------------------------------------------------------
// The shape, as evidence-zod.ts defines it (the tests hold the two to the same diagnostics).

const Str = (max: number = LIMITS.stringLength) => text(max);

const DOCUMENT_FIELDS = {
  for: opt(IDENTIFIER),
  number: opt(Str(200)),
  date: opt(ISO_DATE),
  title: opt(Str()),
  issuer: opt(Str(500)),
  url: opt(Str(2000)),
  sha256: opt(SHA256),
};
const DOCUMENT = strict(DOCUMENT_FIELDS);
/** Its keys, for the fast path. */
const DOC_KEYS: ReadonlySet<string> = new Set(Object.keys(DOCUMENT_FIELDS));

const ENTRY_FIELDS = {
  criterion: opt(CRITERION_CODE),
  input: opt(IDENTIFIER),
  value: opt(INPUT_VALUE),
  values: opt(record(INPUT_VALUE)),
  documents: opt(list(DOCUMENT, LIMITS.documentsPerEntry)),
  note: opt(Str()),
  explanation: opt(Str()),
  claimedPoints: opt(DECIMAL),
};
const ENTRY = strict(ENTRY_FIELDS);
/** Its keys, for the fast path. */
const ENTRY_KEYS: ReadonlySet<string> = new Set(Object.keys(ENTRY_FIELDS));

const UNIT = strict({ code: Str(100), name: Str(500), level: oneOf(UNIT_LEVELS), province: opt(Str(200)), note: opt(Str()) });

const EVIDENCE_FIELDS = {
  $schema: opt(text()),
  formatVersion: oneOf([FORMAT_VERSION]),
  sample: opt(BOOLEAN),
  criteriaSet: SET_REF,
  unit: UNIT,
  period: strict({ from: ISO_DATE, to: ISO_DATE, label: opt(Str(100)) }),
  preparedBy: opt(strict({ name: opt(Str(200)), role: opt(Str(200)), date: opt(ISO_DATE) })),
  entries: list(ENTRY, LIMITS.evidenceEntries),
};
const EVIDENCE = strict(EVIDENCE_FIELDS);
/** Its keys, for the fast path. */
const TOP_KEYS: ReadonlySet<string> = new Set(Object.keys(EVIDENCE_FIELDS));

// ---------------------------------------------------------------------------------------------------
// Fast path. Nearly every evidence file is valid. fastEvidence() accepts exactly the values the shape
// above accepts (plain JSON data), and returns the same copy (keys in schema order); anything it is
// not sure about returns undefined and goes through the shape's checks, which then give the
// diagnostics.
//
// In the same walk it writes the evidence's canonical JSON (canonical.ts: keys sorted, no whitespace),
// the text its provenance hash is taken of: the schema's objects have fixed keys, written in sorted
// order; only records (values, tallies) are sorted. Every value accepted here is JSON data (no
// undefined member, no function), so the text is canonicalJson(value) exactly; the slow path hashes
// with hashJson.

const LEVELS: ReadonlySet<string> = new Set(UNIT_LEVELS);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const OBJECT_PROTO = Object.prototype;
/** An empty object: for…in over it meets only what Object.prototype has enumerable. */
const PROTO_PROBE = {};

type Obj = Record<string, unknown>;

/**
 * The canonical JSON text of the part just read (a writer sets it, its caller takes it). Strings that
 * matched one of the patterns (shape-check.ts) have nothing to escape and are written as they are.
 */
interface Text {
  t: string;
}

/** A plain object (JSON-like), or undefined. */
function plain(v: unknown): Obj | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const proto = Object.getPrototypeOf(v);
  return proto === OBJECT_PROTO || proto === null ? (v as Obj) : undefined;
}

/**
 * How many keys o has when every one is one of the allowed ones (none forbidden or undefined-valued),
 * else -1. for…in skips non-enumerable and symbol keys; zod's strict check only looks at enumerable
 * string keys too.
 */
function keyCount(o: Obj, allowed: ReadonlySet<string>): number {
  let n = 0;
  for (const k in o) {
    if (!allowed.has(k) || o[k] === undefined) return -1;
    n++;
  }
  return n;
}
const one = (v: unknown) => (v === undefined ? 0 : 1);

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max: number): v is string | undefined => v === undefined || (typeof v === 'string' && v.length <= max);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The canonical texts of a string found to match a pattern, as its object's first member and as a later
 * one: `{"k":` and `,"k":` for a record key (an identifier, and not one a prototype could be reached
 * by), `{"criterion":"c"` and `,"criterion":"c"` for a criterion code. The same few hundred come back
 * in every file: each is checked once, and a member is written with one concatenation.
 */
interface Member {
  key: string;
  first: string;
  next: string;
}
const KEYS = new Map<string, Member>();
const CODES = new Map<string, Member>();
function remember(seen: Map<string, Member>, key: string, first: string, next: string): Member {
  const m: Member = { key, first, next };
  if (seen.size < 4096) seen.set(key, m);
  return m;
}
/** A record key's member texts, or undefined when it is not a good key. */
const keyMember = (k: string): Member | undefined => KEYS.get(k) ?? (FORBIDDEN.has(k) || !RE_IDENTIFIER.test(k) ? undefined : remember(KEYS, k, '{"' + k + '":', ',"' + k + '":'));
const codeMember = (c: string): Member | undefined => CODES.get(c) ?? (RE_CODE.test(c) ? remember(CODES, c, '{"criterion":"' + c + '"', ',"criterion":"' + c + '"') : undefined);
const isId = (v: unknown): v is string => typeof v === 'string' && (KEYS.has(v) || RE_IDENTIFIER.test(v));
const isSha = (v: unknown): v is string => typeof v === 'string' && RE_SHA.test(v);

const isDate = (v: unknown): v is string => typeof v === 'string' && RE_DATE.test(v);
/** Undefined, or a string that passes `test`. */
const optIs = (v: unknown, test: (v: unknown) => v is string): v is string | undefined => v === undefined || test(v);

/**
 * A member put in its place among members sorted as canonical JSON sorts them (by UTF-16 code units;
 * record keys are identifiers: no integer-like key, nothing to escape), its value's text beside it.
 * Records have few keys.
 */
function insertSorted(members: Member[], texts: string[], m: Member, text: string): void {
  let j = members.length;
  members.push(m);
  texts.push(text);
  while (j > 0 && members[j - 1]!.key > m.key) {
    members[j] = members[j - 1]!;
    texts[j] = texts[j - 1]!;
    j--;
  }
  members[j] = m;
  texts[j] = text;
}

/** The canonical text of a record whose members insertSorted sorted. */
function recordText(members: readonly Member[], texts: readonly string[]): string {
  if (members.length === 0) return '{}';
  let t = members[0]!.first + texts[0]!;
  for (let i = 1; i < members.length; i++) t += members[i]!.next + texts[i]!;
  return t + '}';
}

/** How a member starts: "{" for an object's first, "," after. */
const sep = (t: string) => (t === '' ? '{' : ',');
/** The object whose members `t` holds. */
const close = (t: string) => (t === '' ? '{}' : t + '}');

/** A tally (a record of finite numbers with identifier keys), copied; w.t: its text. Undefined if not. */
function numberRecord(v: unknown, w: Text): Record<string, number> | undefined {
  const o = plain(v);
  if (!o) return undefined;
  const out: Record<string, number> = {};
  const members: Member[] = [];
  const texts: string[] = [];
  for (const k in o) {
    const x = o[k];
    const m = keyMember(k);
    if (!m || !isNum(x)) return undefined;
    out[k] = x;
    insertSorted(members, texts, m, String(x));
  }
  w.t = recordText(members, texts);
  return out;
}

const NO = Symbol('no');
/**
 * An input value (boolean, number, short string, tally) copied, or NO; w.t: its canonical text (a
 * number's is what JSON.stringify writes: String(n), -0 as 0).
 */
function inputValue(v: unknown, w: Text): InputValue | typeof NO {
  if (typeof v === 'boolean') w.t = v ? 'true' : 'false';
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) return NO;
    w.t = String(v);
  } else if (typeof v === 'string') {
    if (v.length > 200) return NO;
    w.t = jsonString(v);
  } else return numberRecord(v, w) ?? NO;
  return v;
}

/** The values of an entry (identifier keys), copied in their order; w.t: their text, in sorted order. Undefined if not valid. */
function entryValuesOf(v: unknown, w: Text): Record<string, InputValue> | undefined {
  const o = plain(v);
  if (!o) return undefined;
  const values: Record<string, InputValue> = {};
  const members: Member[] = [];
  const texts: string[] = [];
  for (const k in o) {
    const m = keyMember(k);
    if (!m) return undefined;
    const x = inputValue(o[k], w);
    if (x === NO) return undefined;
    values[k] = x;
    insertSorted(members, texts, m, w.t);
  }
  w.t = recordText(members, texts);
  return values;
}

/** A document, copied; w.t: its text. Undefined if not valid. */
function documentRef(v: unknown, w: Text): DocumentRef | undefined {
  const d = plain(v);
  const n = d ? keyCount(d, DOC_KEYS) : -1;
  if (n < 0) return undefined;
  const { for: f, number, date, title, issuer, url, sha256 } = d!;
  // Each member read is one for…in met (not a non-enumerable one, which canonical JSON would not write): else the shape's checks decide.
  if (n !== one(f) + one(number) + one(date) + one(title) + one(issuer) + one(url) + one(sha256)) return undefined;
  if (!optIs(f, isId) || !optStr(number, 200) || !optIs(date, isDate) || !optStr(title, LIMITS.stringLength)) return undefined;
  if (!optStr(issuer, 500) || !optStr(url, 2000) || !optIs(sha256, isSha)) return undefined;
  // Keys sorted: date, for, issuer, number, sha256, title, url.
  let t = '';
  if (date !== undefined) t += '{"date":"' + date + '"';
  if (f !== undefined) t += sep(t) + '"for":"' + f + '"';
  if (issuer !== undefined) t += sep(t) + '"issuer":' + jsonString(issuer);
  if (number !== undefined) t += sep(t) + '"number":' + jsonString(number);
  if (sha256 !== undefined) t += sep(t) + '"sha256":"' + sha256 + '"';
  if (title !== undefined) t += sep(t) + '"title":' + jsonString(title);
  if (url !== undefined) t += sep(t) + '"url":' + jsonString(url);
  w.t = close(t);
  const out: DocumentRef = {};
  if (f !== undefined) out.for = f;
  if (number !== undefined) out.number = number;
  if (date !== undefined) out.date = date;
  if (title !== undefined) out.title = title;
  if (issuer !== undefined) out.issuer = issuer;
  if (url !== undefined) out.url = url;
  if (sha256 !== undefined) out.sha256 = sha256;
  return out;
}

/** An entry's documents, copied; w.t: their text. Undefined if not valid. */
function documentsOf(list: unknown, w: Text): DocumentRef[] | undefined {
  if (!Array.isArray(list) || list.length > LIMITS.documentsPerEntry) return undefined;
  const docs: DocumentRef[] = new Array(list.length);
  let t = '[';
  for (let i = 0; i < list.length; i++) {
    const d = documentRef(list[i], w);
    if (!d) return undefined;
    docs[i] = d;
    t += i ? ',' + w.t : w.t;
  }
  w.t = t + ']';
  return docs;
}

/** An entry, copied in the schema's order; w.t: its text, keys sorted. Undefined if not valid. */
function entry(v: unknown, w: Text): Entry | undefined {
  const e = plain(v);
  const n = e ? keyCount(e, ENTRY_KEYS) : -1;
  if (n < 0) return undefined;
  const { criterion, input, value, values, documents, note, explanation, claimedPoints: claim } = e!;
  if (n !== one(criterion) + one(input) + one(value) + one(values) + one(documents) + one(note) + one(explanation) + one(claim)) return undefined;
  const code = criterion === undefined ? undefined : typeof criterion === 'string' ? codeMember(criterion) : undefined;
  if ((criterion !== undefined && !code) || !optIs(input, isId) || !optStr(note, LIMITS.stringLength) || !optStr(explanation, LIMITS.stringLength)) return undefined;
  if (!(claim === undefined || isNum(claim) || (typeof claim === 'string' && RE_DEC.test(claim)))) return undefined;
  const x = value === undefined ? undefined : inputValue(value, w);
  if (x === NO) return undefined;
  const valueText = w.t;
  // Keys sorted: claimedPoints, criterion, documents, explanation, input, note, value, values.
  let t = '';
  if (claim !== undefined) t += '{"claimedPoints":' + (typeof claim === 'number' ? String(claim) : '"' + claim + '"');
  if (code) t += t === '' ? code.first : code.next;
  const docs = documents === undefined ? undefined : documentsOf(documents, w);
  if (docs) t += sep(t) + '"documents":' + w.t;
  else if (documents !== undefined) return undefined;
  if (explanation !== undefined) t += sep(t) + '"explanation":' + jsonString(explanation);
  if (input !== undefined) t += sep(t) + '"input":"' + input + '"';
  if (note !== undefined) t += sep(t) + '"note":' + jsonString(note);
  if (x !== undefined) t += sep(t) + '"value":' + valueText;
  const vals = values === undefined ? undefined : entryValuesOf(values, w);
  if (vals) t += sep(t) + '"values":' + w.t;
  else if (values !== undefined) return undefined;
  w.t = close(t);
  const out: Entry = {};
  if (code) out.criterion = code.key;
  if (input !== undefined) out.input = input;
  if (x !== undefined) out.value = x;
  if (vals !== undefined) out.values = vals;
  if (docs !== undefined) out.documents = docs;
  if (note !== undefined) out.note = note;
  if (explanation !== undefined) out.explanation = explanation;
  if (claim !== undefined) out.claimedPoints = claim as number | string;
  return out;
}

/** A member of an object of strings: its name, the check its value passes, and whether it is required. */
type Field = readonly [name: string, good: (v: unknown) => boolean, required?: true];
/** The members of an object of strings, in the schema's order; its keys; and its members' names in sorted order. */
interface Strings {
  fields: readonly Field[];
  keys: ReadonlySet<string>;
  sorted: readonly string[];
}
const strings = (...fields: Field[]): Strings => ({ fields, keys: new Set(fields.map((f) => f[0])), sorted: fields.map((f) => f[0]).sort() });
const upTo = (max: number) => (v: unknown) => str(v, max);
const UNIT_STRINGS = strings(['code', upTo(100), true], ['name', upTo(500), true], ['level', (v) => LEVELS.has(v as string), true], ['province', upTo(200)], ['note', upTo(LIMITS.stringLength)]);
const PERIOD_STRINGS = strings(['from', isDate, true], ['to', isDate, true], ['label', upTo(100)]);
const PREPARED_STRINGS = strings(['name', upTo(200)], ['role', upTo(200)], ['date', isDate]);

/**
 * An object whose members are strings (the unit, the period, who prepared the file), copied in the
 * schema's order; w.t: its canonical text. Undefined if not valid.
 */
function stringsOf<T>(v: unknown, s: Strings, w: Text): T | undefined {
  const o = plain(v);
  const n = o ? keyCount(o, s.keys) : -1;
  if (n < 0) return undefined;
  const out: Record<string, string> = {};
  let found = 0;
  for (const [name, good, required] of s.fields) {
    const x = o![name];
    if (x === undefined && !required) continue;
    if (!good(x)) return undefined;
    out[name] = x as string;
    found++;
  }
  // Each member read is one for…in met (not a non-enumerable one, which canonical JSON would not write): else the shape's checks decide.
  if (found !== n) return undefined;
  let t = '';
  for (const name of s.sorted) if (out[name] !== undefined) t += sep(t) + '"' + name + '":' + jsonString(out[name]);
  w.t = close(t);
  return out as T;
}

/** @internal Valid evidence copied as zod would copy it, with its canonical JSON text; undefined when the shape's checks must decide. */
export function fastEvidenceRead(value: unknown): { evidence: Evidence; canonical: string } | undefined {
  const v = plain(value);
  // An enumerable property on Object.prototype would be met by for…in on every object but written by
  // no canonical JSON (Object.keys): the shape's checks and hashJson decide.
  for (const _ in PROTO_PROBE) return undefined;
  const n = v ? keyCount(v, TOP_KEYS) : -1;
  if (n < 0) return undefined;
  const { $schema, formatVersion, sample, criteriaSet, unit: unitValue, period: periodValue, preparedBy: preparedValue, entries: list } = v!;
  if (n !== one($schema) + one(formatVersion) + one(sample) + one(criteriaSet) + one(unitValue) + one(periodValue) + one(preparedValue) + one(list)) return undefined;
  // A "$schema" over the size limit: refused by the size walk, as any string of a file is (the slow path says so).
  if (($schema !== undefined && !str($schema, LIMITS.textLength)) || formatVersion !== FORMAT_VERSION || (sample !== undefined && typeof sample !== 'boolean')) return undefined;
  if (typeof criteriaSet !== 'string' || !RE_SET_REF.test(criteriaSet)) return undefined;
  const w: Text = { t: '' };
  const unit = stringsOf<Unit>(unitValue, UNIT_STRINGS, w);
  if (!unit) return undefined;
  const unitText = w.t;
  const period = stringsOf<Evidence['period']>(periodValue, PERIOD_STRINGS, w);
  if (!period) return undefined;
  const periodText = w.t;
  const preparedBy = preparedValue === undefined ? undefined : stringsOf<NonNullable<Evidence['preparedBy']>>(preparedValue, PREPARED_STRINGS, w);
  if (preparedValue !== undefined && !preparedBy) return undefined;
  const preparedText = w.t;
  if (!Array.isArray(list) || list.length > LIMITS.evidenceEntries) return undefined;
  // Keys sorted: $schema, criteriaSet, entries, formatVersion, period, preparedBy, sample, unit.
  let t = ($schema !== undefined ? '{"$schema":' + jsonString($schema) + ',' : '{') + '"criteriaSet":"' + criteriaSet + '","entries":[';
  const entries: Entry[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = entry(list[i], w);
    if (!e) return undefined;
    entries[i] = e;
    t += i ? ',' + w.t : w.t;
  }
  t += '],"formatVersion":' + String(FORMAT_VERSION) + ',"period":' + periodText;
  if (preparedBy) t += ',"preparedBy":' + preparedText;
  if (sample !== undefined) t += ',"sample":' + String(sample);
  t += ',"unit":' + unitText + '}';
  const out = {} as Evidence;
  if ($schema !== undefined) out.$schema = $schema;
  out.formatVersion = FORMAT_VERSION;
  if (sample !== undefined) out.sample = sample;
  out.criteriaSet = criteriaSet;
  out.unit = unit;
  out.period = period;
  if (preparedBy) out.preparedBy = preparedBy;
  out.entries = entries;
  return { evidence: out, canonical: t };
}

/** @internal Valid evidence copied as zod would copy it, or undefined when the shape's checks must decide. */
export function fastEvidence(value: unknown): Evidence | undefined {
  return fastEvidenceRead(value)?.evidence;
}

/** Evidence read: the value and its problems as parseEvidence gives them, and on the fast path its hash. */
export interface EvidenceRead {
  value: Evidence | undefined;
  diagnostics: Diagnostic[];
  /** hashJson(value), from the canonical text the fast path wrote; undefined on the slow path (evidenceSha). */
  sha256: string | undefined;
}

/** @internal The evidence checked by its shape's checks (never the fast path): the diagnostics parseEvidence gives. */
export function checkEvidenceShape(value: unknown): { value: Evidence | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeysPublic(value, diagnostics);
  if (diagnostics.length) return { value: undefined, diagnostics };
  return checkShape<Evidence>(EVIDENCE, value, 'EVIDENCE_SCHEMA');
}

function slowEvidence(value: unknown): EvidenceRead {
  const checked = checkEvidenceShape(value);
  return { value: checked.value, diagnostics: checked.diagnostics, sha256: undefined };
}

/**
 * @internal parseEvidence and the evidence hash in one walk: on the fast path the canonical JSON is
 * written while the evidence is checked and copied, and hashed at once (a young string, still in
 * the cache, is flattened and hashed fastest).
 */
export function readEvidence(value: unknown): EvidenceRead {
  const fast = fastEvidenceRead(value);
  return fast ? { value: fast.evidence, diagnostics: [], sha256: sha256Hex(fast.canonical) } : slowEvidence(value);
}

/** @internal The evidence hash, hashJson(value): the one readEvidence took, or hashJson on the slow path. */
export function evidenceSha(read: EvidenceRead, value: unknown): string {
  return read.sha256 ?? hashJson(value);
}

/** Validate a value as evidence (shape only; the compiled set checks the content). Never throws. */
export function parseEvidence(value: unknown): { value: Evidence | undefined; diagnostics: Diagnostic[] } {
  const fast = fastEvidenceRead(value);
  return fast ? { value: fast.evidence, diagnostics: [] } : checkEvidenceShape(value);
}
