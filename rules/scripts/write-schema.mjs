// Writes the JSON Schemas generated from the zod definitions. Run: pnpm schema
import { writeFileSync } from 'node:fs';
import { criteriaSetJsonSchema } from '../dist/index.js';

const out = new URL('../criteria-set.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(criteriaSetJsonSchema(), null, 2) + '\n');
console.log('wrote', out.pathname);
