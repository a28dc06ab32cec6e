/**
 * `parindex rank` on threads (its own thread and a worker running the same bundle, src/rank-threads.ts)
 * prints exactly what it prints in one thread: every format, both languages, the failures, skips and
 * duplicates with their file:line:column, and the exit code. The threads side is the built CLI, spawned
 * with --threads 2, both as it runs (the two threads share the files as their timing goes) and with
 * PARINDEX_RANK_WORKERS_ONLY=1 (the worker takes every file after the first, whatever the timing, so that
 * every path of the worker is reached); the one-thread side is main() in this process (--threads 1).
 * Small folders: the threads are used whenever --threads is given, whatever the number of files, so a
 * few dozen files reach every path (several chunks per thread) at a fraction of the cost.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { POOL_MIN_FILES } from '../src/commands/rank.js';
import { cli, cliInProcess, ROOT, tempDir, writeTemp } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
let small: string;
let many: string;
/** Units in the folder with every kind of failure, and in the folder of units only (≥ 36: units[35] is used). */
const SMALL = 20;
const MANY = 40;

beforeAll(async () => {
  const { generateEvidence } = (await import(`${ROOT}examples/generate.mjs`)) as { generateEvidence: (n: number, seed: number) => J[] };
  const units = generateEvidence(MANY, 5);
  // MANY generated units.
  many = join(tempDir(), 'many');
  mkdirSync(many);
  units.forEach((u, i) => writeFileSync(join(many, `u${String(i).padStart(3, '0')}.json`), JSON.stringify(u, null, 2)));
  // SMALL units and every way a file can fail or be skipped, between them.
  small = join(tempDir(), 'small');
  mkdirSync(join(small, 'sub'), { recursive: true });
  units.slice(0, SMALL).forEach((u, i) => writeFileSync(join(small, i % 3 ? 'sub' : '', `u${String(i).padStart(3, '0')}.json`), JSON.stringify(u, null, 2)));
  writeTemp(small, 'u010-broken.json', '{ "formatVersion": 1, ');
  writeTemp(small, 'u020-dup.json', units[4]);
  const bad = JSON.parse(JSON.stringify(units[30]));
  bad.unit.code = 'BAD-1';
  bad.entries[3].criterion = '42';
  writeTemp(small, 'u030-bad.json', bad);
  const comma = JSON.parse(JSON.stringify(units[31]));
  comma.unit.code = 'BAD-2';
  const entry = comma.entries.find((e: J) => Object.values(e.values ?? {}).some((v) => typeof v === 'number'));
  const key = Object.keys(entry.values).find((k) => typeof entry.values[k] === 'number')!;
  entry.values[key] = '1,250';
  writeTemp(small, 'u031-comma.json', comma);
  writeTemp(small, 'u040-bom.json', '\ufeff' + JSON.stringify({ ...units[35], unit: { ...units[35].unit, code: 'BOM-1' } }));
  copyFileSync(join(ROOT, 'examples/vinh-bao/sipas-2026.json'), join(small, 'u050-sipas.json'));
  copyFileSync(join(ROOT, 'examples/vinh-bao/appraisal-2026.json'), join(small, 'u051-appraisal.json'));
  writeTemp(small, 'u060-empty.json', '');
  writeTemp(small, 'u061-array.json', '[]');
});

describe.concurrent('rank --threads', () => {
  it('prints the same on 2 threads as in one process: every format, both languages, failures, skips and duplicates', async () => {
    const variants = [[], ['--lang', 'en'], ['--format', 'json'], ['--format', 'csv', '--lang', 'en'], ['--format', 'md'], ['--format', 'html', '--lang', 'en']];
    const workersOnly = { PARINDEX_RANK_WORKERS_ONLY: '1' };
    const runs = await Promise.all(
      variants.flatMap((v) => [cliInProcess(['rank', small, ...v, '--threads', '1']), cli(['rank', small, ...v, '--threads', '2'], workersOnly), cli(['rank', small, ...v, '--threads', '2'])]),
    );
    // The worker took every file after the first (scored here: it names the set), and the 7 that fail or
    // are skipped were done again here to report them.
    const debug = await cli(['rank', small, '--threads', '2', '--quiet'], { PARINDEX_DEBUG: '1', ...workersOnly });
    const onThreads = SMALL + 9 - 1;
    expect(debug.stderr.split('\n').slice(0, 2)).toEqual([`parindex: rank: ${onThreads} files on 2 threads`, `parindex: rank: ${onThreads} taken by the workers, 0 by this thread; 7 done again here`]);
    for (let i = 0; i < variants.length; i++) {
      const [one, worker, shared] = [runs[3 * i]!, runs[3 * i + 1]!, runs[3 * i + 2]!];
      expect(one.code).toBe(1);
      for (const two of [worker, shared]) {
        expect(two.stdout).toBe(one.stdout);
        expect(two.stderr).toBe(one.stderr);
        expect(two.code).toBe(one.code);
      }
    }
    const data = JSON.parse(runs[6]!.stdout);
    expect(data.ranking).toHaveLength(SMALL + 1);
    expect(data.failed.map((f: J) => [f.file.split('/').pop(), f.diagnostics[0].code])).toEqual([
      ['u010-broken.json', 'JSON_SYNTAX'],
      ['u020-dup.json', 'RANK_DUPLICATE_UNIT'],
      ['u030-bad.json', 'EVIDENCE_UNKNOWN_CRITERION'],
      ['u031-comma.json', 'EVIDENCE_NUMBER_AMBIGUOUS'],
      ['u060-empty.json', 'FILE_EMPTY'],
      ['u061-array.json', 'JSON_NOT_OBJECT'],
    ]);
    expect(data.skipped.map((f: string) => f.split('/').pop())).toEqual(['u050-sipas.json (model.commune-sipas@2026)']);
    // An appraisal file whose evidence is not in the folder: reported, not used.
    expect(data.unusedAppraisals.map((f: J) => [f.file.split('/').pop(), f.diagnostics[0].code])).toEqual([['u051-appraisal.json', 'RANK_APPRAISAL_UNUSED']]);
    expect(runs[0]!.stderr).toMatch(/u030-bad\.json:\d+:\d+ {2}EVIDENCE_UNKNOWN_CRITERION {2}\/entries\/3\/criterion/);
    expect(runs[0]!.stderr).toMatch(/u020-dup\.json:\d+:\d+ {2}RANK_DUPLICATE_UNIT/);
  });

  it(`scores ${MANY} files on the threads (none again in this thread): the same output, the same ranking as the engine in this process`, async () => {
    const [two, one, twoJson, shared] = await Promise.all([
      cli(['rank', many, '--threads', '2'], { PARINDEX_DEBUG: '1', PARINDEX_RANK_WORKERS_ONLY: '1' }),
      cliInProcess(['rank', many, '--threads', '1']),
      cli(['rank', many, '--format', 'json', '--lang', 'en', '--threads', '2']),
      cli(['rank', many, '--threads', '2'], { PARINDEX_DEBUG: '1' }),
    ]);
    expect(two.code).toBe(0);
    // The first file is scored here (it names the set), the others on the worker.
    expect(two.stderr).toBe(`parindex: rank: ${MANY - 1} files on 2 threads\nparindex: rank: ${MANY - 1} taken by the workers, 0 by this thread; 0 done again here\n`);
    expect(two.stdout).toBe(one.stdout);
    // Shared as the threads' timing goes: every file taken by one thread or the other, once.
    const split = /^parindex: rank: (\d+) files on 2 threads\nparindex: rank: (\d+) taken by the workers, (\d+) by this thread; 0 done again here\n$/.exec(shared.stderr);
    expect(split && [Number(split[1]), Number(split[2]) + Number(split[3])]).toEqual([MANY - 1, MANY - 1]);
    expect(shared.stdout).toBe(one.stdout);
    const { compile, score, rank } = await import('@parindex/engine');
    const compiled = compile(JSON.parse(readFileSync(join(ROOT, 'rules/sets/model.commune-par/2026.json'), 'utf8')));
    const { generateEvidence } = (await import(`${ROOT}examples/generate.mjs`)) as { generateEvidence: (n: number, seed: number) => J[] };
    const results = generateEvidence(MANY, 5).map((u) => score(compiled, u));
    const want = rank(results, 'dense').map((x) => ({ rank: x.rank, code: x.result.unit.code, points: x.result.totals.points, index: x.index }));
    const data = JSON.parse(twoJson.stdout);
    expect(data.ranking.map((x: J) => ({ rank: x.rank, code: x.unit.code, points: x.points, index: x.index }))).toEqual(want);
  });

  it('says in its help, in both languages, from how many files it uses threads by itself', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['rank', '--help']), cliInProcess(['rank', '--help', '--lang', 'en'])]);
    expect(vi.stdout).toContain(`mỗi lõi một luồng khi có từ ${POOL_MIN_FILES.toLocaleString('de-DE')} tệp`);
    expect(en.stdout).toContain(`one per core from ${POOL_MIN_FILES.toLocaleString('en-US')} files`);
  });

  it('refuses a --threads that is not a whole number from 1', async () => {
    const rs = await Promise.all(['0', 'two', '-1', '1.5'].map((n) => cliInProcess(['rank', small, '--threads', n])));
    for (const r of rs) expect(r.code).toBe(2);
    expect(rs[1]!.stderr).toContain('--threads');
  });
});
