/**
 * @parindex/workbook — the officer's and appraisers' workbooks as bytes: write, read, guard. No file
 * system and no Node globals: the command line (`template --format xlsx`, `import`) and the web page
 * use the same code.
 */
export { appraisalWorkbook, A, ROUNDS } from './appraisal.js';
export { readAppraisalWorkbook } from './appraisal-read.js';
export { numberText, numberValue, readCell, type CellContent } from './cells.js';
export { fillEvidenceWorkbook } from './fill.js';
export { guardWorkbook, rangeCells } from './guard.js';
export { DOCUMENT_COLUMNS, documentRows, EXPLANATION_COLUMNS, UNIT_KEYS, UNIT_LEVELS, VALUES_COLUMNS, valueRows, type UnitKey, type ValueRow } from './layout.js';
export { EXCEL_COLUMNS, EXCEL_ROWS, WORKBOOK_LIMITS } from './limits.js';
export { openWorkbookBytes, type Opened, type OpenedWorkbook, type SetFinder } from './open.js';
export { readEvidenceWorkbook } from './read.js';
export { cellFinder, readWorkbookBytes, type ReadWorkbook } from './read-workbook.js';
export { CellMap } from './reading.js';
export { evidenceWorkbook, isoToDate, optionLabels, type UnitPrefill } from './write.js';
