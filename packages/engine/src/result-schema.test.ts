import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { engineJsonSchemas, ScoreResultSchema } from './result-schema.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const schemaDir = here('../schema/');
const root = here('../../../');

describe('JSON Schemas of the engine formats', () => {
  it('the committed files are what the zod schemas generate (run scripts/write-schemas.mjs after a change)', () => {
    const generated = engineJsonSchemas();
    expect(Object.keys(generated).sort()).toEqual(['appraisal.schema.json', 'evidence.schema.json', 'result.schema.json']);
    for (const [name, schema] of Object.entries(generated)) {
      const committed = readFileSync(join(schemaDir, name), 'utf8');
      expect(committed, name).toBe(JSON.stringify(schema, null, 2) + '\n');
    }
  });

  it('rejects a result with a binary number where a decimal string belongs', () => {
    const bad = { formatVersion: 1, totals: { index: 89.95 } };
    expect(ScoreResultSchema.safeParse(bad).success).toBe(false);
  });
});

// Real results: every example evidence file scored with its bundled set must satisfy both the zod
// schema and the generated JSON Schema (checked with ajv).
function exampleFiles(): string[] {
  const dir = join(root, 'examples');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const unit of readdirSync(dir, { withFileTypes: true })) {
    if (!unit.isDirectory()) continue;
    for (const f of readdirSync(join(dir, unit.name))) if (f.endsWith('.json')) out.push(join(dir, unit.name, f));
  }
  return out;
}

const engineReady = existsSync(here('./score.ts')) && existsSync(here('./compile.ts'));
const examples = engineReady ? exampleFiles() : [];

describe.skipIf(examples.length === 0)('real results validate against the schema', () => {
  it('every example evidence file', async () => {
    const { compile, score } = await import('./index.js');
    const { bundledSets } = await import('@parindex/rules/node');
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(engineJsonSchemas()['result.schema.json']!);
    const lib = bundledSets();
    let checked = 0;
    for (const file of examples) {
      const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      if (!Array.isArray(value.entries) || typeof value.criteriaSet !== 'string' || !lib.find(value.criteriaSet)) continue;
      const compiled = compile(lib.get(value.criteriaSet));
      let result: unknown;
      try {
        result = score(compiled, value);
      } catch {
        continue; // an example of invalid evidence
      }
      const parsed = ScoreResultSchema.safeParse(result);
      expect(parsed.success, `${file}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      expect(validate(result), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
