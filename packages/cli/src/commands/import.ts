/**
 * `parindex import <workbook.xlsx> [--out file]`: a filled workbook (from `template --format xlsx`)
 * read back into the evidence file it stands for, or an appraisers' workbook into its appraisal file.
 * Every problem at once, each with its sheet and cell; nothing is written when one is an error.
 */
import { defineCommand } from 'citty';
import { hasErrors } from '@parindex/rules';
import { json } from '../format/render.js';
import { writeOutput } from '../output.js';
import { ctxOf, langArg, outArg, printDiagnostics, quietArg, rulesArg } from './common.js';

export const importCommand = defineCommand({
  meta: { name: 'import', description: 'Read a filled workbook (.xlsx) into an evidence or appraisal file / Đọc sổ tính đã điền' },
  args: {
    workbook: { type: 'positional', required: true, description: 'The filled workbook (.xlsx)', valueHint: 'file.xlsx' },
    rules: rulesArg,
    lang: langArg,
    out: outArg,
    quiet: quietArg,
  },
  async run({ args }) {
    const ctx = ctxOf(args);
    const { readWorkbookFile } = await import('../workbook/load.js');
    const f = await readWorkbookFile(args.workbook, args.rules, true);
    printDiagnostics(f.diagnostics, ctx);
    if (!f.value || hasErrors(f.diagnostics)) return 1;
    writeOutput(json(f.value), ctx.out);
    return 0;
  },
});
