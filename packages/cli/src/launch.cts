#!/usr/bin/env node
/**
 * The `parindex` command as built (dist/launch.cjs, the package's bin; dist/parindex.js is a link to it,
 * for `node dist/parindex.js`): CommonJS, so that Node starts it without its ES module loader. It runs
 * dist/cli.cjs, the whole CLI bundled into one function (heavy libraries such as exceljs and docx sit
 * in dist/vendor/ and load only when a command needs them), through node:vm with V8's code cache, so
 * that a run does not parse and compile the CLI again: that is most of what a cold `parindex score`
 * costs beyond starting Node.
 *
 * The cache (dist/cli-<hash>.v8cache) is written once, when the bundle is built, by a run with
 * PARINDEX_CODE_CACHE=write. Its name holds the SHA-256 of the exact text compiled, the Node version and
 * the architecture, so a cache of another bundle or Node is never looked at; V8 checks it again (its own
 * version, flags and the source) and refuses any other. Without a cache, or with one refused, the CLI is
 * compiled from its source as any script: the same program, only slower to start. Runs never write
 * the cache (the installed package may be read-only and is shared by its users); PARINDEX_CODE_CACHE=check
 * prints whether it was used.
 *
 * A `rank` (the command, and its worker threads, rank-threads.ts) runs with V8's flags RANK_V8_FLAGS and
 * its own cache (dist/cli-….-rank.v8cache, written by a rank run at build time: V8 refuses a cache made
 * under other flags). Every other command keeps V8's defaults.
 */
import crypto = require('node:crypto');
import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import vm = require('node:vm');

/**
 * V8's flags for a rank. A cold rank reads and scores thousands of files once each, on every core, and
 * each thread warms up on its own: V8's optimizing compiler (TurboFan) compiles the same ~270 hot
 * functions again for each, on the same cores, which is about a third of the CPU time of a rank of
 * 3,321 files on 2 threads. Without inlining it does about half of that work, for code ~10 % slower
 * once warm: ~10 % less CPU time in all for 3,321 files, +3 % for 16,605 (docs/benchmarks.md, "A cold
 * `parindex rank`"; a ranking is of a province or of the country's 3,321 communes). A short command
 * gains nothing from it and loses by it (a cold `score` under any flag set here took ~4 ms more CPU, of
 * ~100): the other commands keep V8's defaults.
 */
const RANK_V8_FLAGS = '--no-turbo-inlining';

/**
 * The argument rank-threads.ts starts a rank worker thread with (RANK_WORKER_ARG of src/workers.ts): a
 * thread without it is not one, and neither that test nor any other command loads node:worker_threads.
 */
const RANK_WORKER_ARG = '--parindex-rank-worker';
const mayBeRank = process.argv[2] === 'rank' || process.argv[2] === RANK_WORKER_ARG;
const threads = mayBeRank ? (require('node:worker_threads') as typeof import('node:worker_threads')) : undefined;
/** A rank worker thread (rank-threads.ts starts it with this workerData; bin.ts then runs rank-worker.ts). */
const isRankWorker = threads !== undefined && !threads.isMainThread && (threads.workerData as { parindex?: unknown } | null)?.parindex === 'rank-worker';
const isRank = isRankWorker || (threads?.isMainThread === true && process.argv[2] === 'rank');
// The flags are the process's: set once, by the command's thread, before any of the bundle is compiled.
// node:v8 only then (another built-in module to load).
if (isRank && threads?.isMainThread) (require('node:v8') as typeof import('node:v8')).setFlagsFromString(RANK_V8_FLAGS);

const dir = __dirname;
const file = path.join(dir, 'cli.cjs');
const bytes = fs.readFileSync(file);
const key = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32);
const source = bytes.toString('utf8');
const cacheFile = path.join(dir, `cli-${key}-${process.version}-${process.arch}${isRank ? '-rank' : ''}.v8cache`);

let cachedData: Buffer | undefined;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // No cache for this bundle and this Node: compile from the source.
}
const script = new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
const mode = process.env.PARINDEX_CODE_CACHE;
// PARINDEX_CODE_CACHE=check says whether the cache was used (why a start is slow; the tests).
if (mode === 'check') process.stderr.write(`parindex: code cache ${!cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
if (mode === 'write') {
  // After the run: the cache then holds every function the run compiled, not only the top level.
  process.on('exit', () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch (e) {
      process.stderr.write(`parindex: code cache not written (${(e as { code?: string }).code ?? String(e)})\n`);
    }
  });
}
const cli = { exports: {} };
(script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void)(cli.exports, nodeModule.createRequire(file), cli, file, dir);
