/**
 * Hostile or broken criteria sets and evidence: each gets a coded diagnostic at the right place, never a
 * crash or a hang, on both validation paths (file text and in-memory value); and no evidence entry, or
 * part of one, is ignored without a warning.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS, ParindexError, parseCriteriaSet, readJson, type Diagnostic } from '@parindex/rules';
import { diagnosticText } from '@parindex/explain';
import { validateSetText } from '@parindex/rules/node';
import { checkEvidence, compile, score } from '@parindex/engine';
import { EVIDENCE_TEXT, codes, compileDiagnostics, errors, evidence, set, type J } from './helpers.js';

/** Both paths: the file's diagnostics and compile()'s error codes. */
function refuse(s: J): { file: Diagnostic[]; value: Diagnostic[] } {
  let text: string | undefined;
  try {
    text = JSON.stringify(s, null, 1);
  } catch {
    // 100,000 levels: JSON.stringify itself overflows; rules/src/limits.test.ts reads such a text.
    text = undefined;
  }
  const file = text === undefined ? [] : validateSetText(text, 'hostile.json').diagnostics;
  const value = compileDiagnostics(s);
  return { file, value };
}

const leaf = (s: J, f: number, c: number) => s.fields[f].children[c];
const deep = (n: number, wrap: (x: J) => J, inner: J) => {
  let v = inner;
  for (let i = 0; i < n; i++) v = wrap(v);
  return v;
};

const HOSTILE_SETS: Array<[string, (s: J) => void, string, string]> = [
  // [what, change, code, path]
  [
    '"__proto__" key (own, as JSON.parse makes it)',
    (s) => Object.defineProperty(leaf(s, 0, 0), '__proto__', { value: { polluted: 1 }, enumerable: true }),
    'JSON_FORBIDDEN_KEY',
    '/fields/0/children/0/__proto__',
  ],
  ['"constructor" key', (s) => (s.decision.constructor = { prototype: {} }), 'JSON_FORBIDDEN_KEY', '/decision/constructor'],
  ['"prototype" key deep in an expression', (s) => (leaf(s, 1, 4).rule.logic = { if: [{ prototype: 1 }, 1, 0] }), 'JSON_FORBIDDEN_KEY', '/fields/1/children/4/rule/logic/if/0/prototype'],
  ['{"var": "__proto__"}', (s) => (leaf(s, 1, 4).rule.logic = { var: '__proto__' }), 'SET_UNDECLARED_INPUT', '/fields/1/children/4/rule/logic/var'],
  ['{"var": "constructor.name"}', (s) => (leaf(s, 1, 4).rule.logic = { var: 'constructor.name' }), 'SET_UNDECLARED_INPUT', '/fields/1/children/4/rule/logic/var'],
  ['{"var": "resolved.constructor"}', (s) => (leaf(s, 1, 4).rule.logic = { '+': [{ var: 'resolved.constructor' }] }), 'SET_UNKNOWN_OPTION', '/fields/1/children/4/rule/logic/+/0/var'],
  ['json-logic-js\'s "method"', (s) => (leaf(s, 1, 4).rule.logic = { method: [{ var: 'dossiers' }, 'toString'] }), 'SET_EXPRESSION_OPERATOR', '/fields/1/children/4/rule/logic/method'],
  ['an operator outside the allow-list ("cat")', (s) => (leaf(s, 1, 4).rule.logic = { cat: ['a', 'b'] }), 'SET_EXPRESSION_OPERATOR', '/fields/1/children/4/rule/logic/cat'],
  [
    'an input named "constructor"',
    (s) => {
      leaf(s, 0, 0).inputs[0].id = 'constructor';
      leaf(s, 0, 0).rule.input = 'constructor';
    },
    'JSON_FORBIDDEN_KEY',
    '/fields/0/children/0/inputs/0/id',
  ],
  ['an option named "constructor"', (s) => (leaf(s, 0, 1).inputs[0].options[2].id = 'constructor'), 'JSON_FORBIDDEN_KEY', '/fields/0/children/1/inputs/0/options/2/id'],
  ['nesting 100,000 deep', (s) => (leaf(s, 0, 3).rule.conditions = [deep(100_000, (x) => ({ not: x }), { input: 'plan_ok', is: true })]), 'JSON_TOO_DEEP', ''],
  ['an array of a million items', (s) => (leaf(s, 1, 4).rule.logic = { '+': new Array(1_000_000).fill(1) }), 'LIMIT_EXCEEDED', '/fields/1/children/4/rule/logic/+'],
  ['a string of 10 MB', (s) => (s.notes = 'x'.repeat(10 * 1024 * 1024)), 'LIMIT_EXCEEDED', '/notes'],
  ['a constant division by zero', (s) => (leaf(s, 1, 4).rule.logic = { '/': [1, 0] }), '', ''],
  ['a number that is not finite', (s) => (leaf(s, 0, 0).max = Infinity), 'SET_SCHEMA', '/fields/0/children/0/max'],
  ['NaN', (s) => (leaf(s, 0, 0).rule.points = NaN), 'SET_SCHEMA', '/fields/0/children/0/rule/points'],
  ['1e309 written in a file', () => {}, '', ''],
  ['duplicate codes', (s) => (leaf(s, 0, 2).code = '1.1'), 'SET_DUPLICATE_CODE', '/fields/0/children/2/code'],
  ['children above the parent', (s) => (leaf(s, 0, 0).max = 3), 'SET_CHILDREN_EXCEED_MAX', '/fields/0/max'],
  ['overlapping tiers', (s) => (leaf(s, 1, 0).rule.tiers[1].max = 95), 'SET_TIER_OVERLAP', '/fields/1/children/0/rule/tiers/0'],
  ['gapped tiers', (s) => (leaf(s, 1, 0).rule.tiers[2].max = 75), 'SET_TIER_GAP', '/fields/1/children/0/rule/tiers'],
  ['a negative maximum', (s) => (leaf(s, 0, 0).max = -1), 'SET_SCHEMA', '/fields/0/children/0/max'],
  ['an input that is not declared', (s) => (leaf(s, 1, 0).rule.value.ratio.numerator = 'ghost'), 'SET_UNDECLARED_INPUT', '/fields/1/children/0/rule/value/ratio/numerator'],
  ['a malformed version', (s) => (s.version = 'v2026'), 'SET_SCHEMA', '/version'],
  ['a malformed period', (s) => (s.period.from = '01/01/2026'), 'SET_SCHEMA', '/period/from'],
  ['a period date that does not exist', (s) => (s.period.to = '2026-02-30'), 'SET_SCHEMA', '/period/to'],
  ['a deadline that does not exist', (s) => (leaf(s, 0, 2).rule.items[0].deadline = '2026-04-31'), 'SET_SCHEMA', '/fields/0/children/2/rule/items/0/deadline'],
  ['a period that ends before it starts', (s) => (s.period.to = '2025-12-31'), 'SET_PERIOD', '/period'],
  ['applicability on a parent (the scorer would ignore it)', (s) => (s.fields[0].applicability = { notApplicableWhen: { input: 'docs_assigned', is: true } }), 'SET_SCHEMA', '/fields/0/applicability'],
];

describe('hostile criteria sets: a coded error on both paths, never a crash or a hang', () => {
  for (const [what, change, code, path] of HOSTILE_SETS) {
    if (code === '') continue;
    it(what, () => {
      const s = set();
      change(s);
      const r = refuse(s);
      if (r.file.length || code !== 'JSON_TOO_DEEP') expect(codes(errors(r.file))).toContain(code);
      expect(codes(r.value)).toContain(code);
      if (code !== 'JSON_TOO_DEEP') {
        expect(r.file.filter((d) => d.code === code).map((d) => d.path)).toContain(path);
        expect(r.value.filter((d) => d.code === code).map((d) => d.path)).toContain(path);
      }
      for (const d of errors(r.file)) expect(d.line, `${d.code} ${d.path} has no line`).toBeTypeOf('number');
      expect(({} as J).polluted).toBeUndefined();
    });
  }

  it('a constant division by zero or a non-finite result is a scoring warning, not a crash', () => {
    const s = set();
    leaf(s, 1, 4).rule.logic = { '/': [1, 0] };
    const r = score(compile(s), evidence());
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'SCORE_DIVISION_BY_ZERO', severity: 'warning', path: '/entries/11' }));
    expect(r.fields[1]!.children![4]).toMatchObject({ status: 'invalid', points: '0' });
    // 1e308 × …: every number an expression computes is bounded (LIMITS.expressionMagnitude): invalid, coded.
    leaf(s, 1, 4).rule.logic = { '*': new Array(100).fill(1e15) };
    const big = score(compile(s), evidence());
    expect(big.fields[1]!.children![4]).toMatchObject({ status: 'invalid', points: '0' });
    expect(big.diagnostics).toContainEqual(expect.objectContaining({ code: 'SCORE_EXPRESSION', params: expect.objectContaining({ reason: 'tooLarge', op: '*' }) }));
  });

  it('a number too large for a double, written in a file, is refused (JSON.parse makes it Infinity)', () => {
    const text = JSON.stringify(set(), null, 1).replace('"scale": 100', '"scale": 1e309');
    expect(validateSetText(text, 'x.json').diagnostics).toMatchObject([{ code: 'SET_SCHEMA', path: '/scale', line: expect.any(Number) }]);
  });

  it('thousands of schema errors are examined up to a limit (LIMITS.schemaErrors)', () => {
    const s = set();
    leaf(s, 0, 3).rule.conditions = new Array(LIMITS.setArrayItems - 1).fill({ x: 1 });
    const r = validateSetText(JSON.stringify(s), 'x.json');
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.length).toBeLessThanOrEqual(LIMITS.schemaErrors);
  });

  it('values that never were text: Object.create(null) objects and cycles', () => {
    const s = set();
    const bare = Object.assign(Object.create(null), leaf(s, 0, 0));
    s.fields[0].children[0] = bare;
    expect(compile(s).nodes.get('1.1')).toBeDefined();
    const loop: J = { all: [] };
    loop.all.push(loop);
    s.fields[0].children[3].rule.conditions = [loop];
    expect(codes(parseCriteriaSet(s).diagnostics)).toEqual(['JSON_TOO_DEEP']);
  });
});

describe('broken evidence: a clear message naming the place', () => {
  const c = compile(set());
  const check = (e: unknown) => checkEvidence(c, e);
  const text = (t: string) => readJson(t, 'ev.json').diagnostics;

  it('invalid JSON: line and column, and the reason in both languages', () => {
    const broken = EVIDENCE_TEXT.replace('"value": true }', '"value": true, }');
    const [d] = text(broken);
    expect(d).toMatchObject({ code: 'JSON_SYNTAX', line: 7, column: 48, file: 'ev.json' });
    expect(d!.params).toMatchObject({ error: 'PropertyNameExpected' });
    expect(diagnosticText(d!, 'vi')).toBe('JSON không hợp lệ: cần tên thuộc tính trong dấu ngoặc kép.');
    expect(diagnosticText(d!, 'en')).toBe('Invalid JSON: a property name in double quotes was expected.');
  });
  it('a UTF-8 BOM is a warning and the file is read', () => {
    const r = readJson('\ufeff' + EVIDENCE_TEXT);
    expect(r.diagnostics).toMatchObject([{ code: 'FILE_BOM', severity: 'warning', line: 1, column: 1 }]);
    expect(score(c, r.value).totals.index).toBe('100');
  });
  it('an empty file, and a 50 MB file', () => {
    expect(text('')).toMatchObject([{ code: 'FILE_EMPTY' }]);
    expect(text(' '.repeat(50 * 1024 * 1024))).toMatchObject([{ code: 'FILE_TOO_LARGE', params: { size: 50 * 1024 * 1024 } }]);
  });
  it('the limits of an evidence file, just under and just over', () => {
    const big = evidence();
    big.entries = Array.from({ length: LIMITS.evidenceEntries }, () => ({ criterion: '1', note: 'x' }));
    expect(codes(errors(check(big)))).toEqual([]);
    big.entries.push({ criterion: '1', note: 'x' });
    expect(check(big)).toMatchObject([{ code: 'LIMIT_EXCEEDED', path: '/entries' }]);
    const docs = evidence();
    docs.entries[2].documents = new Array(LIMITS.documentsPerEntry).fill(docs.entries[2].documents[0]);
    expect(codes(errors(check(docs)))).toEqual([]);
    docs.entries[2].documents.push(docs.entries[2].documents[0]);
    expect(check(docs)).toMatchObject([{ code: 'EVIDENCE_SCHEMA', path: '/entries/2/documents' }]);
    const long = evidence();
    long.entries[2].note = 'x'.repeat(LIMITS.stringLength);
    expect(codes(errors(check(long)))).toEqual([]);
    long.entries[2].note += 'x';
    expect(check(long)).toMatchObject([{ code: 'EVIDENCE_SCHEMA', path: '/entries/2/note' }]);
  });

  const BROKEN: Array<[string, (e: J) => void, string, string]> = [
    ['a wrong type', (e) => (e.entries[2].values.plan_ok = 'có lẽ'), 'EVIDENCE_VALUE_TYPE', '/entries/2/values/plan_ok'],
    ['a list where a value goes', (e) => (e.entries[7].values.resolved = [1300]), 'EVIDENCE_SCHEMA', '/entries/7/values/resolved'],
    ['an unknown criterion code', (e) => e.entries.push({ criterion: '1.9', values: { x: true } }), 'EVIDENCE_UNKNOWN_CRITERION', '/entries/17/criterion'],
    ['a negative count', (e) => (e.entries[15].values.late_reports = -1), 'EVIDENCE_VALUE_RANGE', '/entries/15/values/late_reports'],
    ['a fractional count', (e) => (e.entries[15].values.late_reports = 1.5), 'EVIDENCE_VALUE_TYPE', '/entries/15/values/late_reports'],
    ['a numerator above its denominator', (e) => (e.entries[9].values.online_payments = 501), 'EVIDENCE_EXCEEDS_OTHER', '/entries/9/values/online_payments'],
    ['a count that reads as two numbers "1,300"', (e) => (e.entries[7].values.resolved = '1,300'), 'EVIDENCE_NUMBER_AMBIGUOUS', '/entries/7/values/resolved'],
    ['an input date the calendar does not have', (e) => (e.entries[4].values.q1_sent = '2026-02-30'), 'EVIDENCE_DATE_NOT_REAL', '/entries/4/values/q1_sent'],
    ['"NaN" where a number goes', (e) => (e.entries[8].values.online_rate = 'NaN'), 'EVIDENCE_VALUE_TYPE', '/entries/8/values/online_rate'],
    ['a file for another set', (e) => (e.criteriaSet = 'model.commune-par@2026'), 'EVIDENCE_SET_MISMATCH', '/criteriaSet'],
    ['a file for another version', (e) => (e.criteriaSet = 'test.shapes@2027'), 'EVIDENCE_SET_MISMATCH', '/criteriaSet'],
    ['an own "__proto__" key', (e) => Object.defineProperty(e.entries[2].values, '__proto__', { value: { polluted: true }, enumerable: true }), 'JSON_FORBIDDEN_KEY', '/entries/2/values/__proto__'],
  ];
  for (const [what, change, code, path] of BROKEN) {
    it(what, () => {
      const e = evidence();
      change(e);
      const found = check(e).filter((d) => d.code === code);
      expect(found.map((d) => d.path)).toContain(path);
      expect(() => score(c, e)).toThrow(ParindexError);
    });
  }
  it('"95,5" is read as 95.5 and says how to write it', () => {
    const e = evidence();
    e.entries[8].values.online_rate = '95,5';
    expect(check(e)[0]!).toMatchObject({ severity: 'warning', params: { got: '95,5', suggest: '95.5' } });
    expect(diagnosticText(check(e)[0]!, 'en')).toContain('with a dot: 95.5');
  });

  const WARNED: Array<[string, (e: J) => void, string, string]> = [
    ['a Vietnamese decimal "95,5"', (e) => (e.entries[8].values.online_rate = '95,5'), 'EVIDENCE_DECIMAL_COMMA', '/entries/8/values/online_rate'],
    ['a count with a thousands separator "1.300"', (e) => (e.entries[7].values.resolved = '1.300'), 'EVIDENCE_THOUSANDS_READ', '/entries/7/values/resolved'],
    ['a date written 18/03/2026', (e) => (e.entries[4].values.q1_sent = '18/03/2026'), 'EVIDENCE_DATE_READ', '/entries/4/values/q1_sent'],
    ['a level written by its label', (e) => (e.entries[3].values.plan_timing = 'Đúng hạn'), 'EVIDENCE_LEVEL_BY_LABEL', '/entries/3/values/plan_timing'],
    ['a date outside the period', (e) => (e.entries[4].values.q1_sent = '2027-01-05'), 'EVIDENCE_DATE_OUTSIDE_PERIOD', '/entries/4/values/q1_sent'],
    ['a document dated outside the period', (e) => (e.entries[2].documents[0].date = '2025-12-20'), 'EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD', '/entries/2/documents/0/date'],
    ['a document without number', (e) => delete e.entries[2].documents[0].number, 'EVIDENCE_DOCUMENT_INCOMPLETE', '/entries/2/documents/0'],
    ['a document without date', (e) => delete e.entries[2].documents[0].date, 'EVIDENCE_DOCUMENT_INCOMPLETE', '/entries/2/documents/0'],
    ['a value for a criterion that does not apply', (e) => (e.entries[1].value = false), 'EVIDENCE_NOT_APPLICABLE_VALUE', '/entries/13'],
  ];
  for (const [what, change, code, path] of WARNED) {
    it(`${what}: a warning, and the result`, () => {
      const e = evidence();
      change(e);
      const r = score(c, e);
      expect(r.diagnostics.filter((d) => d.code === code).map((d) => d.path)).toContain(path);
    });
  }
});

describe('nothing is dropped without a warning', () => {
  const s = set();
  s.inputs.push({ id: 'nobody_reads', type: 'boolean', label: 'l' });
  const c = compile(s);
  const unusedAt = (e: J) => {
    const r = score(c, e);
    return { paths: r.diagnostics.filter((d) => d.code === 'EVIDENCE_UNUSED_ENTRY').map((d) => d.path), unused: r.unused };
  };

  it('a set-level input entry nothing reads is in result.unused', () => {
    const e = evidence();
    e.entries.push({ input: 'nobody_reads', value: true });
    expect(unusedAt(e)).toEqual({ paths: ['/entries/17'], unused: [{ entry: 17, input: 'nobody_reads', reason: 'notReferenced' }] });
  });
  it('an entry on a group criterion with only documents is in result.unused', () => {
    const e = evidence();
    e.entries.push({ criterion: '2', documents: [{ number: '1/BC', date: '2026-03-01' }] });
    expect(unusedAt(e).unused).toEqual([{ entry: 17, criterion: '2', reason: 'notReferenced' }]);
  });
  it('an entry with nothing but its criterion is in result.unused', () => {
    const e = evidence();
    e.entries.push({ criterion: '1.2' });
    expect(unusedAt(e).unused).toEqual([{ entry: 17, criterion: '1.2', reason: 'notReferenced' }]);
  });
  it('documents, a claim or an explanation on a set-level input entry are warned about', () => {
    const e = evidence();
    Object.assign(e.entries[0], { documents: [{ number: '1/QĐ', date: '2026-01-05' }], claimedPoints: 1, explanation: 'x' });
    expect(unusedAt(e).paths).toEqual(['/entries/0/documents', '/entries/0/claimedPoints', '/entries/0/explanation']);
  });
  it('a second explanation for a criterion is warned about', () => {
    const e = evidence();
    e.entries.push({ criterion: '1.1', explanation: 'first' }, { criterion: '1.1', explanation: 'second' });
    expect(unusedAt(e).paths).toEqual(['/entries/18/explanation']);
  });
  it('a value nothing reads, in an entry whose other values are used, is warned about', () => {
    const e = evidence();
    e.entries[2].values.nobody_reads = true;
    expect(unusedAt(e).paths).toEqual(['/entries/2/values/nobody_reads']);
  });
  it('the full evidence uses every entry', () => {
    expect(unusedAt(evidence())).toEqual({ paths: [], unused: [] });
  });
});
