/**
 * The per-set evidence JSON Schema (evidenceSchema): every example evidence file validates against its
 * set's schema with ajv, and the mistakes an editor should mark are marked: a mistyped criterion code,
 * an input id of another criterion, a level that is not one, a document requirement that does not exist.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bundledSets, walkJsonFiles } from '@parindex/rules/node';
import { checkEvidence, compile, evidenceSchema, type CompiledSet } from '@parindex/engine';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const sets = bundledSets();
const compiledOf = new Map<string, CompiledSet>();
const compiledFor = (ref: string) => compiledOf.get(ref) ?? compiledOf.set(ref, compile(sets.get(ref))).get(ref)!;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
const validatorFor = (ref: string) => validators.get(ref) ?? validators.set(ref, ajv.compile(evidenceSchema(compiledFor(ref)))).get(ref)!;

const examples = walkJsonFiles(join(ROOT, 'examples'))
  .files.map((file) => ({ file, value: JSON.parse(readFileSync(file, 'utf8')) as J }))
  .filter((x) => Array.isArray(x.value.entries) && typeof x.value.criteriaSet === 'string');

describe('evidenceSchema: the JSON Schema of one set’s evidence', () => {
  it('finds the examples', () => expect(examples.length).toBeGreaterThanOrEqual(8));
  for (const { file, value } of examples) {
    it(`${file.slice(ROOT.length)} validates against ${value.criteriaSet}'s schema`, () => {
      const validate = validatorFor(value.criteriaSet);
      expect(validate(value) ? [] : validate.errors).toEqual([]);
    });
  }

  const vb = (): J => JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8'));
  const refused = (e: J) => !validatorFor('model.commune-par@2026')(e);
  const mistakes: Array<[string, (e: J) => void]> = [
    ['a mistyped criterion code "3.71"', (e) => (e.entries.find((x: J) => x.criterion === '3.7.1').criterion = '3.71')],
    ['an input id of another criterion', (e) => (e.entries.find((x: J) => x.criterion === '3.7.1').values.online_payments = 3)],
    ['a mistyped input id', (e) => (e.entries.find((x: J) => x.criterion === '3.7.1').values.online_dosiers = 3)],
    ['a count written as a decimal', (e) => (e.entries.find((x: J) => x.criterion === '3.7.1').values.online_dossiers = 9.5)],
    ['a level that is not one of the options', (e) => (e.entries.find((x: J) => x.values?.par_committee_head !== undefined).values.par_committee_head = 'boss')],
    ['a document for a requirement the criterion does not have', (e) => (e.entries.find((x: J) => x.criterion === '1.1.1').documents[0].for = 'budget_doc')],
    ['a date written day first', (e) => (e.entries.find((x: J) => x.criterion === '1.1.1').values.plan_issued_on = '12/01/2026')],
    ['another set', (e) => (e.criteriaSet = 'model.commune-par@2025')],
    ['another period', (e) => (e.period.to = '2026-06-30')],
  ];
  for (const [what, change] of mistakes) {
    it(`marks ${what}`, () => {
      const e = vb();
      expect(refused(e)).toBe(false);
      change(e);
      expect(refused(e)).toBe(true);
    });
  }
  it('names criteria and inputs by their labels, in Vietnamese or in English', () => {
    const c = compiledFor('model.commune-par@2026');
    const find = (s: J, code: string) => s.properties.entries.items.anyOf.find((b: J) => b.properties.criterion?.const === code);
    const vi = find(evidenceSchema(c), '3.7.1');
    const en = find(evidenceSchema(c, 'en'), '3.7.1');
    expect(vi.title).toMatch(/^3\.7\.1 /);
    expect(Object.keys(vi.properties.values.properties)).toContain('online_dossiers');
    expect(vi.properties.values.properties.online_dossiers.title).not.toBe(en.properties.values.properties.online_dossiers.title);
  });
  it('the examples the schema accepts are valid to the engine too', () => {
    for (const { value } of examples) expect(checkEvidence(compiledFor(value.criteriaSet), value).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
