// Writes the prebuilt browser file of @parindex/engine: dist/parindex.browser.min.js, one minified ESM
// file with the engine (compile, score, diff, rank …) and the sentences of @parindex/explain (createExplainer,
// explainSentences, diagnosticText, the documents), no Node built-ins, no eval. Its types are
// dist/parindex.browser.d.ts. Run after `tsc -b` (the root build does both); prints its gzip size.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const explain = fileURLToPath(new URL('../../explain/dist/index.js', import.meta.url));
const entry = `export * from ${JSON.stringify(`${dist}index.js`)};\nexport * from ${JSON.stringify(explain)};\n`;
const out = await build({
  stdin: { contents: entry, resolveDir: dist, sourcefile: 'parindex.browser.js', loader: 'js' },
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  write: false,
  logLevel: 'warning',
});
const code = out.outputFiles[0].text;
writeFileSync(`${dist}parindex.browser.min.js`, code);
// The engine's and the explanation package's types: the explanation package is not a dependency of the
// engine, so its types are reached through the engine's own (the browser file needs neither installed).
writeFileSync(`${dist}parindex.browser.d.ts`, "export * from './index.js';\nexport * from '@parindex/explain';\n");
const gz = gzipSync(code, { level: 9 }).length;
console.log(`wrote ${dist}parindex.browser.min.js: ${(code.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
