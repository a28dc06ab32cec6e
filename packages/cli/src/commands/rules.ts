/** `parindex rules list` and `parindex rules show <id[@version]>`. */
import { defineCommand } from 'citty';
import { createExplainer, setDocument, setListDocument } from '@parindex/explain';
import { listBundled } from '../io.js';
import { emit, outputOptions, printDiagnostics, setFromArgs } from './common.js';

/** The formats this command writes: --help lists them, and any other is refused. */
const output = outputOptions();

const list = defineCommand({
  meta: { name: 'list', description: 'List the bundled criteria sets / Danh sách bộ tiêu chí có sẵn' },
  args: { ...output.args },
  async run({ args }) {
    const ctx = output.ctx(args);
    const lib = listBundled();
    printDiagnostics(lib.diagnostics, ctx);
    emit(ctx, setListDocument(lib.sets, ctx.lang), lib.sets);
    return 0;
  },
});

const show = defineCommand({
  meta: { name: 'show', description: 'Show a criteria set: the tree, maxima and the rule of each criterion / Xem bộ tiêu chí' },
  args: {
    set: { type: 'positional', required: false, description: 'Criteria set: id or id@version (latest version when omitted); leave out with --rules', valueHint: 'id[@version]' },
    rules: { type: 'string', valueHint: 'file', description: 'Show this criteria-set file instead of a bundled set' },
    ...output.args,
  },
  async run({ args }) {
    const ctx = output.ctx(args);
    const compiled = await setFromArgs(args);
    emit(ctx, setDocument(compiled, createExplainer(compiled, ctx.lang)), compiled.set);
    return 0;
  },
});

export const rulesCommand = defineCommand({
  meta: { name: 'rules', description: 'The bundled criteria sets: list, show / Các bộ tiêu chí' },
  subCommands: { list, show },
});
