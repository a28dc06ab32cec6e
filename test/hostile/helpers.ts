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

/** Common English words, none of which is a Vietnamese word as parindex writes Vietnamese. */
const ENGLISH_WORDS = new Set(
  // Not "in": it is Vietnamese too (in ra: to print).
  (
    'the and of is are was were be been it its this that these those a an or not no none nor with without for from to on at by into of ' +
    'must should can cannot could may needs need needed has have had lacks gives give got found expected received allowed invalid valid unknown missing ' +
    'file files value values string number numbers input inputs set sets tier tiers criterion criteria document documents point points round rounds ' +
    'appraisal evidence error errors warning option options type date dates period unit list object key keys item items more less than least most ' +
    'between after before above below under up upward uncovered overlap only one two empty equal argument arguments command commands needs'
  ).split(' '),
);

/** Every string in a diagnostic's params (ids, codes, files, user text): data, not words of the sentence. */
function paramStrings(params: unknown): string[] {
  if (typeof params === 'string') return [params];
  if (Array.isArray(params)) return params.flatMap(paramStrings);
  if (params !== null && typeof params === 'object') return Object.values(params).flatMap(paramStrings);
  return [];
}

/** A sentence without what it quotes ("…": keys, ids, values from files), the options it names and its params' data. */
function ownWords(sentence: string, params: unknown): string {
  // The data first: a quote inside a value from a file would otherwise end its quotation early.
  let text = sentence;
  // A value may be shown as JSON (quoted, with its own quotes escaped): take that out too.
  for (const s of paramStrings(params).sort((a, b) => b.length - a.length)) if (s.length > 0) text = text.split(JSON.stringify(s)).join(' ').split(s).join(' ');
  return text.replace(/"[^"]*"/g, ' ').replace(/--[a-z][a-z0-9-]*/gi, ' ');
}

/** The English words of a Vietnamese sentence, outside its quotes, options and data. [] when it is Vietnamese. */
export function englishWordsIn(sentence: string, params: unknown): string[] {
  return ownWords(sentence, params)
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => ENGLISH_WORDS.has(w));
}

/** The Vietnamese letters of an English sentence, outside what it quotes and its params' data. */
export function vietnameseIn(sentence: string, params: unknown): string[] {
  return ownWords(sentence, params).match(/[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/giu) ?? [];
}

/** What a sentence must not hold outside its quotes and data: a placeholder left, a value never given. */
export function unfilledIn(sentence: string, params: unknown): string[] {
  return ownWords(sentence, params).match(/\{[A-Za-z]+\}|undefined|NaN|\[object Object\]/g) ?? [];
}
