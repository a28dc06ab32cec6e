/**
 * `parindex explain <evidence> [code]`: the audit trail per point. For each criterion: the rule, the
 * inputs and the documents they came from, the working and the tier taken, and what would raise it.
 * With a code: that criterion in full (a group: each of its leaves). Without: criteria that lost points
 * first, then the rest.
 */
import { defineCommand } from 'citty';
import { dec, diag } from '@parindex/rules';
import type { NodeResult, ScoreResult } from '../engine.js';
import type { Block, Doc } from '../format/doc.js';
import { documentLabel, improvementText, inputLine, lost, stepText, valueSuffix } from '../format/explain-text.js';
import { documentLines, flagLines, headerRows, nodeIndex } from '../format/result-view.js';
import { ruleText, inputIndex } from '../format/rule-text.js';
import { flagLabel, pick, stageLabel, statusLabel, t } from '../i18n.js';
import { CliError } from '../io.js';
import type { Scored } from '../load.js';
import { formatNumber, type Lang } from '../numbers.js';
import { ctxOf, emit, evidenceArgs, outputArgs, scoreFromArgs } from './common.js';

function leavesOf(n: NodeResult): NodeResult[] {
  return n.children?.length ? n.children.flatMap(leavesOf) : [n];
}

function allLeaves(r: ScoreResult): NodeResult[] {
  return [...r.fields.flatMap(leavesOf), ...(r.bonus?.items.flatMap(leavesOf) ?? []), ...(r.penalty?.items.flatMap(leavesOf) ?? [])];
}

function explainLeaf(n: NodeResult, s: Scored, lang: Lang, self?: NodeResult): Block[] {
  const vi = lang === 'vi';
  const node = s.compiled.nodes.get(n.code)?.node;
  const inputs = inputIndex(s.compiled.set);
  const head = `${n.code}. ${pick(lang, n.title, n.titleEn)} — ${formatNumber(n.points, lang)} / ${formatNumber(n.applicableMax, lang)} ${t(lang, 'points')}${n.applicableMax !== n.nominalMax ? ` (${vi ? 'tối đa theo bộ' : 'set maximum'} ${formatNumber(n.nominalMax, lang)})` : ''}`;
  const rows: Array<[string, string]> = [];
  if (node?.rule) rows.push([t(lang, 'rule'), ruleText(node, { lang, inputs })]);
  if (n.source) rows.push([vi ? 'Nguồn' : 'Source', `${n.source.document}${n.source.article ? `, ${n.source.article}` : ''}`]);
  rows.push([t(lang, 'status'), statusLabel(lang, n.status) + (n.flags.length ? ` (${n.flags.map((f) => flagLabel(lang, f)).join('; ')})` : '')]);
  if (self && self.points !== n.points) rows.push([t(lang, 'selfScore'), formatNumber(self.points, lang)]);
  const tr = n.trace;
  const blocks: Block[] = [{ kind: 'heading', text: head }, { kind: 'kv', rows }];
  if (tr) {
    if (tr.inputs.length) blocks.push({ kind: 'para', text: `${t(lang, 'inputs')}:` }, { kind: 'list', items: tr.inputs.map((i) => inputLine(i, lang, s.compiled)) });
    if (tr.documents.length) {
      const items = tr.documents.map((d) => {
        const by = documentLines([{ ...d, required: true }], lang).join('; ');
        return `${documentLabel(s.compiled, n.code, d.id, d.label, lang)}${d.required ? '' : ` (${t(lang, 'optional')})`}: ${d.provided ? by + (d.by.length ? ` [${d.by.map((b) => `${t(lang, 'entry')} #${b.entry}`).join(', ')}]` : '') : t(lang, 'missing')}`;
      });
      blocks.push({ kind: 'para', text: `${t(lang, 'documents')}:` }, { kind: 'list', items });
    }
    const suffix = valueSuffix(s.compiled, n.code);
    const steps = tr.steps.map((x) => stepText(x, lang, s.compiled, suffix, n.code)).filter((x): x is string => x !== null);
    if (steps.length) blocks.push({ kind: 'para', text: `${t(lang, 'steps')}:` }, { kind: 'list', items: steps });
    if (tr.claim) {
      const c = tr.claim;
      blocks.push({
        kind: 'para',
        text: c.matches
          ? vi ? `Tự chấm ${formatNumber(c.claimed, lang)} điểm: khớp với minh chứng.` : `Claimed ${formatNumber(c.claimed, lang)}: matches the evidence.`
          : vi ? `Tự chấm ${formatNumber(c.claimed, lang)} điểm nhưng minh chứng chỉ đủ cho ${formatNumber(c.computed, lang)} điểm.` : `Claimed ${formatNumber(c.claimed, lang)} but the evidence supports ${formatNumber(c.computed, lang)}.`,
      });
    }
    if (tr.explanation) blocks.push({ kind: 'para', text: `${vi ? 'Giải trình' : 'Explanation'}: ${tr.explanation}` });
    for (const note of tr.notes ?? []) blocks.push({ kind: 'para', text: note });
    if (tr.improve.length) blocks.push({ kind: 'para', text: `${t(lang, 'improve')}:` }, { kind: 'list', items: tr.improve.map((im) => improvementText(im, s.compiled, lang, suffix, n.code)) });
    else if (lost(n) && !(s.compiled.set.penalty && s.compiled.penalty.some((c) => c.code === n.code))) blocks.push({ kind: 'para', text: vi ? 'Không có cách tăng điểm nào tính được từ số liệu.' : 'No way to raise the points could be computed from the inputs.' });
  }
  for (const st of n.steps ?? []) {
    const x = stepText(st, lang, s.compiled);
    if (x) blocks.push({ kind: 'para', text: x });
  }
  return blocks;
}

export const explainCommand = defineCommand({
  meta: { name: 'explain', description: 'Explain every point: rule, inputs, documents, tier taken, how to raise it / Giải thích từng điểm' },
  args: {
    ...evidenceArgs,
    code: { type: 'positional', required: false, description: 'One criterion (or field) code, e.g. 3.2', valueHint: 'code' },
    ...outputArgs,
  },
  async run({ args }) {
    const ctx = ctxOf(args);
    const s = await scoreFromArgs(args, ctx);
    const { lang } = ctx;
    const vi = lang === 'vi';
    const main = s.round ?? s.self;
    const idx = nodeIndex(main);
    const selfIdx = nodeIndex(s.round ? s.self : undefined);
    let leaves: NodeResult[];
    let data: unknown;
    let isLost: (n: NodeResult) => boolean = lost;
    if (args.code) {
      const n = idx.get(args.code);
      if (!n) throw new CliError([diag('EVIDENCE_UNKNOWN_CRITERION', '', { code: args.code, set: main.provenance.criteriaSet.ref })]);
      leaves = leavesOf(n);
      data = n;
    } else {
      const all = allLeaves(main);
      // A penalty item loses points when it has any (they are taken off the total), not when it is below its maximum.
      const penalties = new Set((main.penalty?.items ?? []).map((n) => n.code));
      isLost = (n: NodeResult) => (penalties.has(n.code) ? dec(n.points).gt(0) : lost(n));
      leaves = [...all.filter(isLost), ...all.filter((n) => !isLost(n))];
      data = main;
    }
    const stages = s.round ? `${stageLabel(lang, 'self')} → ${stageLabel(lang, s.round.stage)}` : stageLabel(lang, 'self');
    const doc: Doc = [
      { kind: 'title', text: vi ? `Giải trình cách chấm: ${main.unit.name}` : `How the points were given: ${main.unit.name}` },
      { kind: 'kv', rows: [...headerRows(main, lang, stages), [t(lang, 'index'), `${formatNumber(main.totals.index, lang, { places: s.compiled.set.displayPlaces ?? 2, fixed: true })} (${formatNumber(main.totals.points, lang)} / ${formatNumber(main.totals.applicableMax, lang)})`]] },
    ];
    if (!args.code) {
      const nLost = leaves.filter(isLost).length;
      doc.push({ kind: 'para', text: vi ? `${nLost} tiêu chí chưa đạt điểm tối đa được liệt kê trước.` : `${nLost} criteria below their maximum come first.` });
      const flags = flagLines(main, lang);
      if (flags.length) doc.push({ kind: 'list', items: flags });
    }
    for (const n of leaves) doc.push(...explainLeaf(n, s, lang, selfIdx.get(n.code)));
    emit(ctx, doc, data);
    return 0;
  },
});
