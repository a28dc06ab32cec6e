/** `parindex plan targets <plan> <evidence>`: every target of the plan, met or not, and what is missing. */
import { defineCommand } from 'citty';
import { diag } from '@parindex/rules';
import { createExplainer, planTargetsDocument } from '@parindex/explain';
import { CliError, locateIn } from '../io.js';
import { readPlan } from '../plan-files.js';
import { scoreFiles } from '../load.js';
import { emitAny, outputOptions, printDiagnostics, rulesArg } from './common.js';

/** The formats this command writes: --help lists them, and any other is refused. */
const output = outputOptions(['xlsx']);

export const planTargetsCommand = defineCommand({
  meta: { name: 'targets', description: 'Progress toward every target (chỉ tiêu) of a plan: met or not, and by how much / Chỉ tiêu của kế hoạch' },
  args: {
    plan: { type: 'positional', required: true, description: 'Plan file (kế hoạch) with "targets"', valueHint: 'file' },
    evidence: { type: 'positional', required: true, description: "Evidence file of the plan's targets set", valueHint: 'file' },
    rules: rulesArg,
    ...output.args,
  },
  async run({ args }) {
    const ctx = output.ctx(args);
    const p = readPlan(args.plan);
    if (!p.plan.targets) throw new CliError(locateIn([diag('PLAN_NO_TARGETS', '', { plan: p.plan.id })], p.file));
    const s = await scoreFiles(args.evidence, { rules: args.rules });
    const k = p.plan.targets.findIndex((t) => t.criteriaSet === s.compiled.ref);
    const targets = p.plan.targets[k];
    if (!targets) {
      const planSet = p.plan.targets.map((t) => t.criteriaSet).join(', ');
      throw new CliError(locateIn([diag('PLAN_SET_MISMATCH', '/targets', { plan: p.plan.id, planSet, evidenceSet: s.compiled.ref })], p.file));
    }
    const unknown = targets.links.flatMap((l, i) =>
      s.compiled.nodes.has(l.criterion) ? [] : [diag('EVIDENCE_UNKNOWN_CRITERION', `/targets/${k}/links/${i}/criterion`, { code: l.criterion, set: s.compiled.ref })],
    );
    if (unknown.length > 0) throw new CliError(locateIn(unknown, p.file));
    printDiagnostics([...p.warnings, ...s.warnings], ctx);
    await emitAny(ctx, planTargetsDocument(p.plan, targets, s.self, createExplainer(s.compiled, ctx.lang)), { plan: p.plan.id, targets: targets.links, result: s.self });
    return 0;
  },
});
