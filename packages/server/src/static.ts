/**
 * The officer's web page (the static build of @parindex/web, a folder with index.html and its assets)
 * at `/`, from the same process as the API. Only files inside the folder are served: the path is
 * decoded, normalised and checked; anything else is the API's coded 404.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { Hono } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The file of a request path inside `root`, or undefined (outside it, absent, a folder without index.html). */
function fileFor(root: string, path: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (rel.includes('\0') || rel.split('/').includes('..')) return undefined;
  let file = join(root, rel);
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const real = realpathSync(file);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Serve the files of `dir` on GET (and HEAD). */
export function serveWebPage(app: Hono, dir: string): void {
  const root = realpathSync(dir);
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/v1/')) return next();
    const file = fileFor(root, c.req.path);
    if (!file) return next();
    const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    // The page runs the engine in the browser: its own scripts only, no eval, nothing sent elsewhere.
    if (type.startsWith('text/html'))
      headers['content-security-policy'] =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
    return c.body(readFileSync(file), 200, headers);
  });
}
