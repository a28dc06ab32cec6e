/**
 * An explainer: one compiled set in one language. Every sentence of a result — its steps, its advice,
 * a rule, an input line — comes from here, so the CLI, a dashboard and a web page say the same thing.
 */
import type { CompiledNode, CompiledSet, FlagCode, Improvement, NodeStatus, Step, TraceInput } from '@parindex/engine';
import type { RuleType } from '@parindex/rules';
import type { Locale, Phrases, RuleOf, Say, WordKey } from './locale.js';
import { en } from './locales/en/index.js';
import { vi } from './locales/vi/index.js';
import { formatNumber, type Lang } from './numbers.js';
import { createSay, pick, valueText } from './say.js';

/** A value that is the number 1 (a unit after it is singular in English). */
const isOne = (v: unknown): boolean => v === 1 || (typeof v === 'string' && /^1(\.0*)?$/.test(v));

export const LOCALES: Readonly<Record<Lang, Locale>> = { vi, en };

export interface Explainer {
  readonly lang: Lang;
  readonly say: Say;
  readonly phrases: Phrases;
  word(key: WordKey): string;
  flag(code: FlagCode): string;
  status(status: NodeStatus): string;
  stage(stage: string): string;
  /** The Vietnamese text, or its English counterpart in English. */
  pick(vi: string, en: string | undefined): string;
  /** One step of criterion `code`'s working, or null when it says nothing new. */
  step(s: Step, code?: string): string | null;
  /** One improvement of criterion `code` as a sentence in the unit's own terms. */
  improvement(im: Improvement, code?: string): string;
  /** A leaf's rule in one sentence ("" for a parent). */
  rule(node: CompiledNode): string;
  /**
   * "Số hồ sơ: 1.300 hồ sơ [resolved; mục 6, dòng 48]": the entry counted from 1 and, when the caller
   * knows the file's text, the line the entry starts on; a correction says by whom, when and why.
   */
  /** An input as read, with where: the file's line, or the workbook's cell (which wins). */
  /** One input of the trace and where its value came from: the evidence file's entry (and line), a workbook cell, or a plan (its id). */
  input(i: TraceInput, line?: number, cell?: string, plan?: { plan: string; progress: boolean }): string;
  /** A value as given: numbers in this language, yes/no, level ids by label when `input` is known. */
  value(v: unknown, input?: string): string;
  /**
   * A unit's period in words: the set's label (in this language) when it is the set's period, else the
   * label the unit wrote (its own data), else the two dates.
   */
  period(p: { from: string; to: string; label?: string | undefined }): string;
}

export function createExplainer(compiled: CompiledSet, lang: Lang): Explainer {
  const locale = LOCALES[lang];
  const say = createSay(compiled, locale);
  const value = (v: unknown, input?: string): string => valueText(v, lang, input !== undefined && compiled.inputs.get(input)?.def.options ? (o) => say.option(input, o) : undefined);
  return {
    lang,
    say,
    phrases: locale.phrases,
    word: (key) => locale.words[key],
    flag: (code) => locale.flags[code],
    status: (s) => locale.statuses[s],
    stage: (s) => locale.stage(s),
    pick: (v, e) => pick(lang, v, e),
    period: (p) => {
      const set = compiled.set.period;
      if (p.from === set.from && p.to === set.to && set.label !== undefined) return pick(lang, set.label, set.labelEn);
      return p.label ?? `${say.date(p.from)} – ${say.date(p.to)}`;
    },
    step: (s, code) => (locale.steps[s.kind] as (s: Step, say: Say, code: string | undefined) => string | null)(s, say, code),
    improvement: (im, code) => (locale.improvements[im.kind] as (im: Improvement, say: Say, code: string | undefined) => string)(im, say, code),
    rule(node) {
      const r = node.rule;
      if (!r) return '';
      const sentence = locale.rules[r.type] as (rule: RuleOf<RuleType>, say: Say, ctx: { code: string; max: string }) => string;
      return sentence(r, say, { code: node.code, max: node.maxText });
    },
    input(i, line, cell, plan) {
      const unit = say.input(i.id).unit;
      const scalar = i.value !== null && typeof i.value !== 'object' && typeof i.value !== 'boolean';
      const from =
        i.entry === null
          ? locale.words.notGiven
          : plan !== undefined
            ? locale.phrases.fromPlan(plan.plan, plan.progress)
            : cell !== undefined
              ? locale.phrases.cellAt(cell)
              : locale.phrases.entryAt(String(i.entry + 1), line === undefined ? undefined : String(line));
      const c = i.corrected;
      const who = c ? [...(c.date !== undefined ? [say.date(c.date)] : []), ...(c.by !== undefined ? [c.by] : [])] : [];
      const corrected = c ? ` — ${locale.phrases.correction(locale.stage(c.round), value(c.from, i.id), who, c.reason)}` : '';
      const opt = typeof i.value === 'string' && compiled.inputs.get(i.id)?.def.options ? `${say.option(i.id, i.value)} (${i.value})` : value(i.value, i.id);
      const after = scalar && unit && unit !== '%' ? ' ' + locale.unitAfter(unit, isOne(i.value)) : scalar && unit === '%' ? '%' : '';
      return `${say.input(i.id).label}: ${opt}${after} [${i.id}; ${from}]${corrected}`;
    },
    value,
  };
}

/** The bounds of a tier or band in words: "Từ 80% đến dưới 90%", "From 80% to under 90%". */
export function boundsText(t: Parameters<Locale['bounds']>[0], suffix: string, lang: Lang): string {
  return LOCALES[lang].bounds(t, suffix, (v) => formatNumber(v, lang));
}

/** Points in words: "1,5 điểm", "1 point", "2 points". */
export function pointsText(v: string | number, lang: Lang): string {
  return LOCALES[lang].points(formatNumber(v, lang), formatNumber(v, 'en').replace(/^-/, '') === '1');
}
