/** `parindex score <evidence>`: points by field, total, index, classification and flags. */
import { defineCommand } from 'citty';
import { createExplainer, scoreDocument } from '@parindex/explain';
import { ctxOf, emit, evidenceArgs, outputArgs, scoreFromArgs } from './common.js';

export const scoreCommand = defineCommand({
  meta: { name: 'score', description: 'Score an evidence file: fields, total, index, classification, flags / Chấm điểm' },
  args: {
    ...evidenceArgs,
    all: { type: 'boolean', description: 'Show every criterion, not only the fields (table format)' },
    ...outputArgs,
  },
  async run({ args }) {
    const ctx = ctxOf(args);
    const s = await scoreFromArgs(args, ctx);
    const ex = createExplainer(s.compiled, ctx.lang);
    const doc = scoreDocument(s.self, s.round, s.compiled, ex, { all: args.all === true, officer: ctx.format !== 'table' });
    emit(ctx, doc, s.round ?? s.self);
    return 0;
  },
});
