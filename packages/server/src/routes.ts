/**
 * The work of each POST route, on the body's text: read it (the limits of files), score with the
 * engine, word with @parindex/explain. Runs in a worker thread (./worker.ts), so that a request over
 * its time limit can be stopped. Each returns the HTTP status and the JSON answer.
 */
import {
  checkEvidence,
  diffResults,
  hashJson,
  parseAppraisal,
  rank,
  salvageAppraisal,
  rankingJson,
  score,
  summarize,
  toSummary,
  type CompactResult,
  type ScoreResult,
  type ScoreSummary,
} from '@parindex/engine';
import { ScoreResultSchema } from '@parindex/engine/result-schema';
import { createExplainer, diagnosticText, explainDocument, explainSentences, nodeIndex, roundsUpTo, type Lang, type OfficialRound } from '@parindex/explain';
import { diag, ParindexError, PARSE_OPTIONS, zodDiagnostics, type Diagnostic, type JsonDocument } from '@parindex/rules';
import { validateSetText } from '@parindex/rules/node';
import { bundledCompiled, compileGiven, isObject, located, locateScoring, readBody, RequestError, scoringOf, type Json, type Scoring } from './body.js';

export interface Answer {
  status: number;
  body: unknown;
}

export interface RouteInput {
  text: string;
  lang: Lang;
  query: Record<string, string>;
  maxBytes: number;
}

/** A diagnostic as the API answers it: the data and its sentence in the requested language. */
export const worded = (list: readonly Diagnostic[], lang: Lang) => list.map((d) => ({ ...d, text: diagnosticText(d, lang) }));

function scored(s: Scoring, doc: JsonDocument): { self: ScoreResult; round: ScoreResult | undefined };
function scored(s: Scoring, doc: JsonDocument, form: 'compact'): { self: CompactResult; round: CompactResult | undefined };
function scored(s: Scoring, doc: JsonDocument, form: 'full' | 'compact' = 'full'): { self: ScoreResult | CompactResult; round: ScoreResult | CompactResult | undefined } {
  try {
    const self = score(s.compiled, s.evidence, { form });
    const round = s.appraisal === undefined ? undefined : score(s.compiled, s.evidence, { form, appraisal: s.appraisal, ...(s.round !== undefined ? { round: s.round } : {}) });
    return { self, round };
  } catch (e) {
    if (e instanceof ParindexError) throw new RequestError(400, locateScoring(e.diagnostics, s, doc));
    throw e;
  }
}

/** POST /v1/score: the engine's ScoreResult (of the appraisal round when one is given), as `score --format json` gives it; `?form=compact`: its compact form. */
export function scoreRoute(input: RouteInput): Answer {
  const { value, doc } = readBody(input.text, input.maxBytes);
  const s = scoringOf(value, '', '/v1/score', doc);
  const form = input.query.form ?? 'full';
  if (form !== 'full' && form !== 'compact') throw new RequestError(400, [diag('API_QUERY_VALUE', '', { name: 'form', value: form, allowed: ['full', 'compact'] })]);
  const { self, round } = form === 'compact' ? scored(s, doc, 'compact') : scored(s, doc);
  return { status: 200, body: round ?? self };
}

/** POST /v1/explain: every criterion's rule, working and advice in sentences, the document model, the warnings worded. */
export function explainRoute(input: RouteInput): Answer {
  const { value, doc } = readBody(input.text, input.maxBytes);
  const s = scoringOf(value, '', '/v1/explain', doc);
  const { self, round } = scored(s, doc);
  const main = round ?? self;
  const code = input.query.code;
  if (code !== undefined && !nodeIndex(main).get(code)) throw new RequestError(404, [diag('EVIDENCE_UNKNOWN_CRITERION', '', { code, set: main.provenance.criteriaSet.ref })]);
  const ex = createExplainer(s.compiled, input.lang);
  return {
    status: 200,
    body: {
      lang: input.lang,
      criteriaSet: main.provenance.criteriaSet.ref,
      unit: main.unit,
      stage: main.stage,
      totals: main.totals,
      criteria: explainSentences(main, s.compiled, ex, { ...(code !== undefined ? { code } : {}), ...(round ? { self } : {}) }),
      diagnostics: worded(locateScoring(main.diagnostics, s, doc), input.lang),
      document: explainDocument(main, round ? self : undefined, s.compiled, ex, code, { rounds: round ? roundsUpTo((s.appraisal as { rounds: OfficialRound[] }).rounds, round.stage) : [] }),
    },
  };
}

function report(kind: string, list: readonly Diagnostic[], lang: Lang): Answer {
  const errors = list.filter((d) => d.severity === 'error').length;
  return { status: 200, body: { kind, valid: errors === 0, errors, warnings: list.length - errors, diagnostics: worded(list, lang) } };
}

/** An appraisal the schema refused, with what can be read of it (its set bundled); undefined when its set is not. */
function salvagedAlone(value: Json, schema: readonly Diagnostic[]): ReturnType<typeof salvageAppraisal> {
  const ref = isObject(value) && typeof value.criteriaSet === 'string' ? value.criteriaSet : undefined;
  if (ref === undefined) return undefined;
  try {
    return salvageAppraisal(value, schema, bundledCompiled(ref, '/criteriaSet', undefined), { unit: '', sha256: '' });
  } catch (e) {
    if (e instanceof RequestError) return undefined;
    throw e;
  }
}

/** The problems of an appraisal against its set (without its evidence, as `parindex validate` checks one alone). */
function appraisalProblems(value: Json, doc: JsonDocument): Diagnostic[] {
  const parsed = parseAppraisal(value);
  const salvaged = parsed.value ? undefined : salvagedAlone(value, parsed.diagnostics);
  // The salvage's list: the schema's, with dates written day first read (APPRAISAL_DATE_READ), as score reads them.
  const out = located(salvaged?.diagnostics ?? parsed.diagnostics, '', doc);
  const appraisal = parsed.value ?? (salvaged?.diagnostics.some((d) => d.severity === 'error') ? undefined : salvaged?.appraisal);
  if (!appraisal) return out;
  const compiled = bundledCompiled(appraisal.criteriaSet, '/criteriaSet', doc);
  appraisal.rounds.forEach((r, ri) =>
    r.items.forEach((it, ii) => {
      if (!compiled.nodes.get(it.criterion)?.isLeaf)
        out.push(...located([diag('APPRAISAL_UNKNOWN_CRITERION', `/rounds/${ri}/items/${ii}/criterion`, { code: it.criterion, set: compiled.ref })], '', doc));
    }),
  );
  return out;
}

/** POST /v1/validate: a criteria set, an evidence file or an appraisal file; every problem at once (200, `valid` says). */
export function validateRoute(input: RouteInput): Answer {
  const { value, doc } = readBody(input.text, input.maxBytes, true);
  // The body's own problems first: its warnings (FILE_BOM), or the keys looked past (JSON_FORBIDDEN_KEY …).
  const own = doc.diagnostics;
  try {
    if ('fields' in value) return report('set', validateSetText(input.text).diagnostics, input.lang);
    if ('entries' in value) {
      const s = scoringOf(value, '', '/v1/validate', doc);
      return report('evidence', [...own, ...locateScoring(checkEvidence(s.compiled, value), s, doc)], input.lang);
    }
    if ('rounds' in value) return report('appraisal', [...own, ...appraisalProblems(value, doc)], input.lang);
  } catch (e) {
    // A set the file names that is not bundled is a problem of the file, reported as the others.
    if (e instanceof RequestError && e.status === 404) return report('entries' in value ? 'evidence' : 'appraisal', [...own, ...e.diagnostics], input.lang);
    throw e;
  }
  throw new RequestError(400, [...own, diag('API_BODY_SHAPE', '', { route: '/v1/validate', need: 'setEvidenceOrAppraisal' })]);
}

/** One side of a diff: a saved result (checked against the result schema), or what /v1/score takes. */
function sideOf(value: unknown, at: string, doc: JsonDocument): { self: ScoreResult; round: ScoreResult | undefined } {
  if (isObject(value) && value.formatVersion === 1 && 'provenance' in value && 'totals' in value) {
    const parsed = ScoreResultSchema.safeParse(value, PARSE_OPTIONS);
    if (!parsed.success) throw new RequestError(400, located(zodDiagnostics(parsed.error, 'RESULT_SCHEMA'), at, doc));
    return { self: value as unknown as ScoreResult, round: undefined };
  }
  return scored(scoringOf(value, at, '/v1/diff', doc), doc);
}

/** POST /v1/diff: `{ a, b }`, or `{ evidence, appraisal, round? }` for the self-score against the round: the engine's ResultDiff. */
export function diffRoute(input: RouteInput): Answer {
  const { value, doc } = readBody(input.text, input.maxBytes);
  if ('a' in value && 'b' in value && Object.keys(value).length === 2) {
    const a = sideOf(value.a, '/a', doc);
    const b = sideOf(value.b, '/b', doc);
    return { status: 200, body: diffResults(a.round ?? a.self, b.round ?? b.self) };
  }
  if ('evidence' in value && value.appraisal !== undefined) {
    const s = scored(scoringOf(value, '', '/v1/diff', doc), doc);
    return { status: 200, body: diffResults(s.self, s.round!) };
  }
  throw new RequestError(400, [diag('API_BODY_SHAPE', '', { route: '/v1/diff', need: 'diffPair' })]);
}

interface RankBody {
  evidence: unknown[];
  appraisals: unknown[];
  set: unknown;
  round: string | undefined;
  ties: 'dense' | 'competition' | undefined;
}

/** The first member of a rank body that is not as it must be ("" when "evidence" is missing), or undefined. */
function rankBodyFault(value: Json): string | undefined {
  const unknown = Object.keys(value).find((k) => !['evidence', 'appraisals', 'set', 'round', 'ties'].includes(k));
  if (unknown !== undefined) return `/${unknown.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  if (!Array.isArray(value.evidence)) return 'evidence' in value ? '/evidence' : '';
  if (value.appraisals !== undefined && !Array.isArray(value.appraisals)) return '/appraisals';
  if (value.round !== undefined && typeof value.round !== 'string') return '/round';
  if (value.ties !== undefined && value.ties !== 'dense' && value.ties !== 'competition') return '/ties';
  return undefined;
}

function rankBodyOf(value: Json, doc: JsonDocument): RankBody {
  const fault = rankBodyFault(value);
  if (fault !== undefined) throw new RequestError(400, located([diag('API_BODY_SHAPE', fault, { route: '/v1/rank', need: 'rankBody' })], '', doc));
  return {
    evidence: value.evidence as unknown[],
    appraisals: (value.appraisals as unknown[] | undefined) ?? [],
    set: value.set,
    round: value.round as string | undefined,
    ties: value.ties as RankBody['ties'],
  };
}

/** The appraisals of the body by the SHA-256 of the evidence they name. */
function appraisalsBySha(list: readonly unknown[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const a of list) {
    const sha = isObject(a) && isObject(a.evidence) ? a.evidence.sha256 : undefined;
    if (typeof sha === 'string' && !out.has(sha)) out.set(sha, a);
  }
  return out;
}

/** POST /v1/rank: many evidence files with one compiled set; units that fail are listed with their diagnostics, the others ranked. */
export function rankRoute(input: RouteInput, onProgress?: (done: number, total: number) => void): Answer {
  const { value, doc } = readBody(input.text, input.maxBytes);
  const body = rankBodyOf(value, doc);
  const bySha = appraisalsBySha(body.appraisals);
  const results: ScoreSummary[] = [];
  const inputs: number[] = [];
  const failed: Array<{ input: number; diagnostics: ReturnType<typeof worded> }> = [];
  let compiled = body.set === undefined ? undefined : compileGiven(body.set, '/set', doc);
  body.evidence.forEach((ev, i) => {
    try {
      const s = scoringOf(ev, `/evidence/${i}`, '/v1/rank', doc, compiled);
      if (compiled && body.set === undefined && s.evidence.criteriaSet !== compiled.ref)
        throw new RequestError(400, located([diag('EVIDENCE_SET_MISMATCH', '/criteriaSet', { given: String(s.evidence.criteriaSet), expected: compiled.ref })], s.at.evidence, doc));
      compiled ??= s.compiled;
      const appraisal = bySha.get(hashJson(s.evidence));
      const r = scored({ ...s, appraisal, round: appraisal === undefined ? undefined : body.round }, doc, 'compact');
      results.push(toSummary(r.round ?? r.self));
      inputs.push(i);
    } catch (e) {
      if (e instanceof RequestError) failed.push({ input: i, diagnostics: worded(e.diagnostics, input.lang) });
      else throw e;
    }
    onProgress?.(i + 1, body.evidence.length);
  });
  const policy = body.ties ?? compiled?.set.policies.ranking ?? 'dense';
  const summary = summarize(results, policy);
  const json = rankingJson(rank(results, policy), summary, results, (i) => ({ input: inputs[i]! }));
  return { status: 200, body: { criteriaSet: compiled?.ref ?? null, policy, ...json, failed } };
}
