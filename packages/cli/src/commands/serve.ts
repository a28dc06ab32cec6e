/**
 * `parindex serve [--port 8080] [--host 127.0.0.1]`: the JSON API (@parindex/server) and the web page
 * (packages/web's static build, when it is built) from one local process, until Ctrl+C. Bound to this
 * machine unless --host says otherwise; CORS off unless --cors names an origin.
 */
import { defineCommand } from 'citty';
import { LOCALES } from '@parindex/explain';
import { diag } from '@parindex/rules';
import { CliError, UsageError } from '../io.js';
import { serveWorker } from '../workers.js';
import { langArg } from './common.js';

/** A whole-number option within [min, max]; a usage error otherwise. */
function wholeNumber(option: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const n = /^[0-9]{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) throw new UsageError(diag('USAGE_NUMBER', '', { option, got: text, min, max }));
  return n;
}

const errnoOf = (e: unknown) => (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null);

export const serveCommand = defineCommand({
  meta: { name: 'serve', description: 'Serve the JSON API (and the web page) on this machine / Chạy API JSON và trang web' },
  args: {
    port: { type: 'string', valueHint: 'N', description: 'Port to listen on (0: any free port)', default: '8080' },
    host: { type: 'string', valueHint: 'address', description: 'Address to listen on (default 127.0.0.1: this machine only)' },
    cors: { type: 'string', valueHint: 'origin', description: 'Let a web page of this origin call the API (no origin by default)' },
    timeout: { type: 'string', valueHint: 'ms', description: 'Time limit of one request in milliseconds (default 10000)' },
    threads: { type: 'string', valueHint: 'N', description: 'Worker threads (default: the cores, at most 4)' },
    'max-body': { type: 'string', valueHint: 'bytes', description: 'Largest request body in bytes (default 20971520)' },
    lang: langArg,
  },
  async run({ args }) {
    const lang = args.lang === 'en' ? 'en' : 'vi';
    const port = wholeNumber('--port', args.port, 0, 65535, 8080);
    const timeoutMs = wholeNumber('--timeout', args.timeout, 1, 3_600_000, 10_000);
    const threads = wholeNumber('--threads', args.threads, 1, 64, 0) || undefined;
    const maxBodyBytes = wholeNumber('--max-body', args['max-body'], 1, 1024 * 1024 * 1024, 20 * 1024 * 1024);
    const host = args.host === undefined || args.host === '' ? '127.0.0.1' : String(args.host);
    const { findWebPage, startServer } = await import('@parindex/server');
    const workerUrl = serveWorker();
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({
        port,
        host,
        timeoutMs,
        maxBodyBytes,
        webDir: findWebPage(),
        ...(threads ? { threads } : {}),
        ...(args.cors ? { corsOrigin: String(args.cors) } : {}),
        ...(workerUrl ? { workerUrl } : {}),
      });
    } catch (e) {
      throw new CliError([diag('API_LISTEN_FAILED', '', { host, port, errno: errnoOf(e) })]);
    }
    const words = LOCALES[lang].serve;
    process.stderr.write(`${words.listening(server.url, server.page)}\n${words.stop}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
});
