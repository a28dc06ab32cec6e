/**
 * The zod-free checks of evidence and appraisal files (shape-check.ts) against their oracle, the zod
 * schemas (evidence-zod.ts, appraisal-zod.ts) through zodDiagnostics: for random hostile edits of the
 * example files, and for a fixed case of every shape of problem, the same diagnostics (codes, pointers,
 * params with their key order, severity, order) and, for a valid file, the same copy (keys in the same
 * order, a present undefined member kept). PARINDEX_FUZZ_RUNS (test:fuzz-long) runs more edits.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenKeysPublic, LIMITS, PARSE_OPTIONS, zodDiagnostics, type Diagnostic } from './deps.js';
import { Appraisal } from './appraisal-zod.js';
import { parseAppraisal } from './appraisal.js';
import { Evidence } from './evidence-zod.js';
import { checkEvidenceShape, parseEvidence } from './evidence.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8')) as Record<string, unknown>;
const EVIDENCE_FILES = ['dai-son', 'kien-tho', 'nguyen-luong-bang', 'tran-lieu', 'vinh-bao'].map((d) => read(`examples/${d}/par-2026.json`));
const APPRAISAL_FILE = read('examples/vinh-bao/appraisal-2026.json');
const LONG = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0);
const RUNS = LONG > 0 ? Math.max(1, Math.floor(LONG / 10)) : 350;

const hasSymbolKey = (v: unknown): boolean => v !== null && typeof v === 'object' && (Object.getOwnPropertySymbols(v).length > 0 || Object.values(v).some(hasSymbolKey));
const fastPathCorner = (v: unknown) => hasSymbolKey(v);

type Parsed = { value: unknown; diagnostics: Diagnostic[] };

/** The zod oracle: forbidden keys first, then the schema, its issues through zodDiagnostics. */
function oracle(schema: typeof Evidence | typeof Appraisal, code: 'EVIDENCE_SCHEMA' | 'APPRAISAL_SCHEMA', value: unknown): Parsed {
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeysPublic(value, diagnostics);
  if (diagnostics.length) return { value: undefined, diagnostics };
  const parsed = schema.safeParse(value, PARSE_OPTIONS);
  return parsed.success ? { value: parsed.data, diagnostics: [] } : { value: undefined, diagnostics: zodDiagnostics(parsed.error, code) };
}

/** JSON text that also shows a present undefined member and a non-finite number (JSON.stringify would drop or null them). */
const exact = (r: Parsed) => JSON.stringify(r, (_k, v: unknown) => (v === undefined ? '<undefined>' : typeof v === 'number' && !Number.isFinite(v) ? `<${v}>` : v));

function sameAsZodEvidence(value: unknown): Parsed {
  const want = exact(oracle(Evidence, 'EVIDENCE_SCHEMA', value));
  const got = checkEvidenceShape(value);
  expect(exact(got)).toBe(want);
  // With the fast path in front (parseEvidence) the answer is the same, but for one corner the fast
  // path had before the zod-free checks, and keeps (its output is not changed here): it reads records
  // with for…in, which does not see a symbol key (JSON has none, and the evidence hash ignores one).
  if (!fastPathCorner(value)) expect(exact(parseEvidence(value))).toBe(want);
  return got;
}

function sameAsZodAppraisal(value: unknown): Parsed {
  const got = parseAppraisal(value);
  expect(exact(got)).toBe(exact(oracle(Appraisal, 'APPRAISAL_SCHEMA', value)));
  return got;
}

// ---------------------------------------------------------------------------------------------------
// Hostile edits

/** Strings near every limit of the formats (200, 500, 2000, 10000 …), in ASCII and in astral characters (two UTF-16 units each). */
const longStrings = [40, 41, 100, 101, 200, 201, 500, 501, 1000, 1001, 2000, 2001, 10_000, 10_001].flatMap((n) => ['a'.repeat(n), '😀'.repeat(n), 'ư'.repeat(n - 1) + '😀']);
/** An object with a length, as zod's length checks read it on any value. */
const lengthy = [{ length: 0 }, { length: 1 }, { length: 300 }, { length: 20_000 }, { length: 'x' }, { length: null }, { length: 300, Bad: 1 }, { length: 300, a: 'x', b: null }];
const scalars = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1,
  2,
  1.5,
  1e21,
  5e-324,
  '',
  'x',
  '1',
  '1,5',
  '0.25',
  '01',
  '-0',
  '2026-02-30',
  '2026-13-01',
  '15/01/2026',
  '2026-01-15',
  'ABC',
  'A1',
  '1.2.3',
  'B1',
  'x_input',
  'commune',
  'appraisal',
  'answer',
  'model.commune-par@2026',
  'a'.repeat(64),
  'f'.repeat(64),
  'F'.repeat(64),
];
const objects = [
  [],
  [1],
  ['a'],
  [{}],
  [[]],
  new Array(201).fill(1),
  new Array(300).fill('x'),
  new Array(5001).fill(0),
  {},
  { a: 1 },
  { Bad: 1 },
  { a: 'x' },
  { a: 'x', b: 'y' },
  { a: 'x', Bad: 1 },
  { Bad: 1, a: 'x' },
  { 1: 1 },
  { a: {} },
  { a: [] },
  { a: null },
  { a: 1, b: true },
];
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...scalars, ...objects, ...lengthy) },
  { weight: 2, arbitrary: fc.constantFrom(...longStrings) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), fc.string({ maxLength: 4 })), fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null)), { maxKeys: 4 }),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
/** Keys an edit may add: the formats' own (in the wrong place), unknown ones, forbidden ones. */
const addedKey = fc.constantFrom('extra', 'Extra', 'criterion', 'values', 'value', 'unit', 'items', 'rounds', 'length', '0', '__proto__', 'constructor', 'prototype', 'toString', '', 'a/b~c');

type Edit =
  | { op: 'set'; path: number[]; value: unknown }
  | { op: 'field'; path: number[]; key: string; value: unknown }
  | { op: 'delete'; path: number[] }
  | { op: 'add'; path: number[]; key: string; value: unknown }
  | { op: 'wrap'; path: number[] }
  | { op: 'many'; path: number[]; times: number };

const path = fc.array(fc.nat(1000), { maxLength: 6 });
/** A field of an entry, a document, an appraisal item or a record of values, where the unions and records are. */
const field = fc.constantFrom('value', 'values', 'claimedPoints', 'points', 'documents', 'criterion', 'input', 'reason', 'date', 'for', 'sha256', 'a_b', 'online_payments', 'Bad');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), path, value: hostileValue }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('field' as const), path, key: field, value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), path, key: addedKey, value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), path }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('many' as const), path, times: fc.integer({ min: 2, max: 300 }) }) },
);

type Node = Record<string | number, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object';

/** The place a path of choices leads to: each choice picks a key (or an index) of the value there. */
function locate(root: Node, choices: readonly number[]): { parent: Node; key: string | number } | undefined {
  let parent: Node | undefined;
  let key: string | number | undefined;
  let at: unknown = root;
  for (const c of choices) {
    if (!isNode(at)) break;
    const keys: Array<string | number> = Array.isArray(at) ? at.map((_, i) => i) : Object.keys(at);
    if (keys.length === 0) break;
    parent = at;
    key = keys[c % keys.length]!;
    at = at[key];
  }
  return parent && key !== undefined ? { parent, key } : undefined;
}

/** The object a path of choices leads to, going only through objects and lists (an entry, a document, a record of values …). */
function locateObject(root: Node, choices: readonly number[]): Node {
  let at: Node = root;
  let object = root;
  for (const c of choices) {
    const inner = (Array.isArray(at) ? at : Object.values(at)).filter(isNode);
    if (inner.length === 0) break;
    at = inner[c % inner.length]!;
    if (!Array.isArray(at)) object = at;
  }
  return object;
}

/** Apply an edit in place: set, delete, add a key, wrap in a list, or repeat a list's item many times. */
function apply(root: Node, e: Edit): void {
  const place = locate(root, e.path);
  if (e.op === 'add' || e.op === 'field') {
    const target = e.op === 'field' ? locateObject(root, e.path) : place ? place.parent[place.key] : root;
    // A key of the object there (defined, so that "__proto__" is an own key as JSON.parse makes it); a copy of the value, the arbitrary's own is shared.
    if (isNode(target) && !Array.isArray(target)) Object.defineProperty(target, e.key, { value: structuredClone(e.value), enumerable: true, writable: true, configurable: true });
    return;
  }
  if (!place) return;
  const { parent, key } = place;
  if (e.op === 'set') parent[key] = structuredClone(e.value);
  else if (e.op === 'delete') delete parent[key];
  else if (e.op === 'wrap') parent[key] = [parent[key]];
  else if (Array.isArray(parent)) parent.splice(Number(key), 0, ...Array.from({ length: e.times }, () => structuredClone(parent[key])));
}

const edited = (file: Node, edits: readonly Edit[]) => {
  const copy = structuredClone(file);
  for (const e of edits) apply(copy, e);
  return copy;
};

describe('evidence: the zod-free checks give what zod gives', () => {
  it('for the example files (valid: the same copy)', () => {
    for (const e of EVIDENCE_FILES) expect(sameAsZodEvidence(e).diagnostics).toEqual([]);
  });

  it('for random hostile edits of the example files', () => {
    let invalid = 0;
    fc.assert(
      fc.property(fc.nat(EVIDENCE_FILES.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
        if (sameAsZodEvidence(edited(EVIDENCE_FILES[which]!, edits)).diagnostics.length) invalid++;
      }),
      { numRuns: RUNS },
    );
    // Most edits break the file: the checks were compared on their problems, not only on valid files.
    expect(invalid).toBeGreaterThan(RUNS / 2);
  });
});

describe('appraisal: the zod-free checks give what zod gives', () => {
  it('for the example file', () => {
    expect(sameAsZodAppraisal(APPRAISAL_FILE).diagnostics).toEqual([]);
  });

  it('for random hostile edits of the example file', () => {
    let invalid = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        if (sameAsZodAppraisal(edited(APPRAISAL_FILE, edits)).diagnostics.length) invalid++;
      }),
      { numRuns: RUNS },
    );
    expect(invalid).toBeGreaterThan(RUNS / 2);
  });
});

// ---------------------------------------------------------------------------------------------------
// Fixed cases: every shape of problem, the unions' choices, and values that never were JSON

class Instance {
  a = 1;
}
const withSymbol = (o: object) => Object.assign(o, { [Symbol('s')]: 1 });
const hidden = (o: object, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: false });
const inherited = (proto: object, own: object) => Object.assign(Object.create(proto) as object, own);
const bare = (own: object) => Object.assign(Object.create(null) as object, own);

/** Values for a field: each case a JSON value or not, as an API caller may pass them. */
const FIELD_CASES: unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  10n,
  Symbol('x'),
  () => 1,
  'a'.repeat(201),
  '😀'.repeat(200),
  '😀'.repeat(201),
  '',
  '1,5',
  new Array(201).fill(1),
  new Array(10_001).fill(1),
  [],
  [undefined],
  { length: 300, Bad: 1 },
  { length: 300, Bad: 1, Cad: 2 },
  { length: 300, a: 'x', b: 'y' },
  { length: 300, a: 'x' },
  { length: 'x' },
  { length: null },
  { length: 0 },
  { a: 'x' },
  { a: undefined },
  { a: Number.NaN },
  { Bad: 1, a: 'x' },
  { a: 'x', Bad: 1 },
  { 12: 1 },
  withSymbol({ a: 1 }),
  withSymbol({}),
  hidden({ a: 1 }, 'Bad', 'x'),
  inherited({ extra: 1 }, { a: 1 }),
  inherited({ constructor: 5 }, { a: 1 }),
  bare({ a: 1, b: 'x' }),
  new Instance(),
  new Date(0),
  new Map([['a', 1]]),
];

const ENTRY_FIELDS = ['value', 'values', 'claimedPoints', 'documents', 'criterion', 'input', 'note'];
const EVIDENCE_FIELDS = ['$schema', 'formatVersion', 'sample', 'criteriaSet', 'unit', 'period', 'preparedBy', 'entries'];

describe('fixed cases: the same diagnostics as zod, value by value', () => {
  const base = EVIDENCE_FILES[4]!;
  it('in every field of an entry, of a document, of a record of values, and of the file', () => {
    for (const v of FIELD_CASES) {
      for (const key of ENTRY_FIELDS) {
        const e = structuredClone(base) as { entries: Node[] };
        e.entries[0]![key] = v;
        sameAsZodEvidence(e);
      }
      const e = structuredClone(base) as { entries: Array<{ values?: Node; documents?: Node[] }>; unit: Node; period: Node };
      e.entries[1]!.values = { a_b: v, c: 1 };
      e.entries.find((x) => x.documents?.length)!.documents![0]!.date = v;
      e.unit.level = v;
      e.period.to = v;
      sameAsZodEvidence(e);
      for (const key of EVIDENCE_FIELDS) sameAsZodEvidence({ ...structuredClone(base), [key]: v });
      // The whole file.
      sameAsZodEvidence(v);
    }
  });

  it('in every field of an appraisal, of a round and of an item', () => {
    for (const v of FIELD_CASES) {
      for (const key of ['$schema', 'formatVersion', 'criteriaSet', 'evidence', 'rounds']) sameAsZodAppraisal({ ...structuredClone(APPRAISAL_FILE), [key]: v });
      for (const key of ['id', 'kind', 'label', 'date', 'items']) {
        const a = structuredClone(APPRAISAL_FILE) as { rounds: Node[] };
        a.rounds[0]![key] = v;
        sameAsZodAppraisal(a);
      }
      for (const key of ['criterion', 'values', 'points', 'reason', 'by']) {
        const a = structuredClone(APPRAISAL_FILE) as { rounds: Array<{ items: Node[] }> };
        a.rounds[0]!.items[0]![key] = v;
        sameAsZodAppraisal(a);
      }
      sameAsZodAppraisal(v);
    }
  });

  it('lists at and over their limits: documents, entries, rounds, items', () => {
    const e = structuredClone(base) as { entries: Node[] };
    e.entries[0]!.documents = new Array(200).fill({});
    expect(sameAsZodEvidence(e).diagnostics).toEqual([]);
    e.entries[0]!.documents = new Array(201).fill({ bad: 1 });
    expect(sameAsZodEvidence(e).diagnostics.map((d) => [d.path, d.params])).toEqual([
      ['/entries/0/documents', { field: 'documents', item: null, issue: 'tooBig', origin: 'array', limit: '200', inclusive: true, actual: 201, received: null, value: null }],
    ]);
    e.entries = new Array(20_000).fill({ criterion: 'x' });
    expect(sameAsZodEvidence(e).diagnostics).toHaveLength(20_000);
    // A hole in a list is an item that is missing.
    const holed: unknown[] = new Array(2);
    holed[1] = {};
    sameAsZodEvidence({ ...structuredClone(base), entries: holed });
    for (const n of [0, 1, 10, 11]) sameAsZodAppraisal({ ...structuredClone(APPRAISAL_FILE), rounds: new Array(n).fill((APPRAISAL_FILE.rounds as unknown[])[0]) });
    const a = structuredClone(APPRAISAL_FILE) as { rounds: Array<{ items: unknown[] }> };
    a.rounds[0]!.items = new Array(5001).fill({});
    sameAsZodAppraisal(a);
  });

  it('pins what the unions report', () => {
    const at = (value: unknown) => {
      const e = structuredClone(base) as { entries: Node[] };
      e.entries[0] = { input: 'a_b', value };
      return sameAsZodEvidence(e).diagnostics.map((d) => [d.path, d.params]);
    };
    // A list where a string, a number, yes/no or a tally belongs, too long for the string: "not a string".
    expect(at(new Array(201).fill(1))).toEqual([['/entries/0/value', { field: 'value', item: null, issue: 'type', expected: ['string'], received: 'array', value: null }]]);
    // A tally with a count that is not a number: that problem, said of the value, placed at the option.
    expect(at({ a: 'x' })).toEqual([['/entries/0/value', { field: 'a', item: null, issue: 'type', expected: ['number'], received: 'string', value: 'x' }]]);
    expect(at(null)).toEqual([['/entries/0/value', { field: 'value', item: null, issue: 'type', expected: ['boolean', 'number', 'string', 'object'], received: 'null', value: null }]]);
    expect(at('😀'.repeat(201))).toEqual([
      ['/entries/0/value', { field: 'value', item: null, issue: 'tooBig', origin: 'string', limit: '200', inclusive: true, actual: 201, received: null, value: null }],
    ]);
    expect(at('😀'.repeat(200))).toEqual([]);
  });

  it('keeps one corner of the fast path as it was (a symbol key of a record); a "$schema" over the size limit is refused on both paths', () => {
    const e = structuredClone(base) as { entries: Node[] } & Node;
    e.entries[0] = { input: 'a_b', value: withSymbol({ a: 1 }) };
    expect(sameAsZodEvidence(e).diagnostics.map((d) => d.params)).toEqual([{ field: 'Symbol(s)', item: null, issue: 'key', key: 'Symbol(s)', pattern: null }]);
    expect(parseEvidence(e).diagnostics).toEqual([]);
    const long = { ...structuredClone(base), $schema: 'x'.repeat(LIMITS.textLength + 1) };
    expect(sameAsZodEvidence(long).diagnostics.map((d) => d.code)).toEqual(['LIMIT_EXCEEDED']);
    expect(parseEvidence(long).diagnostics.map((d) => [d.code, d.path])).toEqual([['LIMIT_EXCEEDED', '/$schema']]);
  });

  it('copies a valid value as zod does: a present undefined member kept, keys in the schema order', () => {
    const e = structuredClone(base) as { entries: Node[]; unit: Node };
    e.entries[0]!.note = undefined;
    e.unit = { note: 'n', level: 'commune', name: 'X', code: 'C' };
    const got = sameAsZodEvidence(e);
    expect(got.diagnostics).toEqual([]);
    expect(Object.keys((got.value as { unit: object }).unit)).toEqual(['code', 'name', 'level', 'note']);
    expect('note' in (got.value as { entries: object[] }).entries[0]!).toBe(true);
  });
});
