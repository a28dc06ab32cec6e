// Writes the JSON Schemas of the plan and progress formats, generated from the zod definitions, to
// packages/plans/schema/. Run after a build: npx tsc -b && node packages/plans/scripts/write-schemas.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { planJsonSchemas } from '../dist/json-schema.js';

const dir = new URL('../schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(planJsonSchemas())) {
  const out = new URL(name, dir);
  writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
  console.log('wrote', out.pathname);
}
