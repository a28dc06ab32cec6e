/**
 * The json-logic subset allowed in rule files, and its static check. The engine evaluates the same
 * subset with exact decimal arithmetic (packages/engine/src/expression.ts).
 */
import { diag, type Diagnostic, type ExpressionShape } from './diagnostics.js';
import { LIMITS } from './limits.js';

/** Operators allowed in rule-file expressions, with their arity (min, max; -1 = unbounded). */
export const LOGIC_OPERATORS: Readonly<Record<string, readonly [number, number]>> = /* @__PURE__ */ Object.freeze({
  var: [1, 2],
  if: [1, 51],
  '?:': [3, 3],
  '==': [2, 2],
  '===': [2, 2],
  '!=': [2, 2],
  '!==': [2, 2],
  '!': [1, 1],
  '!!': [1, 1],
  and: [1, -1],
  or: [1, -1],
  '<': [2, 3],
  '<=': [2, 3],
  '>': [2, 2],
  '>=': [2, 2],
  '+': [1, -1],
  '-': [1, 2],
  '*': [1, -1],
  '/': [2, 2],
  '%': [2, 2],
  min: [1, -1],
  max: [1, -1],
  in: [2, 2],
});

export function isLogicOperator(op: string): boolean {
  return Object.hasOwn(LOGIC_OPERATORS, op);
}

/** What a `var` may name: an input id, or "tally_input.option" for one answer count of a tally. */
export function splitVarName(name: string): { input: string; option?: string } {
  const dot = name.indexOf('.');
  if (dot < 0) return { input: name };
  return { input: name.slice(0, dot), option: name.slice(dot + 1) };
}

export interface LogicCheckContext {
  /** Is this input declared? returns its type and options, or undefined. */
  input(id: string): { type: string; options?: readonly string[] } | undefined;
}

/**
 * Check an expression: allow-listed operators with the right arity, literals of JSON scalar types,
 * `var` naming only declared inputs, bounded depth and size. Returns the input ids it reads.
 */
export function checkLogic(expr: unknown, path: string, ctx: LogicCheckContext, out: Diagnostic[]): Set<string> {
  const reads = new Set<string>();
  let nodes = 0;
  const shape = (at: string, problem: ExpressionShape) => out.push(diag('SET_EXPRESSION_SHAPE', at, problem));
  const visit = (e: unknown, at: string, depth: number): void => {
    if (++nodes > LIMITS.expressionNodes) {
      if (nodes === LIMITS.expressionNodes + 1) out.push(diag('SET_EXPRESSION_SIZE', path, { limit: LIMITS.expressionNodes }));
      return;
    }
    if (depth > LIMITS.expressionDepth) {
      out.push(diag('SET_EXPRESSION_DEPTH', at, { limit: LIMITS.expressionDepth }));
      return;
    }
    if (e === null || typeof e === 'boolean' || typeof e === 'string') return;
    if (typeof e === 'number') {
      if (!Number.isFinite(e)) shape(at, { problem: 'notFinite' });
      return;
    }
    if (Array.isArray(e)) {
      if (e.length > LIMITS.expressionNodes) {
        out.push(diag('SET_EXPRESSION_SIZE', at, { limit: LIMITS.expressionNodes }));
        return;
      }
      e.forEach((item, i) => visit(item, `${at}/${i}`, depth + 1));
      return;
    }
    if (typeof e !== 'object') {
      shape(at, { problem: 'notJson' });
      return;
    }
    const keys = Object.keys(e);
    if (keys.length !== 1) {
      shape(at, { problem: 'operatorKeys', keys: keys.length });
      return;
    }
    const op = keys[0]!;
    const opPath = `${at}/${op.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!isLogicOperator(op)) {
      out.push(diag('SET_EXPRESSION_OPERATOR', opPath, { operator: op, allowed: Object.keys(LOGIC_OPERATORS) }));
      return;
    }
    const raw = (e as Record<string, unknown>)[op];
    const args = Array.isArray(raw) ? raw : [raw];
    const [minArgs, maxArgs] = LOGIC_OPERATORS[op]!;
    if (args.length < minArgs || (maxArgs >= 0 && args.length > maxArgs)) {
      shape(opPath, { problem: 'arity', op, found: args.length, min: minArgs, max: maxArgs < 0 ? null : maxArgs });
      return;
    }
    if (op === 'var') {
      const name = args[0];
      if (typeof name !== 'string') {
        shape(opPath, { problem: 'varName' });
        return;
      }
      const { input, option } = splitVarName(name);
      const decl = ctx.input(input);
      if (!decl) {
        out.push(diag('SET_UNDECLARED_INPUT', opPath, { input }));
        return;
      }
      if (option !== undefined) {
        if (decl.type !== 'tally' || !decl.options?.includes(option)) {
          out.push(diag('SET_UNKNOWN_OPTION', opPath, { option, input, options: [...(decl.options ?? [])] }));
          return;
        }
      }
      reads.add(input);
      if (args.length === 2) visit(args[1], `${opPath}/1`, depth + 1);
      return;
    }
    if (Array.isArray(raw)) args.forEach((a, i) => visit(a, `${opPath}/${i}`, depth + 1));
    else visit(raw, opPath, depth + 1);
  };
  visit(expr, path, 0);
  return reads;
}
