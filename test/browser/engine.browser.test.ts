/**
 * The engine in a browser: bundle @parindex/engine for the browser (esbuild, as `pnpm bench` measures
 * it), load it in Debian's chromium through playwright-core, compile the commune PAR set and score
 * evidence in the page, and compare the result's JSON with the one Node produces: byte-identical. The
 * prebuilt scoring entry for dashboards (dist/parindex.scoring.min.js, and with the advice of full results
 * dist/parindex.scoring-advice.min.js) the same way, with its trust rule.
 * Skipped only when /usr/bin/chromium is absent (CI's .ci/run installs it). Never downloads a browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEvidence, compile, score } from '@parindex/engine';
import { CHROMIUM, hasChromium, launchChromium } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
if (!hasChromium) console.warn(`test/browser: ${CHROMIUM} is absent, the browser test is skipped (apt-get install -y chromium)`);

/** The prebuilt scoring entry (packages/engine/scripts/bundle-browser.mjs writes it; `pnpm test` builds it first). */
const SCORING_FILE = `${ROOT}packages/engine/dist/parindex.scoring.min.js`;
/** The same entry with the advice (full results), prebuilt by the same script. */
const SCORING_ADVICE_FILE = `${ROOT}packages/engine/dist/parindex.scoring-advice.min.js`;
const readJson = (p: string) => JSON.parse(readFileSync(`${ROOT}${p}`, 'utf8')) as Record<string, unknown>;

describe.skipIf(!hasChromium)(`engine in chromium (${hasChromium ? CHROMIUM : `skipped: ${CHROMIUM} is absent`})`, () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let base = '';
  let bundle = '';

  beforeAll(async () => {
    // The engine from its sources, as a browser would get it: one ESM file with its dependencies.
    const out = await build({
      entryPoints: [`${ROOT}packages/engine/src/index.ts`],
      alias: { '@parindex/rules': `${ROOT}rules/src/index.ts` },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    bundle = out.outputFiles[0]!.text;
    server = createServer((req, res) => {
      if (req.url === '/engine.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(bundle);
      } else if (req.url === '/scoring.js') {
        // The scoring entry as the package ships it prebuilt (@parindex/engine/scoring-browser).
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(readFileSync(SCORING_FILE, 'utf8'));
      } else if (req.url === '/scoring-advice.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(readFileSync(SCORING_ADVICE_FILE, 'utf8'));
      } else if (req.url === '/main.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(`import * as engine from '/engine.js';\nwindow.parindex = engine;\ndocument.title = 'ready';\n`);
      } else if (req.url === '/scoring-main.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        res.end(
          `import * as engine from '/scoring.js';\nimport * as withAdvice from '/scoring-advice.js';\nwindow.parindex = engine;\nwindow.parindexWithAdvice = withAdvice;\ndocument.title = 'ready';\n`,
        );
      } else {
        // A strict page: no eval or new Function allowed, as on a government site with a CSP.
        const main = req.url === '/scoring' ? '/scoring-main.js' : '/main.js';
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'self'" });
        res.end(`<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="${main}"></script><p>parindex engine test page</p>`);
      }
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('the bundle has no eval, no Function constructor (by any name) and no node: imports', () => {
    expect(bundle).not.toMatch(/\beval\s*\(/);
    expect(bundle).not.toMatch(/new\s+Function\b/);
    expect(bundle.replace(/\binstanceof\s+Function\b/g, '')).not.toMatch(/(?<![\w$.])Function(?![\w$])/);
    expect(bundle).not.toMatch(/["']node:/);
  });

  it('compiles the commune PAR set and scores evidence in the page: the same JSON as Node, byte for byte, diagnostics of broken evidence included', async () => {
    const set = readJson('rules/sets/model.commune-par/2026.json');
    const evidence = [readJson('examples/vinh-bao/par-2026.json')];
    const generator = `${ROOT}examples/generate.mjs`;
    if (existsSync(generator)) {
      const { generateEvidence } = (await import(generator)) as { generateEvidence: (n: number, seed: number) => Record<string, unknown>[] };
      evidence.push(...generateEvidence(12, 1));
    }
    const compiled = compile(set);
    const inNode = evidence.map((e) => JSON.stringify(score(compiled, e)));
    // Schema problems are written by the engine in both languages (zod/mini has no locale): the same sentences.
    const broken = structuredClone(evidence[0]!) as { unit: Record<string, unknown>; entries: Array<Record<string, unknown>> };
    broken.unit.level = 'xa';
    broken.entries[3]!.values = 'on_time';
    const brokenInNode = JSON.stringify(checkEvidence(compiled, broken));
    expect(brokenInNode).toContain('EVIDENCE_SCHEMA');

    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const inBrowser = await page.evaluate(
      ({ set, evidence, broken }) => {
        type Engine = { compile(s: unknown): unknown; score(c: unknown, e: unknown): unknown; checkEvidence(c: unknown, e: unknown): unknown };
        const engine = (window as unknown as { parindex: Engine }).parindex;
        const c = engine.compile(set);
        return {
          results: evidence.map((e: unknown) => JSON.stringify(engine.score(c, e))),
          broken: JSON.stringify(engine.checkEvidence(c, broken)),
          userAgent: navigator.userAgent,
        };
      },
      { set, evidence, broken },
    );
    await page.close();
    expect(errors).toEqual([]);
    expect(inBrowser.userAgent).toMatch(/Chrome/);
    expect(inBrowser.results.length).toBe(inNode.length);
    for (let i = 0; i < inNode.length; i++) expect(inBrowser.results[i], `evidence #${i}`).toBe(inNode[i]);
    expect(inBrowser.broken).toBe(brokenInNode);
  });
  it('the prebuilt scoring entry, under the same strict page: shipped and pinned sets compile, another is refused, the results are those of the full entry, byte for byte (the full form with the advice file)', async () => {
    const set = readJson('rules/sets/model.commune-par/2026.json');
    const edited = { ...set, title: `${String(set.title)} (bản tỉnh)` };
    const pinned = compile(edited).sha256;
    const { generateEvidence } = (await import(`${ROOT}examples/generate.mjs`)) as { generateEvidence: (n: number, seed: number) => Record<string, unknown>[] };
    const evidence = [readJson('examples/vinh-bao/par-2026.json'), ...generateEvidence(6, 2)];
    const compiled = compile(set);
    const editedCompiled = compile(edited);
    const inNode = {
      full: evidence.map((e) => JSON.stringify(score(compiled, e))),
      compact: evidence.map((e) => JSON.stringify(score(editedCompiled, e, { form: 'compact' }))),
    };
    for (const file of [SCORING_FILE, SCORING_ADVICE_FILE]) expect(readFileSync(file, 'utf8')).not.toMatch(/\beval\s*\(|new\s+Function\b|["']node:/);

    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/scoring`);
    await page.waitForFunction(() => document.title === 'ready');
    const inBrowser = await page.evaluate(
      ({ set, edited, pinned, evidence }) => {
        type Scoring = { compile(s: unknown, o?: { sha256?: string }): unknown; score(c: unknown, e: unknown, o?: { form: 'compact' }): unknown };
        const w = window as unknown as { parindex: Scoring; parindexWithAdvice: Scoring & { withAdvice(c: unknown): unknown } };
        const engine = w.parindex;
        const p = engine.compile(edited, { sha256: pinned });
        const codeOf = (run: () => unknown) => {
          try {
            run();
          } catch (e) {
            return String((e as { diagnostics?: Array<{ code: string }> }).diagnostics?.[0]?.code);
          }
          return '';
        };
        const c = w.parindexWithAdvice.withAdvice(w.parindexWithAdvice.compile(set));
        return {
          full: evidence.map((e: unknown) => JSON.stringify(w.parindexWithAdvice.score(c, e))),
          compact: evidence.map((e: unknown) => JSON.stringify(engine.score(p, e, { form: 'compact' }))),
          refused: codeOf(() => engine.compile(edited)),
          noAdvice: codeOf(() => engine.score(engine.compile(set), evidence[0])),
        };
      },
      { set, edited, pinned, evidence },
    );
    await page.close();
    expect(errors).toEqual([]);
    expect(inBrowser.refused).toBe('SET_NOT_PINNED');
    expect(inBrowser.noAdvice).toBe('SCORE_NEEDS_ADVICE');
    expect(inBrowser.full).toEqual(inNode.full);
    expect(inBrowser.compact).toEqual(inNode.compact);
  });
});
