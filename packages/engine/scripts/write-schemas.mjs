// Writes the JSON Schemas of the result, evidence and appraisal formats, generated from the zod
// definitions, to packages/engine/schema/. Run after a build: npx tsc -b && node packages/engine/scripts/write-schemas.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { engineJsonSchemas } from '../dist/result-schema.js';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(engineJsonSchemas())) {
  const out = new URL(name, dir);
  writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
  console.log('wrote', out.pathname);
}
