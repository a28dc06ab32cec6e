/**
 * The files `rank` takes from a folder (filesToRank): a folder of regular files only is listed from its
 * entries' types, without a stat of each file, and each file's real path is its folder's with its name;
 * anything else in a folder (a subfolder, a link, a FIFO) sends the folder to walkJsonFiles. Either way
 * the files, their order and the diagnostics are the walk's, and each real path is the system's. And
 * the unit code as rank compares it: a plain ASCII code takes a short way to the same form.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkJsonFiles } from '@parindex/rules/files';
import { unitKey } from '@parindex/engine';
import { filesToRank } from '../src/commands/rank.js';
import { tempDir } from './helpers.js';

/** A folder with these files (each holding `{}`). */
function folder(names: readonly string[]): string {
  const dir = tempDir();
  for (const name of names) writeFileSync(join(dir, name), '{}');
  return dir;
}

/** filesToRank of one folder against walkJsonFiles of it; the real paths it gives against realpath(3). */
function expectAsWalked(dir: string): ReturnType<typeof filesToRank> {
  const listed = filesToRank([dir]);
  const walked = walkJsonFiles(dir);
  expect(listed.files.map((f) => f.file)).toEqual(walked.files);
  expect(listed.unreadable.flatMap((u) => u.diagnostics)).toEqual(walked.diagnostics);
  for (const f of listed.files) {
    expect(f.explicit).toBe(false);
    if (f.real !== undefined) expect(f.real).toBe(realpathSync.native(f.file));
  }
  return listed;
}

describe('the files of a folder to rank', () => {
  it('a folder of regular files only: the *.json files in the walk’s order, each with its real path', () => {
    // Names whose order depends on the comparison: upper case, digits, a dash, a Vietnamese letter.
    const dir = folder(['b.json', 'B.json', 'a-1.json', 'a10.json', 'a2.json', 'đ.json', 'notes.txt', 'x.JSON']);
    const listed = expectAsWalked(dir);
    expect(listed.files.map((f) => f.file.slice(dir.length + 1))).toEqual(['B.json', 'a-1.json', 'a10.json', 'a2.json', 'b.json', 'đ.json']);
    expect(listed.files.every((f) => f.real !== undefined)).toBe(true);
  });

  it('through a link to the folder, and named with a trailing slash: the same files, the real paths of the folder linked to', () => {
    const dir = folder(['u1.json', 'u2.json']);
    const link = join(tempDir(), 'link');
    symlinkSync(dir, link);
    expect(expectAsWalked(link).files.map((f) => f.real)).toEqual([join(realpathSync.native(dir), 'u1.json'), join(realpathSync.native(dir), 'u2.json')]);
    expectAsWalked(`${dir}/`);
  });

  it('a folder with a subfolder, a link or a FIFO is walked as before, with what the walk reports', () => {
    const nested = folder(['u1.json']);
    mkdirSync(join(nested, 'sub'));
    writeFileSync(join(nested, 'sub', 'u2.json'), '{}');
    expect(expectAsWalked(nested).files).toHaveLength(2);

    const links = folder(['u1.json']);
    symlinkSync(join(links, 'u1.json'), join(links, 'u0.json'));
    symlinkSync(join(links, 'nowhere.json'), join(links, 'broken.json'));
    const listed = expectAsWalked(links);
    expect(listed.files).toHaveLength(2);
    expect(listed.unreadable.map((u) => u.diagnostics[0]!.code)).toEqual(['FILE_LINK_BROKEN']);

    const fifo = folder(['u1.json']);
    expect(spawnSync('mkfifo', [join(fifo, 'pipe.json')]).status).toBe(0);
    expect(expectAsWalked(fifo).unreadable.map((u) => u.diagnostics[0]!.code)).toEqual(['FILE_NOT_REGULAR']);
  });

  it('an empty folder and a folder without *.json files: no file, as the walk', () => {
    expect(expectAsWalked(folder([])).files).toEqual([]);
    expect(expectAsWalked(folder(['a.txt'])).files).toEqual([]);
  });
});

describe('a unit code as rank compares it', () => {
  it('a code of printable ASCII words one space apart is only lower-cased, as the full comparison form gives it', () => {
    // The full form (NFKC, format characters out, dashes, spaces, case, look-alikes), applied to ASCII.
    const full = (code: string) =>
      code
        .normalize('NFKC')
        .replace(/\p{Cf}/gu, '')
        .replace(/[\p{Pd}\u2212\u2043\u02d7]/gu, '-')
        .replace(/\s+/gu, ' ')
        .trim()
        .toLowerCase();
    const codes = ['HP-VINHBAO', 'GEN-00001', 'a b', 'X_1.2/3', '~!@#$%^&*()_+{}|:"<>?', 'Hp-VinhBao 2'];
    for (let c = 0x21; c < 0x7f; c++) codes.push(`A${String.fromCharCode(c)}b`);
    for (const code of codes) expect(unitKey(code)).toBe(full(code));
    // Not plain: two spaces, an edge space, a tab, a letter outside ASCII: the full form.
    expect(unitKey('HP  VINHBAO')).toBe('hp vinhbao');
    expect(unitKey(' HP-VINHBAO ')).toBe('hp-vinhbao');
    expect(unitKey('HP\tVINHBAO')).toBe('hp vinhbao');
    expect(unitKey('HP\u2011VINHBAO')).toBe('hp-vinhbao');
  });
});
