/**
 * Canonical JSON (object keys sorted by code point, no whitespace) and SHA-256, for provenance hashes
 * that do not depend on key order or formatting of the files.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

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

function write(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    if (v === undefined) return 'null';
    // Strings, numbers, booleans; whatever JSON.stringify cannot write (a function) writes nothing.
    return JSON.stringify(v) ?? '';
  }
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      if (i) out += ',';
      out += write(v[i]);
    }
    return out + ']';
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (o[keys[i]!] !== undefined) keys[n++] = keys[i]!;
  keys.length = n;
  keys.sort();
  let out = '{';
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (i) out += ',';
    out += keyText(k) + write(o[k]);
  }
  return out + '}';
}

interface NodeHash {
  update(data: string, encoding: 'utf8'): NodeHash;
  digest(encoding: 'hex'): string;
}
type CreateHash = (algorithm: 'sha256') => NodeHash;

/**
 * Node's native SHA-256 when the engine runs in Node (no import: the engine bundles for browsers as
 * is), else @noble/hashes. Both hash the UTF-8 bytes of the text (lone surrogates as U+FFFD), so the
 * hex is the same.
 */
const nativeCreateHash: CreateHash | undefined = (() => {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = proc?.getBuiltinModule?.('crypto') as { createHash?: CreateHash } | undefined;
    return typeof mod?.createHash === 'function' ? mod.createHash : undefined;
  } catch {
    return undefined;
  }
})();

/** Lowercase hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  if (nativeCreateHash) return nativeCreateHash('sha256').update(text, 'utf8').digest('hex');
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of the canonical JSON of a value. */
export function hashJson(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
