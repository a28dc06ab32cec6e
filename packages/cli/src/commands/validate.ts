/**
 * `parindex validate <file…>`: criteria sets, evidence and appraisal files (the kind is detected from
 * the content). Every problem of every file at once; exit 1 when any file has an error.
 */
import { defineCommand } from 'citty';
import { diag, hasErrors, type Diagnostic } from '@parindex/rules';
import { checkEvidence, checkRounds, hashJson, parseAppraisal, salvageAppraisal, score, ParindexError, type Appraisal, type CompiledSet } from '../engine.js';
import { validateDocument } from '@parindex/explain';
import { CliError, detectKind, formatDiagnostic, kindDiagnostic, locateIn, readJsonFile, type FileKind, type JsonFile } from '../io.js';
import { compiledForEvidence, locateScoreDiagnostics, savedResultDiagnostics } from '../load.js';
import { terminalText } from '../format/escape.js';
import { emit, outputOptions, rulesArg, type Ctx } from './common.js';
import { checkPlanFile, checkProgressFile } from './validate-plan.js';
import { reproduced } from './validate-result.js';
import type { Plan } from '@parindex/plans';

export interface FileReport {
  file: string;
  kind: FileKind | null;
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
  /** A valid file's canonical SHA-256: a set's (the hash results carry, and the one the scoring entry pins), an evidence's (an appraisal's `evidence.sha256`) or an appraisal's. */
  sha256?: string;
  /** A saved result's: the evidence file it was scored again from, and found the same. */
  reproducedFrom?: string;
}

async function compiledOrDiagnostics(f: JsonFile, rules: string | undefined): Promise<{ compiled?: CompiledSet; diagnostics: Diagnostic[] }> {
  try {
    return { compiled: await compiledForEvidence(f, rules), diagnostics: [] };
  } catch (e) {
    if (e instanceof CliError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

/** An evidence file that checked without errors, with its set: appraisals given with it are scored against it. */
interface Checked {
  file: JsonFile;
  compiled: CompiledSet;
}

/**
 * The evidence files of the run: those without errors by their hash; every one by its unit code (their
 * hashes and files, in order); and the appraisals without errors by their hash (saved results are scored
 * again from these).
 */
interface GivenEvidence {
  byHash: Map<string, Checked>;
  byUnit: Map<string, Array<{ sha256: string; file: string }>>;
  appraisals: Map<string, unknown>;
  plans: Map<string, JsonFile>;
  progress: Map<string, JsonFile>;
  /** Saved results scored again and found the same, by file: the evidence file each was scored from. */
  reproduced: Map<string, string>;
}

const unitCodeOf = (v: unknown): unknown => (v as { unit?: { code?: unknown } } | undefined)?.unit?.code;

async function checkEvidenceFile(f: JsonFile, rules: string | undefined, given: GivenEvidence): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [...f.diagnostics];
  const unit = unitCodeOf(f.value);
  // An appraisal of this unit whose hash none of the unit's files has is of changed evidence.
  if (typeof unit === 'string') {
    const files = given.byUnit.get(unit) ?? [];
    files.push({ sha256: hashJson(f.value), file: f.file });
    given.byUnit.set(unit, files);
  }
  const c = await compiledOrDiagnostics(f, rules);
  for (const d of c.diagnostics) out.push(d);
  if (!c.compiled) return out;
  const found = locateScoreDiagnostics(checkEvidence(c.compiled, f.value), f, undefined);
  // One by one: a spread of 100,000 diagnostics overflows the stack.
  for (const d of found) out.push(d);
  // Only evidence without an error (its file's included) stands for the appraisals given with it.
  if (!hasErrors(found) && !hasErrors(f.diagnostics)) given.byHash.set(hashJson(f.value), { file: f, compiled: c.compiled });
  return out;
}

/** The appraisal's own warnings among a scoring's (rounds out of order, a date or points read): the evidence's are its file's. */
const ofAppraisal = (d: Diagnostic) => d.severity === 'warning' && (d.code.startsWith('APPRAISAL_') || d.path.startsWith('/rounds'));

/** Score every round against its evidence: the engine reports every appraisal problem (once), its warnings too. */
function scoreRounds(f: JsonFile, appraisal: Appraisal, ev: Checked, out: Diagnostic[]): void {
  const seen = new Set(out.map((x) => `${x.code}|${x.file}|${x.path}`));
  const add = (list: readonly Diagnostic[]) => {
    for (const d of locateScoreDiagnostics(list, ev.file, f)) {
      const key = `${d.code}|${d.file}|${d.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  };
  for (const round of appraisal.rounds) {
    try {
      add(score(ev.compiled, ev.file.value, { appraisal: f.value, round: round.id }).diagnostics.filter(ofAppraisal));
    } catch (e) {
      if (!(e instanceof ParindexError)) throw e;
      add(e.diagnostics);
    }
  }
}

/**
 * An appraisal without its evidence: its rounds and criteria checked against its set; and when an
 * evidence file of its unit was given with another hash, that the evidence changed since it was made.
 */
async function checkAppraisalAlone(f: JsonFile, appraisal: Appraisal, rules: string | undefined, out: Diagnostic[], given: GivenEvidence, skip: ReadonlySet<string> = new Set()): Promise<void> {
  const files = given.byUnit.get(appraisal.evidence.unit) ?? [];
  const other = files.some((x) => x.sha256 === appraisal.evidence.sha256) ? undefined : files[0];
  const expected = { expectedUnit: appraisal.evidence.unit, expectedSha256: appraisal.evidence.sha256 };
  if (other) out.push(...locateIn([diag('APPRAISAL_EVIDENCE_MISMATCH', '/evidence', { field: 'evidence', ...expected, givenUnit: appraisal.evidence.unit, givenSha256: other.sha256 })], f));
  out.push(...locateIn(checkRounds(appraisal, skip), f));
  const c = await compiledOrDiagnostics(f, rules);
  for (const d of c.diagnostics) out.push(d);
  if (!c.compiled) return;
  appraisal.rounds.forEach((r, ri) =>
    r.items.forEach((it, ii) => {
      if (skip.has(`/rounds/${ri}`) || skip.has(`/rounds/${ri}/items/${ii}`)) return;
      if (!c.compiled!.nodes.get(it.criterion)?.isLeaf)
        out.push(...locateIn([diag('APPRAISAL_UNKNOWN_CRITERION', `/rounds/${ri}/items/${ii}/criterion`, { code: it.criterion, set: c.compiled!.ref })], f));
    }),
  );
}

/**
 * An appraisal the schema refuses, given with its evidence: the schema's problems and, the refused parts
 * taken out, those of its rounds (the engine's checkEvidence), each in the appraisal file.
 */
async function refusedAppraisal(f: JsonFile, rules: string | undefined, given: GivenEvidence): Promise<Diagnostic[]> {
  const sha = (f.value as { evidence?: { sha256?: unknown } } | undefined)?.evidence?.sha256;
  const ev = typeof sha === 'string' ? given.byHash.get(sha) : undefined;
  if (!ev) {
    // Without its evidence: the schema's problems, and the criteria of the items it accepts.
    const schema = parseAppraisal(f.value).diagnostics;
    const c = await compiledOrDiagnostics(f, rules);
    const salvaged = c.compiled ? salvageAppraisal(f.value, schema, c.compiled, { unit: '', sha256: '' }) : undefined;
    // The salvage's list: the schema's, with dates written day first read (APPRAISAL_DATE_READ).
    const out = locateIn(salvaged?.diagnostics ?? schema, f);
    if (salvaged) await checkAppraisalAlone(f, salvaged.appraisal, rules, out, given, salvaged.skip);
    return out;
  }
  const found = locateScoreDiagnostics(checkEvidence(ev.compiled, ev.file.value, { appraisal: f.value }), ev.file, f);
  // The evidence's own problems are reported with the evidence file.
  return found.filter((d) => d.file === f.file);
}

async function checkAppraisalFile(f: JsonFile, rules: string | undefined, given: GivenEvidence): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [...f.diagnostics];
  const parsed = parseAppraisal(f.value);
  if (!parsed.value) return [...out, ...(await refusedAppraisal(f, rules, given))];
  const ev = given.byHash.get(parsed.value.evidence.sha256);
  if (ev) scoreRounds(f, parsed.value, ev, out);
  else await checkAppraisalAlone(f, parsed.value, rules, out, given);
  return out;
}

/** Every problem of one file that parsed, by its kind. */
async function checkFile(f: JsonFile, kind: FileKind | null, rules: string | undefined, given: GivenEvidence, plans: Map<string, Plan>): Promise<Diagnostic[]> {
  if (kind === null) return [...f.diagnostics, kindDiagnostic(f)];
  if (kind === 'plan') return checkPlanFile(f, rules, plans);
  if (kind === 'progress') return checkProgressFile(f, plans);
  if (kind === 'set') return (await import('@parindex/rules/node')).validateSetText(f.text, f.file).diagnostics;
  if (kind === 'evidence') return checkEvidenceFile(f, rules, given);
  if (kind === 'appraisal') return checkAppraisalFile(f, rules, given);
  // A saved result (score --format json) must follow the published result schema, and be what its files score.
  const schema = await savedResultDiagnostics(f);
  if (hasErrors(schema)) return [...f.diagnostics, ...schema];
  const again = reproduced(f, { evidence: given.byHash, appraisals: given.appraisals, plans: given.plans, progress: given.progress });
  if (again.from !== undefined) given.reproduced.set(f.file, again.from);
  return [...f.diagnostics, ...schema, ...again.diagnostics];
}

/**
 * A file's problems in the order of its lines, as an officer goes through it: the checks find them stage
 * by stage (the schema, then the values, then the rounds). Those without a place (the whole file) come
 * first; the sort is stable, so problems at one place keep the order they were found in.
 */
function inFileOrder(list: Diagnostic[]): Diagnostic[] {
  const files = new Map<string | undefined, number>();
  for (const d of list) if (!files.has(d.file)) files.set(d.file, files.size);
  const key = (d: Diagnostic) => [files.get(d.file)!, d.line ?? 0, d.column ?? 0] as const;
  return list
    .map((d, i) => ({ d, i, k: key(d) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.d);
}

/** The problems, one per line, then the summary (terminal); or the summary document with the problems. */
function printReports(ctx: Ctx, reports: Array<FileReport & { diagnostics: Diagnostic[] }>): void {
  const lines: string[] = [];
  for (const r of reports) for (const d of r.diagnostics) if (!(ctx.quiet && d.severity === 'warning')) lines.push(formatDiagnostic(d, ctx.lang));
  const { summary, pins, doc } = validateDocument(reports, ctx.lang);
  if (ctx.format === 'table' && !ctx.out) {
    process.stdout.write((lines.length ? lines.join('\n') + '\n' : '') + [summary, ...pins.map(terminalText)].join('\n') + '\n');
    return;
  }
  if (ctx.format !== 'json' && ctx.format !== 'table') doc.push({ kind: 'list', items: lines });
  emit(ctx, doc, reports);
}

/** The formats this command writes: --help lists them, and any other is refused. */
const output = outputOptions();

export const validateCommand = Object.assign(
  defineCommand({
    meta: { name: 'validate', description: 'Check criteria-set, evidence and appraisal files: every problem with file:line:column / Kiểm tra tệp' },
    args: {
      files: { type: 'positional', required: true, description: 'Files to check (criteria sets, evidence, appraisals, plans, progress)', valueHint: 'file…' },
      rules: rulesArg,
      ...output.args,
    },
    async run({ args }) {
      const ctx = output.ctx(args);
      const read = [...args._].map((file) => readJsonFile(file));
      // A file refused only for problems that can be looked past is checked on (its `checkable` value) for the rest of them.
      const checked = read.map((f) => (f.value === undefined && f.checkable !== undefined ? { ...f, value: f.checkable } : f));
      const kinds = checked.map((f) => (f.value ? (detectKind(f.value) ?? null) : null));
      const given: GivenEvidence = { byHash: new Map(), byUnit: new Map(), appraisals: new Map(), plans: new Map(), progress: new Map(), reproduced: new Map() };
      const plans = new Map<string, Plan>();
      // Evidence and plans first, so that appraisal and progress files can be checked against those given
      // with them; saved results last, scored again from the evidence and appraisals given with them.
      const rankOf = (k: FileKind | null | undefined) => (k === 'evidence' || k === 'plan' ? 0 : k === 'result' ? 2 : 1);
      const order = read.map((_, i) => i).sort((a, b) => rankOf(kinds[a]) - rankOf(kinds[b]));
      const byIndex = new Map<number, FileReport>();
      for (const i of order) {
        const f = checked[i]!;
        const kind = kinds[i] ?? null;
        const diagnostics = inFileOrder(f.value ? await checkFile(f, kind, args.rules, given, plans) : [...f.diagnostics]);
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        const report: FileReport = { file: f.file, kind, valid: errors === 0, errors, warnings: diagnostics.length - errors, diagnostics };
        // What an auditor compares with a result's provenance and an appraisal's evidence.sha256.
        if ((kind === 'set' || kind === 'evidence' || kind === 'appraisal') && errors === 0) report.sha256 = hashJson(f.value);
        if (kind === 'appraisal' && errors === 0) given.appraisals.set(report.sha256!, f.value);
        if ((kind === 'plan' || kind === 'progress') && errors === 0) given[kind === 'plan' ? 'plans' : 'progress'].set(hashJson(f.value), f);
        const from = kind === 'result' && errors === 0 ? given.reproduced.get(f.file) : undefined;
        if (from !== undefined) report.reproducedFrom = from;
        byIndex.set(i, report);
      }
      const reports = read.map((_, i) => byIndex.get(i)!);
      printReports(ctx, reports);
      return reports.some((r) => !r.valid) ? 1 : 0;
    },
  }),
  { variadic: true },
);
