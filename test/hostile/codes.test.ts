/**
 * Every diagnostic code, produced from a small input: the code, its JSON pointer, its severity and,
 * where it comes from a file, the line and column that point at that place; and its sentence in both
 * languages (@parindex/explain): nothing left unfilled, no English word in the Vietnamese one and no
 * Vietnamese in the English one outside what they quote. A code no input can produce would fail here
 * (and should leave the codes).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, LIMITS, ParindexError, SEVERITY, parseCriteriaSet, readJson, type Diagnostic, type DiagnosticCode } from '@parindex/rules';
import { diagnosticText } from '@parindex/explain';
import { SetLibrary, readSetFile, validateSetText, walkJsonFiles, type FileSystem } from '@parindex/rules/node';
import { checkEvidence, compile, hashJson, score } from '@parindex/engine';
import { compile as compileShippedOrPinned } from '../../packages/engine/src/scoring.js';
import { cliInProcess } from '../../packages/cli/test/helpers.js';
import { parseThreads } from '../../packages/cli/src/commands/rank.js';
import { dispatch } from '../../packages/cli/src/main.js';
import { CliError, readJsonFile, UsageError } from '../../packages/cli/src/io.js';
import { checkProgressFile } from '../../packages/cli/src/commands/validate-plan.js';
import { watchStdout, writeFileAtomic } from '../../packages/cli/src/output.js';
import { planAgainstSet } from '../../packages/cli/src/plan-files.js';
import { applyDerived, checkProgress, derive, parsePlan, parseProgress, type Plan, type Progress } from '@parindex/plans';
import { workbookCases } from '../../packages/cli/test/workbook-cases.js';
import { createApp } from '../../packages/server/src/app.js';
import { Runner } from '../../packages/server/src/runner.js';
import { answer } from '../../packages/server/src/worker.js';
import { ROOT, compileDiagnostics, englishWordsIn, evidence, pointsAtPath, set, unfilledIn, vietnameseIn, type J } from './helpers.js';

/** Every diagnostic ({code, path, …}) anywhere in a CLI's JSON output. */
function diagnosticsIn(out: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  JSON.stringify(out, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.code === 'string' && typeof v.path === 'string') found.push(v);
    return v;
  });
  return found;
}

interface Case {
  /** The diagnostics of the input (the CLI's cases run its main() in this process). */
  run(): Diagnostic[] | Promise<Diagnostic[]>;
  /** The JSON pointer the code must carry. */
  path: string;
  /** The text the line and column are checked against (file diagnostics). */
  text?: string;
  /** false: a whole-file problem without a line (the file is too large or empty). */
  located?: boolean;
}

/** A criteria set changed by `mutate`, validated as a file (line, column) and as a value (compile). */
function setCase(mutate: (s: J) => void, path: string): Case {
  const s = set();
  mutate(s);
  const text = JSON.stringify(s, null, 2);
  return {
    run() {
      const file = validateSetText(text, 'set.json').diagnostics;
      // The value path (zod + checks) must report the same codes.
      const value = compileDiagnostics(s);
      expect(value.map((d) => d.code).sort()).toEqual(
        file
          .filter((d) => d.severity === 'error')
          .map((d) => d.code)
          .sort(),
      );
      return file;
    },
    path,
    text,
  };
}

/** A text read with readJson (line, column). */
function textCase(text: string, path = '', located = true): Case {
  return { run: () => readJson(text, 'x.json').diagnostics, path, text, located };
}

/** Evidence changed by `mutate`, checked against the (possibly changed) set. */
function evidenceCase(mutate: (e: J) => void, path: string, mutateSet?: (s: J) => void, options: Record<string, unknown> = {}): Case {
  return {
    run() {
      const s = set();
      mutateSet?.(s);
      const e = evidence();
      mutate(e);
      return checkEvidence(compile(s), e, options);
    },
    path,
  };
}

function appraisalCase(items: J[], path: string, extra: { round?: string; sha?: string; set?: string; kind?: 'appraisal' | 'answer'; date?: string; second?: J } = {}): Case {
  return {
    run() {
      const e = evidence();
      const appraisal = {
        formatVersion: 1,
        criteriaSet: extra.set ?? 'test.shapes@2026',
        evidence: { unit: 'T01', sha256: extra.sha ?? hashJson(e) },
        rounds: [{ id: 'round1', kind: extra.kind ?? 'appraisal', ...(extra.date ? { date: extra.date } : {}), items }, ...(extra.second ? [{ kind: 'appraisal', items: [], ...extra.second }] : [])],
      };
      return checkEvidence(compile(set()), e, { appraisal, ...(extra.round ? { round: extra.round } : {}) });
    },
    path,
  };
}

const leaf = (s: J, f: number, c: number) => s.fields[f].children[c];
const tmp = mkdtempSync(join(tmpdir(), 'parindex-codes-'));
const example = (p: string) => join(ROOT, 'examples', p);

/** A command line run in this process: the USAGE_ diagnostic it stops with (exit code 2). */
function usageCase(argv: () => string[] | Promise<string[]>): Case {
  return {
    async run() {
      try {
        await dispatch(await argv());
      } catch (e) {
        if (e instanceof UsageError) return [e.diagnostic];
        throw e;
      }
      return [];
    },
    path: '',
  };
}

/** A saved result (score --format json) of an example, written once. */
async function savedResult(): Promise<string> {
  const f = join(tmp, 'saved-result.json');
  if (!existsSync(f)) writeFileSync(f, (await cliInProcess(['score', '--format', 'json', '--quiet', example('kien-tho/targets-2026.json')])).stdout);
  return f;
}

/** The conformance plan of @parindex/plans and its progress, changed by `mutate`. */
const PLAN_DIR = join(ROOT, 'packages/plans/test/conformance');
const planValue = (): J => JSON.parse(readFileSync(join(PLAN_DIR, 'mixed.plan.json'), 'utf8'));
const progressValue = (): J => JSON.parse(readFileSync(join(PLAN_DIR, 'mixed.progress.json'), 'utf8'));
const YEAR = { from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' };
function planCase(mutate: (p: J) => void, path: string): Case {
  return {
    run: () => {
      const p = planValue();
      mutate(p);
      return parsePlan(p).diagnostics;
    },
    path,
  };
}
function progressCase(mutate: (p: J) => void, path: string): Case {
  return {
    run() {
      const p = progressValue();
      mutate(p);
      const parsed = parseProgress(p);
      return parsed.value ? checkProgress(parsed.value, parsePlan(planValue()).value!, YEAR) : parsed.diagnostics;
    },
    path,
  };
}
/** A command line run in this process that stops with file diagnostics (CliError, exit code 1). */
function cliErrorCase(argv: string[]): Case {
  return {
    async run() {
      try {
        await dispatch(argv);
      } catch (e) {
        if (e instanceof CliError) return e.diagnostics;
        throw e;
      }
      return [];
    },
    path: '',
  };
}

const FILE_AND_CLI_CASES: Record<Exclude<DiagnosticCode, `API_${string}`>, Case> = {
  FILE_NOT_FOUND: { run: () => readSetFile(join(tmp, 'nope.json')).diagnostics, path: '' },
  FILE_UNREADABLE: {
    // A folder that may not be listed (EACCES; injected, as tests run as root).
    run() {
      mkdirSync(join(tmp, 'closed'), { recursive: true });
      const denied: FileSystem = {
        ...fs,
        readdirSync: (() => {
          throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        }) as FileSystem['readdirSync'],
      };
      return walkJsonFiles(join(tmp, 'closed'), denied).diagnostics;
    },
    path: '',
  },
  FILE_WRITE_FAILED: {
    // --out a folder.
    run() {
      try {
        writeFileAtomic(tmp, 'report');
      } catch (e) {
        if (e instanceof CliError) return e.diagnostics;
        throw e;
      }
      return [];
    },
    path: '',
  },
  STDOUT_WRITE_FAILED: {
    // A stdout whose writes fail, as on a full disk.
    async run() {
      const full = new Writable({ write: (_chunk, _encoding, done) => done(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) });
      const watch = watchStdout(full as unknown as NodeJS.WriteStream);
      full.write('report');
      return [(await watch.finish())!];
    },
    path: '',
  },
  FILE_IS_FOLDER: {
    run() {
      mkdirSync(join(tmp, 'dir.json'), { recursive: true });
      return readSetFile(join(tmp, 'dir.json')).diagnostics;
    },
    path: '',
  },
  FILE_NOT_REGULAR: { run: () => readSetFile('/dev/null').diagnostics, path: '' },
  FILE_LINK_BROKEN: {
    run() {
      symlinkSync(join(tmp, 'gone.json'), join(tmp, 'broken-link.json'));
      return readSetFile(join(tmp, 'broken-link.json')).diagnostics;
    },
    path: '',
  },
  FILE_LINK_LOOP: {
    run() {
      symlinkSync('self-link.json', join(tmp, 'self-link.json'));
      return readSetFile(join(tmp, 'self-link.json')).diagnostics;
    },
    path: '',
  },
  FILE_ENCODING: {
    // "Vĩnh" saved as Windows-1258 (0xF2 for "ĩ" is no UTF-8).
    run() {
      writeFileSync(join(tmp, 'cp1258.json'), Buffer.from([0x7b, 0x22, 0x56, 0xf2, 0x6e, 0x68, 0x22, 0x3a, 0x31, 0x7d]));
      return readSetFile(join(tmp, 'cp1258.json')).diagnostics;
    },
    path: '',
    text: '',
  },
  FILE_NOT_JSON: {
    // An Excel workbook given where JSON is expected.
    run: () => readSetFile(join(ROOT, 'test/hostile/not-json/evidence.xlsx')).diagnostics,
    path: '',
    located: false,
  },
  FILE_TOO_LARGE: textCase('{}' + ' '.repeat(LIMITS.fileBytes), '', false),
  FILE_EMPTY: textCase('  \n', '', false),
  FILE_BOM: textCase('\ufeff{}'),
  FILE_KIND_UNKNOWN: {
    // Only the CLI decides what kind of file it was given.
    async run() {
      const f = join(tmp, 'kind.json');
      writeFileSync(f, '{"hello": 1}');
      const r = await cliInProcess(['validate', '--format', 'json', f]);
      return diagnosticsIn(JSON.parse(r.stdout));
    },
    path: '',
  },
  RANK_DUPLICATE_UNIT: {
    // The same unit in two files: ranked once, the second reported and skipped (exit 1).
    async run() {
      const f = join(tmp, 'copy-of-kien-tho.json');
      writeFileSync(f, readFileSync(join(ROOT, 'examples/kien-tho/targets-2026.json'), 'utf8'));
      const r = await cliInProcess(['rank', '--format', 'json', join(ROOT, 'examples/kien-tho/targets-2026.json'), f]);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { ranking?: unknown[] };
      expect(JSON.stringify(out)).toContain('TH-KIENTHO');
      return diagnosticsIn(out);
    },
    path: '/unit/code',
  },
  RANK_UNIT_LOOKALIKE: {
    // The same unit with its code spelt with a non-breaking hyphen: ranked once, the lookalike named.
    run() {
      const bin = join(ROOT, 'packages/cli/dist/parindex.js');
      const f = join(tmp, 'lookalike-kien-tho.json');
      writeFileSync(f, readFileSync(join(ROOT, 'examples/kien-tho/targets-2026.json'), 'utf8').replace('"TH-KIENTHO"', '"TH\u2011KIENTHO"'));
      const r = spawnSync(process.execPath, [bin, 'rank', '--format', 'json', join(ROOT, 'examples/kien-tho/targets-2026.json'), f], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      return diagnosticsIn(JSON.parse(r.stdout));
    },
    path: '/unit/code',
  },
  RANK_APPRAISAL_UNUSED: {
    // An appraisal file among the paths whose evidence is not ranked: reported, not used; the ranking stands (exit 0).
    async run() {
      const r = await cliInProcess(['rank', '--format', 'json', join(ROOT, 'examples/kien-tho/par-2026.json'), join(ROOT, 'examples/vinh-bao/appraisal-2026.json')]);
      expect(r.code).toBe(0);
      return diagnosticsIn(JSON.parse(r.stdout));
    },
    path: '/evidence',
  },
  RANK_THREADS_CAPPED: { run: () => [parseThreads('9999', 2).warning!], path: '' },
  RESULT_COMPACT: {
    // A saved compact result (score --format json --compact) given to diff, which needs the trace.
    async run() {
      const f = join(tmp, 'compact-result.json');
      writeFileSync(f, (await cliInProcess(['score', '--format', 'json', '--compact', '--quiet', example('kien-tho/targets-2026.json')])).stdout);
      try {
        await dispatch(['diff', await savedResult(), f]);
      } catch (e) {
        if (e instanceof CliError) return e.diagnostics;
        throw e;
      }
      return [];
    },
    path: '/form',
  },
  RESULT_NOT_REPRODUCED: {
    // A saved result with its index edited, validated with the evidence it names: scored again, it differs there.
    async run() {
      const saved = JSON.parse(readFileSync(await savedResult(), 'utf8'));
      saved.totals.index = '99.99';
      const f = join(tmp, 'edited-result.json');
      writeFileSync(f, JSON.stringify(saved, null, 2));
      const r = await cliInProcess(['validate', '--format', 'json', f, example('kien-tho/targets-2026.json')]);
      expect(r.code).toBe(1);
      return diagnosticsIn(JSON.parse(r.stdout));
    },
    path: '/totals/index',
  },
  RESULT_UNVERIFIED: {
    // A saved result validated alone: its schema only.
    async run() {
      const r = await cliInProcess(['validate', '--format', 'json', await savedResult()]);
      expect(r.code).toBe(0);
      return diagnosticsIn(JSON.parse(r.stdout));
    },
    path: '/provenance',
  },
  RESULT_SCHEMA: {
    // A saved result whose index is a number instead of a decimal string, through the CLI's validate.
    async run() {
      const saved = JSON.parse((await cliInProcess(['score', '--format', 'json', '--quiet', join(ROOT, 'examples/kien-tho/targets-2026.json')])).stdout);
      saved.totals.index = 75;
      const f = join(tmp, 'result.json');
      writeFileSync(f, JSON.stringify(saved, null, 2));
      const r = await cliInProcess(['validate', '--format', 'json', f]);
      expect(r.code).toBe(1);
      return diagnosticsIn(JSON.parse(r.stdout));
    },
    path: '/totals/index',
  },
  JSON_SYNTAX: textCase('{\n  "a": 1,\n}'),
  JSON_NOT_OBJECT: textCase('[1, 2]'),
  JSON_TOO_DEEP: textCase('['.repeat(LIMITS.jsonDepth + 1) + ']'.repeat(LIMITS.jsonDepth + 1)),
  JSON_NUMBER_FORM: textCase('{\n  "a": {\n    "b": 42,5\n  }\n}'),
  JSON_NUMBER_INEXACT: textCase('{\n  "a": {\n    "b": 1.9999999999999999\n  }\n}', '/a/b'),
  JSON_DUPLICATE_KEY: textCase('{\n  "a": {\n    "b": 1,\n    "b": 2\n  }\n}', '/a/b'),
  JSON_FORBIDDEN_KEY: textCase('{\n  "a": {\n    "__proto__": {"polluted": true}\n  }\n}', '/a/__proto__'),
  LIMIT_EXCEEDED: textCase(`{\n  "list": [${new Array(LIMITS.arrayItems + 1).fill(0).join(',')}]\n}`, '/list'),

  SET_SCHEMA: setCase((s) => (s.version = '26'), '/version'),
  SET_PERIOD: setCase((s) => (s.period.from = '2027-01-01'), '/period'),
  SET_DUPLICATE_CODE: setCase((s) => (leaf(s, 0, 1).code = '1.1'), '/fields/0/children/1/code'),
  SET_CODE_NOT_NESTED: setCase((s) => (leaf(s, 0, 1).code = '9.2'), '/fields/0/children/1/code'),
  SET_CHILDREN_EXCEED_MAX: setCase((s) => (s.fields[0].max = 5), '/fields/0/max'),
  SET_CHILDREN_BELOW_MAX: setCase((s) => (s.fields[0].max = 7), '/fields/0/max'),
  SET_CAP_ABOVE_MAX: setCase((s) => (s.fields[0].cap = 7), '/fields/0/cap'),
  SET_FLOOR_ABOVE_MAX: setCase((s) => (leaf(s, 0, 0).floor = 2), '/fields/0/children/0/floor'),
  SET_POINTS_ABOVE_MAX: setCase((s) => (leaf(s, 0, 0).rule.points = 2), '/fields/0/children/0/rule/points'),
  SET_POINTS_BELOW_FLOOR: setCase((s) => (leaf(s, 0, 0).rule.otherwise = -1), '/fields/0/children/0/rule/otherwise'),
  SET_LEAF_WITHOUT_RULE: setCase((s) => delete leaf(s, 0, 0).rule, '/fields/0/children/0'),
  SET_PARENT_WITH_RULE: setCase((s) => (s.fields[0].rule = { type: 'boolean', input: 'plan_ok' }), '/fields/0'),
  SET_LEAF_WITHOUT_SOURCE: setCase((s) => delete leaf(s, 0, 0).source, '/fields/0/children/0'),
  SET_DUPLICATE_INPUT: setCase((s) => (leaf(s, 0, 1).inputs[0].id = 'plan_ok'), '/fields/0/children/1/inputs/0/id'),
  SET_DUPLICATE_ID: setCase((s) => (leaf(s, 1, 3).rule.parts[1].id = 'attended'), '/fields/1/children/3/rule/parts/1/id'),
  SET_UNDECLARED_INPUT: setCase((s) => (leaf(s, 0, 0).rule.input = 'nobody'), '/fields/0/children/0/rule/input'),
  SET_INPUT_TYPE: setCase((s) => (leaf(s, 0, 0).rule.input = 'plan_timing'), '/fields/0/children/0/rule/input'),
  SET_INPUT_OPTIONS: setCase((s) => leaf(s, 0, 0).inputs.push({ id: 'lv', type: 'level', label: 'l' }), '/fields/0/children/0/inputs/1'),
  SET_UNKNOWN_OPTION: setCase((s) => (leaf(s, 0, 1).rule.points.early = 1), '/fields/0/children/1/rule/points/early'),
  SET_MISSING_OPTION: setCase((s) => delete leaf(s, 0, 1).rule.points.none, '/fields/0/children/1/rule/points'),
  SET_FRACTION_RANGE: setCase((s) => (leaf(s, 0, 4).rule.fractions.vice = 1.5), '/fields/0/children/4/rule/fractions/vice'),
  SET_TIER_BOUNDS: setCase((s) => delete leaf(s, 1, 1).rule.tiers[1].minInclusive, '/fields/1/children/1/rule/tiers/1'),
  SET_TIER_OVERLAP: setCase((s) => (leaf(s, 1, 1).rule.tiers[1].max = 85), '/fields/1/children/1/rule/tiers/0'),
  SET_TIER_GAP: setCase((s) => (leaf(s, 1, 1).rule.tiers[1].min = 60), '/fields/1/children/1/rule/tiers'),
  SET_BAND_OVERLAP: setCase((s) => (s.classification[1].max = 95), '/classification/0'),
  SET_BAND_BOUNDS: setCase((s) => delete s.classification[1].maxInclusive, '/classification/1'),
  SET_ZERO_RANGE: setCase((s) => (leaf(s, 1, 2).rule.fullAt = 0), '/fields/1/children/2/rule/fullAt'),
  SET_EXPRESSION_OPERATOR: setCase((s) => (leaf(s, 1, 4).rule.logic = { method: [{ var: 'dossiers' }, 'toString'] }), '/fields/1/children/4/rule/logic/method'),
  SET_EXPRESSION_SHAPE: setCase((s) => (leaf(s, 1, 4).rule.logic = { '/': [1] }), '/fields/1/children/4/rule/logic/~1'),
  SET_EXPRESSION_DEPTH: setCase(
    (s) => {
      let c: J = { input: 'plan_ok', is: true };
      for (let i = 0; i < LIMITS.expressionDepth + 1; i++) c = { not: c };
      leaf(s, 0, 3).rule.conditions = [c];
    },
    '/fields/0/children/3/rule/conditions/0' + '/not'.repeat(LIMITS.expressionDepth + 1),
  ),
  SET_EXPRESSION_SIZE: setCase((s) => (leaf(s, 1, 4).rule.logic = { '+': new Array(LIMITS.expressionNodes).fill(1) }), '/fields/1/children/4/rule/logic'),
  SET_DEPTH: setCase((s) => {
    let n: J = { code: '1.1', title: 't', max: 1, source: { document: 'd' }, rule: { type: 'boolean', input: 'docs_assigned' } };
    for (let l = 0; l < LIMITS.treeDepth; l++) n = { code: '1.1', title: 't', max: 1, children: [n] };
    s.fields.push({ code: '5', title: 't', max: 1, children: [n] });
    s.fields[3].max = 4;
  }, '/fields/4' + '/children/0'.repeat(LIMITS.treeDepth)),
  SET_GIVEN_RANGE: setCase((s) => (leaf(s, 1, 1).rule = { type: 'given', input: 'online_rate' }), '/fields/1/children/1/rule/input'),
  SET_PART_NOT_ON_FIELD: setCase((s) => (leaf(s, 0, 0).part = 'assessment'), '/fields/0/children/0/part'),
  SET_ROUNDING_PART: setCase((s) => (s.rounding = [{ level: 'part', part: 'surveys', places: 2, mode: 'halfUp' }]), '/rounding/0/part'),
  SET_NOT_FOUND: {
    run() {
      try {
        mkdirSync(join(tmp, 'empty-lib'), { recursive: true });
        new SetLibrary(join(tmp, 'empty-lib')).get('nope@2026');
      } catch (e) {
        if (e instanceof ParindexError) return e.diagnostics;
        throw e;
      }
      return [];
    },
    path: '',
  },
  SET_SOURCE_CITES_FILE: setCase((s) => (leaf(s, 1, 1).source = { document: 'Kế hoạch 1/KH-UBND', note: 'Theo docs/DOMAIN.md' }), '/fields/1/children/1/source/note'),
  SET_SOURCE_NOT_DOCUMENT: setCase((s) => (leaf(s, 1, 1).source = { document: 'Các dạng quy tắc thường gặp' }), '/fields/1/children/1/source/document'),
  // Tier 0 is "above 80"; the plan's "từ 80% trở lên" includes 80.
  SET_SOURCE_QUOTE_BOUND: setCase((s) => (leaf(s, 1, 1).source = { document: 'Kế hoạch 1/KH-UBND', quote: 'đạt từ 80% trở lên' }), '/fields/1/children/1/source/quote'),
  SET_SOURCE_QUOTE_TIER: setCase((s) => (leaf(s, 1, 1).source = { document: 'Kế hoạch 1/KH-UBND', quote: 'trên 80%', quoteTier: 3 }), '/fields/1/children/1/source/quoteTier'),
  // Tier 0 is "above 80": a label that says "từ 80%" (80 included) is wrong.
  SET_TIER_LABEL_BOUND: setCase((s) => (leaf(s, 1, 1).rule.tiers[0].label = 'Đạt: từ 80%'), '/fields/1/children/1/rule/tiers/0/label'),
  SET_AMBIGUOUS: {
    run() {
      const dir = join(tmp, 'lib');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a.json'), JSON.stringify(set()));
      writeFileSync(join(dir, 'b.json'), JSON.stringify(set()));
      return new SetLibrary(dir).diagnostics;
    },
    path: '',
  },
  // The scoring entry compiles only a shipped set or one whose hash is pinned: this set is neither.
  SET_NOT_PINNED: {
    run() {
      try {
        compileShippedOrPinned(set());
      } catch (e) {
        if (e instanceof ParindexError) return e.diagnostics;
      }
      return [];
    },
    path: '',
  },

  // A set compiled by the scoring entry scores in the compact form until the advice is attached.
  SCORE_NEEDS_ADVICE: {
    run() {
      const s = set();
      try {
        score(compileShippedOrPinned(s, { sha256: hashJson(s) }), evidence());
      } catch (e) {
        if (e instanceof ParindexError) return e.diagnostics;
      }
      return [];
    },
    path: '',
  },

  EVIDENCE_SCHEMA: evidenceCase((e) => (e.entries[3].values = 'on_time'), '/entries/3/values'),
  EVIDENCE_SET_MISMATCH: evidenceCase((e) => (e.criteriaSet = 'test.shapes@2025'), '/criteriaSet'),
  EVIDENCE_PERIOD_MISMATCH: evidenceCase((e) => (e.period.to = '2026-06-30'), '/period'),
  EVIDENCE_LEVEL_NOT_IN_SET: evidenceCase(
    (e) => (e.unit.level = 'district'),
    '/unit/level',
    (s) => (s.unitLevels = ['commune', 'ward', 'specialZone']),
  ),
  EVIDENCE_UNIT_BLANK: evidenceCase((e) => (e.unit.code = ' '), '/unit/code'),
  EVIDENCE_UNKNOWN_CRITERION: evidenceCase((e) => e.entries.push({ criterion: '9.9', values: { x: 1 } }), '/entries/17/criterion'),
  EVIDENCE_UNKNOWN_INPUT: evidenceCase((e) => (e.entries[3].values.plan_ok = true), '/entries/3/values/plan_ok'),
  EVIDENCE_DUPLICATE_VALUE: evidenceCase((e) => e.entries.push({ input: 'docs_assigned', value: true }), '/entries/17/value'),
  EVIDENCE_DUPLICATE_CLAIM: evidenceCase((e) => {
    e.entries[2].claimedPoints = 1;
    e.entries.push({ criterion: '1.1', claimedPoints: 1 });
  }, '/entries/17/claimedPoints'),
  EVIDENCE_VALUE_TYPE: evidenceCase((e) => (e.entries[2].values.plan_ok = 'maybe'), '/entries/2/values/plan_ok'),
  EVIDENCE_DECIMAL_COMMA: evidenceCase((e) => (e.entries[8].values.online_rate = '95,5'), '/entries/8/values/online_rate'),
  EVIDENCE_VALUE_RANGE: evidenceCase((e) => (e.entries[7].values.resolved = -5), '/entries/7/values/resolved'),
  EVIDENCE_UNKNOWN_OPTION: evidenceCase((e) => (e.entries[3].values.plan_timing = 'early'), '/entries/3/values/plan_timing'),
  EVIDENCE_EXCEEDS_OTHER: evidenceCase((e) => (e.entries[7].values.resolved_on_time = 1301), '/entries/7/values/resolved_on_time'),
  EVIDENCE_DATE_OUTSIDE_PERIOD: evidenceCase((e) => (e.entries[4].values.q1_sent = '2025-12-31'), '/entries/4/values/q1_sent'),
  EVIDENCE_DOCUMENT_INCOMPLETE: evidenceCase((e) => delete e.entries[2].documents[0].number, '/entries/2/documents/0'),
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: evidenceCase((e) => (e.entries[2].documents[0].date = '2025-12-20'), '/entries/2/documents/0/date'),
  EVIDENCE_UNKNOWN_REQUIREMENT: evidenceCase((e) => (e.entries[2].documents[0].for = 'budget_doc'), '/entries/2/documents/0/for'),
  EVIDENCE_NOT_APPLICABLE_VALUE: evidenceCase((e) => (e.entries[0].value = false), '/entries/12'),
  EVIDENCE_UNUSED_ENTRY: evidenceCase((e) => e.entries.push({ criterion: '1', documents: [{ number: '1/QĐ', date: '2026-02-01' }] }), '/entries/17'),
  EVIDENCE_DOCUMENT_WITHOUT_FOR: evidenceCase(
    (e) => (e.entries[2].documents[0] = { number: '15/TB-UBND', date: '2026-01-10', title: 'Thông báo' }),
    '/entries/2/documents/0',
    (s) => s.fields[0].children[0].documents.push({ id: 'budget_doc', kind: 'Quyết định', label: 'Quyết định giao kinh phí' }),
  ),
  EVIDENCE_DOCUMENT_AFTER_DEADLINE: evidenceCase(
    (e) => (e.entries[4].documents = [{ number: '5/BC-UBND', date: '2026-03-25', title: 'Báo cáo quý I' }]),
    '/entries/4/documents/0/date',
    (s) => (s.fields[0].children[2].rule.items = s.fields[0].children[2].rule.items.slice(0, 1)),
  ),
  EVIDENCE_THOUSANDS_READ: evidenceCase((e) => (e.entries[7].values.resolved = '1.300'), '/entries/7/values/resolved'),
  EVIDENCE_NUMBER_AMBIGUOUS: evidenceCase((e) => (e.entries[7].values.resolved = '1,300'), '/entries/7/values/resolved'),
  EVIDENCE_DATE_READ: evidenceCase((e) => (e.entries[4].values.q1_sent = '18/03/2026'), '/entries/4/values/q1_sent'),
  EVIDENCE_DATE_NOT_REAL: evidenceCase((e) => (e.entries[4].values.q1_sent = '2026-02-30'), '/entries/4/values/q1_sent'),
  EVIDENCE_LEVEL_BY_LABEL: evidenceCase((e) => (e.entries[3].values.plan_timing = 'Đúng hạn'), '/entries/3/values/plan_timing'),

  SCORE_MISSING_INPUT: evidenceCase((e) => delete e.entries[3].values.plan_timing, '/entries/3'),
  SCORE_MISSING_DOCUMENT: evidenceCase((e) => delete e.entries[2].documents, '/entries/2'),
  SCORE_DIVISION_BY_ZERO: evidenceCase((e) => (e.entries[11].values = { dossiers: 0, digitised: 0 }), '/entries/11'),
  SCORE_EXPRESSION: evidenceCase(
    () => {},
    '/entries/11',
    (s) => (leaf(s, 1, 4).rule.logic = { '+': [{ var: 'dossiers' }, 'abc'] }),
  ),
  SCORE_NOT_APPLICABLE_BY_VALUE: evidenceCase((e) => (e.entries[9].values = { payments: 0, online_payments: 0 }), '/entries/9'),
  SCORE_TOO_FEW_ANSWERS: evidenceCase((e) => (e.entries[16].values = { satisfaction: {} }), '/entries/16'),
  SCORE_NO_TIER: evidenceCase(
    (e) => (e.entries[7].values = { resolved: 100, resolved_on_time: -5 }),
    '/entries/7',
    (s) => {
      // A ratio of two decimals, tiers from 0 up: the checks take a ratio to be ≥ 0, a negative numerator
      // falls in no tier.
      leaf(s, 1, 0).inputs = [
        { id: 'resolved', type: 'decimal', label: 'l' },
        { id: 'resolved_on_time', type: 'decimal', label: 'l' },
      ];
      leaf(s, 1, 0).rule.tiers[4] = { min: 0, minInclusive: true, max: 50, maxInclusive: false, points: 0 };
    },
  ),
  SCORE_GIVEN_OUT_OF_RANGE: evidenceCase(
    () => {},
    '/entries/8',
    // 2.2 (maximum 1) takes its points as given: the evidence's 85 is far above it.
    (s) => (leaf(s, 1, 1).rule = { type: 'given', input: 'online_rate' }),
  ),
  SCORE_CLAIM_MISMATCH: evidenceCase((e) => (e.entries[2].claimedPoints = 0.5), '/entries/2/claimedPoints'),
  SCORE_CLAIM_ON_PARENT: evidenceCase((e) => e.entries.push({ criterion: '1', claimedPoints: 1 }), '/entries/17/claimedPoints'),
  SCORE_NEEDS_EXPLANATION: evidenceCase(
    (e) => delete e.entries[2].documents,
    '/entries/2',
    (s) => (s.policies.missingEvidence = 'scoreAndFlag'),
  ),

  APPRAISAL_SCHEMA: appraisalCase([{ criterion: '1.1', points: 1 }], '/rounds/0/items/0/reason'),
  APPRAISAL_EVIDENCE_MISMATCH: appraisalCase([], '/evidence', { sha: '0'.repeat(64) }),
  APPRAISAL_UNKNOWN_ROUND: appraisalCase([], '/rounds', { round: 'round9' }),
  APPRAISAL_ANSWER_CHANGES_SCORE: appraisalCase([{ criterion: '1.1', points: 1, reason: 'we did it' }], '/rounds/0/items/0/points', { kind: 'answer' }),
  APPRAISAL_OVERRIDE_RANGE: appraisalCase([{ criterion: '1.1', points: 2, reason: 'r' }], '/rounds/0/items/0/points'),
  APPRAISAL_UNKNOWN_CRITERION: appraisalCase([{ criterion: '1', points: 1, reason: 'r' }], '/rounds/0/items/0/criterion'),
  APPRAISAL_DUPLICATE_ROUND: appraisalCase([], '/rounds/1/id', { second: { id: 'round1' } }),
  APPRAISAL_REPEATED_ITEM: appraisalCase(
    [
      { criterion: '1.1', points: 1, reason: 'r' },
      { criterion: '1.1', points: 0, reason: 'r' },
    ],
    '/rounds/0/items/1/criterion',
  ),
  APPRAISAL_BLANK_REASON: appraisalCase([{ criterion: '1.1', points: 1, reason: '  ' }], '/rounds/0/items/0/reason'),
  APPRAISAL_DATE_READ: appraisalCase([], '/rounds/0/date', { date: '20/01/2027' }),
  APPRAISAL_POINTS_READ: appraisalCase([{ criterion: '1.1', points: '0,5', reason: 'Điều chỉnh theo hồ sơ' }], '/rounds/0/items/0/points'),
  APPRAISAL_ROUND_ID_ORDER: { ...appraisalCase([], '/rounds/1/id', { second: { id: 'round0' } }) },
  APPRAISAL_ROUND_DATE_ORDER: appraisalCase([], '/rounds/1/date', { date: '2027-02-01', second: { id: 'round2', date: '2027-01-15' } }),

  USAGE_UNKNOWN_COMMAND: usageCase(() => ['scroe']),
  USAGE_UNKNOWN_OPTION: usageCase(() => ['validate', '--fromat', 'x.json']),
  USAGE_OPTION_VALUE: usageCase(() => ['validate', 'x.json', '--out']),
  USAGE_INVALID_VALUE: usageCase(() => ['validate', '--format', 'pdf', 'x.json']),
  USAGE_MISSING_ARGUMENT: usageCase(() => ['score']),
  USAGE_UNEXPECTED_ARGUMENT: usageCase(() => ['score', 'a.json', 'b.json']),
  USAGE_OPTION_REQUIRES: usageCase(() => ['score', '--round', 'round1', example('vinh-bao/par-2026.json')]),
  USAGE_DIFF_FILES: usageCase(() => ['diff', example('vinh-bao/par-2026.json')]),
  USAGE_DIFF_SIDES: usageCase(() => ['diff', '--appraisal', example('vinh-bao/appraisal-2026.json'), example('vinh-bao/par-2026.json'), example('vinh-bao/par-2026.json')]),
  USAGE_APPRAISAL_ON_RESULT: usageCase(async () => ['diff', '--appraisal-a', example('vinh-bao/appraisal-2026.json'), await savedResult(), example('kien-tho/targets-2026.json')]),
  USAGE_NO_FILES: usageCase(() => {
    mkdirSync(join(tmp, 'no-files'), { recursive: true });
    return ['rank', join(tmp, 'no-files')];
  }),
  USAGE_ROUND_WITHOUT_APPRAISAL: usageCase(() => ['rank', '--quiet', '--round', 'round1', '--threads', '1', example('kien-tho/targets-2026.json')]),
  USAGE_THREADS: usageCase(() => ['rank', '--threads', '0', 'x.json']),
  USAGE_BINARY_TERMINAL: {
    // stdout a terminal, as when an officer types the command without --out.
    async run() {
      const saved = process.stdout.isTTY;
      process.stdout.isTTY = true;
      try {
        return await usageCase(() => ['score', example('vinh-bao/par-2026.json'), '--format', 'docx']).run();
      } finally {
        process.stdout.isTTY = saved;
      }
    },
    path: '',
  },

  PLAN_SCHEMA: planCase((p) => (p.tasks[0].deadline.kind = 'weekly'), '/tasks/0/deadline/kind'),
  PROGRESS_SCHEMA: progressCase((p) => (p.tasks[0].status = 'xong'), '/tasks/0/status'),
  PLAN_FILE_KIND: cliErrorCase(['score', '--quiet', join(ROOT, 'plans/kien-tho/2026-cchc.json')]),
  PLAN_DUPLICATE_TASK: planCase((p) => (p.tasks[1].id = 'T1'), '/tasks/1/id'),
  PLAN_UNKNOWN_FIELD: planCase((p) => (p.tasks[0].field = 'chi_daoo'), '/tasks/0/field'),
  PLAN_MAPPING_TASK: planCase((p) => (p.serves.inputs[3].task = 'T11'), '/serves/inputs/3/task'),
  PLAN_QUOTE: planCase((p) => (p.tasks[0].quote = ['Nhiệm vụ có', 'hạn một tuần']), '/tasks/0/quote'),
  PLAN_PERIOD: planCase((p) => (p.period.from = '2027-01-01'), '/period'),
  PLAN_NO_TARGETS: cliErrorCase(['plan', 'targets', join(ROOT, 'plans/vinh-bao/2025-h2-cchc.json'), example('kien-tho/targets-2026.json')]),
  PLAN_SET_MISMATCH: { ...cliErrorCase(['score', '--quiet', example('kien-tho/dti-2026.json'), '--plan', join(ROOT, 'plans/kien-tho/2026-cchc.json')]), path: '/serves/criteriaSet' },
  PLAN_UNKNOWN_INPUT: {
    run() {
      const p = planValue();
      p.serves.inputs[1].input = 'plan_tasks_due';
      const par = compile(JSON.parse(readFileSync(join(ROOT, 'rules/sets/model.commune-par/2026.json'), 'utf8')));
      return planAgainstSet(parsePlan(p).value as Plan, par);
    },
    path: '/serves/inputs/1/input',
  },
  PLAN_INPUT_OVERRIDDEN: {
    run() {
      const plan = parsePlan(planValue()).value as Plan;
      const d = derive(plan, parseProgress(progressValue()).value as Progress, YEAR);
      const ev = { entries: [{ criterion: '1.1.3', values: { plan_tasks_total: 10 } }] };
      return applyDerived(ev, d, plan.id).diagnostics;
    },
    path: '/entries/0/values/plan_tasks_total',
  },
  PROGRESS_PLAN_MISMATCH: progressCase((p) => (p.plan = 'test.other'), '/plan'),
  PROGRESS_UNKNOWN_TASK: progressCase((p) => (p.tasks[0].task = 'T01'), '/tasks/0/task'),
  PROGRESS_DUPLICATE_TASK: progressCase((p) => (p.tasks[1].task = 'T1'), '/tasks/1/task'),
  PROGRESS_DONE_WITHOUT_PRODUCT: progressCase(() => undefined, '/tasks/2/status'),
  PROGRESS_PRODUCT_NOT_DONE: progressCase((p) => {
    p.tasks[0].status = 'inProgress';
  }, '/tasks/0/status'),
  PROGRESS_LATE: progressCase(() => undefined, '/tasks/1/products/0/date'),
  PROGRESS_PLAN_NOT_GIVEN: { run: () => checkProgressFile(readJsonFile(join(PLAN_DIR, 'mixed.progress.json')), new Map()), path: '/plan' },
  ...workbookCases(tmp),
  USAGE_NUMBER: usageCase(() => ['serve', '--port', '70000']),
};

/** A worker module as a data: URL (the server's worker needs a build; these stand-ins do not). */
const workerOf = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(code)}`);
const SILENT_WORKER = workerOf("import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});");

/** The diagnostics of one API answer (JSON text). */
const answerDiagnostics = (body: string): Diagnostic[] => (JSON.parse(body) as { diagnostics: Diagnostic[] }).diagnostics;

/** A request to the API's HTTP side (no socket: the app's fetch), its workers stand-ins that never answer. */
function apiCase(path: string, init: RequestInit = {}, loopbackOnly = false): Case {
  return {
    async run() {
      const api = createApp({ threads: 1, maxBodyBytes: 10, workerUrl: SILENT_WORKER, loopbackOnly });
      try {
        return answerDiagnostics(await (await api.app.fetch(new Request(`http://127.0.0.1${path}`, init))).text());
      } finally {
        await api.close();
      }
    },
    path: '',
  };
}

/** A job given to runner workers (data: modules), with the runner's limits. */
function runnerCase(worker: URL, options: { timeoutMs?: number; maxPending?: number; busy?: boolean } = {}): Case {
  return {
    async run() {
      const runner = new Runner({ threads: 1, timeoutMs: options.timeoutMs ?? 60_000, maxPending: options.maxPending ?? 8, workerUrl: worker });
      const job = { route: 'score', text: '{}', lang: 'vi', query: {}, maxBytes: 100 } as const;
      // `busy`: the one worker is given a job first (and never answers it).
      if (options.busy) void runner.run(job);
      try {
        return answerDiagnostics((await runner.run(job)).body);
      } finally {
        await runner.close();
      }
    },
    path: '',
  };
}

const API_CASES: Record<Extract<DiagnosticCode, `API_${string}`>, Case> = {
  API_BODY_TOO_LARGE: apiCase('/v1/score', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"entries": []}' }),
  API_TIMEOUT: runnerCase(SILENT_WORKER, { timeoutMs: 20 }),
  API_NOT_FOUND: apiCase('/v1/scores'),
  API_METHOD_NOT_ALLOWED: apiCase('/v1/score'),
  API_CONTENT_TYPE: apiCase('/v1/score', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }),
  API_BODY_SHAPE: { run: () => answerDiagnostics(answer({ id: 1, route: 'score', text: '{"hello": 1}', lang: 'vi', query: {}, maxBytes: 100 }).body), path: '' },
  API_QUERY_VALUE: apiCase('/v1/score?lang=fr', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
  API_INTERNAL: runnerCase(workerOf('process.exit(3);')),
  API_BUSY: runnerCase(SILENT_WORKER, { maxPending: 0, busy: true }),
  API_PAGE_NOT_BUILT: apiCase('/', { headers: { accept: 'application/json' } }),
  API_HOST_REFUSED: apiCase('/v1/health', { headers: { host: 'evil.example:8080' } }, true),
  API_LISTEN_FAILED: {
    async run() {
      const taken = createNetServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      try {
        await dispatch(['serve', '--port', String((taken.address() as { port: number }).port), '--threads', '1']);
      } catch (e) {
        if (e instanceof CliError) return e.diagnostics;
        throw e;
      } finally {
        taken.close();
      }
      return [];
    },
    path: '',
  },
};
const CASES: Record<DiagnosticCode, Case> = { ...FILE_AND_CLI_CASES, ...API_CASES };

describe('every code is produced by some input', () => {
  it('has a case for every code, and no case for a code that does not exist', () => {
    expect(Object.keys(CASES).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
  });
  it('says its Vietnamese sentences in Vietnamese (no English hint, type or place inside them)', async () => {
    const vi = async (code: DiagnosticCode) => diagnosticText((await CASES[code].run()).find((d) => d.code === code)!, 'vi');
    expect(await vi('JSON_NOT_OBJECT')).toBe('Tệp phải chứa một đối tượng JSON {…}, không phải một mảng [...].');
    expect(await vi('SET_DUPLICATE_ID')).toBe('Mã "attended" bị dùng hai lần trong các phần của "2.4".');
    expect(await vi('LIMIT_EXCEEDED')).toBe('Quá nhiều mục trong một danh sách: 20.001; giới hạn là 20.000.');
  });
  for (const code of DIAGNOSTIC_CODES) {
    it(code, async () => {
      const c = CASES[code];
      const all = await c.run();
      const found = all.filter((d) => d.code === code);
      expect(found.length, `no ${code} diagnostic`).toBeGreaterThan(0);
      expect(found.map((d) => d.path)).toContain(c.path);
      const d = found.find((x) => x.path === c.path)!;
      expect(d.severity).toBe(SEVERITY[code]);
      // Every diagnostic of the input in words: filled in, and each language only itself.
      for (const x of all) {
        const vi = diagnosticText(x, 'vi');
        const en = diagnosticText(x, 'en');
        for (const text of [vi, en]) expect(unfilledIn(text, x.params), `${x.code}: ${text}`).toEqual([]);
        expect(englishWordsIn(vi, x.params), `${x.code}: ${vi}`).toEqual([]);
        expect(vietnameseIn(en, x.params), `${x.code}: ${en}`).toEqual([]);
      }
      if (c.text !== undefined && c.located !== false) {
        expect(d.line, `${code} has no line`).toBeTypeOf('number');
        expect(d.column).toBeTypeOf('number');
        expect(pointsAtPath(c.text, d), `${code} at ${d.line}:${d.column} does not point at ${d.path}`).toBe(true);
      }
    });
  }
});

describe('the value path refuses what the file path refuses', () => {
  it('a value built with Object.create(null) is validated like any other', () => {
    const s = Object.assign(Object.create(null), set());
    expect(compile(s).ref).toBe('test.shapes@2026');
    s.version = '26';
    expect(parseCriteriaSet(s).diagnostics.map((d) => d.code)).toEqual(['SET_SCHEMA']);
  });
  it('an own "__proto__" key (as JSON.parse makes it) is JSON_FORBIDDEN_KEY on both paths', () => {
    const text = JSON.stringify(set()).replace('"formatVersion"', '"__proto__": {"isAdmin": true}, "formatVersion"');
    const value = JSON.parse(text);
    expect(Object.keys(value)).toContain('__proto__');
    // The only error (the set's own warnings, if any, come with it: validate goes on past the key).
    expect(validateSetText(text).diagnostics.filter((d) => d.severity === 'error')).toMatchObject([{ code: 'JSON_FORBIDDEN_KEY', path: '/__proto__', line: 1 }]);
    expect(() => compile(value)).toThrow(ParindexError);
    expect(({} as J).isAdmin).toBeUndefined();
  });
});
