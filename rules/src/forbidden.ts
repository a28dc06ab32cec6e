/**
 * Forbidden keys and size limits of a parsed value (or of a value that never was text), checked before
 * any schema sees it. Kept apart from ./json.ts so that code validating values (the engine in a
 * browser) does not carry the JSON text parser.
 */
import { diag, type Diagnostic } from './diagnostics.js';
import { LIMITS } from './limits.js';

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * @internal Walk a parsed value (or a value that never was text) for forbidden keys and for the size
 * limits — nesting depth, items per list, properties per object, characters per string, values in all —
 * before any schema does expensive work on it; report each problem with its pointer. Iterative, so a
 * deep or cyclic value cannot overflow the stack (a cycle is reported as too deep).
 */
export function findForbiddenKeys(value: unknown, out: Diagnostic[], path = '', limits: { maxItems?: number } = {}): void {
  const maxItems = limits.maxItems ?? LIMITS.arrayItems;
  interface Frame {
    v: unknown;
    key: string | number | null;
    parent: Frame | null;
    depth: number;
  }
  const where = (f: Frame): string => {
    let p = '';
    for (let x: Frame | null = f; x && x.key !== null; x = x.parent) p = `/${String(x.key).replace(/~/g, '~0').replace(/\//g, '~1')}${p}`;
    return path + p;
  };
  const before = out.length;
  const report = (d: Diagnostic): boolean => {
    out.push(d);
    // Enough to say what is wrong; a hostile file must not produce millions of diagnostics.
    return out.length - before >= LIMITS.diagnostics;
  };
  const tooLong = (s: string, f: Frame): boolean => s.length > LIMITS.textLength && report(diag('LIMIT_EXCEEDED', where(f), { what: 'textCharacters', count: s.length, limit: LIMITS.textLength }));
  let values = 0;
  const stack: Frame[] = [{ v: value, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    const v = f.v;
    if (++values > LIMITS.jsonValues) {
      // Counting stops here: the file has more values than the limit, how many more is not known.
      report(diag('LIMIT_EXCEEDED', path, { what: 'fileValues', count: null, limit: LIMITS.jsonValues }));
      return;
    }
    if (typeof v === 'string') {
      if (tooLong(v, f)) return;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const depth = f.depth + 1;
    if (depth > LIMITS.jsonDepth) {
      if (report(diag('JSON_TOO_DEEP', where(f), { limit: LIMITS.jsonDepth }))) return;
      continue;
    }
    if (Array.isArray(v)) {
      if (v.length > maxItems) {
        if (report(diag('LIMIT_EXCEEDED', where(f), { what: 'listItems', count: v.length, limit: maxItems }))) return;
        continue;
      }
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], key: i, parent: f, depth });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > LIMITS.objectKeys) {
      if (report(diag('LIMIT_EXCEEDED', where(f), { what: 'objectProperties', count: keys.length, limit: LIMITS.objectKeys }))) return;
      continue;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const child: Frame = { v: undefined, key: k, parent: f, depth };
      if (FORBIDDEN_KEYS.has(k)) {
        if (report(diag('JSON_FORBIDDEN_KEY', where(child), { key: k }))) return;
        continue;
      }
      if (tooLong(k, child)) return;
      child.v = (v as Record<string, unknown>)[k];
      stack.push(child);
    }
  }
}
