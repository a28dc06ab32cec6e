/** `parindex rules list` and `parindex rules show <id[@version]>`. */
import { defineCommand } from 'citty';
import { createExplainer, setDocument, setListDocument } from '@parindex/explain';
import { compile } from '../engine.js';
import { listBundled, loadSet } from '../io.js';
import { ctxOf, emit, outputArgs, printDiagnostics } from './common.js';

const list = defineCommand({
  meta: { name: 'list', description: 'List the bundled criteria sets / Danh sách bộ tiêu chí có sẵn' },
  args: { ...outputArgs },
  async run({ args }) {
    const ctx = ctxOf(args);
    const lib = listBundled();
    printDiagnostics(lib.diagnostics, ctx);
    emit(ctx, setListDocument(lib.sets, ctx.lang), lib.sets);
    return 0;
  },
});

const show = defineCommand({
  meta: { name: 'show', description: 'Show a criteria set: the tree, maxima and the rule of each criterion / Xem bộ tiêu chí' },
  args: {
    set: { type: 'positional', required: true, description: 'Criteria set: id or id@version (latest version when omitted)', valueHint: 'id[@version]' },
    ...outputArgs,
  },
  async run({ args }) {
    const ctx = ctxOf(args);
    const set = await loadSet(args.set, undefined);
    const compiled = compile(set);
    emit(ctx, setDocument(compiled, createExplainer(compiled, ctx.lang)), set);
    return 0;
  },
});

export const rulesCommand = defineCommand({
  meta: { name: 'rules', description: 'The bundled criteria sets: list, show / Các bộ tiêu chí' },
  subCommands: { list, show },
});
