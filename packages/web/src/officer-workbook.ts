/**
 * The officer's workbook in the page: "Save workbook" writes the officer's workbook of the chosen set
 * filled with the form's evidence (as `parindex template --format xlsx` lays it out, in the page's
 * language); "Open workbook" reads one with the guard and the reader of `parindex import`, every
 * problem with its Sheet!Cell and sentence, and fills the form. The workbook code is loaded on first use.
 */
import type { CompiledSet } from '@parindex/engine';
import { diag } from '@parindex/rules';
import type { PageContext } from './context.js';
import { download } from './files.js';
import { evidenceOf, stateOf } from './model.js';
import type { OfficerState } from './officer.js';
import { pageSet, XLSX_TYPE } from './page-files.js';
import { workbookApi, type WorkbookApi } from './workbooks.js';

/** The workbook code, with a notice while it loads and when it cannot be loaded. */
async function api(ctx: PageContext, st: OfficerState): Promise<WorkbookApi | undefined> {
  const notice = document.getElementById('notice');
  const before = notice?.textContent ?? '';
  if (notice) notice.textContent = ctx.words.workbookLoading;
  try {
    return await workbookApi();
  } catch {
    st.notice = ctx.words.workbookUnavailable;
    st.fileProblems = [];
    ctx.rerender();
    return undefined;
  } finally {
    if (notice?.isConnected) notice.textContent = before;
  }
}

/** A file name from the unit's code (or the set's id) and the set's version. */
export function fileName(compiled: CompiledSet, code: string, ext: string): string {
  return `${(code || compiled.set.id).replace(/[^\p{L}\p{N}._-]+/gu, '-')}-${compiled.set.version}.${ext}`;
}

/** Save the form as the officer's workbook. */
export async function saveWorkbook(ctx: PageContext, st: OfficerState, compiled: CompiledSet): Promise<void> {
  const wb = await api(ctx, st);
  if (!wb) return;
  const { evidence } = evidenceOf(compiled, st.form!, ctx.lang, true);
  const bytes = await wb.fillEvidenceWorkbook(compiled, evidence, ctx.lang);
  download(fileName(compiled, st.form!.unit.code, 'xlsx'), bytes, XLSX_TYPE);
}

/** Open an officer's workbook: its problems with their cells, and the form filled when it has no error. */
export async function openWorkbook(ctx: PageContext, st: OfficerState, file: File): Promise<void> {
  const wb = await api(ctx, st);
  if (!wb) return;
  const read = await wb.readWorkbookBytes(new Uint8Array(await file.arrayBuffer()), (ref) => pageSet(ctx, ref), true);
  const problems = read.kind === 'appraisal' ? [diag('WORKBOOK_KIND', '', { kind: 'appraisal', need: 'evidence' })] : read.diagnostics;
  st.fileProblems = problems.map((d) => ({ ...d, file: file.name }));
  const value = read.kind === 'evidence' ? read.value : undefined;
  st.notice = value ? ctx.words.workbookRead(file.name) : ctx.words.fileProblem(file.name);
  if (value) {
    const ref = String(value.criteriaSet);
    st.ref = ref;
    st.form = stateOf(ctx.sets.get(ref), value, ctx.lang);
  }
  ctx.rerender();
}
