/**
 * Schema sentences name a field by its label ('Lý do ("reason")', 'The reason ("reason")'): every
 * property of the file formats (the generated JSON Schemas of the criteria set, evidence, appraisal,
 * plan and progress files) has a label in both languages, and no label is left for a key no format has.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticText } from './index.js';
import { FIELDS as EN, FIELDS_IN as EN_IN } from './locales/en/fields.js';
import { FIELDS as VI, FIELDS_IN as VI_IN } from './locales/vi/fields.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMAS = {
  set: 'rules/criteria-set.schema.json',
  evidence: 'packages/engine/schema/evidence.schema.json',
  appraisal: 'packages/engine/schema/appraisal.schema.json',
  plan: 'packages/plans/schema/plan.schema.json',
  progress: 'packages/plans/schema/progress.schema.json',
} as const;

/** Every property name a schema declares, at any depth. */
function propertiesOf(file: string): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const props = (node as { properties?: unknown }).properties;
    if (props !== null && typeof props === 'object' && !Array.isArray(props)) for (const k of Object.keys(props)) keys.add(k);
    for (const v of Object.values(node)) walk(v);
  };
  walk(JSON.parse(readFileSync(`${ROOT}${file}`, 'utf8')));
  return keys;
}

describe('the labels of the formats’ fields', () => {
  const byFormat = Object.fromEntries(Object.entries(SCHEMAS).map(([format, file]) => [format, propertiesOf(file)])) as Record<keyof typeof SCHEMAS, Set<string>>;
  const all = new Set(Object.values(byFormat).flatMap((s) => [...s]));

  it('every property of every format has a label in Vietnamese and in English, and every label a property', () => {
    expect(all.size).toBeGreaterThan(100);
    expect([...all].filter((k) => !Object.hasOwn(VI, k)).sort()).toEqual([]);
    expect([...all].filter((k) => !Object.hasOwn(EN, k)).sort()).toEqual([]);
    expect(Object.keys(VI).filter((k) => !all.has(k))).toEqual([]);
    expect(Object.keys(EN).sort()).toEqual(Object.keys(VI).sort());
    for (const [format, labels] of Object.entries(VI_IN)) {
      expect(
        Object.keys(labels).filter((k) => !byFormat[format as keyof typeof SCHEMAS].has(k)),
        format,
      ).toEqual([]);
      expect(Object.keys(EN_IN[format as keyof typeof EN_IN] ?? {}).sort(), format).toEqual(Object.keys(labels).sort());
    }
  });

  it('names the field by its label in both languages, a key of another format by its own, an unknown key by itself', () => {
    const missing = (code: 'APPRAISAL_SCHEMA' | 'PLAN_SCHEMA', field: string) =>
      ({ code, severity: 'error', path: `/x/${field}`, params: { issue: 'missing', field, item: null, expected: ['string'], allowed: [] } }) as Parameters<typeof diagnosticText>[0];
    expect(diagnosticText(missing('APPRAISAL_SCHEMA', 'reason'), 'vi')).toBe('Thiếu lý do ("reason") (cần chuỗi ký tự).');
    expect(diagnosticText(missing('APPRAISAL_SCHEMA', 'reason'), 'en')).toBe('The reason ("reason") is missing (expected a string).');
    expect(diagnosticText(missing('APPRAISAL_SCHEMA', 'by'), 'en')).toBe('The author ("by") is missing (expected a string).');
    expect(diagnosticText(missing('PLAN_SCHEMA', 'by'), 'vi')).toBe('Thiếu hạn trong năm ("by") (cần chuỗi ký tự).');
    // A key of the file that is no format's (an input id, or "constructor") is quoted as it is.
    expect(diagnosticText(missing('APPRAISAL_SCHEMA', 'constructor'), 'en')).toBe('"constructor" is missing (expected a string).');
    expect(diagnosticText(missing('APPRAISAL_SCHEMA', 'online_payments'), 'vi')).toBe('Thiếu "online_payments" (cần chuỗi ký tự).');
  });
});
