/**
 * The launcher (src/launch.cts, built to dist/launch.cjs, the bin; dist/parindex.js imports it): it runs
 * dist/cli.cjs with V8's code cache when there is one for exactly that text and this Node, and the same
 * program without it. A small cli.cjs beside a copy of the launcher shows each case; the built CLI shows
 * that the build wrote a cache this Node takes.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir, VB } from './helpers.js';

const run = promisify(execFile);
const DIST = join(ROOT, 'packages/cli/dist');

/** A folder with the built launcher (both entries, parindex.js a link to launch.cjs as in dist/) and this program as its cli.cjs. */
function folder(word: string): string {
  const dir = tempDir();
  copyFileSync(join(DIST, 'launch.cjs'), join(dir, 'launch.cjs'));
  symlinkSync('launch.cjs', join(dir, 'parindex.js'));
  writeFileSync(join(dir, 'cli.cjs'), program(word));
  return dir;
}

/** A cli.cjs as the build writes one: the body of a CommonJS function. */
const program = (word: string) =>
  `(function (exports, require, module, __filename, __dirname) {"use strict";\nconst path = require("node:path");\nprocess.stdout.write(${JSON.stringify(word)} + " " + path.basename(__filename) + " " + process.argv.slice(2).join(","));\n})`;

async function launch(dir: string, mode = 'check', entry = 'launch.cjs', args = ['a', 'b']): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [join(dir, entry), ...args], { env: { ...process.env, PARINDEX_CODE_CACHE: mode }, encoding: 'utf8' });
}

describe('the launcher and its code cache', () => {
  it('without a cache it runs the program; a run with PARINDEX_CODE_CACHE=write writes one, named by the text and this Node, that the next run takes', async () => {
    const dir = folder('hello');
    expect(await launch(dir)).toEqual({ stdout: 'hello cli.cjs a,b', stderr: 'parindex: code cache absent\n' });
    expect((await launch(dir, 'write')).stdout).toBe('hello cli.cjs a,b');
    const key = createHash('sha256')
      .update(readFileSync(join(dir, 'cli.cjs')))
      .digest('hex')
      .slice(0, 32);
    expect(readdirSync(dir).sort()).toEqual([`cli-${key}-${process.version}-${process.arch}.v8cache`, 'cli.cjs', 'launch.cjs', 'parindex.js']);
    expect(await launch(dir)).toEqual({ stdout: 'hello cli.cjs a,b', stderr: 'parindex: code cache used\n' });
    // dist/parindex.js, a link to the launcher, runs the same program with the same cache.
    expect(await launch(dir, 'check', 'parindex.js')).toEqual({ stdout: 'hello cli.cjs a,b', stderr: 'parindex: code cache used\n' });
  });

  it('dist/parindex.js is a link to launch.cjs (Node then starts it as CommonJS, without its ES module loader)', () => {
    expect(lstatSync(join(DIST, 'parindex.js')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(DIST, 'parindex.js'))).toBe('launch.cjs');
  });

  it('a cache that V8 refuses changes nothing; a program of the same length but other text never looks at the old cache', async () => {
    const dir = folder('hello');
    await launch(dir, 'write');
    const cache = readdirSync(dir).find((f) => f.endsWith('.v8cache'))!;
    writeFileSync(join(dir, cache), Buffer.alloc(4096, 7));
    expect(await launch(dir)).toEqual({ stdout: 'hello cli.cjs a,b', stderr: 'parindex: code cache rejected\n' });
    // Same length, other words: V8 alone would take the old cache (it checks the length of the text).
    await launch(dir, 'write');
    writeFileSync(join(dir, 'cli.cjs'), program('howdy'));
    expect(await launch(dir)).toEqual({ stdout: 'howdy cli.cjs a,b', stderr: 'parindex: code cache absent\n' });
  });

  it('a rank has a cache of its own (it runs under other V8 flags), which no other command looks at', async () => {
    const dir = folder('hello');
    const rank = ['rank', 'x'];
    expect(await launch(dir, 'check', 'launch.cjs', rank)).toEqual({ stdout: 'hello cli.cjs rank,x', stderr: 'parindex: code cache absent\n' });
    await launch(dir, 'write', 'launch.cjs', rank);
    const key = createHash('sha256')
      .update(readFileSync(join(dir, 'cli.cjs')))
      .digest('hex')
      .slice(0, 32);
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8cache'))).toEqual([`cli-${key}-${process.version}-${process.arch}-rank.v8cache`]);
    expect(await launch(dir, 'check', 'launch.cjs', rank)).toEqual({ stdout: 'hello cli.cjs rank,x', stderr: 'parindex: code cache used\n' });
    expect(await launch(dir)).toEqual({ stdout: 'hello cli.cjs a,b', stderr: 'parindex: code cache absent\n' });
    // The rank's cache is of its flags: under V8's defaults it is refused.
    copyFileSync(join(dir, `cli-${key}-${process.version}-${process.arch}-rank.v8cache`), join(dir, `cli-${key}-${process.version}-${process.arch}.v8cache`));
    expect(await launch(dir)).toEqual({ stdout: 'hello cli.cjs a,b', stderr: 'parindex: code cache rejected\n' });
  });

  it('the built CLI has a cache for rank this Node takes, and ranks the same with it as without', async () => {
    const files = ['examples/vinh-bao/par-2026.json', 'examples/dai-son/par-2026.json', 'examples/tran-lieu/par-2026.json'];
    const [used, plain] = await Promise.all([cli(['rank', ...files, '--threads', '2'], { PARINDEX_CODE_CACHE: 'check' }), cli(['rank', ...files, '--threads', '1'])]);
    expect(used.stderr).toBe('parindex: code cache used\n');
    expect(used.stdout).toBe(plain.stdout);
    expect(plain.stderr).toBe('');
    expect(plain.stdout).toContain('UBND xã Vĩnh Bảo');
  });

  it('the built CLI has a cache this Node takes, and prints the same with it as without', async () => {
    const [used, plain] = await Promise.all([cli(['score', VB], { PARINDEX_CODE_CACHE: 'check' }), cli(['score', VB])]);
    expect(used.stderr.startsWith('parindex: code cache used\n')).toBe(true);
    expect(used.stdout).toBe(plain.stdout);
    expect(used.stderr.slice('parindex: code cache used\n'.length)).toBe(plain.stderr);
    expect(plain.stdout).toContain('UBND xã Vĩnh Bảo');
  });
});
