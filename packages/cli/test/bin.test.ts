/**
 * The BUILT CLI (packages/cli/dist/parindex.js, the esbuild bundle that users run), spawned as a process:
 * it starts, exits with the right codes and prints exactly what main() prints in this process for the
 * same arguments (cli.test.ts checks that output in detail). `pnpm test` builds first. Few processes:
 * each one costs a cold start.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliInProcess, tempDir, VB, VB_APPRAISAL } from './helpers.js';

describe.concurrent('the built CLI', () => {
  it('--help, no arguments, an unknown command: exit 0, 2, 2', async () => {
    const [help, none, unknown] = await Promise.all([cli(['--help']), cli([]), cli(['frobnicate'])]);
    expect(help.code).toBe(0);
    for (const c of ['rules', 'template', 'validate', 'score', 'explain', 'diff', 'rank']) expect(help.stdout).toContain(c);
    expect(none.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Không có lệnh "frobnicate"');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints what main() prints: a score with an appraisal (table, with warnings), explain in English, a missing file (exit 1)', async () => {
    const cases = [
      ['score', VB],
      ['explain', VB, '3.2', '--appraisal', VB_APPRAISAL, '--lang', 'en'],
      ['score', join(tempDir(), 'missing.json')],
    ];
    const spawned = await Promise.all(cases.map((args) => cli(args)));
    for (let i = 0; i < cases.length; i++) {
      const here = await cliInProcess(cases[i]!);
      expect(spawned[i], cases[i]!.join(' ')).toEqual(here);
    }
    expect(spawned[0]!.code).toBe(0);
    expect(spawned[0]!.stderr).toContain('SCORE_CLAIM_MISMATCH');
    expect(spawned[2]!.code).toBe(1);
    expect(spawned[2]!.stderr).toContain('FILE_NOT_FOUND');
  });
});
