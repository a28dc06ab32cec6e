/**
 * Conditions and json-logic expressions of a rule file written for people, e.g.
 * "nếu Số buổi ≥ 4 và Có phổ biến trên nền tảng số thì 2; nếu Số buổi ≥ 1 thì 1; còn lại 0".
 * Inputs by their labels, numbers and words of the language asked for. Works on what the set check
 * accepted (allow-listed operators, bounded depth and size); anything else is written as JSON.
 */
import { splitVarName, type Condition } from '@parindex/rules';
import type { Say } from './locale.js';

const COMPARE: Record<string, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', '==': '=', '===': '=', '!=': '≠', '!==': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };
const ARITHMETIC: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷', '%': 'mod' };

/** A constant of a comparison: a level by its label, a number in the language's way, yes/no. */
function constantText(input: string, x: unknown, say: Say, hasOptions: boolean): string {
  if (typeof x === 'string' && hasOptions) return say.option(input, x);
  if (typeof x === 'number' || (typeof x === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(x))) return say.n(x as string | number);
  if (typeof x === 'boolean') return say.word(x ? 'yes' : 'no');
  if (typeof x === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(x)) return say.date(x);
  return String(x);
}

export function conditionText(c: Condition, say: Say, hasOptions: (input: string) => boolean): string {
  if ('is' in c) return `${say.input(c.input).label}${c.is ? '' : `: ${say.word('no')}`}`;
  if ('op' in c) {
    const opt = hasOptions(c.input);
    const shown = Array.isArray(c.value) ? c.value.map((x) => constantText(c.input, x, say, opt)).join(', ') : constantText(c.input, c.value, say, opt);
    const op = c.op === 'in' ? say.word('in') : c.op === 'notIn' ? say.word('notIn') : COMPARE[c.op]!;
    return `${say.input(c.input).label} ${op} ${shown}`;
  }
  if ('all' in c) return c.all.map((x) => conditionText(x, say, hasOptions)).join(` ${say.word('and')} `);
  if ('any' in c) return '(' + c.any.map((x) => conditionText(x, say, hasOptions)).join(` ${say.word('or')} `) + ')';
  if ('not' in c) return `${say.word('not')} (${conditionText(c.not, say, hasOptions)})`;
  return logicText(c.logic, say);
}

/** @internal The one operator of an expression object, or undefined for a literal. */
function operatorOf(e: unknown): { op: string; args: unknown[] } | undefined {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return undefined;
  const keys = Object.keys(e);
  if (keys.length !== 1) return undefined;
  const op = keys[0]!;
  const a = (e as Record<string, unknown>)[op];
  return { op, args: Array.isArray(a) ? a : [a] };
}

function literal(v: unknown, say: Say): string {
  if (typeof v === 'number') return say.n(v);
  if (typeof v === 'boolean') return say.word(v ? 'yes' : 'no');
  if (v === null) return say.word('empty');
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map((x) => text(x, say, false)).join('; ') + ']';
  return JSON.stringify(v) ?? '';
}

function variable(args: unknown[], say: Say): string {
  const { input, option } = splitVarName(typeof args[0] === 'string' ? args[0] : String(args[0]));
  return option === undefined ? say.input(input).label : `${say.input(input).label} (${say.option(input, option)})`;
}

function conditional(args: unknown[], say: Say): string {
  const parts: string[] = [];
  let i = 0;
  for (; i + 1 < args.length; i += 2) parts.push(`${say.word('if')} ${text(args[i], say, false)} ${say.word('then')} ${text(args[i + 1], say, true)}`);
  if (i < args.length) parts.push(`${say.word('otherwise')} ${text(args[i], say, true)}`);
  return parts.join('; ');
}

function comparison(op: string, args: unknown[], say: Say, nested: boolean): string {
  const wrap = (s: string) => (nested ? `(${s})` : s);
  // "x == true" reads as the input itself, "x == false" as its negation (as conditions are written).
  if ((op === '==' || op === '===') && args.length === 2 && typeof args[1] === 'boolean' && operatorOf(args[0])?.op === 'var')
    return args[1] ? text(args[0], say, nested) : `${text(args[0], say, true)}: ${say.word('no')}`;
  const sym = COMPARE[op]!;
  if (args.length === 3) return wrap(`${text(args[0], say, true)} ${sym} ${text(args[1], say, true)} ${sym} ${text(args[2], say, true)}`);
  return wrap(`${text(args[0], say, true)} ${sym} ${text(args[1], say, true)}`);
}

/** The text of an expression; `nested`: it is an operand, so a composite is put in parentheses. */
function text(e: unknown, say: Say, nested: boolean): string {
  const x = operatorOf(e);
  if (!x) return literal(e, say);
  const { op, args } = x;
  const wrap = (s: string) => (nested ? `(${s})` : s);
  if (op === 'var') return variable(args, say);
  if (op === 'if' || op === '?:') return wrap(conditional(args, say));
  if (op in COMPARE) return comparison(op, args, say, nested);
  if (op === 'and' || op === 'or')
    // Comparisons read well without parentheses here; a nested and/or/if keeps them.
    return wrap(args.map((a) => text(a, say, ['and', 'or', 'if', '?:'].includes(operatorOf(a)?.op ?? ''))).join(` ${say.word(op)} `));
  if (op === '!') return `${say.word('not')} ${text(args[0], say, true)}`;
  if (op === '!!') return text(args[0], say, nested);
  if (op === '-' && args.length === 1) return `−${text(args[0], say, true)}`;
  if (op in ARITHMETIC) return wrap(args.map((a) => text(a, say, true)).join(` ${ARITHMETIC[op]} `));
  if (op === 'min' || op === 'max') return `${say.word(op === 'min' ? 'minOf' : 'maxOf')}(${args.map((a) => text(a, say, false)).join('; ')})`;
  if (op === 'in') return wrap(`${text(args[0], say, true)} ${say.word('in')} ${text(args[1], say, true)}`);
  return JSON.stringify(e) ?? '';
}

/** An expression as one readable sentence. */
export function logicText(expr: unknown, say: Say): string {
  return text(expr, say, false);
}
