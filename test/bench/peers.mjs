/**
 * Benchmark peers: the same json-logic expressions as the baseline (to-jsonlogic.mjs, one per criterion)
 * run by other rules engines a dashboard developer could pick, each in its own idiomatic way:
 *   - json-logic-engine, interpreted (`engine.run(logic, data)`) and compiled (`engine.build(logic)` once
 *     per criterion, then the built function per unit);
 *   - @gorules/zen-engine (Rust through napi): one decision graph whose expression node holds one ZEN
 *     expression per criterion (translated from the json-logic below), evaluated once per unit.
 * The tree (children summed, cut at cap/max and floor), bonus, penalty and total are added up in
 * JavaScript exactly as the json-logic-js baseline does, so every peer answers the same question.
 */
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import zen from '@gorules/zen-engine';
import { readFileSync } from 'node:fs';

/** Add up one unit's criteria points (leafPoints(i) gives criterion i's points) through the tree. */
function total(logicSet, leafPoints) {
  let i = 0;
  const node = (n) => {
    if (n.logic) return leafPoints(i++);
    let s = 0;
    for (const c of n.children) s += node(c);
    return Math.min(n.cap ?? n.max, Math.max(n.floor, s));
  };
  const fields = {};
  let tree = 0;
  for (const f of logicSet.fields) tree += fields[f.code] = node(f);
  let bonus = 0;
  for (const b of logicSet.bonus) bonus += node(b);
  let penalty = 0;
  for (const p of logicSet.penalty) penalty += node(p);
  bonus = Math.max(0, Math.min(bonus, logicSet.bonusMax));
  penalty = Math.max(0, Math.min(penalty, logicSet.penaltyMax));
  return { fields, bonus, penalty, total: Math.max(0, tree + bonus - penalty) };
}

/** Every criterion's json-logic, in the order total() visits them. */
function leafLogics(logicSet) {
  const out = [];
  const walk = (n) => (n.logic ? out.push(n.logic) : n.children.forEach(walk));
  [...logicSet.fields, ...logicSet.bonus, ...logicSet.penalty].forEach(walk);
  return out;
}

/**
 * The same expression for json-logic-engine: its loose `==` and `!=` take null as 0 (`0 == null` is true
 * there, false in JavaScript and in json-logic-js), so a comparison with the literal null is written
 * strictly, which is what json-logic-js means by it (a missing variable reads as null in both).
 */
function strictNull(e) {
  if (e === null || typeof e !== 'object') return e;
  if (Array.isArray(e)) return e.map(strictNull);
  const [op] = Object.keys(e);
  const args = e[op];
  if ((op === '==' || op === '!=') && Array.isArray(args) && args.includes(null)) return { [op === '==' ? '===' : '!==']: args.map(strictNull) };
  return { [op]: strictNull(args) };
}

/** The baseline: json-logic-js (`jsonLogic.apply`) over one unit's flat data. */
export function jsonLogicJsScorer(logicSet) {
  const logics = leafLogics(logicSet);
  return (data) => total(logicSet, (i) => Number(jsonLogic.apply(logics[i], data)));
}

/** json-logic-engine: interpreted and compiled scorers of one unit's flat data. */
export function jsonLogicEngineScorers(logicSet) {
  const engine = new LogicEngine();
  const logics = leafLogics(logicSet).map(strictNull);
  const built = logics.map((l) => engine.build(l));
  return {
    interpreted: (data) => total(logicSet, (i) => Number(engine.run(logics[i], data))),
    compiled: (data) => total(logicSet, (i) => Number(built[i](data))),
  };
}

// ---------------------------------------------------------------------------------------------------
// json-logic → ZEN. ZEN has no truthiness (conditions must be booleans) and compares no strings, so
// values are made booleans where json-logic would test their truth, and dates (yyyy-mm-dd) become day
// numbers, in the expressions and in the data alike (zenData).
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (s) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;

function zenLiteral(x) {
  if (x === null) return 'null';
  if (typeof x === 'string') return DATE.test(x) ? String(dayNumber(x)) : JSON.stringify(x);
  return String(x);
}

/** A json-logic expression as ZEN text; `bool` when the result is already a boolean. */
function zenOf(e) {
  if (e === null || typeof e !== 'object') return { code: zenLiteral(e), bool: typeof e === 'boolean' };
  if (Array.isArray(e)) return { code: `[${e.map((x) => zenOf(x).code).join(', ')}]`, bool: false };
  const [op] = Object.keys(e);
  const raw = e[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const num = (x) => `(${zenOf(x).code})`;
  const cmp = (z) => {
    if (args.length === 3) return { code: `(${num(args[0])} ${z} ${num(args[1])} and ${num(args[1])} ${z} ${num(args[2])})`, bool: true };
    return { code: `(${num(args[0])} ${z} ${num(args[1])})`, bool: true };
  };
  switch (op) {
    case 'var':
      return { code: String(args[0]), bool: false };
    case 'missing':
      return { code: `(${args.map((a) => `${a} == null or ${a} == ""`).join(' or ')})`, bool: true };
    case 'if': {
      if (args.length === 1) return zenOf(args[0]);
      const [c, yes, ...rest] = args;
      const no = rest.length === 0 ? { code: 'null' } : rest.length === 1 ? zenOf(rest[0]) : zenOf({ if: rest });
      return { code: `(${truth(c)} ? ${zenOf(yes).code} : ${no.code})`, bool: false };
    }
    case 'and':
      return { code: `(${args.map(truth).join(' and ')})`, bool: true };
    case 'or':
      return { code: `(${args.map(truth).join(' or ')})`, bool: true };
    case '!':
      return { code: `(not ${truth(args[0])})`, bool: true };
    case '!!':
      return { code: truth(args[0]), bool: true };
    case '==':
    case '===':
      return cmp('==');
    case '!=':
    case '!==':
      return cmp('!=');
    case '>':
    case '>=':
    case '<':
    case '<=':
      return cmp(op);
    case '+':
    case '*':
      return { code: `(${args.map(num).join(` ${op} `)})`, bool: false };
    case '-':
      return { code: args.length === 1 ? `(-${num(args[0])})` : `(${num(args[0])} - ${num(args[1])})`, bool: false };
    case '/':
      return { code: `(${num(args[0])} / ${num(args[1])})`, bool: false };
    case 'min':
    case 'max':
      return { code: `${op}([${args.map((a) => zenOf(a).code).join(', ')}])`, bool: false };
  }
  throw new Error(`peers: no ZEN translation for json-logic "${op}"`);
}

/** The truth of an expression as json-logic sees it (null, false, 0 and "" are false). */
function truth(e) {
  const z = zenOf(e);
  if (z.bool) return z.code;
  const x = z.code;
  return `(${x} != null and ${x} != false and ${x} != 0 and ${x} != "")`;
}

/** A unit's flat data with dates as day numbers (see zenOf). */
function zenData(data) {
  const out = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' && DATE.test(v) ? dayNumber(v) : v;
  return out;
}

/** @gorules/zen-engine: one decision (input → one expression per criterion → output), evaluated per unit. */
export function zenScorer(logicSet) {
  const expressions = leafLogics(logicSet).map((l, i) => ({ id: `e${i}`, key: `c${i}`, value: zenOf(l).code }));
  const at = { x: 0, y: 0 };
  const graph = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'evidence', position: at },
      { id: 'points', type: 'expressionNode', name: 'points', position: at, content: { expressions } },
      { id: 'out', type: 'outputNode', name: 'points', position: at },
    ],
    edges: [
      { id: 'e-in', sourceId: 'in', targetId: 'points', type: 'edge' },
      { id: 'e-out', sourceId: 'points', targetId: 'out', type: 'edge' },
    ],
  };
  const engine = new zen.ZenEngine();
  const decision = engine.createDecision(graph);
  return {
    score: async (data) => {
      const { result } = await decision.evaluate(zenData(data));
      return total(logicSet, (i) => Number(result[`c${i}`]));
    },
    dispose: () => engine.dispose(),
  };
}

/** The installed versions of the peers (printed with their figures). */
export function peerVersions() {
  // Direct dev dependencies of the workspace root: pnpm links each under the root node_modules.
  const version = (name) => JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
  return Object.fromEntries(['json-logic-js', 'json-logic-engine', '@gorules/zen-engine'].map((n) => [n, version(n)]));
}
