// What `pnpm test` runs before vitest: the lint and format check, the dead-code check, the build, the
// type-check of the tests and the bundles the tests load. One after the other they took ~45 s on a
// 2-core machine, though half of them wait on nothing but `tsc -b`: here they run as soon as what they
// need is done, two at a time (Biome and knip need no build; the type-check of the tests and the
// three bundles need `tsc -b`'s output). Each step's output is kept and printed when it fails; every
// step that can run does, so that one run shows every problem (a lint error and a type error alike),
// and the exit code is 1 if any failed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A command of node_modules/.bin (pnpm run puts it on PATH; `node scripts/checks.mjs` alone may not). */
const tool = (name) => {
  const local = join(ROOT, 'node_modules/.bin', name);
  return existsSync(local) ? local : name;
};

/** Run one step; resolves true when it exits 0, printing one line, and its output when it fails. */
function step(name, command, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => out.push(b));
    const done = (ok, why) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (ok) process.stdout.write(`ok   ${name} (${seconds} s)\n`);
      else process.stdout.write(`FAIL ${name} (${seconds} s${why ? `, ${why}` : ''})\n${Buffer.concat(out).toString('utf8')}\n`);
      resolve(ok);
    };
    child.on('error', (e) => done(false, e.message));
    child.on('close', (code, signal) => done(code === 0, code === 0 ? '' : signal ? `signal ${signal}` : `exit ${code}`));
  });
}

/** Steps one after the other; the rest are skipped after a failure (each needs the one before). */
async function inOrder(steps) {
  for (const [name, command, args] of steps) if (!(await step(name, command, args))) return false;
  return true;
}

const node = process.execPath;
// Two lanes, one per core. The longer chain (the build, then the tests' type-check, ~23 s) has one to
// itself; the other runs Biome and knip while the build runs, then the bundles once it is done.
const built = step('tsc -b', tool('tsc'), ['-b']);
const results = await Promise.all([
  built.then((ok) => ok && step('tsc -p tsconfig.test.json', tool('tsc'), ['-p', 'tsconfig.test.json'])),
  (async () => {
    const checked = await inOrder([
      ['biome check .', tool('biome'), ['check', '.']],
      ['knip', tool('knip'), []],
    ]);
    if (!(await built)) return false;
    const bundled = await inOrder([
      ['CLI bundle', node, ['packages/cli/scripts/bundle.mjs']],
      ['browser bundles', node, ['packages/engine/scripts/bundle-browser.mjs']],
      ['web page', node, ['packages/web/scripts/build.mjs']],
    ]);
    return checked && bundled;
  })(),
]);
process.exit(results.every(Boolean) ? 0 : 1);
