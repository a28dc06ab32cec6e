/**
 * Data-driven conformance: every test/conformance/**\/*.json fixture is a criteria set, an evidence
 * file (and optionally an appraisal) and the expected result, compared with zero tolerance.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, ParindexError, score, toCompact, type NodeResult, type ScoreResult } from '@parindex/engine';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = join(ROOT, 'test/conformance');

interface Fixture {
  description: string;
  set: Record<string, unknown>;
  evidence: Record<string, unknown>;
  appraisal?: Record<string, unknown>;
  round?: string;
  expected: {
    totals?: Record<string, unknown>;
    nodes?: Record<string, Record<string, unknown>>;
    diagnostics?: string[];
    errors?: string[];
    /** The set itself is refused: these codes, sorted (the evidence is then not read). */
    setErrors?: string[];
    unused?: unknown[];
  };
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (name.endsWith('.json') && !name.endsWith('.set.json') && !name.endsWith('.evidence.json') && !name.endsWith('.appraisal.json')) out.push(p);
  }
  return out;
}

/**
 * A fixture's set, evidence or appraisal: inline, or {"file": …} (relative to the repository root, or
 * to the fixture with "./") with optional edits: "patch" replaces top-level keys of a set; "replace"
 * replaces or adds evidence entries (matched by criterion or input), "drop" removes them.
 */
function load(ref: Record<string, unknown>, from: string): unknown {
  if (typeof ref.file !== 'string') return ref;
  const file = ref.file;
  const base = file.startsWith('./') ? join(from, '..') : ROOT;
  const value = JSON.parse(readFileSync(join(base, file), 'utf8')) as Record<string, unknown>;
  if (ref.patch) Object.assign(value, ref.patch);
  if (ref.replace || ref.drop) {
    type E = { criterion?: string; input?: string };
    const key = (e: E) => e.criterion ?? e.input;
    const drop = new Set((ref.drop as string[] | undefined) ?? []);
    const replace = (ref.replace as E[] | undefined) ?? [];
    let entries = (value.entries as E[]).filter((e) => !drop.has(key(e)!));
    for (const r of replace) {
      const i = entries.findIndex((e) => key(e) === key(r));
      if (i >= 0) entries[i] = r;
      else entries = [...entries, r];
    }
    value.entries = entries;
  }
  return value;
}

function findNode(result: ScoreResult, code: string): NodeResult | undefined {
  const stack: NodeResult[] = [...result.fields, ...(result.bonus?.items ?? []), ...(result.penalty?.items ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.code === code) return n;
    if (n.children) stack.push(...n.children);
  }
  return undefined;
}

/** Partial deep match: every key the expectation gives must be equal; arrays match element by element. */
function partial(actual: unknown, expected: unknown, path: string): string[] {
  if (expected === null || typeof expected !== 'object') {
    return Object.is(actual, expected) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => partial(actual[i], e, `${path}[${i}]`));
  }
  if (actual === null || typeof actual !== 'object') return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
  return Object.entries(expected).flatMap(([k, v]) => partial((actual as Record<string, unknown>)[k], v, `${path}.${k}`));
}

const fixtures = files(DIR);

describe('conformance fixtures', () => {
  it('finds fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(10);
  });
  for (const file of fixtures) {
    const fx = JSON.parse(readFileSync(file, 'utf8')) as Fixture;
    it(`${relative(DIR, file)}: ${fx.description}`, () => {
      if (fx.expected.setErrors) {
        let refused: unknown;
        try {
          compile(load(fx.set, file));
        } catch (e) {
          refused = e;
        }
        expect(refused).toBeInstanceOf(ParindexError);
        expect([...new Set((refused as ParindexError).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort()).toEqual([...fx.expected.setErrors].sort());
        return;
      }
      const compiled = compile(load(fx.set, file));
      const evidence = load(fx.evidence, file);
      const options = { ...(fx.appraisal ? { appraisal: load(fx.appraisal, file) } : {}), ...(fx.round ? { round: fx.round } : {}) };
      if (fx.expected.errors) {
        let thrown: unknown;
        try {
          score(compiled, evidence, options);
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(ParindexError);
        expect((thrown as ParindexError).diagnostics.map((d) => d.code).sort()).toEqual([...fx.expected.errors].sort());
        // The compact form refuses the same evidence with the same diagnostics.
        expect(() => score(compiled, evidence, { ...options, form: 'compact' })).toThrow(ParindexError);
        return;
      }
      const result = score(compiled, evidence, options);
      // The compact form says the same of every criterion, byte for byte.
      expect(JSON.stringify(score(compiled, evidence, { ...options, form: 'compact' }))).toBe(JSON.stringify(toCompact(result)));
      const problems: string[] = [];
      if (fx.expected.totals) {
        const { classification, ...rest } = fx.expected.totals;
        problems.push(...partial(result.totals, rest, 'totals'));
        if (classification !== undefined) problems.push(...partial(result.totals.classification?.code ?? null, classification, 'totals.classification'));
      }
      for (const [code, exp] of Object.entries(fx.expected.nodes ?? {})) {
        const node = findNode(result, code);
        if (!node) problems.push(`node ${code}: not in the result`);
        else problems.push(...partial(node, exp, `node ${code}`));
      }
      if (fx.expected.diagnostics) {
        const codes = [...new Set(result.diagnostics.map((d) => d.code))].sort();
        problems.push(...partial(codes, [...new Set(fx.expected.diagnostics)].sort(), 'diagnostics'));
      }
      if (fx.expected.unused) problems.push(...partial(result.unused, fx.expected.unused, 'unused'));
      expect(problems).toEqual([]);
    });
  }
});
