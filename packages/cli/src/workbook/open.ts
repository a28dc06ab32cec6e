/**
 * Opening a workbook parindex made: the file read with the size cap, the hostile-file checks
 * (./guard.ts), exceljs, then the binding sheet and the set it names (refused when the workbook was
 * made for another set, version or text of a set).
 */
import ExcelJS from 'exceljs';
import { diag, type Diagnostic } from '@parindex/rules';
import { readBytesFile } from '@parindex/rules/files';
import { LOCALES, type Locale } from '@parindex/explain';
import type { CompiledSet } from '../engine.js';
import { CliError } from '../io.js';
import { compiledFor } from '../load.js';
import type { Lang } from '../numbers.js';
import { guardWorkbook } from './guard.js';
import { BINDING_MARK, BINDING_SHEET, LAYOUT_VERSION } from './layout.js';
import { WORKBOOK_LIMITS } from './limits.js';

export interface OpenedWorkbook {
  wb: ExcelJS.Workbook;
  kind: 'evidence' | 'appraisal';
  compiled: CompiledSet;
  lang: Lang;
  words: Locale['workbook'];
  /** The binding sheet's other values (the appraisal's evidence hash …). */
  binding: ReadonlyMap<string, string>;
}

export type Opened = { ok: true; opened: OpenedWorkbook } | { ok: false; diagnostics: Diagnostic[] };

/** The key–value rows of the binding sheet. */
function bindingOf(wb: ExcelJS.Workbook): Map<string, string> | undefined {
  const ws = wb.getWorksheet(BINDING_SHEET);
  if (!ws) return undefined;
  const map = new Map<string, string>();
  for (let r = 1; r <= Math.min(ws.rowCount, 50); r++) {
    const k = ws.getCell(r, 1).value;
    const v = ws.getCell(r, 2).value;
    if (typeof k === 'string' && (typeof v === 'string' || typeof v === 'number')) map.set(k, String(v));
  }
  return map.get(BINDING_MARK) === undefined ? undefined : map;
}

async function loadBytes(bytes: Buffer): Promise<ExcelJS.Workbook | Diagnostic[]> {
  const guarded = await guardWorkbook(bytes);
  if (guarded.length) return guarded;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return [diag('WORKBOOK_UNREADABLE', '', { reason: 'reader', part: null })];
  }
  return wb;
}

/** The set the binding names (or --rules), checked against the binding's ref and SHA-256. */
async function boundSet(binding: ReadonlyMap<string, string>, rules: string | undefined): Promise<CompiledSet | Diagnostic[]> {
  const ref = binding.get('set') ?? '';
  const sha = binding.get('setSha256') ?? '';
  let compiled: CompiledSet;
  try {
    compiled = await compiledFor(ref, rules);
  } catch (e) {
    if (e instanceof CliError) return e.diagnostics;
    throw e;
  }
  if (compiled.ref !== ref || compiled.sha256 !== sha) return [diag('WORKBOOK_SET_MISMATCH', '', { given: ref, givenSha256: sha, expected: compiled.ref, expectedSha256: compiled.sha256 })];
  return compiled;
}

/** Open a workbook file; every diagnostic carries the file. */
export async function openWorkbook(file: string, rules: string | undefined): Promise<Opened> {
  const fail = (list: Diagnostic[]): Opened => ({ ok: false, diagnostics: list.map((d) => (d.file === undefined ? { ...d, file } : d)) });
  const read = readBytesFile(file, { maxBytes: WORKBOOK_LIMITS.fileBytes });
  if (!read.bytes) return fail(read.diagnostics);
  const wb = await loadBytes(read.bytes);
  if (Array.isArray(wb)) return fail(wb);
  const binding = bindingOf(wb);
  if (!binding) return fail([diag('WORKBOOK_NOT_BOUND', '', {})]);
  const version = binding.get(BINDING_MARK)!;
  if (version !== String(LAYOUT_VERSION)) return fail([diag('WORKBOOK_LAYOUT_VERSION', '', { version, supported: LAYOUT_VERSION })]);
  const kind = binding.get('kind') === 'appraisal' ? 'appraisal' : 'evidence';
  const compiled = await boundSet(binding, rules);
  if (Array.isArray(compiled)) return fail(compiled);
  const lang: Lang = binding.get('lang') === 'en' ? 'en' : 'vi';
  return { ok: true, opened: { wb, kind, compiled, lang, words: LOCALES[lang].workbook, binding } };
}
