/**
 * Exactness past the decimal context: numbers a double cannot hold are refused as written (not
 * silently rounded by JSON.parse), and evidence numbers are bounded so that ratios compared by
 * cross-multiplication stay within 60 significant digits.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, ParindexError, score } from '@parindex/engine';
import { readJson } from '@parindex/rules';

const read = (p: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${p}`, import.meta.url)), 'utf8'));
const compiled = compile(read('rules/sets/model.commune-par/2026.json'));
const evidence = read('examples/vinh-bao/par-2026.json');

const codesOf = (e: unknown) => {
  try {
    score(compiled, e);
    return [];
  } catch (err) {
    if (err instanceof ParindexError) return err.diagnostics.map((d) => `${d.code} ${d.path}`);
    throw err;
  }
};

describe('exact numbers', () => {
  it('a JSON number with more digits than a double holds is an error at its key, with what it would have been read as', () => {
    const text = '{\n  "a": [1, 2],\n  "b": 1.9999999999999999,\n  "c": 0.30000000000000004,\n  "d": [123456789012345678]\n}';
    const doc = readJson(text, 'x.json');
    expect(doc.value).toBeUndefined();
    expect(doc.diagnostics.map((d) => ({ code: d.code, path: d.path, line: d.line, params: d.params }))).toEqual([
      { code: 'JSON_NUMBER_INEXACT', path: '/b', line: 3, params: { text: '1.9999999999999999', read: '2' } },
      { code: 'JSON_NUMBER_INEXACT', path: '/d/0', line: 5, params: { text: '123456789012345678', read: '123456789012345680' } },
    ]);
  });

  it('counts of 72 digits are out of range, not rounded into the next tier (94,999… ÷ 100… was taken for 95%)', () => {
    const e = structuredClone(evidence);
    e.entries[1].value = '1' + '0'.repeat(71);
    const on = e.entries.find((x: { criterion?: string }) => x.criterion === '3.2');
    on.values.dossiers_on_time = '94' + '9'.repeat(70);
    expect(codesOf(e)).toEqual(['EVIDENCE_VALUE_RANGE /entries/1/value', `EVIDENCE_VALUE_RANGE /entries/${e.entries.indexOf(on)}/values/dossiers_on_time`]);
  });

  it("a count out of range names the format's own bound only when it is the one passed", () => {
    const paramsOf = (value: string) => {
      const e = structuredClone(evidence);
      e.entries[1].value = value;
      try {
        score(compiled, e);
      } catch (x) {
        return (x as ParindexError).diagnostics.find((d) => d.code === 'EVIDENCE_VALUE_RANGE')?.params;
      }
      return undefined;
    };
    expect(paramsOf('-5')).toMatchObject({ value: '-5', min: '0', max: null });
    expect(paramsOf('1' + '0'.repeat(20))).toMatchObject({ min: null, max: '999999999999999' });
  });

  it('the largest counts allowed are compared exactly: 949,999,999,999,999 of 10^15 − 1 is under 95%', () => {
    const e = structuredClone(evidence);
    e.entries[1].value = '999999999999999';
    const on = e.entries.find((x: { criterion?: string }) => x.criterion === '3.2');
    on.values.dossiers_on_time = '949999999999998';
    const leaf = score(compiled, e).fields[2]!.children![1]!;
    expect(leaf.points).toBe('1');
  });
});
