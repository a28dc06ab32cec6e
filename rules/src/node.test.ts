import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSets, compareVersions, SetLibrary, BUNDLED_SETS_DIR } from './node.js';
import { ParindexError } from './diagnostics.js';

describe('the bundled criteria sets', () => {
  const lib = bundledSets();

  it('all load and validate without a single diagnostic', () => {
    expect(lib.diagnostics).toEqual([]);
    expect(lib.entries.length).toBeGreaterThanOrEqual(7);
  });

  it('are listed in id order, then version order, each with its provenance', () => {
    const refs = lib.entries.map((e) => e.ref);
    expect(refs).toContain('model.commune-par@2026');
    expect(refs.indexOf('targets.dai-son@2026')).toBeLessThan(refs.indexOf('targets.dai-son@2028'));
    for (const e of lib.entries) {
      expect(e.issuer.length).toBeGreaterThan(0);
      expect(e.decision.number.length).toBeGreaterThan(0);
      expect(e.file).toBe(`${e.id}/${e.version}.json`);
    }
  });

  it('are found by id@version, or by id for the latest version', () => {
    expect(lib.find('targets.dai-son')?.ref).toBe('targets.dai-son@2028');
    expect(lib.find('targets.dai-son@2026')?.version).toBe('2026');
    expect(lib.get('model.commune-par@2026').fields.length).toBe(8);
    expect(lib.find('nope@2026')).toBeUndefined();
    expect(() => lib.get('nope')).toThrow(ParindexError);
    try {
      lib.get('nope');
    } catch (e) {
      expect((e as ParindexError).diagnostics[0]!.code).toBe('SET_NOT_FOUND');
    }
  });
});

describe('a set library in another folder', () => {
  it('reports invalid files and duplicate refs with their file, and keeps the valid sets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parindex-sets-'));
    const good = readFileSync(join(BUNDLED_SETS_DIR, 'targets.kien-tho/2026.json'), 'utf8');
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a/one.json'), good);
    writeFileSync(join(dir, 'a/two.json'), good);
    writeFileSync(join(dir, 'broken.json'), '{ "formatVersion": 1, ');
    const lib = new SetLibrary(dir);
    expect(lib.entries.map((e) => e.ref)).toEqual(['targets.kien-tho@2026']);
    expect(lib.diagnostics.map((d) => [d.code, d.file?.replace(dir, '')])).toEqual([
      ['SET_AMBIGUOUS', '/a/two.json'],
      ['JSON_SYNTAX', '/broken.json'],
    ]);
  });
});

describe('a set library in a folder that does not exist', () => {
  it('reports FILE_NOT_FOUND instead of throwing', () => {
    const lib = new SetLibrary('/nonexistent/parindex-sets');
    expect(lib.entries).toEqual([]);
    expect(lib.diagnostics.map((d) => d.code)).toEqual(['FILE_NOT_FOUND']);
  });
});

describe('compareVersions', () => {
  it('orders years and revisions numerically', () => {
    expect(['2026.10', '2025', '2026', '2026.2'].sort(compareVersions)).toEqual(['2025', '2026', '2026.2', '2026.10']);
  });
});
