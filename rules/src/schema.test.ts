import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { criteriaSetJsonSchema } from './json-schema.js';
import { diagnosticText } from '../../packages/explain/src/index.js';
import { validateSetText } from './validate-file.js';
import { validate } from './set-validator.generated.js';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { SET_VALIDATOR_OPTIONS, setValidatorCode } from '../scripts/set-validator-code.mjs';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

describe('the JSON Schema of a criteria set', () => {
  it('is the one generated from the zod schema (run "pnpm schema" after changing rules/src/schema.ts)', () => {
    const committed = JSON.parse(readFileSync(here('../criteria-set.schema.json'), 'utf8'));
    expect(committed).toEqual(criteriaSetJsonSchema());
  });

  it('has its validator generated from it by ajv, byte for byte (run "pnpm schema" after changing the schema or ajv)', () => {
    const committed = readFileSync(here('./set-validator.generated.ts'), 'utf8');
    expect(committed === setValidatorCode(criteriaSetJsonSchema())).toBe(true);
  });

  it('gives the errors ajv compiling the schema at run time gives, on valid and broken sets', () => {
    const generatedValidate = validate as unknown as ValidateFunction;
    const compiled = new Ajv2020(SET_VALIDATOR_OPTIONS).compile(criteriaSetJsonSchema());
    const set = JSON.parse(base);
    const broken = [
      set,
      { ...set, extra: 1, scale: -1 },
      { ...set, fields: [{ ...set.fields[0], max: 'một', code: 'x.1', rule: { type: 'tiers', value: { ratio: {} }, tiers: [] } }] },
      { ...set, policies: { notApplicable: 'sometimes' }, rounding: [{ level: 'leaf', places: 9 }], decision: null },
      { ...set, title: '', inputs: [{ id: 'Bad', type: 'count', label: 'x'.repeat(2001) }] },
      42,
      [],
    ];
    for (const doc of broken) {
      const ok = generatedValidate(doc);
      expect(ok).toBe(compiled(doc));
      expect(generatedValidate.errors ?? null).toEqual(compiled.errors ?? null);
    }
    expect(broken.slice(1).every((d) => !generatedValidate(d))).toBe(true);
  });
});

const base = readFileSync(here('../../test/conformance/engine/shapes.set.json'), 'utf8');

describe('validateSetText', () => {
  it('accepts a valid set', () => {
    const r = validateSetText(base, 'shapes.set.json');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.value?.id).toBe('test.shapes');
  });

  it('reports a schema error with file, pointer, line and column, in English and Vietnamese', () => {
    const text = base.replace('"title": "Kế hoạch đáp ứng yêu cầu", "max": 1', '"title": "Kế hoạch đáp ứng yêu cầu", "max": "một"');
    const r = validateSetText(text, 'bad.json');
    expect(r.value).toBeUndefined();
    const d = r.diagnostics.find((x) => x.path === '/fields/0/children/0/max');
    expect(d).toMatchObject({ code: 'SET_SCHEMA', file: 'bad.json', severity: 'error' });
    const lineOf = text.split('\n').findIndex((l) => l.includes('"max": "một"')) + 1;
    expect(d!.line).toBe(lineOf);
    expect(d!.params).toMatchObject({ issue: 'pattern', pattern: 'nonNegativeDecimal', field: 'max', item: null });
    expect(diagnosticText(d!, 'en')).toBe('The maximum ("max") must be a non-negative decimal such as "0.25".');
    expect(diagnosticText(d!, 'vi')).toBe('Mức tối đa ("max") phải là số thập phân không âm dạng "0.25".');
  });

  it("a refused head (status, decision's date) does not hide the criteria's problems: every problem at once", () => {
    const set = JSON.parse(readFileSync(fileURLToPath(new URL('../sets/targets.kien-tho/2026.json', import.meta.url)), 'utf8'));
    set.status = 'finished';
    set.decision.date = '15/01/2026';
    set.fields[0].children[0].rule.value.ratio.numerator = 'dossiers_on_tme';
    const r = validateSetText(JSON.stringify(set, null, 2), 'my-set.json');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['SET_SCHEMA', '/status'],
      ['SET_SCHEMA', '/decision/date'],
      ['SET_UNDECLARED_INPUT', '/fields/0/children/0/rule/value/ratio/numerator'],
    ]);
    // A refusal inside the criteria: their checks would read what was refused, so only the schema speaks.
    set.fields[0].max = 'một';
    expect(validateSetText(JSON.stringify(set), 'my-set.json').diagnostics.map((d) => d.code)).toEqual(['SET_SCHEMA', 'SET_SCHEMA', 'SET_SCHEMA']);
  });

  it('says a pattern with the sentence of the schema, and a type by its name, in both languages', () => {
    const text = base
      .replace('"title": "Kế hoạch đáp ứng yêu cầu", "max": 1', '"title": "Kế hoạch đáp ứng yêu cầu", "max": "1,5"')
      .replace('"formatVersion": 1', '"formatVersion": 1, "displayPlaces": 2.5');
    const r = validateSetText(text, 'bad.json');
    expect(r.diagnostics.map((d) => [d.path, diagnosticText(d, 'en'), diagnosticText(d, 'vi')])).toEqual([
      // The value the file holds is quoted, as in evidence and progress files.
      ['/displayPlaces', 'The displayed decimal places ("displayPlaces") must be a whole number (received 2.5).', 'Số chữ số thập phân hiển thị ("displayPlaces") phải là số nguyên (nhận được 2,5).'],
      ['/fields/0/children/0/max', 'The maximum ("max") must be a non-negative decimal such as "0.25".', 'Mức tối đa ("max") phải là số thập phân không âm dạng "0.25".'],
    ]);
  });

  it('names the one rule type that fits instead of every alternative', () => {
    const text = base.replace('"rule": { "type": "boolean", "input": "plan_ok" }', '"rule": { "type": "boolean", "input": "plan_ok", "pointz": 1 }');
    const r = validateSetText(text, 'bad.json');
    expect(r.diagnostics.map((d) => [d.code, d.path, diagnosticText(d, 'en')])).toEqual([
      ['SET_SCHEMA', '/fields/0/children/0/rule', 'The rule ("rule") has a property "pointz" that the format does not know.'],
    ]);
  });

  it('inside a rule, a condition: the one problem of the condition, not the alternatives of the rule or of the condition', () => {
    const allOf = '"conditions": [{ "input": "tasks_identified", "is": true }, { "input": "budget_allocated", "is": true }]';
    const cases: Array<[string, string, string]> = [
      // A value longer than any value may be: its length, not "must be a decimal" nor "rule must be boolean".
      [
        `"conditions": [{ "input": "tasks_identified", "is": true }, { "input": "budget_allocated", "op": "eq", "value": "${'y'.repeat(300)}" }]`,
        '/conditions/1/value',
        'The value ("value") must be at most 200 characters long',
      ],
      // An operator the format does not have.
      ['"conditions": [{ "input": "tasks_identified", "op": "about", "value": 1 }]', '/conditions/0/op', 'The operator ("op") must be one of'],
      // A condition with a property of another kind of condition.
      ['"conditions": [{ "input": "tasks_identified", "is": true, "value": 1 }]', '/conditions/0', 'Item 1 of the conditions ("conditions") has a property "value" that the format does not know'],
    ];
    for (const [replacement, at, says] of cases) {
      const r = validateSetText(base.replace(allOf, replacement), 'bad.json');
      const rule = '/fields/0/children/3/rule';
      expect(
        r.diagnostics.map((d) => d.path),
        replacement.slice(0, 60),
      ).toEqual([rule + at]);
      expect(diagnosticText(r.diagnostics[0]!, 'en')).toContain(says);
    }
  });

  it('reports cross-field problems: duplicate codes, overlapping and gapped tiers, maxima that do not add up, undeclared inputs', () => {
    const text = base
      .replace('"code": "1.2"', '"code": "1.1"')
      .replace('{ "min": 80, "minInclusive": true, "max": 90, "maxInclusive": false, "points": 0.75 }', '{ "min": 80, "minInclusive": true, "max": 90, "maxInclusive": true, "points": 0.75 }')
      .replace('{ "min": 50, "minInclusive": true, "max": 70, "maxInclusive": false, "points": 0.25 }', '{ "min": 55, "minInclusive": true, "max": 70, "maxInclusive": false, "points": 0.25 }')
      .replace('"code": "2", "title": "Thủ tục hành chính", "max": 6', '"code": "2", "title": "Thủ tục hành chính", "max": 5')
      .replace('{ "input": "budget_allocated", "is": true }', '{ "input": "budget", "is": true }');
    const r = validateSetText(text, 'bad.json');
    const got = r.diagnostics.map((d) => `${d.code} ${d.path}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'SET_DUPLICATE_CODE /fields/0/children/1/code',
        'SET_TIER_OVERLAP /fields/1/children/0/rule/tiers/0',
        'SET_TIER_GAP /fields/1/children/0/rule/tiers',
        'SET_CHILDREN_EXCEED_MAX /fields/1/max',
        'SET_UNDECLARED_INPUT /fields/0/children/3/rule/conditions/1/input',
      ]),
    );
    const gap = r.diagnostics.find((d) => d.code === 'SET_TIER_GAP')!;
    expect(gap.params).toEqual({ from: '50', to: '55' });
    expect(diagnosticText(gap, 'en')).toBe('The tiers leave the values from 50 to 55 uncovered: a value there would have no points. Add a tier or move a bound.');
    expect(diagnosticText(gap, 'vi')).toBe('Các bậc bỏ trống các giá trị từ 50 đến 55: giá trị tại đó không có điểm. Hãy thêm bậc hoặc sửa cận.');
    expect(r.diagnostics.every((d) => d.file === 'bad.json' && typeof d.line === 'number')).toBe(true);
  });

  it('reports invalid JSON with line and column', () => {
    const r = validateSetText('{\n  "formatVersion": 1,\n  "id": "x"\n  "version": "2026"\n}', 'broken.json');
    expect(r.diagnostics).toMatchObject([{ code: 'JSON_SYNTAX', line: 4, column: 3, file: 'broken.json' }]);
    expect(r.diagnostics[0]!.params).toMatchObject({ error: 'CommaExpected' });
    expect(diagnosticText(r.diagnostics[0]!, 'en')).toBe('Invalid JSON: a comma was expected.');
    expect(diagnosticText(r.diagnostics[0]!, 'vi')).toBe('JSON không hợp lệ: thiếu dấu phẩy.');
  });
});
