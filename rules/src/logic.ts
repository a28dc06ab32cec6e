/**
 * The json-logic subset allowed in rule files, and its static check. The engine evaluates the same
 * subset with exact decimal arithmetic (packages/engine/src/expression.ts).
 */
import { diag, type Diagnostic } from './diagnostics.js';
import { LIMITS } from './limits.js';

/** Operators allowed in rule-file expressions, with their arity (min, max; -1 = unbounded). */
export const LOGIC_OPERATORS: Readonly<Record<string, readonly [number, number]>> = Object.freeze({
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
  return Object.prototype.hasOwnProperty.call(LOGIC_OPERATORS, op);
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
  const shape = (at: string, problem: string, problemVi: string) => out.push(diag('SET_EXPRESSION_SHAPE', at, { problem, problemVi }));
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
      if (!Number.isFinite(e)) shape(at, 'numbers must be finite', 'số phải hữu hạn');
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
      shape(at, 'only JSON values are allowed', 'chỉ được dùng giá trị JSON');
      return;
    }
    const keys = Object.keys(e);
    if (keys.length !== 1) {
      shape(at, `an operation is an object with exactly one operator key, found ${keys.length} keys`, `một phép toán là đối tượng có đúng một khóa toán tử, ở đây có ${keys.length} khóa`);
      return;
    }
    const op = keys[0]!;
    const opPath = `${at}/${op.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!isLogicOperator(op)) {
      out.push(diag('SET_EXPRESSION_OPERATOR', opPath, { operator: op, allowed: Object.keys(LOGIC_OPERATORS).join(' ') }));
      return;
    }
    const raw = (e as Record<string, unknown>)[op];
    const args = Array.isArray(raw) ? raw : [raw];
    const [minArgs, maxArgs] = LOGIC_OPERATORS[op]!;
    if (args.length < minArgs || (maxArgs >= 0 && args.length > maxArgs)) {
      const want = maxArgs < 0 ? `at least ${minArgs}` : minArgs === maxArgs ? `${minArgs}` : `${minArgs} to ${maxArgs}`;
      shape(opPath, `"${op}" takes ${want} argument(s), found ${args.length}`, `"${op}" nhận ${want} đối số, ở đây có ${args.length}`);
      return;
    }
    if (op === 'var') {
      const name = args[0];
      if (typeof name !== 'string') {
        shape(opPath, '"var" must name an input with a string', '"var" phải ghi tên đầu vào bằng chuỗi');
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
          out.push(diag('SET_UNKNOWN_OPTION', opPath, { option, input, options: (decl.options ?? []).join(', ') || '—' }));
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
