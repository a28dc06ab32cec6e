/** validate's summary table, and the notes of a blank evidence file (template). */
import type { CriteriaSet, CriterionNode, InputDef } from '@parindex/rules';
import type { Doc } from '../document.js';
import { LOCALES } from '../explainer.js';
import { formatNumber, type Lang } from '../numbers.js';
import { inputHelp, pick } from '../say.js';

export interface FileReport {
  file: string;
  kind: 'set' | 'evidence' | 'appraisal' | 'result' | 'plan' | 'progress' | null | undefined;
  valid: boolean;
  errors: number;
  warnings: number;
  /** A valid file's canonical SHA-256: a set's is what a dashboard pins to compile it with @parindex/engine/scoring; an evidence's and an appraisal's are what results carry in their provenance. */
  sha256?: string;
  /** A saved result's: the evidence file it was scored again from, and found the same. */
  reproducedFrom?: string;
}

/** A valid file's hash: a set's to pin, an evidence's or an appraisal's to compare with a result's provenance. */
function hashSentence(v: (typeof LOCALES)[Lang]['validate'], r: FileReport, sha256: string): string {
  return r.kind === 'evidence' || r.kind === 'appraisal' ? v.hash(r.kind, r.file, sha256) : v.pin(r.file, sha256);
}

/** The summary sentence and the table of a validate run. */
export function validateDocument(reports: readonly FileReport[], lang: Lang): { summary: string; pins: string[]; doc: Doc } {
  const l = LOCALES[lang];
  const v = l.validate;
  const n = (x: number) => formatNumber(x, lang);
  const bad = reports.filter((r) => !r.valid).length;
  const errors = reports.reduce((s, r) => s + r.errors, 0);
  const warnings = reports.reduce((s, r) => s + r.warnings, 0);
  const summary = v.summary({ files: reports.length, valid: reports.length - bad, bad, errors, warnings }, n);
  const doc: Doc = [
    {
      kind: 'table',
      columns: [{ label: l.words.file }, { label: l.words.kind }, { label: l.words.result }, { label: v.errors, align: 'right' }, { label: v.warnings, align: 'right' }],
      rows: reports.map((r) => ({ cells: [r.file, r.kind ? v.kinds[r.kind] : '?', r.valid ? v.valid : v.invalid, n(r.errors), n(r.warnings)] })),
    },
    { kind: 'para', text: summary },
  ];
  const pins = reports.flatMap((r) => (r.valid && r.sha256 !== undefined ? [hashSentence(v, r, r.sha256)] : r.valid && r.reproducedFrom !== undefined ? [v.reproduced(r.file, r.reproducedFrom)] : []));
  for (const text of pins) doc.push({ kind: 'para', text });
  return { summary, pins, doc };
}

/** "plan_issued_on": Ngày ban hành kế hoạch (ngày YYYY-MM-DD) — what to type for one input. */
export function describeInput(i: InputDef, lang: Lang): string {
  const t = LOCALES[lang].template;
  const unit = i.unit ? `, ${t.unit}: ${lang === 'en' ? (i.unitEn ?? i.unit) : i.unit}` : '';
  const opts = i.options ? `: ${i.options.map((o) => `"${o.id}" = ${pick(lang, o.label, o.labelEn)}`).join('; ')}` : '';
  const optional = i.required === false ? `, ${t.optional}` : '';
  // How to count it, when the set says ("the dossiers RESOLVED, not received").
  const help = inputHelp(i, lang)?.replace(/\.\s*$/, '');
  return `"${i.id}": ${pick(lang, i.label, i.labelEn)} (${t.types[i.type]}${unit}${optional})${opts}${help ? ` — ${help}` : ''}`;
}

/** The note of a leaf's entry in a blank evidence file: its inputs, the shared facts its rule reads, its documents. */
export function templateNote(set: CriteriaSet, n: CriterionNode, reads: ReadonlySet<string>, lang: Lang): string {
  const t = LOCALES[lang].template;
  const parts: string[] = [`${n.code}. ${pick(lang, n.title, n.titleEn)}`];
  if (n.inputs?.length) parts.push(t.fillValues + n.inputs.map((i) => describeInput(i, lang)).join(' | '));
  const shared = (set.inputs ?? []).filter((i) => reads.has(i.id));
  if (shared.length) parts.push(t.sharedFacts + shared.map((i) => describeInput(i, lang)).join(' | '));
  if (n.documents?.length)
    parts.push(t.documents + n.documents.map((d) => `"${d.id}": ${pick(lang, d.kind, d.kindEn)} — ${pick(lang, d.label, d.labelEn)}${d.required === false ? ` (${t.optional})` : ''}`).join(' | '));
  return parts.join('. ');
}
