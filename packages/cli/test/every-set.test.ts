/**
 * Breadth, in process (the CLI's main() with stdout captured): every bundled criteria set can be shown
 * and gets a blank template that validates; every example evidence file scores in every format and
 * explains, in both languages. The commands in detail: cli.test.ts; the built CLI as a process: bin.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSets } from '@parindex/rules/node';
import { cliInProcess, ROOT, tempDir } from './helpers.js';

const dir = tempDir();
const refs = bundledSets().entries.map((e) => e.ref);

describe('every bundled criteria set', () => {
  it.each(refs)('%s: rules show (vi, en, md) and a blank template that validates', async (ref) => {
    const vi_ = await cliInProcess(['rules', 'show', ref]);
    expect(vi_.code, vi_.stderr).toBe(0);
    expect(vi_.stdout).toContain(ref);
    expect(vi_.stdout).toMatch(/Tổng điểm\s+[0-9.,]+/);
    const en = await cliInProcess(['rules', 'show', ref, '--lang', 'en', '--format', 'md']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('| Code | Field / criterion | Maximum | Rule |');
    // Every leaf has a rule sentence.
    const set = bundledSets().get(ref);
    const leaves: string[] = [];
    const walk = (n: { code: string; children?: unknown[] }) => (n.children?.length ? (n.children as Array<typeof n>).forEach(walk) : leaves.push(n.code));
    set.fields.forEach(walk);
    for (const code of leaves) expect(en.stdout, code).toMatch(new RegExp(`^\\| ${code.replace(/\./g, '\\.')} \\|.*\\| [^|]+ \\|$`, 'm'));
    const out = join(dir, `${ref}.json`);
    expect((await cliInProcess(['template', ref, '--out', out])).code).toBe(0);
    const t = JSON.parse(readFileSync(out, 'utf8'));
    expect(t.entries.length).toBe(leaves.length + (set.bonus?.items.length ?? 0) + (set.penalty?.items.length ?? 0));
    const v = await cliInProcess(['validate', out, '--format', 'json']);
    expect(v.code, v.stdout).toBe(0);
  });
});

const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(ROOT, 'examples', d.name)).map((f) => `examples/${d.name}/${f}`))
  .filter((f) => f.endsWith('.json') && Array.isArray(JSON.parse(readFileSync(join(ROOT, f), 'utf8')).entries));

describe('every example evidence file', () => {
  it.each(examples)('%s: score in every format, explain, diff with itself', async (name) => {
    let file = name;
    file = join(ROOT, file);
    {
      for (const format of ['table', 'json', 'md', 'html', 'csv']) {
        for (const lang of ['vi', 'en']) {
          const r = await cliInProcess(['score', file, '--format', format, '--lang', lang, '--quiet']);
          expect(r.code, `${format} ${lang}: ${r.stderr}`).toBe(0);
          expect(r.stdout.length).toBeGreaterThan(100);
          if (format === 'json') expect(JSON.parse(r.stdout).formatVersion).toBe(1);
          if (format === 'csv') expect(r.stdout.startsWith('\ufeff')).toBe(true);
          if (format === 'html') expect(r.stdout).toContain(`<html lang="${lang}">`);
        }
      }
      const e = await cliInProcess(['explain', file, '--quiet']);
      expect(e.code).toBe(0);
      const en = await cliInProcess(['explain', file, '--quiet', '--lang', 'en', '--format', 'md']);
      expect(en.code).toBe(0);
      const d = await cliInProcess(['diff', file, file, '--format', 'json', '--quiet']);
      expect(d.code).toBe(0);
      expect(JSON.parse(d.stdout).counts).toEqual({ changedLeaves: 0, raised: 0, lowered: 0, samePoints: 0, oneSide: 0 });
    }
  });
});

describe('internal errors', () => {
  it('one line, no stack unless PARINDEX_DEBUG=1, exit 1', async () => {
    const { COMMANDS } = await import('../src/main.js');
    const orig = COMMANDS.score!.load;
    COMMANDS.score!.load = async () => ({
      meta: { name: 'score' },
      args: { lang: { type: 'enum', options: ['vi', 'en'] } },
      run: () => {
        throw new TypeError('boom');
      },
    });
    try {
      const r = await cliInProcess(['score']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('parindex: lỗi nội bộ (TypeError: boom). Đặt PARINDEX_DEBUG=1 để xem chi tiết và báo lỗi.\n');
      process.env.PARINDEX_DEBUG = '1';
      const d = await cliInProcess(['score', '--lang', 'en']);
      expect(d.stderr).toMatch(/^parindex: internal error \(TypeError: boom\)[^\n]*\nTypeError: boom\n\s+at /);
    } finally {
      delete process.env.PARINDEX_DEBUG;
      COMMANDS.score!.load = orig;
    }
  });
});
