import { describe, expect, it } from 'vitest';
import { diffResults, sameValue } from './diff.js';
import type { NodeResult, ScoreResult, Trace } from './result.js';

const trace = (over: Partial<Trace> = {}): Trace => ({ rule: 'tiers', inputs: [], documents: [], steps: [], improve: [], ...over });

function leaf(code: string, points: string, max: string, t: Partial<Trace> = {}, over: Partial<NodeResult> = {}): NodeResult {
  return { code, title: `Tiêu chí ${code}`, kind: 'leaf', nominalMax: max, applicableMax: max, points, status: 'scored', flags: [], trace: trace(t), ...over };
}
function group(code: string, children: NodeResult[], over: Partial<NodeResult> = {}): NodeResult {
  const sum = (k: 'points' | 'nominalMax' | 'applicableMax') => String(children.reduce((s, c) => s + Number(c[k]), 0));
  return { code, title: `Lĩnh vực ${code}`, kind: 'group', nominalMax: sum('nominalMax'), applicableMax: sum('applicableMax'), points: sum('points'), status: 'scored', flags: [], children, ...over };
}
function result(fields: NodeResult[], over: { stage?: string; index?: string; band?: string | null; set?: string; sha?: string } = {}): ScoreResult {
  const points = String(fields.reduce((s, f) => s + Number(f.points), 0));
  const max = String(fields.reduce((s, f) => s + Number(f.applicableMax), 0));
  return {
    formatVersion: 1,
    provenance: {
      engine: '@parindex/engine@0.1.0',
      criteriaSet: { ref: over.set ?? 's@2026', id: 's', version: '2026', status: 'model', issuer: 'x', decision: 'y', sha256: over.sha ?? 'a'.repeat(64) },
      evidence: { sha256: 'b'.repeat(64) },
    },
    unit: { code: 'VB', name: 'Xã Vĩnh Bảo', level: 'commune' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    sample: true,
    stage: over.stage ?? 'self',
    totals: {
      treePoints: points,
      bonus: '0',
      penalty: '0',
      points,
      nominalMax: max,
      applicableMax: max,
      scale: '100',
      index: over.index ?? points,
      classification: over.band === null ? null : { code: over.band ?? 'A', label: `Nhóm ${over.band ?? 'A'}` },
      parts: [],
      steps: [],
    },
    fields,
    flags: [],
    diagnostics: [],
    unused: [],
  };
}

const tierStep = (index: number, points: string) => ({ kind: 'tier' as const, index, min: null, minInclusive: true, max: null, maxInclusive: false, points });
const input = (id: string, value: string | null, extra = {}) => ({ id, label: `Nhãn ${id}`, type: 'count', unit: 'hồ sơ', value, entry: value === null ? null : 0, ...extra });

describe('diffResults', () => {
  it('self against an appraisal round: a corrected input moves the tier', () => {
    const self = result([group('1', [leaf('1.1', '1', '1', { inputs: [input('on_time', '95')], steps: [tierStep(0, '1')] }), leaf('1.2', '0.5', '0.5')])], { index: '1.5' });
    const r1 = result(
      [
        group('1', [
          leaf(
            '1.1',
            '0.5',
            '1',
            { inputs: [input('on_time', '85', { corrected: { from: '95', round: 'round1', reason: 'Hồ sơ trễ hạn chưa tính' } })], steps: [tierStep(1, '0.5')] },
            { flags: ['corrected'] },
          ),
          leaf('1.2', '0.5', '0.5'),
        ]),
      ],
      { stage: 'round1', index: '1', band: 'B' },
    );
    const d = diffResults(self, r1);
    expect(d.sameSet).toBe(true);
    expect(d.sameUnit).toBe(true);
    expect(d.a.stage).toBe('self');
    expect(d.b.stage).toBe('round1');
    expect(d.totals.index).toEqual({ from: '1.5', to: '1', delta: '-0.5' });
    expect(d.totals.classification).toMatchObject({ from: { code: 'A' }, to: { code: 'B' }, changed: true });
    const n = d.nodes.find((x) => x.code === '1.1')!;
    expect(n.points).toEqual({ from: '1', to: '0.5', delta: '-0.5' });
    expect(n.changed).toBe(true);
    expect(n.reasons).toEqual([
      { kind: 'input', input: 'on_time', label: 'Nhãn on_time', unit: 'hồ sơ', from: '95', to: '85', corrected: { round: 'round1', reason: 'Hồ sơ trễ hạn chưa tính' } },
      { kind: 'tier', from: tierStep(0, '1'), to: tierStep(1, '0.5') },
      { kind: 'flag', flag: 'corrected', change: 'added' },
    ]);
    const unchanged = d.nodes.find((x) => x.code === '1.2')!;
    expect(unchanged).toMatchObject({ changed: false, reasons: [], points: { delta: '0' } });
    expect(d.nodes.map((x) => [x.code, x.depth, x.parent])).toEqual([
      ['1', 1, null],
      ['1.1', 2, '1'],
      ['1.2', 2, '1'],
    ]);
    expect(d.counts).toEqual({ changedLeaves: 1, raised: 0, lowered: 1, samePoints: 0, oneSide: 0 });
    expect(d.setChanges).toEqual([]);
  });

  it('an override in the later round is a reason', () => {
    const a = result([group('1', [leaf('1.1', '1', '1')])]);
    const b = result(
      [
        group('1', [
          leaf('1.1', '0', '1', { steps: [{ kind: 'override', round: 'round2', from: '1', to: '0', reason: 'Không có văn bản', by: 'Sở Nội vụ' }] }, { status: 'overridden', flags: ['overridden'] }),
        ]),
      ],
      { stage: 'round2' },
    );
    const n = diffResults(a, b).nodes[1]!;
    expect(n.reasons).toContainEqual({ kind: 'override', side: 'b', round: 'round2', from: '1', to: '0', reason: 'Không có văn bản', by: 'Sở Nội vụ' });
    expect(n.reasons).toContainEqual({ kind: 'status', from: 'scored', to: 'overridden' });
  });

  it('different set versions: criteria matched by code, added/removed/max/rule reported', () => {
    const last = result([group('1', [leaf('1.1', '1', '1'), leaf('1.2', '1', '2'), leaf('1.3', '0.5', '1')])], { set: 's@2025', sha: 'c'.repeat(64), index: '2.5' });
    const now = result([group('1', [leaf('1.1', '1', '1'), leaf('1.2', '1.5', '1.5', { rule: 'proportional' }), leaf('1.4', '1', '1.5')])], { set: 's@2026', index: '3.5' });
    const d = diffResults(last, now);
    expect(d.sameSet).toBe(false);
    expect(d.nodes.map((n) => n.code)).toEqual(['1', '1.1', '1.2', '1.3', '1.4']);
    expect(d.nodes.find((n) => n.code === '1.3')).toMatchObject({ a: { points: '0.5' }, b: null, points: { from: '0.5', to: null, delta: null }, reasons: [{ kind: 'onlyIn', side: 'a' }] });
    expect(d.nodes.find((n) => n.code === '1.4')).toMatchObject({ a: null, reasons: [{ kind: 'onlyIn', side: 'b' }] });
    expect(d.nodes.find((n) => n.code === '1.2')!.reasons).toEqual([
      { kind: 'max', from: '2', to: '1.5' },
      { kind: 'rule', from: 'tiers', to: 'proportional' },
    ]);
    expect(d.setChanges).toEqual(['1.2', '1.3', '1.4']);
    expect(d.totals.index).toEqual({ from: '2.5', to: '3.5', delta: '1' });
    // 1.2 up; 1.3 and 1.4 have points on one side only: the parts add up to the changed leaves.
    expect(d.counts).toEqual({ changedLeaves: 3, raised: 1, lowered: 0, samePoints: 0, oneSide: 2 });
  });

  it('documents, parts and explanations that change are reasons; identical results have none', () => {
    const doc = (provided: boolean) => ({ id: 'plan', kind: 'Kế hoạch', label: 'Kế hoạch CCHC', required: true, provided, by: [] });
    const part = (met: boolean) => ({ kind: 'part' as const, id: 'half', label: 'Một nửa', met, points: met ? '0.5' : '0' });
    const a = result([group('1', [leaf('1.1', '0', '1', { rule: 'parts', documents: [doc(false)], steps: [part(false)] })])]);
    const b = result([group('1', [leaf('1.1', '0.5', '1', { rule: 'parts', documents: [doc(true)], steps: [part(true)], explanation: 'Đã bổ sung' })])]);
    expect(diffResults(a, b).nodes[1]!.reasons).toEqual([
      { kind: 'part', id: 'half', from: false, to: true },
      { kind: 'document', id: 'plan', label: 'Kế hoạch CCHC', from: false, to: true },
      { kind: 'explanation', from: null, to: 'Đã bổ sung' },
    ]);
    const same = diffResults(a, a);
    expect(same.nodes.every((n) => !n.changed)).toBe(true);
    expect(same.counts).toEqual({ changedLeaves: 0, raised: 0, lowered: 0, samePoints: 0, oneSide: 0 });
  });

  it('sameValue compares decimals by value and tallies by option', () => {
    expect(sameValue('12', '12.0')).toBe(true);
    expect(sameValue('12', '12.01')).toBe(false);
    expect(sameValue({ a: '1', b: '0' }, { a: '1.0' })).toBe(true);
    expect(sameValue(true, true)).toBe(true);
    expect(sameValue('2026-01-05', '2026-01-06')).toBe(false);
    expect(sameValue(null, '0')).toBe(false);
  });
});
