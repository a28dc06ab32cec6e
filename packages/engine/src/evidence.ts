/**
 * The evidence format: one unit's evidence for one period. Validated with zod; problems become
 * diagnostics with codes and JSON pointers.
 */
import * as z from 'zod/mini';
import {
  Code,
  Dec,
  FORMAT_VERSION,
  Identifier,
  IsoDate,
  PARSE_OPTIONS,
  findForbiddenKeysPublic,
  matches,
  maxString,
  withDescription,
  withMeta,
  zodDiagnostics,
  LIMITS,
  UnitLevel,
  UNIT_LEVELS,
  type Diagnostic,
} from './deps.js';

const opt = z.optional;
const Str = (max: number = LIMITS.stringLength) => maxString(max);

export const DocumentRef = withMeta(
  z.strictObject({
    for: withDescription(opt(Identifier), 'The id of the required document this proves (optional when the criterion asks for one document).'),
    number: withDescription(opt(Str(200)), 'Number and symbol as written, e.g. "15/KH-UBND".'),
    date: opt(IsoDate),
    title: opt(Str()),
    issuer: opt(Str(500)),
    url: opt(Str(2000)),
    sha256: opt(z.string().check(matches(/^[0-9a-f]{64}$/, 'sha256'))),
  }),
  { id: 'DocumentRef', description: 'A document of evidence (tài liệu kiểm chứng).' },
);
export type DocumentRef = z.infer<typeof DocumentRef>;

export const InputValue = withMeta(z.union([z.boolean(), z.number(), Str(200), z.record(Identifier, z.number())]), {
  id: 'InputValue',
  description: 'yes/no, a number, a decimal string, a level id, a date YYYY-MM-DD, or answer counts per option.',
});
export type InputValue = z.infer<typeof InputValue>;

export const Entry = withMeta(
  z.strictObject({
    criterion: withDescription(opt(Code), 'The criterion this entry answers.'),
    input: withDescription(opt(Identifier), 'Or: one input, with "value".'),
    value: opt(InputValue),
    values: withDescription(opt(z.record(Identifier, InputValue)), 'With "criterion": values per input id.'),
    documents: opt(z.array(DocumentRef).check(z.maxLength(LIMITS.documentsPerEntry))),
    note: opt(Str()),
    explanation: withDescription(opt(Str()), 'Written explanation (giải trình), e.g. why a document is missing.'),
    claimedPoints: withDescription(opt(Dec), "The unit's own score for the criterion (tự chấm)."),
  }),
  { id: 'Entry' },
);
export type Entry = z.infer<typeof Entry>;

export const Unit = withMeta(
  z.strictObject({
    code: Str(100),
    name: Str(500),
    level: UnitLevel,
    province: opt(Str(200)),
    note: opt(Str()),
  }),
  { id: 'Unit' },
);
export type Unit = z.infer<typeof Unit>;

export const Evidence = withMeta(
  z.strictObject({
    $schema: opt(z.string()),
    formatVersion: z.literal(FORMAT_VERSION),
    sample: withDescription(opt(z.boolean()), "true when the values are samples, not a real unit's figures."),
    criteriaSet: z.string().check(matches(/^[a-z0-9.-]+@[0-9.]+$/, 'setRef')),
    unit: Unit,
    period: z.strictObject({ from: IsoDate, to: IsoDate, label: opt(Str(100)) }),
    preparedBy: opt(z.strictObject({ name: opt(Str(200)), role: opt(Str(200)), date: opt(IsoDate) })),
    entries: z.array(Entry).check(z.maxLength(LIMITS.evidenceEntries)),
  }),
  { id: 'Evidence', title: 'parindex evidence file', description: "One unit's evidence for one period." },
);
export type Evidence = z.infer<typeof Evidence>;

// ---------------------------------------------------------------------------------------------------
// Fast path. Scoring a country of units spends most of its time validating evidence with zod, although
// nearly every file is valid. fastEvidence() accepts exactly the values the zod schema above accepts
// (plain JSON data), and returns the same copy zod would (keys in schema order); anything it is not
// sure about returns undefined and goes through zod, which then gives the diagnostics. So the
// diagnostics never change, and valid evidence is read without zod.

const RE_IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;
const RE_CODE = /^[A-Z]{0,3}[0-9]{1,3}(\.[0-9]{1,3}){0,5}$/;
const RE_DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const RE_DEC = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$/;
const RE_SHA = /^[0-9a-f]{64}$/;
const RE_SET_REF = /^[a-z0-9.-]+@[0-9.]+$/;
const LEVELS: ReadonlySet<string> = new Set(UNIT_LEVELS);
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const OBJECT_PROTO = Object.prototype;

type Obj = Record<string, unknown>;

/** A plain object (JSON-like), or undefined. */
function plain(v: unknown): Obj | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const proto = Object.getPrototypeOf(v);
  return proto === OBJECT_PROTO || proto === null ? (v as Obj) : undefined;
}

/** Every own key of o is one of the allowed ones (and none is forbidden or undefined-valued). */
function onlyKeys(o: Obj, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k) || o[k] === undefined) return false;
  // for…in skips non-enumerable and symbol keys; zod's strict check only looks at enumerable string keys too.
  return true;
}

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const optStr = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
const optRe = (v: unknown, re: RegExp) => v === undefined || (typeof v === 'string' && re.test(v));
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A record of finite numbers with identifier keys (a tally), copied; undefined if not. */
function numberRecord(v: unknown): Record<string, number> | undefined {
  const o = plain(v);
  if (!o) return undefined;
  const out: Record<string, number> = {};
  for (const k in o) {
    const x = o[k];
    if (!RE_IDENTIFIER.test(k) || FORBIDDEN.has(k) || !isNum(x)) return undefined;
    out[k] = x;
  }
  return out;
}

const NO = Symbol('no');
/** An input value (boolean, number, short string, tally) copied, or NO. */
function inputValue(v: unknown): InputValue | typeof NO {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : NO;
  if (typeof v === 'string') return v.length <= 200 ? v : NO;
  return numberRecord(v) ?? NO;
}

const DOC_KEYS = new Set(['for', 'number', 'date', 'title', 'issuer', 'url', 'sha256']);
function documentRef(v: unknown): DocumentRef | undefined {
  const d = plain(v);
  if (!d || !onlyKeys(d, DOC_KEYS)) return undefined;
  if (!optRe(d.for, RE_IDENTIFIER) || !optStr(d.number, 200) || !optRe(d.date, RE_DATE) || !optStr(d.title, LIMITS.stringLength)) return undefined;
  if (!optStr(d.issuer, 500) || !optStr(d.url, 2000) || !optRe(d.sha256, RE_SHA)) return undefined;
  const out: DocumentRef = {};
  if (d.for !== undefined) out.for = d.for as string;
  if (d.number !== undefined) out.number = d.number as string;
  if (d.date !== undefined) out.date = d.date as string;
  if (d.title !== undefined) out.title = d.title as string;
  if (d.issuer !== undefined) out.issuer = d.issuer as string;
  if (d.url !== undefined) out.url = d.url as string;
  if (d.sha256 !== undefined) out.sha256 = d.sha256 as string;
  return out;
}

const ENTRY_KEYS = new Set(['criterion', 'input', 'value', 'values', 'documents', 'note', 'explanation', 'claimedPoints']);
function entry(v: unknown): Entry | undefined {
  const e = plain(v);
  if (!e || !onlyKeys(e, ENTRY_KEYS)) return undefined;
  if (!optRe(e.criterion, RE_CODE) || !optRe(e.input, RE_IDENTIFIER) || !optStr(e.note, LIMITS.stringLength) || !optStr(e.explanation, LIMITS.stringLength)) return undefined;
  const out: Entry = {};
  if (e.criterion !== undefined) out.criterion = e.criterion as string;
  if (e.input !== undefined) out.input = e.input as string;
  if (e.value !== undefined) {
    const x = inputValue(e.value);
    if (x === NO) return undefined;
    out.value = x;
  }
  if (e.values !== undefined) {
    const o = plain(e.values);
    if (!o) return undefined;
    const values: Record<string, InputValue> = {};
    for (const k in o) {
      if (!RE_IDENTIFIER.test(k) || FORBIDDEN.has(k)) return undefined;
      const x = inputValue(o[k]);
      if (x === NO) return undefined;
      values[k] = x;
    }
    out.values = values;
  }
  if (e.documents !== undefined) {
    const list = e.documents;
    if (!Array.isArray(list) || list.length > LIMITS.documentsPerEntry) return undefined;
    const docs: DocumentRef[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const d = documentRef(list[i]);
      if (!d) return undefined;
      docs[i] = d;
    }
    out.documents = docs;
  }
  if (e.note !== undefined) out.note = e.note as string;
  if (e.explanation !== undefined) out.explanation = e.explanation as string;
  if (e.claimedPoints !== undefined) {
    const c = e.claimedPoints;
    if (!(isNum(c) || (typeof c === 'string' && RE_DEC.test(c)))) return undefined;
    out.claimedPoints = c;
  }
  return out;
}

const TOP_KEYS = new Set(['$schema', 'formatVersion', 'sample', 'criteriaSet', 'unit', 'period', 'preparedBy', 'entries']);
const UNIT_KEYS = new Set(['code', 'name', 'level', 'province', 'note']);
const PERIOD_KEYS = new Set(['from', 'to', 'label']);
const PREPARED_KEYS = new Set(['name', 'role', 'date']);

/** @internal Valid evidence copied as zod would copy it, or undefined when zod must decide. */
export function fastEvidence(value: unknown): Evidence | undefined {
  const v = plain(value);
  if (!v || !onlyKeys(v, TOP_KEYS)) return undefined;
  if (v.$schema !== undefined && typeof v.$schema !== 'string') return undefined;
  if (v.formatVersion !== FORMAT_VERSION) return undefined;
  if (v.sample !== undefined && typeof v.sample !== 'boolean') return undefined;
  if (typeof v.criteriaSet !== 'string' || !RE_SET_REF.test(v.criteriaSet)) return undefined;
  const u = plain(v.unit);
  if (!u || !onlyKeys(u, UNIT_KEYS) || !str(u.code, 100) || !str(u.name, 500) || !LEVELS.has(u.level as string)) return undefined;
  if (!optStr(u.province, 200) || !optStr(u.note, LIMITS.stringLength)) return undefined;
  const p = plain(v.period);
  if (!p || !onlyKeys(p, PERIOD_KEYS) || typeof p.from !== 'string' || !RE_DATE.test(p.from) || typeof p.to !== 'string' || !RE_DATE.test(p.to) || !optStr(p.label, 100)) return undefined;
  let preparedBy: Evidence['preparedBy'];
  if (v.preparedBy !== undefined) {
    const b = plain(v.preparedBy);
    if (!b || !onlyKeys(b, PREPARED_KEYS) || !optStr(b.name, 200) || !optStr(b.role, 200) || !optRe(b.date, RE_DATE)) return undefined;
    preparedBy = {};
    if (b.name !== undefined) preparedBy.name = b.name as string;
    if (b.role !== undefined) preparedBy.role = b.role as string;
    if (b.date !== undefined) preparedBy.date = b.date as string;
  }
  const list = v.entries;
  if (!Array.isArray(list) || list.length > LIMITS.evidenceEntries) return undefined;
  const entries: Entry[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = entry(list[i]);
    if (!e) return undefined;
    entries[i] = e;
  }
  const unit: Unit = { code: u.code, name: u.name, level: u.level as Unit['level'] };
  if (u.province !== undefined) unit.province = u.province as string;
  if (u.note !== undefined) unit.note = u.note as string;
  const period: Evidence['period'] = { from: p.from, to: p.to };
  if (p.label !== undefined) period.label = p.label as string;
  const out = {} as Evidence;
  if (v.$schema !== undefined) out.$schema = v.$schema as string;
  out.formatVersion = FORMAT_VERSION;
  if (v.sample !== undefined) out.sample = v.sample as boolean;
  out.criteriaSet = v.criteriaSet;
  out.unit = unit;
  out.period = period;
  if (preparedBy !== undefined) out.preparedBy = preparedBy;
  out.entries = entries;
  return out;
}

/** Validate a value as evidence (shape only; the compiled set checks the content). Never throws. */
export function parseEvidence(value: unknown): { value: Evidence | undefined; diagnostics: Diagnostic[] } {
  const fast = fastEvidence(value);
  if (fast) return { value: fast, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeysPublic(value, diagnostics);
  if (diagnostics.length) return { value: undefined, diagnostics };
  const parsed = Evidence.safeParse(value, PARSE_OPTIONS);
  if (!parsed.success) return { value: undefined, diagnostics: zodDiagnostics(parsed.error, 'EVIDENCE_SCHEMA') };
  return { value: parsed.data, diagnostics: [] };
}
