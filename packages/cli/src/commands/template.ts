/**
 * `parindex template <set>`: a blank evidence file, valid JSON, ready to fill in.
 *
 * Representation: every leaf criterion gets one entry `{ "criterion", "values": {}, "note" }` whose
 * note lists, in Vietnamese, each input to give (id, label, type, unit, options) and each required
 * document (`documents: [{ "for": id, "number", "date", "title" }]`). Values are left out rather than
 * written as null (null is not valid evidence): the blank file validates, and `validate`/`score` list
 * every input still missing (SCORE_MISSING_INPUT) until it is filled in. Set-level inputs (unit facts
 * shared by several criteria) are listed in the note of every criterion that reads them; they are given
 * once, in the "values" of any criterion entry.
 */
import { defineCommand } from 'citty';
import { type CriterionNode, type InputDef } from '@parindex/rules';
import { json } from '../format/render.js';
import { loadSet } from '../io.js';
import { writeOutput } from '../output.js';
import type { Lang } from '../numbers.js';
import { langArg, outArg, quietArg } from './common.js';

const TYPE_HINT: Record<string, [string, string]> = {
  boolean: ['true/false', 'true/false'],
  level: ['mã mức', 'a level id'],
  count: ['số nguyên', 'a whole number'],
  decimal: ['số (dấu chấm thập phân)', 'a number (decimal point)'],
  percent: ['tỉ lệ % (0–100)', 'a percentage (0–100)'],
  date: ['ngày YYYY-MM-DD', 'a date YYYY-MM-DD'],
  tally: ['số phiếu theo từng phương án', 'answer counts per option'],
};

export function describeInput(i: InputDef, lang: Lang): string {
  const vi = lang === 'vi';
  const label = vi ? i.label : (i.labelEn ?? i.label);
  const type = TYPE_HINT[i.type]?.[vi ? 0 : 1] ?? i.type;
  const unit = i.unit ? `, ${vi ? 'đơn vị' : 'unit'}: ${vi ? i.unit : (i.unitEn ?? i.unit)}` : '';
  const opts = i.options ? `: ${i.options.map((o) => `"${o.id}" = ${vi ? o.label : (o.labelEn ?? o.label)}`).join('; ')}` : '';
  const optional = i.required === false ? (vi ? ', không bắt buộc' : ', optional') : '';
  return `"${i.id}": ${label} (${type}${unit}${optional})${opts}`;
}

export const templateCommand = defineCommand({
  meta: { name: 'template', description: 'A blank evidence file for a criteria set, ready to fill in / Mẫu tệp minh chứng để điền' },
  args: {
    set: { type: 'positional', required: true, description: 'Criteria set: id or id@version', valueHint: 'id[@version]' },
    unit: { type: 'string', valueHint: 'CODE', description: 'Unit code to write into the file' },
    name: { type: 'string', valueHint: 'text', description: 'Unit name to write into the file' },
    format: { type: 'enum' as const, options: ['json'], default: 'json', description: 'Output format: a template is always an evidence file in JSON' },
    lang: langArg,
    out: outArg,
    quiet: quietArg,
  },
  async run({ args }) {
    const lang: Lang = args.lang === 'en' ? 'en' : 'vi';
    const vi = lang === 'vi';
    const set = await loadSet(args.set, undefined);
    const ref = `${set.id}@${set.version}`;
    const entries: unknown[] = [];
    const leaf = (n: CriterionNode) => {
      if (n.children?.length) {
        n.children.forEach(leaf);
        return;
      }
      const parts: string[] = [`${n.code}. ${vi ? n.title : (n.titleEn ?? n.title)}`];
      if (n.inputs?.length) parts.push((vi ? 'Nhập vào "values": ' : 'Fill "values": ') + n.inputs.map((i) => describeInput(i, lang)).join(' | '));
      const reads = new Set<string>();
      JSON.stringify(n.rule ?? {}, (k, v) => {
        if ((k === 'input' || k === 'numerator' || k === 'denominator') && typeof v === 'string') reads.add(v);
        return v;
      });
      const shared = (set.inputs ?? []).filter((i) => reads.has(i.id));
      if (shared.length)
        parts.push(
          (vi ? 'Số liệu chung của đơn vị (nhập một lần, tại đây trong "values" hoặc ở tiêu chí khác): ' : 'Unit facts shared with other criteria (give once, here in "values" or under another criterion): ') +
            shared.map((i) => describeInput(i, lang)).join(' | '),
        );
      if (n.documents?.length)
        parts.push(
          (vi ? 'Tài liệu kiểm chứng (thêm vào "documents" dạng {"for", "number", "date", "title"}): ' : 'Evidence documents (add to "documents" as {"for", "number", "date", "title"}): ') +
            n.documents.map((d) => `"${d.id}": ${vi ? d.kind : (d.kindEn ?? d.kind)} — ${vi ? d.label : (d.labelEn ?? d.label)}${d.required === false ? (vi ? ' (không bắt buộc)' : ' (optional)') : ''}`).join(' | '),
        );
      entries.push({ criterion: n.code, values: {}, note: parts.join('. ') });
    };
    set.fields.forEach(leaf);
    set.bonus?.items.forEach(leaf);
    set.penalty?.items.forEach(leaf);
    const evidence = {
      formatVersion: 1,
      criteriaSet: ref,
      unit: { code: args.unit ?? '', name: args.name ?? '', level: set.unitLevels?.[0] ?? 'commune' },
      // The evidence format's period (from, to, label): the set's English label is not part of it.
      period: { from: set.period.from, to: set.period.to, ...(set.period.label !== undefined ? { label: set.period.label } : {}) },
      entries,
    };
    writeOutput(json(evidence), args.out);
    return 0;
  },
});
