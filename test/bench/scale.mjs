/**
 * Memory and time as the workload grows: rank N generated communes of model.commune-par@2026 in the
 * compact form (each file read and parsed, score(…, { form: 'compact' }), its summary kept, then
 * rank() and summarize()), for N = 3,321 and 33,210 (a country ten times over), each size in a fresh
 * child process so that its peak resident memory (maxRSS) is its own. The files are written first by
 * another process (generating them takes more memory than ranking them).
 *
 *   node test/bench/scale.mjs [--sizes 3321,33210]     (also run by `pnpm bench`)
 *
 * Prints, per size: scoring + ranking time (generation not counted), units/s, peak RSS, the heap still
 * in use once the ranking is made (after a full GC: the summaries and the ranking), and the time
 * ratio against the smallest size divided by the size ratio (1.00 = linear).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHUNK = 3321;
const self = fileURLToPath(import.meta.url);
const SET_FILE = fileURLToPath(new URL('../../rules/sets/model.commune-par/2026.json', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};

/** In a first child: write n generated evidence files (chunks of 3,321, seeds 1, 2, …) into dir. */
async function writeFiles(n, dir) {
  const { generateEvidence } = await import('../../examples/generate.mjs');
  const setJson = JSON.parse(readFileSync(SET_FILE, 'utf8'));
  for (let done = 0, chunk = 0; done < n; chunk++) {
    const count = Math.min(CHUNK, n - done);
    generateEvidence(count, 1 + chunk, setJson).forEach((u, i) => writeFileSync(join(dir, `unit-${String(done + i).padStart(6, '0')}.json`), JSON.stringify(u, null, 1)));
    done += count;
  }
}

/** In the measured child: read, score (compact form) and rank the n files of dir, print one JSON line. */
async function child(n, dir) {
  const { compile, score, toSummary, rank, summarize } = await import('../../packages/engine/dist/index.js');
  const setJson = JSON.parse(readFileSync(SET_FILE, 'utf8'));
  const compiled = compile(setJson);
  const summaries = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) summaries.push(toSummary(score(compiled, JSON.parse(readFileSync(join(dir, `unit-${String(i).padStart(6, '0')}.json`), 'utf8')), { form: 'compact' })));
  const policy = setJson.policies?.ranking ?? 'dense';
  const rows = rank(summaries, policy);
  const summary = summarize(summaries, policy, { bands: compiled.bands.map((b) => ({ code: b.code, label: b.label })) });
  const ms = performance.now() - t0;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  globalThis.gc?.();
  const liveMb = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(JSON.stringify({ n, ms, rssMb, liveMb, ranked: rows.length, meanIndex: summary.index.rounded }));
}

/** The sizes, each in its own process (the files written by another one, so that generating them is not in the peak). */
export function scaleRun(sizes = [CHUNK, CHUNK * 10]) {
  const dir = mkdtempSync(join(tmpdir(), 'parindex-scale-'));
  try {
    execFileSync(process.execPath, [self, '--write', String(Math.max(...sizes)), dir]);
    return sizes.map((n) =>
      JSON.parse(
        execFileSync(process.execPath, ['--expose-gc', self, '--child', String(n), dir], { encoding: 'utf8', maxBuffer: 1 << 20 })
          .trim()
          .split('\n')
          .pop(),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function scaleLines(runs) {
  const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const base = runs[0];
  return runs.map((r) => {
    const linear = (r.ms / base.ms / (r.n / base.n)).toFixed(2);
    return `- ranking ${fmt(r.n)} units (files read, compact form, summaries kept, rank() + summarize()): ${fmt(r.ms)} ms, ${fmt((r.n / r.ms) * 1000)} units/s, peak RSS ${fmt(r.rssMb)} MB, live heap at the end ${fmt(r.liveMb)} MB${r === base ? '' : `; time per unit ${linear}× the ${fmt(base.n)} run's (1.00 = linear)`}   (target: < 500 MB, linear)`;
  });
}

if (process.argv.includes('--write')) await writeFiles(Number(arg('write', CHUNK)), process.argv[process.argv.indexOf('--write') + 2]);
else if (process.argv.includes('--child')) await child(Number(arg('child', CHUNK)), process.argv[process.argv.indexOf('--child') + 2]);
else if (process.argv[1] === self) {
  const sizes = String(arg('sizes', `${CHUNK},${CHUNK * 10}`))
    .split(',')
    .map(Number);
  console.log(scaleLines(scaleRun(sizes)).join('\n'));
}
