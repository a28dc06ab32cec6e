/**
 * Diagnostics in words. A diagnostic is data ({ code, severity, path, params }); its sentence is built
 * here from the locale module of the language (./locales/vi/diagnostics.ts, ./locales/en/diagnostics.ts),
 * each typed so that every code has a sentence taking exactly that code's params. The Formatter gives
 * the sentences numbers, dates, plurals and lists as the language writes them.
 */
import type { Diagnostic, DiagnosticCode, DiagnosticParams, ParamScalar, SchemaIssue } from '@parindex/rules';
import { diagnosticsEn } from './locales/en/diagnostics.js';
import { diagnosticsVi } from './locales/vi/diagnostics.js';
import { formatDate, formatNumber, type Lang } from './numbers.js';

/** How a language writes the values a sentence quotes. */
export interface Formatter {
  readonly lang: Lang;
  /** A decimal (exact text) or count: 89,95 and 1.170 in Vietnamese, 89.95 and 1,170 in English; other text as it is. */
  num(value: string | number): string;
  /** A YYYY-MM-DD date: dd/mm/yyyy in Vietnamese, as written in English. */
  date(iso: string): string;
  /** A number and its noun: "1 point", "2 points" (English); Vietnamese nouns have no plural ("2 điểm"). */
  count(n: string | number, one: string, many?: string): string;
  /** Items joined as the language lists them: "a, b and c" / "a, b và c" (or: "or" / "hoặc"). */
  list(items: readonly string[], last: 'and' | 'or'): string;
  /** A literal from a file or a format as it is typed: strings in double quotes, numbers as numbers. */
  literal(value: ParamScalar): string;
}

/** The sentences of one language: one function per code, over exactly that code's params. */
export type DiagnosticSentences = { readonly [C in DiagnosticCode]: (p: DiagnosticParams[C], f: Formatter) => string };

/** The schema issues that are rules of the formats (not shapes a schema checks): each has its own sentence. */
export type FormatRuleIssue = Exclude<
  SchemaIssue,
  { issue: 'type' | 'missing' | 'value' | 'tooBig' | 'tooSmall' | 'pattern' | 'format' | 'multipleOf' | 'unknownKeys' | 'key' | 'noForm' | 'element' | 'invalid' }
>;

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
const WORDS: Record<Lang, { and: string; or: string }> = { vi: { and: 'và', or: 'hoặc' }, en: { and: 'and', or: 'or' } };

/** The formatter of a language. */
export function formatter(lang: Lang): Formatter {
  const num = (value: string | number) => {
    const text = String(value);
    return DECIMAL.test(text) ? formatNumber(text, lang) : text;
  };
  return {
    lang,
    num,
    date: (iso) => formatDate(iso, lang),
    count(n, one, many = `${one}s`) {
      const plural = lang === 'en' && Math.abs(Number(n)) !== 1;
      return `${num(n)} ${plural ? many : one}`;
    },
    list(items, last) {
      if (items.length <= 1) return items[0] ?? '';
      return `${items.slice(0, -1).join(', ')} ${WORDS[lang][last]} ${items[items.length - 1]}`;
    },
    literal: (value) => (typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? num(value) : String(value)),
  };
}

const FORMATTERS: Record<Lang, Formatter> = { vi: formatter('vi'), en: formatter('en') };
const SENTENCES: Record<Lang, DiagnosticSentences> = { vi: diagnosticsVi, en: diagnosticsEn };

/** The sentence of a diagnostic in a language (Vietnamese by default, as parindex speaks). */
export function diagnosticText(d: Diagnostic, lang: Lang = 'vi'): string {
  // Indexing the record by a union of codes loses the pairing of code and params that `Diagnostic`
  // carries; every entry is typed by its code above, so the call is sound.
  const say = SENTENCES[lang][d.code] as (p: Diagnostic['params'], f: Formatter) => string;
  return say(d.params, FORMATTERS[lang]);
}
