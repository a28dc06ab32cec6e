/**
 * @internal Checking the shape of evidence and appraisal files without zod. The formats are defined once
 * in zod (evidence-zod.ts, appraisal-zod.ts): the JSON Schema files are generated from those, and the
 * tests hold this checker to them as the oracle. This module says the same thing in small named checks,
 * so that the scoring path (and the browser bundle) carries no zod, and reports every problem exactly
 * as zod's issues become diagnostics through zodDiagnostics (rules/src/parse.ts): the same codes, JSON
 * pointers, params (in the same key order), in the same order.
 *
 * What zod does and this checker does too, because the diagnostics show it:
 * - an object's fields are checked in the schema's order, then its unknown keys (for…in, so inherited
 *   enumerable keys count) in one problem at the object;
 * - a string's length checks run even after its type was refused, on any value with a `length`
 *   (a list of 300 items where a 200-character text belongs is "not a string" and "too long");
 * - a list longer than its limit gets only that problem, its items are not looked at;
 * - a union reports one problem: the one zodDiagnostics picks from its branches (INPUT_VALUE, DECIMAL).
 */
import {
  type Diagnostic,
  type ExpectedType,
  type ParamScalar,
  type PatternCode,
  type Received,
  type SchemaIssueBody as Body,
  type ValueKind,
  codePoints,
  pointer,
  schemaDiag,
  schemaPlace,
} from './deps.js';

type Seg = string | number;
type Obj = Record<string, unknown>;

/** Where a check is and what it found: the path of the value being checked (pushed and popped as it goes). */
export interface ShapeCx {
  code: 'EVIDENCE_SCHEMA' | 'APPRAISAL_SCHEMA';
  at: Seg[];
  out: Diagnostic[];
}

/** A check of one value at cx.at: reports its problems, returns its copy as zod returns it (keys in the schema's order). */
export type Shape = (v: unknown, cx: ShapeCx) => unknown;

/** A problem at the current path; `place` (the field and item a sentence names) when it is not that path's. */
function report(cx: ShapeCx, body: Body, place: readonly Seg[] = cx.at): void {
  cx.out.push(schemaDiag(cx.code, pointer(...cx.at), body, schemaPlace(place)));
}

// ---------------------------------------------------------------------------------------------------
// What a problem says about the value (rules/src/parse.ts: received, wrongType, sizeBody)

function kindOf(v: unknown): ValueKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : t === 'bigint' ? 'number' : 'other';
}

function received(v: unknown): Received {
  const value = typeof v === 'string' ? (v.length <= 40 ? v : null) : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : null;
  return { received: kindOf(v), value };
}

const NOT_RECEIVED: Received = { received: null, value: null };

/** "number" as an expected type; "finiteNumber" when the value is a number that is not finite. */
const numberType = (v: unknown): ExpectedType => (typeof v === 'number' && !Number.isFinite(v) ? 'finiteNumber' : 'number');

/** The value is not of the expected types: missing when undefined. */
function wrongType(v: unknown, expected: ExpectedType[]): Body {
  return v === undefined ? { issue: 'missing', expected, allowed: [] } : { issue: 'type', expected, ...received(v) };
}

function sizeBody(issue: 'tooBig' | 'tooSmall', v: unknown, limit: number): Body {
  const origin = typeof v === 'string' ? 'string' : Array.isArray(v) ? 'array' : 'number';
  const actual = typeof v === 'string' ? codePoints(v) : Array.isArray(v) ? v.length : null;
  const got = origin === 'number' && typeof v === 'number' ? received(v) : NOT_RECEIVED;
  return { issue, origin, limit: String(limit), inclusive: true, actual, ...got };
}

/**
 * zod's length checks (at least `min`, then at most `max`): they run on any value that has a length,
 * whether or not its type was right, and compare that length as it is (a string's in code points).
 */
function lengths(v: unknown, min: number | undefined, max: number | undefined, cx: ShapeCx): void {
  if (v === null || v === undefined || (min === undefined && max === undefined)) return;
  const units = (v as { length?: unknown }).length;
  if (units === undefined) return;
  const n = typeof v === 'string' ? codePoints(v) : (units as number);
  if (min !== undefined && !(n >= min)) report(cx, sizeBody('tooSmall', v, min));
  if (max !== undefined && !(n <= max)) report(cx, sizeBody('tooBig', v, max));
}

// ---------------------------------------------------------------------------------------------------
// Scalars

/** The patterns of the formats (rules/src/primitives.ts and the evidence and appraisal schemas). */
export const RE_IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;
export const RE_CODE = /^[A-Z]{0,3}[0-9]{1,3}(\.[0-9]{1,3}){0,5}$/;
export const RE_DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
export const RE_DECIMAL = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$/;
export const RE_SHA = /^[0-9a-f]{64}$/;
export const RE_SET_REF = /^[a-z0-9.-]+@[0-9.]+$/;

/** A string of at most `max` (and at least `min`) characters; no limit when max is undefined. */
export function text(max?: number, min?: number): Shape {
  return (v, cx) => {
    if (typeof v !== 'string') report(cx, wrongType(v, ['string']));
    lengths(v, min, max, cx);
    return v;
  };
}

/** A string matching a pattern of the format (its meaning's code names it). */
export function pattern(re: RegExp, code: PatternCode): Shape {
  return (v, cx) => {
    if (typeof v !== 'string') report(cx, wrongType(v, ['string']));
    else if (!re.test(v)) report(cx, { issue: 'pattern', pattern: code, regex: null });
    return v;
  };
}

export const IDENTIFIER = pattern(RE_IDENTIFIER, 'identifier');
export const CRITERION_CODE = pattern(RE_CODE, 'criterionCode');
export const ISO_DATE = pattern(RE_DATE, 'isoDate');
export const SHA256 = pattern(RE_SHA, 'sha256');
export const SET_REF = pattern(RE_SET_REF, 'setRef');

export const BOOLEAN: Shape = (v, cx) => {
  if (typeof v !== 'boolean') report(cx, wrongType(v, ['boolean']));
  return v;
};

/** One of the allowed values (a literal, an enum). */
export function oneOf(values: readonly ParamScalar[]): Shape {
  const allowed = new Set<unknown>(values);
  const listed = values.slice(0, 12);
  const more = Math.max(0, values.length - 12);
  return (v, cx) => {
    if (allowed.has(v)) return v;
    report(cx, v === undefined ? { issue: 'missing', expected: [], allowed: [...listed] } : { issue: 'value', allowed: [...listed], more, ...received(v) });
    return v;
  };
}

/** A decimal (rules' Dec): a finite number, or a string in decimal form. */
export const DECIMAL: Shape = (v, cx) => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // Only the string branch took a string: its problem is the union's.
  if (typeof v === 'string') {
    if (!RE_DECIMAL.test(v)) report(cx, { issue: 'pattern', pattern: 'decimal', regex: null });
    return v;
  }
  report(cx, wrongType(v, [numberType(v), 'string']));
  return v;
};

// ---------------------------------------------------------------------------------------------------
// Objects, lists, records

/** A field of an object: its check, and whether it may be left out (undefined). */
export interface Field {
  check: Shape;
  optional: boolean;
}
export const opt = (check: Shape): Field => ({ check, optional: true });

/** zod's object test: an object that is not a list. */
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object with exactly these fields (unknown keys refused), checked in this order. */
export function strict(shape: Readonly<Record<string, Shape | Field>>): Shape {
  const keys = Object.keys(shape);
  const fields = keys.map((k) => shape[k]!).map((f): Field => (typeof f === 'function' ? { check: f, optional: false } : f));
  const checks = fields.map((f) => f.check);
  const optional = fields.map((f) => f.optional);
  const known = new Set(keys);
  return (v, cx) => {
    if (!isObject(v)) {
      report(cx, wrongType(v, ['object']));
      return v;
    }
    const out: Obj = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const x = v[key];
      if (x === undefined && optional[i]) {
        if (key in v) out[key] = undefined;
        continue;
      }
      cx.at.push(key);
      out[key] = checks[i]!(x, cx);
      cx.at.pop();
    }
    let unknown: string[] | undefined;
    for (const key in v) if (!known.has(key)) (unknown ??= []).push(key);
    if (unknown) report(cx, { issue: 'unknownKeys', keys: unknown });
    return out;
  };
}

/** A list of items, at most `max` (and at least `min`). */
export function list(item: Shape, max: number, min?: number): Shape {
  return (v, cx) => {
    if (!Array.isArray(v)) {
      report(cx, wrongType(v, ['array']));
      lengths(v, min, max, cx);
      return v;
    }
    // Too many items: zod says so and looks no further.
    if (v.length > max) {
      report(cx, sizeBody('tooBig', v, max));
      return v;
    }
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      cx.at.push(i);
      out[i] = item(v[i], cx);
      cx.at.pop();
    }
    lengths(v, min, undefined, cx);
    return out;
  };
}

/** zod's record test: an object whose constructor, if any, looks like Object's. */
function isPlainObject(v: unknown): v is Obj {
  if (!isObject(v)) return false;
  const ctor = v.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}

/**
 * The keys of a record as zod reads them (Reflect.ownKeys, enumerable, not __proto__): own enumerable
 * string keys in their order (Object.keys), then the enumerable symbols.
 */
function recordKeys(o: Obj): Array<string | symbol> {
  const keys: Array<string | symbol> = Object.keys(o);
  for (const s of Object.getOwnPropertySymbols(o)) if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s);
  return keys;
}

/** A record key that is no identifier, as zod's invalid_key issue becomes a problem. */
const badKey = (k: string | symbol): Body => ({ issue: 'key', key: String(k), pattern: typeof k === 'string' ? 'identifier' : null });

/** Keys found to be identifiers: the same few hundred input ids come back in every file. */
const IDENTIFIERS = new Set<string>();
function isIdentifier(k: string | symbol): k is string {
  if (typeof k !== 'string') return false;
  if (IDENTIFIERS.has(k)) return true;
  if (!RE_IDENTIFIER.test(k)) return false;
  if (IDENTIFIERS.size < 4096) IDENTIFIERS.add(k);
  return true;
}

/** A record of values with identifier keys. A bad key is reported at the key, named by the record's field. */
export function record(value: Shape): Shape {
  return (v, cx) => {
    if (!isPlainObject(v)) {
      report(cx, wrongType(v, ['object']));
      return v;
    }
    const out: Obj = {};
    for (const k of recordKeys(v)) {
      if (k === '__proto__') continue;
      cx.at.push(String(k));
      if (isIdentifier(k)) out[k] = value(v[k], cx);
      else report(cx, badKey(k), cx.at.slice(0, -1));
      cx.at.pop();
    }
    return out;
  };
}

/** The problems of a tally (answer counts per option): how many, the first with its key, and its copy. */
function tallyOf(o: Obj): { count: number; first: { body: Body; key: string } | undefined; copy: Record<string, number> } {
  let count = 0;
  let first: { body: Body; key: string } | undefined;
  const copy: Record<string, number> = {};
  for (const k of recordKeys(o)) {
    if (k === '__proto__') continue;
    const x = o[k as string];
    let body: Body | undefined;
    if (!isIdentifier(k)) body = badKey(k);
    else if (typeof x === 'number' && Number.isFinite(x)) copy[k] = x;
    else body = wrongType(x, [numberType(x)]);
    if (body) {
      count++;
      first ??= { body, key: String(k) };
    }
  }
  return { count, first, copy };
}

/**
 * An input value (InputValue): yes/no, a finite number, a string of at most 200 characters, or a tally.
 * zod tries the four and, when none takes the value, zodDiagnostics reports one problem: the types
 * when every branch only refused the type; else the first problem of the branch that came closest and
 * took the value's type (the tally's first, or "not a string" when the string branch also found the
 * value too long, whichever has fewer problems, the string branch first on a tie).
 */
export const INPUT_VALUE: Shape = (v, cx) => {
  if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
  // Only the string branch took a string: its problem (too long) is the union's.
  if (typeof v === 'string') {
    lengths(v, undefined, 200, cx);
    return v;
  }
  const tally = isPlainObject(v) ? tallyOf(v) : undefined;
  if (tally && tally.count === 0) return tally.copy;
  const units = v === null || v === undefined ? undefined : (v as { length?: unknown }).length;
  const long = units !== undefined && !((units as number) <= 200);
  if (!tally && !long) report(cx, wrongType(v, ['boolean', numberType(v), 'string', 'object']));
  else if (long && (!tally || tally.count >= 2)) report(cx, wrongType(v, ['string']));
  else report(cx, tally!.first!.body, [...cx.at, tally!.first!.key]);
  return v;
};

/** Check a value against a shape: its problems, and its copy when it has none. */
export function checkShape<T>(shape: Shape, value: unknown, code: ShapeCx['code']): { value: T | undefined; diagnostics: Diagnostic[] } {
  const cx: ShapeCx = { code, at: [], out: [] };
  const copy = shape(value, cx);
  return cx.out.length ? { value: undefined, diagnostics: cx.out } : { value: copy as T, diagnostics: [] };
}
