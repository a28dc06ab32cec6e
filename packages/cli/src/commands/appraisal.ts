/** `parindex appraisal init <evidence>`: an appraisal file bound to the evidence (its SHA-256), ready for round 1. */
import { defineCommand } from 'citty';
import { forceArg, langArg, outArg, quietArg, rulesArg } from './common.js';

const initCommand = defineCommand({
  meta: { name: 'init', description: 'A new appraisal file for an evidence file (or workbook), bound to its SHA-256 / Tạo tệp thẩm định' },
  args: {
    evidence: { type: 'positional', required: true, description: 'Evidence file (minh chứng), JSON or workbook', valueHint: 'file' },
    rules: rulesArg,
    lang: langArg,
    out: outArg,
    force: forceArg,
    quiet: quietArg,
  },
  async run({ args }) {
    const { appraisalInit } = await import('../workbook/appraisal.js');
    return appraisalInit(args.evidence, args.rules, typeof args.out === 'string' && args.out !== '' ? args.out : undefined, args.force === true);
  },
});

export const appraisalCommand = defineCommand({
  meta: { name: 'appraisal', description: 'Appraisal files: init / Tệp thẩm định' },
  subCommands: { init: initCommand },
});
