/**
 * Reading untrusted JSON text: size and depth limits before parsing, exact syntax error positions,
 * forbidden keys, and JSON pointer → line:column mapping for diagnostics.
 */
import { parseTree, findNodeAtLocation, printParseErrorCode, parse as parseLenient, type ParseError } from 'jsonc-parser';
import { diag, type Diagnostic, type ValueKind } from './diagnostics.js';
import { findForbiddenKeys } from './forbidden.js';
import { LIMITS } from './limits.js';

export interface JsonDocument {
  /** The parsed value; undefined when the text is not valid JSON. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Line (1-based) and column (1-based) of the value at a JSON pointer, or of its nearest existing parent. */
  locate(pointer: string): { line: number; column: number } | undefined;
}

/** @internal 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/** @internal Deepest nesting of arrays/objects, scanning outside strings; stops early above `limit`. */
export function nestingDepth(text: string, limit: number): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return { depth: max, offset: i };
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return { depth: max, offset: -1 };
}

function decodePointer(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** The kind of a value that is not an object, for JSON_NOT_OBJECT. */
function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'other';
}

/**
 * Parse JSON text from an untrusted file. Never throws. On any error `value` is undefined and the
 * diagnostics say why and where.
 */
export function readJson(text: string, file?: string, limits: { maxBytes?: number; maxDepth?: number; maxItems?: number } = {}): JsonDocument {
  const maxBytes = limits.maxBytes ?? LIMITS.fileBytes;
  const maxDepth = limits.maxDepth ?? LIMITS.jsonDepth;
  const diagnostics: Diagnostic[] = [];
  let tree: ReturnType<typeof parseTree>;
  let treeBuilt = false;
  let source = text;
  const locate = (pointer: string) => {
    if (!treeBuilt) {
      treeBuilt = true;
      if (source.length > maxBytes || nestingDepth(source, maxDepth).depth > maxDepth) return undefined;
      tree = parseTree(source, [], { disallowComments: true, allowTrailingComma: false });
    }
    if (!tree) return undefined;
    let segments = decodePointer(pointer);
    for (;;) {
      const node = findNodeAtLocation(tree, segments);
      if (node) {
        // Point at the property key when there is one: that is where an editor puts the cursor.
        const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
        return lineColumn(source, at);
      }
      if (segments.length === 0) return undefined;
      segments = segments.slice(0, -1);
    }
  };
  const withFile = (d: Diagnostic): Diagnostic => (file === undefined ? d : { ...d, file });
  // parsed: the text is JSON (so pointers can be located), even when the value is refused.
  const done = (value: unknown, parsed = value !== undefined): JsonDocument => {
    const located = diagnostics.map((d) => {
      const at = d.line === undefined && parsed ? locate(d.path) : undefined;
      return withFile(at ? { ...d, ...at } : d);
    });
    return { value, diagnostics: located, locate };
  };

  const bytes = byteLength(text);
  if (bytes > maxBytes) {
    diagnostics.push(diag('FILE_TOO_LARGE', '', { size: bytes, limit: maxBytes }));
    return done(undefined);
  }
  if (source.charCodeAt(0) === 0xfeff) {
    diagnostics.push({ ...diag('FILE_BOM', '', {}), line: 1, column: 1 });
    source = source.slice(1);
  }
  if (source.trim() === '') {
    diagnostics.push(diag('FILE_EMPTY', '', {}));
    return done(undefined);
  }
  const depth = nestingDepth(source, maxDepth);
  if (depth.depth > maxDepth) {
    diagnostics.push({ ...diag('JSON_TOO_DEEP', '', { limit: maxDepth }), ...lineColumn(source, depth.offset) });
    return done(undefined);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    const errors: ParseError[] = [];
    parseLenient(source, errors, { disallowComments: true, allowTrailingComma: false });
    // The lenient parser names the first problem (e.g. "CommaExpected") and where it is.
    const first = errors[0];
    const offset = first?.offset ?? 0;
    diagnostics.push({ ...diag('JSON_SYNTAX', '', { error: first ? printParseErrorCode(first.error) : 'NotJson', offset }), ...lineColumn(source, offset) });
    return done(undefined);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push({ ...diag('JSON_NOT_OBJECT', '', { found: kindOf(value) }), line: 1, column: 1 });
    return done(undefined);
  }
  const before = diagnostics.length;
  findForbiddenKeys(value, diagnostics, '', limits.maxItems === undefined ? {} : { maxItems: limits.maxItems });
  if (diagnostics.length > before) return done(undefined, true);
  return done(value);
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
