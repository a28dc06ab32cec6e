/** Criteria sets for people: the list of bundled sets, and one set's summary and tree with each rule in a sentence. */
import type { CompiledSet } from '@parindex/engine';
import { dec, type CriteriaSet, type CriterionNode } from '@parindex/rules';
import type { Doc, Row } from '../document.js';
import type { Explainer } from '../explainer.js';
import { LOCALES } from '../explainer.js';
import type { Lang } from '../numbers.js';
import { formatDate, formatNumber } from '../numbers.js';
import { pick } from '../say.js';

/** What the list shows of a set. */
export interface SetEntry {
  ref: string;
  title: string;
  titleEn?: string | undefined;
  status: string;
  decision: Decision;
  period: { from: string; to: string };
}

/** A set's decision as its header shows it: the document as issued, its name in English where the set gives one, its date. */
export interface Decision {
  number: string;
  numberEn?: string | undefined;
  date: string | null;
}

/** "Kế hoạch số 15/KH-UBND (28/07/2025)"; in English the set's `numberEn` where it has one; a date not known is said so: "(không rõ ngày)". */
export function decisionText(decision: Decision, lang: Lang): string {
  return `${pick(lang, decision.number, decision.numberEn)} (${decision.date === null ? LOCALES[lang].phrases.dateUnknown : formatDate(decision.date, lang)})`;
}

export function setListDocument(sets: readonly SetEntry[], lang: Lang): Doc {
  const l = LOCALES[lang];
  const w = l.words;
  return [
    { kind: 'title', text: l.phrases.setListTitle },
    {
      kind: 'table',
      columns: [{ label: l.phrases.setRef }, { label: w.title, width: 60 }, { label: w.status }, { label: w.decision, width: 30 }, { label: w.period }],
      rows: sets.map((e) => ({
        cells: [
          e.ref,
          pick(lang, e.title, e.titleEn),
          l.phrases.setStatus[e.status as 'model'] ?? e.status,
          decisionText(e.decision, lang),
          `${formatDate(e.period.from, lang)} – ${formatDate(e.period.to, lang)}`,
        ],
      })),
    },
  ];
}

export function setSummary(set: CriteriaSet, ex: Explainer): Array<[string, string]> {
  const p = ex.phrases;
  const d = (iso: string) => ex.say.date(iso);
  const period = set.period.label !== undefined ? `${ex.pick(set.period.label, set.period.labelEn)} (${d(set.period.from)} – ${d(set.period.to)})` : `${d(set.period.from)} – ${d(set.period.to)}`;
  const rows: Array<[string, string]> = [
    [p.setRef, `${set.id}@${set.version}`],
    [ex.word('title'), ex.pick(set.title, set.titleEn)],
    [ex.word('status'), p.setStatus[set.status]],
    [ex.word('issuer'), ex.pick(set.issuer, set.issuerEn)],
    [ex.word('decision'), decisionText(set.decision, ex.lang)],
    [ex.word('period'), period],
    // Each level by its name, with the id an evidence file writes (unless it reads the same: "commune").
    ...(set.unitLevels ? [[p.unitLevelsLabel, set.unitLevels.map((l) => (p.unitLevel[l] === l ? l : `${p.unitLevel[l]} (${l})`)).join(', ')] as [string, string]] : []),
    [ex.word('scale'), ex.say.n(set.scale)],
    [p.notApplicableLabel, p.notApplicablePolicy[set.policies.notApplicable]],
    [p.missingEvidenceLabel, p.missingEvidencePolicy[set.policies.missingEvidence]],
    [p.rankingLabel, p.rankingPolicy[set.policies.ranking]],
    [ex.word('rounding'), (set.rounding ?? []).map((r) => p.rounding(r.level, r.places, r.mode, r.part === undefined ? undefined : ex.say.indexPart(r.part))).join('; ') || ex.word('none')],
  ];
  if (set.policies.partsInTotal) rows.push([p.partsHeading, p.partsRule(set.policies.partsInTotal)]);
  const locale = LOCALES[ex.lang];
  if (set.classification?.length)
    rows.push([ex.word('classification'), set.classification.map((b) => `${b.code} ${ex.pick(b.label, b.labelEn)}: ${locale.bounds(b, '', ex.say.n).toLowerCase()}`).join('; ')]);
  return rows;
}

function treeRows(compiled: CompiledSet, ex: Explainer): Row[] {
  const rows: Row[] = [];
  const walk = (n: CriterionNode, depth: number) => {
    const node = compiled.nodes.get(n.code)!;
    let rule = n.children?.length ? '' : ex.rule(node);
    if (n.applicability) rule += (rule ? '. ' : '') + ex.phrases.mayNotApply(n.applicability.reason === undefined ? undefined : ex.pick(n.applicability.reason, n.applicability.reasonEn));
    rows.push({ cells: [n.code, ex.pick(n.title, n.titleEn), ex.say.n(n.max), rule], depth: depth - 1, strong: depth === 1 });
    n.children?.forEach((c) => walk(c, depth + 1));
  };
  compiled.set.fields.forEach((f) => walk(f, 1));
  return rows;
}

/** One set: its summary, its tree with maxima and each rule in a sentence, its bonus and penalty items. */
export function setDocument(compiled: CompiledSet, ex: Explainer): Doc {
  const set = compiled.set;
  const total = set.fields.reduce((s, f) => s.plus(dec(f.max)), dec(0));
  const columns = [{ label: ex.word('code') }, { label: ex.word('criterion'), width: 48 }, { label: ex.word('max'), align: 'right' as const }, { label: ex.word('rule'), width: 70 }];
  const doc: Doc = [
    { kind: 'title', text: ex.pick(set.title, set.titleEn) },
    { kind: 'kv', rows: setSummary(set, ex) },
    { kind: 'table', columns, rows: treeRows(compiled, ex), footer: [{ cells: ['', ex.word('total'), formatNumber(total.toFixed(), ex.lang), ''], strong: true }], indentColumn: 1 },
  ];
  for (const block of [set.bonus, set.penalty]) {
    if (!block) continue;
    doc.push({ kind: 'heading', text: ex.phrases.blockHeading(ex.pick(block.title, block.titleEn), ex.say.pts(block.max)) });
    const rows = block.items.map((n) => ({ cells: [n.code, ex.pick(n.title, n.titleEn), ex.say.n(n.max), ex.rule(compiled.nodes.get(n.code)!)] }));
    doc.push({ kind: 'table', columns: [{ label: ex.word('code') }, { label: ex.word('title'), width: 48 }, { label: ex.word('max'), align: 'right' }, { label: ex.word('rule'), width: 70 }], rows });
  }
  if (set.statusNote) doc.push({ kind: 'para', text: ex.pick(set.statusNote, set.statusNoteEn) });
  return doc;
}
