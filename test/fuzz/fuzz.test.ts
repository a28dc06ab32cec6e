/**
 * Fuzzing with fast-check: arbitrary text and JSON values, and mutations of every valid file of the
 * repository (rules/sets/**, examples/**, test/conformance/engine/*.json) — keys dropped, types changed,
 * entries duplicated, numbers swapped for strings, huge and negative numbers, NaN-like strings, forbidden
 * keys — fed to readJson, validateSetText, compile, score / checkEvidence and, for fewer cases, the built
 * CLI, and folders holding special files (FIFOs, link loops, dangling links, links to devices, bytes that
 * are not UTF-8, duplicate keys, thousands of diagnostics) to the built CLI's rank. The one property:
 * nothing throws but a ParindexError with coded diagnostics, and every result and diagnostic is well
 * formed; rank reports each special file with its code and ranks the rest, and never hangs.
 *
 * Normal run (part of `pnpm test`, on a busy 2-core machine): ~2,600 cases. PARINDEX_FUZZ_RUNS=N sets
 * the number of cases of the largest property; the others scale with it: 200000 is the long run (pnpm
 * test:fuzz-long: 25 to 100 times each property's cases in process), a small N a token run (pnpm
 * test:fast, which also sets PARINDEX_TEST_FAST=1: no built CLI).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SEVERITY, ParindexError, readJson, type Diagnostic } from '@parindex/rules';
import { diagnosticText } from '@parindex/explain';
import { validateSetText, walkJsonFiles } from '@parindex/rules/node';
import { checkEvidence, compile, score, type CompiledSet } from '@parindex/engine';
import { csvCell } from '../../packages/cli/src/format/csv.js';
import { terminalText } from '../../packages/cli/src/format/escape.js';
import { markdownInline, markdownText } from '../../packages/cli/src/format/md.js';
import { englishWordsIn, unfilledIn } from '../hostile/helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LONG = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0);
/** Cases per property: a share of PARINDEX_FUZZ_RUNS (at least one), or the normal figure. */
const runs = (normal: number, share: number) => (LONG > 0 ? Math.max(1, Math.round(LONG * share)) : normal);
const FAST = process.env.PARINDEX_TEST_FAST === '1';
const SEED = process.env.PARINDEX_FUZZ_SEED ? Number(process.env.PARINDEX_FUZZ_SEED) : undefined;
const params = (numRuns: number) => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

// ---------------------------------------------------------------------------------------------------
// The corpus: every valid file, by kind.

/** The JSON files under a folder, by the project's one folder walk. */
const jsonFiles = (dir: string): string[] => walkJsonFiles(dir).files;

const sets: J[] = [];
const evidences: J[] = [];
const appraisals: Array<{ appraisal: J; evidence: J }> = [];
const texts: string[] = [];
for (const file of [...jsonFiles(join(ROOT, 'rules/sets')), ...jsonFiles(join(ROOT, 'examples')), ...jsonFiles(join(ROOT, 'test/conformance/engine'))]) {
  let v: J;
  const text = readFileSync(file, 'utf8');
  try {
    v = JSON.parse(text);
  } catch {
    continue;
  }
  texts.push(text);
  if (v && Array.isArray(v.fields)) sets.push(v);
  else if (v && Array.isArray(v.entries)) evidences.push(v);
  else if (v && Array.isArray(v.rounds)) appraisals.push({ appraisal: v, evidence: undefined });
  else if (v?.expected) {
    // A conformance fixture: inline parts join the corpus.
    if (v.set && Array.isArray(v.set.fields)) sets.push(v.set);
    if (v.evidence && Array.isArray(v.evidence.entries)) evidences.push(v.evidence);
  }
}
// Appraisals go with the evidence of their unit.
for (const a of appraisals) a.evidence = evidences.find((e) => e.unit?.code === a.appraisal.evidence?.unit && e.criteriaSet === a.appraisal.criteriaSet);

const compiled = new Map<string, CompiledSet>();
for (const s of sets) {
  try {
    const c = compile(s);
    if (!compiled.has(c.ref)) compiled.set(c.ref, c);
  } catch {
    // an invalid set in the corpus is fuzzed as text only
  }
}
const scorable = evidences.filter((e) => compiled.has(e.criteriaSet));

// ---------------------------------------------------------------------------------------------------
// Checks.

const stats = { cases: 0, results: 0, coded: 0 };

function checkDiagnostics(list: readonly Diagnostic[]): void {
  for (const d of list) {
    if (!Object.hasOwn(SEVERITY, d.code)) throw new Error(`unknown code ${String(d.code)}`);
    if (typeof d.path !== 'string' || (d.path !== '' && !d.path.startsWith('/'))) throw new Error(`bad path ${JSON.stringify(d.path)} on ${d.code}`);
    // Its params are enough to word it in both languages, whatever the mutation made of the file.
    for (const lang of ['vi', 'en'] as const) {
      const text = diagnosticText(d, lang);
      if (text === '' || unfilledIn(text, d.params).length > 0) throw new Error(`${d.code} worded as ${JSON.stringify(text)}`);
      if (lang === 'vi' && englishWordsIn(text, d.params).length > 0) throw new Error(`${d.code} has English in Vietnamese: ${JSON.stringify(text)}`);
    }
    if (d.severity !== 'error' && d.severity !== 'warning') throw new Error(`bad severity on ${d.code}`);
  }
}

/** Run f: a normal value, or a ParindexError with coded diagnostics. Anything else fails the property. */
function coded<T>(f: () => T): T | undefined {
  stats.cases++;
  try {
    const v = f();
    stats.results++;
    return v;
  } catch (e) {
    if (!(e instanceof ParindexError)) throw e;
    if (e.diagnostics.length === 0) throw new Error('ParindexError without diagnostics');
    if (!e.diagnostics.every((d) => d.severity === 'error')) throw new Error('ParindexError carrying a warning');
    checkDiagnostics(e.diagnostics);
    stats.coded++;
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Mutations.

const WEIRD: unknown[] = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-0',
  '95,5',
  '1.234,5',
  '1,234.5',
  ' 12 ',
  '',
  '0x10',
  '1e3',
  '.5',
  '5.',
  '١٢',
  '\u0000',
  '\ud800',
  'x'.repeat(300),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'constructor.name',
  '__proto__.polluted',
  'a.b.c',
  1e308,
  -1e308,
  5e-324,
  -1,
  -0.25,
  0,
  0.1,
  2 ** 53 + 1,
  1e21,
  // biome-ignore lint/correctness/noPrecisionLoss: a number a double cannot hold, on purpose.
  123456789012345.678,
  true,
  false,
  null,
  [],
  {},
  [[[]]],
  { var: '__proto__' },
  { var: 'constructor.name' },
  { method: [{ var: 'x' }, 'toString'] },
  { '/': [1, 0] },
  { '+': ['abc'] },
];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];
const OPS = ['delete', 'replace', 'retype', 'weird', 'duplicate', 'forbidden', 'negate', 'huge', 'shuffle', 'stringify', 'deep', 'long'] as const;

interface Mutation {
  at: number;
  op: (typeof OPS)[number];
  payload: unknown;
  weird: number;
  n: number;
}
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom(...OPS),
  payload: fc.jsonValue({ maxDepth: 2 }),
  weird: fc.nat(WEIRD.length - 1),
  n: fc.nat(),
});
const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });

/** Every (container, key) of a value, the root excluded. */
function slots(v: unknown): Array<[J, string | number]> {
  const out: Array<[J, string | number]> = [];
  const stack: unknown[] = [v];
  const seen = new WeakSet<object>();
  while (stack.length) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object' || seen.has(x)) continue;
    seen.add(x);
    if (Array.isArray(x))
      x.forEach((item, i) => {
        out.push([x, i]);
        stack.push(item);
      });
    else
      for (const k of Object.keys(x)) {
        out.push([x, k]);
        stack.push((x as J)[k]);
      }
  }
  return out;
}

function retype(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return Number.isNaN(Number(v)) ? v.length : Number(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null) return 0;
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [`k${i}`, x]));
  return Object.values(v as object);
}

function mutate(base: J, ms: Mutation[]): J {
  const v = structuredClone(base);
  for (const m of ms) {
    const all = slots(v);
    if (all.length === 0) break;
    const [c, k] = all[m.at % all.length]!;
    const cur = c[k];
    switch (m.op) {
      case 'delete':
        if (Array.isArray(c)) c.splice(k as number, 1);
        else delete c[k];
        break;
      case 'replace':
        c[k] = m.payload;
        break;
      case 'retype':
        c[k] = retype(cur);
        break;
      case 'weird':
        c[k] = structuredClone(WEIRD[m.weird]);
        break;
      case 'duplicate':
        if (Array.isArray(cur) && cur.length) cur.push(structuredClone(cur[m.n % cur.length]));
        else if (Array.isArray(c)) c.push(structuredClone(cur));
        break;
      case 'forbidden': {
        const target = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? cur : c;
        if (!Array.isArray(target)) Object.defineProperty(target, FORBIDDEN[m.n % 3]!, { value: m.payload, enumerable: true, writable: true, configurable: true });
        break;
      }
      case 'negate':
        if (typeof cur === 'number') c[k] = -cur - (m.n % 2);
        break;
      case 'huge':
        if (typeof cur === 'number') c[k] = m.n % 2 ? cur * 1e300 : cur + 2 ** 53;
        else if (typeof cur === 'string') c[k] = cur.repeat(1 + (m.n % 50));
        break;
      case 'shuffle':
        if (Array.isArray(cur)) cur.reverse();
        break;
      case 'stringify':
        if (typeof cur === 'number' || typeof cur === 'boolean') c[k] = JSON.stringify(cur);
        break;
      case 'deep': {
        // Nest the value 50 to 3,000 levels deep (as a condition would: {"not": …}, or in lists).
        let x: unknown = cur;
        const levels = 50 + (m.n % 2950);
        for (let i = 0; i < levels; i++) x = m.n % 2 ? { not: x } : [x];
        c[k] = x;
        break;
      }
      case 'long':
        // A list of 1,000 to 25,000 copies of a scalar, or of 2,001 (one more than a set may hold) of an object.
        // (small objects only: megabytes of text would time JSON.stringify, not the code under test)
        if (cur !== null && typeof cur === 'object') c[k] = new Array(2001).fill((JSON.stringify(cur) ?? '').length < 400 ? cur : 1);
        else c[k] = new Array(1000 + (m.n % 24000)).fill(cur);
        break;
    }
  }
  return v;
}

const pick = <T>(list: readonly T[]) => fc.nat(list.length - 1).map((i) => list[i]!);

// ---------------------------------------------------------------------------------------------------

const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

// A long run takes as long as it takes; the normal run has the configured test timeout.
describe('fuzz', LONG > 0 ? { timeout: 6 * 3_600_000 } : {}, () => {
  it('has a corpus', () => {
    expect(sets.length).toBeGreaterThan(0);
    expect(scorable.length).toBeGreaterThan(0);
  });

  it('readJson: arbitrary text and damaged real files never throw', () => {
    const textArb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc.tuple(pick(texts), fc.nat(), fc.nat(), fc.string({ maxLength: 5 })).map(([t, a, b, s]) => t.slice(0, a % (t.length + 1)) + s + t.slice((a % (t.length + 1)) + (b % 8))),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        const doc = coded(() => readJson(text, 'fuzz.json'))!;
        checkDiagnostics(doc.diagnostics);
        if (doc.value === undefined) expect(doc.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      params(runs(300, 0.15)),
    );
  });

  it('criteria sets: mutations through validateSetText (file) and compile (value) agree and never throw', () => {
    fc.assert(
      fc.property(pick(sets), mutationsArb, (base, ms) => {
        const v = mutate(base, ms);
        const text = JSON.stringify(v);
        const file = coded(() => validateSetText(text, 'fuzz.set.json'))!;
        checkDiagnostics(file.diagnostics);
        const c = coded(() => compile(v));
        // The two paths accept the same sets (the file path adds JSON-level checks only).
        if (c !== undefined) expect(file.value, file.diagnostics.map((d) => d.code).join()).toBeDefined();
        if (file.value !== undefined && c === undefined) expect.fail('compile refused a set the file validator accepted');
      }),
      params(runs(125, 0.25)),
    );
  });

  it('evidence: mutations through score and checkEvidence never throw; unused entries are reported', () => {
    fc.assert(
      fc.property(pick(scorable), mutationsArb, (base, ms) => {
        const v = mutate(base, ms);
        const set = compiled.get(base.criteriaSet)!;
        const all = coded(() => checkEvidence(set, v));
        if (all) checkDiagnostics(all);
        const r = coded(() => score(set, v));
        if (r) {
          checkDiagnostics(r.diagnostics);
          JSON.stringify(r);
          // Every entry is used, or listed in unused, or (notApplicable) warned about.
          for (const u of r.unused) expect(u.entry).toBeLessThan(v.entries.length);
          expect(all?.filter((d) => d.severity === 'error')).toEqual([]);
        } else expect(all?.some((d) => d.severity === 'error')).toBe(true);
      }),
      params(runs(250, 0.4)),
    );
  });

  it('appraisals: mutations through score never throw', () => {
    const usable = appraisals.filter((a) => a.evidence && compiled.has(a.appraisal.criteriaSet));
    if (usable.length === 0) return;
    fc.assert(
      fc.property(pick(usable), mutationsArb, fc.option(fc.constantFrom('round1', 'answer', 'round2', 'nope')), (a, ms, round) => {
        const set = compiled.get(a.appraisal.criteriaSet)!;
        const r = coded(() => score(set, a.evidence, { appraisal: mutate(a.appraisal, ms), ...(round !== null ? { round } : {}) }));
        if (r) checkDiagnostics(r.diagnostics);
      }),
      params(runs(75, 0.1)),
    );
  });

  it('sets with json-logic conditions in every place that evaluates one (allOf, parts, applicability) and huge literals: scoring evidence that leaves inputs out never throws', () => {
    // The shapes set of the conformance fixtures has every rule kind; its evidence gives every input.
    const base = sets.find((s) => s.id === 'test.shapes');
    const full = evidences.find((e) => e.criteriaSet === `${base?.id}@${base?.version}`);
    if (!base || !full) throw new Error('the shapes set and its evidence are in the corpus');
    const leaves: J[] = [];
    const walk = (n: J) => (n.children ? n.children.forEach(walk) : leaves.push(n));
    base.fields.forEach(walk);
    const inputs = leaves.flatMap((n: J) => (n.inputs ?? []).filter((i: J) => ['count', 'decimal', 'percent'].includes(i.type)).map((i: J) => i.id as string));
    const literal = fc.constantFrom<unknown>(5, 0, -1, 1e308, -1e308, 1e15, 0.1, '12', true, null);
    const logicArb = fc.tuple(fc.constantFrom('<=', '<', '>', '==', '+', '*', '/', '%', 'min'), fc.constantFrom(...inputs), literal).map(([op, v, x]) => ({ [op]: [{ var: v }, x] }));
    const hugeArb = fc.integer({ min: 2, max: 40 }).map((n) => ({ '*': new Array(n).fill(1e308) }));
    const placeArb = fc.constantFrom('allOf', 'parts', 'applicability', 'expression');
    fc.assert(
      fc.property(fc.nat(leaves.length - 1), placeArb, logicArb, hugeArb, fc.subarray(inputs), (at, place, logic, huge, dropped) => {
        const s = structuredClone(base);
        const ls: J[] = [];
        const w = (n: J) => (n.children ? n.children.forEach(w) : ls.push(n));
        s.fields.forEach(w);
        const leaf = ls[at]!;
        // The inputs the condition reads become optional, so that leaving them out is valid evidence.
        for (const n of ls) for (const i of n.inputs ?? []) if (dropped.includes(i.id)) i.required = false;
        if (place === 'allOf') leaf.rule = { type: 'allOf', conditions: [{ logic }] };
        else if (place === 'parts') leaf.rule = { type: 'parts', parts: [{ id: 'p', label: 'p', when: { logic }, fraction: 1 }] };
        else if (place === 'applicability') leaf.applicability = { notApplicableWhen: { logic } };
        else leaf.rule = { type: 'expression', logic: { '+': [huge, logic] } };
        const c = coded(() => compile(s));
        if (!c) return;
        const e = structuredClone(full);
        for (const entry of e.entries) if (entry.values) for (const id of dropped) delete entry.values[id];
        e.entries = e.entries.filter((entry: J) => !(entry.input !== undefined && dropped.includes(entry.input)));
        const r = coded(() => score(c, e));
        if (r) checkDiagnostics(r.diagnostics);
      }),
      params(runs(60, 0.25)),
    );
  });

  it('arbitrary JSON values as a set, as evidence and as an appraisal never throw', () => {
    const some = [...compiled.values()][0]!;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        coded(() => compile(v));
        coded(() => score(some, v));
        coded(() => score(some, scorable[0], { appraisal: v }));
      }),
      params(runs(110, 0.1)),
    );
  });

  it.skipIf(FAST)('the built CLI: validate and score of mutated files exit 0 or 1 with coded messages, never a stack trace', () => {
    const bin = join(ROOT, 'packages/cli/dist/parindex.js');
    if (!existsSync(bin)) {
      console.warn('packages/cli/dist/parindex.js is not built: CLI fuzzing skipped');
      return;
    }
    const sanity = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', timeout: 300_000 });
    if (sanity.status !== 0) {
      console.warn(`the built CLI does not start (${sanity.stderr.split('\n')[0]}): CLI fuzzing skipped`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'parindex-fuzz-'));
    const setFor = new Map(sets.map((s) => [`${s.id}@${s.version}`, s]));
    fc.assert(
      fc.property(pick(scorable), mutationsArb, fc.boolean(), (base, ms, damageSet) => {
        const setValue = setFor.get(base.criteriaSet)!;
        const setFile = join(dir, 'set.json');
        const evFile = join(dir, 'evidence.json');
        writeFileSync(setFile, JSON.stringify(damageSet ? mutate(setValue, ms) : setValue));
        writeFileSync(evFile, JSON.stringify(damageSet ? base : mutate(base, ms)));
        for (const args of [
          ['validate', '--format', 'json', setFile, evFile],
          ['score', '--rules', setFile, '--format', 'json', evFile],
        ]) {
          stats.cases++;
          // The timeout only turns a hang into a failure.
          const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 300_000 });
          expect([0, 1], `${args[0]} exit ${r.status}: ${r.stderr}`).toContain(r.status);
          expect(r.stderr).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
          expect(r.stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/);
          if (r.status === 1) expect(r.stdout + r.stderr).toMatch(/[A-Z]+_[A-Z_]+/);
        }
      }),
      params(runs(4, 0.0005)),
    );
  });

  it('the built CLI: rank of a folder with FIFOs, link loops, dangling links, device links, bad bytes and many diagnostics ranks the rest and reports each', () => {
    const bin = join(ROOT, 'packages/cli/dist/parindex.js');
    if (!existsSync(bin) || spawnSync('mkfifo', ['--version']).status !== 0) {
      console.warn('packages/cli/dist/parindex.js is not built, or there is no mkfifo: folder fuzzing skipped');
      return;
    }
    const kinds = ['evidence', 'fifo', 'loop', 'dangling', 'device', 'parent', 'bytes', 'duplicate', 'many'] as const;
    const entryArb = fc.record({ kind: fc.constantFrom(...kinds), base: pick(scorable), ms: mutationsArb, n: fc.nat() });
    fc.assert(
      fc.property(fc.array(entryArb, { minLength: 1, maxLength: 6 }), (entries) => {
        const dir = mkdtempSync(join(tmpdir(), 'parindex-fuzz-rank-'));
        try {
          rankFolder(dir, entries);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      params(runs(3, 0.0003)),
    );

    /** Fill `dir` with the entries, rank it, check what rank says of each. */
    function rankFolder(dir: string, entries: Array<{ kind: (typeof kinds)[number]; base: J; ms: Mutation[]; n: number }>): void {
      const expected = new Map<string, string>();
      entries.forEach((e, i) => {
        const name = join(dir, i % 2 ? `sub/${i}.json` : `${i}.json`);
        mkdirSync(join(dir, 'sub'), { recursive: true });
        if (e.kind === 'evidence') writeFileSync(name, JSON.stringify(mutate(e.base, e.ms)));
        else if (e.kind === 'fifo') spawnSync('mkfifo', [name]);
        else if (e.kind === 'loop') symlinkSync(`${i}.json`, name);
        else if (e.kind === 'dangling') symlinkSync(join(dir, 'nowhere.json'), name);
        else if (e.kind === 'device') symlinkSync(['/dev/zero', '/dev/urandom', '/dev/null'][e.n % 3]!, name);
        // A folder link to the folder that holds it (always in sub/: at the top, '..' would leave the folder).
        else if (e.kind === 'parent') symlinkSync('..', join(dir, 'sub', `up${i}`));
        else if (e.kind === 'bytes') writeFileSync(name, Buffer.concat([Buffer.from(JSON.stringify(e.base).slice(0, 50 + (e.n % 500))), Buffer.from([0xc3, 0x28, 0xff])]));
        else if (e.kind === 'duplicate') writeFileSync(name, JSON.stringify(e.base).replace('"entries":', '"entries": [], "entries":'));
        else {
          // Thousands of entries that each draw a warning (long runs: up to the limit of 20,000 entries).
          const many = structuredClone(e.base);
          for (let k = e.n % (LONG > 0 ? 19_000 : 3_000); k > 0; k--) many.entries.push({ criterion: '1', documents: [{ number: `${k}/QĐ`, date: '2026-02-01' }] });
          writeFileSync(name, JSON.stringify(many));
        }
        const code = {
          fifo: 'FILE_NOT_REGULAR',
          loop: 'FILE_LINK_LOOP',
          dangling: 'FILE_LINK_BROKEN',
          device: 'FILE_NOT_REGULAR',
          parent: 'FILE_LINK_LOOP',
          bytes: 'FILE_ENCODING',
          duplicate: 'JSON_DUPLICATE_KEY',
        }[e.kind as string];
        if (code) expected.set(e.kind === 'parent' ? join(dir, 'sub', `up${i}`) : name, code);
      });
      stats.cases++;
      const r = spawnSync(process.execPath, [bin, 'rank', dir, '--format', 'json', '--quiet'], { encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024 });
      expect([0, 1], `rank exit ${r.status} (${r.signal ?? ''}): ${r.stderr.slice(0, 500)}`).toContain(r.status);
      expect(r.stderr).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
      expect(r.stderr).not.toMatch(/internal error|lỗi nội bộ|\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/);
      if (r.stdout === '') {
        // Nothing could be ranked: every problem is on stderr, with its code.
        for (const [file, code] of expected) expect(r.stderr).toContain(`${file}  ${code}`);
        return;
      }
      const out = JSON.parse(r.stdout) as { failed: Array<{ file: string; diagnostics: Diagnostic[] }> };
      for (const f of out.failed) checkDiagnostics(f.diagnostics);
      for (const [file, code] of expected)
        expect(
          out.failed.find((f) => f.file === file)?.diagnostics.map((d) => d.code),
          file,
        ).toContain(code);
    }
  });

  it('the built CLI: diff of mutated saved results exits 0 or 1 with coded messages (RESULT_SCHEMA), never an internal error', () => {
    const bin = join(ROOT, 'packages/cli/dist/parindex.js');
    if (!existsSync(bin)) {
      console.warn('packages/cli/dist/parindex.js is not built: diff fuzzing skipped');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'parindex-fuzz-diff-'));
    const evidenceFile = join(dir, 'evidence.json');
    writeFileSync(evidenceFile, JSON.stringify(scorable[0]));
    const saved = JSON.parse(spawnSync(process.execPath, [bin, 'score', evidenceFile, '--format', 'json', '--quiet'], { encoding: 'utf8' }).stdout) as J;
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(saved));
    try {
      fc.assert(
        fc.property(mutationsArb, (ms) => {
          const bad = join(dir, 'mutated.json');
          writeFileSync(bad, JSON.stringify(mutate(saved, ms)));
          stats.cases++;
          const r = spawnSync(process.execPath, [bin, 'diff', good, bad, '--format', 'json'], { encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL' });
          expect([0, 1], `diff exit ${r.status}: ${r.stderr}`).toContain(r.status);
          expect(r.stderr).not.toMatch(/internal error|lỗi nội bộ|^\s+at .*\(.*:\d+:\d+\)$/m);
          if (r.status === 1) expect(r.stderr).toMatch(/[A-Z]+_[A-Z_]+/);
        }),
        params(runs(3, 0.0005)),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  afterAll(() => {
    // Hostile keys and expressions reached nothing global.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as J).polluted).toBeUndefined();
    console.info(`fuzz: ${stats.cases} cases (${stats.results} results, ${stats.coded} coded refusals)`);
  });
});

// ---------------------------------------------------------------------------------------------------
// The escaping of user text in outputs (docs/cli.md, "User text in outputs"): any string, and strings
// made of the characters that matter to a spreadsheet, a terminal or a Markdown renderer.

const SPECIAL = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  ' ',
  '#',
  '>',
  '*',
  '_',
  '`',
  '|',
  '1',
  '0',
  '.',
  ',',
  ')',
  '(',
  '[',
  ']',
  '!',
  '<',
  '&',
  '\\',
  ':',
  '%',
  'a',
  'Đ',
  '\u001b',
  '\u0007',
  '\u0008',
  '\u009b',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u2028',
];
const userText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...SPECIAL), { maxLength: 12 }).map((a) => a.join('')),
);
const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);

describe('escaping of user text', () => {
  it('CSV: no text cell starts a formula; the text is kept (either separator)', () => {
    fc.assert(
      fc.property(userText, fc.constantFrom(',', ';'), (s, sep) => {
        const cell = unquote(csvCell(s, sep));
        expect([s, `'${s}`]).toContain(cell);
        expect(cell).not.toMatch(/^\s*[=+\-@]|^[\t\r]/);
      }),
      params(runs(250, 0.05)),
    );
  });

  it('terminal: no C0, C1 or bidi control is left', () => {
    fc.assert(
      fc.property(userText, (s) => {
        expect(terminalText(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
      }),
      params(runs(250, 0.05)),
    );
  });

  it('Markdown: one line, no leading block marker, no link, image or HTML', () => {
    fc.assert(
      fc.property(userText, (s) => {
        for (const md of [markdownText(s), markdownInline(s)]) {
          expect(md).not.toMatch(/[\n\r<]/);
          expect(md).not.toContain('](');
          expect(md).not.toContain('![');
        }
        expect(markdownText(s)).not.toMatch(/^\s*([#>*+=-]|[0-9]+[.)])/);
      }),
      params(runs(250, 0.05)),
    );
  });
});
