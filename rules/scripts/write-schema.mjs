// Writes the JSON Schema generated from the zod definitions, and its validator as code. Run: pnpm schema
import { writeFileSync } from 'node:fs';
import { criteriaSetJsonSchema } from '../dist/index.js';
import { setValidatorCode } from './set-validator-code.mjs';

const schema = criteriaSetJsonSchema();
const out = new URL('../criteria-set.schema.json', import.meta.url);
writeFileSync(out, JSON.stringify(schema, null, 2) + '\n');
console.log('wrote', out.pathname);
const validator = new URL('../src/set-validator.generated.ts', import.meta.url);
writeFileSync(validator, setValidatorCode(schema));
console.log('wrote', validator.pathname);
