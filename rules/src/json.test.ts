/**
 * readJson's locating of JSON pointers (one line index and one syntax tree per text, not a scan of the
 * text per diagnostic) and its refusal of duplicate keys, found in the same pass as the nesting depth.
 */
import { diagnosticText } from '../../packages/explain/src/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { pointerSegment } from './diagnostics.js';
import { lineColumn, lineIndex, readJson, scanJson } from './json.js';
import { LIMITS } from './limits.js';
import { walkJsonFiles } from './files.js';
import { validateSetText } from './validate-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The JSON files under a folder, by the project's one folder walk. */
const jsonFiles = (dir: string): string[] => walkJsonFiles(dir).files;

/** jsonc-parser's tree of a text, parsed once for the many pointers looked up in it (the tree is only read). */
const treeOf = (() => {
  let last: { text: string; tree: ReturnType<typeof parseTree> } | undefined;
  return (text: string) => {
    if (last?.text !== text) last = { text, tree: parseTree(text, [], { disallowComments: true, allowTrailingComma: false }) };
    return last.tree;
  };
})();

/**
 * The locating as it was before the line index: jsonc-parser's findNodeAtLocation and a scan from the
 * start (a segment is an index where the value holds an array: the old look-up took "3" for an index
 * everywhere, and fell back to the parent of a key "3").
 */
function locateByScanning(text: string, value: unknown, pointer: string): { line: number; column: number } | undefined {
  const tree = treeOf(text);
  if (!tree) return undefined;
  let segments: Array<string | number> = [];
  let v = value as Record<string, unknown> | undefined;
  for (const s of pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    segments.push(Array.isArray(v) && /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s);
    v = v !== null && typeof v === 'object' ? (v[s] as Record<string, unknown> | undefined) : undefined;
  }
  for (;;) {
    const node = findNodeAtLocation(tree, segments);
    if (node) {
      const offset = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      let line = 1;
      let last = -1;
      for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++, (last = i);
      return { line, column: offset - last };
    }
    if (segments.length === 0) return undefined;
    segments = segments.slice(0, -1);
  }
}

/** Every JSON pointer of a value (containers and leaves), in document order. */
function pointers(value: unknown, at = ''): string[] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${at}/${i}`)));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${at}/${pointerSegment(k)}`));
  return out;
}

describe('locating JSON pointers', () => {
  const files = [...jsonFiles(join(ROOT, 'examples')), ...jsonFiles(join(ROOT, 'rules/sets')), ...jsonFiles(join(ROOT, 'test/conformance/engine'))];

  it('gives the same line and column as before on every fixture of the repository (and for pointers that lead nowhere)', () => {
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const doc = readJson(text, file);
      if (doc.value === undefined) continue;
      const all = pointers(doc.value);
      // Every pointer of a small file; about 150 spread over a large one (the old way scans the text each time).
      const step = Math.max(1, Math.floor(all.length / 150));
      const some = all.filter((_, i) => i % step === 0).concat(['/nope', '/entries/99999/values/x', '/fields/0/nope/1']);
      for (const p of some) {
        expect(doc.locate(p), `${file} ${p}`).toEqual(locateByScanning(text, doc.value, p));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('finds a key that looks like an index in an object (the old look-up fell back to the parent)', () => {
    const doc = readJson('{\n  "values": {\n    "0": 1\n  }\n}');
    expect(doc.locate('/values/0')).toEqual({ line: 3, column: 5 });
  });

  it('maps offsets to lines and columns by binary search, as a scan from the start would', () => {
    const text = 'a\nbc\n\nd\r\ne';
    const at = lineIndex(text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      let line = 1;
      let last = -1;
      const end = Math.max(0, Math.min(offset, text.length));
      for (let i = 0; i < end; i++) if (text[i] === '\n') line++, (last = i);
      expect(at(offset), String(offset)).toEqual({ line, column: end - last });
      expect(lineColumn(text, offset)).toEqual(at(offset));
    }
  });
});

describe('a refused value that can still be checked (checkable)', () => {
  it('past forbidden and repeated keys and inexact numbers: the parsed value, the forbidden keys taken out', () => {
    const doc = readJson('{"a": {"__proto__": {"polluted": 1}, "b": 2}, "constructor": 1, "c": [{"prototype": 0, "d": 1}], "e": 1, "e": 2}');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.map((d) => `${d.code} ${d.path}`).sort()).toEqual([
      'JSON_DUPLICATE_KEY /e',
      'JSON_FORBIDDEN_KEY /a/__proto__',
      'JSON_FORBIDDEN_KEY /c/0/prototype',
      'JSON_FORBIDDEN_KEY /constructor',
    ]);
    expect(doc.checkable).toEqual({ a: { b: 2 }, c: [{ d: 1 }], e: 2 });
    const a = (doc.checkable as { a: object }).a;
    expect(Object.hasOwn(a, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(readJson('{"n": 1.00000000000000000001}').checkable).toEqual({ n: 1 });
  });

  it('a set file past its forbidden key: the set checks too, and it stays refused', () => {
    const set = readFileSync(join(fileURLToPath(new URL('../sets/model.commune-par/2026.json', import.meta.url))), 'utf8');
    const hostile = set.replace('"formatVersion": 1,', '"formatVersion": 1, "constructor": 1,').replace('"status": "model"', '"status": "bogus"');
    const v = validateSetText(hostile, 'set.json');
    expect(v.value).toBeUndefined();
    expect(v.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['JSON_FORBIDDEN_KEY /constructor', 'SET_SCHEMA /status']);
  });

  it('not past a broken limit, a syntax error, or more problems than the diagnostics limit', () => {
    expect(readJson(`{"l": [${'1,'.repeat(LIMITS.arrayItems)}1], "__proto__": 1}`).checkable).toBeUndefined();
    expect(readJson('{"a": 1,').checkable).toBeUndefined();
    expect(readJson('[1]').checkable).toBeUndefined();
    const many = `{${Array.from({ length: LIMITS.diagnostics }, (_, i) => `"o${i}": {"__proto__": 1}`).join(', ')}}`;
    expect(readJson(many).checkable).toBeUndefined();
    expect(readJson('{"a": 1}').checkable).toBeUndefined();
  });
});

describe('duplicate keys', () => {
  const EVIDENCE = '{\n  "formatVersion": 1,\n  "entries": [\n    { "input": "a", "value": 1 },\n    {\n      "criterion": "1.1",\n      "values": { "x": 1, "y": 2, "x": 3 }\n    }\n  ]\n}';

  it('are a coded error at the second key, with the line of the first, and the value is refused', () => {
    const doc = readJson(EVIDENCE, 'ev.json');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics).toMatchObject([{ code: 'JSON_DUPLICATE_KEY', severity: 'error', path: '/entries/1/values/x', file: 'ev.json', line: 7, column: 35, params: { key: 'x', firstLine: 7 } }]);
    expect(EVIDENCE.split('\n')[6]!.slice(34)).toBe('"x": 3 }');
    expect(diagnosticText(doc.diagnostics[0]!, 'vi')).toBe('Khóa "x" xuất hiện hai lần trong cùng một đối tượng (lần đầu ở dòng 7); khi đọc, chỉ lần cuối được giữ mà không báo. Hãy giữ lại một lần.');
  });

  it('compare keys as JSON reads them: "\\u0061" repeats "a"; the same key in two objects, or inside a string, is no repeat', () => {
    expect(readJson('{"a": 1, "\\u0061": 2}').diagnostics.map((d) => [d.code, d.path, d.column])).toEqual([['JSON_DUPLICATE_KEY', '/a', 10]]);
    expect(readJson('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "\\"a\\": 1, \\"a\\": 2"}').diagnostics).toEqual([]);
    expect(readJson('{"k/~": 1, "k/~": 2}').diagnostics.map((d) => d.path)).toEqual(['/k~1~0']);
    // A key with an escaped quote, then the same key again.
    expect(readJson('{"q\\"": 1, "q\\"": 2}').diagnostics.map((d) => d.code === 'JSON_DUPLICATE_KEY' && d.params.key)).toEqual(['q"']);
  });

  it('are reported in every place, each once, up to the diagnostics limit', () => {
    const text = `{"a": 1, "a": 2, "a": 3, "list": [0, {"b": 1, "b": 1}], "many": {${Array.from({ length: 150 }, () => '"z": 0').join(', ')}}}`;
    const found = readJson(text).diagnostics;
    expect(found.slice(0, 3).map((d) => d.path)).toEqual(['/a', '/a', '/list/1/b']);
    expect(found.length).toBe(100);
  });

  it('are found in objects with many keys too, each at its second place with the offset of its first', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`);
    const text = `{\n${keys.join(',\n')},\n"k3": 0,\n"k30": 0\n}`;
    const scan = scanJson(text, 64);
    expect(scan.duplicates.map((d) => [d.key, d.path, d.firstOffset === text.indexOf('"k3"'), d.firstOffset === text.indexOf('"k30"')])).toEqual([
      ['k3', '/k3', true, false],
      ['k30', '/k30', false, true],
    ]);
    expect(readJson(text).diagnostics.map((d) => [d.path, d.line, d.code === 'JSON_DUPLICATE_KEY' && d.params.firstLine])).toEqual([
      ['/k3', 42, 5],
      ['/k30', 43, 32],
    ]);
  });

  it('are refused in a criteria-set file too (before the schema), with the rest of its problems', () => {
    const set = readFileSync(join(ROOT, 'test/conformance/engine/shapes.set.json'), 'utf8');
    const text = set.replace('"formatVersion": 1,', '"formatVersion": 1,\n  "formatVersion": 1,');
    expect(text).not.toBe(set);
    const found = validateSetText(text, 'set.json');
    expect(found.value).toBeUndefined();
    const errors = found.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.path, d.line, d.column])).toEqual([['JSON_DUPLICATE_KEY', '/formatVersion', 4, 3]]);
    // The set's own warnings, as the file without the repeat has them.
    expect(found.diagnostics.length - errors.length).toBe(validateSetText(set).diagnostics.length);
  });

  it('are found by a scan that is linear in the text, whatever it holds', () => {
    // Keys with backslashes far apart, unterminated strings, closers without openers: no throw, one pass.
    expect(scanJson('{"a\\"": "' + '\\\\'.repeat(1000) + '", "b": ]]]}}} "open', 64).duplicates).toEqual([]);
    expect(scanJson('['.repeat(70), 64)).toMatchObject({ depth: 65, tooDeepAt: 64 });
  });
});
