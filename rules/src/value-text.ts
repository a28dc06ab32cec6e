/**
 * The one place that reads a value an officer typed as text, for an input of a given type: a string
 * value in a JSON evidence file, a cell of the workbook typed as text. The JSON evidence and the workbook
 * follow the same rules (docs/format.md, "Values written as text"):
 *
 * - yes/no: "có", "x", "yes", "true", "1" are yes; "không", "no", "false", "0" are no (any case);
 * - numbers: the canonical form has a dot ("95.5", "1170"). Vietnamese writing is read where it can mean
 *   only one number, with a hint that says how to write it: "3.000" or "1 170" in a whole count is
 *   3000 (thousands separator), while in a decimal or a percent the dot is the decimal point ("52.125");
 *   "95,5" and "1.234,5" are 95.5 and 1234.5 (decimal comma). Text that reads as two different numbers is
 *   an error that names both: "1,170" (1.17 in Vietnamese, 1170 in English), unless the thousands reading
 *   is above the input's maximum (a percent's is 100: "1,500" is 1.5). A percent may end in "%" ("88%");
 * - dates: "2026-01-15"; the Vietnamese "15/01/2026" (also 15-01-2026, 15.01.2026, 1/2/2026) is read as
 *   2026-01-15 with a hint; a date that does not exist (2026-02-30, 31/04/2026) is "not a real date";
 * - a level: its id, or its label (Vietnamese or English, any case) mapped to its id with a hint;
 * - a tally: the text of one option's answer count, read as a count (the workbook has a cell per option).
 *
 * A workbook cell (`from: 'cell'`) is read by the same rules but one: the workbook asks for numbers as
 * Excel shows them in Vietnamese ("3.000" is three thousand), so in a decimal or a percent a dot before
 * exactly three digits can mean two numbers ("1.170": 1.17 or 1170) and is the ambiguity error, unless
 * the thousands reading is above the input's maximum.
 *
 * A cell of an English workbook (`from: 'cell-en'`) is read in the English convention, the Vietnamese one
 * with the dot and the comma swapped: "1,480" in a count and "18,450.5" are thousands (1480, 18450.5); a
 * single comma or dot before exactly three digits where both readings are possible ("1,480" in a decimal,
 * "1.480" in a count or a decimal) is the ambiguity error; and a decimal comma ("1,5", "86,5%", "1.234,5")
 * is read with the hint EVIDENCE_DECIMAL_COMMA, which the workbook reader turns into an error (its sheet
 * writes decimals with a dot).
 *
 * Range (min, max, atMost) is not checked here: the evidence check does it on the value read.
 * Empty text is no value: the caller leaves the input out (a blank cell) rather than calling this.
 */
import { Decimal, decText } from './decimal.js';
import { isRealDate } from './dates.js';
import { diag, type Diagnostic, type DiagnosticParams } from './diagnostics.js';
import type { InputDef } from './primitives.js';

/** The codes readValueText may report: problems (errors) and hints (warnings: read, but say how to write it). */
export type ValueTextCode =
  | 'EVIDENCE_VALUE_TYPE'
  | 'EVIDENCE_UNKNOWN_OPTION'
  | 'EVIDENCE_NUMBER_AMBIGUOUS'
  | 'EVIDENCE_DATE_NOT_REAL'
  | 'EVIDENCE_THOUSANDS_READ'
  | 'EVIDENCE_DECIMAL_COMMA'
  | 'EVIDENCE_DATE_READ'
  | 'EVIDENCE_LEVEL_BY_LABEL';

/** A problem or hint of a typed value, as data: a code and its params (a diagnostic without its place). */
export type ValueTextProblem = { [C in ValueTextCode]: { code: C; params: DiagnosticParams[C] } }[ValueTextCode];

/**
 * What a text reads as: a boolean, decimal text with a dot ("95.5", "1170"), an ISO date ("2026-01-15")
 * or a level id; `hint` when the text was read but is better written otherwise.
 */
export type ValueTextResult = { ok: true; value: boolean | string; hint?: ValueTextProblem } | { ok: false; problem: ValueTextProblem };

/** A problem or hint as a diagnostic at a place of the file (its severity: the code's). */
export function valueTextDiagnostic(problem: ValueTextProblem, path: string): Diagnostic {
  // The union pairs each code with its params; TypeScript cannot follow the pairing through diag's generic.
  return diag(problem.code, path, problem.params as never) as Diagnostic;
}

const YES = new Set(['có', 'co', 'c', 'x', 'yes', 'y', 'true', '1', 'đúng']);
const NO = new Set(['không', 'khong', 'k', 'no', 'n', 'false', '0', 'sai']);

/** Text as compared with words and labels: NFC, trimmed, spaces collapsed, lower case. */
export function foldText(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
}

const fail = (problem: ValueTextProblem): ValueTextResult => ({ ok: false, problem });
const typeProblem = (text: string, input: InputDef, expected = input.type): ValueTextResult =>
  fail({ code: 'EVIDENCE_VALUE_TYPE', params: { input: input.id, option: null, expected, received: 'string', value: text.length > 40 ? text.slice(0, 40) + '…' : text } });

/** Where a text was typed: a string of a JSON evidence file, a cell of a Vietnamese workbook, or of an English one. */
export type ValueTextSource = 'json' | 'cell' | 'cell-en';

/** Read a value typed as text for an input of the given type. Never throws. */
export function readValueText(text: string, input: InputDef, from: ValueTextSource = 'json'): ValueTextResult {
  const t = text.normalize('NFC').trim();
  switch (input.type) {
    case 'boolean': {
      const w = foldText(t);
      return YES.has(w) ? { ok: true, value: true } : NO.has(w) ? { ok: true, value: false } : typeProblem(text, input);
    }
    case 'level':
      return readLevel(t, input);
    case 'date': {
      const r = readDateText(t, input.id);
      return r.ok || r.problem.code !== 'EVIDENCE_VALUE_TYPE' ? r : typeProblem(text, input);
    }
    case 'count':
    case 'tally':
      return readNumberText(t, input, true, from);
    case 'decimal':
      return readNumberText(t, input, false, from);
    case 'percent': {
      const bare = t.replace(/\s*%$/u, '');
      return readNumberText(bare, input, false, from, text);
    }
  }
}

function readLevel(t: string, input: InputDef): ValueTextResult {
  const options = input.options ?? [];
  if (options.some((o) => o.id === t)) return { ok: true, value: t };
  const w = foldText(t);
  const byLabel = options.filter((o) => foldText(o.label) === w || (o.labelEn !== undefined && foldText(o.labelEn) === w) || o.id === w);
  if (byLabel.length === 1) return { ok: true, value: byLabel[0]!.id, hint: { code: 'EVIDENCE_LEVEL_BY_LABEL', params: { input: input.id, got: t, read: byLabel[0]!.id } } };
  const ids = options.map((o) => o.id);
  const suggest = nearestWord(w, ids);
  return fail({ code: 'EVIDENCE_UNKNOWN_OPTION', params: { value: t, input: input.id, options: ids, ...(suggest !== undefined ? { suggest } : {}) } });
}

const ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const ISO_LOOSE = /^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$/;
const DMY = /^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$/;

/**
 * Read a date typed as text (an input's value, or a document's date when `input` is null): ISO as is,
 * the Vietnamese day/month/year and a loosely written ISO date with a hint, a date that does not exist
 * as EVIDENCE_DATE_NOT_REAL; anything else is EVIDENCE_VALUE_TYPE (expected "date").
 */
export function readDateText(text: string, input: string | null): ValueTextResult {
  const t = text.normalize('NFC').trim();
  const pad = (s: string) => s.padStart(2, '0');
  let iso: string | undefined;
  if (ISO.test(t)) iso = t;
  else {
    const d = DMY.exec(t);
    const l = ISO_LOOSE.exec(t);
    if (d) iso = `${d[3]}-${pad(d[2]!)}-${pad(d[1]!)}`;
    else if (l) iso = `${l[1]}-${pad(l[2]!)}-${pad(l[3]!)}`;
  }
  if (iso === undefined) return fail({ code: 'EVIDENCE_VALUE_TYPE', params: { input: input ?? '', option: null, expected: 'date', received: 'string', value: t.slice(0, 40) } });
  if (!isRealDate(iso)) return fail({ code: 'EVIDENCE_DATE_NOT_REAL', params: { input, got: t } });
  if (iso === t) return { ok: true, value: iso };
  return { ok: true, value: iso, hint: { code: 'EVIDENCE_DATE_READ', params: { input, got: t, read: iso } } };
}

const CANONICAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
/** "3.000", "1.234.567": a dot before exactly three digits, once or more, and no leading zero. */
const DOT_GROUPS = /^-?[1-9][0-9]{0,2}(\.[0-9]{3})+$/;
/** "1,170", "1,234,567": a comma before exactly three digits: 1.17 in Vietnamese, 1170 in English. */
const COMMA_GROUPS = /^-?[1-9][0-9]{0,2}(,[0-9]{3})+$/;
/** Vietnamese with a decimal comma: "95,5", "1.234,5", "0,25". */
const VI_DECIMAL = /^-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),[0-9]+$/;
/** Thousands separated by spaces (a space, a no-break or a narrow no-break space), maybe a decimal comma. */
const SPACE_GROUPS = /^-?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:,[0-9]+)?$/u;

/** English thousands, maybe with decimals after a dot: "1,480", "18,450.5", "1,234,567". */
const EN_GROUPS = /^-?[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]+)?$/;
/** English thousands separated by spaces, maybe with decimals after a dot. */
const EN_SPACE_GROUPS = /^-?[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:\.[0-9]+)?$/u;

/** comma: the decimal reading is a decimal comma (said so when it is the one taken). */
type NumberRead = { text: string; hint?: 'thousands' | 'comma' } | { ambiguous: { thousands: string; decimal: string | null; comma?: true } } | undefined;

/** The number a text typed in a cell of an English workbook means: the Vietnamese rules with the dot and the comma swapped. */
function englishNumberOf(t: string, whole: boolean): NumberRead {
  if (EN_GROUPS.test(t)) {
    const thousands = t.replace(/,/g, '');
    // A count cannot be 1.48, and "1,234,567" or "18,450.5" has no decimal comma: only thousands. In a
    // decimal, "1,480" may be 1480 or the 1.48 a Vietnamese Excel writes so.
    if (whole || t.includes('.') || t.split(',').length > 2) return { text: thousands, hint: 'thousands' };
    return { ambiguous: { thousands, decimal: t.replace(',', '.'), comma: true } };
  }
  // "1.480": 1.48 in English, 1480 as a Vietnamese Excel writes it; "1.234.567" only the latter.
  if (DOT_GROUPS.test(t)) return { ambiguous: { thousands: t.replace(/\./g, ''), decimal: t.split('.').length === 2 ? t : null } };
  if (CANONICAL.test(t)) return { text: t };
  if (EN_SPACE_GROUPS.test(t)) return { text: t.replace(/[ \u00a0\u202f]/gu, ''), hint: 'thousands' };
  if (VI_DECIMAL.test(t)) return { text: t.replace(/\./g, '').replace(',', '.'), hint: 'comma' };
  return undefined;
}

/** The number a text means, if it means one: its canonical text and how it was written. */
function numberOf(t: string, whole: boolean, from: ValueTextSource): NumberRead {
  if (from === 'cell-en') return englishNumberOf(t, whole);
  if (DOT_GROUPS.test(t)) {
    const thousands = t.replace(/\./g, '');
    // A count cannot be 1.17, and "1.234.567" is no decimal: both can only be thousands. In a decimal the
    // dot is the decimal point, as the format writes decimals ("52.125" points as published); in a cell
    // of the workbook, which asks for "3.000", it may be either.
    if (whole || t.split('.').length > 2) return { text: thousands, hint: 'thousands' };
    return from === 'cell' ? { ambiguous: { thousands, decimal: t } } : { text: t };
  }
  if (CANONICAL.test(t)) return { text: t };
  if (COMMA_GROUPS.test(t)) {
    const thousands = t.replace(/,/g, '');
    return { ambiguous: { thousands, decimal: t.split(',').length === 2 ? t.replace(',', '.') : null } };
  }
  if (VI_DECIMAL.test(t)) return { text: t.replace(/\./g, '').replace(',', '.'), hint: 'comma' };
  if (SPACE_GROUPS.test(t)) return { text: t.replace(/[ \u00a0\u202f]/gu, '').replace(',', '.'), hint: 'thousands' };
  return undefined;
}

/** Is the thousands reading above what the input allows (a percent: its max, default 100)? Then only the decimal reading is possible. */
function thousandsAboveMax(thousands: string, input: InputDef): boolean {
  const max = input.max !== undefined ? String(input.max) : input.type === 'percent' ? '100' : undefined;
  return max !== undefined && /^-?[0-9]+(\.[0-9]+)?$/.test(max) && new Decimal(thousands).gt(max);
}

function readNumberText(t: string, input: InputDef, whole: boolean, from: ValueTextSource, original: string = t): ValueTextResult {
  const r = numberOf(t, whole, from);
  if (r === undefined) return typeProblem(original, input, whole ? 'count' : input.type);
  if ('ambiguous' in r && r.ambiguous.decimal !== null && !whole && thousandsAboveMax(r.ambiguous.thousands, input)) {
    const value = decText(new Decimal(r.ambiguous.decimal));
    return r.ambiguous.comma ? { ok: true, value, hint: { code: 'EVIDENCE_DECIMAL_COMMA', params: { input: input.id, got: original.trim(), suggest: value } } } : { ok: true, value };
  }
  if ('ambiguous' in r) {
    const decimal = r.ambiguous.decimal === null ? null : decText(new Decimal(r.ambiguous.decimal));
    return fail({ code: 'EVIDENCE_NUMBER_AMBIGUOUS', params: { input: input.id, got: original.trim(), thousands: r.ambiguous.thousands, decimal } });
  }
  const n = new Decimal(r.text);
  if (whole && !n.isInteger()) return typeProblem(original, input, 'count');
  const value = decText(n);
  if (r.hint === 'thousands') return { ok: true, value, hint: { code: 'EVIDENCE_THOUSANDS_READ', params: { input: input.id, got: original.trim(), read: value } } };
  if (r.hint === 'comma') return { ok: true, value, hint: { code: 'EVIDENCE_DECIMAL_COMMA', params: { input: input.id, got: original.trim(), suggest: value } } };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------------
// The nearest known word, for "did you mean …" in the diagnostics of a typo.

/** Optimal string alignment distance (Levenshtein with transpositions of neighbours), by code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  return rows[x.length]![y.length]!;
}

/**
 * The one candidate nearest to a mistyped word, or undefined when none is near (more than a third of
 * the word's length away, at least 1, at most 3 edits) or two are equally near: a suggestion is given
 * only when it is the only one. Deterministic: the candidates' order does not matter.
 */
export function nearestWord(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor([...word].length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  const length = [...word].length;
  for (const c of new Set(candidates)) {
    // Lengths further apart than the limit are further apart in edits too: skip them without counting.
    if (c === word || Math.abs(c.length - length) > limit + 1) continue;
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance, tie] = [c, d, false];
    else if (d === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= limit && !tie ? best : undefined;
}

/**
 * The criterion code nearest to a mistyped one: first the only code with the same digits ("3.71" and
 * "3.7.1", "37.1" and "3.7.1"), else, for a code of five characters or more, the only one nearest by edits.
 */
export function nearestCode(code: string, codes: readonly string[]): string | undefined {
  const digits = (s: string) => s.replace(/[^0-9A-Za-z]/g, '');
  const same = [...new Set(codes)].filter((c) => c !== code && digits(c) === digits(code));
  if (same.length === 1) return same[0];
  if (same.length > 1) return undefined;
  // One digit changed in a short code ("9.9", "7.9") is another criterion, not a typo worth naming.
  return code.length >= 5 ? nearestWord(code, codes) : undefined;
}
