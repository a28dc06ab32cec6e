#!/usr/bin/env node
/**
 * The `parindex` command as built (scripts/bundle.mjs copies this file to dist/parindex.js): it runs
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
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const dir = dirname(fileURLToPath(import.meta.url));
const file = join(dir, 'cli.cjs');
const bytes = readFileSync(file);
const key = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
const source = bytes.toString('utf8');
const cacheFile = join(dir, `cli-${key}-${process.version}-${process.arch}.v8cache`);

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache for this bundle and this Node: compile from the source.
}
const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
const mode = process.env.PARINDEX_CODE_CACHE;
// PARINDEX_CODE_CACHE=check says whether the cache was used (why a start is slow; the tests).
if (mode === 'check') process.stderr.write(`parindex: code cache ${!cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
if (mode === 'write') {
  // After the run: the cache then holds every function the run compiled, not only the top level.
  process.on('exit', () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch (e) {
      process.stderr.write(`parindex: code cache not written (${(e as { code?: string }).code ?? String(e)})\n`);
    }
  });
}
const module = { exports: {} };
(script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void)(module.exports, createRequire(file), module, file, dir);
