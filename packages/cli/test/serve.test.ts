/**
 * `parindex serve` as a user runs it: the built CLI as a process on port 0 (any free port), its address
 * read from what it prints, the API answered by the bundle's own worker (dist/serve-worker.js), and a
 * clean stop on SIGTERM (exit 0). Wrong usage and a port in use are coded errors.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, VB } from './helpers.js';

function startServe(args: string[]): Promise<{ url: string; stop: () => Promise<{ code: number | null; stderr: string }> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--threads', '1', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(stderr);
      if (m) resolve({ url: m[1]!, stop: async () => (child.kill('SIGTERM'), { code: await closed, stderr }) });
    });
    closed.then((code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
}

describe('parindex serve', () => {
  it('serves the API on 127.0.0.1 from the bundle, says where in the language asked, and stops on SIGTERM with exit 0', async () => {
    const s = await startServe(['--lang', 'en']);
    try {
      const health = await (await fetch(`${s.url}/v1/health`)).json();
      expect(health).toMatchObject({ status: 'ok', threads: 1 });
      const r = await fetch(`${s.url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync(join(ROOT, VB), 'utf8') });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { totals: { index: string } }).totals.index).toBe('83.6');
      // The officer's web page from the same process (pnpm test builds packages/web/dist before the tests).
      const page = await fetch(`${s.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain('<script src="app.js"');
      const app = await fetch(`${s.url}/app.js`);
      expect(app.status).toBe(200);
      expect((await app.text()).length).toBe(readFileSync(join(ROOT, 'packages/web/dist/app.js'), 'utf8').length);
    } finally {
      const { code, stderr } = await s.stop();
      expect(code).toBe(0);
      expect(stderr).toMatch(/^parindex: the JSON API is running at http:\/\/127\.0\.0\.1:\d+\/v1 /);
      expect(stderr).toContain('Press Ctrl+C to stop.');
    }
  });

  it('a port out of range is wrong usage (exit 2); a port in use is API_LISTEN_FAILED (exit 1), in Vietnamese', async () => {
    const bad = await cli(['serve', '--port', '70000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port cần một số nguyên từ 0 đến 65.535, không phải "70000".');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const busy = await cli(['serve', '--port', String(port), '--threads', '1']);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`API_LISTEN_FAILED`);
      expect(busy.stderr).toContain(`Không mở được máy chủ tại 127.0.0.1:${port}: cổng này đang được chương trình khác dùng`);
    } finally {
      taken.close();
    }
  });
});
