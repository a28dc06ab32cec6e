/**
 * `parindex rank <files or folders>`: score many units with ONE compiled set and rank them. A unit
 * that fails is reported (stderr and the output) and skipped; the others are still ranked; exit 1.
 * Appraisal files among the paths are paired with the evidence they name (its SHA-256): those units
 * are ranked on the appraisal (its last round, or --round), the others on their own score.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineCommand } from 'citty';
import { diag, ParindexError, type Diagnostic } from '@parindex/rules';
import { diagnosticText } from '@parindex/explain';
import { walkJsonFiles } from '@parindex/rules/files';
import { duplicateUnit, extra, rankedInstead, type AppraisalUnusedWhy, rankingJson, score, toSummary, unitKey, type CompiledSet, type ScoreSummary } from '../engine.js';
import { terminalText } from '../format/escape.js';
import { LOCALES, rankBandBlocks, rankDocument } from '@parindex/explain';
import { CliError, detectKind, formatDiagnostic, locateIn, preloadWorkbooks, readJsonFile, UsageError, type JsonFile } from '../io.js';
import { compiledForEvidence, locateScoreDiagnostics } from '../load.js';
import { startRankThreads, type Outcome, type RankThreads } from '../rank-threads.js';
import { rankWorker } from '../workers.js';
import { emitAny, outputOptions, roundArg, rulesArg, type Ctx } from './common.js';

/** A one-line progress bar on stderr (only on a terminal). */
export function progress(enabled: boolean, total: number): { tick(label: string, count?: number): void; done(): void } {
  if (!enabled || total === 0) return { tick() {}, done() {} };
  let n = 0;
  const width = 30;
  return {
    /** `count` files more are done, the last of them `label`. */
    tick(label: string, count = 1) {
      n += count;
      const filled = Math.round((n / total) * width);
      const safe = terminalText(label);
      const name = safe.length > 40 ? '…' + safe.slice(-39) : safe;
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total} ${name}\u001b[K`);
    },
    done() {
      process.stderr.write('\r\u001b[K');
    },
  };
}

/**
 * Without --threads, one thread per core is used from this many files on. Below, a worker costs more
 * than it saves: it starts up and warms up its own JIT (V8 compiles the hot functions again for each
 * thread, ~0.4 s of CPU on 2,000 files), and one thread alone already has V8's compiler and garbage
 * collector on the second core. Measured on 2 cores (commune set, generated units, a cold `parindex
 * rank`, CPU time of the process, 1 thread against 2): 1,000 files 1.17 s against 1.60 s, 2,000 files
 * 1.80 s against 2.24 s, 3,321 files 2.4 s against 3.0 s, 10,000 files 5.8 s against 6.7 s; the wall
 * time of one thread is about 0.75 of its CPU time, of two about half of theirs, so 2,000 files is where
 * two threads start to gain.
 */
export const POOL_MIN_FILES = 2000;

interface Failed {
  file: string;
  diagnostics: Diagnostic[];
  /** The unit left out, when its evidence was read (its appraisal failed). */
  unit?: { code: string; name: string };
  /** The evidence's SHA-256 of a unit left out as a repeated code (an appraisal of it is of evidence not ranked). */
  sha256?: string;
}

/** An appraisal file among the paths. */
interface AppraisalFile {
  file: string;
  json: ReturnType<typeof readJsonFile>;
  /** The SHA-256 of the evidence it appraises (as the file says). */
  sha256: string;
  unit: string;
}

/** One run of rank: what was scored, failed, skipped, and the appraisal files met. */
interface RankRun {
  ctx: Ctx;
  opts: { set: string | undefined; rules: string | undefined; round: string | undefined };
  failed: Failed[];
  skipped: string[];
  scored: Array<{ file: string; result: ScoreSummary }>;
  appraisals: AppraisalFile[];
  /** The first file and spelling scored for each unit, by its code as compared (a unit given twice is reported, not ranked twice). */
  byCode: Map<string, { file: string; code: string }>;
  compiled: CompiledSet | undefined;
  unusedAppraisals: Failed[];
  appraised: number;
}

function newRun(ctx: Ctx, opts: RankRun['opts'], unreadable: Failed[]): RankRun {
  // What a folder holds and cannot be read is reported with the files that fail.
  return { ctx, opts, failed: [...unreadable], skipped: [], scored: [], appraisals: [], byCode: new Map(), compiled: undefined, unusedAppraisals: [], appraised: 0 };
}

/** The same file named twice (or reached through a folder and by name) is ranked once. */
function uniqueFiles<T extends { file: string; real?: string }>(files: readonly T[]): T[] {
  const seen = new Set<string>();
  return files.filter(({ file, real: known }) => {
    const real = known ?? realpathOr(file);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/** A scored unit: ranked, unless its code was ranked already. */
function addScored(r: RankRun, file: string, result: ScoreSummary, f: () => Parameters<typeof locateIn>[1]): void {
  const key = unitKey(result.unit.code);
  const first = r.byCode.get(key);
  if (first !== undefined) {
    r.failed.push({ file, diagnostics: locateIn(duplicateUnit(result.unit.code, { place: first.file, code: first.code }), f()), sha256: result.evidenceSha256 });
    return;
  }
  r.byCode.set(key, { file, code: result.unit.code });
  r.scored.push({ file, result });
}

/** Evidence for another set than the one ranked: a failure when the file was named, skipped in a folder. */
function otherSet(r: RankRun, file: string, explicit: boolean, f: JsonFile, expected: string): void {
  const given = String(f.value!.criteriaSet);
  if (explicit) r.failed.push({ file, diagnostics: locateIn([diag('EVIDENCE_SET_MISMATCH', '/criteriaSet', { given, expected })], f) });
  else r.skipped.push(`${file} (${given})`);
}

/** An evidence file in this process: its set checked, the set compiled (the first time), scored. */
async function scoreEvidence(r: RankRun, file: string, explicit: boolean, f: JsonFile): Promise<void> {
  const want = r.opts.set;
  const ref = f.value!.criteriaSet;
  if (!r.compiled && want && !r.opts.rules && ref !== want && !(typeof ref === 'string' && ref.startsWith(want + '@'))) return otherSet(r, file, explicit, f, want);
  r.compiled ??= await compiledForEvidence(f, r.opts.rules);
  if (!r.opts.rules && typeof ref === 'string' && ref !== r.compiled.ref) return otherSet(r, file, explicit, f, r.compiled.ref);
  // Only the summary is kept: the compact form gives it without the trace (~100 KB) a ranking does not need.
  addScored(r, file, toSummary(score(r.compiled, f.value, { form: 'compact' })), () => f);
}

/** One file in this process: read, check its kind and set, compile the set (first time), score. */
async function scoreOne(r: RankRun, file: string, explicit: boolean): Promise<void> {
  const f = readJsonFile(file);
  if (!f.value) {
    r.failed.push({ file, diagnostics: f.diagnostics });
    return;
  }
  const kind = detectKind(f.value);
  if (kind === 'appraisal') {
    const ev = f.value.evidence as { sha256?: unknown; unit?: unknown } | undefined;
    r.appraisals.push({ file, json: f, sha256: typeof ev?.sha256 === 'string' ? ev.sha256 : '', unit: typeof ev?.unit === 'string' ? ev.unit : '' });
    return;
  }
  if (kind !== 'evidence') {
    if (explicit) r.failed.push({ file, diagnostics: [{ ...diag('FILE_KIND_UNKNOWN', '', { need: 'rankInputs' }), file, line: 1, column: 1 }] });
    else r.skipped.push(file);
    return;
  }
  try {
    await scoreEvidence(r, file, explicit, f);
  } catch (e) {
    if (e instanceof ParindexError) r.failed.push({ file, diagnostics: locateScoreDiagnostics(e.diagnostics, f, undefined) });
    else if (e instanceof CliError) r.failed.push({ file, diagnostics: e.diagnostics });
    else throw e;
  }
}

/**
 * Score every file. With more than one thread, the workers are started first (they start up while this
 * thread goes on); this thread scores files until the set is known (the first evidence file, usually
 * the first file), then it and the workers score the rest together (rank-threads.ts). A file that does
 * not score at the first try, here or on a worker, is done again here, in its place, the one-thread way
 * (scoreOne), so that every failure, skip, duplicate and diagnostic (file, line, column) is the same.
 */
async function scoreFiles(r: RankRun, unique: ReadonlyArray<{ file: string; explicit: boolean }>, threadsAsked: number | undefined): Promise<void> {
  const bar = progress(process.stderr.isTTY === true && !r.ctx.quiet, unique.length);
  const threads = threadsAsked ?? (unique.length >= POOL_MIN_FILES ? availableParallelism() : 1);
  const url = rankWorker();
  const workers = threads > 1 && unique.length > 1 && url ? startRankThreads(url, Math.min(threads, unique.length) - 1) : undefined;
  if (threads > 1 && unique.length > 1 && !workers && !r.ctx.quiet) process.stderr.write(`parindex: ${LOCALES[r.ctx.lang].rank.noThreads}\n`);
  try {
    let next = 0;
    while (next < unique.length && !r.compiled) {
      const { file, explicit } = unique[next++]!;
      bar.tick(file);
      await scoreOne(r, file, explicit);
    }
    const rest = unique.slice(next);
    const outcomes = workers && r.compiled ? await scoreShared(r, workers, rest, bar) : [];
    for (let i = 0; i < rest.length; i++) {
      const { file, explicit } = rest[i]!;
      const summary = outcomes[i];
      if (summary) addScored(r, file, summary, () => readJsonFile(file));
      else {
        if (!workers) bar.tick(file);
        await scoreOne(r, file, explicit);
      }
    }
  } finally {
    await workers?.stop();
  }
  bar.done();
}

/**
 * The files after the first on this thread and the workers (PARINDEX_RANK_WORKERS_ONLY=1: on the workers
 * only, the tests' way to reach every path of theirs whatever the timing).
 */
async function scoreShared(r: RankRun, workers: RankThreads, rest: ReadonlyArray<{ file: string }>, bar: ReturnType<typeof progress>): Promise<Outcome[]> {
  const debug = process.env.PARINDEX_DEBUG === '1';
  if (debug) process.stderr.write(`parindex: rank: ${rest.length} files on ${workers.workers + 1} threads\n`);
  const here = process.env.PARINDEX_RANK_WORKERS_ONLY !== '1';
  const outcomes = await workers.scoreAll(
    r.compiled!,
    rest.map((x) => x.file),
    here,
    (count, last) => bar.tick(last, count),
  );
  if (debug) {
    const again = outcomes.filter((o) => !o).length;
    process.stderr.write(`parindex: rank: ${workers.takenByWorkers} taken by the workers, ${rest.length - workers.takenByWorkers} by this thread; ${again} done again here\n`);
  }
  return outcomes;
}

function unusedAppraisal(r: RankRun, a: AppraisalFile, why: AppraisalUnusedWhy): void {
  const params = why.reason === 'evidenceChanged' ? { unit: a.unit, ...why } : { unit: a.unit || null, ...why };
  r.unusedAppraisals.push({ file: a.file, diagnostics: locateIn([diag('RANK_APPRAISAL_UNUSED', '/evidence', params, 'warning')], a.json) });
}

/**
 * Why an appraisal met no ranked evidence of its SHA-256: its unit is ranked from a file of another
 * SHA-256 (the evidence changed since it was appraised), or its unit is not ranked at all.
 */
function unpairedWhy(r: RankRun, a: AppraisalFile): AppraisalUnusedWhy {
  // Its evidence was read but left out: its unit code was ranked from another file, which the reason names.
  const left = r.failed.find((f) => f.sha256 === a.sha256);
  if (left) return leftOutWhy(left.file, left.diagnostics);
  const ranked = a.unit === '' ? undefined : r.byCode.get(unitKey(a.unit));
  const x = ranked && r.scored.find((s) => s.file === ranked.file);
  return x ? { reason: 'evidenceChanged', file: x.file, sha256: a.sha256, ranked: x.result.evidenceSha256 } : { reason: 'evidenceNotRanked' };
}

/** Why an appraisal of evidence that was read and left out is not used: a repeated unit (`first` ranked), else not ranked. */
function leftOutWhy(file: string, diagnostics: readonly Diagnostic[]): AppraisalUnusedWhy {
  const first = rankedInstead(diagnostics);
  return first !== undefined ? { reason: 'evidenceDuplicate', file, first } : { reason: 'evidenceNotRanked' };
}

/** Score unit i of the ranked list again with its appraisal; false when that fails (the unit leaves the ranking). */
function scoreAppraised(r: RankRun, i: number, a: AppraisalFile): boolean {
  const x = r.scored[i]!;
  const f = readJsonFile(x.file);
  try {
    if (!f.value) throw new CliError(f.diagnostics);
    const result = score(r.compiled!, f.value, { form: 'compact', appraisal: a.json.value, ...(r.opts.round !== undefined ? { round: r.opts.round } : {}) });
    r.scored[i] = { file: x.file, result: toSummary(result) };
    r.appraised++;
    return true;
  } catch (e) {
    const diagnostics = e instanceof ParindexError ? locateScoreDiagnostics(e.diagnostics, f, a.json) : e instanceof CliError ? e.diagnostics : undefined;
    if (!diagnostics) throw e;
    // The file at fault: the appraisal when its error is in it (an unknown criterion or round), else the evidence.
    r.failed.push({ file: diagnostics.find((d) => d.severity === 'error')?.file ?? x.file, diagnostics, unit: { code: x.result.unit.code, name: x.result.unit.name } });
    return false;
  }
}

/**
 * Appraisals: each unit whose evidence an appraisal file names is scored again with it and ranked on
 * that round. An appraisal that names no evidence ranked here, or evidence another appraisal file
 * already names, is reported and not used.
 */
function applyAppraisals(r: RankRun): void {
  if (r.appraisals.length === 0) return;
  if (!r.compiled) {
    for (const a of r.appraisals) unusedAppraisal(r, a, { reason: 'nothingRanked' });
    return;
  }
  const bySha = new Map<string, AppraisalFile>();
  for (const a of r.appraisals) {
    const first = bySha.get(a.sha256);
    if (first) unusedAppraisal(r, a, { reason: 'sameEvidence', first: first.file });
    else bySha.set(a.sha256, a);
  }
  const paired = new Set<AppraisalFile>();
  for (let i = 0; i < r.scored.length; i++) {
    const a = bySha.get(r.scored[i]!.result.evidenceSha256);
    if (!a) continue;
    paired.add(a);
    if (!scoreAppraised(r, i, a)) r.scored.splice(i--, 1);
  }
  for (const a of bySha.values()) if (!paired.has(a)) unusedAppraisal(r, a, unpairedWhy(r, a));
}

/** The ranking as a document and as data. */
async function report(r: RankRun): Promise<void> {
  const { compiled, ctx } = r;
  const lang = ctx.lang;
  const policy = compiled?.set.policies.ranking ?? 'dense';
  const { rank, summarize } = await extra();
  const results = r.scored.map((x) => x.result);
  const rows = rank(results, policy);
  const summary = summarize(results, policy, compiled ? { bands: compiled.set.classification ?? [], rounding: compiled.set.rounding ?? [] } : {});
  const first = (x: { diagnostics: Diagnostic[] }) => (x.diagnostics[0] ? diagnosticText(x.diagnostics[0], lang) : '');
  const doc = rankDocument(
    {
      set: compiled ? { title: compiled.set.title, titleEn: compiled.set.titleEn, ref: compiled.ref } : undefined,
      policy,
      places: compiled?.set.displayPlaces ?? 2,
      rows,
      results,
      summary,
      appraised: r.appraised,
      round: r.opts.round,
      failed: r.failed.map((x) => ({ file: x.file, errors: x.diagnostics.filter((d) => d.severity === 'error').length, first: first(x), ...(x.unit ? { unit: x.unit } : {}) })),
      unusedAppraisals: r.unusedAppraisals.map((x) => ({ file: x.file, why: first(x) })),
      skipped: r.skipped,
    },
    lang,
  );
  const json = rankingJson(rows, summary, results, (i) => ({ file: r.scored[i]!.file }));
  // A workbook gets a sheet per band besides the document's own sheets.
  if (ctx.format === 'xlsx') doc.push(...rankBandBlocks(doc, { rows, summary }, lang));
  await emitAny(ctx, doc, { criteriaSet: compiled?.ref ?? null, policy, ...json, failed: r.failed, unusedAppraisals: r.unusedAppraisals, skipped: r.skipped });
}

/** The formats this command writes: --help lists them, and any other is refused. */
const output = outputOptions(['xlsx']);

export const rankCommand = Object.assign(
  defineCommand({
    meta: { name: 'rank', description: 'Score many units with one criteria set and rank them / Xếp hạng nhiều đơn vị' },
    args: {
      paths: { type: 'positional', required: true, description: 'Evidence files, appraisal files, workbooks or folders (searched recursively for *.json and *.xlsx)', valueHint: 'file|folder…' },
      set: { type: 'string', valueHint: 'id[@version]', description: 'Rank only evidence for this criteria set (default: the set of the first evidence file)' },
      rules: rulesArg,
      round: { ...roundArg, description: 'With appraisal files among the paths: rank on this round of each (round1, answer, round2…); default: the last round of each' },
      threads: {
        type: 'string',
        valueHint: 'N',
        description: `Score on N threads, this one and N − 1 workers (default: one per core when there are ${POOL_MIN_FILES} files or more; 1: no worker)`,
      },
      ...output.args,
    },
    async run({ args }) {
      const ctx = output.ctx(args);
      const { files, unreadable } = filesToRank(args._);
      if (files.length === 0) {
        if (unreadable.length > 0) throw new CliError(unreadable.flatMap((x) => x.diagnostics));
        throw new UsageError(diag('USAGE_NO_FILES', '', {}));
      }
      const threadsArg = args.threads === undefined ? undefined : parseThreads(String(args.threads));
      if (threadsArg?.warning && !ctx.quiet) process.stderr.write(formatDiagnostic(threadsArg.warning, ctx.lang) + '\n');
      // The workbooks a folder holds are read as those named are (main.ts), before any file is scored.
      await preloadWorkbooks(
        files.filter((f) => !f.explicit && /\.xlsx$/i.test(f.file)).map((f) => f.file),
        args.rules,
      );
      const r = newRun(ctx, { set: args.set, rules: args.rules, round: args.round === undefined ? undefined : String(args.round) }, unreadable);
      await scoreFiles(r, uniqueFiles(files), threadsArg?.threads);
      const anyScored = r.scored.length > 0;
      if (r.opts.round !== undefined && r.appraisals.length === 0) throw new UsageError(diag('USAGE_ROUND_WITHOUT_APPRAISAL', '', {}));
      applyAppraisals(r);
      for (const x of r.unusedAppraisals) for (const d of x.diagnostics) if (!ctx.quiet) process.stderr.write(formatDiagnostic(d, ctx.lang) + '\n');
      for (const x of r.failed) for (const d of x.diagnostics) if (!(ctx.quiet && d.severity === 'warning')) process.stderr.write(formatDiagnostic(d, ctx.lang) + '\n');
      // No unit scored at all (a mistyped path, every file refused): no empty ranking to print or hand on as
      // a document; the problems are said above. JSON still gives them as data. (A unit its appraisal
      // leaves out is listed in the document, by its name.)
      if (!anyScored && ctx.format !== 'json') return 1;
      await report(r);
      return r.failed.length ? 1 : 0;
    },
  }),
  { variadic: true },
);

/**
 * What a folder gives to rank: evidence and appraisal files (*.json) and the officers' and appraisers'
 * workbooks (*.xlsx, any case), not the owner file Excel leaves beside a workbook that is open
 * ("~$name.xlsx", a few bytes that are no workbook).
 */
export const rankable = (name: string): boolean => name.endsWith('.json') || (/\.xlsx$/i.test(name) && !name.startsWith('~$'));

/**
 * The files to rank: each file named (explicit: a file that is not evidence is an error), and the
 * rankable regular files of each folder named, with each thing in them that could hold evidence and cannot be
 * read (a link to nothing, a link loop, a folder that cannot be listed, a FIFO, socket or device).
 */
export function filesToRank(paths: readonly string[]): { files: Array<{ file: string; explicit: boolean; real?: string }>; unreadable: Failed[] } {
  const files: Array<{ file: string; explicit: boolean; real?: string }> = [];
  const unreadable: Failed[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // Not there, or not reachable: the reader says which (FILE_NOT_FOUND, FILE_LINK_BROKEN, …).
    }
    if (!dir) {
      files.push({ file: p, explicit: true });
      continue;
    }
    const plain = plainFolder(p);
    if (plain) {
      for (const f of plain) files.push({ ...f, explicit: false });
      continue;
    }
    const walked = walkJsonFiles(p, undefined, rankable);
    for (const file of walked.files) files.push({ file, explicit: false });
    for (const d of walked.diagnostics) unreadable.push({ file: d.file ?? p, diagnostics: [d] });
  }
  return { files, unreadable };
}

/**
 * The rankable files of a folder that holds regular files only (what a folder of evidence usually is),
 * sorted, with their real paths: what walkJsonFiles gives for it, from the folder's listing alone, whose
 * entries come with their types (a regular file is no link, folder or FIFO), without the stat of every
 * file the walk makes to find those. Undefined for any other folder (a link, a subfolder, an entry of
 * unknown type, or one that cannot be listed): walkJsonFiles then walks it and says what it finds.
 */
function plainFolder(dir: string): Array<{ file: string; real: string }> | undefined {
  let entries: Dirent[];
  let real: string;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
    real = realpathSync.native(dir);
  } catch {
    return undefined;
  }
  const names: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) return undefined;
    if (rankable(e.name)) names.push(e.name);
  }
  // A file that is no link is where its folder really is: its real path without one lookup each.
  return names.sort().map((name) => ({ file: join(dir, name), real: join(real, name) }));
}

/**
 * --threads N: a whole number from 1 (1: no worker threads). More threads than the machine has cores
 * only cost memory and time (128 threads on 299 files took 2 GB and 19 s against 4 s with 2): capped
 * at `cores`, with a warning.
 */
export function parseThreads(text: string, cores: number = availableParallelism()): { threads: number; warning?: Diagnostic } {
  if (!/^0*[1-9][0-9]*$/.test(text)) throw new UsageError(diag('USAGE_THREADS', '', { got: text }));
  const asked = Number(text);
  if (asked <= cores) return { threads: asked };
  return { threads: cores, warning: diag('RANK_THREADS_CAPPED', '', { asked: text, cores }, 'warning') };
}

/**
 * @internal The real path of a file, or the path itself when it cannot be resolved. The C library's
 * (`.native`): Node's own walks the path in JavaScript, a part by part lstat that took ~50 ms of a cold
 * rank of 3,321 files, against ~7 ms.
 */
function realpathOr(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file;
  }
}
