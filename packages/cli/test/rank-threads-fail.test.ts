/**
 * A rank worker that fails never costs a file or an answer: a worker that throws as it starts, one that
 * stops, and one that takes chunks of files and dies before it sends them back each leave their files to
 * this thread (its own chunks) or to the merge (the files come back undefined: rank does them again,
 * the one-thread way), and scoreAll settles with no error escaping. The real worker (the built bundle's
 * launcher) is run by rank-threads.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompiledSet } from '@parindex/engine';
import { startRankThreads } from '../src/rank-threads.js';
import { tryScoreFile } from '../src/rank-worker.js';
import { ROOT, tempDir, writeTemp } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const FILES = 40;
let compiled: CompiledSet;
let files: string[];
let dir: string;

beforeAll(async () => {
  compiled = compile(JSON.parse(readFileSync(join(ROOT, 'rules/sets/model.commune-par/2026.json'), 'utf8')));
  const { generateEvidence } = (await import(`${ROOT}examples/generate.mjs`)) as { generateEvidence: (n: number, seed: number) => J[] };
  dir = tempDir();
  files = generateEvidence(FILES, 3).map((u, i) => writeTemp(dir, `u${i}.json`, u));
});

/** A worker script (CommonJS) that misbehaves as told. */
const WORKERS = {
  throws: "throw new Error('the worker fails as it starts');",
  exits: 'process.exit(3);',
  // Takes three chunks, then fails before it sends any of them back.
  takesAndDies: "require('node:worker_threads').parentPort.once('message', (m) => { Atomics.add(new Int32Array(m.shared), 0, 3 * m.chunk); throw new Error('the worker fails in the middle'); });",
};

describe('rank threads: a worker that fails', () => {
  for (const [name, code] of Object.entries(WORKERS)) {
    it(`${name}: every file is scored here or comes back undefined, to be done again; nothing escapes`, async () => {
      const url = pathToFileURL(writeTemp(dir, `${name}.cjs`, code));
      const threads = startRankThreads(url, 1)!;
      expect(threads.workers).toBe(1);
      try {
        const here = await threads.scoreAll(compiled, files, true, () => {});
        expect(here).toHaveLength(FILES);
        const scored = here.filter((o) => o !== undefined);
        // The files this thread took are scored exactly as it scores them alone.
        for (let i = 0; i < FILES; i++) if (here[i] !== undefined) expect(here[i]).toEqual(tryScoreFile(compiled, files[i]!));
        if (name !== 'takesAndDies') expect(scored).toHaveLength(FILES);
        else expect(scored.length).toBeGreaterThanOrEqual(FILES - 48);
        expect(threads.takenByWorkers).toBe(0);
      } finally {
        await threads.stop();
      }
    });
  }

  it('with this thread taking no file, a worker that dies leaves every file undefined (the merge does them), and scoreAll still settles', async () => {
    const threads = startRankThreads(pathToFileURL(writeTemp(dir, 'dies.cjs', WORKERS.takesAndDies)), 1)!;
    try {
      const out = await threads.scoreAll(compiled, files, false, () => {});
      expect(out).toHaveLength(FILES);
      expect(out.every((o) => o === undefined)).toBe(true);
    } finally {
      await threads.stop();
    }
  });
});
