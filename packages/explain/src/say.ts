/**
 * The labels of one compiled set in one language, with that language's numbers and dates: what every
 * sentence reads. Made once per (set, language) by the caller; nothing is cached at module level.
 */
import type { CompiledSet } from '@parindex/engine';
import { atPointer, dec, type Condition, type InputDef } from '@parindex/rules';
import { conditionText } from './conditions.js';
import type { Locale, Say } from './locale.js';
import { en } from './locales/en/index.js';
import { vi } from './locales/vi/index.js';
import { formatDate, formatNumber, SHOWN_PLACES, type Lang } from './numbers.js';

/** The Vietnamese text, or its English counterpart in English when the set gives one. */
export const pick = (lang: Lang, vi: string, en: string | undefined): string => (lang === 'en' && en ? en : vi);

/**
 * "Số hồ sơ giải quyết đúng hạn" + unit "hồ sơ" → "hồ sơ giải quyết đúng hạn", so that "Thêm 6 hồ sơ
 * giải quyết đúng hạn" reads naturally.
 */
export function countPhrase(label: string, unit: string | undefined, lang: Lang): string {
  if (lang === 'vi') {
    const m = /^(?:Tổng\s+)?số\s+(?:lượng\s+)?(.*)$/i.exec(label);
    if (m && unit && m[1]!.toLowerCase().startsWith(unit.toLowerCase())) return m[1]!;
    if (m && !unit) return m[1]!;
    return unit ? `${unit} (${label})` : `(${label})`;
  }
  const l = label.replace(/^(the\s+)?(total\s+)?number\s+of\s+/i, '');
  return l.charAt(0).toLowerCase() + l.slice(1);
}

/**
 * A value as given, for people: numbers and dates in the language, yes/no, a tally as its counts;
 * `option` names a level or tally option by its label when the input is known.
 */
export function valueText(v: unknown, lang: Lang, option?: (id: string) => string): string {
  const w = (lang === 'vi' ? vi : en).words;
  if (v === null || v === undefined) return w.empty;
  if (typeof v === 'boolean') return v ? w.yes : w.no;
  if (typeof v === 'number') return formatNumber(v, lang);
  if (typeof v === 'string') {
    if (/^-?[0-9]+(\.[0-9]+)?$/.test(v)) return formatNumber(v, lang);
    if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v)) return formatDate(v, lang);
    return option ? option(v) : v;
  }
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${option ? option(k) : k}: ${valueText(x, lang)}`)
      .join(', ');
  return String(v);
}

/** An input's help in this language, or none: English without `helpEn` shows no help rather than the Vietnamese. */
export function inputHelp(def: InputDef, lang: Lang): string | undefined {
  return lang === 'en' ? def.helpEn : def.help;
}

function inputWords(def: InputDef | undefined, id: string, lang: Lang) {
  const label = def ? pick(lang, def.label, def.labelEn) : id;
  // A percent input without a unit of its own is written with "%".
  const unit = def ? ((lang === 'en' ? (def.unitEn ?? def.unit) : def.unit) ?? (def.type === 'percent' ? '%' : undefined)) : undefined;
  return { label, unit, phrase: countPhrase(label, unit, lang) };
}

export function createSay(compiled: CompiledSet, locale: Locale): Say {
  const lang = locale.lang;
  const inputs = compiled.inputs;
  const node = (code: string | undefined) => (code === undefined ? undefined : compiled.nodes.get(code)?.node);
  const hasOptions = (id: string) => inputs.get(id)?.def.options !== undefined;
  const say: Say = {
    lang,
    n: (v, places) => formatNumber(v, lang, places === undefined ? { cut: SHOWN_PLACES } : { places }),
    pts: (v) => locale.points(formatNumber(v, lang, { cut: SHOWN_PLACES }), dec(v).abs().eq(1)),
    date: (iso) => formatDate(iso, lang),
    word: (key) => locale.words[key],
    input: (id) => inputWords(inputs.get(id)?.def, id, lang),
    option(input, option) {
      const o = inputs.get(input)?.def.options?.find((x) => x.id === option);
      return o ? pick(lang, o.label, o.labelEn) : option;
    },
    conditionAt(at) {
      const c = atPointer(compiled.set, at) as Condition | undefined;
      return c === undefined ? at : conditionText(c, say, hasOptions);
    },
    condition: (c) => conditionText(c, say, hasOptions),
    part(code, id) {
      const rule = node(code)?.rule;
      const p = rule?.type === 'parts' ? rule.parts.find((x) => x.id === id) : undefined;
      return p ? pick(lang, p.label, p.labelEn) : id;
    },
    indexPart(id) {
      // Fields without a part are the part "main" (engine, totals).
      const fields = compiled.fields.filter((f) => (f.node.part ?? 'main') === id);
      if (fields.length === 1) return `${fields[0]!.code}. ${pick(lang, fields[0]!.node.title, fields[0]!.node.titleEn)}`;
      return fields.length ? locale.phrases.partFields(fields.map((f) => f.code)) : id;
    },
    tierLabel(code, index) {
      const rule = node(code)?.rule;
      const t = rule?.type === 'tiers' ? rule.tiers[index] : undefined;
      return t?.label === undefined ? undefined : lang === 'en' ? t.labelEn : t.label;
    },
    onTimeLabel(code, input) {
      const rule = node(code)?.rule;
      const item = rule?.type === 'onTime' ? rule.items.find((i) => i.input === input) : undefined;
      return item?.label === undefined ? undefined : lang === 'en' ? item.labelEn : item.label;
    },
    document(code, id) {
      const d = node(code)?.documents?.find((x) => x.id === id);
      return d ? pick(lang, d.label, d.labelEn) : id;
    },
    applicabilityReason(code) {
      const a = node(code)?.applicability;
      return a?.reason === undefined ? undefined : lang === 'en' ? a.reasonEn : a.reason;
    },
    suffix(code) {
      const rule = node(code)?.rule;
      if (!rule || !('value' in rule)) return '';
      const v = rule.value;
      if ('ratio' in v) return v.ratio.times !== undefined && dec(v.ratio.times).eq(100) ? '%' : '';
      return inputs.get(v.input)?.def.type === 'percent' ? '%' : '';
    },
    stage: (s) => locale.stage(s),
  };
  return say;
}
