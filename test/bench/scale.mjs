/**
 * Memory and time as the workload grows: rank N generated communes of model.commune-par@2026 in the
 * compact form (score(…, { form: 'compact' }), its summary kept, then rank() and summarize()), for
 * N = 3,321 and 33,210 (ten provinces' worth of a country), each size in a fresh child process so
 * that its peak resident memory (maxRSS) is its own. The evidence is made in chunks of 3,321 as JSON
 * texts and parsed again, as files would be read, so that only the summaries grow with N.
 *
 *   node test/bench/scale.mjs [--sizes 3321,33210]     (also run by `pnpm bench`)
 *
 * Prints, per size: scoring + ranking time (generation not counted), units/s, peak RSS, the heap still
 * in use once the ranking is made (after a full GC: the summaries and the ranking), and the time
 * ratio against the smallest size divided by the size ratio (1.00 = linear).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHUNK = 3321;
const self = fileURLToPath(import.meta.url);
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};

/** In the child: score and rank n units, print one JSON line. */
async function child(n) {
  const { compile, score, toSummary, rank, summarize } = await import('../../packages/engine/dist/index.js');
  const { generateEvidence } = await import('../../examples/generate.mjs');
  const setJson = JSON.parse(readFileSync(fileURLToPath(new URL('../../rules/sets/model.commune-par/2026.json', import.meta.url)), 'utf8'));
  const compiled = compile(setJson);
  const summaries = [];
  let ms = 0;
  for (let done = 0, chunk = 0; done < n; chunk++) {
    const count = Math.min(CHUNK, n - done);
    const texts = generateEvidence(count, 1 + chunk, setJson).map((u) => JSON.stringify(u));
    const t = performance.now();
    for (const text of texts) summaries.push(toSummary(score(compiled, JSON.parse(text), { form: 'compact' })));
    ms += performance.now() - t;
    done += count;
  }
  const t = performance.now();
  const policy = setJson.policies?.ranking ?? 'dense';
  const rows = rank(summaries, policy);
  const summary = summarize(summaries, policy, { bands: compiled.bands.map((b) => ({ code: b.code, label: b.label })) });
  ms += performance.now() - t;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  globalThis.gc?.();
  const liveMb = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(JSON.stringify({ n, ms, rssMb, liveMb, ranked: rows.length, meanIndex: summary.index.rounded }));
}

/** The sizes, each in its own process. */
export function scaleRun(sizes = [CHUNK, CHUNK * 10]) {
  return sizes.map((n) =>
    JSON.parse(
      execFileSync(process.execPath, ['--expose-gc', self, '--child', String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 })
        .trim()
        .split('\n')
        .pop(),
    ),
  );
}

export function scaleLines(runs) {
  const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  const base = runs[0];
  return runs.map((r) => {
    const linear = (r.ms / base.ms / (r.n / base.n)).toFixed(2);
    return `- ranking ${fmt(r.n)} units (compact form, summaries kept, rank() + summarize()): ${fmt(r.ms)} ms, ${fmt((r.n / r.ms) * 1000)} units/s, peak RSS ${fmt(r.rssMb)} MB, live heap at the end ${fmt(r.liveMb)} MB${r === base ? '' : `; time per unit ${linear}× the ${fmt(base.n)} run's (1.00 = linear)`}   (target: < 500 MB, linear)`;
  });
}

if (process.argv.includes('--child')) await child(Number(arg('child', CHUNK)));
else if (process.argv[1] === self) {
  const sizes = String(arg('sizes', `${CHUNK},${CHUNK * 10}`))
    .split(',')
    .map(Number);
  console.log(scaleLines(scaleRun(sizes)).join('\n'));
}
