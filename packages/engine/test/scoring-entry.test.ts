/**
 * The scoring entry (@parindex/engine/scoring) as the prebuilt file dist/parindex.scoring.min.js
 * (scripts/bundle-browser.mjs, run by the build before the tests: esbuild, then terser; `pnpm bench` measures it so): no eval, no Function constructor, no node: import,
 * no set checker, no advice; the bundle itself, loaded and run, scores every example exactly as the
 * full entry (the compact form; the full form once the advice is attached, bundled with it as
 * dist/parindex.scoring-advice.min.js is; summaries, ranking). And its trust model: it compiles a shipped set (by its
 * canonical hash, SHIPPED_SETS, which must match the sets in rules/sets) or a set whose hash the caller
 * pins, and refuses any other set with SET_NOT_PINNED.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEvidence, compile, hashJson, ParindexError, rank, score, summarize, toCompact, toSummary, type ScoreResult } from '@parindex/engine';
import { diagnosticText } from '../../explain/src/index.js';
import * as entrySource from '../src/scoring.js';
import * as adviceSource from '../src/advice.js';
// @ts-expect-error: a plain ESM script without types
import { generateEvidence } from '../../../examples/generate.mjs';
// @ts-expect-error: a plain ESM script without types
import { BROWSER_BUILD } from '../scripts/minify.mjs';
import { build } from 'esbuild';

type Entry = typeof entrySource;
type EntryWithAdvice = Entry & typeof adviceSource;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const readJson = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, unknown>;

/** Every set file of rules/sets, as read from disk. */
const setFiles = readdirSync(join(ROOT, 'rules/sets')).flatMap((dir) => readdirSync(join(ROOT, 'rules/sets', dir)).map((f) => `rules/sets/${dir}/${f}`));

/** Every example evidence file with its set file. */
function examples(): Array<{ file: string; evidence: Record<string, unknown>; set: Record<string, unknown> }> {
  const byRef = new Map(setFiles.map((f) => [`${readJson(f).id}@${readJson(f).version}`, readJson(f)]));
  const out = [];
  for (const unit of readdirSync(join(ROOT, 'examples'), { withFileTypes: true })) {
    if (!unit.isDirectory()) continue;
    for (const f of readdirSync(join(ROOT, 'examples', unit.name))) {
      const evidence = readJson(`examples/${unit.name}/${f}`);
      const set = byRef.get(evidence.criteriaSet as string);
      if (set && Array.isArray(evidence.entries)) out.push({ file: `${unit.name}/${f}`, evidence, set });
    }
  }
  return out;
}

/** The code of the error a call throws, with its params (a ParindexError of any entry: each bundle has its own class). */
function refusal(run: () => unknown): { code: string; params: unknown; vi: string; en: string } {
  try {
    run();
  } catch (e) {
    if (!(e instanceof ParindexError) && !(e instanceof bundledError) && !(e instanceof fullError)) throw e;
    const d = e.diagnostics[0]!;
    return { code: d.code, params: d.params, vi: diagnosticText(d, 'vi'), en: diagnosticText(d, 'en') };
  }
  throw new Error('not refused');
}

let bundledError: Entry['ParindexError'] = ParindexError;
let fullError: Entry['ParindexError'] = ParindexError;

describe('the scoring entry, bundled', () => {
  let code = '';
  let bundled: Entry;
  /** The entry bundled with the advice (one module, as dist/parindex.scoring-advice.min.js). */
  let full: EntryWithAdvice;
  let dir = '';
  let inputs: string[] = [];

  beforeAll(async () => {
    // The files as shipped, which `pnpm test` builds just before (scripts/bundle-browser.mjs); minifying
    // them again here cost ~10 s of the suite.
    const shipped = (name: string) => {
      const file = join(ROOT, 'packages/engine/dist', name);
      if (!existsSync(file)) throw new Error(`${file} is not built: run the build (pnpm test does) first`);
      return readFileSync(file, 'utf8');
    };
    code = shipped('parindex.scoring.min.js');
    // Which modules have code in the bundle, from esbuild's metafile of the same entry built from the
    // sources (the metafile's inputs also list those parsed and dropped); terser does not add any.
    const meta = await build({
      ...BROWSER_BUILD,
      metafile: true,
      entryPoints: [join(ROOT, 'packages/engine/src/scoring.ts')],
      alias: { '@parindex/rules': join(ROOT, 'rules/src/index.ts') },
      logLevel: 'silent',
    });
    inputs = Object.values(meta.metafile!.outputs).flatMap((o) => Object.entries(o.inputs).flatMap(([file, x]) => (x.bytesInOutput > 0 ? [file] : [])));
    dir = mkdtempSync(join(tmpdir(), 'parindex-scoring-'));
    writeFileSync(join(dir, 'scoring.mjs'), code);
    bundled = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'scoring.mjs')).href)) as Entry;
    bundledError = bundled.ParindexError;
    writeFileSync(join(dir, 'scoring-advice.mjs'), shipped('parindex.scoring-advice.min.js'));
    full = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'scoring-advice.mjs')).href)) as EntryWithAdvice;
    fullError = full.ParindexError;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no eval, no Function constructor (by any name), no node: import or require', () => {
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/new\s+Function\b/);
    expect(code.replace(/\binstanceof\s+Function\b/g, '')).not.toMatch(/(?<![\w$.])Function(?![\w$])/);
    expect(code).not.toMatch(/["']node:/);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });

  it('carries no set checker: no set schema, no cross-field checks, no JSON parser, no rule schemas', () => {
    for (const module of ['rules/src/schema.ts', 'rules/src/checks.ts', 'rules/src/check-context.ts', 'rules/src/sources.ts', 'rules/src/json.ts', 'rules/src/kinds/index.ts'])
      expect(inputs.some((i) => i.endsWith(module)) ? module : null).toBeNull();
    // Words of the rule kinds' schemas (their descriptions) and the names of the set checks.
    for (const text of ['earns the full maximum', 'Points (may be negative', 'A condition over inputs', 'declaredInputs', 'sourceCitations']) expect(code.includes(text), text).toBe(false);
  });

  it('carries no advice and no full-result builders: its sets score in the compact form, and a full result is refused with SCORE_NEEDS_ADVICE until the advice is attached', () => {
    for (const module of ['rules/src/kinds/advice-kinds.ts', 'packages/engine/src/advice.ts', 'packages/engine/src/full-result.ts'])
      expect(inputs.some((i) => i.endsWith(module)) ? module : null).toBeNull();
    const set = readJson('rules/sets/model.commune-par/2026.json');
    const evidence = readJson('examples/vinh-bao/par-2026.json');
    const b = bundled.compile(set);
    expect(b.advice).toBeNull();
    const r = refusal(() => bundled.score(b, evidence));
    expect(r).toMatchObject({ code: 'SCORE_NEEDS_ADVICE', params: {} });
    expect(r.en).toContain('withAdvice(compiled)');
    expect(r.vi).toContain('withAdvice(compiled)');
    expect(refusal(() => bundled.score(b, evidence, { form: 'full' })).code).toBe('SCORE_NEEDS_ADVICE');
    // The compact form and the evidence checks need no advice.
    expect(JSON.stringify(bundled.score(b, evidence, { form: 'compact' }))).toBe(JSON.stringify(score(compile(set), evidence, { form: 'compact' })));
    expect(JSON.stringify(bundled.checkEvidence(b, evidence))).toBe(JSON.stringify(checkEvidence(compile(set), evidence)));
    // The advice bundled with the entry: a new set with the same compiled rules; the one given is unchanged; attaching twice changes nothing.
    const f = full.compile(set);
    const explained = full.withAdvice(f);
    expect(explained).not.toBe(f);
    expect(f.advice).toBeNull();
    expect(explained.leaves).toBe(f.leaves);
    expect(full.withAdvice(explained)).toBe(explained);
    expect(JSON.stringify(full.score(explained, evidence))).toBe(JSON.stringify(score(compile(set), evidence)));
    expect(refusal(() => full.score(f, evidence)).code).toBe('SCORE_NEEDS_ADVICE');
  });

  it("carries only the warning codes of the severity table (diag()'s), not every code", () => {
    // Errors only the CLI, the workbook and the API report: in the bundle only if the whole table is.
    for (const c of ['API_HOST_REFUSED', 'USAGE_UNKNOWN_COMMAND', 'WORKBOOK_XML_DOCTYPE']) expect(code.includes(c), c).toBe(false);
    expect(code).toContain('SCORE_MISSING_INPUT');
    // The tools' warnings are passed their severity by their callers: not in diag()'s table.
    for (const c of ['FILE_BOM', 'RANK_THREADS_CAPPED', 'API_PAGE_NOT_BUILT']) expect(code.includes(c), c).toBe(false);
  });

  it('takes the browser stub of Node\'s native SHA-256 (package.json "browser"): the hashes are its own SHA-256\'s', () => {
    expect(code.includes('getBuiltinModule')).toBe(false);
  });

  it('scores every example as the full entry: full and compact forms, summaries, ranking', () => {
    const cases = examples();
    expect(cases.length).toBe(12);
    const ours: ScoreResult[] = [];
    const fromBundle: ScoreResult[] = [];
    for (const { file, evidence, set } of cases) {
      const a = compile(set);
      const b = bundled.compile(set);
      expect(b.sha256, file).toBe(a.sha256);
      const ra = score(a, evidence);
      const rb = full.score(full.withAdvice(full.compile(set)), evidence);
      expect(JSON.stringify(rb), file).toBe(JSON.stringify(ra));
      expect(JSON.stringify(bundled.score(b, evidence, { form: 'compact' })), file).toBe(JSON.stringify(score(a, evidence, { form: 'compact' })));
      expect(JSON.stringify(bundled.toSummary(rb)), file).toBe(JSON.stringify(toSummary(ra)));
      expect(JSON.stringify(bundled.toCompact(rb)), file).toBe(JSON.stringify(toCompact(ra)));
      expect(JSON.stringify(bundled.checkEvidence(b, evidence)), file).toBe(JSON.stringify(checkEvidence(a, evidence)));
      if (a.ref === 'model.commune-par@2026') {
        ours.push(ra);
        fromBundle.push(rb);
      }
    }
    expect(ours.length).toBeGreaterThan(1);
    expect(JSON.stringify(bundled.rank(fromBundle, 'competition'))).toBe(JSON.stringify(rank(ours, 'competition')));
  });

  it('ranks and summarises generated communes in the compact form as the full entry', () => {
    const set = readJson('rules/sets/model.commune-par/2026.json');
    const a = compile(set);
    const b = bundled.compile(set);
    const units = generateEvidence(40, 17) as unknown[];
    const ra = units.map((u) => score(a, u, { form: 'compact' }));
    const rb = units.map((u) => bundled.score(b, u, { form: 'compact' }));
    expect(JSON.stringify(rb)).toBe(JSON.stringify(ra));
    for (const ties of ['dense', 'competition'] as const) {
      expect(JSON.stringify(bundled.rank(rb, ties))).toBe(JSON.stringify(rank(ra, ties)));
      expect(JSON.stringify(bundled.summarize(rb, ties))).toBe(JSON.stringify(summarize(ra, ties)));
    }
  });

  it('refuses broken evidence with the same diagnostics as the full entry', () => {
    const set = readJson('rules/sets/model.commune-par/2026.json');
    const evidence = readJson('examples/vinh-bao/par-2026.json');
    const broken = { ...evidence, entries: [...(evidence.entries as unknown[]), { code: '9.9', values: { x: 'abc' } }, 42] };
    const a = compile(set);
    const b = bundled.compile(set);
    expect(JSON.stringify(bundled.checkEvidence(b, broken))).toBe(JSON.stringify(checkEvidence(a, broken)));
    expect(refusal(() => bundled.score(b, broken, { form: 'compact' }))).toEqual(refusal(() => score(a, broken, { form: 'compact' })));
    expect(refusal(() => full.score(full.withAdvice(full.compile(set)), broken))).toEqual(refusal(() => score(a, broken)));
  });
});

describe('what the scoring entry compiles', () => {
  const commune = readJson('rules/sets/model.commune-par/2026.json');
  /** The commune set edited by a province: the same set, its title changed. */
  const edited = { ...commune, title: `${commune.title as string} (bản của tỉnh)` };

  it('SHIPPED_SETS is the canonical hash of every set in rules/sets, checked by the full compile(), and each set file as read hashes to it', () => {
    const expected: Record<string, string> = {};
    for (const f of setFiles) {
      const c = compile(readJson(f));
      expected[c.ref] = c.sha256;
      expect(hashJson(readJson(f)), f).toBe(c.sha256);
    }
    // On a difference: a set in rules/sets changed or was added; `npx --yes pnpm@10 schema` rewrites the table.
    expect({ ...entrySource.SHIPPED_SETS }, 'run npx --yes pnpm@10 schema (packages/engine/scripts/write-shipped-sets.mjs)').toEqual(expected);
  });

  it('compiles a shipped set, whatever the order of its keys, to what the full entry compiles', () => {
    const reordered = Object.fromEntries(Object.entries(commune).reverse());
    const c = entrySource.compile(reordered);
    expect(c.sha256).toBe(compile(commune).sha256);
    const evidence = readJson('examples/vinh-bao/par-2026.json');
    expect(JSON.stringify(score(adviceSource.withAdvice(c), evidence))).toBe(JSON.stringify(score(compile(commune), evidence)));
  });

  it('refuses a set that is neither shipped nor pinned, with SET_NOT_PINNED naming it and its hash', () => {
    const r = refusal(() => entrySource.compile(edited));
    expect(r.code).toBe('SET_NOT_PINNED');
    expect(r.params).toEqual({ ref: 'model.commune-par@2026', sha256: hashJson(edited), pinned: null });
    expect(r.en).toContain(hashJson(edited));
    expect(r.en).toContain('parindex validate');
    expect(r.vi).toContain('parindex validate');
    // A wrong pin is refused too, and named.
    const wrong = refusal(() => entrySource.compile(edited, { sha256: hashJson(commune) }));
    expect(wrong.params).toEqual({ ref: 'model.commune-par@2026', sha256: hashJson(edited), pinned: hashJson(commune) });
    // Not a string: pins nothing.
    const notText = refusal(() => entrySource.compile(edited, { sha256: 42 as unknown as string }));
    expect(notText.params).toEqual({ ref: 'model.commune-par@2026', sha256: hashJson(edited), pinned: null });
  });

  it('compiles the set whose hash is pinned, exactly as the full entry does', () => {
    const pinned = compile(edited).sha256;
    const c = entrySource.compile(edited, { sha256: pinned });
    expect(c.sha256).toBe(pinned);
    expect(entrySource.compile(edited, { sha256: pinned.toUpperCase() }).sha256).toBe(pinned);
    const evidence = { ...readJson('examples/vinh-bao/par-2026.json') };
    expect(JSON.stringify(score(adviceSource.withAdvice(c), evidence))).toBe(JSON.stringify(score(compile(edited), evidence)));
  });

  it('refuses what is not a JSON object, never throwing anything but SET_NOT_PINNED', () => {
    const cyclic: Record<string, unknown> = { id: 'x', version: '1' };
    cyclic.self = cyclic;
    for (const value of [null, undefined, 42, 'set', [commune], cyclic, { ...commune, big: 10n }]) {
      const r = refusal(() => entrySource.compile(value));
      expect(r).toMatchObject({ code: 'SET_NOT_PINNED', params: { sha256: null, pinned: null } });
    }
  });

  it('compiles what it hashed: a getter that answers otherwise on a second read changes nothing', () => {
    let reads = 0;
    const hostile = { ...commune };
    Object.defineProperty(hostile, 'title', { enumerable: true, get: () => (reads++ === 0 ? commune.title : 'changed after the check') });
    const c = entrySource.compile(hostile);
    expect(c.set.title).toBe(commune.title);
    expect(c.sha256).toBe(compile(commune).sha256);
  });
});
