/**
 * Advice keeps its promises: on random units, following one improvement of a leaf (changing the inputs
 * it names as it says) and scoring again gives that leaf exactly the points the improvement promised,
 * for every rule kind that advises (tiers, ratios, levels, yes/no, deductions and bonuses, on time,
 * surveys, expressions, conditions of allOf and parts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, score, type CompiledSet, type Improvement, type NodeResult, type ScoreResult } from '@parindex/engine';
import { atPointer, dec, type Condition } from '@parindex/rules';
// @ts-expect-error: a plain ESM script without types
import { generateEvidence } from '../../../examples/generate.mjs';
import { oneLeafSet } from './one-leaf-set.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// More units in the long mode (test:fuzz-long sets PARINDEX_FUZZ_RUNS to 200,000).
const RUNS = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000 ? 200 : 8;

type Entry = { input?: string; value?: unknown; criterion?: string; values?: Record<string, unknown> };
type Evidence = { entries: Entry[] } & Record<string, unknown>;

/** Give input `id` the value `v` in a copy of the evidence, where the unit would write it. */
function withValue(compiled: CompiledSet, evidence: Evidence, id: string, v: unknown): Evidence {
  const copy = structuredClone(evidence);
  const own = copy.entries.find((e) => e.input === id);
  if (own) own.value = v;
  else {
    const holder = copy.entries.find((e) => e.values && Object.hasOwn(e.values, id));
    if (holder) holder.values![id] = v;
    else {
      const criterion = compiled.inputs.get(id)!.criterion;
      copy.entries.push(criterion === null ? { input: id, value: v } : { criterion, values: { [id]: v } });
    }
  }
  return copy;
}

const inputValueOf = (compiled: CompiledSet, id: string, text: string): unknown => (compiled.inputs.get(id)!.def.type === 'count' ? Number(text) : text);

/** A value just above `to` for a strict "above" bound on a decimal input. */
const above = (to: string) => dec(to).plus('0.000001').toFixed();

/** Input changes that meet a simple condition (yes/no, comparisons, all of them); null when it is not that simple. */
function meetCondition(c: Condition): Array<[string, unknown]> | null {
  if ('is' in c) return [[c.input, c.is]];
  if ('all' in c) {
    const parts = c.all.map(meetCondition);
    return parts.some((p) => p === null) ? null : (parts.flat() as Array<[string, unknown]>);
  }
  if ('op' in c && (c.op === 'eq' || c.op === 'gte' || c.op === 'lte') && !Array.isArray(c.value)) return [[c.input, c.value]];
  return null;
}

/** The evidence after following the improvement; null when the test cannot follow it mechanically. */
function follow(compiled: CompiledSet, evidence: Evidence, result: ScoreResult, leaf: NodeResult, im: Improvement): Evidence | null {
  const set = (id: string, v: unknown, e = evidence) => withValue(compiled, e, id, v);
  switch (im.kind) {
    case 'raise':
      return im.feasible ? set(im.input, inputValueOf(compiled, im.input, im.strict ? above(im.to) : im.to)) : null;
    case 'raiseRatio':
      return im.feasible && !im.strict ? set(im.numerator, inputValueOf(compiled, im.numerator, im.to)) : null;
    case 'lower':
      return set(im.input, inputValueOf(compiled, im.input, im.to));
    case 'set':
      return set(im.input, im.to);
    case 'survey': {
      const given = leaf.trace!.inputs.find((i) => i.id === im.input)?.value as Record<string, string> | null;
      const tally = Object.fromEntries(Object.entries(given ?? {}).map(([k, n]) => [k, Number(n)]));
      tally[im.option] = (tally[im.option] ?? 0) + Number(im.more);
      return set(im.input, tally);
    }
    case 'onTime': {
      let e = evidence;
      for (const s of leaf.trace!.steps) if (s.kind === 'onTime' && im.inputs.includes(s.input) && s.deadline) e = set(s.input, s.deadline, e);
      return im.inputs.every((id) => leaf.trace!.steps.some((s) => s.kind === 'onTime' && s.input === id && s.deadline)) ? e : null;
    }
    case 'meet': {
      let e = evidence;
      for (const at of im.conditions) {
        const changes = meetCondition(atPointer(compiled.set, at) as Condition);
        if (changes === null) return null;
        for (const [id, v] of changes) e = set(id, v, e);
      }
      return e;
    }
    default:
      void result;
      return null;
  }
}

function leavesOf(n: NodeResult): NodeResult[] {
  return n.children?.length ? n.children.flatMap(leavesOf) : [n];
}

/** Follow every improvement of every leaf of one unit; returns how many were checked, by kind. */
function checkUnit(compiled: CompiledSet, evidence: Evidence, seen: Map<string, number>): void {
  const result = score(compiled, evidence);
  for (const leaf of [...result.fields.flatMap(leavesOf), ...(result.bonus?.items ?? [])]) {
    // The rule's own promise: documents and appraisal do not come into it.
    if (leaf.status !== 'scored' || leaf.flags.includes('missingDocument')) continue;
    for (const im of leaf.trace?.improve ?? []) {
      if (im.kind === 'none' || im.kind === 'provide') continue;
      const next = follow(compiled, evidence, result, leaf, im);
      if (next === null) continue;
      const after = score(compiled, next);
      const again = [...after.fields.flatMap(leavesOf), ...(after.bonus?.items ?? [])].find((n) => n.code === leaf.code)!;
      expect({ code: leaf.code, kind: im.kind, points: again.points }).toEqual({ code: leaf.code, kind: im.kind, points: im.pointsAfter });
      seen.set(`${leaf.trace!.rule}:${im.kind}`, (seen.get(`${leaf.trace!.rule}:${im.kind}`) ?? 0) + 1);
    }
  }
}

describe('advice', () => {
  it('on generated communes of the shipped PAR set, every improvement followed reaches exactly the points it promises', () => {
    const setJson = JSON.parse(readFileSync(here('../../../rules/sets/model.commune-par/2026.json'), 'utf8'));
    const compiled = compile(setJson);
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        for (const e of generateEvidence(3, seed, setJson) as Evidence[]) checkUnit(compiled, e, seen);
      }),
      { numRuns: RUNS, seed: 7 },
    );
    // Every advising kind of the set was followed at least once.
    for (const kind of ['tiers:raiseRatio', 'proportional:raiseRatio', 'boolean:set', 'levels:set', 'survey:survey', 'expression:set', 'onTime:onTime', 'perItem:lower'])
      expect([kind, (seen.get(kind) ?? 0) > 0]).toEqual([kind, true]);
  });

  it('on the shapes set: allOf, parts, levels, input tiers and on-time items of the conformance fixtures', () => {
    const dir = here('../../../test/conformance/engine/');
    const compiled = compile(JSON.parse(readFileSync(dir + 'shapes.set.json', 'utf8')));
    const full = JSON.parse(readFileSync(dir + 'full.evidence.json', 'utf8')) as Evidence;
    const key = (e: Entry) => e.criterion ?? e.input;
    const seen = new Map<string, number>();
    for (const name of ['levels-late', 'parts-half', 'tier-lower', 'tier-bounds', 'on-time-late', 'deduction-below-zero', 'missing-flag']) {
      const ref = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')).evidence as { file?: string; replace?: Entry[]; drop?: string[] };
      if (ref.file !== './full.evidence.json') continue;
      let entries = full.entries.filter((e) => !(ref.drop ?? []).includes(key(e)!));
      for (const r of ref.replace ?? []) {
        const i = entries.findIndex((e) => key(e) === key(r));
        entries = i >= 0 ? entries.map((e, j) => (j === i ? r : e)) : [...entries, r];
      }
      checkUnit(compiled, { ...full, entries }, seen);
    }
    for (const kind of ['allOf:meet', 'parts:meet', 'levels:set', 'tiers:raiseRatio']) expect([kind, (seen.get(kind) ?? 0) > 0]).toEqual([kind, true]);
  });

  it('on every example file of every shipped set (fraction, parts, levels, tiers of the DTI, SIPAS and target sets)', () => {
    const seen = new Map<string, number>();
    for (const [set, example] of [
      ['model.commune-dti/2026', 'kien-tho/dti-2026'],
      ['model.commune-sipas/2026', 'vinh-bao/sipas-2026'],
      ['model.commune-sipas/2026', 'tran-lieu/sipas-2026'],
      ['targets.kien-tho/2026', 'kien-tho/targets-2026'],
      ['targets.dai-son/2026', 'dai-son/targets-2026'],
      ['targets.tran-lieu/2025.2', 'tran-lieu/targets-2025h2'],
    ] as const) {
      const compiled = compile(JSON.parse(readFileSync(here(`../../../rules/sets/${set}.json`), 'utf8')));
      checkUnit(compiled, JSON.parse(readFileSync(here(`../../../examples/${example}.json`), 'utf8')) as Evidence, seen);
    }
    for (const kind of ['fraction:set', 'survey:survey']) expect([kind, (seen.get(kind) ?? 0) > 0]).toEqual([kind, true]);
  });

  it('a ratio rounded before it is compared (tiers, proportional in a band) and targets met: every improvement followed reaches exactly the points it promised', () => {
    const seen = new Map<string, number>();
    const modes = ['halfUp', 'halfEven', 'down', 'up'] as const;
    const counts = [
      { id: 'total', type: 'count', label: 't' },
      { id: 'done', type: 'count', label: 'd', atMost: 'total' },
    ];
    const unit = (name: string, total: number, done: number) => ({
      formatVersion: 1,
      criteriaSet: `test.${name}@2026`,
      unit: { code: 'X', name: 'X', level: 'commune' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      entries: [{ criterion: '1.1', values: { total, done } }],
    });
    const bound = fc.integer({ min: 1, max: 19_999 }).map((k) => (k / 200).toFixed(3));
    const rounding = fc.record({ places: fc.integer({ min: 0, max: 3 }), mode: fc.constantFrom(...modes) });
    const sizes = fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.uniqueArray(bound, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), rounding, sizes, (bounds, incl, r, [total, share]) => {
        const b = [...bounds].sort((x, y) => Number(x) - Number(y));
        // Contiguous tiers on the rounded value, each bound "from" or "above" at random, points rising.
        const tiers = [
          { max: b[0], maxInclusive: !incl[0], points: 0 },
          ...b.map((x, i) => ({ min: x, minInclusive: incl[i], ...(i + 1 < b.length ? { max: b[i + 1], maxInclusive: !incl[i + 1] } : {}), points: (i + 1) / 4 })),
        ];
        const tiersSet = oneLeafSet('rounded-tiers', 1, { inputs: counts, rule: { type: 'tiers', value: { ratio: { numerator: 'done', denominator: 'total', times: 100 } }, roundValue: r, tiers } });
        const band = b[0]!;
        const bandSet = oneLeafSet('rounded-band', 2, {
          inputs: counts,
          rule: { type: 'proportional', value: { ratio: { numerator: 'done', denominator: 'total', times: 100 } }, fullAt: 100, band: { min: band, minInclusive: incl[0] }, roundValue: r },
        });
        const targetsSet = oneLeafSet('targets', 1.5, { inputs: counts, rule: { type: 'targets', met: 'done', of: 'total' } });
        // The same, rounded at criterion level: the promise is the points as rounded.
        const roundedTargets = { ...oneLeafSet('rounded-targets', 1.5, { inputs: counts, rule: { type: 'targets', met: 'done', of: 'total' } }), rounding: [{ level: 'criterion', ...r }] };
        const done = Math.floor(total * share);
        for (const [name, set] of [
          ['rounded-tiers', tiersSet],
          ['rounded-band', bandSet],
          ['targets', targetsSet],
          ['rounded-targets', roundedTargets],
        ] as const) {
          let compiled: CompiledSet;
          try {
            compiled = compile(set);
          } catch {
            // A tier that no rounded value reaches is refused by the checks; nothing to follow.
            continue;
          }
          checkUnit(compiled, unit(name, total, done) as unknown as Evidence, seen);
        }
      }),
      { numRuns: RUNS * 25, seed: 13 },
    );
    for (const kind of ['tiers:raiseRatio', 'proportional:raiseRatio', 'targets:raise']) expect([kind, (seen.get(kind) ?? 0) > 0]).toEqual([kind, true]);
  });

  it('an expression: per input the nearest value that scores more, the next points first; none with its reason at the top', () => {
    const set = oneLeafSet('advice', 2, {
      inputs: [
        { id: 'sessions', type: 'count', label: 's' },
        { id: 'digital', type: 'boolean', label: 'd' },
      ],
      rule: {
        type: 'expression',
        logic: { if: [{ and: [{ '>=': [{ var: 'sessions' }, 4] }, { var: 'digital' }] }, 2, { '>=': [{ var: 'sessions' }, 4] }, 1.5, { '>=': [{ var: 'sessions' }, 1] }, 1, 0] },
      },
    });
    const c = compile(set);
    const unit = (sessions: number, digital: boolean) => ({
      formatVersion: 1,
      criteriaSet: 'test.advice@2026',
      unit: { code: 'X', name: 'X', level: 'commune' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      entries: [{ criterion: '1.1', values: { sessions, digital } }],
    });
    const improve = (s: number, d: boolean) => score(c, unit(s, d)).fields[0]!.children![0]!.trace!.improve;
    expect(improve(0, true)).toEqual([{ kind: 'raise', input: 'sessions', from: '0', to: '1', delta: '1', strict: false, pointsAfter: '1', gain: '1', feasible: true }]);
    expect(improve(4, false)).toEqual([{ kind: 'set', input: 'digital', to: true, pointsAfter: '2', gain: '0.5' }]);
    expect(improve(4, true)).toEqual([]);
  });
});
