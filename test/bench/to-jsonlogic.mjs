/**
 * Benchmark baseline: turn every leaf of a criteria set into one json-logic expression that
 * json-logic-js can apply to a flat data object of a unit's input values. This is what a developer
 * would write without parindex: one expression per criterion, plain floats, no trace.
 *
 * Data object (see flatData): { <input id>: value } with tallies as { <option>: count } (read with
 * "var": "input.option"), plus `__doc_<code>_<requirement>` = true for every complete document given
 * (only needed by criteria whose missing-evidence policy is "zero").
 *
 * Every rule type of the format is converted: boolean, levels, fraction, allOf, tiers, proportional,
 * parts, perItem, survey, onTime and expression, plus the applicability condition, missing required
 * inputs (0 points) and the criterion's floor and maximum. Ratios against tier bounds are compared by
 * cross-multiplication (n × times ≥ bound × d), as a careful developer would.
 */

const num = (x) => (typeof x === 'string' ? Number(x) : x);
const v = (id) => ({ var: id });
const key = (s) => s.replace(/[^A-Za-z0-9_]/g, '_');
export const docKey = (code, req) => `__doc_${key(code)}_${key(req)}`;

/** A condition of the format → json-logic. */
export function conditionLogic(c) {
  if ('all' in c) return { and: c.all.map(conditionLogic) };
  if ('any' in c) return { or: c.any.map(conditionLogic) };
  if ('not' in c) return { '!': conditionLogic(c.not) };
  if ('logic' in c) return c.logic;
  if ('is' in c) return { '===': [v(c.input), c.is] };
  const x = v(c.input);
  // A missing value makes a comparison false.
  const present = { '!=': [x, null] };
  const val = typeof c.value === 'number' || typeof c.value === 'string' ? c.value : c.value;
  switch (c.op) {
    case 'eq':
      return { and: [present, { '==': [x, val] }] };
    case 'ne':
      return { or: [{ '==': [x, null] }, { '!=': [x, val] }] };
    case 'gt':
      return { and: [present, { '>': [x, val] }] };
    case 'gte':
      return { and: [present, { '>=': [x, val] }] };
    case 'lt':
      return { and: [present, { '<': [x, val] }] };
    case 'lte':
      return { and: [present, { '<=': [x, val] }] };
    case 'in':
      return { and: [present, { in: [x, val] }] };
    case 'notIn':
      return { and: [present, { '!': { in: [x, val] } }] };
  }
  throw new Error(`unknown condition ${JSON.stringify(c)}`);
}

/** Inputs the rule itself reads (not its applicability condition). */
function ruleInputs(rule, out = new Set()) {
  const cond = (c) => {
    if ('all' in c) c.all.forEach(cond);
    else if ('any' in c) c.any.forEach(cond);
    else if ('not' in c) cond(c.not);
    else if ('logic' in c) logicVars(c.logic, out);
    else out.add(c.input);
  };
  switch (rule.type) {
    case 'boolean':
    case 'levels':
    case 'fraction':
    case 'perItem':
    case 'survey':
      out.add(rule.input);
      break;
    case 'allOf':
      rule.conditions.forEach(cond);
      break;
    case 'parts':
      rule.parts.forEach((p) => cond(p.when));
      break;
    case 'tiers':
    case 'proportional':
      if ('input' in rule.value) out.add(rule.value.input);
      else {
        out.add(rule.value.ratio.numerator);
        out.add(rule.value.ratio.denominator);
      }
      break;
    case 'onTime':
      rule.items.forEach((i) => {
        out.add(i.input);
        if (typeof i.deadline !== 'string') out.add(i.deadline.input);
      });
      break;
    case 'expression':
      logicVars(rule.logic, out);
      break;
  }
  return out;
}

function logicVars(e, out) {
  if (e === null || typeof e !== 'object') return;
  if (Array.isArray(e)) return e.forEach((x) => logicVars(x, out));
  const [op] = Object.keys(e);
  const raw = e[op];
  if (op === 'var') {
    const name = Array.isArray(raw) ? raw[0] : raw;
    if (typeof name === 'string') out.add(name.split('.')[0]);
    return;
  }
  logicVars(raw, out);
}

/** The value a tiers/proportional rule reads, as json-logic; with the ratio's parts when it is one. */
function valueRef(ref) {
  if ('input' in ref) return { value: v(ref.input), ratio: null };
  const { numerator, denominator, times = 1 } = ref.ratio;
  return { value: { '/': [{ '*': [v(numerator), num(times)] }, v(denominator)] }, ratio: { n: v(numerator), d: v(denominator), t: num(times) } };
}

/** value (or n × t ÷ d) inside the interval of a tier, by cross-multiplication for ratios. */
function inTier(tier, ref) {
  const parts = [];
  const lhs = ref.ratio ? { '*': [ref.ratio.n, ref.ratio.t] } : ref.value;
  const rhs = (b) => (ref.ratio ? { '*': [num(b), ref.ratio.d] } : num(b));
  if (tier.min !== undefined) parts.push({ [tier.minInclusive === false ? '>' : '>=']: [lhs, rhs(tier.min)] });
  if (tier.max !== undefined) parts.push({ [tier.maxInclusive === false ? '<' : '<=']: [lhs, rhs(tier.max)] });
  return parts.length === 1 ? parts[0] : { and: parts };
}

/**
 * One leaf → one json-logic expression giving its points (plain float).
 * `set` supplies the policies and the inputs' `required` flags.
 */
export function leafLogic(node, set, penalty = false) {
  const rule = node.rule;
  const max = num(node.max);
  const floor = node.floor === undefined ? 0 : num(node.floor);
  const naPoints = (policy) => ((policy ?? set.policies.notApplicable) === 'fullPoints' ? max : 0);
  const onZero = (policy = 'notApplicable') => (policy === 'fullPoints' ? max : policy === 'zeroPoints' ? 0 : naPoints(node.applicability?.policy));
  let e;
  switch (rule.type) {
    case 'boolean':
      e = { if: [{ '===': [v(rule.input), true] }, rule.points === undefined ? max : num(rule.points), rule.otherwise === undefined ? 0 : num(rule.otherwise)] };
      break;
    case 'levels':
    case 'fraction': {
      const map = rule.type === 'levels' ? rule.points : rule.fractions;
      const args = [];
      for (const [id, p] of Object.entries(map)) args.push({ '===': [v(rule.input), id] }, rule.type === 'levels' ? num(p) : num(p) * max);
      args.push(0);
      e = { if: args };
      break;
    }
    case 'allOf':
      e = { if: [{ and: rule.conditions.map(conditionLogic) }, rule.points === undefined ? max : num(rule.points), rule.otherwise === undefined ? 0 : num(rule.otherwise)] };
      break;
    case 'tiers': {
      const ref = valueRef(rule.value);
      const args = [];
      for (const t of rule.tiers) args.push(inTier(t, ref), num(t.points));
      args.push(0);
      e = { if: args };
      if (ref.ratio) e = { if: [{ '==': [ref.ratio.d, 0] }, onZero(rule.onZeroDenominator), e] };
      break;
    }
    case 'proportional': {
      const ref = valueRef(rule.value);
      const full = num(rule.fullAt);
      const zero = rule.zeroAt === undefined ? 0 : num(rule.zeroAt);
      const fraction = { max: [0, { min: [1, { '/': [{ '-': [ref.value, zero] }, full - zero] }] }] };
      e = { '*': [max, fraction] };
      if (ref.ratio) e = { if: [{ '==': [ref.ratio.d, 0] }, onZero(rule.onZeroDenominator), e] };
      break;
    }
    case 'parts':
      e = { '+': rule.parts.map((p) => ({ if: [conditionLogic(p.when), p.points !== undefined ? num(p.points) : num(p.fraction ?? 0) * max, 0] })) };
      break;
    case 'perItem': {
      const each = num(rule.each);
      const base = rule.base !== undefined ? num(rule.base) : each < 0 ? max : 0;
      let change = { '*': [{ if: [{ var: rule.input }, { var: rule.input }, 0] }, each] };
      if (rule.limit !== undefined) change = { max: [-num(rule.limit), { min: [num(rule.limit), change] }] };
      e = { '+': [base, change] };
      break;
    }
    case 'survey': {
      const opts = Object.entries(rule.weights);
      const count = (o) => ({ var: [`${rule.input}.${o}`, 0] });
      const answers = { '+': opts.map(([o]) => count(o)) };
      const weighted = { '+': opts.map(([o, w]) => ({ '*': [count(o), num(w)] })) };
      const tooFew = rule.minAnswers !== undefined ? { '<': [answers, rule.minAnswers] } : { '==': [answers, 0] };
      e = { if: [{ or: [{ '==': [answers, 0] }, tooFew] }, naPoints(node.applicability?.policy), { '/': [{ '*': [max, weighted] }, answers] }] };
      break;
    }
    case 'onTime': {
      const missing = { or: rule.items.map((i) => ({ '!': v(i.input) })) };
      const late = {
        or: rule.items.map((i) => {
          const dl = typeof i.deadline === 'string' ? i.deadline : v(i.deadline.input);
          const hasDl = typeof i.deadline === 'string' ? true : { '!!': dl };
          return { and: [hasDl, { '>': [v(i.input), dl] }] };
        }),
      };
      // json-logic-js compares strings with JS < and >: ISO dates compare correctly as text.
      e = { if: [missing, rule.missing === undefined ? 0 : num(rule.missing), late, rule.late === undefined ? 0 : num(rule.late), rule.points === undefined ? max : num(rule.points)] };
      break;
    }
    case 'expression':
      e = rule.logic;
      break;
    default:
      throw new Error(`rule type ${rule.type} not converted`);
  }
  // Within floor and maximum.
  e = { max: [floor, { min: [max, e] }] };
  // Missing-evidence policy "zero": a required document missing means at most 0 points.
  if ((node.missingEvidence ?? set.policies.missingEvidence) === 'zero' && node.documents?.length) {
    const reqs = node.documents.filter((d) => d.required !== false);
    // A document without "for" proves the requirement when the criterion asks for one document.
    const single = reqs.length === 1 || node.documents.length === 1;
    const given = (d) => (single ? { or: [{ var: docKey(node.code, d.id) }, { var: `__doc_any_${key(node.code)}` }] } : { var: docKey(node.code, d.id) });
    if (reqs.length) e = { if: [{ and: reqs.map(given) }, e, { min: [0, e] }] };
  }
  // Missing required inputs: 0 points, or the floor when it is negative; a penalty item its whole maximum.
  const missingPoints = penalty ? max : Math.min(0, floor);
  const required = [...ruleInputs(rule)].filter((id) => inputDef(set, node, id)?.required !== false);
  if (required.length) e = { if: [{ missing: required }, missingPoints, e] };
  // Applicability; a required input of the condition missing: it cannot be decided, missing evidence.
  if (node.applicability) {
    e = { if: [conditionLogic(node.applicability.notApplicableWhen), naPoints(node.applicability.policy), e] };
    const undecided = [...ruleInputs({ type: 'allOf', conditions: [node.applicability.notApplicableWhen] })].filter((id) => inputDef(set, node, id)?.required !== false);
    if (undecided.length) e = { if: [{ missing: undecided }, missingPoints, e] };
  }
  return e;
}

function inputDef(set, node, id) {
  return node.inputs?.find((d) => d.id === id) ?? set.inputs?.find((d) => d.id === id) ?? findInput(set, id);
}

function findInput(set, id) {
  let found;
  const walk = (n) => {
    if (found) return;
    const d = n.inputs?.find((x) => x.id === id);
    if (d) found = d;
    n.children?.forEach(walk);
  };
  set.fields.forEach(walk);
  set.bonus?.items.forEach(walk);
  set.penalty?.items.forEach(walk);
  return found;
}

/**
 * The whole set as data for the baseline scorer: a tree of groups whose leaves carry their json-logic
 * expression.
 */
export function toJsonLogic(set) {
  const conv = (n, penalty = false) =>
    n.children
      ? { code: n.code, max: num(n.max), cap: n.cap === undefined ? null : num(n.cap), floor: n.floor === undefined ? 0 : num(n.floor), children: n.children.map((c) => conv(c)) }
      : { code: n.code, max: num(n.max), logic: leafLogic(n, set, penalty) };
  return {
    fields: set.fields.map((n) => conv(n)),
    bonus: (set.bonus?.items ?? []).map((n) => conv(n)),
    bonusMax: set.bonus ? num(set.bonus.max) : 0,
    penalty: (set.penalty?.items ?? []).map((n) => conv(n, true)),
    penaltyMax: set.penalty ? num(set.penalty.max) : 0,
  };
}

/** A unit's evidence → the flat data object the expressions read. */
export function flatData(evidence) {
  const data = {};
  for (const e of evidence.entries) {
    if (e.input !== undefined && e.value !== undefined) data[e.input] = plain(e.value);
    if (e.values) for (const k of Object.keys(e.values)) data[k] = plain(e.values[k]);
    if (e.criterion !== undefined && e.documents)
      for (const d of e.documents)
        if (d.for !== undefined && d.number && d.date) data[docKey(e.criterion, d.for)] = true;
        else if (d.number && d.date) data[`__doc_any_${key(e.criterion)}`] = true;
  }
  return data;
}

function plain(x) {
  if (typeof x === 'string' && /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(x)) return Number(x);
  return x;
}
