/**
 * (Here, beside evidenceSchema, for the JSON Schema validator the engine tests have.)
 * `parindex template <set> --schema <file>`: the set's evidence JSON Schema beside the template, and the
 * template's "$schema" pointing to it, so that an editor completes codes and ids and checks the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../cli/test/helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

describe('template --schema', () => {
  it('writes the schema, points "$schema" at it relative to the template, and the template validates against it', async () => {
    const dir = tempDir();
    const out = join(dir, 'units', 'hp-x.json');
    const schemaFile = join(dir, 'schemas', 'par.schema.json');
    const r = await cli(['template', 'model.commune-par', '--unit', 'HP-X', '--schema', schemaFile, '--out', out]);
    expect(r.code).toBe(0);
    const template = JSON.parse(readFileSync(out, 'utf8'));
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(Object.keys(template)[0]).toBe('$schema');
    expect(template.$schema).toBe('../schemas/par.schema.json');
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate(template) ? [] : validate.errors).toEqual([]);
    // What an editor marks: a mistyped code, an input of another criterion.
    const typo = structuredClone(template);
    typo.entries.find((e: J) => e.criterion === '3.7.1').criterion = '3.71';
    expect(validate(typo)).toBe(false);
    const filled = structuredClone(template);
    filled.entries.find((e: J) => e.criterion === '3.7.1').values = { online_dossiers: 952 };
    expect(validate(filled)).toBe(true);
    filled.entries.find((e: J) => e.criterion === '3.7.1').values = { online_payments: 3 };
    expect(validate(filled)).toBe(false);
  });

  it('labels in English with --lang en; without --schema the template has no "$schema"', async () => {
    const dir = tempDir();
    const schemaFile = join(dir, 'par.en.schema.json');
    const [withSchema, plain] = await Promise.all([cli(['template', 'model.commune-par', '--schema', schemaFile, '--lang', 'en']), cli(['template', 'model.commune-par'])]);
    expect(JSON.parse(withSchema.stdout).$schema).toMatch(/par\.en\.schema\.json$/);
    expect(JSON.parse(plain.stdout).$schema).toBeUndefined();
    expect(JSON.parse(readFileSync(schemaFile, 'utf8')).title).toMatch(/^Evidence for model\.commune-par@2026: Model criteria set/);
  });
});
