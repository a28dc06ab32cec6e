/**
 * Output, to a file or to stdout, with every failure a coded error (exit 1) rather than an internal
 * error, a spinning CPU or a lost report. `--out` is atomic: the output goes to a temporary file beside
 * the target, is flushed to the disk, and takes the target's place in one rename; on any failure the
 * temporary file is removed and the previous file stays as it was.
 */
import * as nodeFs from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { diag, type Diagnostic, type DiagnosticParams } from '@parindex/rules';
import { errnoOf } from '@parindex/rules/files';
import { CliError } from './io.js';

/** @internal The calls of node:fs used here (tests pass a copy with an error injected). */
export type WriteFileSystem = Pick<
  typeof nodeFs,
  'statSync' | 'lstatSync' | 'realpathSync' | 'mkdirSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'fchmodSync' | 'closeSync' | 'renameSync' | 'unlinkSync' | 'constants'
>;

/** Write the output to a file (`out`, atomically, creating its folders) or to stdout. */
export function writeOutput(text: string | Buffer, out: string | undefined): void {
  if (out) writeFileAtomic(out, text);
  else process.stdout.write(text);
}

/**
 * Write a file to be filled in (a template, a new appraisal): an existing file at `out` is refused unless
 * `force`, since it may be the filled one (a device such as /dev/stdout is written to as ever).
 */
export function writeNewOutput(text: string | Buffer, out: string | undefined, force: boolean): void {
  if (out && !force && nodeFs.existsSync(out) && nodeFs.statSync(out).isFile()) throw writeFailed(out, { cause: 'exists' });
  writeOutput(text, out);
}

type WriteParams = DiagnosticParams['FILE_WRITE_FAILED'];
/** A problem found before the system was asked: the params of FILE_WRITE_FAILED without the file. */
type WriteProblem = Exclude<WriteParams, { cause: 'system' }> extends infer P ? (P extends WriteParams ? Omit<P, 'file'> : never) : never;

/** The error of a failed write of `file`: a problem found on the way, or the system's error. */
function writeFailed(file: string, why: WriteProblem | { error: unknown }): CliError {
  const params: WriteParams = 'error' in why ? { file, cause: 'system', errno: errnoOf(why.error) } : ({ file, ...why } as WriteParams);
  return new CliError([{ ...diag('FILE_WRITE_FAILED', '', params), file }]);
}

/**
 * Write `data` to `out` atomically. An existing character device or FIFO (/dev/null, /dev/stdout, a pipe
 * with a reader) is written to directly: it cannot be replaced, and must not be (renaming over
 * /dev/full would replace the device). A link keeps pointing at the new file; an existing file keeps its
 * permissions.
 */
export function writeFileAtomic(out: string, data: string | Buffer, fs: WriteFileSystem = nodeFs): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let existing: Stats | undefined;
  try {
    existing = fs.statSync(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw writeFailed(out, { error: e });
    if (isLink(out, fs)) throw writeFailed(out, { cause: 'brokenLink' });
  }
  if (existing?.isDirectory()) throw writeFailed(out, { error: { code: 'EISDIR' } });
  if (existing && (existing.isCharacterDevice() || existing.isFIFO())) return writeToSpecial(out, bytes, existing.isFIFO(), fs);
  if (existing && !existing.isFile()) throw writeFailed(out, { cause: 'notFile' });
  let target = out;
  try {
    if (existing) target = fs.realpathSync(out);
  } catch (e) {
    throw writeFailed(out, { error: e });
  }
  const folder = dirname(resolve(target));
  ensureFolder(folder, out, fs);
  const temp = openTemp(folder, basename(target), out, fs);
  try {
    writeAll(temp.fd, bytes, fs);
    if (existing) fs.fchmodSync(temp.fd, existing.mode & 0o7777);
    fs.fsyncSync(temp.fd);
    fs.closeSync(temp.fd);
    temp.fd = -1;
    fs.renameSync(temp.path, target);
  } catch (e) {
    if (temp.fd >= 0) closeQuietly(temp.fd, fs);
    try {
      fs.unlinkSync(temp.path);
    } catch {
      // already gone
    }
    throw writeFailed(out, { error: e });
  }
  syncFolder(folder, fs);
}

function isLink(path: string, fs: WriteFileSystem): boolean {
  try {
    return fs.lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Create the missing folders of `folder` one by one, from the deepest one that exists (the recursive
 * mkdirSync spun for ever on a folder under /proc that cannot be created).
 */
function ensureFolder(folder: string, out: string, fs: WriteFileSystem): void {
  const missing: string[] = [];
  for (let d = folder; ; d = dirname(d)) {
    let st: Stats | undefined;
    try {
      st = fs.statSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw writeFailed(out, { error: e });
    }
    if (st?.isDirectory()) break;
    if (st) throw writeFailed(out, { cause: 'folderIsFile', folder: d });
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      throw writeFailed(out, { cause: 'folderNotCreated', folder: d, errno: errnoOf(e) });
    }
  }
}

/** A new temporary file beside the target (`.name.PID-N.tmp`, created exclusively: never someone else's). */
function openTemp(folder: string, name: string, out: string, fs: WriteFileSystem): { fd: number; path: string } {
  const { O_CREAT, O_EXCL, O_WRONLY } = fs.constants;
  for (let n = 0; ; n++) {
    const path = join(folder, `.${name.slice(0, 200)}.${process.pid}-${n}.tmp`);
    try {
      return { fd: fs.openSync(path, O_CREAT | O_EXCL | O_WRONLY, 0o666), path };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 99) throw writeFailed(out, { error: e });
    }
  }
}

function writeAll(fd: number, bytes: Buffer, fs: WriteFileSystem): void {
  for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

function closeQuietly(fd: number, fs: WriteFileSystem): void {
  try {
    fs.closeSync(fd);
  } catch {
    // the write already failed; that is the error to report
  }
}

/** Flush the folder's entry of the renamed file too (best effort: not every system can open a folder). */
function syncFolder(folder: string, fs: WriteFileSystem): void {
  try {
    const fd = fs.openSync(folder, fs.constants.O_RDONLY);
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // the file itself is on the disk
  }
}

/**
 * Write to a character device or a FIFO. A FIFO is first opened without blocking, which fails at once
 * when no program reads it (a blocking open would wait for a reader for ever).
 */
function writeToSpecial(out: string, bytes: Buffer, fifo: boolean, fs: WriteFileSystem): void {
  const { O_WRONLY, O_NONBLOCK, O_NOCTTY } = fs.constants;
  let probe = -1;
  let fd = -1;
  try {
    if (fifo) probe = fs.openSync(out, O_WRONLY | O_NONBLOCK);
    fd = fs.openSync(out, O_WRONLY | O_NOCTTY);
    writeAll(fd, bytes, fs);
  } catch (e) {
    throw writeFailed(out, { error: e });
  } finally {
    if (fd >= 0) closeQuietly(fd, fs);
    if (probe >= 0) closeQuietly(probe, fs);
  }
}

/**
 * Watch stdout for a failed write (a full disk, a reader that went away: Node reports them as an
 * 'error' event, and the output was lost with exit 0). `finish()` waits until every write is done, and
 * gives STDOUT_WRITE_FAILED if one failed.
 */
export function watchStdout(stdout: NodeJS.WriteStream = process.stdout): { finish(): Promise<Diagnostic | undefined> } {
  let failed: NodeJS.ErrnoException | undefined;
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    failed ??= e;
  });
  return {
    async finish() {
      // An empty write's callback runs after the writes before it; it fails if the stream failed.
      await new Promise<void>((done) => stdout.write('', () => done()));
      return failed === undefined ? undefined : diag('STDOUT_WRITE_FAILED', '', { errno: errnoOf(failed) });
    },
  };
}
