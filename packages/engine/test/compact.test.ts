/**
 * The compact form (`score(…, { form: 'compact' })`) is the full result without its trace: for every
 * example file, every appraisal round, generated communes and random edits of them, it is byte for
 * byte what `toCompact()` makes of the full result, it refuses what the full form refuses with the
 * same diagnostics, and it follows the published result schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, ParindexError, score, toCompact, toSummary, type CompiledSet, type ScoreOptions } from '@parindex/engine';
import { CompactResultSchema, engineJsonSchemas } from '@parindex/engine/result-schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
// @ts-expect-error: a plain ESM script without types
import { generateEvidence } from '../../../examples/generate.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RUNS = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000 ? 2_000 : 40;
const readJson = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;
const validateJson = new Ajv2020({ allErrors: true, strict: false }).compile(engineJsonSchemas()['result.schema.json']!);

/** Both forms of one scoring, as JSON, or the codes of the errors each throws. */
function both(compiled: CompiledSet, evidence: unknown, options: ScoreOptions = {}): { full: string; compact: string } {
  const attempt = (form: 'full' | 'compact') => {
    try {
      const r = score(compiled, evidence, { ...options, form });
      return JSON.stringify(form === 'full' ? toCompact(r) : r);
    } catch (e) {
      if (!(e instanceof ParindexError)) throw e;
      return `refused ${JSON.stringify(e.diagnostics)}`;
    }
  };
  return { full: attempt('full'), compact: attempt('compact') };
}

const sets = new Map<string, CompiledSet>();
for (const dir of readdirSync(join(ROOT, 'rules/sets')))
  for (const f of readdirSync(join(ROOT, 'rules/sets', dir))) {
    const c = compile(readJson(`rules/sets/${dir}/${f}`));
    sets.set(c.ref, c);
  }
const commune = sets.get('model.commune-par@2026')!;

describe('the compact form', () => {
  it('is the full result without its trace, for every example file', () => {
    let checked = 0;
    for (const unit of readdirSync(join(ROOT, 'examples'), { withFileTypes: true })) {
      if (!unit.isDirectory()) continue;
      for (const f of readdirSync(join(ROOT, 'examples', unit.name))) {
        const e = readJson(`examples/${unit.name}/${f}`);
        const compiled = sets.get(e.criteriaSet as string);
        if (!compiled || !Array.isArray(e.entries)) continue;
        const { full, compact } = both(compiled, e);
        expect(compact, `${unit.name}/${f}`).toBe(full);
        const value = JSON.parse(compact);
        expect(CompactResultSchema.safeParse(value).success).toBe(true);
        expect(validateJson(value), JSON.stringify(validateJson.errors?.slice(0, 2))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(12);
  });

  it('is the same at every appraisal round', () => {
    const evidence = readJson('examples/vinh-bao/par-2026.json');
    const compiled = sets.get(evidence.criteriaSet as string)!;
    const appraisal = readJson('examples/vinh-bao/appraisal-2026.json');
    const rounds = (appraisal.rounds as Array<{ id: string }>).map((r) => r.id);
    expect(rounds.length).toBe(3);
    for (const round of rounds) {
      const { full, compact } = both(compiled, evidence, { appraisal, round });
      expect(compact, round).toBe(full);
      expect(JSON.parse(compact).stage).toBe(round);
    }
  });

  it('carries the same totals and criteria in a few KB instead of the full tree', () => {
    const [unit] = generateEvidence(1, 5) as unknown[];
    const full = score(commune, unit);
    const compact = score(commune, unit, { form: 'compact' });
    expect(compact.form).toBe('compact');
    expect(compact.totals).toEqual(full.totals);
    expect(compact.criteria.length).toBe(commune.nodes.size);
    expect(compact.criteria.map((c) => c.code)).toEqual([...commune.nodes.keys()]);
    expect(toSummary(compact)).toEqual(toSummary(full));
    const sizes = { full: JSON.stringify(full).length, compact: JSON.stringify(compact).length };
    expect(sizes.compact * 5).toBeLessThan(sizes.full);
  });

  it('is the same for generated communes and random edits of their evidence (withheld, blank, changed values)', () => {
    type Entry = { values?: Record<string, unknown>; value?: unknown };
    const edit = fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), cuts: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('drop', 'null', 'zero', 'text', 'big')), { maxLength: 8 }) });
    fc.assert(
      fc.property(edit, ({ seed, cuts }) => {
        const [e] = generateEvidence(1, seed) as Array<{ entries: Entry[] }>;
        for (const [i, j, how] of cuts) {
          const entry = e!.entries[i % e!.entries.length]!;
          const keys = entry.values ? Object.keys(entry.values) : [];
          if (keys.length === 0) continue;
          const key = keys[j % keys.length]!;
          if (how === 'drop') delete entry.values![key];
          else entry.values![key] = how === 'null' ? null : how === 'zero' ? 0 : how === 'text' ? '3.000' : 1e9;
        }
        const { full, compact } = both(commune, e);
        expect(compact).toBe(full);
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });

  it('refuses an unknown form', () => {
    expect(() => score(commune, {}, { form: 'short' as 'compact' })).toThrow(/Unknown result form "short"/);
  });
});
