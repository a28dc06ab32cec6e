/** Scoring evidence that draws 160,000 diagnostics reports them all (issue 12, item 6). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('many diagnostics', () => {
  it('are collected one by one (a spread of 160,000 of them into push() overflowed the stack: "internal error")', () => {
    // In a process of its own, on the built packages: a worker thread of the test runner has a larger
    // stack than the CLI, where the spread overflowed.
    const script = `
      import { readFileSync } from 'node:fs';
      import { bundledSets } from ${JSON.stringify(`${ROOT}rules/dist/node.js`)};
      import { checkEvidence, compile } from ${JSON.stringify(`${ROOT}packages/engine/dist/index.js`)};
      const evidence = JSON.parse(readFileSync(${JSON.stringify(`${ROOT}examples/vinh-bao/par-2026.json`)}, 'utf8'));
      const first = evidence.entries.length;
      // The clean file's own warnings are reported too: checking goes on past errors to the later stages.
      const own = checkEvidence(compile(bundledSets().get('model.commune-par@2026')), evidence).length;
      // 16 entries of 9,999 inputs the set does not have (each object under the limit of 10,000 keys).
      for (let e = 0; e < 16; e++) evidence.entries.push({ criterion: '1.1.1', values: Object.fromEntries(Array.from({ length: 9999 }, (_, i) => ['x' + i, 1])) });
      const found = checkEvidence(compile(bundledSets().get('model.commune-par@2026')), evidence);
      const unknown = found.filter((d) => d.code === 'EVIDENCE_UNKNOWN_INPUT');
      process.stdout.write(JSON.stringify({ first, own, count: found.length, unknown: unknown.length, paths: [unknown[0].path, unknown[unknown.length - 1].path] }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 300_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.own).toBe(2);
    expect(out).toEqual({ first: out.first, own: 2, count: 159_984 + 2, unknown: 159_984, paths: [`/entries/${out.first}/values/x0`, `/entries/${out.first + 15}/values/x9998`] });
  });
});
