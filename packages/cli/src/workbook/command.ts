/** The workbook side of `template` (--format xlsx, --appraisal): the set, the workbook, the atomic write. */
import { diag } from '@parindex/rules';
import { compiledFor } from '../load.js';
import { UsageError } from '../io.js';
import type { Lang } from '../numbers.js';
import { writeNewOutput } from '../output.js';
import { evidenceWorkbook } from '@parindex/workbook';

export interface TemplateWorkbookArgs {
  set: string | undefined;
  rules: string | undefined;
  appraisal: string | undefined;
  unit: string | undefined;
  name: string | undefined;
  format: string | undefined;
  out: string | undefined;
  force: boolean;
  quiet: boolean;
}

/** `template <set> --format xlsx` and `template --appraisal <evidence> --format xlsx`. */
export async function templateWorkbook(args: TemplateWorkbookArgs, lang: Lang): Promise<number> {
  if (args.format !== 'xlsx') throw new UsageError(diag('USAGE_OPTION_REQUIRES', '', { option: '--appraisal', requires: '--format xlsx' }));
  if (args.appraisal !== undefined) {
    const { appraisalTemplate } = await import('./appraisal.js');
    return appraisalTemplate(args, lang);
  }
  if (args.set === undefined && args.rules === undefined) throw new UsageError(diag('USAGE_MISSING_ARGUMENT', '', { argument: 'SET' }));
  const compiled = await compiledFor(args.set, args.rules);
  const bytes = await evidenceWorkbook(compiled, lang, { code: args.unit, name: args.name });
  writeNewOutput(Buffer.from(bytes), args.out, args.force);
  return 0;
}
