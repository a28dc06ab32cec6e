/**
 * The context the set checks share: every declared input by id, the diagnostics found so far, and the
 * helpers the rule kinds' own checks call (declared inputs of the right type, points within the
 * maximum, option maps, conditions, value domains).
 */
import { isRealDate } from './dates.js';
import { Decimal, dec, decText } from './decimal.js';
import { diag, schemaDiag, type Diagnostic, type ValueKind } from './diagnostics.js';
import type { Interval } from './intervals.js';
import type { CheckedInput, RuleCheckContext } from './kinds/kind.js';
import { LIMITS } from './limits.js';
import { checkLogic, type LogicCheckContext } from './logic.js';
import type { Condition, CriteriaSet, InputType, ValueRef } from './schema.js';

export interface SetCheckContext {
  readonly set: CriteriaSet;
  readonly out: Diagnostic[];
  readonly inputs: Map<string, CheckedInput>;
  readonly logic: LogicCheckContext;
  needInput(id: string, types: readonly InputType[], path: string): CheckedInput | undefined;
  checkCondition(c: Condition, path: string, depth?: number): void;
  checkDate(d: string, path: string): void;
  valueDomain(v: ValueRef, path: string): Interval | null | undefined;
}

const NUMERIC = ['count', 'decimal', 'percent'] as const;
const COMPARABLE = ['boolean', 'level', 'count', 'decimal', 'percent', 'date'] as const;

export function setCheckContext(set: CriteriaSet): SetCheckContext {
  const out: Diagnostic[] = [];
  const inputs = new Map<string, CheckedInput>();
  const ctx: SetCheckContext = {
    set,
    out,
    inputs,
    logic: {
      input(id) {
        const info = inputs.get(id);
        return info && { type: info.def.type, options: info.def.options?.map((o) => o.id) };
      },
    },
    needInput(id, types, path) {
      const info = inputs.get(id);
      if (!info) out.push(diag('SET_UNDECLARED_INPUT', path, { input: id }));
      else if (!types.includes(info.def.type)) out.push(diag('SET_INPUT_TYPE', path, { input: id, check: 'declaredType', expected: [...types], actual: info.def.type }));
      else return info;
      return undefined;
    },
    checkCondition: (c, path, depth = 0) => checkCondition(ctx, c, path, depth),
    checkDate(d, path) {
      // Dates that match YYYY-MM-DD but do not exist (2026-02-30) would make every period check wrong.
      if (!isRealDate(d)) out.push(schemaDiag('SET_SCHEMA', path, { issue: 'notCalendarDate', value: d }));
    },
    valueDomain: (v, path) => valueDomain(ctx, v, path),
  };
  return ctx;
}

function checkCondition(ctx: SetCheckContext, c: Condition, path: string, depth: number): void {
  if (depth > LIMITS.expressionDepth) {
    ctx.out.push(diag('SET_EXPRESSION_DEPTH', path, { limit: LIMITS.expressionDepth }));
    return;
  }
  if ('all' in c) c.all.forEach((x, i) => checkCondition(ctx, x, `${path}/all/${i}`, depth + 1));
  else if ('any' in c) c.any.forEach((x, i) => checkCondition(ctx, x, `${path}/any/${i}`, depth + 1));
  else if ('not' in c) checkCondition(ctx, c.not, `${path}/not`, depth + 1);
  else if ('logic' in c) checkLogic(c.logic, `${path}/logic`, ctx.logic, ctx.out);
  else if ('is' in c) ctx.needInput(c.input, ['boolean'], `${path}/input`);
  else checkComparison(ctx, c, path);
}

function checkComparison(ctx: SetCheckContext, c: Extract<Condition, { op: string }>, path: string): void {
  const info = ctx.needInput(c.input, COMPARABLE, `${path}/input`);
  if (!info) return;
  const list = c.op === 'in' || c.op === 'notIn';
  if (list !== Array.isArray(c.value)) {
    ctx.out.push(schemaDiag('SET_SCHEMA', `${path}/value`, { issue: 'comparisonValue', op: c.op, list }));
    return;
  }
  const t = info.def.type;
  for (const v of Array.isArray(c.value) ? c.value : [c.value]) {
    const ok =
      t === 'boolean'
        ? typeof v === 'boolean'
        : t === 'level'
          ? typeof v === 'string' && (info.def.options ?? []).some((o) => o.id === v)
          : t === 'date'
            ? typeof v === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v)
            : typeof v === 'number' || (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(v));
    if (!ok && t === 'level') ctx.out.push(diag('SET_UNKNOWN_OPTION', `${path}/value`, { option: String(v), input: c.input, options: (info.def.options ?? []).map((o) => o.id) }));
    else if (!ok) ctx.out.push(diag('SET_INPUT_TYPE', `${path}/value`, { input: c.input, check: 'comparedValue', inputType: t, valueKind: kindOf(v) }));
    if ((t === 'boolean' || t === 'level') && !['eq', 'ne', 'in', 'notIn'].includes(c.op))
      ctx.out.push(diag('SET_INPUT_TYPE', `${path}/op`, { input: c.input, check: 'orderingOperator', op: c.op, inputType: t }));
  }
}

function kindOf(v: unknown): ValueKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : 'other';
}

/** The range a value can take: the input's bounds, or 0 up to `times` for a ratio bounded by atMost. */
function valueDomain(ctx: SetCheckContext, v: ValueRef, path: string): Interval | null | undefined {
  const need = (id: string, at: string) => ctx.needInput(id, NUMERIC, at);
  if ('input' in v) {
    const info = need(v.input, `${path}/input`);
    if (!info) return undefined;
    const d = info.def;
    const lo = d.min !== undefined ? dec(d.min) : d.type === 'decimal' ? null : new Decimal(0);
    const hi = d.max !== undefined ? dec(d.max) : d.type === 'percent' ? new Decimal(100) : null;
    return { min: lo, minInclusive: true, max: hi, maxInclusive: true };
  }
  const num = need(v.ratio.numerator, `${path}/ratio/numerator`);
  const den = need(v.ratio.denominator, `${path}/ratio/denominator`);
  if (!num || !den) return undefined;
  const times = v.ratio.times === undefined ? new Decimal(1) : dec(v.ratio.times);
  return { min: new Decimal(0), minInclusive: true, max: num.def.atMost === den.def.id ? times : null, maxInclusive: true };
}

/** The context one rule's kind check gets: the set's helpers bound to its criterion. */
export function ruleCheckContext(ctx: SetCheckContext, code: string, path: string, max: Decimal, floor: Decimal): RuleCheckContext {
  const out = ctx.out;
  return {
    code,
    path,
    max,
    floor,
    logic: ctx.logic,
    report: (d) => out.push(d),
    needInput: ctx.needInput,
    checkCondition: (c, p) => ctx.checkCondition(c, p),
    checkDate: ctx.checkDate,
    valueDomain: ctx.valueDomain,
    checkPoints(v, p) {
      if (v.gt(max)) out.push(diag('SET_POINTS_ABOVE_MAX', p, { code, points: decText(v), max: decText(max) }));
      else if (v.lt(floor)) out.push(diag('SET_POINTS_BELOW_FLOOR', p, { code, points: decText(v), floor: decText(floor) }));
    },
    checkFraction(v, p, what) {
      if (v.lt(0) || v.gt(1)) out.push(diag('SET_FRACTION_RANGE', p, { what, value: decText(v) }));
    },
    checkOptionMap(input, map, p, what) {
      const options = (input.def.options ?? []).map((o) => o.id);
      for (const key of Object.keys(map)) if (!options.includes(key)) out.push(diag('SET_UNKNOWN_OPTION', `${p}/${key}`, { option: key, input: input.def.id, options }));
      for (const o of options) if (!Object.hasOwn(map, o)) out.push(diag('SET_MISSING_OPTION', p, { option: o, input: input.def.id, map: what }));
    },
  };
}
