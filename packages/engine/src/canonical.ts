/**
 * Canonical JSON (object keys sorted by code point, no whitespace) and SHA-256, for provenance hashes
 * that do not depend on key order or formatting of the files.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** Canonical JSON text of a JSON value: keys sorted, no whitespace. Undefined members are dropped. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  const write = (v: unknown): void => {
    if (v === null || typeof v !== 'object') {
      parts.push(v === undefined ? 'null' : JSON.stringify(v));
      return;
    }
    if (Array.isArray(v)) {
      parts.push('[');
      v.forEach((item, i) => {
        if (i) parts.push(',');
        write(item);
      });
      parts.push(']');
      return;
    }
    const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
    parts.push('{');
    keys.forEach((k, i) => {
      if (i) parts.push(',');
      parts.push(JSON.stringify(k), ':');
      write((v as Record<string, unknown>)[k]);
    });
    parts.push('}');
  };
  write(value);
  return parts.join('');
}

/** Lowercase hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of the canonical JSON of a value. */
export function hashJson(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
