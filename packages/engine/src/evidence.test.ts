/**
 * The evidence fast path (fastEvidence) must agree with the zod schema: for every value it accepts,
 * zod accepts it too and returns the same copy (same keys, same order); anything else goes to zod.
 * The canonical JSON it writes in the same walk (the text of the evidence hash) must be
 * canonicalJson(value) exactly, whatever the key order and whatever the strings hold.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashJson } from './canonical.js';
import { compile } from './compile.js';
import { checkEvidence, score } from './score.js';
import { checkEvidenceShape, evidenceSha, fastEvidence, fastEvidenceRead, readEvidence } from './evidence.js';
import { Evidence } from './evidence-zod.js';

// Fewer cases in the normal run; the long mode (test:fuzz-long sets PARINDEX_FUZZ_RUNS to 200,000) runs the
// full counts.
const LONG = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const examples = readdirSync(`${ROOT}examples`)
  .filter((d) => existsSync(`${ROOT}examples/${d}/par-2026.json`))
  .map((d) => JSON.parse(readFileSync(`${ROOT}examples/${d}/par-2026.json`, 'utf8')) as Record<string, unknown>);

function agree(value: unknown): void {
  const read = readEvidence(value);
  // The hash is hashJson's on either path.
  expect(evidenceSha(read, value)).toBe(hashJson(value));
  const fast = fastEvidenceRead(value);
  expect(read.sha256).toBe(fast === undefined ? undefined : hashJson(value));
  if (fast === undefined) return; // zod decides
  expect(fast.canonical).toBe(canonicalJson(value));
  const parsed = Evidence.safeParse(value);
  expect(parsed.success).toBe(true);
  expect(JSON.stringify(fast.evidence)).toBe(JSON.stringify(parsed.data));
  expect(read.diagnostics).toEqual([]);
  accepted++;
}
let accepted = 0;

/** The same value with the keys of every object in another order (a permutation per object, drawn from `order`). */
function reordered(v: unknown, order: number[], at = { i: 0 }): unknown {
  if (Array.isArray(v)) return v.map((x) => reordered(x, order, at));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = order[at.i++ % order.length]! % (i + 1);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = reordered((v as Record<string, unknown>)[k], order, at);
  return out;
}

/** Strings JSON escapes or encodes in several bytes: quotes, backslashes, controls, lone surrogates, astral characters. */
const hostileString = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'ư', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', '\u{1F600}', '/', ' '), maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', '\ud83d', 'x\udc00y', '"quoted"', 'a\\b', '\t\r\b\f'),
);

describe('fastEvidence agrees with the zod schema', () => {
  it('accepts the example files and copies them as zod does', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) {
      expect(fastEvidence(e)).toBeDefined();
      agree(e);
    }
  });

  it('never accepts what zod rejects (random edits of an example)', () => {
    const weird = fc.oneof(
      fc.constantFrom(
        null,
        true,
        false,
        0,
        -1,
        1.5,
        '',
        'x',
        '1,5',
        '2026-02-30',
        '2026-13-01',
        [],
        {},
        'A'.repeat(201),
        'Z'.repeat(10_001),
        '__proto__',
        'constructor',
        { rat_hai_long: 1.5 },
        { Bad: 1 },
      ),
      fc.string(),
      fc.double(),
      fc.dictionary(fc.string(), fc.integer()),
    );
    const paths = fc.array(
      fc.oneof(
        fc.constantFrom(
          'entries',
          'unit',
          'period',
          'preparedBy',
          'values',
          'documents',
          'value',
          'criterion',
          'input',
          'claimedPoints',
          'note',
          'code',
          'level',
          'from',
          'date',
          'number',
          'for',
          'sha256',
          'extra',
        ),
        fc.nat(80),
      ),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.nat(examples.length - 1), paths, weird, (which, path, value) => {
        const e = structuredClone(examples[which]!) as Record<string, unknown>;
        let at: unknown = e;
        for (let i = 0; i < path.length - 1; i++) {
          const next = (at as Record<string | number, unknown>)[path[i]!];
          if (next === null || typeof next !== 'object') break;
          at = next;
        }
        if (at !== null && typeof at === 'object') (at as Record<string | number, unknown>)[path[path.length - 1]!] = value;
        agree(e);
      }),
      { numRuns: LONG ? 2000 : 250 },
    );
  });
});

describe('the fast path takes exactly what the shape takes: dates, record keys, input ids, criterion codes', () => {
  // Record keys and criterion codes, once found good, are taken from a table (their member texts); the
  // members of the unit, the period and who prepared the file are read by one reader of strings, a
  // document's by hand. Near misses of each: the fast path takes a file exactly when the shape's checks do.
  const chars = (s: string) => fc.constantFrom(...s);
  const near = (alphabet: string, max: number) => fc.string({ unit: chars(alphabet), maxLength: max });
  const date = fc.oneof(
    fc.tuple(near('0123456789', 5), near('0123456789', 3), near('0123456789', 3)).map(([y, m, d]) => `${y}-${m}-${d}`),
    fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    near('0123456789-/ :\u0660x', 12),
  );
  const key = fc.oneof(near('abz09_A-.', 6), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a'.repeat(64), 'a'.repeat(65)));
  const code = fc.oneof(near('0123456789.AZa ', 9), fc.constantFrom('1.1.1', 'TC1.2', 'ABCD1', '1.1.1.1.1.1', '1.1.1.1.1.1.1', '1234', '1.', '.1'));
  const seen = { taken: 0, refused: 0 };
  const takenAsTheShapeTakes = (e: unknown) => {
    const fast = fastEvidenceRead(e) !== undefined;
    seen[fast ? 'taken' : 'refused']++;
    // The shape's checks (forbidden keys first, then the schema: held to zod by shape-check.test.ts).
    expect(fast).toBe(checkEvidenceShape(e).value !== undefined);
    if (fast) agree(e);
  };
  it('dates of a document, of the period and of who prepared the file', () => {
    seen.taken = seen.refused = 0;
    fc.assert(
      fc.property(fc.nat(examples.length - 1), date, fc.constantFrom('document', 'from', 'to', 'preparedBy'), (which, d, where) => {
        const e = structuredClone(examples[which]!) as { period: Record<string, string>; preparedBy?: Record<string, string>; entries: Array<{ documents?: Array<Record<string, string>> }> };
        if (where === 'document') {
          const docs = e.entries.find((x) => x.documents?.length)?.documents;
          if (!docs) return;
          docs[0]!.date = d;
        } else if (where === 'preparedBy') e.preparedBy = { date: d };
        else e.period[where] = d;
        takenAsTheShapeTakes(e);
      }),
      { numRuns: LONG ? 2000 : 600 },
    );
    // Both ways, often.
    expect(Math.min(seen.taken, seen.refused)).toBeGreaterThan(50);
  });
  it('keys of values and tallies, input ids, and criterion codes, each met twice (the second time from the table)', () => {
    seen.taken = seen.refused = 0;
    const runs = LONG ? 600 : 300;
    fc.assert(
      fc.property(fc.nat(examples.length - 1), key, code, fc.nat(40), (which, k, c, n) => {
        const e = structuredClone(examples[which]!) as { entries: Array<Record<string, unknown>> };
        const entry = e.entries[n % e.entries.length]!;
        if (n % 3 === 0) entry.values = { ...(entry.values as object), [k]: n % 2 === 0 };
        else if (n % 3 === 1) Object.assign(entry, { input: k, value: { [k]: n } }, { values: undefined, criterion: undefined });
        else entry.criterion = c;
        for (const x of [entry]) for (const p of Object.keys(x)) if (x[p] === undefined) delete x[p];
        takenAsTheShapeTakes(e);
        takenAsTheShapeTakes(structuredClone(e));
      }),
      { numRuns: runs },
    );
    // Both ways, often: about a fifth of the 2 × runs checks are taken (0.4 × runs), far above runs ÷ 6.
    expect(Math.min(seen.taken, seen.refused)).toBeGreaterThan(runs / 6);
  });
});

describe('the canonical JSON written on the fast path is canonicalJson(value)', () => {
  it('for the example files, whatever the order of their keys (the same evidence hash)', () => {
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), (which, order) => {
        const e = examples[which]!;
        const shuffled = reordered(e, order);
        const fast = fastEvidenceRead(shuffled);
        expect(fast).toBeDefined();
        expect(fast!.canonical).toBe(canonicalJson(e));
        expect(evidenceSha(readEvidence(shuffled), shuffled)).toBe(hashJson(e));
        agree(shuffled);
      }),
      { numRuns: LONG ? 200 : 50 },
    );
  });

  it('for hostile strings, numbers and records in every field that takes them', () => {
    const texts = [
      '$schema',
      'unit.code',
      'unit.name',
      'unit.province',
      'unit.note',
      'period.label',
      'preparedBy.name',
      'preparedBy.role',
      'note',
      'explanation',
      'value',
      'number',
      'title',
      'issuer',
      'url',
    ];
    const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(-0, 1e21, 1e-7, 5e-324, 0.1, 123456789012345680000));
    const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
    const inputValue = fc.oneof(fc.boolean(), number, hostileString, fc.dictionary(key, number, { maxKeys: 5 }));
    const before = accepted;
    const runs = LONG ? 1000 : 250;
    const edit = fc.tuple(fc.constantFrom(...texts, 'values', 'claimedPoints', 'sample'), fc.nat(), hostileString, inputValue, fc.dictionary(key, inputValue, { maxKeys: 6 }), number);
    fc.assert(
      fc.property(fc.nat(examples.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
        const e = structuredClone(examples[which]!) as Record<string, Record<string, unknown>>;
        const entries = e.entries as unknown as Array<Record<string, unknown>>;
        for (const [field, n, text, value, values, num] of edits) {
          const entry = entries[n % entries.length]!;
          const docs = (entry.documents as Array<Record<string, unknown>> | undefined) ?? [];
          const [head, tail] = field.split('.') as [string, string | undefined];
          if (tail !== undefined) (e[head] ??= {})[tail] = text;
          else if (head === '$schema') e.$schema = text as never;
          else if (head === 'sample') e.sample = (n % 2 === 0) as never;
          else if (head === 'value') delete entry.values, (entry.value = value), (entry.input ??= 'x_input');
          else if (head === 'values') delete entry.value, delete entry.input, (entry.values = values);
          else if (head === 'claimedPoints') entry.claimedPoints = n % 2 ? num : String(n % 100) + '.' + String(n % 7);
          else if (['number', 'title', 'issuer', 'url'].includes(head) && docs.length) docs[n % docs.length]![head] = text;
          else entry[head] = text;
        }
        agree(e);
        agree(reordered(e, [edits.length, 7, 3]));
      }),
      { numRuns: runs },
    );
    // Many edits stay valid evidence: the fast path wrote their text (the rest went to zod, and hashJson):
    // about half of the 2 × runs checks (0.95 × runs), far above runs ÷ 2.
    expect(accepted - before).toBeGreaterThan(runs / 2);
  });

  it('leaves to hashJson what canonical JSON does not write: a non-enumerable member, an enumerable property of Object.prototype', () => {
    for (const [at, key] of [
      ['entry', 'note'],
      ['entry', 'values'],
      ['unit', 'province'],
      ['top', 'preparedBy'],
      ['document', 'title'],
    ] as const) {
      const e = structuredClone(examples[1]!) as { unit: object; entries: Array<{ documents?: object[] }> };
      const withDocs = e.entries.find((x) => x.documents?.length)!;
      const target = at === 'entry' ? e.entries[0]! : at === 'unit' ? e.unit : at === 'document' ? withDocs.documents![0]! : e;
      Object.defineProperty(target, key, { value: key === 'values' ? { x: 1 } : key === 'preparedBy' ? {} : 'hidden', enumerable: false });
      expect(fastEvidenceRead(e)).toBeUndefined();
      agree(e);
    }
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.polluted = 1;
      expect(fastEvidenceRead(examples[0])).toBeUndefined();
      agree(examples[0]);
    } finally {
      delete proto.polluted;
    }
    expect(fastEvidenceRead(examples[0])).toBeDefined();
  });

  it('leaves to the shape checks a non-enumerable member of any field of an entry or a document, or one set to undefined', () => {
    const entryFields = ['criterion', 'input', 'value', 'values', 'documents', 'note', 'explanation', 'claimedPoints'];
    const documentFields = ['for', 'number', 'date', 'title', 'issuer', 'url', 'sha256'];
    const cases = [...entryFields.map((k) => ['entry', k] as const), ...documentFields.map((k) => ['document', k] as const)];
    for (const [at, key] of cases) {
      for (const how of ['hidden', 'undefined'] as const) {
        const e = structuredClone(examples[1]!) as { entries: Array<Record<string, unknown> & { documents?: Array<Record<string, unknown>> }> };
        const withDocs = e.entries.find((x) => x.documents?.length)!;
        const target = at === 'entry' ? withDocs : withDocs.documents![0]!;
        delete target[key];
        if (how === 'hidden') Object.defineProperty(target, key, { value: 'x', enumerable: false });
        else target[key] = undefined;
        expect(fastEvidenceRead(e)).toBeUndefined();
        agree(e);
      }
    }
  });

  it('writes the text of evidence whose getters read other evidence meanwhile', () => {
    const other = structuredClone(examples[0]!);
    const e = structuredClone(examples[1]!) as { entries: Array<Record<string, unknown>> };
    const read = () => {
      expect(fastEvidenceRead(other)).toBeDefined();
      return 4;
    };
    // Members read by a getter (which reads the other file first), among plain ones before and after.
    const getters = (record: Record<string, unknown>, keys: string[]) => Object.defineProperties(record, Object.fromEntries(keys.map((k) => [k, { get: read, enumerable: true }])));
    const values = getters({ z_last: 1 }, ['b_get', 'a_get']);
    values.c = 'x';
    e.entries.push({ criterion: '9.1', values }, { input: 'survey_x', value: getters({ maybe: 2 }, ['yes', 'no']) });
    expect(fastEvidenceRead(e)).toBeDefined();
    agree(e);
  });

  it('writes objects without a prototype as canonicalJson does', () => {
    const bare = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(bare) : v !== null && typeof v === 'object' ? Object.assign(Object.create(null), Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bare(x)]))) : v;
    for (const e of examples) {
      const b = bare(e);
      expect(fastEvidenceRead(b)).toBeDefined();
      agree(b);
    }
  });

  it('agrees on a few hand-written cases', () => {
    const e = structuredClone(examples[0]!) as Record<string, unknown>;
    e.unit = { ...(e.unit as object), name: 'Xã "A"\\\n\ud800' };
    e.preparedBy = {};
    e.entries = [
      { criterion: '1.1', values: {} },
      { input: 'a_b', value: { z: 1, a: -0, a_: 2, a0: 1e21 } },
      { criterion: '2', documents: [{}], claimedPoints: -0 },
    ];
    expect(fastEvidenceRead(e)).toBeDefined();
    agree(e);
    expect(fastEvidenceRead(e)!.canonical).toContain('"value":{"a":0,"a0":1e+21,"a_":2,"z":1}');
  });
});

describe('score() takes the evidence hash from the same walk', () => {
  const set = JSON.parse(readFileSync(`${ROOT}rules/sets/model.commune-par/2026.json`, 'utf8'));
  const compiled = compile(set);
  const appraisal = JSON.parse(readFileSync(`${ROOT}examples/vinh-bao/appraisal-2026.json`, 'utf8')) as { evidence: { sha256: string } };

  it('provenance says hashJson(evidence), whatever the order of its keys', () => {
    for (const [i, e] of examples.entries()) {
      if (e.criteriaSet !== 'model.commune-par@2026') continue;
      const shuffled = reordered(e, [i + 3, 5, 1, 8]);
      expect(score(compiled, e).provenance.evidence.sha256).toBe(hashJson(e));
      expect(score(compiled, shuffled).provenance.evidence.sha256).toBe(hashJson(e));
    }
  });

  it('an appraisal finds its evidence by that hash, and evidence read the slow way (salvaged) is hashed with hashJson', () => {
    const vinhBao = JSON.parse(readFileSync(`${ROOT}examples/vinh-bao/par-2026.json`, 'utf8')) as Record<string, unknown>;
    expect(appraisal.evidence.sha256).toBe(hashJson(vinhBao));
    const mismatch = (e: unknown) => checkEvidence(compiled, e, { appraisal }).filter((d) => d.code === 'APPRAISAL_EVIDENCE_MISMATCH');
    expect(mismatch(reordered(vinhBao, [2, 9, 4]))).toEqual([]);
    // One bad value: the fast path refuses the file, zod finds the problem, salvage checks the rest.
    const bad = structuredClone(vinhBao) as { entries: Array<Record<string, unknown>> };
    bad.entries[0]!.note = 7;
    expect(fastEvidenceRead(bad)).toBeUndefined();
    const found = mismatch(bad);
    expect(found).toHaveLength(1);
    expect(found[0]!.params).toMatchObject({ givenSha256: hashJson(bad), expectedSha256: appraisal.evidence.sha256 });
  });
});
