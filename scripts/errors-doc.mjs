#!/usr/bin/env node
/**
 * Generates docs/errors.md from the diagnostics catalog (rules/src/diagnostics.ts): every code with its
 * severity, its meaning (the sentence with its placeholders) and an example message in English and in
 * Vietnamese. test/hostile/errors-doc.test.ts fails when docs/errors.md and the catalog differ.
 *
 *   node scripts/errors-doc.mjs          (after `npx tsc -b`: reads rules/dist) writes docs/errors.md
 */

/** Example values of the placeholders, by name; EXAMPLE_OVERRIDES replaces some per code. */
export const EXAMPLE_PARAMS = {
  file: 'minh-chung-2026.json', reason: 'EACCES', size: 52428800, limit: 20971520, hint: 'a criteria set has "fields", an evidence file "entries", an appraisal file "rounds"',
  hintVi: 'bộ tiêu chí có "fields", tệp minh chứng có "entries", tệp thẩm định có "rounds"',
  found: 'an array', foundVi: 'một mảng [...]', key: '__proto__', what: 'items in one list', whatVi: 'mục trong một danh sách', count: 20001,
  message: '/version must be a year with optional revisions, e.g. "2026" or "2026.1"', messageVi: '/version phải là năm, có thể kèm số hiệu chỉnh, ví dụ "2026" hoặc "2026.1"',
  from: '2026-01-01', to: '2026-12-31', code: '2.1', parent: '2', sum: '7', max: '6', cap: '8', floor: '0', points: '1.5',
  input: 'resolved_on_time', expected: 'a number (count, decimal or percent)', actual: 'boolean', type: 'level', option: 'early', options: 'on_time, late, none',
  value: '1.5', tier: 2, problem: '"min" needs "minInclusive" (true for "from X", false for "above X")', problemVi: '"min" cần "minInclusive" (true: "từ X", false: "trên X")',
  a: 1, b: 2, at: '90', where: 'from 50 to 60', band: 'B', operator: 'method', allowed: 'var if ?: == === != !== ! !! and or < <= > >= + - * / % min max in',
  ref: 'model.commune-par@2026', files: 'a.json, b.json', given: 'model.commune-par@2025', set: 'model.commune-par@2026', whereVi: ' của tiêu chí "2.1"',
  first: '/entries/3', expectedVi: 'số nguyên ≥ 0', got: '"95,5"', suggest: '95.5', bound: 'between 0 and 100', boundVi: 'từ 0 đến 100',
  other: 'resolved', otherValue: '1300', missing: 'number', missingVi: 'số, ký hiệu', number: '15/KH-UBND', date: '2025-12-20', requirement: 'budget_doc', known: 'plan_doc',
  document: 'Kế hoạch CCHC năm', detail: 'division by zero (1234567 / 0)', reasonVi: '"+" cần số, nhận được "abc"', claimed: '1', computed: '0.75', round: 'round3', rounds: 'round1, answer, round2',
  id: 'attended', firstLine: 7, target: 'minh-chung-2026-final.json', offset: 1834, asked: 16, cores: 4,
};

export const EXAMPLE_OVERRIDES = {
  SET_CODE_NOT_NESTED: { code: '3.1', parent: '2' },
  SET_CHILDREN_BELOW_MAX: { sum: '5.5', max: '6' },
  SET_FLOOR_ABOVE_MAX: { floor: '1.5', max: '1' },
  SET_POINTS_ABOVE_MAX: { points: '1.5', max: '1' },
  SET_POINTS_BELOW_FLOOR: { points: '-0.25', floor: '0' },
  SET_EXPRESSION_SHAPE: { problem: '"/" takes 2 argument(s), found 3', problemVi: '"/" nhận 2 đối số, ở đây có 3' },
  EVIDENCE_SET_MISMATCH: { given: 'model.commune-par@2025', expected: 'model.commune-par@2026' },
  EVIDENCE_PERIOD_MISMATCH: { given: '2025-01-01 – 2025-12-31', expected: '2026-01-01 – 2026-12-31' },
  FILE_NOT_FOUND: { file: 'examples/vinh-bao/par-2025.json' },
  FILE_UNREADABLE: { file: 'minh-chung/2026', reason: 'permission denied', reasonVi: 'không có quyền truy cập' },
  FILE_IS_FOLDER: { file: 'minh-chung/2026' },
  FILE_WRITE_FAILED: { file: 'bao-cao-2026.html', reason: 'the disk is full', reasonVi: 'ổ đĩa đã đầy' },
  STDOUT_WRITE_FAILED: { reason: 'the disk is full', reasonVi: 'ổ đĩa đã đầy' },
  FILE_NOT_REGULAR: { file: 'minh-chung/pipe.json', what: 'a named pipe (FIFO)', whatVi: 'một ống dẫn có tên' },
  FILE_LINK_LOOP: { file: 'minh-chung/2026/cu' },
  JSON_SYNTAX: { reason: 'a property name in double quotes was expected', reasonVi: 'cần tên thuộc tính trong dấu ngoặc kép' },
  SET_DUPLICATE_ID: { where: 'the parts of "2.4"', whereVi: 'các phần của "2.4"' },
  SET_INPUT_TYPE: { input: 'plan_timing', expected: 'yes/no (boolean)', actual: 'level' },
  SET_UNDECLARED_INPUT: { input: 'nobody' },
  SET_FRACTION_RANGE: { what: 'fraction' },
  SET_MISSING_OPTION: { option: 'none', input: 'plan_timing', what: 'points' },
  SET_TIER_OVERLAP: { at: '85' },
  SET_BAND_OVERLAP: { a: 'A', b: 'B', at: '90' },
  SET_ZERO_RANGE: { value: '0' },
  SET_EXPRESSION_DEPTH: { limit: 32 },
  SET_EXPRESSION_SIZE: { limit: 2000 },
  SET_DEPTH: { limit: 6 },
  JSON_TOO_DEEP: { limit: 64 },
  LIMIT_EXCEEDED: { limit: 20000 },
  EVIDENCE_SCHEMA: { message: '/entries/3/values: expected an object {…}, received "on_time"', messageVi: '/entries/3/values: sai kiểu dữ liệu: cần đối tượng {…}, nhận được "on_time"' },
  EVIDENCE_UNKNOWN_CRITERION: { code: '9.9' },
  EVIDENCE_UNKNOWN_INPUT: { input: 'plan_ok', where: ' of criterion "1.2"', whereVi: ' của tiêu chí "1.2"' },
  EVIDENCE_DUPLICATE_VALUE: { input: 'docs_assigned', first: '/entries/0' },
  EVIDENCE_VALUE_TYPE: { input: 'resolved', expected: 'a whole number ≥ 0', got: '"một nghìn"' },
  EVIDENCE_DECIMAL_COMMA: { input: 'online_rate', got: '95,5' },
  EVIDENCE_VALUE_RANGE: { input: 'online_rate', value: '105' },
  EVIDENCE_UNKNOWN_OPTION: { value: 'early', input: 'plan_timing' },
  EVIDENCE_EXCEEDS_OTHER: { value: '1301' },
  EVIDENCE_DATE_OUTSIDE_PERIOD: { value: '2025-12-31', input: 'q1_sent' },
  EVIDENCE_DOCUMENT_INCOMPLETE: { code: '1.1' },
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: { code: '1.1' },
  EVIDENCE_UNKNOWN_REQUIREMENT: { code: '1.1' },
  EVIDENCE_NOT_APPLICABLE_VALUE: { code: '3.1', reason: 'không được giao văn bản' },
  EVIDENCE_UNUSED_ENTRY: { at: '/entries/17' },
  SCORE_MISSING_INPUT: { code: '1.2', input: 'plan_timing' },
  SCORE_MISSING_DOCUMENT: { code: '1.1' },
  SCORE_DIVISION_BY_ZERO: { code: '2.5' },
  SCORE_EXPRESSION: { code: '2.5', reason: '"+" needs numbers, got "abc"' },
  SCORE_NO_TIER: { value: '-5' },
  SCORE_TOO_FEW_ANSWERS: { input: 'satisfaction', answers: '12', minAnswers: 30 },
  SCORE_CLAIM_ON_PARENT: { code: '1', claimed: '6', computed: '5.5' },
  SCORE_NEEDS_EXPLANATION: { code: '1.1' },
  APPRAISAL_SCHEMA: { message: '/rounds/0/items/0/reason: a required value is missing (expected a string)', messageVi: '/rounds/0/items/0/reason: thiếu giá trị bắt buộc (cần chuỗi ký tự)' },
  APPRAISAL_EVIDENCE_MISMATCH: { expected: 'HP-VINHBAO 4be0c3a1e2f0…', given: 'HP-VINHBAO 9d41aa07c3b2…' },
  APPRAISAL_OVERRIDE_RANGE: { code: '1.1', points: '2', floor: '0', max: '1' },
  APPRAISAL_UNKNOWN_CRITERION: { code: '1' },
  APPRAISAL_ANSWER_CHANGES_SCORE: { code: '3.7.2', round: 'answer' },
  RANK_APPRAISAL_UNUSED: { unit: 'HP-VINHBAO', reason: 'the evidence it names is not among the files ranked', reasonVi: 'minh chứng được thẩm định không có trong các tệp được xếp hạng' },
  RANK_DUPLICATE_UNIT: { unit: 'HP-VINHBAO', first: 'examples/vinh-bao/par-2026.json' },
  RANK_UNIT_LOOKALIKE: { unit: 'HP\\u{2011}VINHBAO', first: 'HP-VINHBAO', file: 'examples/vinh-bao/par-2026.json' },
  RESULT_SCHEMA: { message: '/totals/index: expected a string, received 83.6', messageVi: '/totals/index: sai kiểu dữ liệu: cần chuỗi ký tự, nhận được 83,6' },
};

const SECTIONS = [
  ['Reading and writing files', /^(FILE_|JSON_|LIMIT_|STDOUT_)/],
  ['Criteria sets', /^SET_/],
  ['Evidence', /^EVIDENCE_/],
  ['Scoring', /^SCORE_/],
  ['Appraisal', /^APPRAISAL_/],
  ['Saved results and ranking', /^(RESULT|RANK)_/],
];

const has = (params, name) => Object.hasOwn(params, name);
// As the catalog's fill(): a Vietnamese variant not given ({countVi}) is the plain param ({count}).
const fill = (template, params) =>
  template.replace(/\{([A-Za-z]+)\}/g, (whole, name) => {
    const n = !has(params, name) && name.endsWith('Vi') && has(params, name.slice(0, -2)) ? name.slice(0, -2) : name;
    return has(params, n) ? String(params[n]) : whole;
  });
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown of docs/errors.md for a catalog. */
export function renderErrorsDoc(catalog) {
  const out = [
    '# Error and warning codes',
    '',
    '<!-- Generated by scripts/errors-doc.mjs from rules/src/diagnostics.ts. Do not edit by hand: run',
    '     `npx tsc -b && node scripts/errors-doc.mjs`. test/hostile/errors-doc.test.ts fails when they differ. -->',
    '',
    'Every problem parindex finds is a diagnostic: a stable **code**, a **severity** (an *error* stops',
    'validation or scoring; a *warning* is reported in the result and scoring goes on), a JSON pointer to the',
    'place in the file (and, for files, the line and column), and one sentence in English and one in',
    'Vietnamese. The meaning column is the sentence with its placeholders `{…}`; the examples show it filled.',
    'test/hostile/codes.test.ts produces every code below from a small input.',
    '',
  ];
  const codes = Object.keys(catalog);
  for (const [title, re] of SECTIONS) {
    const mine = codes.filter((c) => re.test(c));
    if (mine.length === 0) continue;
    out.push(`## ${title}`, '', '| code | severity | meaning | example (en) | example (vi) |', '|---|---|---|---|---|');
    for (const code of mine) {
      const e = catalog[code];
      const params = { ...EXAMPLE_PARAMS, ...(EXAMPLE_OVERRIDES[code] ?? {}) };
      out.push(`| \`${code}\` | ${e.severity} | ${cell(e.en)} | ${cell(fill(e.en, params))} | ${cell(fill(e.vi, params))} |`);
    }
    out.push('');
  }
  const left = codes.filter((c) => !SECTIONS.some(([, re]) => re.test(c)));
  if (left.length) throw new Error(`codes outside every section: ${left.join(', ')}`);
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const { CATALOG } = await import(new URL('../rules/dist/diagnostics.js', import.meta.url).href);
  writeFileSync(new URL('../docs/errors.md', import.meta.url), renderErrorsDoc(CATALOG));
  console.log('docs/errors.md written');
}
