/**
 * The officer's workbook read back into an evidence file (`import`, and `.xlsx` wherever evidence is
 * read). Rows are found by what they say, not by their number (the figure id in the figures sheet,
 * the label in the unit sheet, the code in the documents and explanations sheets), so sorting or
 * inserting rows loses nothing. Every problem is reported at once, each with its sheet and cell; the
 * evidence keeps a map from its JSON pointers to cells, so that the evidence checks and the scoring
 * warnings point at cells too.
 */
import type { Diagnostic } from '@parindex/rules';
import { createExplainer } from '@parindex/explain';
import { readFigures } from './figures.js';
import type { OpenedWorkbook } from './open.js';
import { CellMap, type Reading } from './reading.js';
import { readUnit } from './unit-sheet.js';

/**
 * The date a document whose date cell was refused is checked with: a real day before every deadline, so
 * that the document counts as dated and no check of its date says anything but what the reader said
 * (what they say of it is left out: see `standInProblem`).
 */
export const STAND_IN_DATE = '0001-01-01';

/** The officer's workbook as evidence. */
export interface EvidenceRead {
  evidence: Record<string, unknown>;
  /**
   * The evidence the checks run on: the same, but a document whose date cell was refused has a date taken
   * as given (STAND_IN_DATE), so that a problem that follows only from the refused cell is not said.
   */
  checked: Record<string, unknown>;
  /** The pointers of those documents' dates. */
  standIns: string[];
  cells: CellMap;
  /** Its problems, each with its cell. */
  diagnostics: Diagnostic[];
}

/** The officer's workbook as evidence (its problems in `diagnostics`, each with its cell). */
export function readEvidenceWorkbook(opened: OpenedWorkbook): EvidenceRead {
  const r: Reading = { opened, ex: createExplainer(opened.compiled, opened.lang), cells: new CellMap(), diagnostics: [] };
  const evidence: Record<string, unknown> = { formatVersion: 1, criteriaSet: opened.compiled.ref };
  readUnit(r, evidence);
  const figures = readFigures(r);
  evidence.entries = figures.entries;
  // Keys in the order of the evidence format.
  const ordered: Record<string, unknown> = {};
  for (const k of ['formatVersion', 'sample', 'criteriaSet', 'unit', 'period', 'preparedBy', 'entries']) if (evidence[k] !== undefined) ordered[k] = evidence[k];
  const checked = figures.undated.length ? structuredClone(ordered) : ordered;
  for (const [i, j] of figures.undated) (checked.entries as Array<{ documents: Array<Record<string, unknown>> }>)[i]!.documents[j]!.date = STAND_IN_DATE;
  const standIns = figures.undated.map(([i, j]) => `/entries/${i}/documents/${j}/date`);
  return { evidence: ordered, checked, standIns, cells: r.cells, diagnostics: r.diagnostics };
}

/** Is a check's problem about a stand-in date (at its pointer, or naming it), not about what the officer typed? */
export function standInProblem(d: Diagnostic, standIns: readonly string[]): boolean {
  return standIns.includes(d.path) || (d.params as Record<string, unknown>).date === STAND_IN_DATE;
}
