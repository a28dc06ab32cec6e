// What `pnpm test` runs around vitest: the lint and format check, the dead-code check, the build, the
// type-check of the tests and the bundles the tests load. One after the other they took ~45 s on a
// 2-core machine, though half of them wait on nothing but `tsc -b`: here they run as soon as what they
// need is done, two at a time (Biome and knip need no build; the type-check of the tests and the
// three bundles need `tsc -b`'s output). Each step's output is kept and printed when it fails; every
// step that can run does, so that one run shows every problem (a lint error and a type error alike),
// and the exit code is 1 if any failed.
//
// `node scripts/checks.mjs --vitest [vitest args]` (`pnpm test`) also runs `vitest run` as soon as the
// build and the bundles the tests load are done, while the type-check of the tests (~15 s of one core,
// which no test needs) runs beside it: the machine's second core had nothing to do in the checks'
// last quarter, and vitest's start and end leave cores idle too. A failing check fails the run as
// before (vitest still runs, so that the same run shows the failing tests); a failing build skips vitest.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--vitest');
const vitestArgs = at < 0 ? undefined : process.argv.slice(at + 1);

/** A command of node_modules/.bin (pnpm run puts it on PATH; `node scripts/checks.mjs` alone may not). */
const tool = (name) => {
  const local = join(ROOT, 'node_modules/.bin', name);
  return existsSync(local) ? local : name;
};

const failed = [];

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
      else {
        failed.push(name);
        process.stdout.write(`FAIL ${name} (${seconds} s${why ? `, ${why}` : ''})\n${Buffer.concat(out).toString('utf8')}\n`);
      }
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

/** `vitest run`, its output as it comes. */
function vitest(args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(tool('vitest'), ['run', ...args], { cwd: ROOT, stdio: 'inherit' });
    const done = (ok) => {
      process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} vitest run (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
      if (!ok) failed.push('vitest run');
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
}

const node = process.execPath;
const testTypes = () => step('tsc -p tsconfig.test.json', tool('tsc'), ['-p', 'tsconfig.test.json']);
// Two lanes, one per core. The build has one to itself; the other runs Biome and knip meanwhile. Then
// the bundles, one lane each (the tests need them).
const built = step('tsc -b', tool('tsc'), ['-b']);
const checked = inOrder([
  ['biome check .', tool('biome'), ['check', '.']],
  ['knip', tool('knip'), []],
]);
const bundled = built.then(
  (ok) =>
    ok &&
    Promise.all([
      step('CLI bundle', node, ['packages/cli/scripts/bundle.mjs']),
      inOrder([
        ['browser bundles', node, ['packages/engine/scripts/bundle-browser.mjs']],
        ['web page', node, ['packages/web/scripts/build.mjs']],
      ]),
    ]).then((all) => all.every(Boolean)),
);
// Without vitest, the tests' type-check starts with the bundles (a lane of its own, ~the time of both);
// with it, beside vitest.
const typed = vitestArgs ? bundled.then((ok) => ok && testTypes()) : built.then((ok) => ok && testTypes());
const tested = vitestArgs
  ? bundled.then((ok) => {
      if (!ok) process.stdout.write('skip vitest run: the build or a bundle failed\n');
      return ok && vitest(vitestArgs);
    })
  : true;
const results = await Promise.all([built, checked, bundled, typed, tested]);
if (failed.length > 0) process.stdout.write(`\nfailed: ${failed.join(', ')}\n`);
process.exit(results.every(Boolean) ? 0 : 1);
