/**
 * Plan conformance: a plan, its progress and an evidence file, derived as of a date and scored by the
 * engine with the commune PAR set; the outcome of every task, the derived inputs, the diagnostics, the
 * points and the tasks picked for each piece of advice, all computed by hand in each fixture's
 * description (packages/plans/test/conformance/*.json), compared exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, score, type NodeResult } from '@parindex/engine';
import { advicePicks, applyDerived, checkProgress, derive, parsePlan, parseProgress } from '@parindex/plans';

const here = fileURLToPath(new URL('./conformance/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string): unknown => JSON.parse(readFileSync(file.startsWith('./') ? join(here, file) : join(root, file), 'utf8'));
const par = compile(read('rules/sets/model.commune-par/2026.json'));

interface Case {
  asOf: string;
  expected: {
    outcomes: Record<string, string>;
    dueSoon: string[];
    inputs: Record<string, unknown>;
    progressDiagnostics: unknown[];
    applyDiagnostics: unknown[];
    points: Record<string, string>;
    advice: Record<string, Array<{ delta: string; pointsAfter: string; target: string; tasks: string[] }>>;
  };
}

function leaf(nodes: readonly NodeResult[], code: string): NodeResult | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const hit = leaf(n.children ?? [], code);
    if (hit) return hit;
  }
  return undefined;
}

const strip = (list: ReadonlyArray<{ code: string; path: string; params: unknown }>) => list.map(({ code, path, params }) => ({ code, path, params }));

for (const name of readdirSync(here).filter((f) => /^[a-z0-9-]+\.json$/.test(f) && !/\.(plan|progress|evidence)\.json$/.test(f))) {
  const fx = read(`./${name}`) as { description: string; plan: string; progress: string; evidence: string; cases: Case[] };
  describe(`${name}: ${fx.description.slice(0, 60)}…`, () => {
    const plan = parsePlan(read(fx.plan));
    const progress = parseProgress(read(fx.progress));
    const evidence = read(fx.evidence) as Record<string, unknown>;
    it('the plan and the progress file parse', () => {
      expect(plan.diagnostics).toEqual([]);
      expect(progress.diagnostics).toEqual([]);
    });
    for (const c of fx.cases) {
      it(`as of ${c.asOf}`, () => {
        const window = { from: '2026-01-01', to: '2026-12-31', asOf: c.asOf };
        const d = derive(plan.value!, progress.value!, window);
        expect(Object.fromEntries(d.tasks.map((t) => [t.task, t.outcome]))).toEqual(c.expected.outcomes);
        expect(d.tasks.filter((t) => t.dueSoon).map((t) => t.task)).toEqual(c.expected.dueSoon);
        expect(Object.fromEntries(d.inputs.map((x) => [x.input, x.value]))).toEqual(c.expected.inputs);
        expect(strip(checkProgress(progress.value!, plan.value!, window))).toEqual(c.expected.progressDiagnostics);
        const applied = applyDerived(evidence, d, plan.value!.id);
        expect(strip(applied.diagnostics)).toEqual(c.expected.applyDiagnostics);
        const result = score(par, applied.evidence);
        for (const [code, points] of Object.entries(c.expected.points)) expect(leaf(result.fields, code)?.points, code).toBe(points);
        for (const [code, advice] of Object.entries(c.expected.advice)) {
          const improve = leaf(result.fields, code)!.trace!.improve;
          const got = improve.flatMap((im) => {
            if (im.kind !== 'raiseRatio') return [];
            return [{ delta: im.delta, pointsAfter: im.pointsAfter, target: im.target, tasks: advicePicks(d, im.numerator, im.delta)?.tasks ?? [] }];
          });
          expect(got, code).toEqual(advice);
        }
      });
    }
  });
}
