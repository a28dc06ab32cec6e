/**
 * The work of each POST route, on the body's text: read it (the limits of files), score with the
 * engine, word with @parindex/explain (POST /v1/rank is in ./rank.ts). Runs in a worker thread
 * (./worker.ts), so that a request over its time limit can be stopped. Each returns the HTTP status and
 * the JSON answer.
 */
import { checkEvidence, diffResults, parseAppraisal, salvageAppraisal, score, type CompactResult, type ScoreResult } from '@parindex/engine';
import { ScoreResultSchema } from '@parindex/engine/result-schema';
import { createExplainer, diagnosticText, explainDocument, explainSentences, nodeIndex, roundsUpTo, type Lang, type OfficialRound } from '@parindex/explain';
import { diag, ParindexError, PARSE_OPTIONS, zodDiagnostics, type Diagnostic, type JsonDocument } from '@parindex/rules';
import { validateSetText } from '@parindex/rules/node';
import { bundledCompiled, isObject, located, locateScoring, pointerToken, readBody, RequestError, scoringOf, type Json, type Scoring } from './body.js';

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

/**
 * POST /v1/diff: `{ a, b }`, or `{ evidence, appraisal, round? }` for the self-score against the round: the
 * engine's ResultDiff. A member either does not take is API_BODY_SHAPE at that member (`/c`, `/round`).
 */
export function diffRoute(input: RouteInput): Answer {
  const { value, doc } = readBody(input.text, input.maxBytes);
  const shape = (path: string) => new RequestError(400, located([diag('API_BODY_SHAPE', path, { route: '/v1/diff', need: 'diffPair' })], '', doc));
  if ('a' in value && 'b' in value) {
    const extra = Object.keys(value).find((k) => k !== 'a' && k !== 'b');
    if (extra !== undefined) throw shape(`/${pointerToken(extra)}`);
    const a = sideOf(value.a, '/a', doc);
    const b = sideOf(value.b, '/b', doc);
    return { status: 200, body: diffResults(a.round ?? a.self, b.round ?? b.self) };
  }
  if ('evidence' in value && value.appraisal !== undefined) {
    const s = scored(scoringOf(value, '', '/v1/diff', doc, undefined, 'diffPair'), doc);
    return { status: 200, body: diffResults(s.self, s.round!) };
  }
  throw shape('');
}
