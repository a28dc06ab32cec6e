/**
 * The evidence format: one unit's evidence for one period, read without zod. Its shape is defined in
 * zod in evidence-zod.ts (the JSON Schema is generated from it); here it is checked by small named
 * checks (shape-check.ts) that report every problem exactly as zod's issues become diagnostics, and
 * valid evidence takes a faster walk that also writes its canonical JSON.
 */
import { FORMAT_VERSION, findForbiddenKeysPublic, LIMITS, UNIT_LEVELS, type Diagnostic } from './deps.js';
import { hashJson, jsonString, sha256Hex, writtenAsIs } from './canonical.js';
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

const DOCUMENT = strict({
  for: opt(IDENTIFIER),
  number: opt(Str(200)),
  date: opt(ISO_DATE),
  title: opt(Str()),
  issuer: opt(Str(500)),
  url: opt(Str(2000)),
  sha256: opt(SHA256),
});

const ENTRY = strict({
  criterion: opt(CRITERION_CODE),
  input: opt(IDENTIFIER),
  value: opt(INPUT_VALUE),
  values: opt(record(INPUT_VALUE)),
  documents: opt(list(DOCUMENT, LIMITS.documentsPerEntry)),
  note: opt(Str()),
  explanation: opt(Str()),
  claimedPoints: opt(DECIMAL),
});

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
 * With it, the lists a record's members are sorted in, one for an entry's values and one for a tally
 * (within them or not): made once per read, so that a read begun by a getter of another never shares them.
 */
interface Text {
  t: string;
  values: SortedMembers;
  tally: SortedMembers;
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
 * The members of a record being written, kept in the order canonical JSON sorts them (by UTF-16 code
 * units; record keys are identifiers: no integer-like key, nothing to escape), each value's text beside
 * it. Records have few keys; the lists are reused from one record to the next (Text).
 */
class SortedMembers {
  members: Member[] = [];
  texts: string[] = [];
  n = 0;
  add(m: Member, text: string): void {
    const { members, texts } = this;
    let j = this.n++;
    while (j > 0 && members[j - 1]!.key > m.key) {
      members[j] = members[j - 1]!;
      texts[j] = texts[j - 1]!;
      j--;
    }
    members[j] = m;
    texts[j] = text;
  }
  /** The record's canonical text; the list is emptied for the next. */
  text(): string {
    const { members, texts, n } = this;
    this.n = 0;
    if (n === 0) return '{}';
    let t = members[0]!.first + texts[0]!;
    for (let i = 1; i < n; i++) t += members[i]!.next + texts[i]!;
    return t + '}';
  }
}

/**
 * The texts of a member of the schema's objects: as an object's first (`{"name":`) and as a later one
 * (`,"name":`), and in an object of strings, as its first with its string's opening quote (`{"name":"`)
 * and after a string member, with that string's closing quote too (`","name":"`). An object's text is
 * written member by member with them, in as few concatenations as can be: each is a piece of the rope
 * the hash flattens.
 */
interface Key {
  first: string;
  next: string;
  firstQ: string;
  afterString: string;
}
function keyTexts<N extends string>(...names: N[]): Record<N, Key> {
  const out = {} as Record<N, Key>;
  for (const n of names) out[n] = { first: '{"' + n + '":', next: ',"' + n + '":', firstQ: '{"' + n + '":"', afterString: '","' + n + '":"' };
  return out;
}
const K = keyTexts('claimedPoints', 'date', 'documents', 'explanation', 'for', 'input', 'issuer', 'note', 'number', 'sha256', 'title', 'url', 'value', 'values');
/** t, the members of an object so far ('' for none), with the member k: text. */
const member = (t: string, k: Key, text: string): string => (t === '' ? k.first : t + k.next) + text;
/** What JSON writes of a string between its quotes. */
const inQuotes = (s: string): string => (writtenAsIs(s) ? s : JSON.stringify(s).slice(1, -1));
/**
 * t, the members so far of an object whose members are all strings, with the member k: s (s as JSON
 * writes it between quotes): its closing quote is left to the next member or to stringsEnd.
 */
const stringsMember = (t: string, k: Key, s: string): string => (t === '' ? k.firstQ : t + k.afterString) + s;
const stringsEnd = (t: string): string => (t === '' ? '{}' : t + '"}');

/** A tally (a record of finite numbers with identifier keys), copied; w.t: its text. Undefined if not. */
function numberRecord(v: unknown, w: Text): Record<string, number> | undefined {
  const o = plain(v);
  if (!o) return undefined;
  const out: Record<string, number> = {};
  const tally = w.tally;
  tally.n = 0;
  for (const k in o) {
    const x = o[k];
    const m = keyMember(k);
    if (!m || !isNum(x)) return undefined;
    out[k] = x;
    tally.add(m, numberText(x));
  }
  w.t = tally.text();
  return out;
}

/** The texts of small whole numbers, made once: most evidence numbers are counts. */
const SMALL_NUMBERS: string[] = [];
/** A finite number's canonical text: what JSON.stringify writes (String(n); -0 as 0). */
function numberText(n: number): string {
  if (n >= 0 && n < 4096 && (n | 0) === n) return (SMALL_NUMBERS[n] ??= String(n));
  return String(n);
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
    w.t = numberText(v);
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
  const sorted = w.values;
  sorted.n = 0;
  for (const k in o) {
    const m = keyMember(k);
    if (!m) return undefined;
    const x = inputValue(o[k], w);
    if (x === NO) return undefined;
    values[k] = x;
    sorted.add(m, w.t);
  }
  w.t = sorted.text();
  return values;
}

/** A document, copied; w.t: its text. Undefined if not valid. */
function documentRef(v: unknown, w: Text): DocumentRef | undefined {
  const d = plain(v);
  if (!d) return undefined;
  let f: unknown, number: unknown, date: unknown, title: unknown, issuer: unknown, url: unknown, sha256: unknown;
  for (const k in d) {
    const x = d[k];
    if (x === undefined) return undefined;
    switch (k) {
      case 'for':
        f = x;
        break;
      case 'number':
        number = x;
        break;
      case 'date':
        date = x;
        break;
      case 'title':
        title = x;
        break;
      case 'issuer':
        issuer = x;
        break;
      case 'url':
        url = x;
        break;
      case 'sha256':
        sha256 = x;
        break;
      default:
        return undefined;
    }
  }
  // A member for…in did not meet is absent (not a non-enumerable one, which canonical JSON would not write): else the shape's checks decide.
  if ((f === undefined && d.for !== undefined) || (number === undefined && d.number !== undefined) || (date === undefined && d.date !== undefined) || (title === undefined && d.title !== undefined))
    return undefined;
  if ((issuer === undefined && d.issuer !== undefined) || (url === undefined && d.url !== undefined) || (sha256 === undefined && d.sha256 !== undefined)) return undefined;
  if (!optIs(f, isId) || !optStr(number, 200) || !optIs(date, isDate) || !optStr(title, LIMITS.stringLength)) return undefined;
  if (!optStr(issuer, 500) || !optStr(url, 2000) || !optIs(sha256, isSha)) return undefined;
  // Keys sorted: date, for, issuer, number, sha256, title, url.
  let t = '';
  if (date !== undefined) t = stringsMember(t, K.date, date);
  if (f !== undefined) t = stringsMember(t, K.for, f);
  if (issuer !== undefined) t = stringsMember(t, K.issuer, inQuotes(issuer));
  if (number !== undefined) t = stringsMember(t, K.number, inQuotes(number));
  if (sha256 !== undefined) t = stringsMember(t, K.sha256, sha256);
  if (title !== undefined) t = stringsMember(t, K.title, inQuotes(title));
  if (url !== undefined) t = stringsMember(t, K.url, inQuotes(url));
  w.t = stringsEnd(t);
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

/**
 * An entry, copied in the schema's order; w.t: its text, keys sorted, without its closing brace (which
 * the list writes with what follows it: one piece fewer per entry). Undefined if not valid.
 */
function entry(v: unknown, w: Text): Entry | undefined {
  const e = plain(v);
  if (!e) return undefined;
  let criterion: unknown, input: unknown, value: unknown, values: unknown, documents: unknown, note: unknown, explanation: unknown, claim: unknown;
  // Its members as for…in meets them (an unknown key, or a member set to undefined: the shape's checks decide).
  for (const k in e) {
    const x = e[k];
    if (x === undefined) return undefined;
    switch (k) {
      case 'criterion':
        criterion = x;
        break;
      case 'input':
        input = x;
        break;
      case 'value':
        value = x;
        break;
      case 'values':
        values = x;
        break;
      case 'documents':
        documents = x;
        break;
      case 'note':
        note = x;
        break;
      case 'explanation':
        explanation = x;
        break;
      case 'claimedPoints':
        claim = x;
        break;
      default:
        return undefined;
    }
  }
  // A member for…in did not meet is absent (not a non-enumerable one, which canonical JSON would not write): else the shape's checks decide.
  if (
    (criterion === undefined && e.criterion !== undefined) ||
    (input === undefined && e.input !== undefined) ||
    (value === undefined && e.value !== undefined) ||
    (values === undefined && e.values !== undefined)
  )
    return undefined;
  if (
    (documents === undefined && e.documents !== undefined) ||
    (note === undefined && e.note !== undefined) ||
    (explanation === undefined && e.explanation !== undefined) ||
    (claim === undefined && e.claimedPoints !== undefined)
  )
    return undefined;
  const code = criterion === undefined ? undefined : typeof criterion === 'string' ? codeMember(criterion) : undefined;
  if ((criterion !== undefined && !code) || !optIs(input, isId) || !optStr(note, LIMITS.stringLength) || !optStr(explanation, LIMITS.stringLength)) return undefined;
  if (!(claim === undefined || isNum(claim) || (typeof claim === 'string' && RE_DEC.test(claim)))) return undefined;
  const x = value === undefined ? undefined : inputValue(value, w);
  if (x === NO) return undefined;
  const valueText = w.t;
  // Keys sorted: claimedPoints, criterion, documents, explanation, input, note, value, values.
  let t = claim === undefined ? '' : K.claimedPoints.first + (typeof claim === 'number' ? numberText(claim) : '"' + claim + '"');
  if (code) t += t === '' ? code.first : code.next;
  const docs = documents === undefined ? undefined : documentsOf(documents, w);
  if (docs) t = member(t, K.documents, w.t);
  else if (documents !== undefined) return undefined;
  if (explanation !== undefined) t = member(t, K.explanation, jsonString(explanation as string));
  if (input !== undefined) t = member(t, K.input, '"' + input + '"');
  if (note !== undefined) t = member(t, K.note, jsonString(note as string));
  if (x !== undefined) t = member(t, K.value, valueText);
  const vals = values === undefined ? undefined : entryValuesOf(values, w);
  if (vals) t = member(t, K.values, w.t);
  else if (values !== undefined) return undefined;
  w.t = t === '' ? '{' : t;
  return entryCopy(code?.key, input as string | undefined, x, vals, docs, note as string | undefined, explanation as string | undefined, claim as number | string | undefined);
}

/** An entry's copy: its members in the schema's order. */
function entryCopy(
  criterion: string | undefined,
  input: string | undefined,
  value: InputValue | undefined,
  values: Entry['values'],
  documents: Entry['documents'],
  note: string | undefined,
  explanation: string | undefined,
  claim: number | string | undefined,
): Entry {
  const out: Entry = {};
  if (criterion !== undefined) out.criterion = criterion;
  if (input !== undefined) out.input = input;
  if (value !== undefined) out.value = value;
  if (values !== undefined) out.values = values;
  if (documents !== undefined) out.documents = documents;
  if (note !== undefined) out.note = note;
  if (explanation !== undefined) out.explanation = explanation;
  if (claim !== undefined) out.claimedPoints = claim;
  return out;
}

/** A member of an object of strings: its name, the check its value passes, and whether it is required. */
type Field = readonly [name: string, good: (v: unknown) => boolean, required?: true];
/** The members of an object of strings, in the schema's order; its keys; and its members' names in sorted order. */
interface Strings {
  fields: readonly Field[];
  keys: ReadonlySet<string>;
  sorted: ReadonlyArray<readonly [string, Key]>;
}
function strings(...fields: Field[]): Strings {
  const names = fields.map((f) => f[0]);
  const texts = keyTexts(...names);
  return { fields, keys: new Set(names), sorted: names.sort().map((n) => [n, texts[n]!] as const) };
}
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
  for (const [name, k] of s.sorted) if (out[name] !== undefined) t = stringsMember(t, k, inQuotes(out[name]));
  w.t = stringsEnd(t);
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
  const w: Text = { t: '', values: new SortedMembers(), tally: new SortedMembers() };
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
    t = (i ? t + '},' : t) + w.t;
  }
  t += (list.length ? '}],"formatVersion":' : '],"formatVersion":') + String(FORMAT_VERSION) + ',"period":' + periodText;
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
