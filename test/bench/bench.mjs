/**
 * `pnpm bench`: score a whole country of communes (3,321, generated from a seed) with
 * model.commune-par@2026, in one process, on the same rules and evidence:
 *   1. the engine: compile once, score every unit with its full trace, then rank;
 *   2. a baseline: every criterion as a json-logic expression applied with json-logic-js (floats);
 *   3. peers on the same expressions (peers.mjs): json-logic-engine interpreted and compiled (floats),
 *      and @gorules/zen-engine (Rust through napi, its own decimals) with the expressions in ZEN;
 *   4. the limit: a scorer written by hand for this set (floats, no trace).
 * All must give the same points (every field and the total, to 6 decimals); any mismatch fails the
 * script. The engine also runs on every core through @parindex/engine/pool (worker threads,
 * summaries back, ranked with rank()), with the evidence as values and as file texts; its points must
 * equal the engine's in this thread, exactly, for every unit. Then: the time to score and explain one
 * unit, the cold start of `parindex score`, the size of the engine's browser bundle and of the prebuilt
 * browser file, and the JSON API's requests per second for /v1/score under a bounded load (./api-load.mjs).
 *
 *   node --expose-gc test/bench/bench.mjs [--units 3321] [--seed 1] [--runs 5] [--api-requests 2000] [--scale-sizes 3321,33210] [--write]
 *
 * --write puts the figures into docs/benchmarks.md (between the bench markers).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { compile, score, rank, hashJson, toCompact } from '../../packages/engine/dist/index.js';
import { readEvidence } from '../../packages/engine/dist/evidence.js';
import { sha256Hex } from '../../packages/engine/dist/canonical.js';
import { createPool } from '../../packages/engine/dist/pool.js';
import { Decimal } from '../../rules/dist/index.js';
import { generateEvidence } from '../../examples/generate.mjs';
import { toJsonLogic, flatData } from './to-jsonlogic.mjs';
import { score as handScore } from './hand-scorer.mjs';
import { jsonLogicEngineScorers, jsonLogicJsScorer, peerVersions, zenScorer } from './peers.mjs';
import { apiLoad, apiLoadLine } from './api-load.mjs';
import { scaleLines, scaleRun } from './scale.mjs';
import { POOL_MIN_FILES } from '../../packages/cli/dist/commands/rank.js';
import { bundleMinified, forbiddenInBrowser } from '../../packages/engine/scripts/minify.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const UNITS = Number(arg('units', 3321));
const SEED = Number(arg('seed', 1));
const RUNS = Number(arg('runs', 5));
const WRITE = process.argv.includes('--write');
const gc = globalThis.gc ?? (() => {});
const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const fmt = (x, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

// ---------------------------------------------------------------------------------------------------
// Workload
const setFile = `${root}rules/sets/model.commune-par/2026.json`;
const setJson = JSON.parse(readFileSync(setFile, 'utf8'));
let t0 = now();
const units = generateEvidence(UNITS, SEED);
const genMs = now() - t0;
t0 = now();
const compiled = compile(setJson);
const compileMs = now() - t0;
const ranking = await rankFunction();

// 1. The engine: in its default mode for ranking (the compact form, every unit's record kept), then
// rank; and with the full trace of every unit, then rank.
function runCompact() {
  const results = new Array(units.length);
  for (let i = 0; i < units.length; i++) results[i] = score(compiled, units[i], { form: 'compact' });
  const ranked = ranking.fn(results);
  return { results, ranked };
}
function runEngine() {
  const results = new Array(units.length);
  for (let i = 0; i < units.length; i++) results[i] = score(compiled, units[i]);
  const ranked = ranking.fn(results);
  return { results, ranked };
}

// 2. The baseline: json-logic-js over a flat data object, floats.
const logicSet = toJsonLogic(setJson);
const baseline = jsonLogicJsScorer(logicSet);
const baselineUnit = (evidence) => baseline(flatData(evidence));
const runBaseline = () => units.map(baselineUnit);
// 3. Peers on the same expressions, over the same flat data (made once per unit inside each run, as the baseline does).
const jle = jsonLogicEngineScorers(logicSet);
const runJleInterpreted = () => units.map((u) => jle.interpreted(flatData(u)));
const runJleCompiled = () => units.map((u) => jle.compiled(flatData(u)));
const zenPeer = zenScorer(logicSet);
const runZen = async () => {
  const out = new Array(units.length);
  for (let i = 0; i < units.length; i++) out[i] = await zenPeer.score(flatData(units[i]));
  return out;
};
// 4. The limit.
const runHand = () => units.map(handScore);
// 5. A floor for any scorer that hashes the evidence it scores, as the engine's provenance does: each
// unit's evidence written as JSON (JSON.stringify, native; the canonical text sorts keys too, so it
// costs at least this) and its SHA-256, and nothing else.
const runHashFloor = () => units.map((u) => sha256Hex(JSON.stringify(u)));

// ---------------------------------------------------------------------------------------------------
// Same points?
let engineOut = runEngine();
const baseOut = runBaseline();
const handOut = runHand();
const peerOut = { 'json-logic-engine (interpreted)': runJleInterpreted(), 'json-logic-engine (compiled)': runJleCompiled(), '@gorules/zen-engine': await runZen() };
// The compact form must say exactly what the full result says: totals, fields, every criterion.
let compactMismatches = 0;
{
  const compactOut = runCompact();
  for (let i = 0; i < units.length; i++) {
    const want = JSON.stringify(toCompact(engineOut.results[i]));
    if (JSON.stringify(compactOut.results[i]) !== want) compactMismatches++;
  }
}
const r6 = (x) => (typeof x === 'number' ? new Decimal(String(Math.round(x * 1e6) / 1e6)).toFixed(6) : new Decimal(x).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed(6));
let mismatches = 0;
const examples = [];
for (let i = 0; i < units.length; i++) {
  const e = engineOut.results[i];
  const want = { total: r6(e.totals.points) };
  for (const f of e.fields) want[`field ${f.code}`] = r6(f.points);
  for (const [name, out] of [['baseline', baseOut[i]], ['hand', handOut[i]], ...Object.entries(peerOut).map(([name, out]) => [name, out[i]])]) {
    const got = { total: r6(out.total) };
    for (const [code, p] of Object.entries(out.fields)) got[`field ${code}`] = r6(p);
    for (const k of Object.keys(want)) {
      if (want[k] !== got[k]) {
        mismatches++;
        if (examples.length < 10) examples.push(`${name} unit #${i} (${units[i].unit.code}) ${k}: engine ${want[k]}, ${name} ${got[k]}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// The engine on worker threads: one per core, each compiling the set once (not timed with the batches).
// Three ways: the evidence as JSON values (copied to the workers by structured clone, the same input as
// the engine line above) with the full results kept in the workers (the default) or only the inputs
// kept (keep: 'inputs': result(i) scores the unit again); and the evidence as the texts of its files,
// parsed in the workers as `parindex rank` reads files (examples/generate.mjs writes them this way).
// Only summaries come back; rank() ranks them.
const THREADS = availableParallelism();
const texts = units.map((u) => ({ text: JSON.stringify(u, null, 1) + '\n' }));
t0 = now();
const pool = await createPool({ set: setJson, threads: THREADS });
const poolStartMs = now() - t0;
const policy = setJson.policies?.ranking ?? 'dense';
// The files themselves, on disk, read by the workers (read, parse, check, hash, score), as `parindex rank` does.
const fileDir = mkdtempSync(join(tmpdir(), 'parindex-bench-'));
const files = texts.map((t, i) => {
  const file = join(fileDir, `commune-${String(i + 1).padStart(5, '0')}.json`);
  writeFileSync(file, t.text);
  return { file };
});
const POOL_RUNS = { objects: [units, 'results'], objectsInputs: [units, 'inputs'], textsInputs: [texts, 'inputs'], filesInputs: [files, 'inputs'] };
async function runPool(inputs, keep) {
  const outputs = await pool.scoreAll(inputs, { keep });
  const summaries = outputs.map((o, i) => {
    if (!o.ok) throw new Error(`pool: unit #${i} failed: ${o.diagnostics[0]?.code} at ${o.diagnostics[0]?.path}`);
    return o.summary;
  });
  return { summaries, ranked: rank(summaries, policy) };
}
// Same points as the engine in this thread, exactly (every field, the total, the index), for every unit,
// each way (also the warm-up of the workers).
let poolMismatches = 0;
for (const [name, [inputs, keep]] of Object.entries(POOL_RUNS)) {
  const { summaries } = await runPool(inputs, keep);
  for (let i = 0; i < units.length; i++) {
    const e = engineOut.results[i];
    const p = summaries[i];
    const want = [e.totals.points, e.totals.index, ...e.fields.map((f) => `${f.code} ${f.points}`)].join('|');
    const got = [p.totals.points, p.totals.index, ...p.fields.map((f) => `${f.code} ${f.points}`)].join('|');
    if (want !== got) {
      poolMismatches++;
      if (examples.length < 10) examples.push(`pool (${name}) unit #${i} (${units[i].unit.code}): engine ${want}, pool ${got}`);
    }
  }
}

const traceBytes = JSON.stringify(engineOut.results[0]).length;
// Let the checked results go: the timed runs below should not carry 3,321 results of another run in the heap.
engineOut = null;

// ---------------------------------------------------------------------------------------------------
// Throughput: RUNS rounds after the warm-up runs above. In each round every scorer in this thread runs
// once, in an order turned by one place from round to round, so that the machine's drift (this VM's
// speed moves by up to 2× over minutes) falls on all of them alike; a ratio is the median of the
// rounds' own ratios (both scorers timed in the same round), printed with its range over the rounds.
const SCORERS = {
  compact: runCompact,
  full: runEngine,
  baseline: runBaseline,
  jleInterpreted: runJleInterpreted,
  jleCompiled: runJleCompiled,
  zen: runZen,
  hand: runHand,
  hashFloor: runHashFloor,
};
async function timeRounds(scorers) {
  const names = Object.keys(scorers);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r++)
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      gc();
      const t = now();
      await scorers[name]();
      times[name].push(now() - t);
    }
  return times;
}
const rounds = await timeRounds(SCORERS);
const stats = (times) => ({ best: Math.min(...times), median: median(times), times });
const tCompact = stats(rounds.compact);
const tEngine = stats(rounds.full);
/** Time of scorer a over time of scorer b, round by round: the median and the range. */
function roundRatio(a, b) {
  const rs = rounds[a].map((t, i) => t / rounds[b][i]);
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
}
async function timeAsync(fn) {
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    gc();
    const t = now();
    await fn();
    times.push(now() - t);
  }
  return stats(times);
}
const tPool = {};
for (const [name, [inputs, keep]] of Object.entries(POOL_RUNS)) tPool[name] = await timeAsync(() => runPool(inputs, keep));
// One full result back from its worker (structured clone, or JSON text made in the worker): kept, and
// scored again (keep: 'inputs').
const resultTimes = { results: [], resultsJson: [], inputs: [], inputsJson: [] };
for (const keep of ['results', 'inputs']) {
  await runPool(units, keep);
  for (let i = 0; i < Math.min(units.length, 200); i++) {
    let t = now();
    await pool.result(i);
    resultTimes[keep].push(now() - t);
    t = now();
    await pool.resultJson(i);
    resultTimes[`${keep}Json`].push(now() - t);
  }
}
await pool.close();
// What an officer's `parindex rank <folder>` takes on the same files, cold (a new process: start, JIT
// warm-up, reading, scoring, the ranking table written), wall time and CPU time of the process: as it
// chooses by itself (one thread per core from POOL_MIN_FILES files on), and the other way (one thread,
// or one per core).
const cliBin = `${root}packages/cli/dist/parindex.js`;
const rankCold = { auto: [], other: [], autoCpu: [], otherCpu: [] };
const rankAutoThreads = units.length >= POOL_MIN_FILES ? THREADS : 1;
const rankOtherThreads = rankAutoThreads === 1 ? THREADS : 1;
if (existsSync(cliBin))
  for (let r = 0; r < 3; r++)
    for (const [kind, extra] of [
      ['auto', []],
      ['other', ['--threads', String(rankOtherThreads)]],
    ]) {
      const t = now();
      const cpu = childrenCpuMs();
      const p = spawnSync(process.execPath, [cliBin, 'rank', fileDir, ...extra], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      rankCold[kind].push(now() - t);
      rankCold[`${kind}Cpu`].push(childrenCpuMs() - cpu);
      if (p.status !== 0) throw new Error(`parindex rank: exit ${p.status}: ${p.stderr.slice(0, 300)}`);
    }
const threadsText = (n) => (n === 1 ? 'one thread' : `${n} threads`);
/** CPU time (ms) of the children this process has waited for, every thread of theirs (Linux: /proc/self/stat, in 10 ms ticks); NaN elsewhere. */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}
rmSync(fileDir, { recursive: true, force: true });
const tBase = stats(rounds.baseline);
const tHand = stats(rounds.hand);
const tHashFloor = stats(rounds.hashFloor);
const tJleInterpreted = stats(rounds.jleInterpreted);
const tJleCompiled = stats(rounds.jleCompiled);
const tZen = stats(rounds.zen);
zenPeer.dispose();
const versions = peerVersions();
const ups = (t) => (units.length / t.median) * 1000;

// One unit scored and explained (the engine's result with its trace), unit by unit; the same with its
// JSON written; and in the compact form.
gc();
const perUnit = [];
const perUnitJson = [];
const perUnitCompact = [];
for (let r = 0; r < 3; r++)
  for (let i = 0; i < units.length; i++) {
    let t = now();
    score(compiled, units[i]);
    perUnit.push(now() - t);
    t = now();
    JSON.stringify(score(compiled, units[i]));
    perUnitJson.push(now() - t);
    t = now();
    score(compiled, units[i], { form: 'compact' });
    perUnitCompact.push(now() - t);
  }

// For scale, per unit on the same machine: what JSON.stringify and JSON.parse take for one result (V8
// writing and materialising the same tree), and the parts of score() that read the evidence.
const scale = { stringify: [], parse: [], check: [], hash: [] };
for (let i = 0; i < Math.min(units.length, 1000); i++) {
  const r = score(compiled, units[i]);
  let t = now();
  const text = JSON.stringify(r);
  scale.stringify.push(now() - t);
  t = now();
  JSON.parse(text);
  scale.parse.push(now() - t);
  // What score() does first: the evidence checked, copied and hashed in one walk (readEvidence); and
  // hashJson, the separate canonical JSON + SHA-256 it used to take (now only on the slow, salvaged path).
  t = now();
  readEvidence(units[i]);
  scale.check.push(now() - t);
  t = now();
  hashJson(units[i]);
  scale.hash.push(now() - t);
}

// ---------------------------------------------------------------------------------------------------
// Cold start of the CLI on one file, against a bare `node -e 0`: the two interleaved (the machine's load
// changes from second to second), wall time and the mean CPU time of each (the children's ticks summed).
const example = 'examples/vinh-bao/par-2026.json';
let cli = { available: existsSync(cliBin) };
if (cli.available) {
  const ROUNDS = 15;
  const times = [];
  const node = [];
  let cpuCli = 0;
  let cpuNode = 0;
  let status = 0;
  let stderr = '';
  // One run of each first, not counted: the files are then in the page cache.
  spawnSync(process.execPath, [cliBin, 'score', example], { cwd: root });
  spawnSync(process.execPath, ['-e', '0']);
  for (let r = 0; r < ROUNDS; r++) {
    let cpu = childrenCpuMs();
    let t = now();
    const p = spawnSync(process.execPath, [cliBin, 'score', example], { cwd: root, encoding: 'utf8' });
    times.push(now() - t);
    cpuCli += childrenCpuMs() - cpu;
    status = p.status;
    stderr = p.stderr;
    cpu = childrenCpuMs();
    t = now();
    spawnSync(process.execPath, ['-e', '0']);
    node.push(now() - t);
    cpuNode += childrenCpuMs() - cpu;
  }
  cli = { available: true, median: median(times), status, stderr: stderr.slice(0, 300), nodeBare: median(node), cpu: cpuCli / ROUNDS, nodeCpu: cpuNode / ROUNDS };
}

// ---------------------------------------------------------------------------------------------------
// Browser bundles of the engine and their dependencies: the scoring entry (@parindex/engine/scoring, what a
// dashboard bundles: the 35 KB target) and, for comparison, the full entry (index.js: the set checker, diff …),
// each made as the prebuilt dist/parindex.scoring.min.js is (packages/engine/scripts/minify.mjs: esbuild, then
// terser), so that the size printed is the shipped file's.
async function measureBundle(entry) {
  const { code, metafile } = await bundleMinified(typeof entry === 'string' ? { entryPoints: [entry], logLevel: 'silent' } : { ...entry, logLevel: 'silent' });
  const byPackage = {};
  const byFile = {};
  for (const o of Object.values(metafile.outputs))
    for (const [file, x] of Object.entries(o.inputs)) {
      const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file);
      const k = m ? m[1] : file.replace(/\/dist\/.*/, '').replace(/^.*?(packages\/|rules)/, '$1');
      byPackage[k] = (byPackage[k] ?? 0) + x.bytesInOutput;
      const f = m ? m[1] : file.replace(/^.*?(packages\/[^/]+\/|rules\/)dist\//, '$1');
      byFile[f] = (byFile[f] ?? 0) + x.bytesInOutput;
    }
  return { code, gz: gzipSync(code, { level: 9 }).length, byPackage, byFile, checks: forbiddenInBrowser(code) };
}
const scoringBundle = await measureBundle(`${root}packages/engine/dist/scoring.js`);
const fullBundle = await measureBundle(`${root}packages/engine/dist/index.js`);
// The scoring entry with the advice of full results (@parindex/engine/advice), as dist/parindex.scoring-advice.min.js.
const engineDist = `${root}packages/engine/dist/`;
const scoringAdviceBundle = await measureBundle({
  stdin: { contents: `export * from './scoring.js';\nexport * from './advice.js';\n`, resolveDir: engineDist, sourcefile: 'scoring-advice.js', loader: 'js' },
});
const largest = (sizes, n) =>
  Object.entries(sizes)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');
const found = (x) => (x ? 'FOUND' : 'none');

// ---------------------------------------------------------------------------------------------------
// The prebuilt browser file (engine + sentences) and the JSON API under a bounded local load.
const browserFile = `${root}packages/engine/dist/parindex.browser.min.js`;
const browserCode = existsSync(browserFile) ? readFileSync(browserFile, 'utf8') : undefined;
const scaling = scaleRun(String(arg('scale-sizes', '3321,33210')).split(',').map(Number));
const api = await apiLoad(setJson, units.slice(0, 100), { requests: Number(arg('api-requests', 2000)) });

// ---------------------------------------------------------------------------------------------------
// Report
const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model ?? '?';
const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
const engineUps = ups(tCompact);
const fullUps = ups(tEngine);
const compactBytes = JSON.stringify(score(compiled, units[0], { form: 'compact' })).length;
const baseUps = ups(tBase);
const handUps = ups(tHand);
const med = median(perUnit);
const p95 = pct(perUnit, 95);
const national = tCompact.median;
const lines = [
  `- Machine: ${nproc} cores (nproc), ${cpuModel}, Node ${process.version}`,
  `- Command: pnpm bench  (tsc -b && node --expose-gc test/bench/bench.mjs)`,
  `- Workload: ${fmt(units.length)} communes, examples/generate.mjs seed ${SEED} (generated in ${fmt(genMs)} ms), model.commune-par@2026 (${compiled.leaves.length} criteria), compile ${fmt(compileMs, 1)} ms; medians of ${RUNS} rounds after a warm-up, the scorers of this thread interleaved (each once per round; a ratio is the median of the rounds' own ratios, its range over the rounds in brackets)`,
  ``,
  `| scorer | units/s | national workload |`,
  `|---|---:|---:|`,
  `| engine, default mode for ranking (exact, compact form: every unit's record kept, ${ranking.name}) | ${fmt(engineUps)} | ${fmt(national)} ms |`,
  `| engine, full trace of every unit kept (exact, ${ranking.name}) | ${fmt(fullUps)} | ${fmt(tEngine.median)} ms |`,
  `| engine on ${THREADS} worker threads (@parindex/engine/pool, default keep: 'inputs': compact form, summaries back, ranked with rank(…, '${policy}'); evidence values as above) | ${fmt(ups(tPool.objectsInputs))} | ${fmt(tPool.objectsInputs.median)} ms |`,
  `| the same, evidence file texts parsed in the workers | ${fmt(ups(tPool.textsInputs))} | ${fmt(tPool.textsInputs.median)} ms |`,
  `| the same, from the files on disk (read, parse, check, hash, score in the workers; rank), as \`parindex rank\` does | ${fmt(ups(tPool.filesInputs))} | ${fmt(tPool.filesInputs.median)} ms |`,
  `| the same, keep: 'results' (every unit with its full trace, the results kept in the workers) | ${fmt(ups(tPool.objects))} | ${fmt(tPool.objects.median)} ms |`,
  `| baseline: json-logic-js ${versions['json-logic-js']}, floats, no trace | ${fmt(baseUps)} | ${fmt(tBase.median)} ms |`,
  `| json-logic-engine ${versions['json-logic-engine']}, interpreted (\`run\`), floats, no trace | ${fmt(ups(tJleInterpreted))} | ${fmt(tJleInterpreted.median)} ms |`,
  `| json-logic-engine ${versions['json-logic-engine']}, compiled (\`build\` once per criterion), floats, no trace | ${fmt(ups(tJleCompiled))} | ${fmt(tJleCompiled.median)} ms |`,
  `| @gorules/zen-engine ${versions['@gorules/zen-engine']} (Rust via napi, one decision, ZEN expressions), no trace | ${fmt(ups(tZen))} | ${fmt(tZen.median)} ms |`,
  `| limit: hand-written, floats, no trace | ${fmt(handUps)} | ${fmt(tHand.median)} ms |`,
  `| floor of hashing the evidence: \`JSON.stringify\` + SHA-256 of each unit's evidence, nothing scored | ${fmt(ups(tHashFloor))} | ${fmt(tHashFloor.median)} ms |`,
  ``,
  `- the engine below is its default mode (compact form); its full trace costs ${ratioText(roundRatio('full', 'compact'))} the time of the compact form; compact form and full result say the same of every unit (toCompact of the full result, byte for byte): ${compactMismatches} mismatches`,
  `- engine / json-logic-js: ${ratioText(roundRatio('baseline', 'compact'))}; engine / json-logic-engine interpreted: ${ratioText(roundRatio('jleInterpreted', 'compact'))}; engine / json-logic-engine compiled: ${ratioText(roundRatio('jleCompiled', 'compact'))}   (target ≥ 1×); engine / zen-engine: ${ratioText(roundRatio('zen', 'compact'))}`,
  `- limit / engine: ${ratioText(roundRatio('compact', 'hand'), 1)}   (target ≤ 2×)`,
  hashFloorLine(roundRatio('hashFloor', 'jleCompiled').median, roundRatio('hashFloor', 'hand').median / 2),
  `- national workload from evidence in memory, scored (compact form, every record kept) and ranked: ${fmt(national)} ms in one thread   (target < 500 ms); on ${THREADS} worker threads ${fmt(tPool.objectsInputs.median)} ms`,
  `- national workload from files on disk (read, parse, check, hash, score, rank) with the pool on ${THREADS} threads: ${fmt(tPool.filesInputs.median)} ms   (target < 1,000 ms); a cold \`parindex rank\` of the same ${fmt(units.length)} files (new process, table written): ${rankCold.auto.length ? `median ${fmt(median(rankCold.auto))} ms wall, ${fmt(median(rankCold.autoCpu))} ms CPU as it chooses (${threadsText(rankAutoThreads)}, one per core from ${fmt(POOL_MIN_FILES)} files); ${fmt(median(rankCold.other))} ms wall, ${fmt(median(rankCold.otherCpu))} ms CPU with --threads ${rankOtherThreads}` : 'not measured (CLI not built)'}`,
  `- worker threads: starting ${THREADS} workers (each compiles the set) ${fmt(poolStartMs)} ms, not in the timings; one full result back from its worker: \`result(i)\` median ${fmt(median(resultTimes.results), 2)} ms when kept (keep: 'results'), ${fmt(median(resultTimes.inputs), 2)} ms made on demand from the kept input (keep: 'inputs', the default); \`resultJson(i)\` ${fmt(median(resultTimes.resultsJson), 2)} ms, ${fmt(median(resultTimes.inputsJson), 2)} ms`,
  `- points (8 fields, total, index) on the worker threads equal to the engine in one thread, exactly, for every unit: ${poolMismatches} mismatches`,
  `- one unit scored and explained (full result): median ${fmt(med, 3)} ms, p95 ${fmt(p95, 3)} ms   (target: median < 0.3 ms); with its JSON written (\`JSON.stringify\`, ${fmt(traceBytes)} bytes): median ${fmt(median(perUnitJson), 3)} ms; in the compact form (${fmt(compactBytes)} bytes of JSON): median ${fmt(median(perUnitCompact), 3)} ms`,
  `  for scale, per unit (medians over ${fmt(scale.parse.length)} units): \`JSON.stringify\` of its result ${fmt(median(scale.stringify), 3)} ms, \`JSON.parse\` of that JSON ${fmt(median(scale.parse), 3)} ms (V8 materialising the same tree); inside \`score()\`, the evidence checked, copied and hashed in one walk (\`readEvidence\`) ${fmt(median(scale.check), 3)} ms (a separate canonical JSON + SHA-256, \`hashJson\`: ${fmt(median(scale.hash), 3)} ms)`,
  cli.available
    ? `- \`parindex score ${example}\`, cold: median ${fmt(cli.median)} ms (exit ${cli.status}; bare \`node -e 0\`: ${fmt(cli.nodeBare)} ms, ${fmt(cli.median / cli.nodeBare, 2)}×; CPU ${fmt(cli.cpu)} against ${fmt(cli.nodeCpu)} ms, ${fmt(cli.cpu / cli.nodeCpu, 2)}×; interleaved)   (target ≤ 2× node -e 0)`
    : `- \`parindex score\`: packages/cli/dist/parindex.js is not built; cold start not measured`,
  `- engine browser scoring entry (@parindex/engine/scoring: compile of a shipped or pinned set, score in the compact form (the full form once the advice is attached), checkEvidence, rank, summaries; with dependencies, minified as shipped: esbuild, then terser): ${fmt(scoringBundle.code.length)} bytes, ${fmt(scoringBundle.gz)} bytes gzip (${fmt(scoringBundle.gz / 1024, 1)} KB)   (target ≤ 35 KB); with the advice of full results (+ @parindex/engine/advice, as dist/parindex.scoring-advice.min.js): ${fmt(scoringAdviceBundle.code.length)} bytes, ${fmt(scoringAdviceBundle.gz)} bytes gzip (${fmt(scoringAdviceBundle.gz / 1024, 1)} KB)`,
  `  eval( ${found(scoringBundle.checks.eval)}; new Function ${found(scoringBundle.checks.newFunction)}; Function constructor by another name ${found(scoringBundle.checks.functionConstructor)}; node: imports / require ${found(scoringBundle.checks.nodeImports)}`,
  `  largest inputs (bytes in esbuild's minified bundle, before terser): ${largest(scoringBundle.byFile, 12)}`,
  `- for comparison, the full entry (@parindex/engine: the set checker, diff, the schemas …): ${fmt(fullBundle.code.length)} bytes, ${fmt(fullBundle.gz)} bytes gzip (${fmt(fullBundle.gz / 1024, 1)} KB); largest inputs: ${largest(fullBundle.byPackage, 6)}`,
  `- points compared (8 fields + total, 6 decimals) for every unit, engine vs json-logic-js, json-logic-engine (both ways), zen-engine and the limit: ${mismatches} mismatches`,
  browserCode
    ? `- prebuilt browser file (@parindex/engine/browser: engine + the sentences of @parindex/explain, minified): ${fmt(browserCode.length)} bytes, ${fmt(gzipSync(browserCode, { level: 9 }).length)} bytes gzip (${fmt(gzipSync(browserCode, { level: 9 }).length / 1024, 1)} KB)`
    : '- prebuilt browser file: not built (node packages/engine/scripts/bundle-browser.mjs)',
  ...scaleLines(scaling),
  apiLoadLine(api),
];
console.log(lines.join('\n'));
for (const e of examples) console.log('  ' + e);
if (cli.available && cli.status !== 0 && cli.status !== 1) console.log(`  CLI stderr: ${cli.stderr}`);

if (WRITE) {
  const doc = `${root}docs/benchmarks.md`;
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n\n<!-- bench:start -->\n<!-- bench:end -->\n';
  const block = `<!-- bench:start -->\n<!-- written by \`node --expose-gc test/bench/bench.mjs --write\` on ${new Date().toISOString().slice(0, 10)} -->\n\n${lines.join('\n')}\n\n<!-- bench:end -->`;
  writeFileSync(doc, text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
  console.log(`wrote ${doc}`);
}
if (mismatches > 0) {
  console.error(`FAIL: ${mismatches} mismatches between the engine and the other scorers`);
  process.exit(1);
}
if (api.mismatches > 0) {
  console.error(`FAIL: ${api.mismatches} answers of the JSON API with another index than the engine's`);
  process.exit(1);
}
if (compactMismatches > 0) {
  console.error(`FAIL: ${compactMismatches} units whose compact form differs from their full result`);
  process.exit(1);
}
if (poolMismatches > 0) {
  console.error(`FAIL: ${poolMismatches} units with other points on the worker threads than in one thread`);
  process.exit(1);
}

/**
 * What hashing the evidence alone leaves of the first two targets' budgets (the engine hashes what it
 * scores): the floor row's time over json-logic-engine compiled's and over twice the limit's, in the same rounds.
 */
function hashFloorLine(overJleCompiled, overTwiceHand) {
  const said = (ratio, what) => `${fmt(ratio, 2)}× the time ${what}` + (ratio >= 1 ? ' (more than all of it)' : ` (${fmt((1 - ratio) * 100)} % of it left for everything else)`);
  return `- hashing the evidence alone (the floor row) takes ${said(overJleCompiled, 'json-logic-engine compiled takes to score it')}, and ${said(overTwiceHand, 'of twice the hand-written limit')}`;
}

/** A ratio of times as the report writes it: its median over the rounds, then its range. */
function ratioText(r, d = 2) {
  return `${fmt(r.median, d)}× (${fmt(r.min, d)}–${fmt(r.max, d)})`;
}

/** rank() from the engine when it exists (packages/engine/src/rank.ts), else a sort by index. */
async function rankFunction() {
  let engine = await import('../../packages/engine/dist/index.js');
  if (typeof engine.rank !== 'function' && existsSync(`${root}packages/engine/dist/rank.js`)) engine = await import('../../packages/engine/dist/rank.js');
  if (typeof engine.rank === 'function') {
    const policy = setJson.policies?.ranking ?? 'dense';
    return { name: `ranked with rank(…, '${policy}')`, fn: (results) => engine.rank(results, policy) };
  }
  return { name: 'sorted by index', fn: (results) => [...results].sort((a, b) => new Decimal(b.totals.index).cmp(new Decimal(a.totals.index))) };
}
