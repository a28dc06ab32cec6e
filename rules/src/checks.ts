/**
 * Cross-field checks that a JSON Schema cannot express, as small named checks run in order (as
 * changesets does with its config rules): real dates, unique codes and ids, maxima that add up, and
 * each rule's own checks (in its kind module: tiers that neither overlap nor leave gaps, points within
 * the maximum, declared inputs of the right type). Input: a set that already passed the schema.
 * Output: diagnostics with JSON pointers, in document order.
 */
import { setCheckContext, ruleCheckContext, type SetCheckContext } from './check-context.js';
import { Decimal, dec, decText } from './decimal.js';
import { diag, pointer, schemaDiag, type Diagnostic } from './diagnostics.js';
import { FORBIDDEN_KEYS } from './forbidden.js';
import { scanIntervals, toInterval, type Interval } from './intervals.js';
import { kindOf } from './kinds/index.js';
import { LIMITS } from './limits.js';
import { checkSource, checkTierLabels } from './sources.js';
import type { CriterionNode, InputDef } from './schema.js';

/** A named check. Returning 'stop' ends the checks (the set is too large to check further). */
interface SetCheck {
  name: string;
  run(ctx: SetCheckContext): void | 'stop';
}

const calendarDates: SetCheck = {
  name: 'calendarDates',
  run(ctx) {
    ctx.checkDate(ctx.set.period.from, '/period/from');
    ctx.checkDate(ctx.set.period.to, '/period/to');
    // null: the decision's date is not known (never a placeholder).
    if (ctx.set.decision.date !== null) ctx.checkDate(ctx.set.decision.date, '/decision/date');
    if (ctx.set.period.from > ctx.set.period.to) ctx.out.push(diag('SET_PERIOD', '/period', { from: ctx.set.period.from, to: ctx.set.period.to }));
  },
};

function addInputs(ctx: SetCheckContext, defs: InputDef[] | undefined, base: string): void {
  defs?.forEach((def, i) => {
    const path = `${base}/inputs/${i}`;
    // Evidence gives values under the input id as a key, where these names are refused.
    if (FORBIDDEN_KEYS.has(def.id)) ctx.out.push(diag('JSON_FORBIDDEN_KEY', `${path}/id`, { key: def.id }));
    if (ctx.inputs.has(def.id)) ctx.out.push(diag('SET_DUPLICATE_INPUT', `${path}/id`, { input: def.id }));
    else ctx.inputs.set(def.id, { def, path });
    if ((def.type === 'level' || def.type === 'tally') && !def.options) ctx.out.push(diag('SET_INPUT_OPTIONS', path, { input: def.id, type: def.type }));
    const seen = new Set<string>();
    def.options?.forEach((o, j) => {
      if (seen.has(o.id)) ctx.out.push(diag('SET_DUPLICATE_ID', `${path}/options/${j}/id`, { id: o.id, among: 'inputOptions', owner: def.id }));
      if (FORBIDDEN_KEYS.has(o.id)) ctx.out.push(diag('JSON_FORBIDDEN_KEY', `${path}/options/${j}/id`, { key: o.id }));
      seen.add(o.id);
    });
    if (def.atMost !== undefined && !['count', 'decimal', 'percent'].includes(def.type))
      ctx.out.push(diag('SET_INPUT_TYPE', `${path}/atMost`, { input: def.id, check: 'declaredType', expected: ['count', 'decimal', 'percent'], actual: def.type }));
  });
}

/** Every node of the trees, with its pointer, down to the depth limit. */
function eachNode(ctx: SetCheckContext, visit: (n: CriterionNode, path: string, depth: number) => void): void {
  const walk = (nodes: CriterionNode[], base: string, depth: number) =>
    nodes.forEach((n, i) => {
      visit(n, `${base}/${i}`, depth);
      if (depth <= LIMITS.treeDepth && n.children) walk(n.children, `${base}/${i}/children`, depth + 1);
    });
  walk(ctx.set.fields, '/fields', 1);
  if (ctx.set.bonus) walk(ctx.set.bonus.items, '/bonus/items', 1);
  if (ctx.set.penalty) walk(ctx.set.penalty.items, '/penalty/items', 1);
}

/** Inputs are collected everywhere first, so that conditions may refer to inputs of other criteria. */
const declaredInputs: SetCheck = {
  name: 'declaredInputs',
  run(ctx) {
    addInputs(ctx, ctx.set.inputs, '');
    let nodes = 0;
    eachNode(ctx, (n, path, depth) => {
      nodes++;
      if (depth <= LIMITS.treeDepth) addInputs(ctx, n.inputs, path);
    });
    if (nodes > LIMITS.criteria) {
      ctx.out.push(diag('LIMIT_EXCEEDED', '/fields', { what: 'criteria', count: nodes, limit: LIMITS.criteria }));
      return 'stop';
    }
    if (ctx.inputs.size > LIMITS.inputs) {
      ctx.out.push(diag('LIMIT_EXCEEDED', '/fields', { what: 'inputs', count: ctx.inputs.size, limit: LIMITS.inputs }));
      return 'stop';
    }
    for (const info of ctx.inputs.values()) {
      const other = info.def.atMost;
      if (other !== undefined && !ctx.inputs.has(other)) ctx.out.push(diag('SET_UNDECLARED_INPUT', `${info.path}/atMost`, { input: other }));
    }
  },
};

/** A parent: no rule of its own, and children whose maxima reach its maximum (a cap may cut them). */
function checkParent(ctx: SetCheckContext, n: CriterionNode, p: string, max: Decimal): void {
  if (n.rule || n.inputs || n.documents) ctx.out.push(diag('SET_PARENT_WITH_RULE', p, { code: n.code }));
  // The scorer decides applicability per leaf; on a parent it would be silently ignored.
  if (n.applicability) ctx.out.push(schemaDiag('SET_SCHEMA', `${p}/applicability`, { issue: 'applicabilityOnParent', code: n.code }));
  const sum = n.children!.reduce((s, c) => s.plus(dec(c.max)), new Decimal(0));
  if (n.cap !== undefined && dec(n.cap).gt(max)) ctx.out.push(diag('SET_CAP_ABOVE_MAX', `${p}/cap`, { code: n.code, cap: decText(dec(n.cap)), max: decText(max) }));
  const ceiling = n.cap === undefined ? sum : Decimal.min(sum, dec(n.cap));
  if (sum.gt(max) && n.cap === undefined) ctx.out.push(diag('SET_CHILDREN_EXCEED_MAX', `${p}/max`, { code: n.code, sum: decText(sum), max: decText(max) }));
  else if (ceiling.lt(max)) ctx.out.push(diag('SET_CHILDREN_BELOW_MAX', `${p}/max`, { code: n.code, sum: decText(sum), max: decText(max) }));
}

/** A leaf: a source, a rule (checked by its kind), unique document ids. */
function checkLeaf(ctx: SetCheckContext, n: CriterionNode, p: string, max: Decimal, floor: Decimal): void {
  if (n.cap !== undefined) ctx.out.push(schemaDiag('SET_SCHEMA', `${p}/cap`, { issue: 'capOnLeaf', code: n.code }));
  if (!n.source) ctx.out.push(diag('SET_LEAF_WITHOUT_SOURCE', p, { code: n.code }));
  if (!n.rule) {
    ctx.out.push(diag('SET_LEAF_WITHOUT_RULE', p, { code: n.code }));
    return;
  }
  const docs = new Set<string>();
  n.documents?.forEach((d, j) => {
    if (docs.has(d.id)) ctx.out.push(diag('SET_DUPLICATE_ID', `${p}/documents/${j}/id`, { id: d.id, among: 'documents', owner: n.code }));
    docs.add(d.id);
  });
  kindOf(n.rule.type).check(n.rule, ruleCheckContext(ctx, n.code, `${p}/rule`, max, floor));
}

function checkNodes(ctx: SetCheckContext, nodes: CriterionNode[], base: string, depth: number, parent: CriterionNode | null, codes: Set<string>): void {
  nodes.forEach((n, i) => {
    const p = `${base}/${i}`;
    if (depth > LIMITS.treeDepth) {
      if (i === 0) ctx.out.push(diag('SET_DEPTH', p, { limit: LIMITS.treeDepth }));
      return;
    }
    if (codes.has(n.code)) ctx.out.push(diag('SET_DUPLICATE_CODE', `${p}/code`, { code: n.code }));
    codes.add(n.code);
    if (parent && !n.code.startsWith(parent.code + '.')) ctx.out.push(diag('SET_CODE_NOT_NESTED', `${p}/code`, { code: n.code, parent: parent.code }));
    const max = dec(n.max);
    const floor = n.floor === undefined ? new Decimal(0) : dec(n.floor);
    if (floor.gt(max)) ctx.out.push(diag('SET_FLOOR_ABOVE_MAX', `${p}/floor`, { code: n.code, floor: decText(floor), max: decText(max) }));
    if (n.applicability) ctx.checkCondition(n.applicability.notApplicableWhen, `${p}/applicability/notApplicableWhen`);
    if (n.children) {
      checkParent(ctx, n, p, max);
      checkNodes(ctx, n.children, `${p}/children`, depth + 1, n, codes);
    } else checkLeaf(ctx, n, p, max, floor);
  });
}

const tree: SetCheck = {
  name: 'tree',
  run(ctx) {
    const codes = new Set<string>();
    checkNodes(ctx, ctx.set.fields, '/fields', 1, null, codes);
    for (const key of ['bonus', 'penalty'] as const) {
      const block = ctx.set[key];
      if (!block) continue;
      block.items.forEach((item, i) => {
        if (item.children) ctx.out.push(schemaDiag('SET_SCHEMA', pointer(key, 'items', i), { issue: 'adjustmentWithChildren', block: key }));
      });
      checkNodes(
        ctx,
        block.items.filter((x) => !x.children),
        pointer(key, 'items'),
        1,
        null,
        codes,
      );
    }
  },
};

/** Classification bands: explicit bounds, unique codes, no overlap (gaps are allowed: "unclassified"). */
const bands: SetCheck = {
  name: 'bands',
  run(ctx) {
    const list = ctx.set.classification;
    if (!list) return;
    const ivs: Interval[] = [];
    let bad = false;
    const seen = new Set<string>();
    list.forEach((b, i) => {
      if (seen.has(b.code)) ctx.out.push(diag('SET_DUPLICATE_ID', `/classification/${i}/code`, { id: b.code, among: 'classificationBands' }));
      seen.add(b.code);
      const { iv, problems } = toInterval(b);
      for (const problem of problems) ctx.out.push(diag('SET_BAND_BOUNDS', `/classification/${i}`, { band: b.code, ...problem }));
      if (problems.length) bad = true;
      ivs.push(iv);
    });
    if (!bad) scanIntervals(ivs, (a, b, at) => ctx.out.push(diag('SET_BAND_OVERLAP', `/classification/${b}`, { a: list[a]!.code, b: list[b]!.code, ...at })), null, null);
  },
};

/** At most one rounding per level (per part at level "part"); a rounding that names a part names a declared one. */
const roundingLevels: SetCheck = {
  name: 'roundingLevels',
  run(ctx) {
    const levels = new Set<string>();
    const parts = [...new Set(ctx.set.fields.flatMap((f) => (f.part === undefined ? [] : [f.part])))];
    ctx.set.rounding?.forEach((r, i) => {
      const key = r.part === undefined ? r.level : `${r.level}:${r.part}`;
      if (levels.has(key)) ctx.out.push(diag('SET_DUPLICATE_ID', `/rounding/${i}/level`, { id: r.part === undefined ? r.level : `${r.level} ${r.part}`, among: 'roundingLevels' }));
      levels.add(key);
      if (r.part === undefined) return;
      if (r.level !== 'part') ctx.out.push(diag('SET_ROUNDING_PART', `/rounding/${i}/part`, { part: r.part, problem: 'notPartLevel', parts }));
      else if (!parts.includes(r.part)) ctx.out.push(diag('SET_ROUNDING_PART', `/rounding/${i}/part`, { part: r.part, problem: 'unknownPart', parts }));
    });
  },
};

/** `part` belongs on a top-level field (a group or a leaf); below it, or on a bonus or penalty item, it would be ignored. */
const partPlacement: SetCheck = {
  name: 'partPlacement',
  run(ctx) {
    eachNode(ctx, (n, path, depth) => {
      if (n.part !== undefined && (depth > 1 || !path.startsWith('/fields/'))) ctx.out.push(diag('SET_PART_NOT_ON_FIELD', `${path}/part`, { code: n.code }));
    });
  },
};

/**
 * Sources: every leaf's source names a public document or says the rule is a model, never a file of a
 * repository; a quoted bound, and the bound in a tier's label, is the bound of its tier; a source's date
 * is a real date (./sources.ts).
 */
const sourceCitations: SetCheck = {
  name: 'sourceCitations',
  run(ctx) {
    eachNode(ctx, (n, path) => {
      if (n.children) return;
      const tiers = n.rule?.type === 'tiers' ? n.rule.tiers : undefined;
      if (tiers) checkTierLabels(tiers, n.code, `${path}/rule/tiers`, ctx.out);
      if (!n.source) return;
      if (n.source.date) ctx.checkDate(n.source.date, `${path}/source/date`);
      checkSource(n.source, tiers, n.code, `${path}/source`, ctx.out);
    });
  },
};

/** The checks, in the order their problems are reported. */
export const SET_CHECKS: readonly SetCheck[] = [calendarDates, declaredInputs, tree, bands, roundingLevels, partPlacement, sourceCitations];

/** Check a set that passed the schema. Returns every problem found, in document order. */
export function checkSet(set: import('./schema.js').CriteriaSet): Diagnostic[] {
  const ctx = setCheckContext(set);
  for (const check of SET_CHECKS) if (check.run(ctx) === 'stop') break;
  return ctx.out;
}
