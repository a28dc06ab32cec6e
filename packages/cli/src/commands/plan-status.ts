/** `parindex plan status <plan> [progress] [--as-of yyyy-mm-dd]`: every task done, late, overdue or due soon. */
import { defineCommand } from 'citty';
import { diag, isRealDate } from '@parindex/rules';
import { planStatusDocument } from '@parindex/explain';
import { derive, planWindow } from '@parindex/plans';
import { UsageError } from '../io.js';
import { readPlan, readProgress } from '../plan-files.js';
import { emitAny, outputOptions, printDiagnostics } from './common.js';

/** The --as-of date: a real calendar date YYYY-MM-DD (the plan's end when not given; never the clock). */
export function asOfArg(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  const s = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !isRealDate(s)) throw new UsageError(diag('USAGE_INVALID_VALUE', '', { option: '--as-of', value: s, allowed: ['YYYY-MM-DD'] }));
  return s;
}

/** The formats this command writes: --help lists them, and any other is refused. */
const output = outputOptions(['xlsx']);

export const planStatusCommand = defineCommand({
  meta: { name: 'status', description: 'Progress of a plan as of a date: done, late, overdue, due soon / Tiến độ thực hiện kế hoạch' },
  args: {
    plan: { type: 'positional', required: true, description: 'Plan file (kế hoạch)', valueHint: 'file' },
    progress: { type: 'positional', required: false, description: 'Progress file (tiến độ); without it every task is not done', valueHint: 'progress' },
    asOf: { type: 'string', valueHint: 'yyyy-mm-dd', description: "The date the status is taken on (default: the end of the plan's period)" },
    ...output.args,
  },
  async run({ args }) {
    const ctx = output.ctx(args);
    const p = readPlan(args.plan);
    const window = planWindow(p.plan, asOfArg(args.asOf));
    const read = args.progress ? readProgress(args.progress, p.plan, window) : undefined;
    printDiagnostics([...p.warnings, ...(read?.warnings ?? [])], ctx);
    const d = derive(p.plan, read?.progress.progress, window);
    await emitAny(ctx, planStatusDocument(p.plan, d, ctx.lang), d);
    return 0;
  },
});
