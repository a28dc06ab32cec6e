/**
 * Determinism: repeated runs, shuffled object keys (in the set and in the evidence) and shuffled evidence
 * entries. See docs/limits.md ("Determinism") for what may differ under an entry shuffle and why:
 *
 * - key order and repeated runs: the JSON of the result is byte-identical (hashes are of canonical JSON);
 * - entry order: only provenance.evidence.sha256 (the entries are in another order, so it is another
 *   file), the entry indexes (traces, unused, claims, diagnostic paths and the messages that quote them)
 *   and the order of the diagnostics, which follow the entries as the file is read. After mapping each
 *   index back and sorting the diagnostics, the results are identical.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, score, type CompiledSet } from '@parindex/engine';
import { ROOT, evidence, set, type J } from './helpers.js';

/** A deep copy with the keys of every object in a shuffled order. */
function shuffleKeys(v: unknown, rnd: () => number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, rnd));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = shuffleKeys((v as Record<string, unknown>)[k], rnd);
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Map entry indexes of a result back through `back` (shuffled index → original index); sort what follows entry order. */
function normalise(result: J, back: number[]): J {
  const fixText = (s: string) => s.replace(/\/entries\/(\d+)/g, (_m, n: string) => `/entries/${back[Number(n)]}`);
  const walk = (v: J, key?: string): J => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (typeof v === 'string') return fixText(v);
    if (typeof v === 'number' && key === 'entry') return back[v];
    if (v === null || typeof v !== 'object') return v;
    const out: J = {};
    for (const k of Object.keys(v)) out[k] = walk(v[k], k);
    return out;
  };
  const r = walk(result);
  delete r.provenance.evidence.sha256;
  r.unused.sort((a: J, b: J) => a.entry - b.entry);
  r.diagnostics.sort((a: J, b: J) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  // Documents of one criterion given in several entries are listed in entry order.
  JSON.stringify(r, (_k, v) => {
    if (v && Array.isArray(v.by)) v.by.sort((a: J, b: J) => a.entry - b.entry);
    return v;
  });
  return r;
}

/** Every example evidence file with its set (bundled or the conformance set). */
function cases(): Array<{ name: string; set: J; evidence: J }> {
  const out = [{ name: 'conformance full evidence', set: set(), evidence: evidence() }];
  const sets = new Map<string, J>();
  const { readdirSync, statSync } = require('node:fs') as typeof import('node:fs');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(`${dir}/${n}`).isDirectory() ? files(`${dir}/${n}`) : n.endsWith('.json') ? [`${dir}/${n}`] : []));
  for (const f of files(`${ROOT}rules/sets`)) {
    const s = JSON.parse(readFileSync(f, 'utf8'));
    sets.set(`${s.id}@${s.version}`, s);
  }
  for (const f of files(`${ROOT}examples`)) {
    const e = JSON.parse(readFileSync(f, 'utf8'));
    if (Array.isArray(e.entries) && sets.has(e.criteriaSet)) out.push({ name: f.slice(ROOT.length), set: sets.get(e.criteriaSet), evidence: e });
  }
  return out;
}

const ALL = cases();

describe('determinism', () => {
  it('has examples', () => expect(ALL.length).toBeGreaterThan(1));

  for (const c of ALL) {
    describe(c.name, () => {
      const compiled: CompiledSet = compile(c.set);
      const reference = JSON.stringify(score(compiled, c.evidence));

      it('repeated runs and repeated compiles give byte-identical JSON', () => {
        for (let i = 0; i < 3; i++) expect(JSON.stringify(score(compiled, c.evidence))).toBe(reference);
        expect(JSON.stringify(score(compile(structuredClone(c.set)), structuredClone(c.evidence)))).toBe(reference);
      });

      it('shuffled object keys in the set and in the evidence give byte-identical JSON', () => {
        fc.assert(
          fc.property(fc.integer(), (seed) => {
            const rnd = rng(seed);
            const s = compile(shuffleKeys(c.set, rnd));
            expect(s.sha256).toBe(compiled.sha256);
            expect(JSON.stringify(score(s, shuffleKeys(c.evidence, rnd)))).toBe(reference);
          }),
          { numRuns: 10 },
        );
      });

      it('shuffled entries: identical but for the evidence hash, entry indexes and the order of diagnostics', () => {
        const base = normalise(
          JSON.parse(reference),
          c.evidence.entries.map((_: J, i: number) => i),
        );
        fc.assert(
          fc.property(fc.integer(), (seed) => {
            const rnd = rng(seed);
            const order = c.evidence.entries.map((_: J, i: number) => i);
            for (let i = order.length - 1; i > 0; i--) {
              const j = Math.floor(rnd() * (i + 1));
              [order[i], order[j]] = [order[j], order[i]];
            }
            const shuffled = { ...c.evidence, entries: order.map((i: number) => c.evidence.entries[i]) };
            const r = score(compiled, shuffled);
            expect(normalise(r, order)).toEqual(base);
          }),
          { numRuns: 10 },
        );
      });
    });
  }
});
