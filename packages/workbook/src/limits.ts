/**
 * Limits on a workbook given to `import` (or wherever evidence is read), checked before exceljs reads
 * it: exceljs inflates every part into memory and expands every range of a data validation into one
 * entry per cell, so a small hostile file could take the memory or the time of the machine. docs/limits.md
 * documents them; packages/cli/test/workbook-hostile.test.ts checks each.
 */
export const WORKBOOK_LIMITS = {
  /** Largest workbook file, in bytes (as for any file: LIMITS.fileBytes). */
  fileBytes: 20 * 1024 * 1024,
  /** Most parts (files) in the workbook's zip archive. */
  zipEntries: 1_000,
  /** Most bytes of all parts once inflated: a zip bomb stops here, whatever sizes the archive claims. */
  inflatedBytes: 32 * 1024 * 1024,
  /** Most worksheets. */
  sheets: 50,
  /** Most rows of one worksheet. */
  rows: 50_000,
  /** Most cells of the whole workbook. */
  cells: 500_000,
  /** Most cells covered by the ranges of data validations, merged cells and column spans of the workbook. */
  rangeCells: 2_000_000,
} as const;

/** Excel's own grid: the last column (XFD) and the last row. */
export const EXCEL_COLUMNS = 16_384;
export const EXCEL_ROWS = 1_048_576;
