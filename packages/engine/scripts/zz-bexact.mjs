// gzip bytes of exact.js+decimal.js alone, minified by esbuild
import { build } from 'esbuild'; import { gzipSync } from 'node:zlib';
const root = process.argv[2];
const r = await build({ bundle: true, platform: 'browser', format: 'esm', target: 'es2022', minify: true, write: false, logLevel: 'warning', stdin: { contents: `export * from '${root}/rules/dist/decimal.js'; export * from '${root}/rules/dist/intervals.js';`, resolveDir: root, loader: 'js' } });
const t = r.outputFiles[0].text; console.log(root, t.length, gzipSync(t, { level: 9 }).length);
if (process.argv[3]) console.log(t);
