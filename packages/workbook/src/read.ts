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

/** The officer's workbook as evidence (its problems in `diagnostics`, each with its cell). */
export function readEvidenceWorkbook(opened: OpenedWorkbook): { evidence: Record<string, unknown>; cells: CellMap; diagnostics: Diagnostic[] } {
  const r: Reading = { opened, ex: createExplainer(opened.compiled, opened.lang), cells: new CellMap(), diagnostics: [] };
  const evidence: Record<string, unknown> = { formatVersion: 1, criteriaSet: opened.compiled.ref };
  readUnit(r, evidence);
  evidence.entries = readFigures(r);
  // Keys in the order of the evidence format.
  const ordered: Record<string, unknown> = {};
  for (const k of ['formatVersion', 'sample', 'criteriaSet', 'unit', 'period', 'preparedBy', 'entries']) if (evidence[k] !== undefined) ordered[k] = evidence[k];
  return { evidence: ordered, cells: r.cells, diagnostics: r.diagnostics };
}
