/**
 * Every diagnostic code has a sentence in both locales (the compiler checks it through `satisfies`;
 * this checks it at run time with one example of every code and every variant of the params that
 * have several), no sentence leaves a placeholder or an undefined, Vietnamese sentences hold no English
 * and English ones no Vietnamese outside what they quote, and the formatter writes numbers, dates and
 * plurals as each language does.
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, diag, type Diagnostic, type DiagnosticCode, type DiagnosticParams, type SchemaIssue } from '@parindex/rules';
import { DIAGNOSTIC_EXAMPLES } from '../../../rules/src/diagnostic-examples.js';
import { englishWordsIn, unfilledIn, vietnameseIn } from '../../../test/hostile/helpers.js';
import { diagnosticText, formatter } from './diagnostics.js';
import { diagnosticsEn } from './locales/en/diagnostics.js';
import { diagnosticsVi } from './locales/vi/diagnostics.js';

const place = { field: 'max', item: null };
/** Every kind of schema issue (the params of SET_SCHEMA, EVIDENCE_SCHEMA, APPRAISAL_SCHEMA, RESULT_SCHEMA). */
const SCHEMA_ISSUES: SchemaIssue[] = [
  { ...place, issue: 'type', expected: ['number', 'string'], received: 'boolean', value: 'true' },
  { field: null, item: null, issue: 'type', expected: ['object'], received: 'array', value: null },
  { field: 'children', item: 1, issue: 'type', expected: ['object'], received: 'number', value: '7' },
  { ...place, issue: 'type', expected: ['finiteNumber', 'integer', 'boolean', 'array', 'null', 'other'], received: 'other', value: null },
  { ...place, issue: 'type', expected: ['string'], received: null, value: null },
  { ...place, issue: 'type', expected: ['string'], received: 'string', value: null },
  { field: 'period', item: null, issue: 'missing', expected: ['object'], allowed: [] },
  { field: 'type', item: null, issue: 'missing', expected: [], allowed: ['boolean', 'levels'] },
  { field: 'name', item: null, issue: 'missing', expected: [], allowed: [] },
  { ...place, issue: 'value', allowed: ['dense', 'competition'], more: 0, received: 'string', value: 'olympic' },
  { ...place, issue: 'value', allowed: [1], more: 0, received: 'number', value: '2' },
  { ...place, issue: 'value', allowed: ['a', 'b'], more: 20, received: null, value: null },
  { ...place, issue: 'tooBig', origin: 'string', limit: '2000', inclusive: true, actual: 2001, received: null, value: null },
  { ...place, issue: 'tooSmall', origin: 'string', limit: '1', inclusive: true, actual: 0, received: null, value: null },
  { ...place, issue: 'tooSmall', origin: 'string', limit: '3', inclusive: true, actual: null, received: null, value: null },
  { ...place, issue: 'tooBig', origin: 'array', limit: '1', inclusive: true, actual: 2, received: null, value: null },
  { ...place, issue: 'tooSmall', origin: 'array', limit: '1', inclusive: true, actual: 0, received: null, value: null },
  { ...place, issue: 'tooBig', origin: 'number', limit: '6', inclusive: true, actual: null, received: 'number', value: '7' },
  { ...place, issue: 'tooBig', origin: 'number', limit: '6', inclusive: false, actual: null, received: null, value: null },
  { ...place, issue: 'tooSmall', origin: 'number', limit: '0', inclusive: true, actual: null, received: 'number', value: '-1.5' },
  { ...place, issue: 'tooSmall', origin: 'number', limit: '0', inclusive: false, actual: null, received: null, value: null },
  { ...place, issue: 'pattern', pattern: 'decimalText', regex: null },
  { ...place, issue: 'pattern', pattern: null, regex: '^[a-z]+$' },
  { ...place, issue: 'pattern', pattern: null, regex: null },
  { ...place, issue: 'format', format: 'email' },
  { ...place, issue: 'multipleOf', divisor: '0.25' },
  { field: null, item: null, issue: 'unknownKeys', keys: ['colour'] },
  { field: 'rule', item: null, issue: 'unknownKeys', keys: ['pointz', 'tierz'] },
  { field: 'points', item: null, issue: 'key', key: 'Tốt', pattern: 'identifier' },
  { field: null, item: null, issue: 'key', key: 'x', pattern: null },
  { ...place, issue: 'noForm' },
  { ...place, issue: 'element' },
  { ...place, issue: 'invalid', check: 'exclusiveMinimum' },
  { ...place, issue: 'invalid', check: null },
  { field: 'from', item: null, issue: 'notCalendarDate', value: '2026-02-30' },
  { ...place, issue: 'comparisonValue', op: 'in', list: true },
  { ...place, issue: 'comparisonValue', op: 'eq', list: false },
  { ...place, issue: 'applicabilityOnParent', code: '2' },
  { ...place, issue: 'capOnLeaf', code: '2.1' },
  { ...place, issue: 'adjustmentWithChildren', block: 'bonus' },
  { ...place, issue: 'adjustmentWithChildren', block: 'penalty' },
  { ...place, issue: 'partPointsAndFraction' },
  { ...place, issue: 'entryWithoutTarget' },
  { ...place, issue: 'inputWithValues' },
  { ...place, issue: 'inputWithoutValue', input: 'plan_ok' },
  { ...place, issue: 'valueWithoutInput' },
  { ...place, issue: 'noCriteriaSet' },
];

type Variants = { [C in DiagnosticCode]?: Array<DiagnosticParams[C]> };
/** The other variants of params that take several forms. */
const VARIANTS: Variants = {
  FILE_UNREADABLE: ['EPERM', 'EIO', 'ENAMETOOLONG', 'EMFILE', 'ENOSPC', 'EDQUOT', 'EROFS', 'EPIPE', 'ENXIO', 'ENOTDIR', 'EISDIR', 'EBUSY', null].map((errno) => ({ file: 'd', errno })),
  FILE_NOT_REGULAR: [
    { file: 'p', kind: 'fifo' },
    { file: 'p', kind: 'blockDevice' },
    { file: 'p', kind: 'socket' },
    { file: 'p', kind: 'special' },
  ],
  FILE_TOO_LARGE: [{ size: null, limit: 100 }],
  FILE_WRITE_FAILED: [
    { file: 'o', cause: 'brokenLink' },
    { file: 'o', cause: 'notFile' },
    { file: 'o', cause: 'folderIsFile', folder: 'a/b' },
    { file: 'o', cause: 'folderNotCreated', folder: 'a/b', errno: 'EACCES' },
  ],
  STDOUT_WRITE_FAILED: [{ errno: null }],
  RANK_THREADS_CAPPED: [{ asked: '2', cores: 1 }],
  FILE_KIND_UNKNOWN: [
    { need: 'savedResult' },
    { need: 'rankInputs' },
    { need: 'evidence', found: 'set' },
    { need: 'evidence', found: 'appraisal' },
    { need: 'evidence', found: 'appraisal', with: 'appraisal' },
    { need: 'evidence', found: 'result' },
    { need: 'evidence', found: null },
  ],
  JSON_SYNTAX: [
    { error: 'CommaExpected', offset: 3 },
    { error: 'NotJson', offset: 0 },
  ],
  JSON_NOT_OBJECT: [{ found: 'string' }, { found: 'number' }, { found: 'boolean' }, { found: 'null' }, { found: 'other' }],
  LIMIT_EXCEEDED: [
    { what: 'fileValues', count: null, limit: 5000000 },
    { what: 'textCharacters', count: 20001, limit: 20000 },
    { what: 'objectProperties', count: 10001, limit: 10000 },
    { what: 'criteria', count: 5001, limit: 5000 },
    { what: 'inputs', count: 10001, limit: 10000 },
  ],
  SET_DUPLICATE_ID: [
    { id: 'a', among: 'inputOptions', owner: 'plan_timing' },
    { id: 'a', among: 'documents', owner: '1.1' },
    { id: 'A', among: 'classificationBands' },
    { id: 'index', among: 'roundingLevels' },
  ],
  SET_INPUT_TYPE: [
    { input: 'x', check: 'declaredType', expected: ['boolean', 'level', 'count', 'decimal', 'percent', 'date'], actual: 'tally' },
    { input: 'x', check: 'comparedValue', inputType: 'date', valueKind: 'number' },
    { input: 'x', check: 'orderingOperator', op: 'gt', inputType: 'level' },
  ],
  SET_UNKNOWN_OPTION: [{ option: 'a', input: 'x', options: [] }],
  SET_MISSING_OPTION: [
    { option: 'a', input: 'x', map: 'fractions' },
    { option: 'a', input: 'x', map: 'weights' },
  ],
  SET_FRACTION_RANGE: [{ what: 'weight', value: '-0.5' }],
  SET_TIER_BOUNDS: [
    { tier: 1, problem: 'maxWithoutInclusive' },
    { tier: 1, problem: 'inclusiveWithoutMin' },
    { tier: 1, problem: 'inclusiveWithoutMax' },
    { tier: 3, problem: 'empty', min: '90', max: '80.5' },
  ],
  SET_TIER_OVERLAP: [
    { a: 1, b: 2, at: null, included: true },
    { a: 1, b: 2, at: '80', included: false },
  ],
  SET_TIER_GAP: [
    { from: '50', to: '50' },
    { from: null, to: '0' },
    { from: '100', to: null },
  ],
  SET_BAND_OVERLAP: [
    { a: 'A', b: 'B', at: null, included: true },
    { a: 'A', b: 'B', at: '90', included: false },
  ],
  SET_BAND_BOUNDS: [{ band: 'A', problem: 'empty', min: '95', max: '90' }],
  SET_EXPRESSION_SHAPE: [
    { problem: 'notFinite' },
    { problem: 'notJson' },
    { problem: 'operatorKeys', keys: 2 },
    { problem: 'arity', op: 'and', found: 0, min: 1, max: null },
    { problem: 'arity', op: '-', found: 3, min: 1, max: 2 },
    { problem: 'arity', op: '!', found: 2, min: 1, max: 1 },
    { problem: 'varName' },
  ],
  EVIDENCE_UNKNOWN_INPUT: [{ input: 'x', criterion: null, set: 's@2026' }],
  SCORE_CLAIM_MISMATCH: [{ code: '3.7.2', claimed: '2', computed: '1.5', max: '1.5' }],
  SET_NOT_FOUND: [
    { ref: 'model.commune-pa@2026', suggest: 'model.commune-par@2026' },
    { ref: 'x@2026', list: 'cli' },
    { ref: 'x@2026', list: 'page' },
  ],
  EVIDENCE_VALUE_TYPE: [
    { input: 'answers', option: 'hai_long', expected: 'count', received: 'number', value: '-1' },
    { input: 'x', option: null, expected: 'boolean', received: 'string', value: 'yes' },
    { input: 'x', option: null, expected: 'level', received: 'number', value: '1' },
    { input: 'x', option: null, expected: 'decimal', received: 'array', value: null },
    { input: 'x', option: null, expected: 'percent', received: 'object', value: null },
    { input: 'x', option: null, expected: 'date', received: 'null', value: null },
    { input: 'x', option: null, expected: 'tally', received: 'boolean', value: 'false' },
  ],
  EVIDENCE_VALUE_RANGE: [
    { input: 'x', value: '-5', min: '0', max: null },
    { input: 'x', value: '1200', min: null, max: '1000' },
    { input: 'x', value: '1', min: null, max: null },
  ],
  EVIDENCE_DOCUMENT_INCOMPLETE: [
    { code: '1.1', missing: ['date'] },
    { code: '1.1', missing: ['number', 'date'] },
  ],
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: [{ number: null, code: '1.1', date: '2025-12-20', from: '2026-01-01', to: '2026-12-31' }],
  EVIDENCE_NUMBER_AMBIGUOUS: [
    { input: 'x', got: '1.500', thousands: '1500', decimal: '1.5', sheet: 'vi' },
    { input: 'x', got: '1.500', thousands: '1500', decimal: '1.5', sheet: 'en' },
    { input: 'x', got: '1,234,567', thousands: '1234567', decimal: null, sheet: 'vi' },
    { input: 'x', got: '1,234,567', thousands: '1234567', decimal: null },
  ],
  WORKBOOK_DOCUMENT_DATE: [
    { criterion: '1.1', requirement: 'plan_doc', label: null, labelEn: null, number: null, value: 'abc', problem: 'notDate' },
    { criterion: null, requirement: null, label: null, labelEn: null, number: '01/KH-UBND', value: '2026', problem: 'notDate' },
    { criterion: '1.1', requirement: null, label: null, labelEn: null, number: null, value: '31/02/2026', problem: 'notReal' },
  ],
  EVIDENCE_UNKNOWN_REQUIREMENT: [{ requirement: 'x', code: '1.1', known: [] }],
  EVIDENCE_NOT_APPLICABLE_VALUE: [
    { code: '3.1', reason: null, reasonEn: null },
    { code: '3.1', reason: 'không có', reasonEn: null },
  ],
  SCORE_MISSING_DOCUMENT: [{ code: '1.1', document: 'plan_doc', label: 'Kế hoạch', labelEn: null }],
  SCORE_EXPRESSION: [
    { code: '2.5', reason: 'notANumber', op: '*', got: 'none' },
    { code: '2.5', reason: 'notANumber', op: '+', got: 'list' },
    { code: '2.5', reason: 'notAllowed', op: 'method' },
    { code: '2.5', reason: 'result', got: '"abc"' },
    { code: '2.5', reason: 'tooLarge' },
  ],
  RANK_APPRAISAL_UNUSED: [
    { unit: null, reason: 'nothingRanked' },
    { unit: 'X', reason: 'sameEvidence', first: 'a.json' },
    { unit: 'X', reason: 'evidenceDuplicate', file: 'b.json', first: 'a.json' },
    { unit: 'X', reason: 'evidenceChanged', file: 'x.json', sha256: 'a'.repeat(64), ranked: 'b'.repeat(64) },
  ],
  APPRAISAL_EVIDENCE_MISMATCH: [{ field: 'criteriaSet', expected: 'a@2026', given: 'b@2026' }],
  APPRAISAL_UNKNOWN_ROUND: [{ round: 'round1', rounds: [] }],
};

const SCHEMA_CODES = ['SET_SCHEMA', 'EVIDENCE_SCHEMA', 'APPRAISAL_SCHEMA', 'RESULT_SCHEMA'] as const;

/** Every example and variant, as diagnostics. */
function samples(): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const code of DIAGNOSTIC_CODES) {
    const all = [DIAGNOSTIC_EXAMPLES[code], ...((VARIANTS as Record<string, unknown[]>)[code] ?? [])];
    for (const params of all) out.push(diag(code, '', params as never) as Diagnostic);
  }
  for (const code of SCHEMA_CODES) for (const issue of SCHEMA_ISSUES) out.push(diag(code, '', issue));
  return out;
}

describe('the sentences of every diagnostic', () => {
  it('every code has a sentence in both locales, and no locale a sentence for a code that does not exist', () => {
    expect(Object.keys(diagnosticsVi).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
    expect(Object.keys(diagnosticsEn).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });

  it('words every example and variant in both languages: a whole sentence, no placeholder, nothing undefined', () => {
    for (const d of samples())
      for (const lang of ['vi', 'en'] as const) {
        const text = diagnosticText(d, lang);
        expect(text, `${d.code} ${lang}`).toMatch(/^\S.*\.$/);
        expect(unfilledIn(text, d.params), `${d.code} ${lang}: ${text}`).toEqual([]);
      }
  });

  it('Vietnamese sentences hold no English word, English sentences no Vietnamese, outside what they quote', () => {
    for (const d of samples()) {
      const vi = diagnosticText(d, 'vi');
      const en = diagnosticText(d, 'en');
      expect(englishWordsIn(vi, d.params), `${d.code}: ${vi}`).toEqual([]);
      expect(vietnameseIn(en, d.params), `${d.code}: ${en}`).toEqual([]);
      expect(vi, d.code).not.toBe(en);
    }
  });

  it('numbers with the decimal comma and dates dd/mm/yyyy in Vietnamese, plurals in English', () => {
    const gap = diag('SET_TIER_GAP', '/t', { from: '89.95', to: '1170' });
    expect(diagnosticText(gap, 'vi')).toContain('từ 89,95 đến 1.170');
    expect(diagnosticText(gap, 'en')).toContain('from 89.95 to 1,170');
    const period = diag('SET_PERIOD', '/period', { from: '2027-01-01', to: '2026-12-31' });
    expect(diagnosticText(period, 'vi')).toBe('Kỳ đánh giá bắt đầu ngày 01/01/2027, sau ngày kết thúc 31/12/2026.');
    expect(diagnosticText(period, 'en')).toBe('The period starts on 2027-01-01, after it ends on 2026-12-31.');
    const claim = (claimed: string) => diagnosticText(diag('SCORE_CLAIM_MISMATCH', '', { code: '3.2', claimed, computed: '0.5' }), 'en');
    expect(claim('1')).toBe('"3.2" claims 1 point; the evidence supports 0.5.');
    expect(claim('2')).toBe('"3.2" claims 2 points; the evidence supports 0.5.');
    expect(diagnosticText(diag('SCORE_CLAIM_MISMATCH', '', { code: '3.2', claimed: '1.5', computed: '0.75' }), 'vi')).toBe('"3.2" tự chấm 1,5 điểm; minh chứng chỉ đủ cho 0,75 điểm.');
  });

  it('a null value: the input by its label, its form, and to leave the value out', () => {
    const d = diag('EVIDENCE_VALUE_TYPE', '/entries/0/value', {
      input: 'plan_issued_on',
      option: null,
      expected: 'date',
      received: 'null',
      value: null,
      label: 'Ngày ban hành Kế hoạch CCHC năm',
      labelEn: 'Date the plan was issued',
    });
    expect(diagnosticText(d, 'vi')).toBe(
      'Đầu vào "Ngày ban hành Kế hoạch CCHC năm" (plan_issued_on) cần ngày viết dạng năm-tháng-ngày (YYYY-MM-DD); nhận được null. Nếu chưa có số liệu, hãy bỏ hẳn giá trị này (không ghi null).',
    );
    expect(diagnosticText(d, 'en')).toBe(
      'The input "Date the plan was issued" (plan_issued_on) needs a date written YYYY-MM-DD; got null. If it is not known yet, leave the value out (do not write null).',
    );
  });

  it('a number that reads as two in a sheet: what it says to type reads as one ("1,1250", not "1,125" again)', () => {
    const d = (sheet: 'vi' | 'en') => diag('EVIDENCE_NUMBER_AMBIGUOUS', '', { input: 'x', got: '1.125', thousands: '1125', decimal: '1.125', sheet });
    expect(diagnosticText(d('vi'), 'vi')).toMatch(/: hãy nhập 1125 \(không có dấu ngăn cách hàng nghìn\) hoặc 1,1250 \(dấu phẩy trước phần thập phân\)\.$/);
    expect(diagnosticText(d('en'), 'en')).toMatch(/: type 1125 \(no thousands separator\) or 1\.1250 \(a dot before the decimals\)\.$/);
    // With two decimals, or a separator of each kind, the number as written reads as one already.
    const two = diag('EVIDENCE_NUMBER_AMBIGUOUS', '', { input: 'x', got: '1.480', thousands: '1480', decimal: '1.48', sheet: 'vi' });
    expect(diagnosticText(two, 'vi')).toMatch(/ hoặc 1,48 \(dấu phẩy/);
  });

  it('the formatter', () => {
    const vi = formatter('vi');
    const en = formatter('en');
    expect([vi.num('1234.5'), en.num('1234.5'), vi.num('1e+21'), vi.num(20000)]).toEqual(['1.234,5', '1,234.5', '1e+21', '20.000']);
    expect([vi.date('2026-03-01'), en.date('2026-03-01')]).toEqual(['01/03/2026', '2026-03-01']);
    expect([en.count('1', 'point'), en.count('-1', 'point'), en.count('0', 'point'), en.count('2.5', 'point'), vi.count('2.5', 'điểm')]).toEqual([
      '1 point',
      '-1 point',
      '0 points',
      '2.5 points',
      '2,5 điểm',
    ]);
    expect([en.list(['a', 'b', 'c'], 'or'), vi.list(['a', 'b'], 'and'), en.list(['a'], 'and'), en.list([], 'and')]).toEqual(['a, b or c', 'a và b', 'a', '']);
    expect([vi.literal('x'), vi.literal(1.5), en.literal(1.5), vi.literal(true), vi.literal(null)]).toEqual(['"x"', '1,5', '1.5', 'true', 'null']);
  });
});
