#!/usr/bin/env node
/**
 * The `parindex` command as built (dist/launch.cjs, the package's bin; dist/parindex.js only imports it,
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
 */
import crypto = require('node:crypto');
import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import vm = require('node:vm');

const dir = __dirname;
const file = path.join(dir, 'cli.cjs');
const bytes = fs.readFileSync(file);
const key = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32);
const source = bytes.toString('utf8');
const cacheFile = path.join(dir, `cli-${key}-${process.version}-${process.arch}.v8cache`);

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
