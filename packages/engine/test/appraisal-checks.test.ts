/**
 * An appraisal's corrections go through the checks the evidence's own values go through: a corrected
 * value may not exceed the input its atMost names (5,000 dossiers on time of 1,300 resolved), and a
 * correction filed under one criterion may not change another criterion's input.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, ParindexError, score } from '@parindex/engine';

const read = (p: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${p}`, import.meta.url)), 'utf8'));
const compiled = compile(read('rules/sets/model.commune-par/2026.json'));
const evidence = read('examples/vinh-bao/par-2026.json');
const appraisal = read('examples/vinh-bao/appraisal-2026.json');

function errorsOf(items: unknown[]): Array<{ code: string; path: string }> {
  const a = structuredClone(appraisal);
  a.rounds[0].items.push(...items);
  try {
    score(compiled, evidence, { appraisal: a });
  } catch (e) {
    if (e instanceof ParindexError) return e.diagnostics.map((d) => ({ code: d.code, path: d.path }));
    throw e;
  }
  return [];
}

describe('appraisal corrections', () => {
  it('obey atMost: a corrected numerator above its denominator is an error at the correction', () => {
    expect(errorsOf([{ criterion: '3.2', values: { dossiers_on_time: 5000 }, reason: 'r' }])).toEqual([{ code: 'EVIDENCE_EXCEEDS_OTHER', path: '/rounds/0/items/3/values/dossiers_on_time' }]);
    // A corrected denominator below the unit's numerators too: each input that now exceeds it is named.
    const lowered = errorsOf([{ criterion: '3.2', values: { dossiers_resolved: 100 }, reason: 'r' }]);
    expect(lowered.length).toBeGreaterThan(0);
    expect(lowered).toEqual(lowered.map(() => ({ code: 'EVIDENCE_EXCEEDS_OTHER', path: '/rounds/0/items/3/values/dossiers_resolved' })));
  });

  it('may only change the inputs their criterion reads', () => {
    // 3.2 reads dossiers_on_time and dossiers_resolved; online_payments belongs to 3.7.2.
    expect(errorsOf([{ criterion: '3.2', values: { online_payments: 1 }, reason: 'r' }])).toEqual([{ code: 'EVIDENCE_UNKNOWN_INPUT', path: '/rounds/0/items/3/values/online_payments' }]);
  });

  it('within bounds and on their own criterion, they apply as before', () => {
    expect(errorsOf([{ criterion: '3.2', values: { dossiers_on_time: 1300 }, reason: 'r' }])).toEqual([]);
  });
});
