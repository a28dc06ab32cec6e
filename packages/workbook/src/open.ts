/**
 * Opening a workbook parindex made, from its bytes: the size cap, the hostile-file checks (./guard.ts),
 * exceljs, then the binding sheet and the set it names (found by the caller: the command line reads it
 * from disk or --rules, the page from its bundled sets), refused when the workbook was made for another
 * set, version or text of a set.
 */
import ExcelJS from 'exceljs';
import { diag, type Diagnostic } from '@parindex/rules';
import { LOCALES, type Locale } from '@parindex/explain';
import type { CompiledSet } from '@parindex/engine';
import type { Lang } from '@parindex/explain';
import { guardWorkbook } from './guard.js';
import { BINDING_MARK, BINDING_SHEET, LAYOUT_VERSION } from './layout.js';

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

async function loadBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook | Diagnostic[]> {
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

/** The set a binding names (its `set`: "id@version"), or why there is none (an empty list: SET_NOT_FOUND). */
export type SetFinder = (ref: string) => Promise<CompiledSet | Diagnostic[]>;

/** The set the binding names, checked against the binding's ref and SHA-256. */
async function boundSet(binding: ReadonlyMap<string, string>, setFor: SetFinder): Promise<CompiledSet | Diagnostic[]> {
  const ref = binding.get('set') ?? '';
  const sha = binding.get('setSha256') ?? '';
  const compiled = await setFor(ref);
  // A finder that gives no set and no reason: the set is not known (never a silent refusal).
  if (Array.isArray(compiled)) return compiled.length ? compiled : [diag('SET_NOT_FOUND', '', { ref })];
  if (compiled.ref !== ref || compiled.sha256 !== sha) return [diag('WORKBOOK_SET_MISMATCH', '', { given: ref, givenSha256: sha, expected: compiled.ref, expectedSha256: compiled.sha256 })];
  return compiled;
}

/** Open a workbook from its bytes (guardWorkbook caps their size). */
export async function openWorkbookBytes(bytes: Uint8Array, setFor: SetFinder): Promise<Opened> {
  const wb = await loadBytes(bytes);
  if (Array.isArray(wb)) return { ok: false, diagnostics: wb };
  const binding = bindingOf(wb);
  if (!binding) return { ok: false, diagnostics: [diag('WORKBOOK_NOT_BOUND', '', {})] };
  const version = binding.get(BINDING_MARK)!;
  if (version !== String(LAYOUT_VERSION)) return { ok: false, diagnostics: [diag('WORKBOOK_LAYOUT_VERSION', '', { version, supported: LAYOUT_VERSION })] };
  const kind = binding.get('kind') === 'appraisal' ? 'appraisal' : 'evidence';
  const compiled = await boundSet(binding, setFor);
  if (Array.isArray(compiled)) return { ok: false, diagnostics: compiled };
  const lang: Lang = binding.get('lang') === 'en' ? 'en' : 'vi';
  return { ok: true, opened: { wb, kind, compiled, lang, words: LOCALES[lang].workbook, binding } };
}
