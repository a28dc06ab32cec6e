// Writes packages/server/openapi.json, the OpenAPI document of the JSON API generated from the zod
// schemas (the server serves the same at /v1/openapi.json; a test fails when the committed file differs).
// Run after a build: npx tsc -b && node packages/server/scripts/write-openapi.mjs (part of `pnpm schema`).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../dist/openapi.js';

const out = new URL('../openapi.json', import.meta.url);
writeFileSync(out, JSON.stringify(openApiDocument(), null, 2) + '\n');
console.log('wrote', out.pathname);
