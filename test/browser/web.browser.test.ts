/**
 * The officer's web page (packages/web) in Debian's chromium through playwright-core: built by its own
 * build script into a temporary folder, served by a static server on 127.0.0.1 (port 0) under the
 * page's own CSP. Through the UI: fill the form for Vĩnh Bảo's evidence and see the engine's total,
 * follow one piece of advice and see exactly the promised points, switch the language, print; save the
 * officer's workbook and import it with the built CLI, open a workbook made by `parindex template` and
 * one with a text in a count cell; open an evidence and its appraisal side by side; rank the example
 * communes. No CSP violation, no console
 * error, no request leaves the page's origin. Skipped only when /usr/bin/chromium is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEvidence, compile, hashJson, rank, score, toSummary, type CompiledSet } from '@parindex/engine';
import { formatDate, formatNumber, pageWords } from '@parindex/explain';
import { dec } from '@parindex/rules';
import { cellValueFor, fillAppraisal, fillWorkbook } from '../../packages/cli/test/workbook-fill.js';
import { CHROMIUM, hasChromium, launchChromium } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
if (!hasChromium) console.warn(`test/browser: ${CHROMIUM} is absent, the web page test is skipped (apt-get install -y chromium)`);

type Json = Record<string, any>;
const readJson = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Json;
const CLI = join(ROOT, 'packages/cli/dist/parindex.js');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** A static file server of one folder, as any web server would serve the built page. */
function staticServer(dir: string): Server {
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
}

/** Watch a page: console errors, page errors, CSP violations, requests to other origins. */
async function watched(context: BrowserContext, base: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  // Waits end on a state, never on a clock; this only catches a hang on a very loaded machine.
  page.setDefaultTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${base}/`);
  return { page, problems };
}

/**
 * Filling the form. Each kind of control (a count, a yes/no, a level, a date, a tally, a document's
 * number, date and title, the explanation, the claim …) is typed the first time as an officer types
 * it: playwright focuses it, selects and types (`force` skips only its waits for a still control, two
 * animation frames each). The rest of the example goes in as the same keystrokes would leave it, in
 * one batch: each control gets its value and the `input` and `change` events the page listens to, so
 * that this test stays a few seconds long on a loaded machine.
 */
class Filler {
  private readonly typed = new Set<string>();
  private readonly batch: Array<{ selector: string; value: string }> = [];
  constructor(private readonly page: Page) {}

  async set(kind: string, selector: string, value: string, select = false): Promise<void> {
    if (this.typed.has(kind)) {
      this.batch.push({ selector, value });
      return;
    }
    this.typed.add(kind);
    if (select) await this.page.selectOption(selector, value, { force: true });
    else await this.page.fill(selector, value, { force: true });
  }

  /** The batch, in one round trip; fails on a control that is not there. */
  async flush(): Promise<void> {
    const missing = await this.page.evaluate((items) => {
      const absent: string[] = [];
      for (const { selector, value } of items) {
        const el = document.querySelector<HTMLInputElement>(selector);
        if (!el) {
          absent.push(selector);
          continue;
        }
        el.focus();
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
      return absent;
    }, this.batch);
    expect(missing).toEqual([]);
    this.batch.length = 0;
  }

  kinds(): string[] {
    return [...this.typed].sort();
  }
}

async function fillValue(f: Filler, compiled: CompiledSet, id: string, value: unknown): Promise<void> {
  const def = compiled.inputs.get(id)!.def;
  if (def.type === 'boolean' || def.type === 'level') await f.set(def.type, `#in-${id}`, String(value), true);
  else if (def.type === 'tally') for (const [o, n] of Object.entries(value as Json)) await f.set('tally', `#in-${id}-${o}`, String(n));
  else await f.set(def.type, `#in-${id}`, def.type === 'date' ? formatDate(String(value), 'vi') : String(value));
}

/** Fill the whole form from an evidence file, field by field; the kinds of control typed by keystrokes. */
async function fillEvidence(page: Page, compiled: CompiledSet, ev: Json): Promise<string[]> {
  const f = new Filler(page);
  await f.set('unit code', '#unit-code', ev.unit.code);
  await f.set('unit name', '#unit-name', ev.unit.name);
  await f.set('unit level', '#unit-level', ev.unit.level, true);
  await f.set('unit province', '#unit-province', ev.unit.province ?? '');
  for (const e of ev.entries as Json[]) {
    if (e.input) await fillValue(f, compiled, e.input, e.value);
    if (!e.criterion) continue;
    for (const [id, v] of Object.entries(e.values ?? {})) await fillValue(f, compiled, id, v);
    const node = compiled.nodes.get(e.criterion)!;
    for (const d of (e.documents ?? []) as Json[]) {
      const slot = d.for ?? node.documents[0]!.id;
      for (const part of ['number', 'date', 'title'] as const)
        if (d[part]) await f.set(`document ${part}`, `[id="doc-${e.criterion}-${slot}-${part}"]`, part === 'date' ? formatDate(d[part], 'vi') : d[part]);
    }
    if (e.explanation) await f.set('explanation', `[id="expl-${e.criterion}"]`, e.explanation);
    if (e.claimedPoints !== undefined) await f.set('claim', `[id="claim-${e.criterion}"]`, String(e.claimedPoints));
  }
  await f.flush();
  return f.kinds();
}

const totalIs = (page: Page, points: string) => page.waitForSelector(`#total-points[data-value="${points}"]`, { state: 'attached' });

describe.skipIf(!hasChromium)(`the web page in chromium (${hasChromium ? CHROMIUM : `skipped: ${CHROMIUM} is absent`})`, () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let base = '';
  let dir = '';
  const set = readJson('rules/sets/model.commune-par/2026.json');
  const compiled = compile(set);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parindex-web-'));
    execFileSync(process.execPath, [join(ROOT, 'packages/web/scripts/build.mjs'), '--out', dir, '--quiet'], { stdio: 'inherit' });
    server = staticServer(dir);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the page is one script and one stylesheet of its own: a strict CSP, no eval or Function constructor, no external URL', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const js = readFileSync(join(dir, 'app.js'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self';`);
    expect(html).not.toMatch(/<script>|<style|style=|\bon[a-z]+=/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // Booleans, so that a failure does not print the whole bundle.
    expect(/\beval\s*\(/.test(js), 'eval(').toBe(false);
    expect(/new\s+Function\b/.test(js), 'new Function').toBe(false);
    expect(/(?<![\w$.])Function(?![\w$])/.test(js.replace(/\binstanceof\s+Function\b/g, '')), 'Function').toBe(false);
    expect(/["']node:/.test(js), 'node: import').toBe(false);
    // The workbooks' script (exceljs and its JSZip included): no code built from a string either (it keeps
    // `Function.prototype` and `instanceof Function`, which build nothing; the XML namespaces it writes
    // are names, not requests: the tests below watch every request).
    const wb = readFileSync(join(dir, 'workbook.js'), 'utf8');
    expect(/\beval\s*\(/.test(wb), 'workbook.js eval(').toBe(false);
    expect(/new\s+Function\b/.test(wb), 'workbook.js new Function').toBe(false);
    expect(/(?<![\w$.])Function\s*\(/.test(wb), 'workbook.js Function(').toBe(false);
    expect(/["']node:/.test(wb), 'workbook.js node: import').toBe(false);
    // Every shipped set is in the page.
    for (const ref of ['model.commune-par', 'model.commune-sipas', 'model.commune-dti', 'targets.tran-lieu']) expect(js.includes(`id:"${ref}"`), ref).toBe(true);
  });

  it('an officer fills the form for Vĩnh Bảo: the engine total; one piece of advice gives exactly its points; English; print', async () => {
    const ev = readJson('examples/vinh-bao/par-2026.json');
    const expected = score(compiled, ev).totals;
    const context = await browser!.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await watched(context, base);
    await page.waitForSelector('#evidence-form');
    expect(await page.inputValue('#set-select')).toBe('model.commune-par@2026');
    // Keyboard: the skip link first, then the views and the language; every control has a label.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('view-officer');
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLInputElement>('input, select, textarea'))
        .filter((el) => !el.labels?.length && !el.getAttribute('aria-label'))
        .map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    // A blank form lacks every figure: its many warnings are folded under their count (each is beside its field too).
    const blank = checkEvidence(compiled, {
      formatVersion: 1,
      criteriaSet: compiled.ref,
      unit: { code: '', name: '', level: 'commune' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      entries: [],
    });
    await page.waitForSelector('details#problems-box', { state: 'attached' });
    expect(await page.$eval('details#problems-box', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.textContent('details#problems-box > summary')).toBe(`Lưu ý (${blank.length})`);
    const typed = await fillEvidence(page, compiled, ev);
    expect(typed).toEqual([
      'boolean',
      'claim',
      'count',
      'date',
      'decimal',
      'document date',
      'document number',
      'document title',
      'explanation',
      'level',
      'percent',
      'tally',
      'unit code',
      'unit level',
      'unit name',
      'unit province',
    ]);
    await totalIs(page, expected.points);
    expect(await page.getAttribute('#total-index', 'data-value')).toBe(expected.index);
    expect(await page.textContent('#total-index')).toBe('83,60');
    expect(await page.getAttribute('#total-class', 'data-value')).toBe('B');
    // Each field's share as the tables print it, two decimals: 7,6 of 9,5 and 7 of 7.
    expect(await page.textContent('#field-percent-1')).toBe('80,00%');
    expect(await page.textContent('#field-percent-4')).toBe('100,00%');

    // Save: the file the page writes scores the same in Node.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-evidence')]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Json;
    expect(score(compiled, saved).totals).toEqual(expected);

    // Follow the first advice of 3.2 (more dossiers on time): the total rises by exactly its gain.
    const advice = page.locator('li[data-criterion="3.2"][data-kind="raiseRatio"]:not([data-strict])').first();
    const [input, to, gain, after] = await Promise.all(['data-input', 'data-to', 'data-gain', 'data-points-after'].map((a) => advice.getAttribute(a)));
    expect(await advice.textContent()).toMatch(/^Thêm 65 hồ sơ .* để đạt 2 điểm \(\+1\)/);
    await page.fill(`#in-${input}`, to!);
    const raised = dec(expected.points).plus(dec(gain!)).toFixed();
    await totalIs(page, raised);
    expect(await page.textContent('[id="pts-3.2"]')).toBe(`${formatNumber(after!, 'vi')} / 3 điểm`);
    const changed = structuredClone(ev);
    changed.entries.find((e: Json) => e.criterion === '3.2').values[input!] = Number(to);
    expect(score(compiled, changed).totals.points).toBe(raised);

    // English: the page's words, the set's English labels, the sentences; the same figures.
    await page.selectOption('#lang', 'en');
    await page.waitForSelector('html[lang="en"]');
    expect(await page.textContent('#score-heading')).toBe('Provisional result');
    expect(await page.textContent('label[for="in-dossiers_resolved"]')).toBe('Dossiers resolved in the year');
    expect(await page.textContent('#total-points')).toBe(`${formatNumber(raised, 'en')} / 99.5`);
    expect(await page.textContent('#field-percent-1')).toBe('80.00%');
    expect(await page.inputValue(`#in-${input}`)).toBe(to);
    await page.selectOption('#lang', 'vi');
    await page.waitForSelector('html[lang="vi"]');

    // Print: only the official report, with its table; a PDF comes out.
    await page.emulateMedia({ media: 'print' });
    await page.waitForSelector('#report table', { state: 'visible' });
    expect(await page.isVisible('#evidence-form')).toBe(false);
    expect(await page.textContent('#report')).toContain('UBND xã Vĩnh Bảo');
    // The official table, as the CLI writes it: the national header, the signatures, the totals once.
    expect(await page.textContent('#report .letterhead')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(await page.locator('#report .signatures').count()).toBe(1);
    expect(await page.locator('#report tbody.totals').count()).toBe(1);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    // Autosave: the page opened again in this browser has the same figures.
    await page.reload();
    await totalIs(page, raised);
    expect(await page.textContent('#notice')).toContain(pageWords('vi').restored);

    // Typing a Vietnamese decimal comma in a count: the coded message beside the field, no score.
    await page.fill('#in-dossiers_resolved', '1300,5');
    await page.waitForSelector('#msg-in-dossiers_resolved [data-code]');
    expect(await page.getAttribute('#in-dossiers_resolved', 'aria-invalid')).toBe('true');
    // Numbers as the page's language writes them: "1.300" is 1300 in Vietnamese, "0,5" a half; "1,300" in English.
    const withFigures = structuredClone(changed);
    withFigures.entries.find((e: Json) => e.input === 'dossiers_resolved').value = 1300;
    withFigures.entries.find((e: Json) => e.criterion === '3.2').claimedPoints = 0.5;
    const figures = score(compiled, withFigures).totals.points;
    await page.fill('#in-dossiers_resolved', '1.300');
    await page.fill('[id="claim-3.2"]', '0,5');
    await totalIs(page, figures);
    expect(await page.textContent('#msg-in-dossiers_resolved')).toBe('');
    // The claim is read as a half: the engine compares it with the points the evidence gives.
    expect(await page.textContent('[id="msg-claim-3.2"]')).toMatch(/^SCORE_CLAIM_MISMATCH: "3\.2" tự chấm 0,5 /);
    await page.selectOption('#lang', 'en');
    await page.waitForSelector('html[lang="en"]');
    expect([await page.inputValue('#in-dossiers_resolved'), await page.inputValue('[id="claim-3.2"]')]).toEqual(['1300', '0.5']);
    await page.fill('#in-dossiers_resolved', '1,300');
    await totalIs(page, figures);
    await page.selectOption('#lang', 'vi');
    await page.waitForSelector('html[lang="vi"]');
    expect(await page.inputValue('[id="claim-3.2"]')).toBe('0,5');
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the printed report and the appraiser table give the criterion its room; a form error marks the previous result out of date', async () => {
    const ev = readJson('examples/vinh-bao/par-2026.json');
    const expected = score(compiled, ev).totals;
    const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await watched(context, base);
    await page.waitForSelector('#evidence-form');
    await page.setInputFiles('#open-evidence', join(ROOT, 'examples/vinh-bao/par-2026.json'));
    await totalIs(page, expected.points);
    /** Each column's share of its table's width, in percent. */
    const shares = (table: string) =>
      page.$eval(table, (t) => {
        const cells = Array.from(t.querySelector('thead tr')!.children);
        return cells.map((c) => (100 * c.getBoundingClientRect().width) / t.getBoundingClientRect().width);
      });

    // Printed: the STT column narrow, "Lĩnh vực / tiêu chí" the widest; no more pages than the CLI's own report, give or take one.
    await page.emulateMedia({ media: 'print' });
    await page.waitForSelector('#report table', { state: 'visible' });
    const printed = await shares('#report table');
    expect(printed[0]).toBeLessThan(15);
    expect(printed[1]).toBe(Math.max(...printed));
    const pagesOf = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
    const pages = pagesOf(await page.pdf({ format: 'A4', landscape: true }));
    const cliHtml = execFileSync(process.execPath, [CLI, 'score', join(ROOT, 'examples/vinh-bao/par-2026.json'), '--format', 'html'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const cliPage = await context.newPage();
    await cliPage.setContent(cliHtml);
    const cliPages = pagesOf(await cliPage.pdf({ format: 'A4', landscape: true }));
    await cliPage.close();
    expect(cliPages).toBeGreaterThan(1);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(cliPages + 1);
    await page.emulateMedia({ media: 'screen' });

    // A figure in the wrong convention: the previous totals stay, marked out of date, the criteria's points hidden.
    await page.fill('#in-dossiers_resolved', '1.170,5');
    await page.waitForSelector('#result[data-state="invalid"]', { state: 'attached' });
    expect(await page.textContent('#stale-note')).toBe(pageWords('vi').staleResult);
    expect(await page.textContent('#total-points')).toBe(`${formatNumber(expected.points, 'vi')} / 99,5`);
    expect(await page.$eval('#total-points', (e) => getComputedStyle(e.parentElement!).opacity)).toBe('0.4');
    expect(await page.isVisible('[id="pts-3.2"]')).toBe(false);
    // Printing now gives no figures of the old result.
    await page.emulateMedia({ media: 'print' });
    expect(await page.textContent('#report')).toBe(pageWords('vi').cannotScore);
    await page.emulateMedia({ media: 'screen' });
    // Fixed: the note goes, the result and the points are back.
    await page.fill('#in-dossiers_resolved', String(ev.entries.find((e: Json) => e.input === 'dossiers_resolved').value));
    await page.waitForSelector('#result[data-state="scored"]', { state: 'attached' });
    await totalIs(page, expected.points);
    expect(await page.locator('#stale-note').count()).toBe(0);
    expect(await page.isVisible('[id="pts-3.2"]')).toBe(true);

    // The appraiser's table on screen: the code column narrow, the criterion the widest.
    await page.click('#view-appraiser');
    await page.setInputFiles('#appraiser-evidence', join(ROOT, 'examples/vinh-bao/par-2026.json'));
    await page.setInputFiles('#appraiser-appraisal', join(ROOT, 'examples/vinh-bao/appraisal-2026.json'));
    await page.waitForFunction(() => (document.querySelector('#side-by-side tbody.totals tr')?.querySelectorAll('td').length ?? 0) > 4);
    const onScreen = await shares('#side-by-side table');
    expect(onScreen[0]).toBeLessThan(15);
    expect(onScreen[1]).toBe(Math.max(...onScreen));
    await context.close();
    expect(problems).toEqual([]);
  });

  it('the workbook: saved from the page, `parindex import` gives the page total; a template filled elsewhere opens in the page; a broken one shows its cell', async () => {
    const context = await browser!.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await watched(context, base);
    // The first load has no workbook code: it comes as a second script on first use.
    await page.waitForSelector('#evidence-form');
    expect(await page.evaluate(() => Array.from(document.scripts, (s) => s.getAttribute('src')))).toEqual(['app.js']);
    await page.setInputFiles('#open-evidence', join(ROOT, 'examples/vinh-bao/par-2026.json'));
    const ev = readJson('examples/vinh-bao/par-2026.json');
    const expected = score(compiled, ev).totals.points;
    await totalIs(page, expected);

    // Save the workbook; the built CLI imports it into evidence that scores exactly the page's total.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-workbook')]);
    expect(download.suggestedFilename()).toBe(`${ev.unit.code}-2026.xlsx`);
    expect(await page.evaluate(() => Array.from(document.scripts, (s) => s.getAttribute('src')))).toEqual(['app.js', 'workbook.js']);
    const saved = join(dir, 'saved.xlsx');
    writeFileSync(saved, readFileSync((await download.path())!));
    const imported = JSON.parse(execFileSync(process.execPath, [CLI, 'import', saved], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Json;
    expect(score(compiled, imported).totals.points).toBe(await page.getAttribute('#total-points', 'data-value'));
    expect(score(compiled, imported).totals).toEqual(score(compiled, ev).totals);

    // A workbook made by `parindex template` and filled as an officer types it: the engine's total.
    const template = join(dir, 'template.xlsx');
    execFileSync(process.execPath, [CLI, 'template', 'model.commune-par', '--format', 'xlsx', '--out', template]);
    const other = readJson('examples/dai-son/par-2026.json');
    const filled = await fillWorkbook(readFileSync(template), compiled, other, 'vi');
    await page.setInputFiles('#open-workbook', { name: 'dai-son.xlsx', mimeType: 'application/octet-stream', buffer: filled });
    await totalIs(page, score(compiled, other).totals.points);
    expect(await page.inputValue('#unit-code')).toBe(other.unit.code);
    expect(await page.textContent('#notice')).toContain(pageWords('vi').workbookRead('dai-son.xlsx'));

    // A text in a count cell: its problem with the sheet and cell and the sentence; the form stays as it was.
    const broken = await fillWorkbook(readFileSync(template), compiled, ev, 'vi', (def, v) => (def.id === 'dossiers_resolved' ? 'nhiều' : cellValueFor(def, v, compiled, 'vi')));
    await page.setInputFiles('#open-workbook', { name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: broken });
    const problem = page.locator('.problems li[data-code="EVIDENCE_VALUE_TYPE"]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe(
      'broken.xlsx:Số liệu!D4 EVIDENCE_VALUE_TYPE Đầu vào "Tổng số hồ sơ TTHC đã giải quyết trong năm" (dossiers_resolved) cần số nguyên ≥ 0; nhận được "nhiều".',
    );
    expect(await page.textContent('.problems p')).toBe(pageWords('vi').fileProblem('broken.xlsx'));
    expect(await page.getAttribute('#total-points', 'data-value')).toBe(score(compiled, other).totals.points);
    // A file that is not a workbook at all: the guard's refusal, nothing else.
    await page.setInputFiles('#open-workbook', { name: 'not.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a zip archive') });
    await page.waitForSelector('.problems li[data-code="WORKBOOK_UNREADABLE"]');
    expect(await page.locator('.officer > .problems li').count()).toBe(1);
    // The workbook the page saved opens in the page again: Vĩnh Bảo's total.
    await page.setInputFiles('#open-workbook', saved);
    await totalIs(page, expected);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('an appraiser sees the self-assessment and every round side by side; a province ranks the examples', async () => {
    const ev = readJson('examples/vinh-bao/par-2026.json');
    const appraisal = readJson('examples/vinh-bao/appraisal-2026.json');
    const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    const { page, problems } = await watched(context, base);
    // An evidence file of another set switches the form to that set; a broken set file is refused with its coded problems; a new set joins the list.
    const dti = readJson('examples/kien-tho/dti-2026.json');
    await page.setInputFiles('#open-evidence', join(ROOT, 'examples/kien-tho/dti-2026.json'));
    await totalIs(page, score(compile(readJson('rules/sets/model.commune-dti/2026.json')), dti).totals.points);
    expect(await page.inputValue('#set-select')).toBe('model.commune-dti@2026');
    await page.setInputFiles('#open-set', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x",\n  "version": 2026,,}') });
    await page.waitForSelector('.problems li[data-code="JSON_SYNTAX"]');
    expect(await page.textContent('.problems li[data-code="JSON_SYNTAX"]')).toMatch(/^broken\.json:2:\d+ JSON_SYNTAX /);
    const own: Json = { ...readJson('rules/sets/targets.kien-tho/2026.json'), id: 'targets.my-commune', status: 'draft' };
    await page.setInputFiles('#open-set', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
    await page.waitForSelector('#set-select option[value="targets.my-commune@2026"]:checked', { state: 'attached' });
    await totalIs(
      page,
      score(compile(own), {
        formatVersion: 1,
        criteriaSet: 'targets.my-commune@2026',
        unit: { code: '', name: '', level: 'commune' },
        period: { from: own.period.from, to: own.period.to },
        entries: [],
      }).totals.points,
    );

    await page.click('#view-appraiser');
    await page.setInputFiles('#appraiser-evidence', join(ROOT, 'examples/vinh-bao/par-2026.json'));
    await page.setInputFiles('#appraiser-appraisal', join(ROOT, 'examples/vinh-bao/appraisal-2026.json'));
    const rounds = (appraisal.rounds as Json[]).map((r) => score(compiled, ev, { appraisal, round: r.id }).totals.points);
    // The table is drawn once with the evidence alone, then again with the appraisal's rounds: wait for those.
    const cells = 3 + 1 + rounds.length;
    await page.waitForFunction((n) => document.querySelector('#side-by-side tbody.totals tr')?.querySelectorAll('td').length === n, cells);
    const totals = await page.locator('#side-by-side tbody.totals tr').first().locator('td').allTextContents();
    expect(totals.slice(3)).toEqual([score(compiled, ev).totals.points, ...rounds].map((p) => formatNumber(p, 'vi')));
    // The round that took 1.4.1's points away is marked in its row.
    const row141 = page.locator('#side-by-side tbody tr', { has: page.locator('td:first-child', { hasText: /^1\.4\.1$/ }) });
    expect(await row141.locator('td.changed').count()).toBeGreaterThan(0);

    // Workbooks instead of JSON files: the officer's workbook where the appraisal goes is refused saying what it
    // is; the appraisers' workbook (`template --appraisal`, filled with the same rounds) gives the same table.
    const template = join(dir, 'appraiser-template.xlsx');
    execFileSync(process.execPath, [CLI, 'template', 'model.commune-par', '--format', 'xlsx', '--out', template]);
    const daiSon = readJson('examples/dai-son/par-2026.json');
    const officerWorkbook = await fillWorkbook(readFileSync(template), compiled, daiSon, 'vi');
    await page.setInputFiles('#appraiser-appraisal', { name: 'dai-son.xlsx', mimeType: 'application/octet-stream', buffer: officerWorkbook });
    await page.waitForSelector('.appraiser .problems li[data-code="WORKBOOK_KIND"]');
    const appraisersTemplate = join(dir, 'appraisers.xlsx');
    execFileSync(process.execPath, [CLI, 'template', '--appraisal', join(ROOT, 'examples/vinh-bao/par-2026.json'), '--format', 'xlsx', '--out', appraisersTemplate]);
    const appraisersWorkbook = await fillAppraisal(readFileSync(appraisersTemplate), compiled, appraisal, 'vi');
    await page.setInputFiles('#appraiser-appraisal', { name: 'tham-dinh.xlsx', mimeType: 'application/octet-stream', buffer: appraisersWorkbook });
    await page.waitForFunction((n) => document.querySelector('#side-by-side tbody.totals tr')?.querySelectorAll('td').length === n, cells);
    expect((await page.locator('#side-by-side tbody.totals tr').first().locator('td').allTextContents()).slice(3)).toEqual(totals.slice(3));

    await page.click('#view-province');
    const files = ['dai-son', 'kien-tho', 'nguyen-luong-bang', 'tran-lieu', 'vinh-bao'].map((u) => join(ROOT, `examples/${u}/par-2026.json`));
    await page.setInputFiles('#province-files', [...files, join(ROOT, 'examples/vinh-bao/appraisal-2026.json')]);
    await page.waitForSelector('#ranking table');
    const evidences = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Json);
    const summaries = evidences.map((e) => toSummary(score(compiled, e, hashJson(e) === appraisal.evidence.sha256 ? { appraisal } : {})));
    const order = rank(summaries, 'dense').map((r) => r.result.unit.code);
    const codes = await page.locator('#ranking table').first().locator('tbody tr td:nth-child(3)').allTextContents();
    expect(codes).toEqual(order);
    // Every band of the set, as `parindex rank` lists them: C has no unit here and is listed with 0.
    const cli = JSON.parse(
      execFileSync(process.execPath, [CLI, 'rank', ...files, join(ROOT, 'examples/vinh-bao/appraisal-2026.json'), '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as Json;
    expect(cli.summary.bands.map((b: Json) => [b.code, b.count])).toEqual([
      ['A', 1],
      ['B', 3],
      ['C', 0],
      ['D', 1],
    ]);
    expect(await page.locator('#ranking table', { hasText: 'C — Khá' }).count()).toBeGreaterThan(0);
    // Three of them dropped on the page instead: those three, in the same order.
    const texts = files.slice(0, 3).map((f) => ({ name: f.split('/').slice(-2).join('-'), text: readFileSync(f, 'utf8') }));
    await page.evaluate((items) => {
      const dt = new DataTransfer();
      for (const i of items) dt.items.add(new File([i.text], i.name, { type: 'application/json' }));
      document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, texts);
    await page.waitForFunction(() => document.querySelector('#ranking table')?.querySelectorAll('tbody tr').length === 3, null, { timeout: 180_000 });
    const dropped = new Set(evidences.slice(0, 3).map((e) => e.unit.code));
    expect(await page.locator('#ranking table').first().locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(order.filter((c) => dropped.has(c)));
    const bins = await page.locator('#histogram .bin').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(bins.reduce((a, b) => a + b, 0)).toBe(3);
    // Workbooks among the files: Đại Sơn's officer's workbook and Vĩnh Bảo's appraisers' workbook, ranked as their JSON files.
    const jsonOnly = files.filter((f) => !f.includes('dai-son'));
    await page.setInputFiles('#province-files', [
      ...jsonOnly.map((f) => ({ name: f.split('/').slice(-2).join('-'), mimeType: 'application/json', buffer: readFileSync(f) })),
      { name: 'dai-son.xlsx', mimeType: 'application/octet-stream', buffer: officerWorkbook },
      { name: 'tham-dinh.xlsx', mimeType: 'application/octet-stream', buffer: appraisersWorkbook },
    ]);
    await page.waitForFunction((n) => document.querySelector('#ranking table')?.querySelectorAll('tbody tr').length === n, files.length);
    expect(await page.locator('#ranking table').first().locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(order);
    await context.close();
    expect(problems).toEqual([]);
  });
});
