/**
 * @parindex/server: the parindex JSON API (and the officer's web page) from one local Node process.
 *
 *   const server = await startServer({ port: 8080 });   // 127.0.0.1 unless host says otherwise
 *   // POST /v1/score, /v1/explain?lang=en, … ; GET /v1/openapi.json
 *   await server.close();
 *
 * `createApp()` gives the Hono app alone, for embedding it in another server.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type ServerOptions } from './app.js';

export { createApp, type ApiApp, type ServerOptions } from './app.js';
export { openApiDocument } from './openapi.js';

const WEB_PACKAGE = '@parindex/web';

export interface StartOptions extends ServerOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (this machine only). */
  host?: string;
}

export interface RunningServer {
  /** The address it listens on, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** Whether the web page is served at `/`. */
  page: boolean;
  close(): Promise<void>;
}

/**
 * The static build of the web page: @parindex/web's dist/ when that package is installed, else the
 * workspace's packages/web/dist (from this package's dist/ or from the CLI's bundle); undefined when
 * none has an index.html.
 */
export function findWebPage(): string | undefined {
  const candidates: string[] = [];
  try {
    // Optional: not a dependency of this package (the page is built on its own), so resolved by a name in a variable.
    candidates.push(join(dirname(fileURLToPath(import.meta.resolve(`${WEB_PACKAGE}/package.json`))), 'dist'));
  } catch {
    // Not installed: look in the workspace.
  }
  for (const rel of ['../../web/dist', '../../../web/dist', '../../../packages/web/dist']) candidates.push(fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Start the API (and the page) on host:port; resolves once it listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const { app, close } = createApp({ loopbackOnly: /^(127\.0\.0\.1|localhost|::1)$/.test(host), ...options });
  let server: ServerType | undefined;
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, (info) => resolve(info.port));
      server.once('error', reject);
    });
  } catch (e) {
    // Not listening (a port in use, no permission): stop the workers, or they keep the process alive.
    await close();
    throw e;
  }
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    page: options.webDir !== undefined,
    close: async () => {
      await new Promise<void>((resolve) => {
        server!.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await close();
    },
  };
}
