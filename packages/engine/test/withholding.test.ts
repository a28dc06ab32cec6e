/**
 * Withholding evidence never pays: removing any entry of a unit's evidence, or any one value, or emptying
 * a tally, never raises its index (nor its total points), on generated communes of the shipped PAR set
 * and on the example files of every shipped set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, ParindexError, score, type CompiledSet } from '@parindex/engine';
import { dec } from '@parindex/rules';
// @ts-expect-error: a plain ESM script without types
import { generateEvidence } from '../../../examples/generate.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// More units in the long mode (test:fuzz-long sets PARINDEX_FUZZ_RUNS to 200,000).
const RUNS = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000 ? 100 : 4;

type Entry = { input?: string; value?: unknown; criterion?: string; values?: Record<string, unknown> };
type Evidence = { entries: Entry[] } & Record<string, unknown>;

const indexOf = (compiled: CompiledSet, e: Evidence) => {
  try {
    return score(compiled, e).totals;
  } catch (err) {
    // Evidence that no longer validates (a value another one is bounded by) is not scored at all.
    if (err instanceof ParindexError) return null;
    throw err;
  }
};

/** Every way of withholding one thing: an entry, one value of an entry, a tally emptied. */
function* withheld(e: Evidence): Generator<[string, Evidence]> {
  for (let i = 0; i < e.entries.length; i++) {
    yield [`entry ${i}`, { ...e, entries: e.entries.filter((_, j) => j !== i) }];
    const values = e.entries[i]!.values;
    for (const id of Object.keys(values ?? {})) {
      const copy = structuredClone(e);
      const v = copy.entries[i]!.values![id];
      delete copy.entries[i]!.values![id];
      yield [`entry ${i} value ${id}`, copy];
      if (v !== null && typeof v === 'object') {
        const emptied = structuredClone(e);
        emptied.entries[i]!.values![id] = {};
        yield [`entry ${i} tally ${id} emptied`, emptied];
      }
    }
  }
}

function check(compiled: CompiledSet, e: Evidence, label: string): void {
  const before = indexOf(compiled, e);
  if (!before) return;
  for (const [what, less] of withheld(e)) {
    const after = indexOf(compiled, less);
    if (!after) continue;
    expect({ unit: label, what, raised: dec(after.index).gt(dec(before.index)) || dec(after.points).gt(dec(before.points)) }).toEqual({ unit: label, what, raised: false });
  }
}

describe('withholding evidence', () => {
  it('never raises the index of a generated commune', () => {
    const setJson = JSON.parse(readFileSync(join(ROOT, 'rules/sets/model.commune-par/2026.json'), 'utf8'));
    const compiled = compile(setJson);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        for (const e of generateEvidence(2, seed, setJson) as Evidence[]) check(compiled, e, `seed ${seed}`);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });

  it('never raises the index of an example file', () => {
    const sets = new Map<string, CompiledSet>();
    for (const dir of readdirSync(join(ROOT, 'rules/sets')))
      for (const f of readdirSync(join(ROOT, 'rules/sets', dir))) {
        const c = compile(JSON.parse(readFileSync(join(ROOT, 'rules/sets', dir, f), 'utf8')));
        sets.set(c.ref, c);
      }
    for (const unit of readdirSync(join(ROOT, 'examples'), { withFileTypes: true })) {
      if (!unit.isDirectory()) continue;
      for (const f of readdirSync(join(ROOT, 'examples', unit.name))) {
        const e = JSON.parse(readFileSync(join(ROOT, 'examples', unit.name, f), 'utf8')) as Evidence;
        const compiled = sets.get(e.criteriaSet as string);
        if (compiled && Array.isArray(e.entries)) check(compiled, e, `${unit.name}/${f}`);
      }
    }
  });

  it('never raises the index under the published shapes (points given, targets, bands, rounded ratios, rounded parts)', () => {
    const dir = join(ROOT, 'test/conformance/engine');
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    for (const name of ['leaf-parts', 'published-shapes']) {
      const set = read(`${name}.set.json`);
      // Every part rounded, the total from the exact parts: withholding a part's points must not pay either.
      const layouts = [
        set,
        {
          ...set,
          policies: { ...set.policies, partsInTotal: 'exactParts' },
          rounding: [
            { level: 'part', places: 2, mode: 'halfUp' },
            { level: 'total', places: 1, mode: 'up' },
          ],
        },
      ];
      for (const s of layouts) check(compile(s), read(`${name}.evidence.json`), name);
    }
  });
});
