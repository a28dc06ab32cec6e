import { describe, expect, it } from 'vitest';
import { mean, rank, roundQuotient, summarize } from './rank.js';
import type { NodeResult, ScoreResult } from './result.js';

const field = (code: string, points: string, max: string, applicableMax = max): NodeResult => ({
  code,
  title: `Lĩnh vực ${code}`,
  kind: 'group',
  nominalMax: max,
  applicableMax,
  points,
  status: 'scored',
  flags: [],
});

function result(unit: string, index: string, band: string | null, fields: NodeResult[] = []): ScoreResult {
  return {
    formatVersion: 1,
    provenance: {
      engine: '@parindex/engine@0.1.0',
      criteriaSet: { ref: 's@2026', id: 's', version: '2026', status: 'model', issuer: 'x', decision: 'y', sha256: 'a'.repeat(64) },
      evidence: { sha256: 'b'.repeat(64) },
    },
    unit: { code: unit, name: `Xã ${unit}`, level: 'commune' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    sample: true,
    stage: 'self',
    totals: {
      treePoints: index,
      bonus: '0',
      penalty: '0',
      points: index,
      nominalMax: '100',
      applicableMax: '100',
      scale: '100',
      index,
      classification: band ? { code: band, label: `Nhóm ${band}` } : null,
      parts: [],
      steps: [],
    },
    fields,
    flags: [],
    diagnostics: [],
    unused: [],
  };
}

describe('rank', () => {
  const idx = ['80', '95.5', '90', '90', '70.25'];
  const results = idx.map((i, n) => result(`U${n}`, i, null));

  it('dense: tied units share a rank, the next unit gets the next number', () => {
    const rows = rank(results, 'dense');
    expect(rows.map((r) => [r.result.unit.code, r.rank, r.tied])).toEqual([
      ['U1', 1, false],
      ['U2', 2, true],
      ['U3', 2, true],
      ['U0', 3, false],
      ['U4', 4, false],
    ]);
  });

  it('competition: the rank after a tie skips', () => {
    expect(rank(results, 'competition').map((r) => r.rank)).toEqual([1, 2, 2, 4, 5]);
  });

  it('compares exactly: 99.995 and 99.9950 tie, 99.99951 is ahead', () => {
    const rows = rank([result('a', '99.995', null), result('b', '99.99951', null), result('c', '99.9950', null)], 'competition');
    expect(rows.map((r) => [r.result.unit.code, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
    ]);
  });

  it('handles one and no results, and rejects an unknown policy', () => {
    expect(rank([], 'dense')).toEqual([]);
    expect(rank([result('a', '0', null)], 'dense')[0]).toMatchObject({ rank: 1, tied: false, index: '0', input: 0 });
    expect(() => rank(results, 'olympic' as 'dense')).toThrow(TypeError);
  });

  it('three-way tie at the top, then competition ranks 4', () => {
    const r = ['50', '50', '50', '40'].map((i, n) => result(`T${n}`, i, null));
    expect(rank(r, 'competition').map((x) => x.rank)).toEqual([1, 1, 1, 4]);
    expect(rank(r, 'dense').map((x) => x.rank)).toEqual([1, 1, 1, 2]);
  });
});

describe('mean and summarize', () => {
  it('is the plain mean with exact sum', () => {
    expect(mean(['89.95', '90.05', '80'])).toEqual({ count: 3, sum: '260', mean: '86.6666666667' });
    expect(mean(['0.1', '0.2'])).toEqual({ count: 2, sum: '0.3', mean: '0.15' });
    expect(mean([])).toEqual({ count: 0, sum: '0', mean: null });
  });

  it('groups by band in rank order and averages fields by code', () => {
    const rs = [
      result('a', '85', 'B', [field('1', '8', '10'), field('2', '0', '5', '0')]),
      result('b', '92', 'A', [field('1', '10', '10'), field('2', '4', '5')]),
      result('c', '70', null, [field('1', '5', '10'), field('2', '2', '5')]),
    ];
    const s = summarize(rs, 'dense');
    expect(s.index).toEqual({ count: 3, sum: '247', mean: '82.3333333333', rounded: '82.33' });
    expect(s.bands.map((b) => [b.code, b.units])).toEqual([
      ['A', [1]],
      ['B', [0]],
      [null, [2]],
    ]);
    expect(s.fields[0]).toMatchObject({ code: '1', points: { sum: '23', mean: '7.6666666667' }, percent: { count: 3, mean: '76.6666666667' } });
    // A field that does not apply (maximum 0) is left out of the percentage mean, not counted as 0 %.
    expect(s.fields[1]).toMatchObject({ code: '2', points: { count: 3, sum: '6' }, percent: { count: 2, sum: '120', mean: '60' } });
  });

  it('counts each band and its share of the ranked units: 7 of 40 is 17.5 (two places, half up, by default)', () => {
    const bands = ['A', 'B', 'C', 'D'];
    // 40 units: 7 in A, 20 in B, 12 in C, 0 in D, 1 unclassified.
    const rs = Array.from({ length: 40 }, (_, i) => result(`u${i}`, String(95 - i), i < 7 ? 'A' : i < 27 ? 'B' : i < 39 ? 'C' : null));
    const s = summarize(rs, 'dense', { bands: bands.map((code) => ({ code, label: `Nhóm ${code}` })) });
    expect(s.ranked).toBe(40);
    expect(s.bands.map((b) => [b.code, b.count, b.share])).toEqual([
      ['A', 7, '17.5'],
      ['B', 20, '50'],
      ['C', 12, '30'],
      ['D', 0, '0'],
      [null, 1, '2.5'],
    ]);
    expect(s.rounding).toEqual({ meanIndex: { places: 2, mode: 'halfUp' }, share: { places: 2, mode: 'halfUp' } });
  });

  it('rounds the shares and the mean index as the set declares, from the exact quotient', () => {
    // 1 of 3 = 33.333…%, 2 of 3 = 66.666…%; the mean of 80.005 and 80.004 and 80.001 is 80.00333…
    const rs = [result('a', '80.005', 'A'), result('b', '80.004', 'B'), result('c', '80.001', 'B')];
    const s = summarize(rs, 'dense', {
      rounding: [
        { level: 'share', places: 1, mode: 'down' },
        { level: 'meanIndex', places: 3, mode: 'up' },
      ],
    });
    expect(s.bands.map((b) => [b.code, b.share])).toEqual([
      ['A', '33.3'],
      ['B', '66.6'],
    ]);
    expect(s.index).toMatchObject({ sum: '240.01', rounded: '80.004' });
    expect(summarize(rs, 'dense').index.rounded).toBe('80');
    expect(summarize([], 'dense').index.rounded).toBeNull();
  });

  it('rounds a quotient exactly in every mode, ties included', () => {
    const r = (n: bigint, d: bigint, places: number, mode: 'halfUp' | 'halfEven' | 'down' | 'up') => roundQuotient(n, d, { places, mode });
    expect(r(700n, 40n, 2, 'halfUp')).toBe('17.5');
    expect(r(1n, 8n, 2, 'halfUp')).toBe('0.13');
    expect(r(1n, 8n, 2, 'halfEven')).toBe('0.12');
    expect(r(3n, 8n, 2, 'halfEven')).toBe('0.38');
    expect(r(1n, 3n, 4, 'up')).toBe('0.3334');
    expect(r(2n, 3n, 4, 'down')).toBe('0.6666');
    expect(r(-1n, 8n, 2, 'halfUp')).toBe('-0.13');
    // 10^40 + 5 over 10^41: a decimal context of 40 digits would lose the 5.
    expect(r(10n ** 40n + 5n, 10n ** 41n, 40, 'halfUp')).toBe('0.1000000000000000000000000000000000000001');
  });
});
