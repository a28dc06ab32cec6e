/**
 * Reading one request body: the same JSON reader, size, depth and key limits as files (`readJson` of
 * @parindex/rules), and the envelopes the routes take. A request never names a file: sets come from the
 * bundled library by ref, or as JSON in the body.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_SETS_DIR, bundledSets, readJsonFile } from '@parindex/rules/node';
import { compile, type CompiledSet } from '@parindex/engine';
import { diag, ParindexError, readJson, schemaDiag, type Diagnostic, type JsonDocument } from '@parindex/rules';

/** A coded failure of a request: its HTTP status and every diagnostic. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly diagnostics: Diagnostic[],
  ) {
    super(diagnostics[0]?.code ?? 'API_INTERNAL');
  }
}

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The reader's "the file is empty / must hold an object", said of the body it is. */
const ofBody = (d: Diagnostic): Diagnostic => (d.code === 'FILE_EMPTY' || d.code === 'JSON_NOT_OBJECT' ? ({ ...d, params: { ...d.params, of: 'body' } } as Diagnostic) : d);

/** The body as a JSON object, or a 400 with the reader's diagnostics (line and column in the body). */
export function readBody(text: string, maxBytes: number, lookPast = false): { value: Json; doc: JsonDocument } {
  const doc = readJson(text, undefined, { maxBytes });
  // /v1/validate checks on past a forbidden or repeated key (readJson's `checkable`), to report every problem at once.
  if (doc.value === undefined && lookPast && doc.checkable !== undefined) return { value: doc.checkable as Json, doc };
  if (doc.value === undefined) throw new RequestError(doc.diagnostics.some((d) => d.code === 'FILE_TOO_LARGE') ? 413 : 400, doc.diagnostics.map(ofBody));
  return { value: doc.value as Json, doc };
}

/** Diagnostics of a part of the body (at `prefix`) with their paths into the whole body, and its line and column. */
export function located(list: readonly Diagnostic[], prefix: string, doc: JsonDocument | undefined): Diagnostic[] {
  return list.map((d) => {
    // A pointer into the bundled set (a criterion's place) is not a place in the body.
    const intoSet = /^\/(fields|bonus|penalty)\//.test(d.path) && !prefix.endsWith('/set');
    const path = intoSet ? d.path : prefix + d.path;
    const at = intoSet ? undefined : doc?.locate(path);
    return { ...d, path, ...(at ?? {}) } as Diagnostic;
  });
}

/** SET_NOT_FOUND of a ref the bundled library does not have, said to a client of the API: the list of sets is GET /v1/sets. */
export function setNotFound(ref: string): Diagnostic {
  const d = bundledSets().notFound(ref);
  return d.code === 'SET_NOT_FOUND' ? { ...d, params: { ...d.params, list: 'api' } } : d;
}

const compiledBundled = new Map<string, CompiledSet>();

/**
 * The file of "id@version" at its conventional place in the bundled sets, read and compiled. The ref is
 * checked against the patterns of ids and versions first: no request text reaches a path otherwise.
 */
function conventional(ref: string): CompiledSet | undefined {
  const m = /^([a-z0-9]+(?:[.-][a-z0-9]+)*)@([0-9]{4}(?:\.[0-9]{1,4}){0,2})$/.exec(ref);
  if (!m) return undefined;
  const file = join(BUNDLED_SETS_DIR, m[1]!, `${m[2]}.json`);
  if (!existsSync(file)) return undefined;
  const f = readJsonFile(file);
  const v = f.value as { id?: unknown; version?: unknown } | undefined;
  return v && v.id === m[1] && v.version === m[2] ? compile(v) : undefined;
}

/** The compiled bundled set of a ref ("id@version", or "id" for its latest), compiled once per worker. */
export function bundledCompiled(ref: string, at: string, doc: JsonDocument | undefined): CompiledSet {
  const hit = compiledBundled.get(ref);
  if (hit) return hit;
  // The whole library is read only for what the conventional place does not answer (an id alone, a set elsewhere).
  let c = conventional(ref);
  if (!c) {
    const lib = bundledSets();
    const entry = lib.find(ref);
    if (!entry) throw new RequestError(404, located([setNotFound(ref)], at, doc));
    c = compiledBundled.get(entry.ref) ?? compile(lib.get(entry.ref));
  }
  compiledBundled.set(ref, c);
  return c;
}

/** A criteria set given in the body (untrusted, as a rule file is): compiled, or a 400 with its diagnostics. */
export function compileGiven(set: unknown, at: string, doc: JsonDocument): CompiledSet {
  try {
    return compile(set);
  } catch (e) {
    if (e instanceof ParindexError) throw new RequestError(400, located(e.diagnostics, at, doc));
    throw e;
  }
}

/** What a score-like route scores: the evidence, an optional appraisal and round, the set, and where each is in the body. */
export interface Scoring {
  evidence: Json;
  appraisal: unknown;
  round: string | undefined;
  compiled: CompiledSet;
  /** JSON pointers of the evidence, the appraisal and the round in the body ("" when the body is the evidence). */
  at: { evidence: string; appraisal: string; round: string };
}

/** A JSON pointer's token for a member name (RFC 6901: "~" as "~0", "/" as "~1"). */
export const pointerToken = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

const ENVELOPE_MEMBERS = ['evidence', 'appraisal', 'round', 'set'];

/** The first member of a `{ evidence, appraisal?, round?, set? }` envelope that is not as it must be (a pointer from the envelope), or undefined. */
function envelopeFault(value: Json): { path: string; need?: 'appraisalForRound' } | undefined {
  const unknown = Object.keys(value).find((k) => !ENVELOPE_MEMBERS.includes(k));
  if (unknown !== undefined) return { path: `/${pointerToken(unknown)}` };
  if (!isObject(value.evidence)) return { path: '/evidence' };
  if (value.round !== undefined && typeof value.round !== 'string') return { path: '/round' };
  // A round is one of the appraisal's: without one it would be ignored (the CLI refuses --round without --appraisal).
  if (value.round !== undefined && value.appraisal === undefined) return { path: '/round', need: 'appraisalForRound' };
  return undefined;
}

/**
 * An evidence file, or `{ evidence, appraisal?, round?, set? }` (at `base` in the body): the set is the
 * one given, or the bundled set the evidence names (`given`: a set compiled already, as rank's). A body of
 * another shape is API_BODY_SHAPE at the member at fault (`/extra`, `/round`, `/evidence`; the body itself
 * when it is neither), its sentence saying what the body must be (`need`: what the route takes there).
 */
export function scoringOf(value: unknown, base: string, route: string, doc: JsonDocument, given?: CompiledSet, need: 'evidence' | 'diffPair' = 'evidence'): Scoring {
  const shape = (path: string, why: typeof need | 'appraisalForRound' = need) =>
    new RequestError(400, located([diag('API_BODY_SHAPE', path, { route, need: why, ...(base !== '' ? { part: base } : {}) })], base, doc));
  if (!isObject(value) || !['entries', 'criteriaSet', 'evidence'].some((k) => k in value)) throw shape('');
  const envelope = !('entries' in value) && 'evidence' in value;
  const fault = envelope ? envelopeFault(value) : undefined;
  if (fault !== undefined) throw shape(fault.path, fault.need);
  const evidence = (envelope ? value.evidence : value) as Json;
  const at = { evidence: envelope ? `${base}/evidence` : base, appraisal: `${base}/appraisal`, round: `${base}/round` };
  let compiled: CompiledSet;
  if (given) compiled = given;
  else if (envelope && value.set !== undefined) compiled = compileGiven(value.set, `${base}/set`, doc);
  else if (typeof evidence.criteriaSet === 'string') compiled = bundledCompiled(evidence.criteriaSet, `${at.evidence}/criteriaSet`, doc);
  else throw new RequestError(400, located([schemaDiag('EVIDENCE_SCHEMA', '/criteriaSet', { issue: 'noCriteriaSet' })], at.evidence, doc));
  return { evidence, appraisal: envelope ? value.appraisal : undefined, round: envelope ? (value.round as string | undefined) : undefined, compiled, at };
}

/**
 * Engine diagnostics of a scoring, located in the body: a round asked for that the appraisal does not
 * have at the member that asks for it, other appraisal problems in the appraisal, the rest in the evidence.
 */
export function locateScoring(list: readonly Diagnostic[], s: Scoring, doc: JsonDocument): Diagnostic[] {
  return list.map((d) => {
    // The engine says "/rounds" (of the appraisal), but the member at fault is the body's "round".
    if (d.code === 'APPRAISAL_UNKNOWN_ROUND' && s.round !== undefined) return located([{ ...d, path: '' }], s.at.round, doc)[0]!;
    const inAppraisal = s.appraisal !== undefined && (d.code.startsWith('APPRAISAL_') || d.path.startsWith('/rounds'));
    return located([d], inAppraisal ? s.at.appraisal : s.at.evidence, doc)[0]!;
  });
}
