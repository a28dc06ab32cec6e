/** The appraisers' workbook (template --appraisal, import). */
import type { Diagnostic } from '@parindex/rules';
import type { OpenedWorkbook } from './open.js';
import { CellMap } from './reading.js';
import type { TemplateWorkbookArgs } from './command.js';
import type { Lang } from '../numbers.js';

export async function appraisalTemplate(_a: TemplateWorkbookArgs, _l: Lang): Promise<number> {
  return 1;
}

export async function readAppraisalWorkbook(_o: OpenedWorkbook, _file: string): Promise<{ appraisal: Record<string, unknown>; cells: CellMap; diagnostics: Diagnostic[] }> {
  return { appraisal: {}, cells: new CellMap(), diagnostics: [] };
}

export async function appraisalInit(_e: string, _r: string | undefined, _o: string | undefined): Promise<number> {
  return 1;
}
