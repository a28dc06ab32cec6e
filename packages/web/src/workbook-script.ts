/**
 * The second script of the page, dist/workbook.js: @parindex/workbook with exceljs, loaded on the
 * first "Open workbook" or "Save workbook" only (exceljs is several times the rest of the page). It
 * registers itself on a global the page awaits (./workbooks.ts). Its build takes the rules, the engine
 * and the sentences from the page's own script (scripts/build.mjs), so both use one copy of each.
 */
import { fillEvidenceWorkbook, readWorkbookBytes } from '@parindex/workbook';

(globalThis as { parindexWorkbook?: unknown }).parindexWorkbook = { fillEvidenceWorkbook, readWorkbookBytes };
