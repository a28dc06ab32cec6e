/** The appraisers' workbooks of the code cases: one given where evidence is needed, one with a correction and no reason. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@parindex/engine';
import type { Diagnostic } from '@parindex/rules';
import { bundledSets } from '@parindex/rules/node';
import { dispatch } from '../src/main.js';
import { CliError } from '../src/io.js';
import { appraisalWorkbook } from '@parindex/workbook';
import { ROOT } from './helpers.js';
import { fillAppraisal } from './workbook-fill.js';
import { importAs } from './workbook-cases.js';

const evidence = () => JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8'));
const compiled = () => compile(bundledSets().get('model.commune-par@2026'));

/** `template --appraisal` given an appraisers' workbook instead of evidence. */
export async function appraisalCase(dir: string): Promise<Diagnostic[]> {
  const file = join(dir, 'tham-dinh.xlsx');
  writeFileSync(file, await appraisalWorkbook(compiled(), evidence(), 'vi'));
  try {
    await dispatch(['template', '--appraisal', file, '--format', 'xlsx', '--out', join(dir, 'x.xlsx')]);
  } catch (e) {
    if (e instanceof CliError) return e.diagnostics;
    throw e;
  }
  return [];
}

/** A corrected figure in round 1 without a reason. */
export async function appraisalReasonCase(dir: string): Promise<Diagnostic[]> {
  const c = compiled();
  const bytes = await fillAppraisal(
    await appraisalWorkbook(c, evidence(), 'vi'),
    c,
    { rounds: [{ id: 'round1', kind: 'appraisal', items: [{ criterion: '3.7.2', values: { online_payments: 320 }, reason: '' }] }] },
    'vi',
  );
  return importAs(bytes, dir);
}

/** The unit's figure changed in its own column, and an answer on a figure's row: neither read, both said. */
export async function appraisalIgnoredCase(dir: string): Promise<Diagnostic[]> {
  const c = compiled();
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await appraisalWorkbook(c, evidence(), 'vi')) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Thẩm định')!;
  ws.eachRow((row) => {
    if (row.getCell(3).value === 'dossiers_on_time') {
      row.getCell(6).value = 2000;
      row.getCell(12).value = 'Đơn vị đã bổ sung sổ theo dõi';
    }
  });
  return importAs(Buffer.from(await wb.xlsx.writeBuffer()), dir);
}
