/**
 * The rule of a criterion in one sentence, e.g. "Từ 80% đến dưới 90%: 1 điểm; …" or
 * "From 80% to under 90%: 1 point; …". Works from the set alone (no scoring).
 */
import { dec, type Condition, type CriteriaSet, type CriterionNode, type InputDef, type Rule, type Tier } from '@parindex/rules';
import { pick } from '../i18n.js';
import { formatNumber, type Lang } from '../numbers.js';
import { logicText } from './logic-text.js';

/** Every input of a set by id (set-level and per criterion). */
export function inputIndex(set: CriteriaSet): Map<string, InputDef> {
  const m = new Map<string, InputDef>();
  for (const i of set.inputs ?? []) m.set(i.id, i);
  const walk = (n: CriterionNode) => {
    for (const i of n.inputs ?? []) m.set(i.id, i);
    n.children?.forEach(walk);
  };
  set.fields.forEach(walk);
  set.bonus?.items.forEach(walk);
  set.penalty?.items.forEach(walk);
  return m;
}

export interface RuleTextContext {
  lang: Lang;
  inputs: Map<string, InputDef>;
}

const num = (v: string | number, lang: Lang) => formatNumber(v, lang);

export function pts(v: string | number, lang: Lang): string {
  const text = num(v, lang);
  if (lang === 'vi') return `${text} điểm`;
  return `${text} ${dec(v).abs().eq(1) ? 'point' : 'points'}`;
}

function inputLabel(id: string, ctx: RuleTextContext): string {
  const d = ctx.inputs.get(id);
  return d ? pick(ctx.lang, d.label, d.labelEn) : id;
}

function optionLabel(inputId: string, option: string, ctx: RuleTextContext): string {
  const o = ctx.inputs.get(inputId)?.options?.find((x) => x.id === option);
  return o ? pick(ctx.lang, o.label, o.labelEn) : option;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Từ 80% đến dưới 90%", "Dưới 50%", "Từ 90% trở lên", "Trên 90%"; English alike. */
export function boundsText(t: Pick<Tier, 'min' | 'minInclusive' | 'max' | 'maxInclusive'>, suffix: string, lang: Lang): string {
  const v = (x: string | number) => `${num(x, lang)}${suffix}`;
  const hasMin = t.min !== undefined;
  const hasMax = t.max !== undefined;
  const minIn = t.minInclusive ?? true;
  const maxIn = t.maxInclusive ?? false;
  if (lang === 'vi') {
    if (hasMin && hasMax) {
      if (dec(t.min!).eq(dec(t.max!))) return `Bằng ${v(t.min!)}`;
      return `${minIn ? 'Từ' : 'Trên'} ${v(t.min!)} ${maxIn ? 'đến' : 'đến dưới'} ${v(t.max!)}`;
    }
    if (hasMin) return minIn ? `Từ ${v(t.min!)} trở lên` : `Trên ${v(t.min!)}`;
    if (hasMax) return maxIn ? `Không quá ${v(t.max!)}` : `Dưới ${v(t.max!)}`;
    return 'Mọi giá trị';
  }
  if (hasMin && hasMax) {
    if (dec(t.min!).eq(dec(t.max!))) return `Exactly ${v(t.min!)}`;
    return `${minIn ? 'From' : 'Above'} ${v(t.min!)} ${maxIn ? 'up to' : 'to under'} ${v(t.max!)}`;
  }
  if (hasMin) return minIn ? `${v(t.min!)} or more` : `Above ${v(t.min!)}`;
  if (hasMax) return maxIn ? `Up to ${v(t.max!)}` : `Under ${v(t.max!)}`;
  return 'Any value';
}

const OPS: Record<string, readonly [string, string]> = {
  eq: ['=', '='],
  ne: ['≠', '≠'],
  gt: ['>', '>'],
  gte: ['≥', '≥'],
  lt: ['<', '<'],
  lte: ['≤', '≤'],
  in: ['thuộc', 'in'],
  notIn: ['không thuộc', 'not in'],
};

export function conditionText(c: Condition, ctx: RuleTextContext): string {
  const { lang } = ctx;
  if ('is' in c) return `${inputLabel(c.input, ctx)}${c.is ? '' : lang === 'vi' ? ': không' : ': no'}`;
  if ('op' in c) {
    const v = c.value;
    const val = (x: unknown): string => (typeof x === 'string' && ctx.inputs.get(c.input)?.options ? optionLabel(c.input, x, ctx) : typeof x === 'number' || (typeof x === 'string' && /^-?[0-9.]+$/.test(x)) ? num(x as string, lang) : typeof x === 'boolean' ? (x ? (lang === 'vi' ? 'có' : 'yes') : lang === 'vi' ? 'không' : 'no') : String(x));
    const shown = Array.isArray(v) ? v.map(val).join(', ') : val(v);
    return `${inputLabel(c.input, ctx)} ${OPS[c.op]![lang === 'vi' ? 0 : 1]} ${shown}`;
  }
  if ('all' in c) return c.all.map((x) => conditionText(x, ctx)).join(lang === 'vi' ? ' và ' : ' and ');
  if ('any' in c) return '(' + c.any.map((x) => conditionText(x, ctx)).join(lang === 'vi' ? ' hoặc ' : ' or ') + ')';
  if ('not' in c) return `${lang === 'vi' ? 'không phải' : 'not'} (${conditionText(c.not, ctx)})`;
  return logicText(c.logic, ctx);
}

function valueText(r: { value: { input: string } | { ratio: { numerator: string; denominator: string; times?: string | number | undefined } } }, ctx: RuleTextContext): { text: string; suffix: string } {
  if ('input' in r.value) {
    const d = ctx.inputs.get(r.value.input);
    return { text: inputLabel(r.value.input, ctx), suffix: d?.type === 'percent' ? '%' : '' };
  }
  const { numerator, denominator, times } = r.value.ratio;
  const t = times === undefined ? '' : ` × ${num(times, ctx.lang)}`;
  return { text: `${inputLabel(numerator, ctx)} ÷ ${inputLabel(denominator, ctx)}${t}`, suffix: times !== undefined && dec(times).eq(100) ? '%' : '' };
}

/** The rule of a leaf as one sentence. */
export function ruleText(node: CriterionNode, ctx: RuleTextContext): string {
  const rule: Rule | undefined = node.rule;
  const { lang } = ctx;
  const vi = lang === 'vi';
  const max = node.max;
  if (!rule) return '';
  const P = (v: string | number | undefined, fallback: string | number) => pts(v ?? fallback, lang);
  switch (rule.type) {
    case 'boolean':
      return vi
        ? `${cap(inputLabel(rule.input, ctx))}: ${P(rule.points, max)}; không: ${P(rule.otherwise, 0)}`
        : `${cap(inputLabel(rule.input, ctx))}: ${P(rule.points, max)}; otherwise ${P(rule.otherwise, 0)}`;
    case 'levels':
      return Object.entries(rule.points)
        .map(([k, v]) => `${cap(optionLabel(rule.input, k, ctx))}: ${pts(v, lang)}`)
        .join('; ');
    case 'fraction':
      return Object.entries(rule.fractions)
        .map(([k, f]) => `${cap(optionLabel(rule.input, k, ctx))}: ${pts(dec(f).times(dec(max)).toFixed(), lang)}`)
        .join('; ');
    case 'allOf': {
      const conds = rule.conditions.map((c) => conditionText(c, ctx)).join('; ');
      return vi ? `Đạt đủ các điều kiện (${conds}): ${P(rule.points, max)}; không: ${P(rule.otherwise, 0)}` : `All of (${conds}): ${P(rule.points, max)}; otherwise ${P(rule.otherwise, 0)}`;
    }
    case 'tiers': {
      const v = valueText(rule, ctx);
      const tiers = [...rule.tiers]
        .sort((a, b) => dec(b.min ?? '-1e30').cmp(dec(a.min ?? '-1e30')))
        .map((t) => `${boundsText(t, v.suffix, lang)}: ${pts(t.points, lang)}`)
        .join('; ');
      const z = rule.onZeroDenominator && 'ratio' in rule.value ? (vi ? ` (mẫu số bằng 0: ${zeroText(rule.onZeroDenominator, lang)})` : ` (zero denominator: ${zeroText(rule.onZeroDenominator, lang)})`) : '';
      return `${cap(v.text)} — ${tiers}${z}`;
    }
    case 'proportional': {
      const v = valueText(rule, ctx);
      const zeroAt = rule.zeroAt ?? 0;
      return vi
        ? `Tỉ lệ theo ${v.text}: ${num(zeroAt, lang)}${v.suffix} → 0 điểm, ${num(rule.fullAt, lang)}${v.suffix} → ${pts(max, lang)}`
        : `In proportion to ${v.text}: ${num(zeroAt, lang)}${v.suffix} → 0 points, ${num(rule.fullAt, lang)}${v.suffix} → ${pts(max, lang)}`;
    }
    case 'parts':
      return rule.parts
        .map((p) => `${cap(pick(lang, p.label, p.labelEn))}: ${pts(p.points ?? dec(p.fraction ?? 1).times(dec(max)).toFixed(), lang)}`)
        .join(vi ? '; cộng ' : '; plus ');
    case 'perItem': {
      const each = dec(rule.each);
      const base = rule.base ?? (each.isNegative() ? max : 0);
      const unit = ctx.inputs.get(rule.input)?.unit ?? (vi ? 'trường hợp' : 'item');
      const lim = rule.limit !== undefined ? (vi ? ` (tối đa ${each.isNegative() ? 'trừ' : 'cộng'} ${pts(rule.limit, lang)})` : ` (at most ${pts(rule.limit, lang)})`) : '';
      return vi
        ? `${pts(base, lang)}, mỗi ${unit} (${inputLabel(rule.input, ctx)}) ${each.isNegative() ? 'trừ' : 'cộng'} ${pts(each.abs().toFixed(), lang)}${lim}`
        : `${pts(base, lang)}, ${each.isNegative() ? 'minus' : 'plus'} ${pts(each.abs().toFixed(), lang)} per ${inputLabel(rule.input, ctx)}${lim}`;
    }
    case 'survey': {
      const w = Object.entries(rule.weights)
        .map(([k, v]) => `${optionLabel(rule.input, k, ctx)} ${num(dec(v).times(100).toFixed(), lang)}%`)
        .join(', ');
      return vi ? `Điểm tối đa × tỉ lệ trả lời có trọng số (${w})` : `Maximum × weighted share of answers (${w})`;
    }
    case 'onTime': {
      const items = rule.items
        .map((i) => `${i.label ?? inputLabel(i.input, ctx)} (${vi ? 'hạn' : 'due'} ${typeof i.deadline === 'string' ? viDate(i.deadline, lang) : inputLabel(i.deadline.input, ctx)})`)
        .join(', ');
      return vi
        ? `Tất cả đúng hạn [${items}]: ${P(rule.points, max)}; có trễ hạn: ${P(rule.late, 0)}; chưa thực hiện: ${P(rule.missing, 0)}`
        : `All on time [${items}]: ${P(rule.points, max)}; some late: ${P(rule.late, 0)}; some not done: ${P(rule.missing, 0)}`;
    }
    case 'expression':
      return `${vi ? 'Theo biểu thức' : 'By the expression'}: ${logicText(rule.logic, ctx)}`;
  }
}

function zeroText(p: string, lang: Lang): string {
  const m: Record<string, [string, string]> = {
    notApplicable: ['không áp dụng', 'not applicable'],
    zeroPoints: ['0 điểm', '0 points'],
    fullPoints: ['đạt tối đa', 'full points'],
  };
  return m[p]?.[lang === 'vi' ? 0 : 1] ?? p;
}

function viDate(iso: string, lang: Lang): string {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  return m && lang === 'vi' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
