// Writes packages/engine/src/shipped-sets.ts: the canonical SHA-256 (CompiledSet.sha256, the hash the
// provenance carries) of every criteria set shipped in rules/sets/, each checked in full here by the full
// compile(). The scoring entry (@parindex/engine/scoring) compiles a shipped set without its checks when its
// hash is one of these. A test fails when the table and the sets drift apart; `pnpm schema` runs this.
// Run after a build: npx tsc -b && node packages/engine/scripts/write-shipped-sets.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readJsonFile, walkJsonFiles } from '@parindex/rules/files';
import { compile } from '../dist/compile.js';

const setsDir = fileURLToPath(new URL('../../../rules/sets/', import.meta.url));
const rows = [];
for (const file of walkJsonFiles(setsDir).files) {
  const read = readJsonFile(file);
  if (!read.value) throw new Error(`${file}: not JSON`);
  const compiled = compile(read.value);
  rows.push([compiled.ref, compiled.sha256]);
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = fileURLToPath(new URL('../src/shipped-sets.ts', import.meta.url));
const text = `/**
 * The criteria sets shipped in rules/sets/, by ref, each with its canonical SHA-256 (CompiledSet.sha256,
 * the hash the provenance carries), checked in full by compile() when this table was written. Generated
 * by packages/engine/scripts/write-shipped-sets.mjs (\`pnpm schema\`); a test fails when it and the sets drift.
 */
export const SHIPPED_SETS: Readonly<Record<string, string>> = Object.freeze({
${rows.map(([ref, sha]) => `  ${JSON.stringify(ref).replace(/"/g, "'")}: '${sha}',`).join('\n')}
});
`;
writeFileSync(out, text);
console.log(`wrote ${out}: ${rows.length} sets`);
