/**
 * A workbook wherever a JSON file is read: `import` and the commands that take evidence (validate, score,
 * explain, rank, diff) see the evidence (or appraisal) it holds, as a JsonFile whose diagnostics name
 * the sheet and cell (`cellOf`), so that the evidence checks and the scoring warnings of the engine
 * point at cells as well.
 */
import { hasErrors, type Diagnostic } from '@parindex/rules';
import { checkEvidence } from '../engine.js';
import type { JsonFile } from '../io.js';
import { openWorkbook } from './open.js';
import { readEvidenceWorkbook } from './read.js';
import type { CellMap } from './reading.js';

/** A JsonFile read from a workbook: `cellOf` gives the cell a diagnostic of its value is about. */
export interface WorkbookFile extends JsonFile {
  cellOf(d: Diagnostic): string | undefined;
  kind: 'evidence' | 'appraisal' | undefined;
}

const NO_CELLS = { at: () => undefined, exact: () => undefined, ofInput: () => undefined } as unknown as CellMap;

/**
 * The cell of a diagnostic: its pointer's; for a criterion or input named in its params (a missing
 * value is reported at the evidence's "/entries"), the row of that input or criterion.
 */
function cellFinder(cells: CellMap): (d: Diagnostic) => string | undefined {
  return (d) => {
    const exact = cells.exact(d.path);
    // A pointer into an entry (its value, a document) is the most precise; a whole entry less so than the params.
    if (exact !== undefined && d.path.split('/').length > 3) return exact;
    // What the diagnostic is about, by its params: the input's cell (to fill), the document's row, the criterion's row.
    const p = d.params as Record<string, unknown>;
    const code = typeof p.code === 'string' ? p.code : undefined;
    const named =
      (typeof p.input === 'string' ? cells.ofInput(p.input) : undefined) ??
      (code !== undefined && typeof p.document === 'string' ? cells.ofInput(`doc:${code}/${p.document}`) : undefined) ??
      (code !== undefined ? cells.ofInput(`#${code}`) : undefined);
    return named ?? exact ?? cells.at(d.path);
  };
}

function fileOf(file: string, value: Record<string, unknown> | undefined, diagnostics: Diagnostic[], cells: CellMap, kind: WorkbookFile['kind']): WorkbookFile {
  const cellOf = cellFinder(cells);
  const located = diagnostics.map((d) => ({ ...d, file, ...(d.cell === undefined && cellOf(d) !== undefined ? { cell: cellOf(d)! } : {}) }));
  return { file, text: value === undefined ? '' : JSON.stringify(value, null, 2) + '\n', value, diagnostics: located, locate: () => undefined, cellOf, kind };
}

/**
 * Read a workbook. With `check`, the evidence checks of the engine run too and their problems are
 * added (import reports everything at once); the value is undefined when any problem is an error.
 */
export async function readWorkbookFile(file: string, rules: string | undefined, check = false): Promise<WorkbookFile> {
  const opened = await openWorkbook(file, rules);
  if (!opened.ok) return fileOf(file, undefined, opened.diagnostics, NO_CELLS, undefined);
  if (opened.opened.kind === 'appraisal') {
    const { readAppraisalWorkbook } = await import('./appraisal.js');
    const a = await readAppraisalWorkbook(opened.opened, file);
    return fileOf(file, hasErrors(a.diagnostics) ? undefined : a.appraisal, a.diagnostics, a.cells, 'appraisal');
  }
  const read = readEvidenceWorkbook(opened.opened);
  const found = [...read.diagnostics];
  if (check) for (const d of checkEvidence(opened.opened.compiled, read.evidence)) found.push(d);
  return fileOf(file, hasErrors(found) ? undefined : read.evidence, found, read.cells, 'evidence');
}
