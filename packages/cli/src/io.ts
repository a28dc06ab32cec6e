/**
 * Files in, diagnostics out. Every problem becomes a Diagnostic with file, line and column (located
 * through readJson's JSON pointers), printed as `file:line:column  CODE  /json/path  sentence`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, type Diagnostic, type CriteriaSet } from '@parindex/rules';
import { readJsonFile as readJsonFileOf, walkJsonFiles } from '@parindex/rules/files';
import { diagnosticText, LOCALES } from '@parindex/explain';
import { terminalText } from './format/escape.js';
import { shippedSet } from './shipped.js';
import type { Lang } from './numbers.js';

/** Thrown by commands: print these diagnostics and exit with `exitCode` (1 unless told). */
export class CliError extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly exitCode = 1,
  ) {
    // For developers only: people read the diagnostics, worded in their language when printed.
    const first = diagnostics[0];
    super(first ? `${first.code}${first.path ? ` at ${first.path}` : ''}` : 'error');
  }
}

/**
 * Wrong usage (unknown option, missing argument): exit code 2. Carries a USAGE_* diagnostic, worded in
 * the language of --lang when printed.
 */
export class UsageError extends Error {
  /** The command whose usage was wrong ("plan status"), set on the way out by the dispatcher: its --help is suggested. */
  command: string | undefined;
  constructor(
    readonly diagnostic: Diagnostic,
    options?: { cause?: unknown },
  ) {
    super(diagnostic.code, options?.cause !== undefined ? { cause: options.cause } : undefined);
  }
}

export interface JsonFile {
  file: string;
  text: string;
  value: Record<string, unknown> | undefined;
  diagnostics: Diagnostic[];
  locate(pointer: string): { line: number; column: number } | undefined;
  /** The value refused only for problems that can be looked past, to check the rest of the file (readJson's `checkable`): never scored. */
  checkable?: Record<string, unknown>;
}

/** Read and parse a JSON file (the one reader of @parindex/rules/node: regular files only, size cap while reading, UTF-8). Never throws. */
export function readJsonFile(file: string): JsonFile {
  const workbook = workbooks.get(file);
  if (workbook) return workbook;
  // readJson refuses any JSON text that is not an object: a value is always one.
  return readJsonFileOf(file) as JsonFile;
}

/** Workbooks given on the command line, read before the command runs (exceljs reads asynchronously). */
const workbooks = new Map<string, JsonFile>();

/**
 * Read every `.xlsx` among these paths, so that readJsonFile gives the evidence (or appraisal) it holds:
 * the one place where a workbook becomes a file like any other. The set it names is found as for
 * evidence (or given by `rules`).
 */
export async function preloadWorkbooks(paths: readonly unknown[], rules: string | undefined): Promise<void> {
  const files = paths.filter((p): p is string => typeof p === 'string' && /\.xlsx$/i.test(p) && !workbooks.has(p));
  if (!files.length) return;
  const { readWorkbookFile } = await import('./workbook/load.js');
  for (const f of files) workbooks.set(f, await readWorkbookFile(f, rules));
}

/** Add file, line and column to diagnostics (those that already carry a line are kept). */
export function locateIn(list: readonly Diagnostic[], f: Pick<JsonFile, 'file' | 'locate'>): Diagnostic[] {
  return list.map((d) => {
    if (d.file !== undefined && (d.line !== undefined || d.cell !== undefined)) return d;
    const at = d.line === undefined ? f.locate(d.path) : undefined;
    const cell = 'cellOf' in f && d.cell === undefined ? (f as { cellOf(d: Diagnostic): string | undefined }).cellOf(d) : undefined;
    return { ...d, file: f.file, ...(at ?? {}), ...(cell !== undefined ? { cell } : {}) };
  });
}

export type FileKind = 'set' | 'evidence' | 'appraisal' | 'result' | 'plan' | 'progress';

/** What kind of file this is: `"kind": "plan"` / `"progress"`, `fields` → set, `entries` → evidence, `rounds` → appraisal, result JSON. */
export function detectKind(value: Record<string, unknown>): FileKind | undefined {
  // A plan has "fields" too (its lĩnh vực), and a set has a "kind" of its own ("par"): plans first, by their kind.
  if (value.kind === 'plan') return 'plan';
  if (value.kind === 'progress') return 'progress';
  if ('provenance' in value && 'formatVersion' in value && 'totals' in value) return 'result';
  if ('fields' in value) return 'set';
  if ('entries' in value) return 'evidence';
  if ('rounds' in value) return 'appraisal';
  return undefined;
}

export function kindDiagnostic(f: JsonFile): Diagnostic {
  return { ...diag('FILE_KIND_UNKNOWN', '', { need: 'setEvidenceOrAppraisal' }), file: f.file, line: 1, column: 1 };
}

/**
 * One diagnostic as a line: `file:line:column  CODE  /json/path  severity: sentence`, the sentence from
 * @parindex/explain in the chosen language. The file name, the path and the values quoted in the
 * sentence come from the user: controls and line breaks in them are shown as escapes (terminalText), so
 * that a diagnostic is one line and cannot drive the terminal.
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = d.file === undefined ? '' : d.cell !== undefined ? `${d.file}:${d.cell}` : d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const sev = LOCALES[lang].help.severity[d.severity === 'warning' ? 'warning' : 'error'];
  // A workbook's diagnostic names its cell, the place the officer knows: the pointer into the evidence it
  // stands for stays in the JSON diagnostics (--format json), not in the line.
  const path = d.cell !== undefined ? '' : d.path === '' ? '/' : d.path;
  return terminalText([where, `${d.code}`, path, `${sev}: ${diagnosticText(d, lang)}`].filter((x) => x !== '').join('  '));
}

function versionParts(v: string): number[] {
  return v.split('.').map(Number);
}

function newer(a: string, b: string): boolean {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) > (pb[i] ?? -1);
  return false;
}

let setsFolder: string | undefined;

/** The folder of the bundled criteria sets (rules/sets/), resolved once. */
export function setsDir(): string {
  setsFolder ??= fileURLToPath(new URL('../sets/', import.meta.resolve('@parindex/rules')));
  return setsFolder;
}

export interface ListedSet {
  ref: string;
  id: string;
  version: string;
  title: string;
  titleEn?: string;
  status: string;
  issuer: string;
  issuerEn?: string;
  decision: { number: string; numberEn?: string; date: string | null };
  period: { from: string; to: string };
  file: string;
}

/** The bundled sets, read (not validated: `parindex validate rules/sets/…` does that), sorted by id and version. */
export function listBundled(): { sets: ListedSet[]; diagnostics: Diagnostic[] } {
  const root = setsDir();
  const sets: ListedSet[] = [];
  const diagnostics: Diagnostic[] = [];
  const walked = walkJsonFiles(root);
  for (const d of walked.diagnostics) diagnostics.push(d);
  for (const p of walked.files) {
    const f = readJsonFile(p);
    if (!f.value) {
      for (const d of f.diagnostics) diagnostics.push(d);
      continue;
    }
    // biome-ignore lint/suspicious/noExplicitAny: a file's JSON, probed key by key for its kind.
    const v = f.value as Record<string, any>;
    sets.push({
      ref: `${v.id}@${v.version}`,
      id: String(v.id),
      version: String(v.version),
      title: String(v.title),
      ...(v.titleEn ? { titleEn: String(v.titleEn) } : {}),
      status: String(v.status),
      issuer: String(v.issuer),
      ...(typeof v.issuerEn === 'string' ? { issuerEn: v.issuerEn } : {}),
      decision: {
        number: String(v.decision?.number),
        ...(typeof v.decision?.numberEn === 'string' ? { numberEn: v.decision.numberEn } : {}),
        date: typeof v.decision?.date === 'string' ? v.decision.date : null,
      },
      period: { from: String(v.period?.from), to: String(v.period?.to) },
      file: p.slice(root.length),
    });
  }
  sets.sort((a, b) => (a.id === b.id ? (newer(a.version, b.version) ? 1 : -1) : a.id < b.id ? -1 : 1));
  return { sets, diagnostics };
}

/**
 * The file of a bundled set by its conventional path rules/sets/<id>/<version>.json (the latest version
 * when none is given), without loading and validating every bundled set.
 */
export function bundledSetFile(ref: string): string | undefined {
  const [id, version] = ref.split('@');
  if (!id || !/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(id) || (version !== undefined && !/^[0-9]{4}(\.[0-9]{1,4}){0,2}$/.test(version))) return undefined;
  const dir = join(setsDir(), id);
  if (!existsSync(dir)) return undefined;
  if (version !== undefined) {
    const file = join(dir, `${version}.json`);
    return existsSync(file) ? file : undefined;
  }
  let best: string | undefined;
  for (const name of readdirSync(dir)) {
    const m = /^([0-9]{4}(\.[0-9]{1,4}){0,2})\.json$/.exec(name);
    if (m && (best === undefined || newer(m[1]!, best))) best = m[1]!;
  }
  return best === undefined ? undefined : join(dir, `${best}.json`);
}

/**
 * A set to compile: `validated` when it is a shipped set whose file is byte for byte the one checked in
 * full when the CLI was built (./shipped.ts), for `compile(set, { validated })`.
 */
export interface LoadedSet {
  set: CriteriaSet;
  validated?: { sha256: string };
}

/**
 * A criteria set by ref among the bundled sets, or from a file given with --rules (validated with line
 * and column). A bundled set is validated by compile(), unless its file is the one recorded at build time.
 */
export async function loadSet(ref: string | undefined, rulesFile: string | undefined, refAt?: { file: JsonFile; pointer: string }): Promise<LoadedSet> {
  if (rulesFile) {
    const { readSetFile } = await import('@parindex/rules/node');
    const { value, diagnostics } = readSetFile(rulesFile);
    if (!value) throw new CliError(diagnostics);
    return { set: value };
  }
  const file = ref ? bundledSetFile(ref) : undefined;
  const isRef = (v: { id?: unknown; version?: unknown }) => !ref!.includes('@') || `${String(v.id)}@${String(v.version)}` === ref;
  if (file) {
    const shipped = shippedSet(file, setsDir());
    if (shipped && isRef(shipped.set)) return { set: shipped.set, validated: { sha256: shipped.sha256 } };
    const f = readJsonFile(file);
    if (f.value && isRef(f.value)) return { set: f.value as unknown as CriteriaSet };
  }
  // Not at its conventional path: look through the whole library.
  const { bundledSets } = await import('@parindex/rules/node');
  const lib = bundledSets();
  const entry = ref ? lib.find(ref) : undefined;
  if (!entry) {
    const d = lib.notFound(ref ?? '', refAt?.pointer ?? '');
    throw new CliError([refAt ? locateIn([d], refAt.file)[0]! : d]);
  }
  return { set: lib.get(entry.ref) };
}
