// Builds the static page into dist/ (or the folder after --out): index.html, page.css and app.js, one
// classic script holding the engine, the sentences and every criteria set of rules/sets/ (no request
// leaves the page: it works offline, from any static web server or `parindex serve`). URLs are relative.
// Prints the sizes, gzip included. Run by the root `pnpm build` and `pnpm test`.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('../../../');
const at = process.argv.indexOf('--out');
const out = at > 0 ? resolve(process.argv[at + 1]) : here('../dist/');

/** Every set file under rules/sets/, in path order. */
function setFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? setFiles(p) : name.endsWith('.json') ? [p] : [];
    });
}

// The sources' bundled-sets module is an empty list; the page's holds the shipped sets.
const bundledSets = {
  name: 'bundled-sets',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]bundled-sets\.ts$/ }, () => {
      const sets = setFiles(join(ROOT, 'rules/sets')).map((f) => readFileSync(f, 'utf8').trim());
      return { contents: `export const BUNDLED_SETS = [\n${sets.join(',\n')}\n];\n`, loader: 'js' };
    });
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [here('../src/main.ts')],
  outfile: join(out, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  alias: {
    '@parindex/rules': join(ROOT, 'rules/src/index.ts'),
    '@parindex/engine': join(ROOT, 'packages/engine/src/index.ts'),
    '@parindex/explain': join(ROOT, 'packages/explain/src/index.ts'),
  },
  plugins: [bundledSets],
  logLevel: 'warning',
});
copyFileSync(here('../static/index.html'), join(out, 'index.html'));
copyFileSync(here('../static/page.css'), join(out, 'page.css'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = ['app.js', 'page.css', 'index.html'].map((f) => {
  const bytes = readFileSync(join(out, f));
  return `${f} ${kb(bytes.length)} (gzip ${kb(gzipSync(bytes, { level: 9 }).length)})`;
});
if (!process.argv.includes('--quiet')) console.log(`web page → ${out}: ${sizes.join(', ')}`);
