/** `parindex rules list` and `parindex rules show <id[@version]>`. */
import { defineCommand } from 'citty';
import { dec, type CriteriaSet, type CriterionNode } from '@parindex/rules';
import type { Doc, Row } from '../format/doc.js';
import { boundsText, inputIndex, pts, ruleText } from '../format/rule-text.js';
import { pick, t } from '../i18n.js';
import { listBundled, loadSet } from '../io.js';
import { formatNumber, type Lang } from '../numbers.js';
import { ctxOf, emit, outputArgs, printDiagnostics } from './common.js';

const STATUS: Record<string, [string, string]> = {
  official: ['chính thức', 'official'],
  model: ['mẫu', 'model'],
  draft: ['dự thảo', 'draft'],
};

const list = defineCommand({
  meta: { name: 'list', description: 'List the bundled criteria sets / Danh sách bộ tiêu chí có sẵn' },
  args: { ...outputArgs },
  async run({ args }) {
    const ctx = ctxOf(args);
    const lib = listBundled();
    printDiagnostics(lib.diagnostics, ctx);
    const { lang } = ctx;
    const vi = lang === 'vi';
    const doc: Doc = [
      { kind: 'title', text: vi ? 'Các bộ tiêu chí có sẵn' : 'Bundled criteria sets' },
      {
        kind: 'table',
        columns: [{ label: vi ? 'Mã bộ' : 'Ref' }, { label: t(lang, 'title'), width: 60 }, { label: t(lang, 'status') }, { label: t(lang, 'decision'), width: 30 }, { label: t(lang, 'period') }],
        rows: lib.sets.map((e) => ({
          cells: [e.ref, pick(lang, e.title, e.titleEn), STATUS[e.status]?.[vi ? 0 : 1] ?? e.status, `${e.decision.number} (${e.decision.date})`, `${e.period.from} – ${e.period.to}`],
        })),
      },
    ];
    emit(ctx, doc, lib.sets);
    return 0;
  },
});

export function setSummary(set: CriteriaSet, lang: Lang): Array<[string, string]> {
  const vi = lang === 'vi';
  const policy = set.policies;
  const na = policy.notApplicable === 'fullPoints' ? (vi ? 'tính đủ điểm' : 'counts full points') : vi ? 'trừ khỏi điểm tối đa' : 'leaves the maximum';
  const me = policy.missingEvidence === 'zero' ? (vi ? '0 điểm' : 'zero points') : vi ? 'vẫn chấm, gắn cờ giải trình' : 'scored and flagged for explanation';
  const rk = policy.ranking === 'dense' ? (vi ? 'đồng hạng, hạng sau liền số (1, 2, 3, 3, 4)' : 'dense (1, 2, 3, 3, 4)') : vi ? 'đồng hạng, hạng sau nhảy số (1, 2, 3, 3, 5)' : 'competition (1, 2, 3, 3, 5)';
  const rows: Array<[string, string]> = [
    [vi ? 'Mã bộ' : 'Ref', `${set.id}@${set.version}`],
    [t(lang, 'title'), pick(lang, set.title, set.titleEn)],
    [t(lang, 'status'), STATUS[set.status]?.[vi ? 0 : 1] ?? set.status],
    [t(lang, 'issuer'), set.issuer],
    [t(lang, 'decision'), `${set.decision.number} (${set.decision.date})`],
    [t(lang, 'period'), `${set.period.from} – ${set.period.to}`],
    [t(lang, 'scale'), formatNumber(set.scale, lang)],
    [vi ? 'Tiêu chí không áp dụng' : 'Not applicable', na],
    [vi ? 'Thiếu minh chứng' : 'Missing evidence', me],
    [vi ? 'Xếp hạng' : 'Ranking', rk],
    [t(lang, 'rounding'), (set.rounding ?? []).map((r) => `${r.level}: ${r.places} ${vi ? 'chữ số' : 'places'} (${r.mode})`).join('; ') || t(lang, 'none')],
  ];
  if (set.classification?.length)
    rows.push([t(lang, 'classification'), set.classification.map((b) => `${b.code} ${pick(lang, b.label, b.labelEn)}: ${boundsText(b, '', lang).toLowerCase()}`).join('; ')]);
  return rows;
}

const show = defineCommand({
  meta: { name: 'show', description: 'Show a criteria set: the tree, maxima and the rule of each criterion / Xem bộ tiêu chí' },
  args: {
    set: { type: 'positional', required: true, description: 'Criteria set: id or id@version (latest version when omitted)', valueHint: 'id[@version]' },
    ...outputArgs,
  },
  async run({ args }) {
    const ctx = ctxOf(args);
    const set = await loadSet(args.set, undefined);
    const { lang } = ctx;
    const vi = lang === 'vi';
    const inputs = inputIndex(set);
    const rows: Row[] = [];
    const walk = (n: CriterionNode, depth: number) => {
      const parent = !!n.children?.length;
      let rule = parent ? '' : ruleText(n, { lang, inputs });
      if (n.applicability) {
        const why = n.applicability.reason ?? (vi ? 'có điều kiện' : 'conditional');
        rule += (rule ? '. ' : '') + (vi ? `Có thể không áp dụng: ${why}` : `May not apply: ${why}`);
      }
      rows.push({ cells: [n.code, pick(lang, n.title, n.titleEn), formatNumber(n.max, lang), rule], depth: depth - 1, strong: depth === 1 });
      n.children?.forEach((c) => walk(c, depth + 1));
    };
    set.fields.forEach((f) => walk(f, 1));
    const total = set.fields.reduce((s, f) => s.plus(dec(f.max)), dec(0));
    const doc: Doc = [
      { kind: 'title', text: pick(lang, set.title, set.titleEn) },
      { kind: 'kv', rows: setSummary(set, lang) },
      {
        kind: 'table',
        columns: [{ label: t(lang, 'code') }, { label: t(lang, 'criterion'), width: 48 }, { label: t(lang, 'max'), align: 'right' }, { label: t(lang, 'rule'), width: 70 }],
        rows,
        footer: [{ cells: ['', t(lang, 'total'), formatNumber(total.toFixed(), lang), ''], strong: true }],
        indentColumn: 1,
      },
    ];
    for (const block of [set.bonus, set.penalty]) {
      if (!block) continue;
      doc.push({ kind: 'heading', text: `${pick(lang, block.title, block.titleEn)} (${vi ? 'tối đa' : 'at most'} ${pts(block.max, lang)})` });
      doc.push({
        kind: 'table',
        columns: [{ label: t(lang, 'code') }, { label: t(lang, 'title'), width: 48 }, { label: t(lang, 'max'), align: 'right' }, { label: t(lang, 'rule'), width: 70 }],
        rows: block.items.map((n) => ({ cells: [n.code, pick(lang, n.title, n.titleEn), formatNumber(n.max, lang), ruleText(n, { lang, inputs })] })),
      });
    }
    if (set.statusNote) doc.push({ kind: 'para', text: set.statusNote });
    emit(ctx, doc, set);
    return 0;
  },
});

export const rulesCommand = defineCommand({
  meta: { name: 'rules', description: 'The bundled criteria sets: list, show / Các bộ tiêu chí' },
  subCommands: { list, show },
});
