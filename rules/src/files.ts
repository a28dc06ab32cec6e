/**
 * The one reader of untrusted files (sets, evidence, appraisals, saved results, pool inputs) and the one
 * walk of folders. Node only; exported by "@parindex/rules/node", and alone by "@parindex/rules/files" for
 * the CLI and the pool worker, which read files on every start and do not need the JSON Schema validator
 * that comes with the former (ajv: about 10 ms more per start).
 *
 * Only regular files are read: a FIFO would block the reader forever and a device (/dev/zero,
 * /dev/urandom) never ends, so both are refused from their type before they are opened, and the file is
 * opened non-blocking and checked again (it may have been swapped in between). The size limit holds
 * while reading, whatever the size the file claims. Every problem is a coded diagnostic with the file;
 * nothing here throws.
 */
import * as nodeFs from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { diag, type Diagnostic, type DiagnosticParams } from './diagnostics.js';
import { readJson, type JsonDocument } from './json.js';
import { LIMITS } from './limits.js';

/** @internal The calls of node:fs used here (tests pass a copy with an error injected). */
export type FileSystem = Pick<typeof nodeFs, 'statSync' | 'lstatSync' | 'readlinkSync' | 'openSync' | 'fstatSync' | 'readSync' | 'closeSync' | 'readdirSync' | 'constants'>;

export type TextFile = { file: string; text: string; diagnostics: Diagnostic[] } | { file: string; text: undefined; diagnostics: Diagnostic[] };

const CHUNK_BYTES = 1 << 20;

/** @internal The system's code of a failed file operation ("EACCES", "EIO" …), null when it gave none. */
export function errnoOf(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

/** What a file that is not a regular file is. */
function specialKind(st: Stats): DiagnosticParams['FILE_NOT_REGULAR']['kind'] {
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'characterDevice';
  if (st.isBlockDevice()) return 'blockDevice';
  if (st.isSocket()) return 'socket';
  return 'special';
}

const at = (file: string, d: Diagnostic): Diagnostic => ({ ...d, file });

/**
 * @internal The diagnostic of a failed stat, open or read of `file`: a missing file, a link to nothing,
 * a link loop, or an error with its reason.
 */
export function accessProblem(file: string, error: unknown, fs: FileSystem = nodeFs): Diagnostic {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ELOOP') return at(file, diag('FILE_LINK_LOOP', '', { file }));
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    try {
      if (fs.lstatSync(file).isSymbolicLink()) return at(file, diag('FILE_LINK_BROKEN', '', { file, target: String(fs.readlinkSync(file)) }));
    } catch {
      // not there at all
    }
    return at(file, diag('FILE_NOT_FOUND', '', { file }));
  }
  return at(file, diag('FILE_UNREADABLE', '', { file, errno: errnoOf(error) }));
}

/** The refusal of a file of this type, or undefined for a regular file. */
function typeProblem(file: string, st: Stats): Diagnostic | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return at(file, diag('FILE_IS_FOLDER', '', { file }));
  return at(file, diag('FILE_NOT_REGULAR', '', { file, kind: specialKind(st) }));
}

/**
 * Read a text file from an untrusted path: a regular file of at most `maxBytes` bytes (the limit holds
 * while reading), UTF-8 (a byte order mark is kept, for readJson to report). Never throws, never blocks.
 */
export function readTextFile(file: string, options: { maxBytes?: number } = {}, fs: FileSystem = nodeFs): TextFile {
  const read = readBytesFile(file, options, fs);
  if (read.bytes === undefined) return { file, text: undefined, diagnostics: read.diagnostics };
  const kind = notTextKind(read.bytes);
  if (kind) return { file, text: undefined, diagnostics: [at(file, diag('FILE_NOT_JSON', '', { kind }))] };
  const text = decodeUtf8(read.bytes);
  return typeof text === 'string' ? { file, text, diagnostics: [] } : { file, text: undefined, diagnostics: [at(file, text)] };
}

/**
 * Read a file's bytes from an untrusted path (a workbook as it is; readTextFile's text from them): a regular
 * file of at most `maxBytes` bytes, the limit held while reading. Never throws, never blocks.
 */
export function readBytesFile(file: string, options: { maxBytes?: number } = {}, fs: FileSystem = nodeFs): { bytes: Buffer; diagnostics: [] } | { bytes: undefined; diagnostics: Diagnostic[] } {
  const maxBytes = options.maxBytes ?? LIMITS.fileBytes;
  let fd: number;
  try {
    const st = fs.statSync(file);
    const wrongType = typeProblem(file, st);
    if (wrongType) return { bytes: undefined, diagnostics: [wrongType] };
    if (st.size > maxBytes) return { bytes: undefined, diagnostics: [at(file, diag('FILE_TOO_LARGE', '', { size: st.size, limit: maxBytes }))] };
    // Non-blocking: should a FIFO have taken the file's place since the stat, opening it does not wait.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (e) {
    return { bytes: undefined, diagnostics: [accessProblem(file, e, fs)] };
  }
  let bytes: Buffer | Diagnostic;
  try {
    const st = fs.fstatSync(fd);
    bytes = typeProblem(file, st) ?? readAtMost(fd, file, maxBytes, st.size, fs);
  } catch (e) {
    bytes = accessProblem(file, e, fs);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // nothing was written: a failed close loses nothing
    }
  }
  return Buffer.isBuffer(bytes) ? { bytes, diagnostics: [] } : { bytes: undefined, diagnostics: [bytes] };
}

/**
 * The bytes of an open file, or FILE_TOO_LARGE as soon as more than `maxBytes` have come. `sizeHint` (the
 * size the file claims) sizes the first chunk only: the file may grow, or claim 0 (as /proc files do).
 */
function readAtMost(fd: number, file: string, maxBytes: number, sizeHint: number, fs: FileSystem): Buffer | Diagnostic {
  const chunks: Buffer[] = [];
  let total = 0;
  // One byte more than the file claims (and than the limit) finds the end, or a larger file, in one read.
  // No more than that: a buffer much larger than the file costs its allocation at every file of a rank.
  let chunk = Buffer.allocUnsafe(Math.min(sizeHint > 0 ? sizeHint + 1 : 1 << 16, maxBytes + 1));
  let used = 0;
  for (;;) {
    if (used === chunk.length) {
      chunks.push(chunk);
      total += used;
      if (total > maxBytes) break;
      chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      used = 0;
    }
    const n = fs.readSync(fd, chunk, used, chunk.length - used, null);
    if (n === 0) {
      chunks.push(chunk.subarray(0, used));
      total += used;
      break;
    }
    used += n;
  }
  // The file grew past the limit while it was read: its size is not known, only that it is more.
  if (total > maxBytes) return at(file, diag('FILE_TOO_LARGE', '', { size: null, limit: maxBytes }));
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** Does the file start with these bytes? */
const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * What a file that is not UTF-8 text is, from its first bytes: UTF-16 (with its byte order mark, or
 * ASCII with a zero byte after or before each character, as Notepad's "Unicode" saves it), an Excel or
 * Word file, another zip archive, a PDF, or other binary data (zero bytes). undefined for text.
 */
export function notTextKind(bytes: Uint8Array): DiagnosticParams['FILE_NOT_JSON']['kind'] | undefined {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // The names of a zip's first entries are in plain bytes: an Office file names its parts.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
    return head.includes('xl/') ? 'xlsx' : head.includes('word/') ? 'docx' : 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  const n = Math.min(bytes.length, 512);
  const zeros = [0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i % 2]!++;
  const [even, odd] = zeros as [number, number];
  if (even + odd === 0) return undefined;
  // Zero bytes on one side only, for most characters: UTF-16 (ASCII and Vietnamese letters, LE or BE).
  const half = n / 2;
  return Math.max(even, odd) >= half / 2 && Math.min(even, odd) <= half / 20 ? 'utf16' : 'binary';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of UTF-8 bytes, or FILE_ENCODING at the first byte that is not UTF-8 (with its line and column). */
function decodeUtf8(bytes: Buffer): string | Diagnostic {
  try {
    return UTF8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(10, offset - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
    const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
    return { ...diag('FILE_ENCODING', '', { offset }), line, column };
  }
}

/** @internal Offset of the first byte that does not belong to a well-formed UTF-8 sequence (bytes.length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Length of the sequence and the range of its second byte (no overlongs, no surrogates, ≤ U+10FFFF).
    const [length, low, high] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0 || i + length > bytes.length) return i;
    if (bytes[i + 1]! < low || bytes[i + 1]! > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return i;
    i += length;
  }
  return bytes.length;
}

export interface JsonFile extends JsonDocument {
  file: string;
  /** The text read ('' when the file could not be read). */
  text: string;
}

/** Read and parse a JSON file from an untrusted path (readTextFile, then readJson). Never throws. */
export function readJsonFile(file: string, limits: { maxItems?: number } = {}): JsonFile {
  const read = readTextFile(file);
  if (read.text === undefined) return { file, text: '', value: undefined, diagnostics: read.diagnostics, locate: () => undefined };
  const doc = readJson(read.text, file, limits);
  return { file, text: read.text, value: doc.value, diagnostics: doc.diagnostics, locate: doc.locate, ...(doc.checkable === undefined ? {} : { checkable: doc.checkable }) };
}

/**
 * Every *.json regular file under a folder, sorted, with a diagnostic for each thing that could hold
 * evidence and cannot be read: a link to nothing, a link loop (a file linking to itself, or a folder
 * linking to one that holds it), a folder that cannot be listed, a FIFO, socket or device named *.json
 * (reported, never opened). Links are followed; a folder reached twice is walked once. `wanted` says
 * which names are taken (default: *.json; `rank` takes workbooks too).
 */
export function walkJsonFiles(dir: string, fs: FileSystem = nodeFs, wanted: (name: string) => boolean = (name) => name.endsWith('.json')): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const walked = new Set<string>();
  const walk = (folder: string, ancestors: ReadonlySet<string>) => {
    let names: string[];
    try {
      names = (fs.readdirSync(folder) as string[]).sort();
    } catch (e) {
      diagnostics.push(accessProblem(folder, e, fs));
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      let st: Stats;
      try {
        st = fs.statSync(path);
      } catch (e) {
        diagnostics.push(accessProblem(path, e, fs));
        continue;
      }
      if (st.isDirectory()) {
        const id = `${st.dev}:${st.ino}`;
        if (ancestors.has(id)) diagnostics.push(at(path, diag('FILE_LINK_LOOP', '', { file: path })));
        else if (!walked.has(id)) walked.add(id), walk(path, new Set([...ancestors, id]));
      } else if (wanted(name)) {
        const wrongType = typeProblem(path, st);
        if (wrongType) diagnostics.push(wrongType);
        else files.push(path);
      }
    }
  };
  let top: Stats;
  try {
    top = fs.statSync(dir);
  } catch (e) {
    return { files, diagnostics: [accessProblem(dir, e, fs)] };
  }
  if (!top.isDirectory()) {
    // A file given for a folder is the one file of its walk.
    const wrongType = typeProblem(dir, top);
    return wrongType ? { files, diagnostics: [wrongType] } : { files: [dir], diagnostics };
  }
  const id = `${top.dev}:${top.ino}`;
  walked.add(id);
  walk(dir, new Set([id]));
  return { files, diagnostics };
}
