/**
 * Schema problems in sentences: written from zod's structured issues (zod/mini has no English locale),
 * English as informative as zod's own messages, Vietnamese fully Vietnamese.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from './parse.js';

const base = JSON.parse(readFileSync(fileURLToPath(new URL('../../test/conformance/engine/shapes.set.json', import.meta.url)), 'utf8'));
type J = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function schemaProblems(change: (s: J) => unknown): Array<{ path: string; en: string; vi: string }> {
  const s = structuredClone(base);
  const replaced = change(s);
  return parseCriteriaSet(replaced === undefined ? s : replaced)
    .diagnostics.filter((d) => d.code === 'SET_SCHEMA')
    .map((d) => ({ path: d.path, en: d.message, vi: d.messageVi }));
}

const leaf = (s: J) => s.fields[0].children[0];

// [what, change, path, English, Vietnamese]
const CASES: Array<[string, (s: J) => unknown, string, string, string]> = [
  ['a boolean where a decimal goes', (s) => void (leaf(s).max = true), '/fields/0/children/0/max', 'expected a number or a string, received true', 'sai kiểu dữ liệu: cần số hoặc chuỗi ký tự, nhận được true'],
  ['a negative maximum', (s) => void (leaf(s).max = -1.5), '/fields/0/children/0/max', 'must be at least 0 (received -1.5)', 'không được nhỏ hơn 0 (nhận được -1,5)'],
  ['a decimal comma in a decimal string', (s) => void (leaf(s).max = '1,5'), '/fields/0/children/0/max', 'must be a non-negative decimal such as "0.25"', 'phải là số thập phân không âm dạng "0.25"'],
  ['a missing property', (s) => void delete s.period, '/period', 'a required value is missing (expected an object {…})', 'thiếu giá trị bắt buộc (cần đối tượng {…})'],
  ['a wrong literal', (s) => void (s.formatVersion = 2), '/formatVersion', 'must be 1 (received 2)', 'phải bằng 1 (nhận được 2)'],
  ['an unknown option', (s) => void (s.policies.ranking = 'olympic'), '/policies/ranking', 'must be one of "dense", "competition" (received "olympic")', 'phải là một trong các giá trị "dense", "competition" (nhận được "olympic")'],
  ['an unknown property', (s) => void (s.colour = 'red'), '', 'unknown property "colour"', 'có thuộc tính không được phép "colour"'],
  ['a text too long', (s) => void (s.title = 'x'.repeat(2001)), '/title', 'must be at most 2000 characters (it has 2001)', 'không được dài quá 2000 ký tự (hiện có 2001)'],
  ['an empty text', (s) => void (s.title = ''), '/title', 'must not be empty', 'không được để trống'],
  ['an empty list', (s) => void (s.fields = []), '/fields', 'must have at least 1 item (it has 0)', 'phải có ít nhất 1 mục (hiện có 0)'],
  ['a fraction where a whole number goes', (s) => void (s.displayPlaces = 2.5), '/displayPlaces', 'expected a whole number, received 2.5', 'sai kiểu dữ liệu: cần số nguyên, nhận được 2,5'],
  ['a number above its maximum', (s) => void (s.displayPlaces = 7), '/displayPlaces', 'must be at most 6 (received 7)', 'không được lớn hơn 6 (nhận được 7)'],
  ['a pattern with its own sentence', (s) => void (s.version = 'v2026'), '/version', 'must be a year with optional revisions, e.g. "2026" or "2026.1"', 'phải là năm, có thể kèm số hiệu chỉnh, ví dụ "2026" hoặc "2026.1"'],
  ['an unknown rule type', (s) => void (leaf(s).rule.type = 'bonus'), '/fields/0/children/0/rule/type', 'must be one of "boolean", "levels", "fraction", "allOf", "tiers", "proportional", "parts", "perItem", "survey", "onTime", "expression" (received "bonus")', 'phải là một trong các giá trị "boolean", "levels", "fraction", "allOf", "tiers", "proportional", "parts", "perItem", "survey", "onTime", "expression" (nhận được "bonus")'],
  ['a record key that is not an identifier', (s) => void (leaf(s).rule = { type: 'levels', input: 'plan_ok', points: { 'Tốt': 1 } }), '/fields/0/children/0/rule/points/Tốt', 'the key "Tốt" must be lower_snake_case: a letter, then letters, digits or _', 'khóa "Tốt" phải viết dạng chữ_thường: một chữ cái, sau đó là chữ cái, chữ số hoặc _'],
  ['a list instead of the set', () => [], '', 'expected an object {…}, received a list', 'sai kiểu dữ liệu: cần đối tượng {…}, nhận được một danh sách'],
];

describe('schema problems in English and Vietnamese', () => {
  for (const [what, change, path, en, vi] of CASES) {
    it(what, () => {
      const found = schemaProblems(change);
      expect(found).toContainEqual({ path, en: `${path === '' ? 'the file' : path}: ${en}.`, vi: `${path === '' ? 'tệp' : path}: ${vi}.` });
    });
  }

  it('the Vietnamese sentences carry no English from zod, the English ones no generic "Invalid input"', () => {
    for (const [, change] of CASES)
      for (const d of schemaProblems(change)) {
        expect(d.vi).not.toMatch(/\b(expected|received|invalid|must|input|string|number)\b/i);
        expect(d.en).not.toMatch(/Invalid input|Invalid option/);
      }
  });
});
