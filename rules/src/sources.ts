/**
 * The citations of a set: every `source` names a public document or says it is a model rule, never a
 * file of a repository; and a quoted bound ("trên 98%", "từ 55% trở lên") is the bound of its tier.
 * Pure text checks over the validated set; the set check `sourceCitations` (./checks.ts) runs them.
 */
import { dec, decText } from './decimal.js';
import { diag, schemaDiag, type Diagnostic } from './diagnostics.js';
import type { Source, Tier } from './primitives.js';
import type { z } from 'zod/mini';

type SourceDef = z.infer<typeof Source>;

/** Extensions of the files a repository holds (docs, data, code); a public document is not cited by them. */
const FILE_EXT = /^[\p{L}\p{N}_./~-]*[\p{L}\p{N}_-]\.(md|markdown|json|jsonc|json5|ts|tsx|js|mjs|cjs|txt|csv|tsv|ya?ml|toml|sh|py)$/iu;
/** A path: ./x, ../x, /x/y, or two slashes between lowercase ASCII names ("rules/sets/model.commune-par"). */
const PATH = /^(?:\.{1,2}\/|~\/|\/[a-z0-9_.-]+\/)|^[a-z][a-z0-9_.-]*(?:\/[a-z0-9_.-]*[a-z][a-z0-9_.-]*){2,}\/?$/;

/**
 * @internal The file or path a text cites, or undefined. Web addresses are left out (a published
 * document may live at one); tokens are split at spaces and punctuation that never belongs to a path.
 */
export function citedFile(text: string): string | undefined {
  for (const raw of text.replace(/\bhttps?:\/\/\S+/giu, ' ').split(/[\s()[\]{}"'“”‘’«»,;:<>|`*]+/u)) {
    const token = raw.replace(/[.!?…]+$/u, '');
    if (token.length < 3) continue;
    if (FILE_EXT.test(token) || PATH.test(token)) return token;
  }
  return undefined;
}

/**
 * The kinds of document a source may name, as the document's own title starts: the administrative
 * documents of Nghị định 30/2020/NĐ-CP (Điều 7), the legal documents of the Law on promulgation of
 * legal documents, and Party documents; with their English names for sets written in English.
 */
const DOCUMENT_KINDS = [
  'hiến pháp',
  'bộ luật',
  'luật',
  'pháp lệnh',
  'lệnh',
  'nghị quyết',
  'nghị định',
  'quyết định',
  'thông tư',
  'chỉ thị',
  'quy chế',
  'quy định',
  'thông cáo',
  'thông báo',
  'hướng dẫn',
  'chương trình',
  'kế hoạch',
  'phương án',
  'đề án',
  'dự án',
  'báo cáo',
  'biên bản',
  'tờ trình',
  'hợp đồng',
  'công văn',
  'công điện',
  'bản ghi nhớ',
  'bản thỏa thuận',
  'bản thoả thuận',
  'kết luận',
  'văn bản',
  'văn kiện',
  'phụ lục',
  'bộ tiêu chí',
  'bộ chỉ số',
  'tiêu chuẩn',
  'law',
  'code',
  'ordinance',
  'resolution',
  'decree',
  'decision',
  'circular',
  'directive',
  'regulation',
  'notice',
  'announcement',
  'guidance',
  'guideline',
  'programme',
  'program',
  'plan',
  'scheme',
  'project',
  'report',
  'official letter',
  'official dispatch',
  'dispatch',
  'conclusion',
  'annex',
  'appendix',
  'standard',
];
/** A document's number and symbol: 257/KH-UBND, 76/NQ-CP, 57-NQ/TW, 186/2025/NĐ-CP. */
const DOCUMENT_NUMBER = /\b[0-9]{1,5}(?:\/[0-9]{4})?[/-]\p{Lu}[\p{Lu}&]*(?:[-/]\p{Lu}[\p{Lu}&]*)*/u;

/** @internal The document names a kind of document (by its first words) or carries a document number. */
export function namesDocument(document: string): boolean {
  const text = document
    .trim()
    .replace(/^["“'‘(]+/u, '')
    .toLocaleLowerCase('vi');
  return DOCUMENT_KINDS.some((k) => text === k || (text.startsWith(k) && /[\s,.:;(–-]/u.test(text.charAt(k.length)))) || DOCUMENT_NUMBER.test(document);
}

/** A bound stated by a document's words: "trên 98%" is min 98 exclusive, "từ 98%" min 98 inclusive … */
export interface QuotedBound {
  side: 'min' | 'max';
  value: string;
  inclusive: boolean;
  /** The words as quoted, e.g. "trên 98%". */
  words: string;
}

const NUM = String.raw`([0-9]+(?:[.,][0-9]+)?)`;
/** Longer phrases first: "không dưới" before "dưới", "từ X đến dưới Y" before "từ X". */
const PHRASES: ReadonlyArray<{ re: RegExp; bounds: (a: string, b?: string) => Array<Omit<QuotedBound, 'words'>> }> = [
  { re: new RegExp(String.raw`từ\s*${NUM}\s*%?\s*(?:đến|tới|-|–)\s*dưới\s*${NUM}`, 'giu'), bounds: (a, b) => [min(a, true), max(b!, false)] },
  { re: new RegExp(String.raw`từ\s*${NUM}\s*%?\s*(?:đến|tới|-|–)\s*${NUM}`, 'giu'), bounds: (a, b) => [min(a, true), max(b!, true)] },
  { re: new RegExp(String.raw`(?:không\s+dưới|không\s+thấp\s+hơn|không\s+ít\s+hơn|tối\s+thiểu(?:\s+là)?(?:\s+từ)?|ít\s+nhất(?:\s+là)?|≥|>=)\s*${NUM}`, 'giu'), bounds: (a) => [min(a, true)] },
  { re: new RegExp(String.raw`(?:không\s+quá|không\s+vượt\s+quá|tối\s+đa(?:\s+là)?|≤|<=)\s*${NUM}`, 'giu'), bounds: (a) => [max(a, true)] },
  { re: new RegExp(String.raw`(?:trên|hơn|vượt|>)\s*${NUM}`, 'giu'), bounds: (a) => [min(a, false)] },
  { re: new RegExp(String.raw`(?:dưới|thấp\s+hơn|ít\s+hơn|<)\s*${NUM}`, 'giu'), bounds: (a) => [max(a, false)] },
  { re: new RegExp(String.raw`${NUM}\s*%?\s*trở\s+xuống`, 'giu'), bounds: (a) => [max(a, true)] },
  { re: new RegExp(String.raw`(?:từ|đạt|bằng)\s*${NUM}`, 'giu'), bounds: (a) => [min(a, true)] },
  // A bare percentage is a target reached from that value: "Phấn đấu 100% …", "85% hồ sơ …".
  { re: new RegExp(String.raw`${NUM}\s*%`, 'gu'), bounds: (a) => [min(a, true)] },
];

function num(text: string): string {
  return decText(dec(text.replace(',', '.')));
}
function min(v: string, inclusive: boolean): Omit<QuotedBound, 'words'> {
  return { side: 'min', value: num(v), inclusive };
}
function max(v: string, inclusive: boolean): Omit<QuotedBound, 'words'> {
  return { side: 'max', value: num(v), inclusive };
}

/** @internal The bounds a quote states, each once, in the order of the text. Words already read by a longer phrase are not read again. */
export function quotedBounds(text: string): QuotedBound[] {
  // A table row is quoted cell by cell, "Tỷ lệ … | % | ≥ 80": its value cell (after the unit cell) is the
  // bound, read as "≥ 80%"; numbers in the other cells ("thời hạn từ 03 ngày") are not bounds of the tier.
  const cells = [...text.matchAll(new RegExp(String.raw`\|\s*%\s*\|\s*((?:≥|≤|>=|<=|>|<)?\s*${NUM})`, 'gu'))];
  const quote = cells.length ? cells.map((m) => `${m[1]}%`).join(' ; ') : text;
  const taken: Array<[number, number]> = [];
  const found: Array<QuotedBound & { at: number }> = [];
  for (const p of PHRASES) {
    for (const m of quote.matchAll(p.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      for (const b of p.bounds(m[1]!, m[2])) found.push({ ...b, words: m[0].trim(), at: start });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const out: QuotedBound[] = [];
  for (const { at: _, ...b } of found) if (!out.some((o) => o.side === b.side && o.value === b.value && o.inclusive === b.inclusive)) out.push(b);
  return out;
}

/** The tier a quote belongs to: `quoteTier`, or the tier with the most points (the first of equals). */
function tierOfQuote(tiers: readonly Tier[], declared: number | undefined): number {
  if (declared !== undefined) return declared;
  let best = 0;
  tiers.forEach((t, i) => {
    if (dec(t.points).gt(dec(tiers[best]!.points))) best = i;
  });
  return best;
}

function boundMatches(t: Tier, b: QuotedBound): boolean {
  const value = b.side === 'min' ? t.min : t.max;
  const inclusive = b.side === 'min' ? t.minInclusive : t.maxInclusive;
  return value !== undefined && dec(value).eq(dec(b.value)) && inclusive === b.inclusive;
}

function checkQuote(source: SourceDef, tiers: readonly Tier[] | undefined, code: string, p: string, out: Diagnostic[]): void {
  // quoteTier without a quote, or on a rule without tiers, points at nothing (tiers: null says so).
  if (source.quote === undefined || !tiers) {
    if (source.quoteTier !== undefined) out.push(diag('SET_SOURCE_QUOTE_TIER', `${p}/quoteTier`, { code, tier: source.quoteTier, tiers: null }));
    return;
  }
  if (source.quoteTier !== undefined && source.quoteTier >= tiers.length) {
    out.push(diag('SET_SOURCE_QUOTE_TIER', `${p}/quoteTier`, { code, tier: source.quoteTier, tiers: tiers.length }));
    return;
  }
  const i = tierOfQuote(tiers, source.quoteTier);
  const t = tiers[i]!;
  const bounds = quotedBounds(source.quote);
  if (bounds.length === 0) out.push(diag('SET_SOURCE_QUOTE_BOUND', `${p}/quote`, { code, tier: i, problem: 'noBound', words: null, side: null, value: null, inclusive: null }));
  for (const b of bounds) {
    if (boundMatches(t, b)) continue;
    out.push(diag('SET_SOURCE_QUOTE_BOUND', `${p}/quote`, { code, tier: i, problem: 'mismatch', words: b.words, side: b.side, value: b.value, inclusive: b.inclusive }));
  }
}

/**
 * A tier's `label` is the plan's own words for it ("Đạt chỉ tiêu: trên 98%"): every bound in the words
 * must be the tier's own, with the same inclusivity. A label without a bound in it says nothing to check.
 */
export function checkTierLabels(tiers: readonly Tier[], code: string, p: string, out: Diagnostic[]): void {
  tiers.forEach((t, i) => {
    if (t.label === undefined) return;
    for (const b of quotedBounds(t.label)) {
      if (boundMatches(t, b)) continue;
      out.push(diag('SET_TIER_LABEL_BOUND', `${p}/${i}/label`, { code, tier: i, words: b.words, side: b.side, value: b.value, inclusive: b.inclusive }));
    }
  });
}

/**
 * One leaf's source: no file or path in any of its texts (the url aside), a document unless the rule is
 * a model, a document named as a document, and a quoted bound that is its tier's.
 */
export function checkSource(source: SourceDef, tiers: readonly Tier[] | undefined, code: string, p: string, out: Diagnostic[]): void {
  for (const key of ['document', 'issuer', 'number', 'article', 'quote', 'note', 'noteEn'] as const) {
    const text = source[key];
    const file = typeof text === 'string' ? citedFile(text) : undefined;
    if (file !== undefined) out.push(diag('SET_SOURCE_CITES_FILE', `${p}/${key}`, { code, file }));
  }
  if (source.document === undefined) {
    if (source.model !== true) out.push(schemaDiag('SET_SCHEMA', `${p}/document`, { issue: 'missing', expected: ['string'], allowed: [] }));
  } else if (!namesDocument(source.document) && citedFile(source.document) === undefined) {
    out.push(diag('SET_SOURCE_NOT_DOCUMENT', `${p}/document`, { code, document: source.document }, 'warning'));
  }
  checkQuote(source, tiers, code, p, out);
}
