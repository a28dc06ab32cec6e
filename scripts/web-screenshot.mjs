// docs/web-page.png: the web page with Vĩnh Bảo's evidence opened, as an officer sees it. Builds the
// page into a temporary folder, serves it on 127.0.0.1 (port 0), opens the example through the page's
// own "open evidence" button in Debian's chromium (playwright-core), opens the first criterion that lost
// points, and takes the screenshot. `node scripts/web-screenshot.mjs [out.png] [--lang en]`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const out = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : join(ROOT, 'docs/web-page.png');
const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'vi';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

const dir = mkdtempSync(join(tmpdir(), 'parindex-web-shot-'));
execFileSync(process.execPath, [join(ROOT, 'packages/web/scripts/build.mjs'), '--out', dir, '--quiet'], { stdio: 'inherit' });
const server = createServer((req, res) => {
  const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = join(dir, path);
  if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  env: { ...process.env, LANGUAGE: lang === 'en' ? 'en_GB' : 'vi', LANG: lang === 'en' ? 'en_GB.UTF-8' : 'vi_VN.UTF-8' },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--lang=${lang === 'en' ? 'en-GB' : 'vi'}`],
});
try {
  // A browser set to Vietnamese shows the date boxes as dd/mm/yyyy.
  const page = await browser.newPage({ viewport: { width: 1400, height: 1150 }, deviceScaleFactor: 1, locale: lang === 'en' ? 'en-GB' : 'vi-VN' });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('#evidence-form');
  if (lang === 'en') await page.selectOption('#lang', 'en');
  await page.setInputFiles('#open-evidence', join(ROOT, 'examples/vinh-bao/par-2026.json'));
  await page.waitForSelector('#total-points[data-value="83.186"]');
  await page.click('#lost-heading + .lost-list details summary');
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('.panel').scrollTop = 0;
  });
  await page.screenshot({ path: out });
  console.log(`screenshot → ${out}`);
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
