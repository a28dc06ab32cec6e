/**
 * An exact evaluator for the json-logic subset allowed in rule files (LOGIC_OPERATORS in
 * @parindex/rules). Numbers are decimals, so 0.1 + 0.2 is 0.3 and 1234567 ÷ 1234690 ≥ 0.9999 decides
 * correctly. It never touches json-logic-js's global operation table, reads only own properties of
 * the values it is given, and its work is bounded by the size of the expression (checked at compile).
 */
import { Decimal } from './decimal.js';
import { isLogicOperator, splitVarName } from './logic.js';

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
  if (n === undefined)
    throw new LogicError('notANumber', op, describe(v));
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
  if (typeof e === 'number') return new Decimal(String(e));
  if (typeof e === 'string' || typeof e === 'boolean' || e === null) return e;
  return null;
}

/**
 * Evaluate an expression. Throws LogicError for division by zero, non-numeric arithmetic or an operator
 * outside the allow-list (which compile() already rejects).
 */
export function evaluateLogic(expr: unknown, scope: LogicScope): LogicValue {
  if (expr === null || typeof expr !== 'object') return literal(expr);
  if (Array.isArray(expr)) return expr.map((e) => evaluateLogic(e, scope));
  const keys = Object.keys(expr);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined || !isLogicOperator(op))
    throw new LogicError('notAllowed', String(op));
  const raw = (expr as Record<string, unknown>)[op];
  const args: unknown[] = Array.isArray(raw) ? raw : [raw];
  const ev = (i: number) => evaluateLogic(args[i], scope);
  switch (op) {
    case 'var': {
      const name = args[0];
      if (typeof name !== 'string') throw new LogicError('notAllowed', 'var');
      const { input, option } = splitVarName(name);
      const v = scope(input, option);
      if (v === undefined || v === null) return args.length > 1 ? ev(1) : null;
      return v;
    }
    case 'if':
    case '?:': {
      let i = 0;
      for (; i + 1 < args.length; i += 2) if (truthy(ev(i))) return ev(i + 1);
      return i < args.length ? ev(i) : null;
    }
    case '==':
      return looseEquals(ev(0), ev(1));
    case '!=':
      return !looseEquals(ev(0), ev(1));
    case '===':
      return strictEquals(ev(0), ev(1));
    case '!==':
      return !strictEquals(ev(0), ev(1));
    case '!':
      return !truthy(ev(0));
    case '!!':
      return truthy(ev(0));
    case 'and': {
      let v: LogicValue = null;
      for (let i = 0; i < args.length; i++) {
        v = ev(i);
        if (!truthy(v)) return v;
      }
      return v;
    }
    case 'or': {
      let v: LogicValue = null;
      for (let i = 0; i < args.length; i++) {
        v = ev(i);
        if (truthy(v)) return v;
      }
      return v;
    }
    case '<':
    case '<=': {
      const strict = op === '<';
      const ok = (c: number) => (strict ? c < 0 : c <= 0);
      const a = ev(0);
      const b = ev(1);
      if (!ok(compare(a, b, op))) return false;
      return args.length === 3 ? ok(compare(b, ev(2), op)) : true;
    }
    case '>':
      return compare(ev(0), ev(1), op) > 0;
    case '>=':
      return compare(ev(0), ev(1), op) >= 0;
    case '+': {
      let s = new Decimal(0);
      for (let i = 0; i < args.length; i++) s = s.plus(needNumber(ev(i), op));
      return s;
    }
    case '*': {
      let p = new Decimal(1);
      for (let i = 0; i < args.length; i++) p = p.times(needNumber(ev(i), op));
      return p;
    }
    case '-':
      return args.length === 1 ? needNumber(ev(0), op).neg() : needNumber(ev(0), op).minus(needNumber(ev(1), op));
    case '/':
    case '%': {
      const a = needNumber(ev(0), op);
      const b = needNumber(ev(1), op);
      if (b.isZero()) throw new LogicError('divisionByZero', op, a.toFixed());
      return op === '/' ? a.div(b) : a.mod(b);
    }
    case 'min':
    case 'max': {
      let best = needNumber(ev(0), op);
      for (let i = 1; i < args.length; i++) {
        const n = needNumber(ev(i), op);
        if (op === 'min' ? n.lt(best) : n.gt(best)) best = n;
      }
      return best;
    }
    case 'in': {
      const needle = ev(0);
      const hay = ev(1);
      if (Array.isArray(hay)) return hay.some((x) => looseEquals(x, needle));
      if (typeof hay === 'string' && typeof needle === 'string') return hay.includes(needle);
      return false;
    }
    default:
      throw new LogicError('notAllowed', op);
  }
}

/** @internal Truthiness as json-logic defines it. */
export { truthy as logicTruthy };
