/** The exact json-logic evaluator: bounded numbers (issue: 1e308 multiplied by itself 1,999 times). */
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.js';
import { evaluatedOperators, evaluateLogic, LogicError } from './expression.js';
import { LIMITS } from './limits.js';
import { LOGIC_OPERATORS } from './logic.js';

const none = () => undefined;
const fails = (expr: unknown) => {
  try {
    evaluateLogic(expr, none);
  } catch (e) {
    return e instanceof LogicError ? { reason: e.reason, op: e.op } : e;
  }
  return 'no error';
};

describe('evaluateLogic evaluates the allow-listed operators, and only those', () => {
  it('its table of operators is LOGIC_OPERATORS (its own allow-list, as the scoring entry carries no other)', () => {
    expect(evaluatedOperators().sort()).toEqual(Object.keys(LOGIC_OPERATORS).sort());
  });

  it('refuses any other operator, an inherited name included', () => {
    for (const op of ['toString', 'constructor', '__proto__', 'merge', 'cat', 'log', '']) expect(fails({ [op]: [1, 2] }), op).toEqual({ reason: 'notAllowed', op });
    expect(fails({ '+': [1], '-': [1] })).toEqual({ reason: 'notAllowed', op: '+' });
  });
});

describe('evaluateLogic bounds every number', () => {
  it('a product that grows past 10^30 stops with tooLarge at the operation, whatever its length', () => {
    let x: unknown = 1e308;
    for (let i = 0; i < 1999; i++) x = { '*': [x, 1e308] };
    expect(fails(x)).toEqual({ reason: 'tooLarge', op: 'literal' });
    let y: unknown = 1e15;
    for (let i = 0; i < 1999; i++) y = { '*': [y, 1e15] };
    expect(fails(y)).toEqual({ reason: 'tooLarge', op: '*' });
  });

  it('just under the bound is computed exactly; at the bound it is refused', () => {
    const under = new Decimal(10).pow(LIMITS.expressionMagnitude).minus(1);
    expect((evaluateLogic({ '+': [under.toFixed(), 0] }, none) as Decimal).toFixed()).toBe(under.toFixed());
    expect(fails({ '+': [under.toFixed(), 1] })).toEqual({ reason: 'tooLarge', op: '+' });
    expect(fails({ '-': [0, 1e30] })).toEqual({ reason: 'tooLarge', op: 'literal' });
    expect(fails({ '/': [1e29, 0.001] })).toEqual({ reason: 'tooLarge', op: '/' });
  });

  it('0.1 + 0.2 is 0.3 and division by zero is its own reason', () => {
    expect((evaluateLogic({ '+': [0.1, 0.2] }, none) as Decimal).toFixed()).toBe('0.3');
    expect(fails({ '/': [1, 0] })).toEqual({ reason: 'divisionByZero', op: '/' });
  });

  it('reads a literal as its text reads: whole numbers as they are, -0 as 0, others parsed', () => {
    const read = (x: number) => evaluateLogic(x, none) as Decimal;
    for (const x of [0, -0, 7, -120, 1500, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1.5, -0.25, 1e21, 5e-324]) {
      const expected = new Decimal(String(x));
      expect([read(x).coef, read(x).exp, read(x).isNeg()], String(x)).toEqual([expected.coef, expected.exp, expected.isNeg()]);
    }
  });
});
