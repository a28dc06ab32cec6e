/**
 * Conditions (compare, is, all, any, not, json-logic), shared by the allOf and parts kinds and by a
 * criterion's applicability: what they read and their compiled test. A missing value makes a
 * comparison false; a json-logic condition that cannot be evaluated throws LogicError, which the
 * scorer turns into a coded diagnostic.
 */
import * as z from 'zod/mini';
import { Decimal, cmpDec, ZERO } from '../decimal.js';
import { evaluateLogic, logicTruthy, type LogicValue } from '../expression.js';
import type { Condition } from '../primitives.js';
import type { CompiledCondition, Reader, Typed } from './kind.js';

/** The trace of one condition: where it is in the set, and whether it held. */
export const ConditionStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('condition'), at: z.string(), result: z.boolean() }))();
export type ConditionStep = z.infer<typeof ConditionStep>;

/** Every input id a condition reads. */
export function conditionReads(c: Condition, out: Set<string>): void {
  if ('all' in c) for (const x of c.all) conditionReads(x, out);
  else if ('any' in c) for (const x of c.any) conditionReads(x, out);
  else if ('not' in c) conditionReads(c.not, out);
  else if ('logic' in c) logicReads(c.logic, out);
  else out.add(c.input);
}

/** Every input id a json-logic expression reads (the set is checked, so its shape is known). */
export function logicReads(e: unknown, out: Set<string>): void {
  if (e === null || typeof e !== 'object') return;
  if (Array.isArray(e)) {
    for (const x of e) logicReads(x, out);
    return;
  }
  const [op] = Object.keys(e);
  if (op === undefined) return;
  const raw = (e as Record<string, unknown>)[op];
  if (op === 'var') {
    const name = Array.isArray(raw) ? raw[0] : raw;
    if (typeof name === 'string') out.add(name.split('.')[0]!);
    if (Array.isArray(raw) && raw.length > 1) logicReads(raw[1], out);
    return;
  }
  logicReads(raw, out);
}

/** A value as json-logic sees it: a tally is one option's count (`x.option`) or the total (`x`). */
export function logicValueOf(v: Typed | undefined, option: string | undefined): LogicValue | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Decimal || typeof v === 'boolean' || typeof v === 'string') return option === undefined ? v : undefined;
  if (option !== undefined) return v.get(option);
  let total = ZERO;
  for (const n of v.values()) total = total.plus(n);
  return total;
}

type Test = (read: Reader) => boolean;

/** Compile a condition found at JSON pointer `at` of the set. */
export function compileCondition(c: Condition, at: string): CompiledCondition {
  return { at, test: testOf(c, at) };
}

function testOf(c: Condition, at: string): Test {
  if ('all' in c) {
    const parts = c.all.map((x, i) => testOf(x, `${at}/all/${i}`));
    return (read) => parts.every((t) => t(read));
  }
  if ('any' in c) {
    const parts = c.any.map((x, i) => testOf(x, `${at}/any/${i}`));
    return (read) => parts.some((t) => t(read));
  }
  if ('not' in c) {
    const inner = testOf(c.not, `${at}/not`);
    return (read) => !inner(read);
  }
  if ('logic' in c) {
    const logic = c.logic;
    return (read) => logicTruthy(evaluateLogic(logic, (name, option) => logicValueOf(read(name), option)));
  }
  const input = c.input;
  if ('is' in c) {
    const is = c.is;
    return (read) => read(input) === is;
  }
  return comparisonTest(input, c.op, c.value);
}

/** A constant of a comparison, parsed once: a number as a Decimal, anything else as written. */
type Constant = Decimal | string | boolean;
const constantOf = (x: unknown): Constant => (typeof x === 'number' ? new Decimal(String(x)) : typeof x === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(x) ? new Decimal(x) : (x as string | boolean));

/** Compare a value with a constant: -1, 0, 1, or undefined when they cannot be compared. */
function compare(v: Typed, x: Constant, raw: unknown): number | undefined {
  if (v instanceof Decimal) return x instanceof Decimal ? cmpDec(v, x) : undefined;
  if (typeof v === 'string' && typeof raw === 'string') return v < raw ? -1 : v > raw ? 1 : 0;
  if (typeof v === 'boolean' && typeof x === 'boolean') return v === x ? 0 : 1;
  return undefined;
}

function comparisonTest(input: string, op: Extract<Condition, { op: string }>['op'], value: unknown): Test {
  const list = Array.isArray(value) ? value.map((raw) => ({ raw, k: constantOf(raw) })) : null;
  const one = { raw: value, k: constantOf(value) };
  const cmp = (read: Reader): number | undefined => {
    const v = read(input);
    return v === undefined ? undefined : compare(v, one.k, one.raw);
  };
  const member = (read: Reader): boolean | undefined => {
    const v = read(input);
    if (v === undefined || list === null) return undefined;
    return list.some((x) => compare(v, x.k, x.raw) === 0);
  };
  switch (op) {
    case 'eq':
      return (read) => cmp(read) === 0;
    case 'ne':
      // A missing value is not "different": every comparison with it is false.
      return (read) => read(input) !== undefined && cmp(read) !== 0;
    case 'gt':
      return (read) => (cmp(read) ?? -1) > 0;
    case 'gte':
      return (read) => (cmp(read) ?? -1) >= 0;
    case 'lt':
      return (read) => (cmp(read) ?? 1) < 0;
    case 'lte':
      return (read) => (cmp(read) ?? 1) <= 0;
    case 'in':
      return (read) => member(read) === true;
    case 'notIn':
      return (read) => member(read) === false;
  }
}
