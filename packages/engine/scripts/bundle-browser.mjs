// Writes the prebuilt browser files of @parindex/engine, each one minified ESM file, no Node built-ins, no eval:
//   - dist/parindex.browser.min.js (@parindex/engine/browser): the engine (compile, score, diff, rank …) and
//     the sentences of @parindex/explain (createExplainer, explainSentences, diagnosticText, the documents);
//     its types are dist/parindex.browser.d.ts;
//   - dist/parindex.scoring.min.js (@parindex/engine/scoring-browser): the scoring entry alone
//     (src/scoring.ts: compile of a shipped or pinned set, score, checkEvidence, rank, summaries), no set
//     checker, no advice (its sets score in the compact form) and no sentences; its types are those of
//     dist/scoring.d.ts. It has a size budget (35 KB gzip), so terser minifies it once more after esbuild
//     (scripts/minify.mjs);
//   - dist/parindex.scoring-advice.min.js (@parindex/engine/scoring-advice-browser): the same entry with
//     the advice of full results (src/advice.ts: ADVICE, withAdvice), for a page that shows them; minified
//     the same way; its types are dist/parindex.scoring-advice.d.ts.
// Run after `tsc -b` (the root build does both); prints their gzip sizes, and fails when any file holds
// eval, the Function constructor, a node: import or require.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BROWSER_BUILD, bundleMinified, forbiddenInBrowser } from './minify.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const explain = fileURLToPath(new URL('../../explain/dist/index.js', import.meta.url));
const entry = `export * from ${JSON.stringify(`${dist}index.js`)};\nexport * from ${JSON.stringify(explain)};\n`;
const out = await build({ ...BROWSER_BUILD, stdin: { contents: entry, resolveDir: dist, sourcefile: 'parindex.browser.js', loader: 'js' } });
const code = out.outputFiles[0].text;
writeFileSync(`${dist}parindex.browser.min.js`, code);
const scoring = (await bundleMinified({ entryPoints: [`${dist}scoring.js`] })).code;
writeFileSync(`${dist}parindex.scoring.min.js`, scoring);
const withAdvice = `export * from ${JSON.stringify(`${dist}scoring.js`)};\nexport * from ${JSON.stringify(`${dist}advice.js`)};\n`;
const scoringAdvice = (await bundleMinified({ stdin: { contents: withAdvice, resolveDir: dist, sourcefile: 'parindex.scoring-advice.js', loader: 'js' } })).code;
writeFileSync(`${dist}parindex.scoring-advice.min.js`, scoringAdvice);
writeFileSync(`${dist}parindex.scoring-advice.d.ts`, "export * from './scoring.js';\nexport * from './advice.js';\n");
// The engine's and the explanation package's types: the explanation package is not a dependency of the
// engine, so its types are reached through the engine's own (the browser file needs neither installed).
writeFileSync(`${dist}parindex.browser.d.ts`, "export * from './index.js';\nexport * from '@parindex/explain';\n");
for (const [name, text] of [
  ['parindex.browser.min.js', code],
  ['parindex.scoring.min.js', scoring],
  ['parindex.scoring-advice.min.js', scoringAdvice],
]) {
  const found = Object.entries(forbiddenInBrowser(text)).flatMap(([what, is]) => (is ? [what] : []));
  if (found.length) throw new Error(`${name} holds what a strict page refuses: ${found.join(', ')}`);
  console.log(`wrote ${dist}${name}: ${(text.length / 1024).toFixed(1)} KB, ${(gzipSync(text, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
}
