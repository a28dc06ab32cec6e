/**
 * A json-logic expression of a rule file written for people, e.g.
 * "nếu Số buổi ≥ 4 và Có phổ biến trên nền tảng số thì 2; nếu Số buổi ≥ 1 thì 1; còn lại 0".
 * Inputs by their labels, numbers the Vietnamese way in Vietnamese. Works on expressions the set check
 * accepted (allow-listed operators, bounded depth and size); anything else is written as JSON.
 */
import { splitVarName } from '@parindex/rules';
import { pick } from '../i18n.js';
import { formatNumber } from '../numbers.js';
import type { RuleTextContext } from './rule-text.js';

const COMPARE: Record<string, string> = { '==': '=', '===': '=', '!=': '≠', '!==': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };
const ARITHMETIC: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷', '%': 'mod' };

/** @internal The one operator of an expression object, or undefined for a literal. */
function operatorOf(e: unknown): { op: string; args: unknown[] } | undefined {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return undefined;
  const keys = Object.keys(e);
  if (keys.length !== 1) return undefined;
  const op = keys[0]!;
  const a = (e as Record<string, unknown>)[op];
  return { op, args: Array.isArray(a) ? a : [a] };
}

function literal(v: unknown, ctx: RuleTextContext): string {
  const vi = ctx.lang === 'vi';
  if (typeof v === 'number') return formatNumber(v, ctx.lang);
  if (typeof v === 'boolean') return v ? (vi ? 'có' : 'yes') : vi ? 'không' : 'no';
  if (v === null) return vi ? '(trống)' : '(none)';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map((x) => text(x, ctx, false)).join(vi ? '; ' : ', ') + ']';
  return JSON.stringify(v) ?? '';
}

function variable(args: unknown[], ctx: RuleTextContext): string {
  const name = typeof args[0] === 'string' ? args[0] : String(args[0]);
  const { input, option } = splitVarName(name);
  const def = ctx.inputs.get(input);
  let out = def ? pick(ctx.lang, def.label, def.labelEn) : input;
  if (option !== undefined) {
    const o = def?.options?.find((x) => x.id === option);
    out += ` (${o ? pick(ctx.lang, o.label, o.labelEn) : option})`;
  }
  return out;
}

/** The text of an expression; `nested`: it is an operand, so a composite is put in parentheses. */
function text(e: unknown, ctx: RuleTextContext, nested: boolean): string {
  const x = operatorOf(e);
  if (!x) return literal(e, ctx);
  const { op, args } = x;
  const vi = ctx.lang === 'vi';
  const wrap = (s: string) => (nested ? `(${s})` : s);
  const sep = vi ? '; ' : ', ';
  if (op === 'var') return variable(args, ctx);
  if (op === 'if' || op === '?:') {
    const parts: string[] = [];
    let i = 0;
    for (; i + 1 < args.length; i += 2) parts.push(`${vi ? 'nếu' : 'if'} ${text(args[i], ctx, false)} ${vi ? 'thì' : 'then'} ${text(args[i + 1], ctx, true)}`);
    if (i < args.length) parts.push(`${vi ? 'còn lại' : 'otherwise'} ${text(args[i], ctx, true)}`);
    return wrap(parts.join('; '));
  }
  if (op in COMPARE) {
    // "x == true" reads as the input itself, "x == false" as its negation (as conditions are written).
    const eq = op === '==' || op === '===';
    if (eq && args.length === 2 && typeof args[1] === 'boolean' && operatorOf(args[0])?.op === 'var')
      return args[1] ? text(args[0], ctx, nested) : `${text(args[0], ctx, true)}${vi ? ': không' : ': no'}`;
    if (args.length === 3) return wrap(`${text(args[0], ctx, true)} ${COMPARE[op]} ${text(args[1], ctx, true)} ${COMPARE[op]} ${text(args[2], ctx, true)}`);
    return wrap(`${text(args[0], ctx, true)} ${COMPARE[op]} ${text(args[1], ctx, true)}`);
  }
  if (op === 'and' || op === 'or') {
    const word = op === 'and' ? (vi ? ' và ' : ' and ') : vi ? ' hoặc ' : ' or ';
    // Comparisons read well without parentheses here; a nested and/or/if keeps them.
    return wrap(args.map((a) => text(a, ctx, ['and', 'or', 'if', '?:'].includes(operatorOf(a)?.op ?? ''))).join(word));
  }
  if (op === '!') return `${vi ? 'không phải' : 'not'} ${text(args[0], ctx, true)}`;
  if (op === '!!') return text(args[0], ctx, nested);
  if (op === '-' && args.length === 1) return `−${text(args[0], ctx, true)}`;
  if (op in ARITHMETIC) return wrap(args.map((a) => text(a, ctx, true)).join(` ${ARITHMETIC[op]} `));
  if (op === 'min' || op === 'max') {
    const name = op === 'min' ? (vi ? 'nhỏ nhất' : 'min') : vi ? 'lớn nhất' : 'max';
    return `${name}(${args.map((a) => text(a, ctx, false)).join(sep)})`;
  }
  if (op === 'in') return wrap(`${text(args[0], ctx, true)} ${vi ? 'thuộc' : 'in'} ${text(args[1], ctx, true)}`);
  return JSON.stringify(e) ?? '';
}

/** An expression as one readable sentence. */
export function logicText(expr: unknown, ctx: RuleTextContext): string {
  return text(expr, ctx, false);
}
