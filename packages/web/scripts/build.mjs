// Builds the static page into dist/ (or the folder after --out): index.html, page.css and app.js, one
// classic script holding the engine, the sentences and every criteria set of rules/sets/ (no request
// leaves the page: it works offline, from any static web server or `parindex serve`), and workbook.js,
// the workbooks (@parindex/workbook with exceljs), which the page loads on first use only. URLs are
// relative. Prints the sizes, gzip included. Run by the root `pnpm build` and `pnpm test`.
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
/** The options both scripts are built with: one classic script each, minified, for the page's browsers. */
const SCRIPT = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
};
await build({
  ...SCRIPT,
  entryPoints: [here('../src/main.ts')],
  outfile: join(out, 'app.js'),
  alias: {
    '@parindex/rules': join(ROOT, 'rules/src/index.ts'),
    '@parindex/engine': join(ROOT, 'packages/engine/src/index.ts'),
    '@parindex/explain': join(ROOT, 'packages/explain/src/index.ts'),
  },
  plugins: [bundledSets],
});
// workbook.js takes the rules, the engine and the sentences from app.js (src/workbooks.ts puts these
// names on `parindexShared` before it loads the script): one copy of each, so that classes and sets are
// the page's, and app.js holds only what it uses. A name @parindex/workbook imports that is not listed
// fails this build; a listed name the page does not give fails the script as it loads.
const SHARED = {
  rules: ['dec', 'diag', 'foldText', 'hasErrors', 'LIMITS', 'nearestCode', 'nearestWord', 'readDateText', 'readJson', 'readValueText', 'saidOnce', 'valueTextDiagnostic'],
  engine: ['checkEvidence', 'ENGINE_VERSION', 'hashJson', 'score'],
  explain: ['createExplainer', 'inputHelp', 'LOCALES', 'nodeIndex'],
};
const fromPage = {
  name: 'from-page',
  setup(b) {
    b.onResolve({ filter: /^@parindex\/(rules|engine|explain)$/ }, (a) => ({ path: a.path.slice('@parindex/'.length), namespace: 'from-page' }));
    b.onLoad({ filter: /.*/, namespace: 'from-page' }, (a) => {
      const names = SHARED[a.path];
      const check = `const m = globalThis.parindexShared?.${a.path} ?? {};\nfor (const n of ${JSON.stringify(names)}) if (m[n] === undefined) throw new Error("workbook.js: the page gives no ${a.path}." + n);\n`;
      return { contents: check + names.map((n) => `export const ${n} = m.${n};`).join('\n'), loader: 'js' };
    });
  },
};
// The prebuilt browser files of exceljs and JSZip keep fallbacks for engines without `globalThis` or
// `self`, and a setImmediate polyfill that would accept code as a string, which build functions from
// strings (never reached in a browser); they are taken out so that the page holds no Function
// constructor at all. Anything else of the kind left in them fails the build here.
const FALLBACKS = [
  [/Function\("return this"\)\(\)/g, 'globalThis'],
  [/([\w$]+)=new Function\(""\+\1\)/g, '$1=function(){throw new TypeError("setImmediate")}'],
];
const noFunctionConstructor = {
  name: 'no-function-constructor',
  setup(b) {
    b.onLoad({ filter: /[\\/](exceljs\.bare|jszip)\.min\.js$/ }, (a) => {
      let text = readFileSync(a.path, 'utf8');
      for (const [pattern, replacement] of FALLBACKS) text = text.replace(pattern, replacement);
      const left = /(?<![\w$.])Function\s*\(|\beval\s*\(/.exec(text);
      if (left) throw new Error(`${a.path}: code built from a string at ${left.index}: ${text.slice(left.index - 40, left.index + 40)}`);
      return { contents: text, loader: 'js' };
    });
  },
};
await build({
  ...SCRIPT,
  entryPoints: [here('../src/workbook-script.ts')],
  outfile: join(out, 'workbook.js'),
  alias: {
    '@parindex/workbook': join(ROOT, 'packages/workbook/src/index.ts'),
    // The browser file without its polyfills (core-js, regenerator): the page's browsers need none.
    exceljs: join(ROOT, 'packages/workbook/node_modules/exceljs/dist/exceljs.bare.min.js'),
  },
  plugins: [fromPage, noFunctionConstructor],
});
copyFileSync(here('../static/index.html'), join(out, 'index.html'));
copyFileSync(here('../static/page.css'), join(out, 'page.css'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = ['app.js', 'workbook.js', 'page.css', 'index.html'].map((f) => {
  const bytes = readFileSync(join(out, f));
  return `${f} ${kb(bytes.length)} (gzip ${kb(gzipSync(bytes, { level: 9 }).length)})`;
});
if (!process.argv.includes('--quiet')) console.log(`web page → ${out}: ${sizes.join(', ')}`);
