/**
 * The OpenAPI 3.1 document of the JSON API, generated from the zod schemas (./schemas.ts and the
 * engine's and rules' own): each schema is converted with z.toJSONSchema, its named parts ($defs) are
 * lifted into components.schemas, and the routes refer to them. Served at /v1/openapi.json; the
 * committed copy packages/server/openapi.json is checked against it by a test.
 */
import { ENGINE_VERSION } from '@parindex/engine';
import { LIMITS, SCHEMA_REGISTRY } from '@parindex/rules';
import * as z from 'zod/mini';
import * as S from './schemas.js';

type JsonSchema = Record<string, unknown>;

const COMPONENTS: Record<string, z.ZodMiniType> = {
  ScoringBody: S.ScoringBody,
  ValidateBody: S.ValidateBody,
  DiffBody: S.DiffBody,
  RankBody: S.RankBody,
  ScoreResult: S.ScoreResultSchema,
  CompactResult: S.CompactResultSchema,
  AnyResult: S.AnyResultSchema,
  ValidateAnswer: S.ValidateAnswer,
  ExplainAnswer: S.ExplainAnswer,
  DiffAnswer: S.DiffAnswer,
  RankAnswer: S.RankAnswer,
  SetListAnswer: S.SetListAnswer,
  CriteriaSet: S.CriteriaSet,
  HealthAnswer: S.HealthAnswer,
  ErrorAnswer: S.ErrorAnswer,
};

/** Rewrite "#/$defs/X" references to "#/components/schemas/X", everywhere in a schema. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : rewriteRefs(v);
  return out;
}

/** Every component schema, with the named parts of each lifted beside it. */
function componentSchemas(): Record<string, JsonSchema> {
  const all: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(COMPONENTS)) {
    const io = name.endsWith('Body') || name === 'CriteriaSet' ? 'input' : 'output';
    const { $defs, $schema, ...top } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', metadata: SCHEMA_REGISTRY }) as JsonSchema;
    void $schema;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) all[id] ??= rewriteRefs(def) as JsonSchema;
    // A schema registered under its own name comes out as a reference to its $defs entry, lifted just
    // above: that entry is the component (a reference to itself would leave it empty).
    if (top.$ref !== `#/$defs/${name}`) all[name] = rewriteRefs(top) as JsonSchema;
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((st) => [String(st), st === 405 ? notAllowed : json('ErrorAnswer', ERROR_TEXT[st] ?? 'Error')]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request: the body is not JSON, breaks a limit, or is not what the route takes (every problem, coded).',
  403: 'Refused: a server on this machine only (127.0.0.1) answers only requests addressed to 127.0.0.1 or localhost (API_HOST_REFUSED).',
  404: 'Not found (an unknown criteria set or criterion).',
  405: 'The route was asked with another method (API_METHOD_NOT_ALLOWED); the Allow header names the ones it answers.',
  413: 'The body is larger than the limit.',
  415: 'The body is not sent as application/json.',
  500: 'An internal error (coded, no stack trace).',
  503: 'The request ran past its time limit (API_TIMEOUT), or too many are waiting (API_BUSY).',
};
/** 405: what every path answers to a method it does not take, with the Allow header (packages/server/src/app.ts, allowedMethods). */
const notAllowed = {
  ...json('ErrorAnswer', ERROR_TEXT[405]!),
  headers: { Allow: { description: 'The methods the route answers ("POST", or "GET, HEAD").', schema: { type: 'string' } } },
};
const lang = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'Language of the sentences: vi or en. Without it, the one of them the Accept-Language header prefers; without either, vi.',
  schema: { type: 'string', enum: ['vi', 'en'] },
};
const timeout = {
  name: 'timeout',
  in: 'query',
  required: false,
  description:
    "A shorter time limit for this request, in milliseconds: a whole number from 1 to the server's limit (timeoutMs of /v1/health). A larger one is 400 API_QUERY_VALUE with the limit in its params (min, max), not cut to it.",
  schema: { type: 'integer', minimum: 1 },
};

function post(summary: string, body: string, answer: string, answerText: string, extra: unknown[] = []) {
  return {
    post: {
      summary,
      parameters: [lang, timeout, ...extra],
      requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } },
      responses: { '200': json(answer, answerText), ...errors(400, 403, 404, 405, 413, 415, 500, 503) },
    },
  };
}

/** The OpenAPI document. */
export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'parindex JSON API',
      version: ENGINE_VERSION,
      description: `Validate, score, explain, compare and rank with the parindex engine. Bodies are the JSON of the files (at most ${LIMITS.fileBytes} bytes by default, the limits of files); answers are the engine's JSON and coded diagnostics with sentences. See docs/api.md.`,
    },
    // Relative: the server that serves this document, whatever its host and port (parindex serve's default is 127.0.0.1:8080).
    servers: [{ url: '/', description: 'The server this document is served from (parindex serve: http://127.0.0.1:8080 by default).' }],
    paths: {
      '/v1/validate': post('Every problem of a criteria set, an evidence file or an appraisal file', 'ValidateBody', 'ValidateAnswer', 'The report (valid or not).'),
      '/v1/score': post(
        'Score evidence (and an appraisal round): the engine result',
        'ScoringBody',
        'AnyResult',
        'The ScoreResult, as `parindex score --format json` gives it; with ?form=compact its CompactResult.',
        [
          {
            name: 'form',
            in: 'query',
            required: false,
            description: "full (default): the result with every trace; compact: totals, fields and each criterion's points and status, without the trace.",
            schema: { type: 'string', enum: ['full', 'compact'] },
          },
        ],
      ),
      '/v1/explain': post('Every point in sentences: rule, working, what would raise it', 'ScoringBody', 'ExplainAnswer', 'The explanation.', [
        { name: 'code', in: 'query', required: false, description: 'One criterion or field code (e.g. 3.2).', schema: { type: 'string' } },
      ]),
      '/v1/diff': post('What changed between two scores, criterion by criterion', 'DiffBody', 'DiffAnswer', 'The engine ResultDiff.'),
      '/v1/rank': post(
        'Score many units with one set and rank them',
        'RankBody',
        'RankAnswer',
        'The ranking, the summary, and the units that failed. With ?stream=1: newline-delimited JSON (application/x-ndjson), {"progress":{"done","total"}} lines, then {"status","answer"}.',
        [
          {
            name: 'stream',
            in: 'query',
            required: false,
            description: 'Stream the progress as newline-delimited JSON (1; another value is 400 API_QUERY_VALUE).',
            schema: { type: 'string', enum: ['1'] },
          },
        ],
      ),
      '/v1/sets': { get: { summary: 'The bundled criteria sets', responses: { '200': json('SetListAnswer', 'The sets.'), ...errors(405) } } },
      '/v1/sets/{ref}': {
        get: {
          summary: 'One bundled criteria set',
          parameters: [lang, { name: 'ref', in: 'path', required: true, description: '"id@version", or "id" for its latest version.', schema: { type: 'string' } }],
          responses: {
            '200': json(
              'CriteriaSet',
              'The set, as its file is, "$schema" included (a path for editors in the repository, not a URL): the set\'s SHA-256 covers it, so the set sent back as it is (`set` of /v1/score) scores with the bundled set\'s provenance.',
            ),
            ...errors(403, 404, 405),
          },
        },
      },
      '/v1/health': { get: { summary: 'The server is up', responses: { '200': json('HealthAnswer', 'Status, engine version, limits.'), ...errors(405) } } },
      '/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'The OpenAPI document.', content: { 'application/json': {} } }, ...errors(405) } } },
    },
    components: { schemas: componentSchemas() },
  };
}
