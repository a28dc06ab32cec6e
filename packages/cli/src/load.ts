/** From files to engine results: read, find the set, compile once, score; errors located in their files. */
import { diag, PARSE_OPTIONS, ParindexError, saidOnce, schemaDiag, zodDiagnostics, type Diagnostic } from '@parindex/rules';
import { compile, hashJson, score, type AppraisalRound, type CompiledSet, type ScoreResult } from './engine.js';
import { roundsUpTo } from '@parindex/explain';
import { CliError, detectKind, locateIn, loadSet, readJsonFile, type JsonFile } from './io.js';
import { withPlan, type PlanEvidence } from './plan-files.js';

const compiledCache = new Map<string, CompiledSet>();

/** The compiled set for a ref among the bundled sets, or for a --rules file. Compiled once per run. */
export async function compiledFor(ref: string | undefined, rulesFile: string | undefined, refAt?: { file: JsonFile; pointer: string }): Promise<CompiledSet> {
  const key = rulesFile ? `file:${rulesFile}` : `ref:${ref}`;
  const hit = compiledCache.get(key);
  if (hit) return hit;
  const { set, validated } = await loadSet(ref, rulesFile, refAt);
  let compiled: CompiledSet;
  try {
    compiled = compile(set, validated ? { validated } : {});
  } catch (e) {
    if (e instanceof ParindexError) throw new CliError(e.diagnostics.map((d) => (rulesFile ? { ...d, file: rulesFile } : d)));
    throw e;
  }
  compiledCache.set(key, compiled);
  return compiled;
}

/** Read a JSON file that must parse; throws CliError with located diagnostics otherwise. */
export function mustRead(file: string): JsonFile {
  const f = readJsonFile(file);
  if (!f.value) throw new CliError(f.diagnostics);
  return f;
}

/**
 * The RESULT_SCHEMA diagnostics of a saved result (score --format json, full or --compact), located in
 * its file: what validate reports, and what diff checks before it reads one (a malformed result crashed
 * it); diff refuses a compact one (RESULT_COMPACT: it has no trace to compare).
 */
export async function savedResultDiagnostics(f: JsonFile, compact: 'accepted' | 'refused' = 'accepted'): Promise<Diagnostic[]> {
  const { CompactResultSchema, ScoreResultSchema } = await import('@parindex/engine/result-schema');
  const isCompact = (f.value as { form?: unknown }).form === 'compact';
  if (isCompact && compact === 'refused') return locateIn([diag('RESULT_COMPACT', '/form', {})], f);
  const parsed = (isCompact ? CompactResultSchema : ScoreResultSchema).safeParse(f.value, PARSE_OPTIONS);
  return parsed.success ? [] : locateIn(zodDiagnostics(parsed.error, 'RESULT_SCHEMA'), f);
}

/** Locate engine diagnostics: APPRAISAL_ codes and /rounds paths in the appraisal file, the rest in the evidence. */
export function locateScoreDiagnostics(list: readonly Diagnostic[], evidence: JsonFile, appraisal: JsonFile | undefined): Diagnostic[] {
  const located = locateEach(list, evidence, appraisal);
  // A workbook's figure that several criteria read is one cell: its problem is said there once (as import says it).
  return located.some((d) => d.cell !== undefined) ? saidOnce(located, (d) => d.cell) : located;
}

function locateEach(list: readonly Diagnostic[], evidence: JsonFile, appraisal: JsonFile | undefined): Diagnostic[] {
  let entryOf: Map<unknown, number> | undefined;
  return list.map((d) => {
    if (appraisal && (d.code.startsWith('APPRAISAL_') || d.path.startsWith('/rounds'))) return locateIn([d], appraisal)[0]!;
    if (/^\/(fields|bonus|penalty)\//.test(d.path)) {
      // A path into the criteria set (not the evidence): point at the first evidence entry of that criterion.
      entryOf ??= firstEntryByCriterion(evidence);
      const i = 'code' in d.params ? entryOf.get(d.params.code) : undefined;
      const at = i !== undefined ? evidence.locate(`/entries/${i}`) : undefined;
      const cell = 'cellOf' in evidence ? (evidence as { cellOf(d: Diagnostic): string | undefined }).cellOf(d) : undefined;
      return { ...d, file: evidence.file, ...(at ?? {}), ...(cell !== undefined ? { cell } : {}) };
    }
    return locateIn([d], evidence)[0]!;
  });
}

/** The index of the first evidence entry of each criterion (built once: a diagnostic per criterion must not scan the entries). */
function firstEntryByCriterion(evidence: JsonFile): Map<unknown, number> {
  const entries = (Array.isArray(evidence.value?.entries) ? evidence.value.entries : []) as Array<{ criterion?: unknown } | null>;
  const first = new Map<unknown, number>();
  entries.forEach((e, i) => {
    if (e && typeof e === 'object' && !first.has(e.criterion)) first.set(e.criterion, i);
  });
  return first;
}

export interface Scored {
  compiled: CompiledSet;
  evidence: JsonFile;
  appraisal?: JsonFile;
  /** The unit's own score. */
  self: ScoreResult;
  /** The appraisal round, when an appraisal file is given. */
  round?: ScoreResult;
  /** Warnings of both, located. */
  warnings: Diagnostic[];
  /** With --plan: the plan, its progress, the derivation, and the evidence scored (with the derived inputs). */
  plan?: PlanEvidence;
}

export interface ScoreArgs {
  rules?: string | undefined;
  appraisal?: string | undefined;
  round?: string | undefined;
  /** A plan file and its progress: the inputs derived from them fill the evidence (docs/plans.md). */
  plan?: string | undefined;
  progress?: string | undefined;
}

/** The compiled set an evidence file names (by its criteriaSet ref) or the --rules file. */
export function compiledForEvidence(evidence: JsonFile, rulesFile: string | undefined): Promise<CompiledSet> {
  const ref = typeof evidence.value?.criteriaSet === 'string' ? evidence.value.criteriaSet : undefined;
  if (!rulesFile && ref === undefined) {
    throw new CliError(locateIn([schemaDiag('EVIDENCE_SCHEMA', '/criteriaSet', { issue: 'noCriteriaSet' })], evidence));
  }
  return compiledFor(ref, rulesFile, { file: evidence, pointer: '/criteriaSet' });
}

/** The files a result scored with a plan was made from: the plan, its progress and the evidence file, by their SHA-256. */
export function planProvenance(plan: PlanEvidence, evidence: JsonFile): NonNullable<ScoreResult['provenance']['plan']> {
  return { id: plan.plan.plan.id, sha256: hashJson(plan.plan.file.value), progressSha256: plan.progress ? hashJson(plan.progress.file.value) : null, evidenceSha256: hashJson(evidence.value) };
}

/** Score an evidence file (and an appraisal round). */
export async function scoreFiles(evidenceFile: string, args: ScoreArgs, compiled?: CompiledSet): Promise<Scored> {
  const evidence = mustRead(evidenceFile);
  const kind = detectKind(evidence.value!);
  if (kind === 'plan' || kind === 'progress') {
    throw new CliError([{ ...diag('PLAN_FILE_KIND', '', { need: 'evidence', found: kind }), file: evidenceFile, line: 1, column: 1 }]);
  }
  if (kind !== 'evidence') {
    const hint = kind === 'appraisal' ? ({ with: 'appraisal' } as const) : {};
    throw new CliError([{ ...diag('FILE_KIND_UNKNOWN', '', { need: 'evidence', found: kind ?? null, ...hint }), file: evidenceFile, line: 1, column: 1 }]);
  }
  const c = compiled ?? (await compiledForEvidence(evidence, args.rules));
  const appraisal = args.appraisal ? mustRead(args.appraisal) : undefined;
  const plan = args.plan ? withPlan(evidence, c, args.plan, args.progress) : undefined;
  const value = plan ? plan.evidence : evidence.value;
  let self: ScoreResult;
  let round: ScoreResult | undefined;
  try {
    self = score(c, value);
    if (appraisal) round = score(c, value, { appraisal: appraisal.value, ...(args.round ? { round: args.round } : {}) });
  } catch (e) {
    if (e instanceof ParindexError) throw new CliError(locateScoreDiagnostics(e.diagnostics, evidence, appraisal));
    throw e;
  }
  const warnings = [...(plan?.warnings ?? []), ...locateScoreDiagnostics(round ? round.diagnostics : self.diagnostics, evidence, appraisal)];
  if (plan) for (const r of round ? [self, round] : [self]) r.provenance.plan = planProvenance(plan, evidence);
  return { compiled: c, evidence, ...(appraisal ? { appraisal } : {}), self, ...(round ? { round } : {}), warnings, ...(plan ? { plan } : {}) };
}

/** The appraisal file's rounds up to the one scored (the last, or --round), answers included; none without an appraisal. */
export function roundsOfScored(s: Scored): AppraisalRound[] {
  if (!s.round || !s.appraisal) return [];
  return roundsUpTo((s.appraisal.value as { rounds: AppraisalRound[] }).rounds, s.round.stage) as AppraisalRound[];
}

/**
 * Every round of the official table: each appraisal round of the file up to the one scored (the last,
 * or --round), scored by the engine one by one (the round asked for is `s.round` itself, and an answer
 * round asked for gets its column too); with them, the file's rounds up to there, answers included,
 * whose reasons go to the notes.
 */
export function scoreRounds(s: Scored): { rounds: ScoreResult[]; appraisalRounds: AppraisalRound[] } {
  const appraisalRounds = roundsOfScored(s);
  const upTo = appraisalRounds.length - 1;
  const rounds = appraisalRounds.flatMap((r, i): ScoreResult[] => {
    if (i === upTo) return [s.round!];
    if (r.kind !== 'appraisal') return [];
    try {
      return [score(s.compiled, s.evidence.value, { appraisal: s.appraisal!.value, round: r.id })];
    } catch (e) {
      if (e instanceof ParindexError) throw new CliError(locateScoreDiagnostics(e.diagnostics, s.evidence, s.appraisal));
      throw e;
    }
  });
  return { rounds, appraisalRounds };
}
