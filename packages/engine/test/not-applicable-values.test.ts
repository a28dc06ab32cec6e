/**
 * EVIDENCE_NOT_APPLICABLE_VALUE is for a value that says something on a criterion that does not apply:
 * a 0 beside "0 found" (what the workbook asks an officer to write) agrees with it and is not warned
 * about; any other number, and a "no", is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEvidence, compile } from '@parindex/engine';
import { bundledSets } from '@parindex/rules/node';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const compiled = compile(bundledSets().get('model.commune-par@2026')!);
const KIEN_THO = JSON.parse(readFileSync(`${ROOT}examples/kien-tho/par-2026.json`, 'utf8'));

/** The warnings of Kiên Thọ's evidence with 2.2.2's "documents handled" (found is 0: 2.2.2 does not apply) set to `handled`. */
function warned(handled: unknown): string[] {
  const e = structuredClone(KIEN_THO);
  const entry = e.entries.find((x: { criterion?: string }) => x.criterion === '2.2.2');
  expect(entry.values.qppl_faulty_found).toBe(0);
  entry.values.qppl_faulty_handled = handled;
  return checkEvidence(compiled, e)
    .filter((d) => d.code === 'EVIDENCE_NOT_APPLICABLE_VALUE')
    .map((d) => `${d.path} ${(d.params as { code: string }).code}`);
}

describe('a value on a criterion that does not apply', () => {
  it('0, as a number or a decimal text, agrees with it: no warning', () => {
    expect(warned(0)).toEqual([]);
    expect(warned('0')).toEqual([]);
    expect(warned('0.0')).toEqual([]);
  });
  it('any other count is warned about, at its entry', () => {
    const at = KIEN_THO.entries.findIndex((x: { criterion?: string }) => x.criterion === '2.2.2');
    expect(warned(3)).toEqual([`/entries/${at} 2.2.2`]);
    expect(warned('1')).toEqual([`/entries/${at} 2.2.2`]);
  });
});
