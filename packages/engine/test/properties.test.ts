/**
 * Invariants of scoring, checked with fast-check on random evidence for the shapes test set:
 * sums, bounds, order independence and the "leaves the maximum" policy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, score, type NodeResult, type ScoreResult } from '@parindex/engine';
import { Decimal } from '@parindex/rules';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const setJson = JSON.parse(readFileSync(here('../../../test/conformance/engine/shapes.set.json'), 'utf8'));
const compiled = compile(setJson);

const date = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
const ratio = fc.integer({ min: 0, max: 5000 }).chain((den) => fc.integer({ min: 0, max: den }).map((num) => [den, num] as const));
const percent = fc.integer({ min: 0, max: 100000 }).map((n) => (n / 1000).toFixed(3));

/** Random, always valid evidence for the shapes set; some entries left out to exercise missing evidence. */
const evidenceArb = fc
  .record({
    docs_assigned: fc.boolean(),
    has_iso_scope: fc.boolean(),
    plan_ok: fc.boolean(),
    withDoc: fc.boolean(),
    plan_timing: fc.constantFrom('on_time', 'late', 'none'),
    reports: fc.tuple(date, date, date, date),
    tasks: fc.boolean(),
    budget: fc.boolean(),
    head: fc.constantFrom('chairman', 'vice', 'none'),
    resolved: ratio,
    online: percent,
    payments: ratio,
    attended: fc.boolean(),
    chaired: fc.boolean(),
    dossiers: fc.integer({ min: 1, max: 2000000 }).chain((d) => fc.integer({ min: 0, max: d }).map((x) => [d, x] as const)),
    reviewed: fc.boolean(),
    iso: fc.boolean(),
    duty: fc.constantFrom('done', 'failed'),
    late: fc.integer({ min: 0, max: 8 }),
    tally: fc.record({ a: fc.nat(500), b: fc.nat(500), c: fc.nat(500), d: fc.nat(500) }),
    initiatives: fc.integer({ min: 0, max: 6 }),
    violations: fc.integer({ min: 0, max: 6 }),
    drop: fc.subarray(['1.1', '1.4', '2.1', '3.3', '4.1']),
  })
  .map((v) => {
    const entries: Array<Record<string, unknown>> = [
      { input: 'docs_assigned', value: v.docs_assigned },
      { input: 'has_iso_scope', value: v.has_iso_scope },
      { criterion: '1.1', values: { plan_ok: v.plan_ok }, ...(v.withDoc ? { documents: [{ number: '15/KH-UBND', date: '2026-01-10' }] } : {}) },
      { criterion: '1.2', values: { plan_timing: v.plan_timing } },
      { criterion: '1.3', values: { q1_sent: v.reports[0], h1_sent: v.reports[1], q3_sent: v.reports[2], year_sent: v.reports[3] } },
      { criterion: '1.4', values: { tasks_identified: v.tasks, budget_allocated: v.budget } },
      { criterion: '1.5', values: { committee_head: v.head } },
      { criterion: '2.1', values: { resolved: v.resolved[0], resolved_on_time: v.resolved[1] } },
      { criterion: '2.2', values: { online_rate: v.online } },
      { criterion: '2.3', values: { payments: v.payments[0], online_payments: v.payments[1] } },
      { criterion: '2.4', values: { attended_all: v.attended, chaired_all: v.chaired } },
      { criterion: '2.5', values: { dossiers: v.dossiers[0], digitised: v.dossiers[1] } },
      ...(v.docs_assigned ? [{ criterion: '3.1', values: { docs_reviewed: v.reviewed } }] : []),
      ...(v.has_iso_scope ? [{ criterion: '3.2', values: { iso_applied: v.iso } }] : []),
      { criterion: '3.3', values: { duty: v.duty } },
      { criterion: '3.4', values: { late_reports: v.late } },
      { criterion: '4.1', values: { satisfaction: v.tally } },
      { criterion: 'B1', values: { initiatives: v.initiatives } },
      { criterion: 'P1', values: { violations: v.violations } },
    ].filter((e) => !v.drop.includes(e.criterion as string));
    return { formatVersion: 1, criteriaSet: 'test.shapes@2026', unit: { code: 'P', name: 'Xã P', level: 'commune' }, period: { from: '2026-01-01', to: '2026-12-31' }, entries };
  });

function walk(nodes: NodeResult[], f: (n: NodeResult) => void): void {
  for (const n of nodes) {
    f(n);
    if (n.children) walk(n.children, f);
  }
}

const D = (s: string) => new Decimal(s);
const floorOf = (code: string) => compiled.nodes.get(code)!.floor;

describe('properties', () => {
  it("a parent's points are the sum of its children's, before its own cap and floor", () => {
    fc.assert(
      fc.property(evidenceArb, (ev) => {
        const r = score(compiled, ev);
        walk(r.fields, (n) => {
          if (!n.children) return;
          const sum = n.children.reduce((s, c) => s.plus(c.points), new Decimal(0));
          const clamp = n.steps?.find((s) => s.kind === 'clamp');
          if (clamp && clamp.kind === 'clamp') {
            expect(clamp.from).toBe(sum.toFixed());
            expect(n.points).toBe(clamp.to);
          } else expect(D(n.points).eq(sum)).toBe(true);
        });
        const fieldSum = r.fields.reduce((s, f) => s.plus(f.points), new Decimal(0));
        expect(D(r.totals.treePoints).eq(fieldSum)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('points stay between the declared floor and the maximum', () => {
    fc.assert(
      fc.property(evidenceArb, (ev) => {
        const r = score(compiled, ev);
        const all: NodeResult[] = [];
        walk([...r.fields, ...(r.bonus?.items ?? []), ...(r.penalty?.items ?? [])], (n) => all.push(n));
        for (const n of all) {
          expect(D(n.points).lte(n.nominalMax)).toBe(true);
          expect(D(n.points).gte(floorOf(n.code))).toBe(true);
          expect(D(n.applicableMax).lte(n.nominalMax)).toBe(true);
        }
        expect(D(r.totals.points).gte(0)).toBe(true);
        expect(D(r.bonus!.points).lte(r.bonus!.max)).toBe(true);
        expect(D(r.penalty!.points).lte(r.penalty!.max)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('entry order does not change the result (beyond entry indexes and the evidence hash)', () => {
    const strip = (r: ScoreResult) => JSON.stringify({ ...r, provenance: { ...r.provenance, evidence: null } }, (k, v) => (k === 'entry' || k === 'path' ? undefined : v));
    fc.assert(
      fc.property(evidenceArb, fc.infiniteStream(fc.nat()), (ev, rnd) => {
        const shuffled = { ...ev, entries: [...ev.entries] };
        for (let i = shuffled.entries.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled.entries[i], shuffled.entries[j]] = [shuffled.entries[j]!, shuffled.entries[i]!];
        }
        expect(strip(score(compiled, shuffled))).toBe(strip(score(compiled, ev)));
        // And byte-identical on a repeated run of the same input.
        expect(JSON.stringify(score(compiled, ev))).toBe(JSON.stringify(score(compiled, ev)));
      }),
      { numRuns: 200 },
    );
  });

  it('marking a criterion not applicable under "leaves the maximum" removes exactly its maximum', () => {
    fc.assert(
      fc.property(evidenceArb, (ev) => {
        const withIso = { ...ev, entries: ev.entries.filter((e) => e.input !== 'has_iso_scope' && e.criterion !== '3.2') };
        const applies = score(compiled, { ...withIso, entries: [...withIso.entries, { input: 'has_iso_scope', value: true }, { criterion: '3.2', values: { iso_applied: true } }] });
        const notApplies = score(compiled, { ...withIso, entries: [...withIso.entries, { input: 'has_iso_scope', value: false }] });
        const max = compiled.nodes.get('3.2')!.max;
        const before = D(applies.totals.applicableMax);
        const after = D(notApplies.totals.applicableMax);
        // Field 3 has no cap, so the unit's maximum shrinks by exactly the criterion's maximum.
        expect(before.minus(after).eq(max)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the index is points ÷ applicable maximum × scale, rounded as declared', () => {
    fc.assert(
      fc.property(evidenceArb, (ev) => {
        const r = score(compiled, ev);
        const exact = D(r.totals.applicableMax).isZero() ? new Decimal(0) : D(r.totals.points).times(100).div(r.totals.applicableMax);
        expect(r.totals.index).toBe(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed().replace(/^-0$/, '0'));
      }),
      { numRuns: 200 },
    );
  });
});
