/**
 * A bounded local load check of the JSON API (part of `pnpm bench`): a real server on 127.0.0.1 (port 0,
 * @parindex/server from its build), a fixed number of POST /v1/score requests with the commune set, a
 * few at a time, each answer checked against the engine's index for that unit. Prints requests per
 * second and latencies; never a test (speed is only measured here).
 *
 *   node test/bench/api-load.mjs [--requests 2000] [--concurrency 8]      (alone, or imported by bench.mjs)
 */
import { availableParallelism } from 'node:os';
import { compile, score } from '../../packages/engine/dist/index.js';
import { startServer } from '../../packages/server/dist/index.js';

/**
 * `requests` answers from `concurrency` clients at once, the evidence of `units` in turn. Returns the
 * figures; `mismatches` counts answers that are not 200 with the engine's index.
 */
export async function apiLoad(set, units, { requests = 2000, concurrency = 8, threads = availableParallelism() } = {}) {
  const compiled = compile(set);
  const bodies = units.map((u) => JSON.stringify(u));
  const expected = units.map((u) => score(compiled, u).totals.index);
  const server = await startServer({ port: 0, threads, timeoutMs: 60_000 });
  const latencies = [];
  let mismatches = 0;
  let next = 0;
  const one = async (i) => {
    const t = performance.now();
    const r = await fetch(`${server.url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] });
    const body = await r.json();
    latencies.push(performance.now() - t);
    if (r.status !== 200 || body.totals?.index !== expected[i % bodies.length]) mismatches++;
  };
  const client = async () => {
    while (next < requests) await one(next++);
  };
  try {
    // Warm-up: every worker compiles the set once.
    await Promise.all(Array.from({ length: threads * 2 }, (_, i) => one(i)));
    latencies.length = 0;
    next = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, client));
    const ms = performance.now() - t0;
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
    return {
      requests,
      concurrency,
      threads,
      ms,
      perSecond: (requests / ms) * 1000,
      p50: at(50),
      p95: at(95),
      mismatches,
      bodyBytes: Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length),
    };
  } finally {
    await server.close();
  }
}

/** The line of the benchmark report. */
export function apiLoadLine(r) {
  const f = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  return `- JSON API (\`parindex serve\`, @parindex/server on 127.0.0.1, ${r.threads} worker threads): POST /v1/score with the commune set, ${f(r.requests)} requests from ${r.concurrency} ${r.concurrency === 1 ? 'client' : 'clients at once'} (bodies ~${f(r.bodyBytes)} bytes): ${f(r.perSecond)} requests/s, latency median ${f(r.p50, 1)} ms, p95 ${f(r.p95, 1)} ms; answers with another index than the engine's: ${r.mismatches}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const { generateEvidence } = await import('../../examples/generate.mjs');
  const arg = (name, def) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : def);
  const set = JSON.parse(readFileSync(new URL('../../rules/sets/model.commune-par/2026.json', import.meta.url), 'utf8'));
  console.log(apiLoadLine(await apiLoad(set, generateEvidence(100, 1), { requests: arg('requests', 2000), concurrency: arg('concurrency', 8) })));
}
