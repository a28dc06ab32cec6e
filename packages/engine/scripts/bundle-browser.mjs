// Writes the prebuilt browser files of @parindex/engine, each one minified ESM file, no Node built-ins, no eval:
//   - dist/parindex.browser.min.js (@parindex/engine/browser): the engine (compile, score, diff, rank …) and
//     the sentences of @parindex/explain (createExplainer, explainSentences, diagnosticText, the documents);
//     its types are dist/parindex.browser.d.ts;
//   - dist/parindex.scoring.min.js (@parindex/engine/scoring-browser): the scoring entry alone
//     (src/scoring.ts: compile of a shipped or pinned set, score, checkEvidence, rank, summaries), no set
//     checker and no sentences; its types are those of dist/scoring.d.ts.
// Run after `tsc -b` (the root build does both); prints their gzip sizes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const explain = fileURLToPath(new URL('../../explain/dist/index.js', import.meta.url));
const entry = `export * from ${JSON.stringify(`${dist}index.js`)};\nexport * from ${JSON.stringify(explain)};\n`;
const options = { bundle: true, platform: 'browser', format: 'esm', target: 'es2022', minify: true, legalComments: 'eof', write: false, logLevel: 'warning' };
const out = await build({ ...options, stdin: { contents: entry, resolveDir: dist, sourcefile: 'parindex.browser.js', loader: 'js' } });
const code = out.outputFiles[0].text;
writeFileSync(`${dist}parindex.browser.min.js`, code);
const scoring = (await build({ ...options, entryPoints: [`${dist}scoring.js`] })).outputFiles[0].text;
writeFileSync(`${dist}parindex.scoring.min.js`, scoring);
// The engine's and the explanation package's types: the explanation package is not a dependency of the
// engine, so its types are reached through the engine's own (the browser file needs neither installed).
writeFileSync(`${dist}parindex.browser.d.ts`, "export * from './index.js';\nexport * from '@parindex/explain';\n");
for (const [name, text] of [
  ['parindex.browser.min.js', code],
  ['parindex.scoring.min.js', scoring],
])
  console.log(`wrote ${dist}${name}: ${(text.length / 1024).toFixed(1)} KB, ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
