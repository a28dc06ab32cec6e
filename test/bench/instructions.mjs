/**
 * Instructions per unit, counted by valgrind (cachegrind, no cache simulation): a measure of the work the
 * engine does that does not move with the machine's load, for A/B comparisons of two builds of the engine
 * on this virtual machine, whose speed moves by up to 2× over minutes (docs/benchmarks.md). Not a time:
 * code that waits on memory runs fewer instructions per second, so a ratio of instructions is not a ratio
 * of time. And under --single-threaded (below) V8 optimises later and otherwise, so the counts compare
 * builds of the engine with each other, not the engine with its peers (json-logic-engine's compiled
 * functions ran 3× longer per unit in this harness than in the bench's).
 *
 *   node test/bench/instructions.mjs [--units 500] [--repeat 2] [--forms compact,full] [--ref <checkout>]
 *
 * Each form is counted in a child process under valgrind twice: once scoring `units` generated communes
 * after a warm-up of 1,000, once with the same generation and warm-up and none scored; the difference
 * over `units` is its count per unit. V8 runs with --single-threaded and fixed seeds: no compiler or
 * collector threads whose timing would change the count (the collector's work is counted, on the main
 * thread). With --ref, another checkout (built: its packages/engine/dist) is counted on the same units
 * (from this checkout's generator and set file), and this checkout's engine is given against it.
 * Needs valgrind (Debian: apt-get install valgrind). ~1 minute per form and build with the defaults.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const WARM = 1000;
const V8_FLAGS = ['--single-threaded', '--random-seed=1', '--hash-seed=1'];

/** In the child: generate WARM + max units, warm up on WARM, then score n of the others in one form. */
async function child(checkout, form, n, max) {
  const { generateEvidence } = await import(pathToFileURL(`${root}examples/generate.mjs`).href);
  const setJson = JSON.parse(readFileSync(`${root}rules/sets/model.commune-par/2026.json`, 'utf8'));
  const units = generateEvidence(WARM + max, 1);
  const { compile, score } = await import(pathToFileURL(`${checkout}/packages/engine/dist/index.js`).href);
  const compiled = compile(setJson);
  for (let i = 0; i < WARM; i++) score(compiled, units[i], { form });
  for (let i = WARM; i < WARM + n; i++) score(compiled, units[i], { form });
}

/** Instructions of one child run under valgrind. */
function count(checkout, form, n, max) {
  const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, ...V8_FLAGS, self, '--child', checkout, form, String(n), String(max)];
  const p = spawnSync('valgrind', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const m = /I\s+refs:\s+([\d,]+)/.exec(p.stderr ?? '');
  if (p.status !== 0 || !m) throw new Error(`valgrind (${form}, ${checkout}): exit ${p.status}\n${(p.stderr ?? '').slice(-2000)}`);
  return Number(m[1].replaceAll(',', ''));
}

/** Per unit: (instructions with n scored − with none scored) / n, `repeat` times. */
function perUnit(checkout, form, n, repeat) {
  const out = [];
  for (let r = 0; r < repeat; r++) out.push((count(checkout, form, n, n) - count(checkout, form, 0, n)) / n);
  return out;
}

const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main() {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    console.error('valgrind is not installed (Debian: apt-get install valgrind)');
    process.exit(2);
  }
  const units = Number(arg('units', 500));
  const repeat = Number(arg('repeat', 2));
  const forms = String(arg('forms', 'compact,full')).split(',');
  const unknown = forms.filter((f) => f !== 'compact' && f !== 'full');
  if (unknown.length || !(units > 0) || !(repeat > 0)) {
    console.error(`usage: --forms compact,full (not ${unknown.join(', ') || '…'}); --units and --repeat whole numbers above 0`);
    process.exit(2);
  }
  const ref = process.argv.includes('--ref') ? resolve(arg('ref')) : undefined;
  const here = root.replace(/\/$/, '');
  if (ref && !existsSync(`${ref}/packages/engine/dist/index.js`)) {
    console.error(`--ref ${ref}: no built engine there (packages/engine/dist/index.js); install and build that checkout first`);
    process.exit(2);
  }
  console.log(`instructions per unit (cachegrind; ${fmt(units)} units after ${fmt(WARM)} warm-up ones; ${repeat} pair(s) of runs each; V8 ${V8_FLAGS.join(' ')})`);
  const line = (name, counts) => console.log(`  ${name.padEnd(14)} ${fmt(median(counts) / 1e6, 3).padStart(8)} M  (${counts.map((c) => fmt(c / 1e6, 3)).join(', ')})`);
  for (const form of forms) {
    const mine = perUnit(here, form, units, repeat);
    line(form, mine);
    if (!ref) continue;
    const theirs = perUnit(ref, form, units, repeat);
    line(`${form} (ref)`, theirs);
    console.log(`  ${`${form} / ref`.padEnd(14)} ${fmt(median(mine) / median(theirs), 4)}×`);
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], Number(process.argv[5]), Number(process.argv[6]));
else {
  try {
    main();
  } catch (e) {
    // A failed valgrind run: its message and the end of its output, not a stack.
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
