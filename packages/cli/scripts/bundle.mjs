// Bundles the compiled CLI (dist/bin.js and everything it imports) for a fast cold start:
//   - dist/cli.cjs: the whole CLI in one CommonJS function, run by dist/launch.cjs (src/launch.cts) through
//     node:vm with V8's code cache. One script instead of a few hundred modules, and no parse or compile
//     of it at a run once the cache exists;
//   - dist/vendor/<name>.cjs: the heavy libraries (exceljs, JSZip, docx, ajv, Hono), each required only
//     when a command needs it (a workbook, a Word file, a --rules file, serve);
//   - dist/cli-<hash>-<node>-<arch>.v8cache: the code cache, written by one run of `parindex score` on the
//     example commune (PARINDEX_CODE_CACHE=write), for this bundle and this Node only; and
//     dist/cli-<hash>-<node>-<arch>-rank.v8cache, the same for `rank` and its workers (which run under
//     other V8 flags, src/launch.cts), written by a rank of the example communes;
//   - dist/serve-worker.js (ESM, with its chunks in dist/chunks/): the worker threads of `serve` (bin.ts
//     passes its path, see src/workers.ts); those of `rank` run dist/launch.cjs itself (src/rank-worker.ts);
//   - dist/shipped-sets/: each shipped criteria set checked in full once, here, and recorded with its
//     file's SHA-256 (src/shipped.ts), so that a run compiles a shipped set without checking it again.
// Run after `tsc -b` (the root "build" script does both).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync, renameSync, chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const serveWorker = fileURLToPath(import.meta.resolve('@parindex/server/worker'));
for (const old of ['chunks', 'vendor']) rmSync(`${dist}${old}`, { recursive: true, force: true });
for (const name of readdirSync(dist)) if (name.endsWith('.v8cache') || name.startsWith('parindex.') || name === 'cli.cjs' || name === 'pool-worker.js') rmSync(`${dist}${name}`);

const common = { bundle: true, platform: 'node', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' };

// The worker threads of serve: ESM, with their chunks.
await build({
  ...common,
  entryPoints: { 'serve-worker': serveWorker },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  // ajv and other CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __parindexRequire } from 'node:module'; const require = __parindexRequire(import.meta.url);" },
});

/** The heavy libraries, by the file of dist/vendor/ that holds them (a library and its subpaths in one file: one copy of each). */
const VENDOR = { exceljs: /^exceljs$/, jszip: /^jszip$/, docx: /^docx$/, ajv: /^ajv(\/.*)?$/, hono: /^(hono|@hono\/node-server)(\/.*)?$/ };
const vendorOf = (spec) => Object.keys(VENDOR).find((name) => VENDOR[name].test(spec));
/** spec → its file, per vendor file. */
const vendored = new Map(Object.keys(VENDOR).map((name) => [name, new Map()]));

const vendorPlugin = {
  name: 'vendor',
  setup(b) {
    b.onResolve({ filter: /^(exceljs|jszip|docx|ajv|hono|@hono\/node-server)(\/.*)?$/ }, async (args) => {
      if (args.pluginData === 'vendor') return undefined;
      const name = vendorOf(args.path);
      if (!name) return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'vendor' });
      if (r.errors.length) return { errors: r.errors };
      const seen = vendored.get(name).get(args.path);
      if (seen && seen !== r.path) return { errors: [{ text: `${args.path} resolves to two files (${seen}, ${r.path})` }] };
      vendored.get(name).set(args.path, r.path);
      return { path: args.path, namespace: 'vendor', pluginData: name };
    });
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({
      contents: `module.exports = __parindexVendor(${JSON.stringify(vendorOf(args.path))})[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
  },
};

// The CLI: one CommonJS script, the body of the function the launcher runs (strict, as the ES modules it comes from).
const cli = await build({
  ...common,
  entryPoints: [`${dist}bin.js`],
  write: false,
  outfile: `${dist}cli.cjs`,
  format: 'cjs',
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [vendorPlugin],
  define: { 'import.meta.url': '__parindexUrl', 'import.meta.resolve': '__parindexResolve' },
  banner: {
    js: [
      '"use strict";',
      'const __parindexUrl = require("node:url").pathToFileURL(__filename).href;',
      'const __parindexResolve = (spec) => require("node:url").pathToFileURL(require.resolve(spec)).href;',
      'const __parindexVendor = (name) => require(require("node:path").join(__dirname, "vendor", name + ".cjs"));',
    ].join('\n'),
  },
});
const body = cli.outputFiles[0].text.replace(/^#!.*\n/, '');
if (/\bimport\(|import\.meta/.test(body.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""')))
  throw new Error('dist/cli.cjs: a dynamic import() or import.meta is left (the launcher runs it as a script)');
writeAtomic(`${dist}cli.cjs`, `(function (exports, require, module, __filename, __dirname) {${body}\n})`);

for (const [name, specs] of vendored) {
  if (specs.size === 0) continue;
  const entries = [...specs].map(([spec, file]) => `${JSON.stringify(spec)}: require(${JSON.stringify(file)})`);
  await build({ ...common, stdin: { contents: `module.exports = {${entries.join(',\n')}};`, resolveDir: dist, loader: 'js' }, outfile: `${dist}vendor/${name}.cjs`, format: 'cjs' });
}

// The launcher is dist/launch.cjs (tsc's output of src/launch.cts, the package's bin); dist/parindex.js
// only imports it, for `node dist/parindex.js` (an ES module, as every .js of this package).
writeAtomic(`${dist}parindex.js`, "#!/usr/bin/env node\n// The parindex command: dist/launch.cjs (see src/launch.cts).\nimport './launch.cjs';\n");
for (const bin of ['parindex.js', 'launch.cjs']) chmodSync(`${dist}${bin}`, 0o755);

const { writeShippedSets } = await import(new URL('../dist/shipped.js', import.meta.url).href);
const { BUNDLED_SETS_DIR } = await import('@parindex/rules/node');
writeShippedSets(BUNDLED_SETS_DIR, `${dist}shipped-sets`);

// The code caches, each written when its run ends: one run of the usual command, and one of a rank on
// two threads (a rank runs under other V8 flags, and V8 takes a cache made under the same flags only:
// src/launch.cts).
const examples = ['vinh-bao', 'dai-son', 'kien-tho', 'nguyen-luong-bang', 'tran-lieu'].map((unit) => `${root}examples/${unit}/par-2026.json`);
if (examples.every((f) => existsSync(f))) {
  for (const [args, suffix] of [
    [['score', examples[0]], '.v8cache'],
    [['rank', '--threads', '2', ...examples], '-rank.v8cache'],
  ]) {
    const run = spawnSync(process.execPath, [`${dist}parindex.js`, ...args], { env: { ...process.env, PARINDEX_CODE_CACHE: 'write' }, encoding: 'utf8' });
    const written = readdirSync(dist).some((f) => f.endsWith(suffix) && (suffix === '-rank.v8cache' || !f.endsWith('-rank.v8cache')));
    if (run.status !== 0 || !written) throw new Error(`the run that writes the code cache (${args[0]}) failed (exit ${run.status}): ${run.stderr}`);
  }
}

function writeAtomic(file, text) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
