/**
 * Which unit codes are one unit, for ranking (`parindex rank` and POST /v1/rank): a unit given twice
 * is ranked once, however its code is spelt.
 */
import { diag, type Diagnostic, type DiagnosticParams } from './deps.js';

type Params = DiagnosticParams['RANK_APPRAISAL_UNUSED'];
/** Why rank leaves an appraisal unused: RANK_APPRAISAL_UNUSED's params without the unit (each variant). */
export type AppraisalUnusedWhy = Params extends infer P ? (P extends unknown ? Omit<P, 'unit'> : never) : never;

/** Letters of other scripts that look like Latin ones (after case folding), and the Latin letter; ð looks like đ. */
const LOOKALIKES = ['авекмнорстхуіјѕһԁԛԝαβεζηικμνορτυχıð', 'abekmhopctxyijshdqwabezhikmnoptyxiđ'] as const;
const LOOKALIKE = new Map([...LOOKALIKES[0]].map((c, i) => [c, LOOKALIKES[1][i]!]));
const LOOKALIKE_RE = new RegExp(`[${LOOKALIKES[0]}]`, 'gu');

const PLAIN_CODE = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * A unit code as rank compares it: "HP-VINHBAO", "hp-vinhbao ", "HP\u2011VINHBAO" (a non-breaking
 * hyphen), "HP-VINHBAO\u200b" (a zero-width space) and "HP-V\u0406NHBAO" (a Cyrillic I) are the same
 * unit. Compatibility forms composed (NFKC: full-width letters, no-break spaces), invisible format
 * characters (\p{Cf}) removed, dashes made '-', spaces collapsed and trimmed, case folded, look-alike
 * letters made Latin.
 */
export function unitKey(code: string): string {
  // Printable ASCII words one space apart (nearly every code): none of the steps below changes it but the case.
  if (PLAIN_CODE.test(code)) return code.toLowerCase();
  return code
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Pd}\u2212\u2043\u02d7]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
    .replace(LOOKALIKE_RE, (c) => LOOKALIKE.get(c)!);
}

/** A code with every character outside printable ASCII written as \u{…}, so that two spellings can be told apart. */
export function visibleCode(code: string): string {
  let out = '';
  for (const ch of code) {
    const c = ch.codePointAt(0)!;
    out += c >= 0x20 && c < 0x7f && ch !== '\\' ? ch : `\\u{${c.toString(16).toUpperCase().padStart(4, '0')}}`;
  }
  return out;
}

/** Where a unit left out as a repeat is ranked from: the `first` of its RANK_DUPLICATE_UNIT, else undefined. */
export function rankedInstead(diagnostics: readonly Diagnostic[]): string | undefined {
  const d = diagnostics.find((x) => x.code === 'RANK_DUPLICATE_UNIT');
  return d && (d.params as { first: string }).first;
}

/**
 * A unit already ranked from `first.place` (a file, or a place in a request's body) under `first.code`:
 * RANK_DUPLICATE_UNIT, and RANK_UNIT_LOOKALIKE when it was spelt another way. Paths are of the unit's evidence.
 */
export function duplicateUnit(code: string, first: { place: string; code: string }): Diagnostic[] {
  const found: Diagnostic[] = [diag('RANK_DUPLICATE_UNIT', '/unit/code', { unit: visibleCode(code), first: first.place })];
  if (code !== first.code) found.push(diag('RANK_UNIT_LOOKALIKE', '/unit/code', { unit: visibleCode(code), first: visibleCode(first.code), file: first.place }, 'warning'));
  return found;
}
