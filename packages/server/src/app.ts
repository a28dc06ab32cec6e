/**
 * The HTTP side of the JSON API (Hono): limits on untrusted requests (body size, JSON only, a time
 * limit per request enforced by ./runner.ts), CORS off unless an origin is allowed, coded errors with
 * sentences and never a stack trace. The work itself runs in worker threads.
 */
import { availableParallelism } from 'node:os';
import { ENGINE_VERSION } from '@parindex/engine';
import { diag, LIMITS, type Diagnostic } from '@parindex/rules';
import { bundledSets, firstInvalidUtf8, type SetEntry } from '@parindex/rules/node';
import { diagnosticText, type Lang } from '@parindex/explain';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { stream } from 'hono/streaming';
import { setNotFound } from './body.js';
import { openApiDocument } from './openapi.js';
import type { Job, Route } from './protocol.js';
import { errorReply, Runner } from './runner.js';
import { serveWebPage } from './static.js';

export interface ServerOptions {
  /** Time limit of one request in milliseconds (waiting for a worker included). Default 10,000. */
  timeoutMs?: number;
  /** Largest request body in bytes. Default: the limit of files, 20 MB. */
  maxBodyBytes?: number;
  /** Worker threads. Default: the cores, at most 4. */
  threads?: number;
  /** Most requests waiting for a worker. Default 64. */
  maxPending?: number;
  /** An origin allowed to call the API from a browser (CORS); none by default. */
  corsOrigin?: string;
  /** The folder of the static web page served at `/`; undefined: none. */
  webDir?: string | undefined;
  /**
   * Answer only requests addressed to this machine (Host 127.0.0.1, localhost or [::1], any port): what
   * startServer sets when it listens on a loopback address, so that a page of another site cannot reach
   * the server through a name that resolves to 127.0.0.1 (DNS rebinding).
   */
  loopbackOnly?: boolean;
  /** The worker module (dist/worker.js of this package; a bundle passes the one it emitted). */
  workerUrl?: URL;
}

export interface ApiApp {
  app: Hono;
  runner: Runner;
  close(): Promise<void>;
}

const POST_ROUTES: Route[] = ['validate', 'score', 'explain', 'diff', 'rank'];

/**
 * The language of an answer's sentences: `?lang=` when the request gives it (vi or en, anything else is
 * API_QUERY_VALUE); else the one of vi and en its Accept-Language prefers; else Vietnamese.
 */
function langOf(c: Context): Lang | Diagnostic {
  const v = c.req.query('lang');
  if (v === 'vi' || v === 'en') return v;
  if (v !== undefined) return diag('API_QUERY_VALUE', '', { name: 'lang', value: v, allowed: ['vi', 'en'] });
  return preferredLang(c.req.header('accept-language'));
}

/** Language ranges looked at in one Accept-Language header (a browser sends a handful). */
const MAX_LANGUAGE_RANGES = 32;

/**
 * The one of vi and en an Accept-Language header prefers (RFC 9110: the highest weight, the first
 * listed of equal weights; "en-GB" is English, q=0 is refused), or vi when it names neither.
 */
export function preferredLang(header: string | undefined): Lang {
  let best: Lang = 'vi';
  let bestWeight = 0;
  for (const range of (header ?? '').split(',', MAX_LANGUAGE_RANGES)) {
    const [tag = '', ...params] = range.split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : /^q=(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$/.test(q) ? Number(q.slice(2)) : 0;
    if (weight > bestWeight) {
      best = primary;
      bestWeight = weight;
    }
  }
  return best;
}

/** A coded error answer, worded in the request's language (Vietnamese when its ?lang= is not valid). */
function fail(c: Context, status: number, d: Diagnostic): Response {
  const lang = langOf(c);
  const reply = errorReply(0, status, d, typeof lang === 'string' ? lang : 'vi');
  return c.body(reply.body, status as 400, { 'content-type': 'application/json; charset=utf-8' });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body's text, or FILE_ENCODING at its first byte that is not UTF-8 (a file would get the same). */
function utf8(bytes: Uint8Array): string | Diagnostic {
  try {
    return UTF8.decode(bytes);
  } catch {
    return diag('FILE_ENCODING', '', { offset: firstInvalidUtf8(bytes) });
  }
}

/**
 * ?timeout=: a shorter time limit the client asks for, in milliseconds: a whole number from 1 to the
 * server's limit. A longer one is refused with that limit (`max`), not cut to it without a word: a
 * request never gets longer than the server's, and the client learns what it gets.
 */
function timeoutOf(c: Context, max: number): number | Diagnostic {
  const v = c.req.query('timeout');
  if (v === undefined) return max;
  // Digits alone (no sign, exponent or leading zero); any number of them: a longer one is over the limit.
  if (!/^[1-9][0-9]*$/.test(v) || Number(v) > max) return diag('API_QUERY_VALUE', '', { name: 'timeout', value: v, min: 1, max });
  return Number(v);
}

/**
 * ?stream= of POST /v1/rank: "1" streams, another value is API_QUERY_VALUE. The other routes take no
 * stream and ignore it, as they ignore every query parameter they do not take.
 */
function streamOf(c: Context, route: Route): boolean | Diagnostic {
  const v = c.req.query('stream');
  if (route !== 'rank' || v === undefined) return false;
  return v === '1' || diag('API_QUERY_VALUE', '', { name: 'stream', value: v, allowed: ['1'] });
}

/**
 * `POST /v1/rank?stream=1`: newline-delimited JSON, a `{"progress":{"done","total"}}` line as units are
 * scored, then `{"status", "answer"}` (the answer, or `{"diagnostics"}` when it failed: the HTTP status is
 * 200 once the stream has begun, so the last line says how it ended).
 */
function streamed(c: Context, runner: Runner, job: Omit<Job, 'id'>, limit: number): Response {
  c.header('content-type', 'application/x-ndjson; charset=utf-8');
  return stream(c, async (s) => {
    const reply = await runner.run(job, limit, (done, total) => void s.write(`{"progress":{"done":${done},"total":${total}}}\n`));
    await s.write(`{"status":${reply.status},"answer":${reply.body}}\n`);
  });
}

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])(:[0-9]{1,5})?$/i;

/** Refuse a request whose Host is not this machine (403 API_HOST_REFUSED). */
async function loopbackHost(c: Context, next: () => Promise<void>): Promise<Response | undefined> {
  const host = c.req.header('host') ?? null;
  if (host === null || !LOOPBACK.test(host)) return fail(c, 403, diag('API_HOST_REFUSED', '', { host }));
  await next();
  return undefined;
}

/** `/` without a built page: the sentence as text for a browser, the diagnostic for a client asking JSON. */
function pageNotBuilt(c: Context): Response {
  const d = diag('API_PAGE_NOT_BUILT', '', {}, 'warning');
  if (c.req.header('accept')?.includes('application/json')) return fail(c, 404, d);
  const lang = langOf(c);
  return c.text(diagnosticText(d, typeof lang === 'string' ? lang : 'vi'), 404);
}

function postRoute(app: Hono, runner: Runner, route: Route, maxBodyBytes: number, timeoutMs: number): void {
  const limit = bodyLimit({ maxSize: maxBodyBytes, onError: (c) => fail(c, 413, diag('API_BODY_TOO_LARGE', '', { size: Number(c.req.header('content-length')) || null, limit: maxBodyBytes })) });
  app.post(`/v1/${route}`, limit, async (c) => {
    const lang = langOf(c);
    if (typeof lang !== 'string') return fail(c, 400, lang);
    const type = c.req.header('content-type') ?? null;
    // JSON only: a browser page elsewhere cannot send it without a CORS preflight, which is refused by default.
    if (type === null || !/^application\/json\s*(;|$)/i.test(type)) return fail(c, 415, diag('API_CONTENT_TYPE', '', { type }));
    const text = utf8(new Uint8Array(await c.req.arrayBuffer()));
    if (typeof text !== 'string') return fail(c, 400, text);
    const limit = timeoutOf(c, timeoutMs);
    if (typeof limit !== 'number') return fail(c, 400, limit);
    const streaming = streamOf(c, route);
    if (typeof streaming !== 'boolean') return fail(c, 400, streaming);
    const query = Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => k !== 'lang' && k !== 'timeout' && k !== 'stream'));
    const job = { route, text, lang, query, maxBytes: maxBodyBytes };
    if (streaming) return streamed(c, runner, job, limit);
    const reply = await runner.run(job, limit);
    return c.body(reply.body, reply.status as 200, { 'content-type': 'application/json; charset=utf-8' });
  });
}

/** A set's entry without its file path (a request never learns paths of this machine). */
function withoutFile(entry: SetEntry): Omit<SetEntry, 'file'> {
  const { file: _file, ...rest } = entry;
  return rest;
}

function getRoutes(app: Hono, info: () => Record<string, unknown>): void {
  app.get('/v1/health', (c) => c.json({ status: 'ok', engine: ENGINE_VERSION, sets: bundledSets().entries.length, ...info() }));
  app.get('/v1/sets', (c) => c.json({ sets: bundledSets().entries.map(withoutFile) }));
  app.get('/v1/sets/:ref', (c) => {
    // Its 404 is worded: a ?lang= it cannot take is refused as the POST routes refuse it.
    const lang = langOf(c);
    if (typeof lang !== 'string') return fail(c, 400, lang);
    const ref = c.req.param('ref');
    const entry = bundledSets().find(ref);
    if (!entry) return fail(c, 404, setNotFound(ref));
    return c.json(bundledSets().get(entry.ref));
  });
  let doc: string | undefined;
  app.get('/v1/openapi.json', (c) => c.body((doc ??= JSON.stringify(openApiDocument())), 200, { 'content-type': 'application/json; charset=utf-8' }));
}

/** The methods a route of this API answers (none: there is no such route), for a 405's Allow. */
function allowedMethods(path: string): string[] {
  if (POST_ROUTES.some((r) => path === `/v1/${r}`)) return ['POST'];
  if (['/v1/health', '/v1/sets', '/v1/openapi.json'].includes(path) || /^\/v1\/sets\/[^/]+$/.test(path)) return ['GET', 'HEAD'];
  return [];
}

/** The app and its workers; `close()` stops the workers. */
export function createApp(options: ServerOptions = {}): ApiApp {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? LIMITS.fileBytes;
  const runner = new Runner({
    threads: options.threads ?? Math.max(1, Math.min(4, availableParallelism())),
    timeoutMs,
    maxPending: options.maxPending ?? 64,
    workerUrl: options.workerUrl ?? new URL('./worker.js', import.meta.url),
  });
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    // The sentences of an answer follow Accept-Language when there is no ?lang=.
    c.header('vary', 'accept-language', { append: true });
    c.header('referrer-policy', 'no-referrer');
  });
  if (options.loopbackOnly) app.use('*', loopbackHost);
  if (options.corsOrigin) app.use('/v1/*', cors({ origin: options.corsOrigin, allowMethods: ['GET', 'POST'], allowHeaders: ['content-type'], maxAge: 600 }));
  for (const route of POST_ROUTES) postRoute(app, runner, route, maxBodyBytes, timeoutMs);
  getRoutes(app, () => ({ threads: runner.threads, timeoutMs, maxBodyBytes }));
  if (options.webDir) serveWebPage(app, options.webDir);
  else app.get('/', (c) => pageNotBuilt(c));
  app.notFound((c) => {
    const allow = allowedMethods(c.req.path);
    if (allow.length === 0) return fail(c, 404, diag('API_NOT_FOUND', '', { method: c.req.method, path: c.req.path }));
    c.header('allow', allow.join(', '));
    return fail(c, 405, diag('API_METHOD_NOT_ALLOWED', '', { method: c.req.method, path: c.req.path, allow }));
  });
  app.onError((e, c) => {
    if (process.env.PARINDEX_DEBUG === '1') console.error(e);
    return fail(c, 500, diag('API_INTERNAL', '', {}));
  });
  return { app, runner, close: () => runner.close() };
}
