/**
 * An exact evaluator for the json-logic subset allowed in rule files (LOGIC_OPERATORS in
 * @parindex/rules). Numbers are decimals, so 0.1 + 0.2 is 0.3 and 1234567 ÷ 1234690 ≥ 0.9999 decides
 * correctly. It never touches json-logic-js's global operation table, reads only own properties of
 * the values it is given, and its work is bounded by the size of the expression (checked at compile).
 */
import { Decimal } from './decimal.js';
import { LIMITS } from './limits.js';
import { splitVarName } from './logic.js';

export type LogicValue = Decimal | boolean | string | null | LogicValue[];

/** The values an expression may read: input id → value; tallies as option → count. */
export type LogicScope = (name: string, option: string | undefined) => LogicValue | undefined;

/**
 * Why an expression could not be evaluated, as data: the reason, the operator and what it got (a
 * value's text, or "none" for a missing value). The message is for developers; people read the
 * sentence the explanation package builds from the reason.
 */
export class LogicError extends Error {
  constructor(
    readonly reason: 'divisionByZero' | 'notANumber' | 'notAllowed' | 'result' | 'tooLarge',
    readonly op?: string,
    readonly got?: string,
  ) {
    super(`${reason}${op !== undefined ? ` (${op})` : ''}${got !== undefined ? `: ${got}` : ''}`);
    this.name = 'LogicError';
  }
}

const NUMERIC_TEXT = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

function truthy(v: LogicValue): boolean {
  if (v === null || v === false) return false;
  if (v === true) return true;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return !v.isZero();
}

/** @internal Numeric reading of a value, or undefined if it has none. */
function toNumber(v: LogicValue): Decimal | undefined {
  if (v instanceof Decimal) return v;
  if (typeof v === 'string' && NUMERIC_TEXT.test(v)) return new Decimal(v.trim());
  if (typeof v === 'boolean') return new Decimal(v ? 1 : 0);
  return undefined;
}

function needNumber(v: LogicValue, op: string): Decimal {
  const n = toNumber(v);
  if (n === undefined) throw new LogicError('notANumber', op, describe(v));
  return n;
}

/** What a value is, for LogicError: "none" for a missing value, "list", or the value's text. */
function describe(v: LogicValue): string {
  if (v === null) return 'none';
  if (v instanceof Decimal) return v.toFixed();
  if (Array.isArray(v)) return 'list';
  return JSON.stringify(v);
}

function looseEquals(a: LogicValue, b: LogicValue): boolean {
  if (a instanceof Decimal || b instanceof Decimal) {
    const x = toNumber(a);
    const y = toNumber(b);
    return x !== undefined && y !== undefined && x.eq(y);
  }
  if (Array.isArray(a) || Array.isArray(b)) return a === b;
  return a === b;
}

function strictEquals(a: LogicValue, b: LogicValue): boolean {
  if (a instanceof Decimal && b instanceof Decimal) return a.eq(b);
  if (a instanceof Decimal || b instanceof Decimal) return false;
  return a === b;
}

/** Compare for <, <=, >, >=: numbers exactly, two date strings as dates, else an error. */
function compare(a: LogicValue, b: LogicValue, op: string): number {
  if (typeof a === 'string' && typeof b === 'string' && !NUMERIC_TEXT.test(a) && !NUMERIC_TEXT.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return needNumber(a, op).cmp(needNumber(b, op));
}

/** Turn a literal from the rule file into a value. */
function literal(e: unknown): LogicValue {
  // A whole number is far below the bound and needs no text to parse (-0 is read as 0, as its text "0" is).
  if (typeof e === 'number') return Number.isSafeInteger(e) ? new Decimal(e === 0 ? 0 : e) : bounded(new Decimal(String(e)), 'literal');
  if (typeof e === 'string' || typeof e === 'boolean' || e === null) return e;
  return null;
}

/**
 * The largest magnitude an intermediate number may reach: 10^LIMITS.expressionMagnitude. Points and
 * counts are far smaller; without a bound, a set multiplying 1e308 by itself would build values of
 * hundreds of thousands of digits (slow to compute, print and compare).
 */
const MAX_MAGNITUDE = new Decimal(10).pow(LIMITS.expressionMagnitude);

function bounded(v: Decimal, op: string): Decimal {
  if (v.abs().gte(MAX_MAGNITUDE)) throw new LogicError('tooLarge', op);
  return v;
}

type Ev = (i: number) => LogicValue;
type Op = (args: unknown[], ev: Ev, op: string, scope: LogicScope) => LogicValue;

function variable(args: unknown[], ev: Ev, _op: string, scope: LogicScope): LogicValue {
  const name = args[0];
  if (typeof name !== 'string') throw new LogicError('notAllowed', 'var');
  const { input, option } = splitVarName(name);
  const v = scope(input, option);
  if (v === undefined || v === null) return args.length > 1 ? ev(1) : null;
  return v;
}

function conditional(args: unknown[], ev: Ev): LogicValue {
  let i = 0;
  for (; i + 1 < args.length; i += 2) if (truthy(ev(i))) return ev(i + 1);
  return i < args.length ? ev(i) : null;
}

/** "and" stops at the first falsy value, "or" at the first truthy one; either gives the last value seen. */
const shortCircuit =
  (stopWhen: boolean): Op =>
  (args, ev) => {
    let v: LogicValue = null;
    for (let i = 0; i < args.length; i++) {
      v = ev(i);
      if (truthy(v) === stopWhen) return v;
    }
    return v;
  };

/** "<" and "<=", with json-logic's between form a < b < c. */
const less =
  (strict: boolean): Op =>
  (args, ev, op) => {
    const ok = (c: number) => (strict ? c < 0 : c <= 0);
    const b = ev(1);
    if (!ok(compare(ev(0), b, op))) return false;
    return args.length === 3 ? ok(compare(b, ev(2), op)) : true;
  };

const fold =
  (start: number, step: (a: Decimal, b: Decimal) => Decimal): Op =>
  (args, ev, op) => {
    let acc = new Decimal(start);
    for (let i = 0; i < args.length; i++) acc = bounded(step(acc, needNumber(ev(i), op)), op);
    return acc;
  };

function divide(args: unknown[], ev: Ev, op: string): LogicValue {
  const a = needNumber(ev(0), op);
  const b = needNumber(ev(1), op);
  if (b.isZero()) throw new LogicError('divisionByZero', op, a.toFixed());
  return bounded(op === '/' ? a.div(b) : a.mod(b), op);
}

function extreme(args: unknown[], ev: Ev, op: string): LogicValue {
  let best = needNumber(ev(0), op);
  for (let i = 1; i < args.length; i++) {
    const n = needNumber(ev(i), op);
    if (op === 'min' ? n.lt(best) : n.gt(best)) best = n;
  }
  return best;
}

function member(_args: unknown[], ev: Ev): LogicValue {
  const needle = ev(0);
  const hay = ev(1);
  if (Array.isArray(hay)) return hay.some((x) => looseEquals(x, needle));
  if (typeof hay === 'string' && typeof needle === 'string') return hay.includes(needle);
  return false;
}

/**
 * The evaluation of every allow-listed operator: its keys are LOGIC_OPERATORS' (a test holds them equal),
 * so that it is the allow-list here too, and the scoring entry carries no second table of the operators.
 */
const OPS: Readonly<Record<string, Op>> = {
  var: variable,
  if: conditional,
  '?:': conditional,
  '==': (_a, ev) => looseEquals(ev(0), ev(1)),
  '!=': (_a, ev) => !looseEquals(ev(0), ev(1)),
  '===': (_a, ev) => strictEquals(ev(0), ev(1)),
  '!==': (_a, ev) => !strictEquals(ev(0), ev(1)),
  '!': (_a, ev) => !truthy(ev(0)),
  '!!': (_a, ev) => truthy(ev(0)),
  and: shortCircuit(false),
  or: shortCircuit(true),
  '<': less(true),
  '<=': less(false),
  '>': (_a, ev, op) => compare(ev(0), ev(1), op) > 0,
  '>=': (_a, ev, op) => compare(ev(0), ev(1), op) >= 0,
  '+': fold(0, (a, b) => a.plus(b)),
  '*': fold(1, (a, b) => a.times(b)),
  '-': (args, ev, op) => bounded(args.length === 1 ? needNumber(ev(0), op).neg() : needNumber(ev(0), op).minus(needNumber(ev(1), op)), op),
  '/': divide,
  '%': divide,
  min: extreme,
  max: extreme,
  in: member,
};

/**
 * Evaluate an expression. Throws LogicError for division by zero, non-numeric arithmetic, a number
 * beyond the magnitude bound, or an operator outside the allow-list (which compile() already rejects).
 */
export function evaluateLogic(expr: unknown, scope: LogicScope): LogicValue {
  if (expr === null || typeof expr !== 'object') return literal(expr);
  if (Array.isArray(expr)) return expr.map((e) => evaluateLogic(e, scope));
  const keys = Object.keys(expr);
  const op = keys[0];
  const run = op !== undefined && keys.length === 1 && Object.hasOwn(OPS, op) ? OPS[op]! : undefined;
  if (run === undefined) throw new LogicError('notAllowed', String(op));
  const raw = (expr as Record<string, unknown>)[op!];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  return run(args, (i) => evaluateLogic(args[i], scope), op!, scope);
}

/** @internal The operators evaluateLogic evaluates (for the test that they are LOGIC_OPERATORS). */
export const evaluatedOperators = (): string[] => Object.keys(OPS);

/** @internal Truthiness as json-logic defines it. */
export { truthy as logicTruthy };
