/**
 * @parindex/rules/node: the one reader of untrusted files and folders (./files.ts), file validation (JSON
 * Schema with line and column) and the loader of the bundled criteria sets in rules/sets/. Node only.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, ParindexError, type Diagnostic } from './diagnostics.js';
import { readTextFile, walkJsonFiles } from './files.js';
import { nearestWord } from './value-text.js';
import type { CriteriaSet } from './schema.js';
import { validateSetText } from './validate-file.js';

export { validateSetText, bestMatchErrors, locateAll, type FileValidation } from './validate-file.js';
export { readTextFile, readJsonFile, walkJsonFiles, firstInvalidUtf8, accessProblem, errnoOf, type TextFile, type JsonFile, type FileSystem } from './files.js';

/** The folder of the bundled criteria sets. */
export const BUNDLED_SETS_DIR = bundledSetsDir();

/** @internal rules/sets/, found through the package itself so that it also works from a bundle. */
function bundledSetsDir(): string {
  try {
    return fileURLToPath(new URL('../sets/', import.meta.resolve('@parindex/rules')));
  } catch {
    return fileURLToPath(new URL('../sets/', import.meta.url));
  }
}

export interface SetEntry {
  id: string;
  version: string;
  /** "id@version" */
  ref: string;
  title: string;
  titleEn?: string;
  status: CriteriaSet['status'];
  kind?: CriteriaSet['kind'];
  issuer: string;
  issuerEn?: string;
  decision: CriteriaSet['decision'];
  period: CriteriaSet['period'];
  file: string;
}

/** Read and validate one criteria-set file. Never throws. */
export function readSetFile(file: string): { value: CriteriaSet | undefined; diagnostics: Diagnostic[] } {
  const read = readTextFile(file);
  if (read.text === undefined) return { value: undefined, diagnostics: read.diagnostics };
  return validateSetText(read.text, file);
}

export class SetLibrary {
  readonly entries: SetEntry[];
  readonly diagnostics: Diagnostic[];
  private readonly sets = new Map<string, CriteriaSet>();

  constructor(readonly dir: string = BUNDLED_SETS_DIR) {
    const entries: SetEntry[] = [];
    const diagnostics: Diagnostic[] = [];
    const { files, diagnostics: walked } = walkJsonFiles(dir);
    for (const d of walked) diagnostics.push(d);
    for (const file of files) {
      const { value, diagnostics: d } = readSetFile(file);
      for (const x of d) diagnostics.push(x);
      if (!value) continue;
      const ref = `${value.id}@${value.version}`;
      const rel = relative(dir, file);
      if (this.sets.has(ref)) {
        const other = entries.find((x) => x.ref === ref)!;
        diagnostics.push({ ...diag('SET_AMBIGUOUS', '', { ref, files: [other.file, rel] }), file });
        continue;
      }
      this.sets.set(ref, value);
      entries.push({
        id: value.id,
        version: value.version,
        ref,
        title: value.title,
        ...(value.titleEn ? { titleEn: value.titleEn } : {}),
        status: value.status,
        ...(value.kind ? { kind: value.kind } : {}),
        issuer: value.issuer,
        ...(value.issuerEn ? { issuerEn: value.issuerEn } : {}),
        decision: value.decision,
        period: value.period,
        file: rel,
      });
    }
    entries.sort((a, b) => (a.id === b.id ? compareVersions(a.version, b.version) : a.id < b.id ? -1 : 1));
    this.entries = entries;
    this.diagnostics = diagnostics;
  }

  /** Find "id@version", or "id" for its latest version. */
  find(ref: string): SetEntry | undefined {
    if (ref.includes('@')) return this.entries.find((e) => e.ref === ref);
    const all = this.entries.filter((e) => e.id === ref);
    return all[all.length - 1];
  }

  /** SET_NOT_FOUND of a ref that is none of the library's, with the one nearest ("model.commune-pa" → "model.commune-par"). */
  notFound(ref: string, path = ''): Diagnostic {
    const suggest = nearestWord(
      ref,
      this.entries.map((e) => (ref.includes('@') ? e.ref : e.id)),
    );
    return diag('SET_NOT_FOUND', path, { ref, ...(suggest !== undefined ? { suggest } : {}) });
  }

  /** The set for "id@version" or "id" (latest); throws ParindexError SET_NOT_FOUND. */
  get(ref: string): CriteriaSet {
    const entry = this.find(ref);
    if (!entry) throw new ParindexError([this.notFound(ref)]);
    return this.sets.get(entry.ref)!;
  }
}

/** @internal Compare "2026", "2026.1", "2026.1.2" numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

let bundled: SetLibrary | undefined;

/** The bundled sets of rules/sets/, loaded and validated once. */
export function bundledSets(): SetLibrary {
  bundled ??= new SetLibrary();
  return bundled;
}
