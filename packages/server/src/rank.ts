/**
 * POST /v1/rank: many evidence files scored with one compiled set and ranked, as `parindex rank --format
 * json` ranks files (packages/cli/src/commands/rank.ts), the places in the body taking the place of the
 * files: a unit given twice is ranked once (the first in the body) and the others are RANK_DUPLICATE_UNIT;
 * an appraisal applies to the evidence whose SHA-256 it names, and one that applies to none is
 * RANK_APPRAISAL_UNUSED with its reason; the summary lists every band of the set, as rank's does.
 */
import { duplicateUnit, rank, rankedInstead, type AppraisalUnusedWhy, rankingJson, score, summarize, toSummary, unitKey, type CompiledSet, type ScoreSummary } from '@parindex/engine';
import { diag, ParindexError, type Diagnostic, type JsonDocument } from '@parindex/rules';
import { compileGiven, isObject, located, locateScoring, pointerToken, readBody, RequestError, scoringOf, type Json, type Scoring } from './body.js';
import { worded, type Answer, type RouteInput } from './routes.js';

interface RankBody {
  evidence: unknown[];
  appraisals: unknown[];
  set: unknown;
  round: string | undefined;
  ties: 'dense' | 'competition' | undefined;
}

/** An appraisal of the body: its place in `appraisals`, and the evidence it names (as it says). */
interface BodyAppraisal {
  input: number;
  value: unknown;
  sha256: string;
  unit: string;
}

/** One place of the body that is reported (an evidence file in `failed`, an appraisal in `unusedAppraisals`). */
interface Reported {
  input: number;
  diagnostics: Diagnostic[];
  /** The evidence's SHA-256 of a unit left out as a repeated code (an appraisal of it is of evidence not ranked). */
  sha256?: string;
}

/** One request of rank: what was ranked, failed, and which appraisals were used. */
interface RankRun {
  body: RankBody;
  doc: JsonDocument;
  compiled: CompiledSet | undefined;
  ranked: Array<{ input: number; summary: ScoreSummary }>;
  failed: Reported[];
  /** The first place and spelling ranked for each unit, by its code as compared (unitKey). */
  byCode: Map<string, { input: number; code: string }>;
  appraisals: BodyAppraisal[];
  /** The first appraisal naming each evidence SHA-256 (a later one is not used: sameEvidence). */
  bySha: Map<string, BodyAppraisal>;
  paired: Set<BodyAppraisal>;
}

/** The first member of a rank body that is not as it must be ("" when "evidence" is missing), or undefined. */
function rankBodyFault(value: Json): string | undefined {
  const unknown = Object.keys(value).find((k) => !['evidence', 'appraisals', 'set', 'round', 'ties'].includes(k));
  if (unknown !== undefined) return `/${pointerToken(unknown)}`;
  if (!Array.isArray(value.evidence)) return 'evidence' in value ? '/evidence' : '';
  if (value.appraisals !== undefined && !Array.isArray(value.appraisals)) return '/appraisals';
  if (value.round !== undefined && typeof value.round !== 'string') return '/round';
  if (value.ties !== undefined && value.ties !== 'dense' && value.ties !== 'competition') return '/ties';
  return undefined;
}

function rankBodyOf(value: Json, doc: JsonDocument): RankBody {
  const fault = rankBodyFault(value);
  if (fault !== undefined) throw new RequestError(400, located([diag('API_BODY_SHAPE', fault, { route: '/v1/rank', need: 'rankBody' })], '', doc));
  // Nothing to rank is refused, as `parindex rank` refuses a folder without files (USAGE_NO_FILES): no set, no bands to list.
  if ((value.evidence as unknown[]).length === 0) throw new RequestError(400, located([diag('API_BODY_SHAPE', '/evidence', { route: '/v1/rank', need: 'evidenceList', part: '/evidence' })], '', doc));
  return {
    evidence: value.evidence as unknown[],
    appraisals: (value.appraisals as unknown[] | undefined) ?? [],
    set: value.set,
    round: value.round as string | undefined,
    ties: value.ties as RankBody['ties'],
  };
}

/** A run of the body: its set compiled when it gives one, its appraisals with the evidence each names. */
function newRun(body: RankBody, doc: JsonDocument): RankRun {
  const r: RankRun = { body, doc, compiled: undefined, ranked: [], failed: [], byCode: new Map(), appraisals: [], bySha: new Map(), paired: new Set() };
  r.compiled = body.set === undefined ? undefined : compileGiven(body.set, '/set', doc);
  body.appraisals.forEach((value, input) => {
    const ev = isObject(value) && isObject(value.evidence) ? value.evidence : undefined;
    const a = { input, value, sha256: typeof ev?.sha256 === 'string' ? ev.sha256 : '', unit: typeof ev?.unit === 'string' ? ev.unit : '' };
    r.appraisals.push(a);
    if (!r.bySha.has(a.sha256)) r.bySha.set(a.sha256, a);
  });
  return r;
}

/** One engine run of a unit, its failure as a 400 of diagnostics located in the body. */
function summaryOf(s: Scoring, doc: JsonDocument): ScoreSummary {
  try {
    const options = s.appraisal === undefined ? {} : { appraisal: s.appraisal, ...(s.round !== undefined ? { round: s.round } : {}) };
    return toSummary(score(s.compiled, s.evidence, { form: 'compact', ...options }));
  } catch (e) {
    if (e instanceof ParindexError) throw new RequestError(400, locateScoring(e.diagnostics, s, doc));
    throw e;
  }
}

/**
 * Evidence i of the body: scored with the run's set (the first evidence's when the body gives none),
 * refused when its unit is ranked already, then scored again with the appraisal that names it, if any
 * (a failure there leaves the unit out, as rank does).
 */
function rankOne(r: RankRun, ev: unknown, i: number): void {
  const s = scoringOf(ev, `/evidence/${i}`, '/v1/rank', r.doc, r.compiled);
  if (r.compiled && r.body.set === undefined && s.evidence.criteriaSet !== r.compiled.ref)
    throw new RequestError(400, located([diag('EVIDENCE_SET_MISMATCH', '/criteriaSet', { given: String(s.evidence.criteriaSet), expected: r.compiled.ref })], s.at.evidence, r.doc));
  r.compiled ??= s.compiled;
  // The unit's own score first: which unit it is, and the SHA-256 an appraisal names, are the result's.
  const self = summaryOf({ ...s, appraisal: undefined, round: undefined }, r.doc);
  const key = unitKey(self.unit.code);
  const first = r.byCode.get(key);
  if (first !== undefined) {
    r.failed.push({ input: i, diagnostics: located(duplicateUnit(self.unit.code, { place: `/evidence/${first.input}`, code: first.code }), s.at.evidence, r.doc), sha256: self.evidenceSha256 });
    return;
  }
  r.byCode.set(key, { input: i, code: self.unit.code });
  const a = r.bySha.get(self.evidenceSha256);
  if (a === undefined) return void r.ranked.push({ input: i, summary: self });
  r.paired.add(a);
  // The appraisal and the round are members of the body of their own: their problems are located there.
  const appraised: Scoring = { ...s, appraisal: a.value, round: r.body.round, at: { ...s.at, appraisal: `/appraisals/${a.input}`, round: '/round' } };
  r.ranked.push({ input: i, summary: summaryOf(appraised, r.doc) });
}

function unusedAppraisal(r: RankRun, a: BodyAppraisal, why: AppraisalUnusedWhy): Reported {
  const params = why.reason === 'evidenceChanged' ? { unit: a.unit, ...why } : { unit: a.unit || null, ...why };
  return { input: a.input, diagnostics: located([diag('RANK_APPRAISAL_UNUSED', '/evidence', params, 'warning')], `/appraisals/${a.input}`, r.doc) };
}

/** The appraisals not used, in the order of the body, each with rank's reason. */
function unusedAppraisals(r: RankRun): Reported[] {
  if (!r.compiled) return r.appraisals.map((a) => unusedAppraisal(r, a, { reason: 'nothingRanked' }));
  return r.appraisals.flatMap((a) => {
    const first = r.bySha.get(a.sha256)!;
    if (first !== a) return [unusedAppraisal(r, a, { reason: 'sameEvidence', first: `/appraisals/${first.input}` })];
    return r.paired.has(a) ? [] : [unusedAppraisal(r, a, unpairedWhy(r, a))];
  });
}

/**
 * Why an appraisal met no ranked evidence of its SHA-256 (rank's reasons): its evidence was given but
 * left out as a repeated unit; its unit is ranked from evidence of another
 * SHA-256 (the evidence changed since it was appraised); or its unit is not ranked at all.
 */
function unpairedWhy(r: RankRun, a: BodyAppraisal): AppraisalUnusedWhy {
  const left = r.failed.find((f) => f.sha256 === a.sha256);
  if (left) {
    const first = rankedInstead(left.diagnostics);
    return first !== undefined ? { reason: 'evidenceDuplicate', file: `/evidence/${left.input}`, first } : { reason: 'evidenceNotRanked' };
  }
  const first = a.unit === '' ? undefined : r.byCode.get(unitKey(a.unit));
  const x = first && r.ranked.find((y) => y.input === first.input);
  return x ? { reason: 'evidenceChanged', file: `/evidence/${x.input}`, sha256: a.sha256, ranked: x.summary.evidenceSha256 } : { reason: 'evidenceNotRanked' };
}

/** POST /v1/rank: many evidence files with one compiled set; units that fail are listed with their diagnostics, the others ranked. */
export function rankRoute(input: RouteInput, onProgress?: (done: number, total: number) => void): Answer {
  const { value, doc } = readBody(input.text, input.maxBytes);
  const r = newRun(rankBodyOf(value, doc), doc);
  r.body.evidence.forEach((ev, i) => {
    try {
      rankOne(r, ev, i);
    } catch (e) {
      if (e instanceof RequestError) r.failed.push({ input: i, diagnostics: e.diagnostics });
      else throw e;
    }
    onProgress?.(i + 1, r.body.evidence.length);
  });
  const { compiled } = r;
  const policy = r.body.ties ?? compiled?.set.policies.ranking ?? 'dense';
  const results = r.ranked.map((x) => x.summary);
  // The set's bands and rounding, as rank's summary: every band listed (0 units included), its mean index and shares rounded as the set says.
  const summary = summarize(results, policy, compiled ? { bands: compiled.set.classification ?? [], rounding: compiled.set.rounding ?? [] } : {});
  const json = rankingJson(rank(results, policy), summary, results, (i) => ({ input: r.ranked[i]!.input }));
  const answer = (list: Reported[]) => list.map((x) => ({ input: x.input, diagnostics: worded(x.diagnostics, input.lang) }));
  return { status: 200, body: { criteriaSet: compiled?.ref ?? null, policy, ...json, failed: answer(r.failed), unusedAppraisals: answer(unusedAppraisals(r)) } };
}
