/**
 * Reading untrusted JSON text: size and depth limits before parsing, exact syntax error positions,
 * forbidden keys, and JSON pointer → line:column mapping for diagnostics.
 */
import { parseTree, printParseErrorCode, parse as parseLenient, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { Decimal } from './decimal.js';
import { diag, pointerSegment, type Diagnostic, type DiagnosticParams, type ValueKind } from './diagnostics.js';
import { FORBIDDEN_KEYS, findForbiddenKeys } from './forbidden.js';
import { LIMITS } from './limits.js';
import { recordNumberTokens } from './number-tokens.js';

export interface JsonDocument {
  /** The parsed value; undefined when the text is not valid JSON. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Line (1-based) and column (1-based) of the value at a JSON pointer, or of its nearest existing parent. */
  locate(pointer: string): { line: number; column: number } | undefined;
  /**
   * When `value` is undefined only for problems that can be looked past (forbidden, repeated keys,
   * numbers a double cannot hold: LOOK_PAST), the parsed value with its forbidden keys taken out, so
   * that `validate` reports the rest of the file's problems at once. For checking only: the file has
   * errors, and nothing scores it.
   */
  checkable?: unknown;
}

/** The problems of a text JSON.parse accepted, within every limit, past which the rest of it can still be checked. */
const LOOK_PAST: ReadonlySet<string> = new Set(['JSON_FORBIDDEN_KEY', 'JSON_DUPLICATE_KEY', 'JSON_NUMBER_INEXACT']);

/** The value with every forbidden key (an own property JSON.parse made) taken out, everywhere in it. */
function withoutForbiddenKeys(value: unknown): unknown {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) delete (v as Record<string, unknown>)[k];
        else stack.push((v as Record<string, unknown>)[k]);
      }
  }
  return value;
}

/** @internal A function giving the 1-based line and column of an offset: line starts found once, then a binary search. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  };
}

/** @internal 1-based line and column of one offset (for many, use lineIndex). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineIndex(text)(offset);
}

/** A key that repeats an earlier key of the same object. */
export interface DuplicateKey {
  key: string;
  /** JSON pointer of the second key. */
  path: string;
  /** Offsets of the second and of the first key. */
  offset: number;
  firstOffset: number;
}

interface ScanFrame {
  /**
   * An object's keys so far, with their offsets (a list: objects have few keys, and a Map per object
   * was a third of the scan; a Map from SMALL_OBJECT keys on), or null for an array.
   */
  keys: ObjectKeys | null;
  /** In an object: the next string is a key. */
  expectKey: boolean;
  /** The current key of an object, the current index of an array. */
  at: string | number;
}

/** The keys of an object being scanned, in order, and their offsets; `map` once there are many. */
interface ObjectKeys {
  names: string[];
  offsets: number[];
  map: Map<string, number> | null;
}
const SMALL_OBJECT = 16;

/** The offset of a key of the object (the first, when it repeats). */
const keyOffset = (k: ObjectKeys, key: string): number | undefined => (k.map !== null ? k.map.get(key) : k.offsets[k.names.indexOf(key)]);

/** The offset of an earlier equal key of the object, or -1; the key is recorded either way (the first offset kept). */
function seenKey(k: ObjectKeys, key: string, offset: number): number {
  if (k.map !== null) {
    const first = k.map.get(key);
    if (first !== undefined) return first;
    k.map.set(key, offset);
    return -1;
  }
  const i = k.names.indexOf(key);
  if (i >= 0) return k.offsets[i]!;
  k.names.push(key);
  k.offsets.push(offset);
  if (k.names.length > SMALL_OBJECT) k.map = new Map(k.names.map((n, j) => [n, k.offsets[j]!]));
  return -1;
}

/**
 * @internal One pass over JSON text: the deepest nesting of arrays and objects (the scan stops at the
 * first bracket deeper than `maxDepth`) and the keys that repeat one of their object (JSON.parse keeps the
 * last one silently), at most `maxDuplicates`. Linear in the text, whatever it holds; exact for text that
 * JSON.parse accepts (for other text its findings are not used).
 */
export function scanJson(
  text: string,
  maxDepth: number,
  maxDuplicates: number = LIMITS.diagnostics,
): { depth: number; tooDeepAt: number; duplicates: DuplicateKey[]; inexact: InexactNumber[]; grouped: GroupedNumber[] } {
  const stack: ScanFrame[] = [];
  const duplicates: DuplicateKey[] = [];
  const inexact: InexactNumber[] = [];
  const grouped: GroupedNumber[] = [];
  let max = 0;
  /** The next backslash at or after the last key looked at (keys without one are sliced, not unescaped). */
  let backslash = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Whitespace first: an indented file is mostly spaces and line breaks outside its strings.
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (c === 34) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        if (backslash < i) {
          backslash = text.indexOf('\\', i);
          if (backslash < 0) backslash = Infinity;
        }
        const key = backslash < end ? unescapeKey(text.slice(i, end + 1)) : text.slice(i + 1, end);
        const first = seenKey(top.keys, key, i);
        if (first >= 0 && duplicates.length < maxDuplicates) duplicates.push({ key, path: scanPointer(stack, key), offset: i, firstOffset: first });
        top.at = key;
        top.expectKey = false;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      stack.push({ keys: c === 123 ? { names: [], offsets: [], map: null } : null, expectKey: c === 123, at: 0 });
      if (stack.length > max) {
        max = stack.length;
        if (max > maxDepth) return { depth: max, tooDeepAt: i, duplicates, inexact, grouped };
      }
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 45 || (c >= 48 && c <= 57)) {
      const end = numberEnd(text, i);
      if (end - i > 15 && inexact.length < maxDuplicates && !exactAsDouble(text.slice(i, end))) {
        // As every diagnostic at a property: at its key (in an array, at the value itself).
        const top = stack[stack.length - 1];
        const keyAt = top?.keys ? keyOffset(top.keys, top.at as string) : undefined;
        inexact.push({ text: text.slice(i, end), path: valuePointer(stack), offset: keyAt ?? i });
      }
      // "3.000", "1.170": a dot before exactly three digits, as Vietnamese writes thousands (rare: checked only then).
      if (end - i >= 5 && end - i <= 6 && text.charCodeAt(end - 4) === 46 && grouped.length < maxDuplicates && GROUPED.test(text.slice(i, end)))
        grouped.push({ text: text.slice(i, end), path: valuePointer(stack) });
      i = end - 1;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return { depth: max, tooDeepAt: -1, duplicates, inexact, grouped };
}

const GROUPED = /^-?[1-9][0-9]{0,2}\.[0-9]{3}$/;

/** An unquoted number written as Vietnamese writes thousands ("3.000"), which JSON reads as 3. */
export interface GroupedNumber {
  text: string;
  path: string;
}

export { numberTokensOf } from './number-tokens.js';

/** A number in a file that a double cannot hold exactly (JSON.parse would silently round it). */
export interface InexactNumber {
  text: string;
  path: string;
  offset: number;
}

/** Offset just after the number token starting at `start`. */
function numberEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) j++;
    else break;
  }
  return j;
}

/**
 * Does the double JSON.parse makes of this number text have the same decimal value? Short numbers
 * always do (the caller only asks for tokens over 15 characters); 1.9999999999999999 does not (it is 2).
 */
function exactAsDouble(token: string): boolean {
  const n = Number(token);
  if (!Number.isFinite(n)) return false;
  try {
    return new Decimal(token).eq(new Decimal(String(n)));
  } catch {
    return true;
  }
}

/** The pointer of the value the scan is at: the current key of an object, the current index of an array. */
function valuePointer(stack: readonly ScanFrame[]): string {
  let p = '';
  for (let d = 0; d < stack.length; d++) p += '/' + pointerSegment(stack[d]!.at);
  return p;
}

/** Offset of the quote that closes the string opened at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  let q = text.indexOf('"', start + 1);
  while (q >= 0) {
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
  return text.length;
}

function unescapeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

/** The pointer of `key` in the innermost object of the scan stack. */
function scanPointer(stack: readonly ScanFrame[], key: string): string {
  let p = '';
  for (let d = 1; d < stack.length; d++) p += '/' + pointerSegment(stack[d - 1]!.at);
  return p + '/' + pointerSegment(key);
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The kind of a value that is not an object, for JSON_NOT_OBJECT. */
function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'other';
}

/**
 * @internal Line and column of JSON pointers in a text that parses: the syntax tree (jsonc-parser), the
 * line starts and, per object, its properties by key are each built once, on the first look-up, so that
 * locating n diagnostics costs one pass over the text plus n short walks (not n scans of the text).
 */
export function pointerLocator(text: string): (pointer: string) => { line: number; column: number } | undefined {
  let tree: JsonNode | undefined;
  let built = false;
  let at: ((offset: number) => { line: number; column: number }) | undefined;
  const keysOf = new WeakMap<JsonNode, Map<string, JsonNode>>();
  const child = (node: JsonNode, segment: string): JsonNode | undefined => {
    if (node.type === 'array') return /^(0|[1-9][0-9]*)$/.test(segment) ? node.children?.[Number(segment)] : undefined;
    if (node.type !== 'object') return undefined;
    let keys = keysOf.get(node);
    if (!keys) {
      keys = new Map();
      // As JSON.parse: the last of two equal keys wins.
      for (const p of node.children ?? []) if (p.children?.[0] && p.children[1]) keys.set(String(p.children[0].value), p.children[1]);
      keysOf.set(node, keys);
    }
    return keys.get(segment);
  };
  return (pointer) => {
    if (!built) {
      built = true;
      tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
    }
    if (!tree) return undefined;
    let node = tree;
    for (const segment of decodePointer(pointer)) {
      const next = child(node, segment);
      if (!next) break;
      node = next;
    }
    at ??= lineIndex(text);
    // Point at the property key when there is one: that is where an editor puts the cursor.
    return at(node.parent?.type === 'property' ? node.parent.offset : node.offset);
  };
}

/** Look-ups a parsedTextLocator answers by walking the text before it builds the syntax tree. */
const WALKED_LOOKUPS = 8;

/**
 * @internal Line and column of JSON pointers in a text that JSON.parse accepts, the same as
 * pointerLocator's: the first few look-ups walk the text along the pointer only (strings and the members
 * left behind skipped by native searches), a small part of the cost of building the syntax tree, which is
 * most of what locating a file's few warnings costs; after WALKED_LOOKUPS look-ups the tree is built once
 * and answers the rest, so that n diagnostics never cost n scans of a large file.
 */
export function parsedTextLocator(text: string): (pointer: string) => { line: number; column: number } | undefined {
  let lookups = 0;
  let tree: ReturnType<typeof pointerLocator> | undefined;
  let at: ((offset: number) => { line: number; column: number }) | undefined;
  return (pointer) => {
    if (tree || ++lookups > WALKED_LOOKUPS) return (tree ??= pointerLocator(text))(pointer);
    at ??= lineIndex(text);
    return at(offsetAlong(text, decodePointer(pointer)));
  };
}

/** Offset of the value at these segments, or of its nearest existing parent: at its key when it has one. */
function offsetAlong(text: string, segments: readonly string[]): number {
  let value = skipSpace(text, 0);
  let at = value;
  for (const segment of segments) {
    const c = text.charCodeAt(value);
    if (c === 123) {
      const m = memberAt(text, value, segment);
      if (!m) break;
      value = m.value;
      at = m.key;
    } else if (c === 91 && /^(0|[1-9][0-9]*)$/.test(segment)) {
      const e = elementAt(text, value, Number(segment));
      if (e === undefined) break;
      value = e;
      at = e;
    } else break;
  }
  return at;
}

/** The last member of the object opening at `open` with this key (as JSON.parse: the last one wins). */
function memberAt(text: string, open: number, key: string): { key: number; value: number } | undefined {
  let found: { key: number; value: number } | undefined;
  let p = skipSpace(text, open + 1);
  if (text.charCodeAt(p) === 125) return undefined;
  for (;;) {
    const end = stringEnd(text, p);
    const raw = text.slice(p + 1, end);
    const name = raw.includes('\\') ? (JSON.parse(text.slice(p, end + 1)) as string) : raw;
    const value = skipSpace(text, skipSpace(text, end + 1) + 1);
    if (name === key) found = { key: p, value };
    p = skipSpace(text, valueEnd(text, value));
    if (text.charCodeAt(p) !== 44) return found;
    p = skipSpace(text, p + 1);
  }
}

/** Offset of the element `index` of the array opening at `open`. */
function elementAt(text: string, open: number, index: number): number | undefined {
  let p = skipSpace(text, open + 1);
  if (text.charCodeAt(p) === 93) return undefined;
  for (let i = 0; i < index; i++) {
    p = skipSpace(text, valueEnd(text, p));
    if (text.charCodeAt(p) !== 44) return undefined;
    p = skipSpace(text, p + 1);
  }
  return p;
}

/** Offset just after the value starting at `start` (in text JSON.parse accepts). */
function valueEnd(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === 34) return stringEnd(text, start) + 1;
  if (c === 123 || c === 91) {
    const structure = /["[\]{}]/g;
    structure.lastIndex = start;
    let depth = 0;
    for (let m = structure.exec(text); m; m = structure.exec(text)) {
      const d = text.charCodeAt(m.index);
      if (d === 34) structure.lastIndex = stringEnd(text, m.index) + 1;
      else if (d === 123 || d === 91) depth++;
      else if (--depth === 0) return m.index + 1;
    }
    return text.length;
  }
  let j = start;
  while (j < text.length && !DELIMITER.has(text.charCodeAt(j))) j++;
  return j;
}

/** What ends a number, true, false or null: a comma, a closing bracket, JSON whitespace. */
const DELIMITER: ReadonlySet<number> = new Set([44, 93, 125, 32, 9, 10, 13]);

/** The first offset from `i` that is not JSON whitespace. */
function skipSpace(text: string, i: number): number {
  let j = i;
  let c = text.charCodeAt(j);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++j);
  return j;
}

/**
 * Parse JSON text from an untrusted file. Never throws. On any error `value` is undefined and the
 * diagnostics say why and where.
 */
export function readJson(text: string, file?: string, limits: { maxBytes?: number; maxDepth?: number; maxItems?: number } = {}): JsonDocument {
  const maxBytes = limits.maxBytes ?? LIMITS.fileBytes;
  const maxDepth = limits.maxDepth ?? LIMITS.jsonDepth;
  const diagnostics: Diagnostic[] = [];
  let source = text;
  let locator: ReturnType<typeof pointerLocator> | undefined;
  // Pointers are located only in text within the size and depth limits.
  let locatable = false;
  // Text JSON.parse accepted is located by walking it (parsedTextLocator); other text by its syntax tree.
  let parsed = false;
  const locate = (pointer: string) => (locatable ? (locator ??= parsed ? parsedTextLocator(source) : pointerLocator(source))(pointer) : undefined);
  const withFile = (d: Diagnostic): Diagnostic => (file === undefined ? d : { ...d, file });
  const done = (value: unknown): JsonDocument => {
    const located = diagnostics.map((d) => {
      const at = d.line === undefined ? locate(d.path) : undefined;
      return withFile(at ? { ...d, ...at } : d);
    });
    return { value, diagnostics: located, locate };
  };

  // A character is 1 to 3 UTF-8 bytes (a surrogate pair 4 for 2): only text that may be over the limit is counted.
  const bytes = text.length * 3 > maxBytes ? byteLength(text) : text.length;
  if (bytes > maxBytes) {
    diagnostics.push(diag('FILE_TOO_LARGE', '', { size: bytes, limit: maxBytes }));
    return done(undefined);
  }
  if (source.charCodeAt(0) === 0xfeff) {
    diagnostics.push({ ...diag('FILE_BOM', '', {}, 'warning'), line: 1, column: 1 });
    source = source.slice(1);
  }
  if (source.trim() === '') {
    diagnostics.push(diag('FILE_EMPTY', '', {}));
    return done(undefined);
  }
  const scan = scanJson(source, maxDepth);
  if (scan.tooDeepAt >= 0) {
    diagnostics.push({ ...diag('JSON_TOO_DEEP', '', { limit: maxDepth }), ...lineColumn(source, scan.tooDeepAt) });
    return done(undefined);
  }
  locatable = true;
  let value: unknown;
  try {
    value = JSON.parse(source);
    parsed = true;
  } catch {
    const errors: ParseError[] = [];
    parseLenient(source, errors, { disallowComments: true, allowTrailingComma: false });
    // The lenient parser names the first problem (e.g. "CommaExpected") and where it is.
    const first = errors[0];
    const offset = first?.offset ?? 0;
    const vietnamese = vietnameseNumberAt(source, offset);
    if (looksLikeCsv(source)) diagnostics.push(diag('FILE_NOT_JSON', '', { kind: 'csv' }));
    else if (vietnamese) diagnostics.push({ ...diag('JSON_NUMBER_FORM', '', vietnamese.params), ...lineColumn(source, vietnamese.start) });
    else diagnostics.push({ ...diag('JSON_SYNTAX', '', { error: first ? printParseErrorCode(first.error) : 'NotJson', offset }), ...lineColumn(source, offset) });
    return done(undefined);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push({ ...diag('JSON_NOT_OBJECT', '', { found: kindOf(value) }), line: 1, column: 1 });
    return done(undefined);
  }
  const before = diagnostics.length;
  if (scan.duplicates.length > 0 || scan.inexact.length > 0) {
    const at = lineIndex(source);
    for (const d of scan.duplicates) diagnostics.push({ ...diag('JSON_DUPLICATE_KEY', d.path, { key: d.key, firstLine: at(d.firstOffset).line }), ...at(d.offset) });
    for (const n of scan.inexact) diagnostics.push({ ...diag('JSON_NUMBER_INEXACT', n.path, { text: n.text, read: String(Number(n.text)) }), ...at(n.offset) });
  }
  findForbiddenKeys(value, diagnostics, '', limits.maxItems === undefined ? {} : { maxItems: limits.maxItems });
  if (scan.grouped.length > 0) recordNumberTokens(value as object, new Map(scan.grouped.map((g) => [g.path, g.text])));
  const found = diagnostics.slice(before);
  if (found.length === 0) return done(value);
  // The forbidden-key walk stops at LIMITS.diagnostics problems, before it has checked every limit.
  const lookPast = found.length < LIMITS.diagnostics && found.every((d) => LOOK_PAST.has(d.code));
  return lookPast ? { ...done(undefined), checkable: withoutForbiddenKeys(value) } : done(undefined);
}

/**
 * Is text that is not JSON a table of values, as Excel saves one as CSV: it does not open with { or [,
 * and its first lines hold the same number (at least one) of commas, semicolons or tabs?
 */
function looksLikeCsv(text: string): boolean {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return false;
  const lines = t.split(/\r?\n/, 6).filter((l) => l.trim() !== '');
  return [',', ';', '\t'].some((sep) => {
    const counts = lines.slice(0, 5).map((l) => l.split(sep).length - 1);
    return counts[0]! > 0 && (counts.length === 1 ? counts[0]! > 1 : counts.slice(1).some((c) => c === counts[0]));
  });
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A syntax error that is a number written the Vietnamese way without quotes: "42,5" (the parser then
 * asks for a property name after the comma) or "3.000.000" (a second dot): the number and how to write it.
 */
function vietnameseNumberAt(text: string, offset: number): { start: number; params: DiagnosticParams['JSON_NUMBER_FORM'] } | undefined {
  const comma = isDigit(text.charCodeAt(offset)) && text.charCodeAt(offset - 1) === 44 && isDigit(text.charCodeAt(offset - 2));
  const dot = text.charCodeAt(offset) === 46 && isDigit(text.charCodeAt(offset - 1));
  if (!comma && !dot) return undefined;
  let start = comma ? offset - 2 : offset - 1;
  while (start > 0 && (isDigit(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 46)) start--;
  if (text.charCodeAt(start - 1) === 45) start--;
  let end = offset;
  while (end < text.length && (isDigit(text.charCodeAt(end)) || (!comma && (text.charCodeAt(end) === 46 || (text.charCodeAt(end) === 44 && isDigit(text.charCodeAt(end + 1))))))) end++;
  const written = text.slice(start, end);
  if (comma ? !/^-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+),[0-9]+$/.test(written) : !/^-?[0-9]{1,3}(?:\.[0-9]{3}){2,}(?:,[0-9]+)?$/.test(written)) return undefined;
  const suggest = written.replace(/\./g, '').replace(',', '.');
  return { start, params: { text: written, suggest, form: written.includes(',') ? 'decimalComma' : 'thousands' } };
}

/** @internal UTF-8 byte length without needing TextEncoder allocations for ASCII. */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
