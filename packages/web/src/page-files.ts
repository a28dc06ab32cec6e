/**
 * The files the appraiser's and the province's views read: an evidence or appraisal file in JSON, or a
 * workbook (.xlsx) — the officer's or the appraisers' — read with the guard, the reader and the checks of
 * `parindex import`, every problem with its Sheet!Cell. A workbook with an error gives no value (as a JSON
 * file with one), only its problems. The workbook code is loaded on first use.
 */
import { ParindexError, type CompiledSet, type Diagnostic } from '@parindex/engine';
import { diag, hasErrors } from '@parindex/rules';
import type { PageContext } from './context.js';
import { readFileJson, type ReadFile } from './files.js';
import { workbookApi, type WorkbookApi } from './workbooks.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What a workbook button's file input takes. */
export const XLSX_ACCEPT = `.xlsx,${XLSX_TYPE}`;
/** What the views' file inputs take: JSON files and workbooks. */
export const FILES_ACCEPT = `.json,application/json,${XLSX_ACCEPT}`;

/** The page's set a workbook's binding names (a bundled set, or a set file opened in the page). */
export async function pageSet(ctx: PageContext, ref: string): Promise<CompiledSet | Diagnostic[]> {
  if (!ctx.sets.has(ref)) return [diag('SET_NOT_FOUND', '', { ref, list: 'page' })];
  try {
    return ctx.sets.get(ref);
  } catch (e) {
    if (e instanceof ParindexError) return e.diagnostics;
    throw e;
  }
}

/** A zip (every .xlsx is one) by its first bytes, whatever its name: "PK\x03\x04". */
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A file of the views: a workbook read as `parindex import` reads it, anything else as JSON. Never throws. */
export async function readPageFile(ctx: PageContext, file: File): Promise<ReadFile> {
  const bytes = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (!isZip(bytes) && !/\.xlsx$/i.test(file.name)) return readFileJson(file);
  let api: WorkbookApi;
  try {
    api = await workbookApi();
  } catch {
    return { name: file.name, value: undefined, diagnostics: [], notice: ctx.words.workbookUnavailable, workbook: true };
  }
  const read = await api.readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), (ref) => pageSet(ctx, ref), true);
  const diagnostics = read.diagnostics.map((d) => ({ ...d, file: file.name }));
  return { name: file.name, value: hasErrors(diagnostics) ? undefined : read.value, diagnostics, workbook: true };
}

/** A file read for one role (the evidence, or the appraisal): a workbook of the other kind is refused, saying which it is. */
export function forRole(f: ReadFile, need: 'evidence' | 'appraisal'): ReadFile {
  const v = f.value;
  const kind = v === undefined ? undefined : Array.isArray(v.rounds) ? 'appraisal' : Array.isArray(v.entries) ? 'evidence' : undefined;
  if (kind === undefined || kind === need || f.workbook !== true) return f;
  return { name: f.name, value: undefined, diagnostics: [{ ...diag('WORKBOOK_KIND', '', { kind, need }), file: f.name }], workbook: true };
}
