/**
 * Bilingual messages for the schemas' own checks (a pattern's meaning, e.g. "must be a date written
 * YYYY-MM-DD"). A schema passes the English sentence to zod as its error; the Vietnamese one is kept
 * here, keyed by the English, and ./parse.ts puts it in the diagnostic's messageVi.
 */

const VI = new Map<string, string>();

/** @internal A zod error parameter with the English sentence; remembers its Vietnamese translation. */
export function bilingual(en: string, vi: string): { error: string } {
  VI.set(en, vi);
  return { error: en };
}

/** @internal The Vietnamese translation of a message given with bilingual(), if any. */
export function viOf(en: string): string | undefined {
  return VI.get(en);
}
