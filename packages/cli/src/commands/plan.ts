/**
 * `parindex plan show <plan>`, `plan status <plan> [progress] [--as-of date]`, `plan targets <plan>
 * <evidence>`: a reform plan as data, its progress as of a date (never the clock), and its targets.
 */
import { defineCommand } from 'citty';
import { planShowDocument } from '@parindex/explain';
import { readPlan } from '../plan-files.js';
import { emitAny, outputOptions, printDiagnostics } from './common.js';
import { planStatusCommand } from './plan-status.js';
import { planTargetsCommand } from './plan-targets.js';

/** The formats plan show writes: --help lists them, and any other is refused. */
const output = outputOptions(['xlsx']);

const show = defineCommand({
  meta: { name: 'show', description: 'Show a plan: its tasks by field, with lead unit, deadline and product / Xem kế hoạch' },
  args: {
    plan: { type: 'positional', required: true, description: 'Plan file (kế hoạch)', valueHint: 'file' },
    ...output.args,
  },
  async run({ args }) {
    const ctx = output.ctx(args);
    const p = readPlan(args.plan);
    printDiagnostics(p.warnings, ctx);
    await emitAny(ctx, planShowDocument(p.plan, ctx.lang), p.plan);
    return 0;
  },
});

export const planCommand = defineCommand({
  meta: { name: 'plan', description: 'Reform plans: show, status, targets / Kế hoạch CCHC' },
  subCommands: { show, status: planStatusCommand, targets: planTargetsCommand },
});
