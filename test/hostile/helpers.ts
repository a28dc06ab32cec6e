/** Shared fixtures of the hostile-input tests: the conformance set with every rule shape, and its full evidence. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParindexError, type Diagnostic } from '@parindex/rules';
import { compile } from '@parindex/engine';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SET_TEXT = readFileSync(`${ROOT}test/conformance/engine/shapes.set.json`, 'utf8');
export const EVIDENCE_TEXT = readFileSync(`${ROOT}test/conformance/engine/full.evidence.json`, 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = any;
export const set = (): J => JSON.parse(SET_TEXT);
export const evidence = (): J => JSON.parse(EVIDENCE_TEXT);
export const codes = (ds: readonly Diagnostic[]) => [...new Set(ds.map((d) => d.code))].sort();
export const errors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error');

/** The diagnostics compile() throws for a set value, or [] when it compiles. */
export function compileDiagnostics(s: unknown): Diagnostic[] {
  try {
    compile(s);
    return [];
  } catch (e) {
    if (!(e instanceof ParindexError)) throw e;
    return e.diagnostics;
  }
}

/** The text at a diagnostic's line and column. */
function textAt(text: string, d: { line?: number; column?: number }): string {
  if (d.line === undefined || d.column === undefined) return '';
  const line = text.split('\n')[d.line - 1] ?? '';
  return line.slice(d.column - 1);
}

/** Does the line:column of a file diagnostic point at its JSON pointer (the key, or the value of an item)? */
export function pointsAtPath(text: string, d: Diagnostic): boolean {
  const at = textAt(text, d);
  const last = d.path.split('/').pop() ?? '';
  if (d.path === '') return d.line !== undefined;
  if (/^[0-9]+$/.test(last)) return /^[{["0-9tfn-]/.test(at);
  return at.startsWith(JSON.stringify(last.replace(/~1/g, '/').replace(/~0/g, '~')));
}
