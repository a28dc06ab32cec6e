/**
 * Schema problems as data (zod's structured issues, never its messages), and their sentences from
 * @parindex/explain: English as informative as zod's own messages, Vietnamese fully Vietnamese.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../packages/explain/src/index.js';
import { parseCriteriaSet } from './parse.js';

const base = JSON.parse(readFileSync(fileURLToPath(new URL('../../test/conformance/engine/shapes.set.json', import.meta.url)), 'utf8'));
type J = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function schemaProblems(change: (s: J) => unknown): Array<{ path: string; en: string; vi: string }> {
  const s = structuredClone(base);
  const replaced = change(s);
  return parseCriteriaSet(replaced === undefined ? s : replaced)
    .diagnostics.filter((d) => d.code === 'SET_SCHEMA')
    .map((d) => ({ path: d.path, en: diagnosticText(d, 'en'), vi: diagnosticText(d, 'vi') }));
}

const leaf = (s: J) => s.fields[0].children[0];
const RULE_TYPES = '"boolean", "levels", "fraction", "allOf", "tiers", "proportional", "parts", "perItem", "survey", "onTime", "expression", "given", …';

// [what, change, path, English, Vietnamese]
const CASES: Array<[string, (s: J) => unknown, string, string, string]> = [
  [
    'a boolean where a decimal goes',
    (s) => void (leaf(s).max = true),
    '/fields/0/children/0/max',
    'The maximum ("max") must be a number or a string (received true).',
    'Mức tối đa ("max") phải là số hoặc chuỗi ký tự (nhận được true).',
  ],
  [
    'a negative maximum',
    (s) => void (leaf(s).max = -1.5),
    '/fields/0/children/0/max',
    'The maximum ("max") must be at least 0 (received -1.5).',
    'Mức tối đa ("max") không được nhỏ hơn 0 (nhận được -1,5).',
  ],
  [
    'a decimal comma in a decimal string',
    (s) => void (leaf(s).max = '1,5'),
    '/fields/0/children/0/max',
    'The maximum ("max") must be a non-negative decimal such as "0.25".',
    'Mức tối đa ("max") phải là số thập phân không âm dạng "0.25".',
  ],
  ['a missing property', (s) => void delete s.period, '/period', 'The period ("period") is missing (expected an object {…}).', 'Thiếu kỳ đánh giá ("period") (cần đối tượng {…}).'],
  [
    'a wrong literal',
    (s) => void (s.formatVersion = 2),
    '/formatVersion',
    'The format version ("formatVersion") must be 1 (received 2).',
    'Phiên bản định dạng ("formatVersion") phải bằng 1 (nhận được 2).',
  ],
  [
    'an unknown option',
    (s) => void (s.policies.ranking = 'olympic'),
    '/policies/ranking',
    'The ranking ("ranking") must be one of "dense", "competition" (received "olympic").',
    'Xếp hạng ("ranking") phải là một trong các giá trị "dense", "competition" (nhận được "olympic").',
  ],
  ['an unknown property', (s) => void (s.colour = 'red'), '', 'The file has a property "colour" that the format does not know.', 'Tệp có thuộc tính "colour" không có trong định dạng.'],
  [
    'a text too long',
    (s) => void (s.title = 'x'.repeat(2001)),
    '/title',
    'The title ("title") must be at most 2,000 characters long (it has 2,001).',
    'Tiêu đề ("title") không được dài quá 2.000 ký tự (hiện có 2.001).',
  ],
  ['an empty text', (s) => void (s.title = ''), '/title', 'The title ("title") must not be empty.', 'Tiêu đề ("title") không được để trống.'],
  ['an empty list', (s) => void (s.fields = []), '/fields', 'The fields ("fields") must have at least 1 item (it has 0).', 'Các lĩnh vực ("fields") phải có ít nhất 1 mục (hiện có 0).'],
  [
    'a fraction where a whole number goes',
    (s) => void (s.displayPlaces = 2.5),
    '/displayPlaces',
    'The displayed decimal places ("displayPlaces") must be a whole number (received 2.5).',
    'Số chữ số thập phân hiển thị ("displayPlaces") phải là số nguyên (nhận được 2,5).',
  ],
  [
    'a number above its maximum',
    (s) => void (s.displayPlaces = 7),
    '/displayPlaces',
    'The displayed decimal places ("displayPlaces") must be at most 6 (received 7).',
    'Số chữ số thập phân hiển thị ("displayPlaces") không được lớn hơn 6 (nhận được 7).',
  ],
  [
    'a pattern with its own sentence',
    (s) => void (s.version = 'v2026'),
    '/version',
    'The version ("version") must be a year with optional revisions, e.g. "2026" or "2026.1".',
    'Phiên bản ("version") phải là năm, có thể kèm số hiệu chỉnh, ví dụ "2026" hoặc "2026.1".',
  ],
  [
    'an unknown rule type',
    (s) => void (leaf(s).rule.type = 'bonus'),
    '/fields/0/children/0/rule/type',
    `The type ("type") must be one of ${RULE_TYPES} (13 values) (received "bonus").`,
    `Kiểu ("type") phải là một trong các giá trị ${RULE_TYPES} (13 giá trị) (nhận được "bonus").`,
  ],
  [
    'a record key that is not an identifier',
    (s) => void (leaf(s).rule = { type: 'levels', input: 'plan_ok', points: { Tốt: 1 } }),
    '/fields/0/children/0/rule/points/Tốt',
    'The key "Tốt" of the points ("points") must be lower_snake_case: a letter, then letters, digits or _.',
    'Khóa "Tốt" của điểm ("points") phải viết dạng chữ_thường: một chữ cái, sau đó là chữ cái, chữ số hoặc _.',
  ],
  [
    'an item of a list',
    (s) => void (s.fields[0].children[1] = 7),
    '/fields/0/children/1',
    'Item 2 of the sub-criteria ("children") must be an object {…} (received 7).',
    'Mục thứ 2 của các tiêu chí con ("children") phải là đối tượng {…} (nhận được 7).',
  ],
  ['a list instead of the set', () => [], '', 'The file must be an object {…} (received a list).', 'Tệp phải là đối tượng {…} (nhận được một danh sách).'],
];

describe('schema problems in English and Vietnamese', () => {
  for (const [what, change, path, en, vi] of CASES) {
    it(what, () => {
      const found = schemaProblems(change);
      expect(found).toContainEqual({ path, en, vi });
    });
  }

  it('the Vietnamese sentences carry no English from zod, the English ones no generic "Invalid input"', () => {
    for (const [, change] of CASES)
      for (const d of schemaProblems(change)) {
        expect(d.vi.replace(/"[^"]*"/g, '')).not.toMatch(/\b(expected|received|invalid|must|input|string|number)\b/i);
        expect(d.en).not.toMatch(/Invalid input|Invalid option/);
      }
  });
});
