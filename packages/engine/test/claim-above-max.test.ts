/** A claim above the criterion's maximum is said as such (SCORE_CLAIM_MISMATCH with `max`); one within it is not. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEvidence, compile } from '@parindex/engine';
import { bundledSets } from '@parindex/rules/node';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const compiled = compile(bundledSets().get('model.commune-par@2026')!);
const VINH_BAO = JSON.parse(readFileSync(`${ROOT}examples/vinh-bao/par-2026.json`, 'utf8'));

/** The SCORE_CLAIM_MISMATCH params of 3.2 (maximum 3, 1 point from the evidence) with this claim. */
function claimOf(claimed: number): unknown {
  const e = structuredClone(VINH_BAO);
  e.entries.find((x: { criterion?: string }) => x.criterion === '3.2').claimedPoints = claimed;
  return checkEvidence(compiled, e).find((d) => d.code === 'SCORE_CLAIM_MISMATCH')?.params;
}

describe('a claim above the maximum', () => {
  it('names the maximum; a claim within it does not', () => {
    expect(claimOf(4)).toEqual({ code: '3.2', claimed: '4', computed: '1', max: '3' });
    expect(claimOf(3)).toEqual({ code: '3.2', claimed: '3', computed: '1' });
  });
});
