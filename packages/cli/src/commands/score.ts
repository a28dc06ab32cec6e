/** `parindex score <evidence>`: points by field, total, index, classification and flags. */
import { defineCommand } from 'citty';
import { createExplainer, officialDocument, scoreDocument } from '@parindex/explain';
import { toCompact } from '../engine.js';
import { UsageError } from '../io.js';
import { diag } from '@parindex/rules';
import { scoreRounds } from '../load.js';
import { emitAny, evidenceArgs, outputOptions, scoreFromArgs } from './common.js';

/** The formats this command writes: --help lists them, and any other is refused. */
const output = outputOptions(['docx', 'xlsx']);

export const scoreCommand = defineCommand({
  meta: { name: 'score', description: 'Score an evidence file: fields, total, index, classification, flags / Chấm điểm' },
  args: {
    ...evidenceArgs,
    all: { type: 'boolean', description: 'Show every criterion, not only the fields (table format)' },
    compact: { type: 'boolean', description: "With --format json: the compact form (totals, fields, each criterion's points and status, no trace)" },
    ...output.args,
  },
  async run({ args }) {
    const ctx = output.ctx(args);
    if (args.compact === true && ctx.format !== 'json') throw new UsageError(diag('USAGE_OPTION_REQUIRES', '', { option: '--compact', requires: '--format json' }));
    const s = await scoreFromArgs(args, ctx);
    const ex = createExplainer(s.compiled, ctx.lang);
    // The terminal gets the short table; every document format the official table, one column per round.
    const doc =
      ctx.format === 'table' || ctx.format === 'json'
        ? scoreDocument(s.self, s.round, s.compiled, ex, { all: args.all === true })
        : officialDocument({ self: s.self, ...scoreRounds(s), preparedBy: (s.evidence.value as { preparedBy?: { name?: string; date?: string } }).preparedBy, set: s.compiled.set }, ex);
    const main = s.round ?? s.self;
    await emitAny(ctx, doc, args.compact === true ? toCompact(main) : main);
    return 0;
  },
});
