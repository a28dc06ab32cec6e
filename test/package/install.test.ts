/**
 * The packages as a developer gets them: `pnpm pack` the five packages (workspace: versions replaced),
 * install the tarballs with plain npm into an empty folder outside the repository, and there
 *   - check each package's manifest, licence, README, exports and types;
 *   - run the README's "Using the engine" program, its exact text taken from README.md;
 *   - type-check the same program as TypeScript against the installed .d.ts files;
 *   - run the installed `parindex` command and the installed JSON API server;
 *   - load the prebuilt browser file in Debian's chromium (skipped when /usr/bin/chromium is absent)
 *     and score and explain the example commune there: the same result as Node.
 * npm uses its cache (--prefer-offline); the registry is only asked for what the cache lacks.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../browser/chromium.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = {
  '@parindex/rules': 'rules',
  '@parindex/engine': 'packages/engine',
  '@parindex/explain': 'packages/explain',
  '@parindex/plans': 'packages/plans',
  '@parindex/cli': 'packages/cli',
  '@parindex/server': 'packages/server',
  '@parindex/workbook': 'packages/workbook',
};
const EVIDENCE = join(ROOT, 'examples/vinh-bao/par-2026.json');

/** The first ```js block of a README section (the text a developer copies). */
function codeBlock(markdown: string, heading: string): string {
  const from = markdown.indexOf(`\n${heading}\n`);
  if (from < 0) throw new Error(`no section ${heading}`);
  const m = /\n```js\n([\s\S]*?)\n```\n/.exec(markdown.slice(from));
  if (!m) throw new Error(`no js block under ${heading}`);
  return m[1]! + '\n';
}

/**
 * pnpm: the one that runs these tests when `pnpm test` does (it names itself in npm_execpath), else
 * npx's pnpm@10 (npx alone costs a second or two of a busy machine's CPU).
 */
const pnpm = (args: string[]) => {
  const self = process.env.npm_execpath ?? '';
  return /[\\/]pnpm\.c?js$/.test(self) && existsSync(self)
    ? run(process.execPath, [self, ...args], { cwd: ROOT, encoding: 'utf8' })
    : run('npx', ['--yes', 'pnpm@10', ...args], { cwd: ROOT, encoding: 'utf8' });
};

const node = (dir: string, args: string[]) => run(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('the packed packages, installed with npm outside the repository', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parindex-pack-'));
  const app = join(tmp, 'app');
  let npmWarnings = '';
  const program = codeBlock(readFileSync(join(ROOT, 'README.md'), 'utf8'), '## Using the engine');

  beforeAll(async () => {
    const tarballs = join(tmp, 'tarballs');
    const filters = Object.keys(PACKAGES).flatMap((p) => ['--filter', p]);
    await pnpm(['-r', ...filters, 'pack', '--pack-destination', tarballs]);
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'dashboard', private: true, type: 'module' }));
    const files = readdirSync(tarballs).map((f) => join(tarballs, f));
    const installed = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn', ...files], { cwd: app, encoding: 'utf8' });
    npmWarnings = installed.stderr;
    copyFileSync(EVIDENCE, join(app, 'par-2026.json'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('installs without an engine warning: every dependency declares this Node (docx is pinned to 9.7.1, whose nanoid 5 does)', () => {
    expect(npmWarnings.split('\n').filter((l) => /EBADENGINE/.test(l))).toEqual([]);
  });

  it('each package: no workspace reference, a licence and a README, every export and its types present', () => {
    for (const name of Object.keys(PACKAGES)) {
      const dir = join(app, 'node_modules', name);
      const text = readFileSync(join(dir, 'package.json'), 'utf8');
      expect(text, name).not.toContain('workspace:');
      const pkg = JSON.parse(text) as { license: string; exports: Record<string, unknown>; dependencies?: Record<string, string> };
      expect(pkg.license).toBe('MIT');
      expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(`# ${name}`.replace('# @parindex/rules', '# Criteria sets'));
      for (const dep of Object.keys(pkg.dependencies ?? {})) expect(existsSync(join(app, 'node_modules', dep, 'package.json')), `${name} → ${dep}`).toBe(true);
      for (const [sub, target] of Object.entries(pkg.exports)) {
        const targets = typeof target === 'string' ? [target] : Object.values(target as Record<string, string>);
        for (const t of targets) if (!t.includes('*')) expect(existsSync(join(dir, t)), `${name} ${sub} → ${t}`).toBe(true);
      }
    }
  });

  it("runs the README's program as written: the index, the Vietnamese working and advice, the English warnings", async () => {
    writeFileSync(join(app, 'readme.mjs'), program);
    const { stdout } = await node(app, ['readme.mjs']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('83.6');
    expect(lines[1]).toBe('1.1.3 Mức độ hoàn thành nhiệm vụ của Kế hoạch CCHC năm: 0,5 / 1');
    expect(lines[2]).toBe('  Tỉ lệ = 33 ÷ 36 × 100 = 91,666667…');
    expect(stdout).toContain('  → Thêm 3 nhiệm vụ đã hoàn thành để đạt 1 điểm (+0,5) (33 → 36; tỉ lệ 100%)');
    expect(stdout).toContain('SCORE_CLAIM_MISMATCH "3.2" claims 2 points; the evidence supports 1.');
  });

  it("the dashboard entry as its README says: the compact form, SCORE_NEEDS_ADVICE for a full result, and with withAdvice the full entry's result, byte for byte", async () => {
    writeFileSync(
      join(app, 'dashboard.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import * as full from '@parindex/engine';",
        "import { compile, score } from '@parindex/engine/scoring';",
        "import { withAdvice } from '@parindex/engine/advice';",
        "const set = JSON.parse(readFileSync('node_modules/@parindex/rules/sets/model.commune-par/2026.json', 'utf8'));",
        "const evidence = JSON.parse(readFileSync('par-2026.json', 'utf8'));",
        'const compiled = compile(set);',
        "console.log(score(compiled, evidence, { form: 'compact' }).totals.index);",
        'try { score(compiled, evidence); } catch (e) { console.log(e.diagnostics[0].code); }',
        'console.log(JSON.stringify(score(withAdvice(compiled), evidence)) === JSON.stringify(full.score(full.compile(set), evidence)));',
      ].join('\n'),
    );
    const { stdout } = await node(app, ['dashboard.mjs']);
    expect(stdout).toBe('83.6\nSCORE_NEEDS_ADVICE\ntrue\n');
  });

  it('type-checks the same program as TypeScript against the installed declarations (strict, NodeNext)', async () => {
    writeFileSync(join(app, 'readme.ts'), program);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
        },
        files: ['readme.ts'],
      }),
    );
    const r = await node(app, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    expect(r.stdout).toBe('');
  });

  it('the installed parindex command scores with the bundled set; the installed server answers /v1/score', async () => {
    const score = await node(app, ['node_modules/@parindex/cli/dist/parindex.js', 'score', 'par-2026.json', '--format', 'json', '--quiet']);
    expect((JSON.parse(score.stdout) as { totals: { index: string } }).totals.index).toBe('83.6');
    // The command npm installed (the package's bin, dist/launch.cjs), with the code cache the build wrote.
    const bin = await run(join(app, 'node_modules/.bin/parindex'), ['score', 'par-2026.json', '--format', 'json', '--quiet'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, PARINDEX_CODE_CACHE: 'check' },
    });
    expect(bin.stdout).toBe(score.stdout);
    expect(bin.stderr).toBe('parindex: code cache used\n');
    // A set file is checked against its JSON Schema by the validator generated at build (dist/vendor/set-validator.cjs).
    const set = JSON.parse(readFileSync(join(ROOT, 'rules/sets/model.commune-par/2026.json'), 'utf8'));
    writeFileSync(join(app, 'my-set.json'), JSON.stringify({ ...set, scale: 'một trăm' }, null, 2));
    // Exit 1 (invalid input): execFile rejects with the output it got.
    const checked = await node(app, ['node_modules/@parindex/cli/dist/parindex.js', 'validate', 'my-set.json', '--lang', 'en']).catch((e: { code: number; stdout: string }) => e);
    expect(checked).toMatchObject({ code: 1 });
    expect(checked.stdout).toMatch(/^my-set\.json:\d+:\d+ {2}SET_SCHEMA {2}\/scale {2}error: The scale \("scale"\) must be a non-negative decimal/m);
    writeFileSync(
      join(app, 'server.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { startServer } from '@parindex/server';",
        'const s = await startServer({ port: 0, threads: 1 });',
        "const r = await fetch(`${s.url}/v1/explain?lang=en&code=3.2`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: readFileSync('par-2026.json', 'utf8') });",
        'console.log(r.status, JSON.stringify((await r.json()).criteria[0].steps));',
        'await s.close();',
      ].join('\n'),
    );
    const served = await node(app, ['server.mjs']);
    expect(served.stdout.trim()).toBe('200 ["Ratio = 1,170 ÷ 1,300 × 100 = 90","Tier taken: from 90% to under 95% → 1 point"]');
  });

  describe.skipIf(!existsSync(CHROMIUM))(`the prebuilt browser file in chromium (${existsSync(CHROMIUM) ? CHROMIUM : `skipped: ${CHROMIUM} is absent`})`, () => {
    let server: Server | undefined;

    it('is one ES module without eval or node: imports, its gzip size as the README says; it scores and explains in a strict page as Node does', async () => {
      const file = readFileSync(join(app, 'node_modules/@parindex/engine/dist/parindex.browser.min.js'), 'utf8');
      expect(file).not.toMatch(/\beval\s*\(|new\s+Function\b|["']node:/);
      const gzipKb = gzipSync(file, { level: 9 }).length / 1024;
      const stated = Number(/about (\d+) KB gzip/.exec(readFileSync(join(ROOT, 'packages/engine/README.md'), 'utf8'))![1]);
      expect(Math.abs(gzipKb - stated) / stated, `README says about ${stated} KB gzip; it is ${gzipKb.toFixed(1)} KB`).toBeLessThan(0.1);
      const set = readFileSync(join(app, 'node_modules/@parindex/rules/sets/model.commune-par/2026.json'), 'utf8');
      const evidence = readFileSync(EVIDENCE, 'utf8');
      server = createServer((req, res) => {
        const body: Record<string, [string, string]> = {
          '/parindex.browser.min.js': ['text/javascript', file],
          '/set.json': ['application/json', set],
          '/evidence.json': ['application/json', evidence],
          '/main.js': [
            'text/javascript',
            "import * as p from '/parindex.browser.min.js';\nconst [set, ev] = await Promise.all(['/set.json', '/evidence.json'].map(async (u) => (await fetch(u)).json()));\nconst c = p.compile(set);\nconst r = p.score(c, ev);\nwindow.out = { result: JSON.stringify(r), advice: p.explainSentences(r, c, p.createExplainer(c, 'vi'), { code: '3.2' })[0].improve[0], warning: p.diagnosticText(r.diagnostics[0], 'en') };\ndocument.title = 'done';\n",
          ],
        };
        const [type, text] = body[req.url ?? ''] ?? ['text/html', '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/main.js"></script>'];
        res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'content-security-policy': "script-src 'self'; connect-src 'self'" });
        res.end(text);
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        await page.waitForFunction(() => document.title === 'done');
        const out = await page.evaluate(() => (window as unknown as { out: { result: string; advice: string; warning: string } }).out);
        expect(errors).toEqual([]);
        // The same in Node, with the installed engine.
        writeFileSync(
          join(app, 'node-score.mjs'),
          "import { readFileSync } from 'node:fs';\nimport { compile, score } from '@parindex/engine';\nconst set = JSON.parse(readFileSync('node_modules/@parindex/rules/sets/model.commune-par/2026.json', 'utf8'));\nprocess.stdout.write(JSON.stringify(score(compile(set), JSON.parse(readFileSync('par-2026.json', 'utf8')))));\n",
        );
        expect(out.result).toBe((await node(app, ['node-score.mjs'])).stdout);
        expect(out.advice).toBe('Thêm 65 hồ sơ giải quyết trước và đúng hạn để đạt 2 điểm (+1) (1.170 → 1.235; tỉ lệ 95%)');
        expect(out.warning).toBe('"1.4.1" lacks the document "Propaganda plan 2026".');
      } finally {
        await browser.close();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
    });
  });
});
