/**
 * Canonical JSON (object keys sorted by code point, no whitespace) and SHA-256, for provenance hashes
 * that do not depend on key order or formatting of the files.
 */
import { nativeSha256 } from './native-sha256.js';
import { sha256Utf8Hex } from './sha256.js';

/** Canonical JSON text of a JSON value: keys sorted, no whitespace. Undefined members are dropped. */
export function canonicalJson(value: unknown): string {
  return write(value);
}

/** `"key":` for object keys, remembered: evidence files repeat the same few keys thousands of times. */
const KEYS = new Map<string, string>();
function keyText(k: string): string {
  let t = KEYS.get(k);
  if (t === undefined) {
    t = JSON.stringify(k) + ':';
    if (KEYS.size < 4096) KEYS.set(k, t);
  }
  return t;
}

/** Characters JSON.stringify writes escaped: quote, backslash, controls, surrogates (lone ones as \\u). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * @internal A string as canonical JSON writes it (what JSON.stringify gives): one with nothing to
 * escape as is between quotes. The evidence fast path writes its strings with it too.
 */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** @internal Whether JSON writes s as it is between quotes (nothing to escape). */
export const writtenAsIs = (s: string): boolean => !NEEDS_ESCAPE.test(s);

function write(v: unknown): string {
  if (v === null) return 'null';
  const type = typeof v;
  if (type === 'string') return jsonString(v as string);
  if (type !== 'object') {
    if (v === undefined) return 'null';
    // Numbers, booleans; whatever JSON.stringify cannot write (a function) writes nothing.
    return JSON.stringify(v) ?? '';
  }
  if (Array.isArray(v)) {
    const n = v.length;
    if (n === 0) return '[]';
    let out = '[' + write(v[0]);
    for (let i = 1; i < n; i++) out += ',' + write(v[i]);
    return out + ']';
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  // Keys with a defined value, sorted by UTF-16 code units as Array.prototype.sort() does (insertion
  // sort: objects have few keys; no two keys are equal).
  let n = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (o[k] === undefined) continue;
    let j = n++;
    while (j > 0 && keys[j - 1]! > k) {
      keys[j] = keys[j - 1]!;
      j--;
    }
    keys[j] = k;
  }
  if (n === 0) return '{}';
  let out = '{';
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (i) out += ',';
    out += keyText(k) + write(o[k]);
  }
  return out + '}';
}

/** Lowercase hex SHA-256 of a string's UTF-8 bytes: Node's native hash in Node, else our own (./sha256.ts, small for the browser bundle); the same hex. */
export function sha256Hex(text: string): string {
  return nativeSha256 ? nativeSha256(text) : sha256Utf8Hex(text);
}

/** SHA-256 of the canonical JSON of a value. */
export function hashJson(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
