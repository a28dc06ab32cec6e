/**
 * The one file reader and the one folder walk: regular files only (FIFOs and devices are refused from
 * their type, never opened for reading), the size limit held while reading, UTF-8, and every problem a
 * coded diagnostic. FIFOs and devices are read in a child process with a kill timeout: should the reader
 * ever block or read forever again, the timeout ends the child and the assertion on its output fails;
 * the test itself cannot hang.
 */
import { diagnosticText as text } from '../../packages/explain/src/index.js';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, readJsonFile, readTextFile, walkJsonFiles, type FileSystem } from './files.js';

const DIST = fileURLToPath(new URL('../dist/files.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'parindex-files-'));
const codes = (r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.map((d) => d.code);

/** readTextFile(file) in a child process (the built rules package), killed after 120 s (a hang, not a slow machine). */
function readInChild(file: string): { status: number | null; out: { text?: string; diagnostics: Array<{ code: string; message: string }> } | undefined } {
  const script = `import { readTextFile } from ${JSON.stringify(DIST)}; process.stdout.write(JSON.stringify(readTextFile(process.argv[1])));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL' });
  return { status: r.status, out: r.status === 0 ? JSON.parse(r.stdout) : undefined };
}

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
}

describe('readTextFile', () => {
  it('reads a regular file as UTF-8, keeping a byte order mark for readJson to report', () => {
    const file = join(tmp, 'bom.json');
    writeFileSync(file, '\ufeff{"tên": "Vĩnh Bảo"}');
    expect(readTextFile(file)).toEqual({ file, text: '\ufeff{"tên": "Vĩnh Bảo"}', diagnostics: [] });
    const json = readJsonFile(file);
    expect(json.value).toEqual({ tên: 'Vĩnh Bảo' });
    expect(json.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['FILE_BOM', 1, 1]]);
  });

  it('refuses a missing file, a folder, a link to nothing and a link loop, each with its code and file', () => {
    mkdirSync(join(tmp, 'folder.json'));
    symlinkSync(join(tmp, 'nowhere.json'), join(tmp, 'dangling.json'));
    symlinkSync('loop-b.json', join(tmp, 'loop-a.json'));
    symlinkSync('loop-a.json', join(tmp, 'loop-b.json'));
    const read = (name: string) => readTextFile(join(tmp, name)).diagnostics.map((d) => [d.code, d.file, text(d, 'en')]);
    expect(read('missing.json')).toEqual([['FILE_NOT_FOUND', join(tmp, 'missing.json'), `File not found: ${join(tmp, 'missing.json')}. Check the path.`]]);
    expect(read('folder.json')).toEqual([['FILE_IS_FOLDER', join(tmp, 'folder.json'), `${join(tmp, 'folder.json')} is a folder, not a file.`]]);
    expect(read('dangling.json')).toEqual([
      ['FILE_LINK_BROKEN', join(tmp, 'dangling.json'), `${join(tmp, 'dangling.json')} is a symbolic link to ${join(tmp, 'nowhere.json')}, which does not exist.`],
    ]);
    expect(read('loop-a.json').map((d) => d[0])).toEqual(['FILE_LINK_LOOP']);
    expect(read('missing-folder/x.json').map((d) => d[0])).toEqual(['FILE_NOT_FOUND']);
  });

  it('refuses /dev/null, /dev/zero and /dev/urandom as devices, without reading them', () => {
    for (const device of ['/dev/null', '/dev/zero', '/dev/urandom']) {
      const r = readInChild(device);
      expect(r.status, `${device}: the child did not finish`).toBe(0);
      expect(r.out).toMatchObject({ diagnostics: [{ code: 'FILE_NOT_REGULAR', params: { file: device, kind: 'characterDevice' } }] });
    }
  });

  it('refuses a FIFO without opening it for reading (it would wait for a writer forever)', () => {
    const fifo = join(tmp, 'pipe.json');
    mkfifo(fifo);
    const r = readInChild(fifo);
    expect(r.status, 'the child did not finish').toBe(0);
    expect(r.out).toMatchObject({ diagnostics: [{ code: 'FILE_NOT_REGULAR', params: { file: fifo, kind: 'fifo' } }] });
  });

  it('refuses a socket', async () => {
    const path = join(tmp, 'socket.json');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      expect(readTextFile(path).diagnostics.map((d) => [d.code, d.params])).toEqual([['FILE_NOT_REGULAR', { file: path, kind: 'socket' }]]);
    } finally {
      server.close();
    }
  });

  it('refuses a file it may not open (EACCES), with the reason in both languages, and closes what it opened', () => {
    const file = join(tmp, 'private.json');
    writeFileSync(file, '{}');
    // Tests run as root, for whom chmod 000 changes nothing: the refusal is injected.
    const denied: FileSystem = {
      ...fs,
      openSync: (() => {
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      }) as unknown as FileSystem['openSync'],
    };
    expect(readTextFile(file, {}, denied).diagnostics.map((d) => [d.code, text(d, 'en'), text(d, 'vi')])).toEqual([
      ['FILE_UNREADABLE', `Could not read ${file}: permission denied.`, `Không đọc được ${file}: không có quyền truy cập.`],
    ]);
    const closed: number[] = [];
    const failingRead: FileSystem = {
      ...fs,
      readSync: (() => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      }) as unknown as FileSystem['readSync'],
      closeSync: ((fd: number) => (closed.push(fd), fs.closeSync(fd))) as FileSystem['closeSync'],
    };
    expect(readTextFile(file, {}, failingRead).diagnostics.map((d) => [d.params, text(d, 'en')])).toEqual([
      [{ file, errno: 'EIO' }, `Could not read ${file}: the disk or device could not be read or written (EIO).`],
    ]);
    expect(closed).toHaveLength(1);
  });

  it('holds the size limit while reading: a file that claims 0 bytes (as /proc files do) and is longer', () => {
    const r = readTextFile('/proc/self/status', { maxBytes: 100 });
    expect(r.text).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.params, text(d, 'en')])).toEqual([
      ['FILE_TOO_LARGE', { size: null, limit: 100 }, 'The file is larger than the limit of 100 bytes. Split it or remove what is not evidence.'],
    ]);
    expect(readTextFile('/proc/self/status').text).toMatch(/^Name:/);
  });

  it('stops reading a file that never ends one byte past the limit', () => {
    let served = 0;
    // A regular file that claims 10 bytes and yields bytes for ever (as /dev/zero would).
    const endless: FileSystem = {
      ...fs,
      statSync: ((p: string) => ({ ...fs.statSync(DIST), size: 10, isFile: () => true, isDirectory: () => false, p })) as unknown as FileSystem['statSync'],
      openSync: (() => 99) as unknown as FileSystem['openSync'],
      fstatSync: (() => ({ size: 10, isFile: () => true, isDirectory: () => false })) as unknown as FileSystem['fstatSync'],
      readSync: ((_fd: number, buffer: Uint8Array, offset: number, length: number) => {
        if (served > 10_000_000) throw new Error('read far past the limit');
        buffer.fill(32, offset, offset + length);
        served += length;
        return length;
      }) as unknown as FileSystem['readSync'],
      closeSync: () => {},
    };
    const r = readTextFile('endless.json', { maxBytes: 5000 }, endless);
    expect(codes(r)).toEqual(['FILE_TOO_LARGE']);
    expect(served).toBe(5001);
  });

  it('refuses text that is not UTF-8 with the offset, line and column of the first bad byte', () => {
    const file = join(tmp, 'latin.json');
    // "Vĩnh Bảo" saved as Windows-1258 on the second line: 0xF2 is no UTF-8 lead byte followed by "n".
    writeFileSync(file, Buffer.concat([Buffer.from('{\n  "tên": "V'), Buffer.from([0xf2]), Buffer.from('nh"\n}')]));
    const r = readTextFile(file);
    expect(r.text).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'FILE_ENCODING', file, line: 2, column: 12, params: { offset: 14 } }]);
    expect(text(r.diagnostics[0]!, 'vi')).toBe('Tệp không phải văn bản UTF-8 hợp lệ: không giải mã được byte ở vị trí 14. Hãy lưu tệp với bảng mã UTF-8 (không dùng UTF-16, Windows-1258 hay TCVN3).');
  });

  it('finds the first bad UTF-8 byte where the strict decoder fails', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }).map((s) => new TextEncoder().encode(s)),
      fc.constantFrom(Uint8Array.of(0xed, 0xa0, 0x80), Uint8Array.of(0xf4, 0x90, 0x80, 0x80), Uint8Array.of(0xe0, 0x80, 0x80), Uint8Array.of(0xc0, 0xaf)),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const at = firstInvalidUtf8(b);
        expect(at === b.length).toBe(valid(b));
        expect(valid(b.subarray(0, at))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('walkJsonFiles', () => {
  it('lists the *.json regular files and reports each link to nothing, link loop, FIFO or device, then goes on', () => {
    const dir = join(tmp, 'units');
    mkdirSync(join(dir, 'sub/deeper'), { recursive: true });
    writeFileSync(join(dir, 'a.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'not evidence');
    writeFileSync(join(dir, 'sub/b.json'), '{}');
    writeFileSync(join(dir, 'sub/deeper/c.json'), '{}');
    mkfifo(join(dir, 'fifo.json'));
    symlinkSync('nowhere.json', join(dir, 'dangling.json'));
    symlinkSync('self.json', join(dir, 'self.json'));
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    symlinkSync('..', join(dir, 'sub/deeper/up'));
    symlinkSync('sub', join(dir, 'same-as-sub'));
    const walked = walkJsonFiles(dir);
    expect(walked.files.map((f) => f.slice(dir.length))).toEqual(['/a.json', '/same-as-sub/b.json', '/same-as-sub/deeper/c.json']);
    expect(walked.diagnostics.map((d) => [d.code, d.file!.slice(dir.length)])).toEqual([
      ['FILE_LINK_BROKEN', '/dangling.json'],
      ['FILE_NOT_REGULAR', '/fifo.json'],
      ['FILE_LINK_LOOP', '/same-as-sub/deeper/up'],
      ['FILE_LINK_LOOP', '/self.json'],
      ['FILE_NOT_REGULAR', '/zero.json'],
    ]);
  });

  it('reports a folder it may not list (EACCES) and walks the others', () => {
    const dir = join(tmp, 'locked');
    mkdirSync(join(dir, 'closed'), { recursive: true });
    mkdirSync(join(dir, 'open'));
    writeFileSync(join(dir, 'open/a.json'), '{}');
    // Tests run as root, for whom chmod 000 changes nothing: the refusal is injected.
    const denied: FileSystem = {
      ...fs,
      readdirSync: ((p: string) => {
        if (p.endsWith('closed')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.readdirSync(p);
      }) as FileSystem['readdirSync'],
    };
    const walked = walkJsonFiles(dir, denied);
    expect(walked.files).toEqual([join(dir, 'open/a.json')]);
    expect(walked.diagnostics.map((d) => [d.code, d.file, text(d, 'en'), text(d, 'vi')])).toEqual([
      ['FILE_UNREADABLE', join(dir, 'closed'), `Could not read ${join(dir, 'closed')}: permission denied.`, `Không đọc được ${join(dir, 'closed')}: không có quyền truy cập.`],
    ]);
  });

  it('reports a folder that does not exist', () => {
    expect(codes(walkJsonFiles(join(tmp, 'no-such-folder')))).toEqual(['FILE_NOT_FOUND']);
  });
});
