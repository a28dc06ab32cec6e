/**
 * `parindex diff <a> [b]`: what changed, criterion by criterion, and why. a and b are evidence files
 * (scored here, optionally with --appraisal-a/--round-a, --appraisal-b/--round-b) or saved results
 * (`score --format json`). With one evidence file and --appraisal: the self-score against the round.
 */
import { defineCommand } from 'citty';
import { diag } from '@parindex/rules';
import { extra, type DiffReason, type ResultDiff, type ScoreResult } from '../engine.js';
import type { Doc, Row } from '../format/doc.js';
import { bandText, formatDate } from '../format/result-view.js';
import { boundsText, pts } from '../format/rule-text.js';
import { flagLabel, pick, stageLabel, statusLabel, t } from '../i18n.js';
import { CliError, UsageError, detectKind, type JsonFile } from '../io.js';
import { mustRead, scoreFiles } from '../load.js';
import { formatNumber, formatValue, type Lang } from '../numbers.js';
import { ctxOf, emit, outputArgs, printDiagnostics, rulesArg } from './common.js';

function asResult(f: JsonFile): ScoreResult {
  const v = f.value as Record<string, unknown>;
  if (v.formatVersion !== 1 || typeof v.provenance !== 'object' || !Array.isArray(v.fields)) {
    throw new CliError([{ ...diag('FILE_KIND_UNKNOWN', '', { need: 'savedResult' }), file: f.file, line: 1, column: 1 }]);
  }
  return v as unknown as ScoreResult;
}

export function reasonText(r: DiffReason, lang: Lang): string {
  const vi = lang === 'vi';
  const n = (v: string) => formatNumber(v, lang);
  switch (r.kind) {
    case 'onlyIn':
      return r.side === 'a' ? (vi ? 'Chỉ có ở A: bộ tiêu chí của B không còn tiêu chí này' : 'Only in A: the set of B no longer has it') : vi ? 'Tiêu chí mới, chỉ có ở B' : 'New criterion, only in B';
    case 'max':
      return `${vi ? 'Điểm tối đa trong bộ tiêu chí' : 'Maximum in the set'}: ${n(r.from)} → ${n(r.to)}`;
    case 'title':
      return `${vi ? 'Tên tiêu chí đổi' : 'Title changed'}: “${r.from}” → “${r.to}”`;
    case 'rule':
      return `${vi ? 'Cách chấm đổi' : 'Rule changed'}: ${r.from} → ${r.to}`;
    case 'applicableMax':
      return `${t(lang, 'applicableMax')}: ${n(r.from)} → ${n(r.to)}`;
    case 'status':
      return `${t(lang, 'status')}: ${statusLabel(lang, r.from)} → ${statusLabel(lang, r.to)}`;
    case 'input': {
      const unit = r.unit && typeof r.to === 'string' ? ' ' + r.unit : '';
      const why = r.corrected ? ` (${stageLabel(lang, r.corrected.round)}: ${r.corrected.reason})` : '';
      return `${pick(lang, r.label, r.labelEn)}: ${formatValue(r.from, lang)} → ${formatValue(r.to, lang)}${unit}${why}`;
    }
    case 'tier': {
      const tier = (s: typeof r.from) =>
        s ? `${boundsText({ ...(s.min !== null ? { min: s.min, minInclusive: s.minInclusive } : {}), ...(s.max !== null ? { max: s.max, maxInclusive: s.maxInclusive } : {}) }, '', lang).toLowerCase()} (${pts(s.points, lang)})` : '—';
      return `${vi ? 'Bậc' : 'Tier'}: ${tier(r.from)} → ${tier(r.to)}`;
    }
    case 'part':
      return `${r.id}: ${r.from ? (vi ? 'đạt' : 'met') : vi ? 'không đạt' : 'not met'} → ${r.to ? (vi ? 'đạt' : 'met') : vi ? 'không đạt' : 'not met'}`;
    case 'document':
      return `${vi ? 'Tài liệu' : 'Document'} “${r.label}”: ${r.from ? t(lang, 'provided') : t(lang, 'missing')} → ${r.to ? t(lang, 'provided') : t(lang, 'missing')}`;
    case 'override':
      return `${stageLabel(lang, r.round)} ${vi ? 'điều chỉnh' : 'set'} ${n(r.from)} → ${n(r.to)}: ${r.reason}${r.by ? ` (${r.by})` : ''}${r.side === 'a' ? (vi ? ' [chỉ ở A]' : ' [in A only]') : ''}`;
    case 'flag':
      return `${r.change === 'added' ? '+' : '−'} ${flagLabel(lang, r.flag)}`;
    case 'explanation':
      return `${vi ? 'Giải trình' : 'Explanation'}: ${r.to ?? (vi ? '(bỏ)' : '(removed)')}`;
  }
}

function sideLabel(r: ScoreResult, lang: Lang): string {
  return `${r.unit.name} — ${stageLabel(lang, r.stage)} — ${r.provenance.criteriaSet.ref} (${formatDate(r.period.from, lang)} – ${formatDate(r.period.to, lang)})`;
}

export function diffDoc(d: ResultDiff, a: ScoreResult, b: ScoreResult, lang: Lang, all: boolean, places: number): Doc {
  const vi = lang === 'vi';
  const n = (v: string | null, opts = {}) => (v === null ? '—' : formatNumber(v, lang, opts));
  const delta = (v: string | null, opts = {}) => (v === null ? '—' : formatNumber(v, lang, { sign: true, ...opts }));
  const doc: Doc = [
    { kind: 'title', text: vi ? 'So sánh hai kết quả chấm điểm' : 'What changed between two scores' },
    { kind: 'kv', rows: [['A', sideLabel(a, lang)], ['B', sideLabel(b, lang)]] },
  ];
  if (!d.sameSet) {
    doc.push({
      kind: 'para',
      text: vi
        ? `Hai kết quả dùng hai bộ tiêu chí khác nhau (${d.a.criteriaSet} → ${d.b.criteriaSet}); tiêu chí được ghép theo mã. Khác biệt trong bộ tiêu chí: ${d.setChanges.join(', ') || 'không có'}.`
        : `The two results use different criteria sets (${d.a.criteriaSet} → ${d.b.criteriaSet}); criteria are matched by code. Differences in the set: ${d.setChanges.join(', ') || 'none'}.`,
    });
  }
  const tt = d.totals;
  doc.push({
    kind: 'table',
    columns: [{ label: '' }, { label: 'A', align: 'right' }, { label: 'B', align: 'right' }, { label: t(lang, 'change'), align: 'right' }],
    rows: [
      { cells: [t(lang, 'total'), n(tt.points.from), n(tt.points.to), delta(tt.points.delta)] },
      { cells: [t(lang, 'applicableMax'), n(tt.applicableMax.from), n(tt.applicableMax.to), delta(tt.applicableMax.delta)] },
      { cells: [t(lang, 'index'), n(tt.index.from, { places, fixed: true }), n(tt.index.to, { places, fixed: true }), delta(tt.index.delta, { places })], strong: true },
      { cells: [t(lang, 'classification'), bandText(a.totals, lang), bandText(b.totals, lang), tt.classification.changed ? (vi ? 'đổi' : 'changed') : vi ? 'giữ nguyên' : 'same'] },
    ],
  });
  const rows: Row[] = [];
  for (const x of d.nodes) {
    if (!all && !x.changed) continue;
    rows.push({
      cells: [x.code, pick(lang, x.title, x.titleEn), n(x.points.from), n(x.points.to), delta(x.points.delta), x.reasons.map((r) => reasonText(r, lang))],
      depth: x.depth - 1,
      strong: x.kind === 'group' && x.depth === 1,
    });
  }
  doc.push({ kind: 'heading', text: vi ? 'Thay đổi theo tiêu chí' : 'Changes by criterion' });
  if (rows.length)
    doc.push({
      kind: 'table',
      columns: [{ label: t(lang, 'code') }, { label: t(lang, 'criterion'), width: 44 }, { label: 'A', align: 'right' }, { label: 'B', align: 'right' }, { label: 'Δ', align: 'right' }, { label: t(lang, 'why'), width: 60 }],
      rows,
      indentColumn: 1,
    });
  const c = d.counts;
  doc.push({
    kind: 'para',
    text: vi ? `${c.changedLeaves} tiêu chí thay đổi: ${c.raised} tăng điểm, ${c.lowered} giảm điểm.` : `${c.changedLeaves} criteria changed: ${c.raised} up, ${c.lowered} down.`,
  });
  return doc;
}

export const diffCommand = defineCommand({
  meta: { name: 'diff', description: 'Compare two scores criterion by criterion: self vs appraisal, round vs round, year vs year / So sánh' },
  args: {
    a: { type: 'positional', required: true, description: 'Evidence file or saved result (JSON of score --format json)', valueHint: 'a' },
    b: { type: 'positional', required: false, description: 'Evidence file or saved result; omit with --appraisal to compare self-score and the round', valueHint: 'b' },
    appraisal: { type: 'string', valueHint: 'file', description: 'With one evidence file: compare its self-score with this appraisal round' },
    round: { type: 'string', valueHint: 'id', description: 'Round of --appraisal (default: the last)' },
    'appraisal-a': { type: 'string', valueHint: 'file', description: 'Appraisal file for a' },
    'round-a': { type: 'string', valueHint: 'id', description: 'Round of --appraisal-a' },
    'appraisal-b': { type: 'string', valueHint: 'file', description: 'Appraisal file for b' },
    'round-b': { type: 'string', valueHint: 'id', description: 'Round of --appraisal-b' },
    rules: rulesArg,
    all: { type: 'boolean', description: 'List unchanged criteria too' },
    ...outputArgs,
  },
  async run({ args }) {
    const ctx = ctxOf(args);
    const { lang } = ctx;
    let ra: ScoreResult;
    let rb: ScoreResult;
    let places = 2;
    const load = async (file: string, appraisal?: string, round?: string): Promise<ScoreResult> => {
      const f = mustRead(file);
      if (detectKind(f.value!) === 'result') {
        if (appraisal) throw new UsageError(diag('USAGE_APPRAISAL_ON_RESULT', '', { file }));
        return asResult(f);
      }
      const s = await scoreFiles(file, { rules: args.rules, appraisal, round });
      printDiagnostics(s.warnings, ctx);
      places = s.compiled.set.displayPlaces ?? places;
      return s.round ?? s.self;
    };
    if (args.b === undefined) {
      if (!args.appraisal) throw new UsageError(diag('USAGE_DIFF_FILES', '', {}));
      const s = await scoreFiles(args.a, { rules: args.rules, appraisal: args.appraisal, round: args.round });
      printDiagnostics(s.warnings, ctx);
      places = s.compiled.set.displayPlaces ?? places;
      ra = s.self;
      rb = s.round!;
    } else {
      if (args.appraisal || args.round) throw new UsageError(diag('USAGE_DIFF_SIDES', '', {}));
      if (args['round-a'] && !args['appraisal-a']) throw new UsageError(diag('USAGE_OPTION_REQUIRES', '', { option: '--round-a', requires: '--appraisal-a' }));
      if (args['round-b'] && !args['appraisal-b']) throw new UsageError(diag('USAGE_OPTION_REQUIRES', '', { option: '--round-b', requires: '--appraisal-b' }));
      ra = await load(args.a, args['appraisal-a'], args['round-a']);
      rb = await load(args.b, args['appraisal-b'], args['round-b']);
    }
    const { diffResults } = await extra();
    const d = diffResults(ra, rb);
    emit(ctx, diffDoc(d, ra, rb, lang, args.all === true, places), d);
    return 0;
  },
});
