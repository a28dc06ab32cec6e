/**
 * diag() gives every code the severity of the table (SEVERITY), reading only the warnings the engine gives:
 * the tools' warnings are passed their severity by their callers (the type of diag asks for it).
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, SEVERITY, diag, type DiagnosticCode } from './diagnostics.js';

const untyped = diag as (code: DiagnosticCode, path: string, params: object, severity?: 'warning' | 'error') => { severity: string };

describe('diag', () => {
  it("gives each code the table's severity; only the tools' warnings need theirs passed", () => {
    const passed = DIAGNOSTIC_CODES.filter((c) => untyped(c, '', {}).severity !== SEVERITY[c]);
    expect(passed).toEqual([
      'FILE_BOM',
      'SET_GIVEN_RANGE',
      'SET_SOURCE_NOT_DOCUMENT',
      'RANK_APPRAISAL_UNUSED',
      'RANK_UNIT_LOOKALIKE',
      'RANK_THREADS_CAPPED',
      'RESULT_UNVERIFIED',
      'PLAN_INPUT_OVERRIDDEN',
      'PROGRESS_DONE_WITHOUT_PRODUCT',
      'PROGRESS_PRODUCT_NOT_DONE',
      'PROGRESS_LATE',
      'PROGRESS_PLAN_NOT_GIVEN',
      'WORKBOOK_PERCENT_FRACTION',
      'WORKBOOK_MISSING_ROW',
      'WORKBOOK_CELL_IGNORED',
      'API_PAGE_NOT_BUILT',
    ]);
    for (const c of passed) expect(untyped(c, '', {}, 'warning').severity).toBe(SEVERITY[c]);
  });
});
