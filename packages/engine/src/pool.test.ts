/**
 * The worker pool against the engine in this thread: same summaries, same full results (JSON byte for
 * byte), same diagnostics, whatever the number of threads and the form of the input. The workers run
 * the built module (dist/pool-worker.js: `pnpm test` runs tsc -b first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompiledSet } from './compile.js';
import { ParindexError, readJson, type Diagnostic } from './deps.js';
import { createPool, type Pool, type PoolOutput } from './pool.js';
import { score } from './score.js';
import { toSummary } from './summary.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKER = new URL('../dist/pool-worker.js', import.meta.url);
const SET_TEXT = readFileSync(`${ROOT}rules/sets/model.commune-par/2026.json`, 'utf8');
const set = () => JSON.parse(SET_TEXT) as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

const exampleFiles = readdirSync(`${ROOT}examples`)
  .filter((d) => existsSync(`${ROOT}examples/${d}/par-2026.json`))
  .sort()
  .map((d) => `${ROOT}examples/${d}/par-2026.json`);

/** What score() in this thread gives: the result, or the diagnostics it throws. */
function inProcess(compiled: CompiledSet, evidence: unknown): { ok: true; json: string; summary: unknown } | { ok: false; diagnostics: Diagnostic[] } {
  try {
    const r = score(compiled, evidence);
    return { ok: true, json: JSON.stringify(r), summary: toSummary(r) };
  } catch (e) {
    if (e instanceof ParindexError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}

/** Hostile edits of a generated unit: each must fail in the pool exactly as score() fails. */
function badEvidence(base: J): unknown[] {
  const c = () => JSON.parse(JSON.stringify(base)) as J;
  const out: unknown[] = [];
  let e = c();
  e.criteriaSet = 'model.commune-par@2025';
  out.push(e);
  e = c();
  e.entries[0].values = { ...e.entries[0].values, bogus: 1 };
  out.push(e);
  e = c();
  e.entries.push({ criterion: '9.9', values: {} });
  out.push(e);
  e = c();
  e.unit = { code: 7 };
  out.push(e);
  e = c();
  const v = e.entries.find((x: J) => Object.values(x.values ?? {}).some((y) => typeof y === 'number'));
  const k = Object.keys(v.values).find((x) => typeof v.values[x] === 'number')!;
  v.values[k] = '12,5';
  out.push(e);
  // A forbidden key, as JSON.parse makes it (an own property "__proto__").
  out.push(JSON.parse(JSON.stringify(base).replace('"entries":', '"__proto__":{"x":1},"entries":')));
  out.push([], null, 'text', 42, {});
  return out;
}

describe('@parindex/engine/pool', () => {
  let compiled: CompiledSet;
  let units: J[];
  let examples: J[];
  let pools: Pool[] = [];

  beforeAll(async () => {
    compiled = compile(set());
    const { generateEvidence } = (await import(`${ROOT}examples/generate.mjs`)) as { generateEvidence: (n: number, seed: number) => J[] };
    units = generateEvidence(50, 3);
    examples = exampleFiles.map((f) => JSON.parse(readFileSync(f, 'utf8')));
    pools = [await createPool({ set: set(), threads: 1, workerUrl: WORKER }), await createPool({ set: set(), threads: 2, workerUrl: WORKER })];
  });

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('starts the threads asked for, each with the set compiled', () => {
    expect(pools.map((p) => p.threads)).toEqual([1, 2]);
    for (const p of pools) {
      expect(p.ref).toBe('model.commune-par@2026');
      expect(p.sha256).toBe(compiled.sha256);
    }
  });

  it('gives, per input and in input order, the summary of what score() gives; result(i) is score() byte for byte, with 1 and 2 threads', async () => {
    const inputs = [...units, ...examples];
    const want = inputs.map((e) => inProcess(compiled, e));
    expect(exampleFiles).toHaveLength(5);
    expect(want.every((w) => w.ok)).toBe(true);
    const outs: PoolOutput[][] = [];
    for (const pool of pools) {
      const out = await pool.scoreAll(inputs);
      outs.push(out);
      expect(out).toHaveLength(inputs.length);
      for (let i = 0; i < inputs.length; i++) {
        const w = want[i]!;
        const o = out[i]!;
        expect(o.ok).toBe(true);
        if (!o.ok || !w.ok) continue;
        expect(o.summary).toEqual(w.summary);
        // The figures, spelled out: a summary is the result's own numbers.
        const r = JSON.parse(w.json);
        expect(o.summary.totals).toEqual(r.totals);
        expect(o.summary.fields.map((f) => [f.code, f.points, f.applicableMax, f.nominalMax, f.status])).toEqual(r.fields.map((f: J) => [f.code, f.points, f.applicableMax, f.nominalMax, f.status]));
        expect(o.summary.counts).toEqual({ flags: r.flags.length, diagnostics: r.diagnostics.length, unused: r.unused.length });
        expect(o.summary.unit).toEqual(r.unit);
      }
      for (let i = 0; i < inputs.length; i++) {
        const w = want[i]!;
        if (!w.ok) continue;
        expect(JSON.stringify(await pool.result(i))).toBe(w.json);
        if (i % 5 === 0) expect(await pool.resultJson(i)).toBe(w.json);
      }
    }
    // Same bytes with 1 and 2 threads.
    expect(JSON.stringify(outs[0])).toBe(JSON.stringify(outs[1]));
  });

  it('reads evidence given as text or as a file exactly as the evidence value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-pool-'));
    const some = units.slice(0, 12);
    const files = some.map((u, i) => {
      const f = join(dir, `u${i}.json`);
      writeFileSync(f, JSON.stringify(u, null, 2));
      return f;
    });
    const pool = pools[1]!;
    const byValue = await pool.scoreAll(some);
    const byText = await pool.scoreAll(some.map((u) => ({ text: JSON.stringify(u, null, 2) })));
    expect(JSON.stringify(await pool.result(3))).toBe(JSON.stringify(score(compiled, some[3])));
    const byFile = await pool.scoreAll(files.map((file) => ({ file })));
    expect(JSON.stringify(byText)).toBe(JSON.stringify(byValue));
    expect(JSON.stringify(byFile)).toBe(JSON.stringify(byValue));
    expect(JSON.stringify(await pool.result(11))).toBe(JSON.stringify(score(compiled, some[11])));
    // keep: "inputs": the workers keep what they scored and score it again for result(i), even when the file changed since.
    const mixed = [some[0], { text: JSON.stringify(some[1]) }, { file: files[2]! }, { text: '{' }];
    const kept = await pool.scoreAll(mixed, { keep: 'inputs' });
    expect(JSON.stringify(kept.slice(0, 3))).toBe(JSON.stringify(byValue.slice(0, 3)));
    writeFileSync(files[2]!, '{}');
    for (let i = 0; i < 3; i++) expect(await pool.resultJson(i)).toBe(JSON.stringify(score(compiled, some[i])));
    expect(JSON.stringify(await pool.result(1))).toBe(JSON.stringify(score(compiled, some[1])));
    await expect(pool.result(3)).rejects.toBeInstanceOf(ParindexError);
    // A byte-order mark is read (with readJson's warning), as parindex reads files.
    const bom = await pool.scoreAll([{ text: '\ufeff' + JSON.stringify(some[0]) }]);
    expect(bom[0]!.ok).toBe(true);
    if (bom[0]!.ok) {
      expect(bom[0]!.summary).toEqual(toSummary(score(compiled, some[0])));
      expect(bom[0]!.read?.map((d) => d.code)).toEqual(['FILE_BOM']);
    }
  });

  it('scores evidence with its appraisal (value, text or file, with or without a round) exactly as score() does', async () => {
    const evidenceFile = `${ROOT}examples/vinh-bao/par-2026.json`;
    const evidence = JSON.parse(readFileSync(evidenceFile, 'utf8'));
    const appraisal = JSON.parse(readFileSync(`${ROOT}examples/vinh-bao/appraisal-2026.json`, 'utf8'));
    const want = (round?: string) => JSON.stringify(score(compiled, evidence, { appraisal, ...(round !== undefined ? { round } : {}) }));
    const pool = pools[1]!;
    const inputs = [
      { evidence, appraisal },
      { text: readFileSync(evidenceFile, 'utf8'), appraisal, round: 'round1' },
      { file: evidenceFile, appraisal, round: 'answer' },
      { evidence },
      { evidence, appraisal, round: 'round9' },
      // Not a wrapper (evidence and text, or an appraisal without evidence): read as evidence, which it is not.
      { evidence, text: '{}' },
      { appraisal },
    ];
    for (const keep of ['results', 'inputs'] as const) {
      const out = await pool.scoreAll(inputs, { keep });
      expect(out.map((o) => (o.ok ? o.summary.stage : o.diagnostics[0]!.code))).toEqual(['round2', 'round1', 'answer', 'self', 'APPRAISAL_UNKNOWN_ROUND', 'EVIDENCE_SCHEMA', 'EVIDENCE_SCHEMA']);
      expect(await pool.resultJson(0)).toBe(want());
      expect(await pool.resultJson(1)).toBe(want('round1'));
      expect(await pool.resultJson(2)).toBe(want('answer'));
      expect(await pool.resultJson(3)).toBe(JSON.stringify(score(compiled, evidence)));
    }
    // The appraised index differs from the unit's own: the appraisal was applied.
    const [appraised, self] = await pool.scoreAll([{ evidence, appraisal }, evidence]);
    expect(appraised?.ok && self?.ok && appraised.summary.totals.index !== self.summary.totals.index).toBe(true);
  });

  it('fails bad evidence with the diagnostics score() throws, and bad JSON or files with stable codes', async () => {
    const bad = badEvidence(units[0]);
    const want = bad.map((e) => inProcess(compiled, e));
    expect(want.every((w) => !w.ok)).toBe(true);
    const broken = '{\n  "criteriaSet": "model.commune-par@2026",\n  "entries": [\n';
    const textInputs = [{ text: broken, file: 'broken.json' }, { text: '' }, { text: '[1, 2]' }, { file: join(ROOT, 'no/such/file.json') }, { file: ROOT }, { file: '/dev/null' }];
    for (const pool of pools) {
      const out = await pool.scoreAll([...bad, units[1], ...textInputs]);
      for (let i = 0; i < bad.length; i++) {
        const w = want[i]!;
        expect(out[i]).toEqual({ ok: false, diagnostics: w.ok ? [] : w.diagnostics });
      }
      expect(out[bad.length]!.ok).toBe(true);
      const rest = out.slice(bad.length + 1);
      expect(rest[0]).toEqual({ ok: false, diagnostics: readJson(broken, 'broken.json').diagnostics });
      expect(rest.map((o) => (o.ok ? 'ok' : o.diagnostics.map((d) => d.code).join(',')))).toEqual([
        'JSON_SYNTAX',
        'FILE_EMPTY',
        'JSON_NOT_OBJECT',
        'FILE_NOT_FOUND',
        'FILE_IS_FOLDER',
        'FILE_NOT_REGULAR',
      ]);
      expect(rest[0]!.ok ? undefined : rest[0]!.diagnostics[0]).toMatchObject({ file: 'broken.json', line: 4, column: 1 });
      // result(i) of a failed input throws what score() throws.
      const err = await pool.result(0).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ParindexError);
      expect((err as ParindexError).diagnostics).toEqual(want[0]!.ok ? [] : want[0]!.diagnostics);
      expect(JSON.stringify(await pool.result(bad.length))).toBe(JSON.stringify(score(compiled, units[1])));
    }
  });

  it('scores batch after batch; result(i) reads the last batch before it was asked for; keep: "none" keeps nothing', async () => {
    const pool = pools[1]!;
    const a = units.slice(0, 9);
    const b = units.slice(20, 45);
    const changed = JSON.parse(JSON.stringify(units[20]));
    changed.unit.name = 'UBND xã Đổi Tên';
    b[0] = changed;
    const pa = pool.scoreAll(a);
    const ra = pool.resultJson(8);
    const pb = pool.scoreAll(b);
    const rb = pool.resultJson(0);
    const progress: number[] = [];
    const pc = pool.scoreAll(units.slice(0, 30), { keep: 'none', onProgress: (done, total) => progress.push(done / total) });
    expect((await pa).length).toBe(9);
    expect(await ra).toBe(JSON.stringify(score(compiled, a[8])));
    const outB = await pb;
    expect(outB[0]!.ok && outB[0]!.summary.unit.name).toBe('UBND xã Đổi Tên');
    expect(await rb).toBe(JSON.stringify(score(compiled, changed)));
    expect((await pc).length).toBe(30);
    expect(progress.at(-1)).toBe(1);
    await expect(pool.result(0)).rejects.toThrow(/keep: "none"/);
    await expect(pool.result(30)).rejects.toThrow(RangeError);
    expect(await pool.scoreAll([])).toEqual([]);
  });

  it('rejects a batch with an input that cannot be cloned, or whose onProgress throws, and stays usable', async () => {
    const pool = pools[1]!;
    await expect(pool.scoreAll([units[0], { entries: [() => 1] }])).rejects.toThrow();
    await expect(
      pool.scoreAll(units.slice(0, 12), {
        onProgress: () => {
          throw new Error('progress failed');
        },
      }),
    ).rejects.toThrow('progress failed');
    await expect(pool.result(0)).rejects.toThrow(/last batch failed/);
    const out = await pool.scoreAll(units.slice(0, 3));
    expect(out.every((o) => o.ok)).toBe(true);
  });

  it('rejects a set that does not compile with the diagnostics compile() throws', async () => {
    const bad = set() as J;
    bad.fields[0].children[0].max = 'ten';
    bad.version = '';
    let want: Diagnostic[] = [];
    try {
      compile(bad);
    } catch (e) {
      want = (e as ParindexError).diagnostics;
    }
    expect(want.length).toBeGreaterThan(0);
    const err = await createPool({ set: bad, threads: 2, workerUrl: WORKER }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParindexError);
    expect((err as ParindexError).diagnostics).toEqual(want);
    await expect(createPool({ set: set(), threads: 0, workerUrl: WORKER })).rejects.toThrow(RangeError);
  });

  it('rejects the pending call when a worker dies, and every call after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-pool-'));
    // The real worker, except that it exits in the middle of the first chunk it is sent.
    const crash = join(dir, 'crash-worker.mjs');
    writeFileSync(
      crash,
      `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (m) => { if (m.type === 'chunk') process.exit(3); });\nawait import(${JSON.stringify(WORKER.href)});\n`,
    );
    const pool = await createPool({ set: set(), threads: 2, workerUrl: crash });
    await expect(pool.scoreAll(units.slice(0, 10))).rejects.toThrow(/worker \d stopped \(exit code 3\)/);
    await expect(pool.scoreAll(units.slice(0, 1))).rejects.toThrow(/stopped/);
    await pool.close();
    await expect(createPool({ set: set(), threads: 1, workerUrl: join(dir, 'missing.mjs') })).rejects.toThrow(/worker 0 failed/);
  });

  it('close() ends the workers; a process that forgets close() still exits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-pool-'));
    const script = (close: boolean) =>
      [
        `import { readFileSync } from 'node:fs';`,
        `import { createPool } from ${JSON.stringify(new URL('../dist/pool.js', import.meta.url).href)};`,
        `const pool = await createPool({ set: JSON.parse(readFileSync(${JSON.stringify(`${ROOT}rules/sets/model.commune-par/2026.json`)}, 'utf8')), threads: 2 });`,
        `const out = await pool.scoreAll([{ file: ${JSON.stringify(exampleFiles[0])} }]);`,
        `console.log(out[0].ok, out[0].summary.unit.code);`,
        close ? `await pool.close(); await pool.scoreAll([]).catch((e) => console.log(e.message));` : '',
      ].join('\n');
    for (const close of [true, false]) {
      const f = join(dir, `run-${close}.mjs`);
      writeFileSync(f, script(close));
      // The timeout only turns a process that never exits into a failure (status null) instead of a hang.
      const p = spawnSync(process.execPath, [f], { encoding: 'utf8', timeout: 300_000 });
      expect(p.status, p.stderr).toBe(0);
      expect(p.stdout).toBe(`true HP-DAISON\n${close ? 'parindex pool: closed\n' : ''}`);
    }
  });
});
