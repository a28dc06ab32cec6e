/**
 * Hostile files, folders and outputs through the built CLI (issue 12): FIFOs, devices, link loops and
 * dangling links, duplicate keys in every kind of file. Every run has a kill timeout as a safety net
 * only: a run that hangs is killed and fails its assertions on the exit code and the output.
 */
import { diagnosticText } from '@parindex/explain';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitKey, visibleCode } from '@parindex/engine';
import { parseThreads } from '../src/commands/rank.js';
import { CliError, UsageError } from '../src/io.js';
import { writeFileAtomic, type WriteFileSystem } from '../src/output.js';
import { BIN, ROOT, tempDir, VB, VB_APPRAISAL, type Run } from './helpers.js';

/** The built CLI, killed after `timeoutMs` (a run that had to be killed has code null). */
export function guardedCli(args: string[], options: { timeoutMs?: number; stdout?: 'pipe' | number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

function mkfifo(path: string): string {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  return path;
}

const NO_TRACE = /^\s+at .*:\d+:\d+\)?$|internal error|lỗi nội bộ/m;

describe.concurrent('special files', () => {
  it('validate and score of a FIFO are refused at once (they waited for a writer forever)', async () => {
    const fifo = mkfifo(join(tempDir(), 'evidence.json'));
    const [validate, score] = await Promise.all([guardedCli(['validate', fifo, '--lang', 'en']), guardedCli(['score', fifo, '--lang', 'en'])]);
    for (const r of [validate, score]) {
      expect(r.code).toBe(1);
      expect(r.stderr + r.stdout).toContain(`${fifo}  FILE_NOT_REGULAR  /  error: Not read: ${fifo} is a named pipe (FIFO), not an ordinary file.`);
      expect(r.stderr).not.toMatch(NO_TRACE);
    }
  });

  it('score of /dev/zero, /dev/urandom and /dev/null is refused without reading (/dev/zero grew to 14 GB)', async () => {
    const runs = await Promise.all(['/dev/zero', '/dev/urandom', '/dev/null'].map((d) => guardedCli(['score', d])));
    for (const [i, device] of ['/dev/zero', '/dev/urandom', '/dev/null'].entries()) {
      expect(runs[i]!.code).toBe(1);
      expect(runs[i]!.stderr).toBe(`${device}  FILE_NOT_REGULAR  /  lỗi: Không đọc: ${device} là một thiết bị ký tự, không phải tệp thông thường.\n`);
    }
  });

  it('validate of a folder says it is a folder', async () => {
    const dir = tempDir();
    const r = await guardedCli(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].diagnostics).toMatchObject([{ code: 'FILE_IS_FOLDER', file: dir }]);
  });

  it('rank of a folder with a FIFO, a link loop, a dangling link, a link to a device and a folder link to its parent ranks the rest and reports each', async () => {
    const dir = join(tempDir(), 'units');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(join(ROOT, VB), join(dir, 'a.json'));
    copyFileSync(join(ROOT, 'examples/kien-tho/par-2026.json'), join(dir, 'sub/b.json'));
    mkfifo(join(dir, 'fifo.json'));
    symlinkSync('loop.json', join(dir, 'loop.json'));
    symlinkSync('nowhere.json', join(dir, 'dangling.json'));
    symlinkSync('/dev/urandom', join(dir, 'random.json'));
    symlinkSync('..', join(dir, 'sub/parent'));
    const r = await guardedCli(['rank', dir, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data.ranking.map((x: { unit: { code: string } }) => x.unit.code)).toEqual(['TH-KIENTHO', 'HP-VINHBAO']);
    expect(data.failed.map((f: { file: string; diagnostics: Array<{ code: string }> }) => [f.file.slice(dir.length), f.diagnostics.map((d) => d.code)])).toEqual([
      ['/dangling.json', ['FILE_LINK_BROKEN']],
      ['/fifo.json', ['FILE_NOT_REGULAR']],
      ['/loop.json', ['FILE_LINK_LOOP']],
      ['/random.json', ['FILE_NOT_REGULAR']],
      ['/sub/parent', ['FILE_LINK_LOOP']],
    ]);
    expect(r.stderr).toContain(`${dir}/dangling.json  FILE_LINK_BROKEN  /  error: ${dir}/dangling.json is a symbolic link to nowhere.json, which does not exist.\n`);
    expect(r.stderr).not.toMatch(NO_TRACE);
  });

  it('rank of a FIFO named among the files, on worker threads, is refused there and here', async () => {
    const dir = tempDir();
    const fifo = mkfifo(join(dir, 'pipe.json'));
    const r = await guardedCli(['rank', VB, 'examples/kien-tho/par-2026.json', fifo, '--threads', '2', '--format', 'json']);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data.ranking).toHaveLength(2);
    expect(data.failed).toMatchObject([{ file: fifo, diagnostics: [{ code: 'FILE_NOT_REGULAR' }] }]);
  });

  it('rank of a folder that holds nothing readable reports what it holds (exit 1), not "no files"', async () => {
    const dir = tempDir();
    mkfifo(join(dir, 'only.json'));
    const r = await guardedCli(['rank', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/only\.json {2}FILE_NOT_REGULAR/);
  });
});

describe.concurrent('duplicate keys', () => {
  /** `text` with `"key": …` given a second time right after its first occurrence. */
  const twice = (text: string, key: string, value: string) => text.replace(`"${key}": `, `"${key}": ${value},\n  "${key}": `);

  it('are a coded error at the second key in evidence, appraisal and criteria-set files (validate, score)', async () => {
    const dir = tempDir();
    const evidence = join(dir, 'evidence.json');
    writeFileSync(evidence, readFileSync(join(ROOT, VB), 'utf8').replace('"value": 1360', '"value": 1360, "value": 1400'));
    const appraisal = join(dir, 'appraisal.json');
    writeFileSync(appraisal, twice(readFileSync(join(ROOT, VB_APPRAISAL), 'utf8'), 'criteriaSet', '"x"'));
    const set = join(dir, 'set.json');
    writeFileSync(set, twice(readFileSync(join(ROOT, 'rules/sets/targets.kien-tho/2026.json'), 'utf8'), 'id', '"x"'));
    const [v, s] = await Promise.all([guardedCli(['validate', evidence, appraisal, set, '--lang', 'en']), guardedCli(['score', evidence, '--lang', 'en'])]);
    expect(v.code).toBe(1);
    const lines = v.stdout.split('\n').filter((l) => l.includes('JSON_DUPLICATE_KEY'));
    expect(lines).toEqual([
      `${evidence}:26:22  JSON_DUPLICATE_KEY  /entries/0/value  error: The key "value" is given twice in the same object (first on line 26); JSON would silently keep only the last one. Keep one.`,
      expect.stringMatching(new RegExp(`^${appraisal}:[0-9]+:3  JSON_DUPLICATE_KEY  /criteriaSet  `)),
      expect.stringMatching(new RegExp(`^${set}:[0-9]+:3  JSON_DUPLICATE_KEY  /id  `)),
    ]);
    expect(s.code).toBe(1);
    expect(s.stderr).toBe(lines[0] + '\n');
  });

  it('are a coded error in a saved result too (validate and diff)', async () => {
    const dir = tempDir();
    const saved = spawnSync(process.execPath, [BIN, 'score', VB, '--format', 'json', '--quiet'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const result = join(dir, 'result.json');
    writeFileSync(result, twice(saved, 'formatVersion', '1'));
    const [v, d] = await Promise.all([guardedCli(['validate', result]), guardedCli(['diff', result, result])]);
    for (const r of [v, d]) {
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toMatch(new RegExp(`${result}:3:3  JSON_DUPLICATE_KEY  /formatVersion  lỗi: Khóa "formatVersion" xuất hiện hai lần`));
    }
  });
});

describe('scale', () => {
  it('renders a terminal table of 200,000 rows (Math.max over a spread overflowed the stack above ~123,000)', () => {
    // In a process of its own: a worker thread of the test runner has a larger stack than the CLI.
    const script = `
      import { renderText } from ${JSON.stringify(join(ROOT, 'packages/cli/dist/format/text.js'))};
      const rows = Array.from({ length: 200000 }, (_, i) => ({ cells: [String(i + 1), i === 199999 ? 'the longest name of all' : 'x'] }));
      const kv = Array.from({ length: 200000 }, (_, i) => ['k' + i, 'v']);
      const lines = renderText([{ kind: 'table', columns: [{ label: 'STT', align: 'right' }, { label: 'Tên' }], rows }, { kind: 'kv', rows: kv }]).split('\\n');
      process.stdout.write(JSON.stringify([lines[0], lines[200001], lines[200003]]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 300_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['   STT  Tên', '200000  the longest name of all', 'k0:       v']);
  });

  it('--threads: more than the machine has cores is capped with a warning; 0, -1, 1.5 and words are usage errors', async () => {
    expect(parseThreads('2', 4)).toEqual({ threads: 2 });
    expect(parseThreads('004', 4)).toEqual({ threads: 4 });
    const capped = parseThreads('9999', 2);
    expect(capped.threads).toBe(2);
    expect([capped.warning?.code, capped.warning?.severity, capped.warning && diagnosticText(capped.warning, 'en'), capped.warning && diagnosticText(capped.warning, 'vi')]).toEqual([
      'RANK_THREADS_CAPPED',
      'warning',
      '--threads 9999 is more than the 2 processor cores of this machine; 2 threads are used.',
      '--threads 9999 vượt số nhân xử lý của máy (2); chỉ dùng 2 luồng.',
    ]);
    for (const bad of ['0', '-1', '1.5', 'two', '', '1e3']) expect(() => parseThreads(bad, 2), bad).toThrow(UsageError);
    const cores = availableParallelism();
    const [many, one] = await Promise.all([
      guardedCli(['rank', VB, 'examples/kien-tho/par-2026.json', '--threads', '9999', '--lang', 'en']),
      guardedCli(['rank', VB, 'examples/kien-tho/par-2026.json', '--threads', '1', '--lang', 'en']),
    ]);
    expect(many.code).toBe(0);
    expect(many.stderr).toBe(`RANK_THREADS_CAPPED  /  warning: --threads 9999 is more than the ${cores} processor cores of this machine; ${cores} threads are used.\n`);
    expect(many.stdout).toBe(one.stdout);
  });
});

describe('writing the output', () => {
  it('--out is atomic: a write that fails (a full disk) leaves the previous report and no temporary file', () => {
    const dir = tempDir();
    const report = join(dir, 'report.html');
    writeFileSync(report, 'the good report of yesterday');
    let written = 0;
    const fullDisk: WriteFileSystem = {
      ...fs,
      writeSync: ((fd: number, buffer: Buffer, offset: number, length: number) => {
        // The first 1,000 bytes go in, then the disk is full.
        if (written >= 1000) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        const n = fs.writeSync(fd, buffer, offset, Math.min(length, 1000 - written));
        written += n;
        return n;
      }) as WriteFileSystem['writeSync'],
    };
    let error: unknown;
    try {
      writeFileAtomic(report, 'x'.repeat(5000), fullDisk);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).diagnostics.map((d) => [d.code, d.file, diagnosticText(d, 'en'), diagnosticText(d, 'vi')])).toEqual([
      ['FILE_WRITE_FAILED', report, `Could not write ${report}: the disk is full.`, `Không ghi được ${report}: ổ đĩa đã đầy.`],
    ]);
    expect(written).toBe(1000);
    expect(readFileSync(report, 'utf8')).toBe('the good report of yesterday');
    expect(fs.readdirSync(dir)).toEqual(['report.html']);
  });

  it('--out replaces a file in one rename, keeps its permissions, writes through a link, creates missing folders', () => {
    const dir = tempDir();
    const report = join(dir, 'report.html');
    writeFileSync(report, 'old', { mode: 0o600 });
    writeFileAtomic(report, 'new');
    expect([readFileSync(report, 'utf8'), fs.statSync(report).mode & 0o777]).toEqual(['new', 0o600]);
    symlinkSync('report.html', join(dir, 'latest.html'));
    writeFileAtomic(join(dir, 'latest.html'), 'newer');
    expect([fs.lstatSync(join(dir, 'latest.html')).isSymbolicLink(), readFileSync(report, 'utf8')]).toEqual([true, 'newer']);
    writeFileAtomic(join(dir, 'a/b/c.html'), 'deep');
    expect(readFileSync(join(dir, 'a/b/c.html'), 'utf8')).toBe('deep');
    expect(fs.readdirSync(dir).sort()).toEqual(['a', 'latest.html', 'report.html']);
  });

  it('--out /dev/full, a folder, a folder that cannot be created (/proc/nope: it spun the CPU), one that takes no file (/proc) and a path through a file: coded errors, exit 1', async () => {
    const dir = tempDir();
    const cases: Array<[string, string]> = [
      ['/dev/full', 'Could not write /dev/full: the disk is full.'],
      [dir, `Could not write ${dir}: it is a folder.`],
      ['/proc/nope/x.html', 'Could not write /proc/nope/x.html: the folder /proc/nope cannot be created (ENOENT).'],
      // A folder that takes no new file: the system says ENOENT, and the sentence what it means.
      ['/proc/x.html', 'Could not write /proc/x.html: no file can be made there (the path is gone, or the folder takes no new files); choose another folder.'],
      [`${join(ROOT, VB)}/x.html`, `Could not write ${join(ROOT, VB)}/x.html: a part of the path is a file, not a folder.`],
    ];
    const runs = await Promise.all(cases.map(([out]) => guardedCli(['score', VB, '--quiet', '--lang', 'en', '--format', 'html', '--out', out])));
    runs.forEach((r, i) => {
      expect(r.code, cases[i]![0]).toBe(1);
      expect(r.stderr).toBe(`${cases[i]![0]}  FILE_WRITE_FAILED  /  error: ${cases[i]![1]}\n`);
    });
    expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('score > /dev/full fails with a coded error and exit 1 (the output was lost with exit 0)', async () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const r = await guardedCli(['score', VB, '--quiet'], { stdout: full });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('STDOUT_WRITE_FAILED  /  lỗi: Không ghi được kết quả ra đầu ra chuẩn: ổ đĩa đã đầy; phần đã in ra không đầy đủ.\n');
    } finally {
      fs.closeSync(full);
    }
  });

  it('a reader that closed the pipe before the output came is reported (EPIPE), exit 1', async () => {
    const r = await new Promise<Run>((done) => {
      const child = spawn(process.execPath, [BIN, 'rank', 'examples', '--lang', 'en'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      // Closed before the CLI has even started: its first write finds no reader.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
      child.on('close', (code) => (clearTimeout(timer), done({ code, stdout: '', stderr })));
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('STDOUT_WRITE_FAILED  /  error: Could not write the output: the program reading the output closed it; what was printed is incomplete.\n');
  });
});

describe('units that look the same', () => {
  it('have one key: invisible characters, spaces, case, dashes and look-alike letters do not count', () => {
    const spellings = ['HP-VINHBAO', 'HP-VINHBAO\u200b', ' HP-VINHBAO ', 'hp-vinhbao', 'HP\u2011VINHBAO', 'HP\u2013VINHBAO', 'HP-V\u0406NHBAO', 'HP-VINHB\u0410O', 'ＨＰ-VINHBAO', 'HP-\u00adVINHBAO'];
    expect(new Set(spellings.map(unitKey))).toEqual(new Set(['hp-vinhbao']));
    expect(unitKey('Đ-01')).toBe(unitKey('\u00d0-01'));
    expect(unitKey('HP-VINHBAO')).not.toBe(unitKey('HP-VINHBAO2'));
    expect(unitKey('HP VINHBAO')).not.toBe(unitKey('HPVINHBAO'));
    expect(visibleCode('HP\u2011VINHBAO\u200b ')).toBe('HP\\u{2011}VINHBAO\\u{200B} ');
  });

  it('are ranked once in rank: the others are RANK_DUPLICATE_UNIT with RANK_UNIT_LOOKALIKE naming both spellings', async () => {
    const dir = tempDir();
    const evidence = JSON.parse(readFileSync(join(ROOT, VB), 'utf8'));
    const variants = ['HP-VINHBAO\u200b', 'HP-VINHBAO ', 'hp-vinhbao', 'HP\u2011VINHBAO', 'HP-V\u0406NHBAO'];
    variants.forEach((code, i) => writeFileSync(join(dir, `v${i}.json`), JSON.stringify({ ...evidence, unit: { ...evidence.unit, code } }, null, 2)));
    const r = await guardedCli(['rank', VB, dir, '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.stdout);
    expect(data.ranking.map((x: { unit: { code: string } }) => x.unit.code)).toEqual(['HP-VINHBAO']);
    expect(data.failed.map((f: { diagnostics: Array<{ code: string; severity: string; params: { unit: string } }> }) => f.diagnostics.map((d) => [d.code, d.severity, d.params.unit]))).toEqual(
      ['HP-VINHBAO\\u{200B}', 'HP-VINHBAO ', 'hp-vinhbao', 'HP\\u{2011}VINHBAO', 'HP-V\\u{0406}NHBAO'].map((u) => [
        ['RANK_DUPLICATE_UNIT', 'error', u],
        ['RANK_UNIT_LOOKALIKE', 'warning', u],
      ]),
    );
    expect(r.stderr).toContain(
      `${dir}/v3.json:7:5  RANK_UNIT_LOOKALIKE  /unit/code  warning: The unit code "HP\\u{2011}VINHBAO" differs from "HP-VINHBAO" of ${VB} only in invisible characters, spaces, case, dashes or look-alike letters: both are taken for the same unit.\n`,
    );
  });
});

describe('diff of a malformed saved result', () => {
  it('reports the RESULT_SCHEMA diagnostics validate gives for the same file (it was "n.flags is not iterable", DecimalError)', async () => {
    const dir = tempDir();
    const saved = spawnSync(process.execPath, [BIN, 'score', VB, '--format', 'json', '--quiet'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const good = join(dir, 'good.json');
    writeFileSync(good, saved);
    const damaged: Array<[string, (r: Record<string, any>) => void]> = [
      ['flags.json', (r) => (r.fields[0].flags = 5)],
      ['decimal.json', (r) => (r.totals.points = 'many')],
      ['children.json', (r) => (r.fields[0].children = null)],
    ];
    for (const [name, damage] of damaged) {
      const r = JSON.parse(saved);
      damage(r);
      writeFileSync(join(dir, name), JSON.stringify(r, null, 2));
    }
    const runs = await Promise.all(damaged.flatMap(([name]) => [guardedCli(['diff', good, join(dir, name), '--lang', 'en']), guardedCli(['validate', join(dir, name), '--lang', 'en'])]));
    for (let i = 0; i < damaged.length; i++) {
      const [diff, validate] = [runs[2 * i]!, runs[2 * i + 1]!];
      expect(diff.code).toBe(1);
      expect(diff.stdout).toBe('');
      const lines = validate.stdout.split('\n').filter((l) => l.includes('RESULT_SCHEMA'));
      expect(lines.length).toBeGreaterThan(0);
      expect(diff.stderr).toBe(lines.join('\n') + '\n');
    }
    expect(runs[0]!.stderr).toMatch(/flags\.json:[0-9]+:7 {2}RESULT_SCHEMA {2}\/fields\/0\/flags {2}error: /);
  });
});
