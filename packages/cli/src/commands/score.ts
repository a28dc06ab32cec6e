/** `parindex score <evidence>`: points by field, total, index, classification and flags. */
import { defineCommand } from 'citty';
import type { Doc } from '../format/doc.js';
import { flagLines, headerRows, scoreTable } from '../format/result-view.js';
import { pick, stageLabel, t } from '../i18n.js';
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
    const { lang } = ctx;
    const main = s.round ?? s.self;
    const places = s.compiled.set.displayPlaces ?? 2;
    const officer = ctx.format !== 'table';
    const table = scoreTable(s.self, s.round, { lang, places, all: officer || args.all === true, officer });
    const stages = s.round ? `${stageLabel(lang, 'self')}, ${stageLabel(lang, s.round.stage)}` : stageLabel(lang, 'self');
    const vi = lang === 'vi';
    const doc: Doc = [
      { kind: 'title', text: `${vi ? 'Kết quả chấm điểm' : 'Score'}: ${pick(lang, s.compiled.set.title, s.compiled.set.titleEn)}` },
      { kind: 'kv', rows: headerRows(main, lang, stages) },
      { kind: 'table', ...table, indentColumn: 1 },
    ];
    const flags = flagLines(main, lang);
    if (flags.length) doc.push({ kind: 'heading', text: t(lang, 'flags') }, { kind: 'list', items: flags });
    emit(ctx, doc, main);
    return 0;
  },
});
