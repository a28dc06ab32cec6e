/**
 * Bilingual messages for the schemas' own checks (a pattern's meaning, e.g. "must be a date written
 * YYYY-MM-DD"). A schema passes the English sentence to zod as its error; the Vietnamese one is kept
 * here, keyed by the English, and ./parse.ts puts it in the diagnostic's messageVi.
 */

const VI = new Map<string, string>();
const BY_PATTERN = new Map<string, [en: string, vi: string]>();

/**
 * @internal A zod error parameter with the English sentence; remembers its Vietnamese translation and,
 * given the regular expression it explains, the sentences for that pattern (the JSON Schema validator
 * of files reports the pattern's source).
 */
export function bilingual(en: string, vi: string, pattern?: RegExp): { error: string } {
  VI.set(en, vi);
  if (pattern) BY_PATTERN.set(pattern.source, [en, vi]);
  return { error: en };
}

/** @internal The Vietnamese translation of a message given with bilingual(), if any. */
export function viOf(en: string): string | undefined {
  return VI.get(en);
}

/** @internal The sentences given with bilingual() for a pattern (its source), if any. */
export function patternSentences(source: string): [en: string, vi: string] | undefined {
  return BY_PATTERN.get(source);
}
