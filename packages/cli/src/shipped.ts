/**
 * The criteria sets shipped with the tool (rules/sets/), checked in full when the CLI is built, so that a
 * run does not check them again: scripts/bundle.mjs writes one record per shipped set file to
 * dist/shipped-sets/<same path>, holding the SHA-256 of the file's bytes, the set as the full check gave
 * it (parseCriteriaSet's value) and its compiled hash. A shipped file whose bytes hash as recorded is
 * compiled from its record without the zod parse and the set checks (most of a cold `parindex score`);
 * a file that differs in any byte, has no record or whose record cannot be read, and every set given
 * with --rules, is read and validated in full as before. The records change no output: the drift test
 * (test/shipped.test.ts) compiles every shipped set both ways and compares.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CriteriaSet } from '@parindex/rules';
import { readBytesFile, readJsonFile, walkJsonFiles } from '@parindex/rules/files';
import { compile } from './engine.js';

/** A shipped set checked in full, as written to dist/shipped-sets/. */
export interface ShippedRecord {
  format: 1;
  /** SHA-256 (hex) of the set file's bytes. */
  source: string;
  /** The compiled set's hash (CompiledSet.sha256). */
  sha256: string;
  /** The set as validation gave it (its keys in the schema's order). */
  set: CriteriaSet;
}

/** A shipped set ready to compile without its checks: `compile(set, { validated: { sha256 } })`. */
export interface ShippedSet {
  set: CriteriaSet;
  sha256: string;
}

let recordsDir: string | undefined;

/** Where the records are (the bin sets it: dist/shipped-sets/ beside the bundle). Unset, every set is checked in full. */
export function setShippedSets(url: URL | undefined): void {
  recordsDir = url && fileURLToPath(url);
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The record of a shipped set file, when there is one and the file's bytes are the ones recorded. Never throws. */
export function shippedSet(file: string, setsRoot: string): ShippedSet | undefined {
  if (recordsDir === undefined) return undefined;
  const rel = relative(setsRoot, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  let record: Partial<ShippedRecord>;
  try {
    record = JSON.parse(readFileSync(join(recordsDir, rel), 'utf8')) as Partial<ShippedRecord>;
  } catch {
    return undefined;
  }
  if (record?.format !== 1 || typeof record.source !== 'string' || typeof record.sha256 !== 'string' || typeof record.set !== 'object' || record.set === null) return undefined;
  const read = readBytesFile(file);
  if (!read.bytes || sha256Hex(read.bytes) !== record.source) return undefined;
  return { set: record.set, sha256: record.sha256 };
}

/**
 * The record of one shipped set file: read as the CLI reads a bundled set, compiled with the full checks,
 * and kept only when the set survives JSON (every value JSON can hold, keys in the same order). Undefined
 * for a file the CLI would refuse or validate differently: it is then checked in full at every run.
 */
export function shippedRecord(file: string): ShippedRecord | undefined {
  const bytes = readBytesFile(file);
  const read = readJsonFile(file);
  if (!bytes.bytes || !read.value) return undefined;
  let compiled: ReturnType<typeof compile>;
  try {
    compiled = compile(read.value);
  } catch {
    return undefined;
  }
  if (!sameJson(JSON.parse(JSON.stringify(compiled.set)), compiled.set)) return undefined;
  return { format: 1, source: sha256Hex(bytes.bytes), sha256: compiled.sha256, set: compiled.set };
}

/** Equal as JSON with the same key order (Object.is: -0 and undefined do not survive JSON). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i] || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Write the records of every set file under `setsRoot` to `outDir` (emptied first), each file atomically. Returns the files recorded. */
export function writeShippedSets(setsRoot: string, outDir: string): string[] {
  rmSync(outDir, { recursive: true, force: true });
  const written: string[] = [];
  for (const file of walkJsonFiles(setsRoot).files) {
    const record = shippedRecord(file);
    if (!record) continue;
    const rel = relative(setsRoot, file);
    const out = join(outDir, rel);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.tmp`, JSON.stringify(record));
    renameSync(`${out}.tmp`, out);
    written.push(rel);
  }
  return written;
}
