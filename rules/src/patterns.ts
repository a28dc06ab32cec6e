/**
 * The meaning of each pattern the formats check, as a code (PatternCode). A schema gives the code to
 * zod as the check's error; the code is also remembered by the pattern's source, which is what the
 * JSON Schema validator of files reports. The sentence for each code is in @parindex/explain's locales.
 */
import type { PatternCode } from './diagnostics.js';

const BY_SOURCE = new Map<string, PatternCode>();
const CODES = new Set<string>();

/** @internal The zod error parameter of a pattern check: its meaning's code, remembered by its source. */
export function patternError(code: PatternCode, pattern: RegExp): { error: string } {
  BY_SOURCE.set(pattern.source, code);
  CODES.add(code);
  return { error: code };
}

/** @internal The code a zod issue's message carries, when it is one given with patternError(). */
export function patternCodeOf(message: string | undefined): PatternCode | null {
  return message !== undefined && CODES.has(message) ? (message as PatternCode) : null;
}

/** @internal The code of a pattern by its source (as the JSON Schema validator reports it), if any. */
export function patternCodeBySource(source: string): PatternCode | null {
  return BY_SOURCE.get(source) ?? null;
}
