/**
 * Cross-field checks that a JSON Schema cannot express: unique codes, maxima that add up, tiers that
 * neither overlap nor leave gaps, points within the maximum, declared inputs of the right type.
 * Input: a set that already passed the schema. Output: diagnostics with JSON pointers.
 */
import { Decimal, dec, decText } from './decimal.js';
import { diag, pointer, type Diagnostic } from './diagnostics.js';
import { LIMITS } from './limits.js';
import { FORBIDDEN_KEYS } from './forbidden.js';
import { checkLogic } from './logic.js';
import type { Band, Condition, CriteriaSet, CriterionNode, InputDef, Rule, Tier } from './schema.js';

interface InputInfo {
  def: InputDef;
  path: string;
}

/** @internal The lower and upper bounds of an interval; null = unbounded. */
export interface Interval {
  min: Decimal | null;
  minInclusive: boolean;
  max: Decimal | null;
  maxInclusive: boolean;
}

/** @internal Does the interval contain x? */
export function intervalContains(iv: Interval, x: Decimal): boolean {
  if (iv.min !== null) {
    const c = x.cmp(iv.min);
    if (c < 0 || (c === 0 && !iv.minInclusive)) return false;
  }
  if (iv.max !== null) {
    const c = x.cmp(iv.max);
    if (c > 0 || (c === 0 && !iv.maxInclusive)) return false;
  }
  return true;
}

/** @internal Tier or band → interval, with problems in its bounds reported. */
export function toInterval(t: Tier | Band): { iv: Interval; problems: Array<[string, string]> } {
  const problems: Array<[string, string]> = [];
  if (t.min !== undefined && t.minInclusive === undefined)
    problems.push(['"min" needs "minInclusive" (true for "from X", false for "above X")', '"min" cần "minInclusive" (true: "từ X", false: "trên X")']);
  if (t.max !== undefined && t.maxInclusive === undefined)
    problems.push(['"max" needs "maxInclusive" (false for "under Y", true for "up to Y")', '"max" cần "maxInclusive" (false: "dưới Y", true: "đến Y")']);
  if (t.min === undefined && t.minInclusive !== undefined) problems.push(['"minInclusive" without "min"', '"minInclusive" mà không có "min"']);
  if (t.max === undefined && t.maxInclusive !== undefined) problems.push(['"maxInclusive" without "max"', '"maxInclusive" mà không có "max"']);
  const iv: Interval = {
    min: t.min === undefined ? null : dec(t.min),
    minInclusive: t.minInclusive ?? true,
    max: t.max === undefined ? null : dec(t.max),
    maxInclusive: t.maxInclusive ?? false,
  };
  if (iv.min !== null && iv.max !== null) {
    const c = iv.min.cmp(iv.max);
    if (c > 0 || (c === 0 && !(iv.minInclusive && iv.maxInclusive)))
      problems.push([`the interval from ${decText(iv.min)} to ${decText(iv.max)} is empty`, `khoảng từ ${decText(iv.min)} đến ${decText(iv.max)} rỗng`]);
  }
  return { iv, problems };
}

function describeBound(v: Decimal | null, inclusive: boolean, side: 'min' | 'max'): string {
  if (v === null) return side === 'min' ? '−∞' : '+∞';
  return `${decText(v)} (${inclusive ? 'included' : 'excluded'})`;
}

/**
 * @internal Compare sorted intervals pairwise. Calls overlap(a, b, at) and gap(a, b, where) with
 * indexes into the original list.
 */
export function scanIntervals(
  ivs: Interval[],
  onOverlap: (a: number, b: number, at: string) => void,
  onGap: ((where: string) => void) | null,
  domain: Interval | null,
): void {
  const order = ivs.map((iv, i) => ({ iv, i })).sort((x, y) => {
    if (x.iv.min === null) return y.iv.min === null ? 0 : -1;
    if (y.iv.min === null) return 1;
    const c = x.iv.min.cmp(y.iv.min);
    if (c !== 0) return c;
    return x.iv.minInclusive === y.iv.minInclusive ? 0 : x.iv.minInclusive ? -1 : 1;
  });
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k]!;
    const b = order[k + 1]!;
    // Overlap: a's upper end lies at or beyond b's lower end.
    if (a.iv.max === null || b.iv.min === null) {
      onOverlap(a.i, b.i, a.iv.max === null ? describeBound(b.iv.min, b.iv.minInclusive, 'min') : describeBound(a.iv.max, true, 'max'));
      continue;
    }
    const c = a.iv.max.cmp(b.iv.min);
    if (c > 0 || (c === 0 && a.iv.maxInclusive && b.iv.minInclusive)) {
      onOverlap(a.i, b.i, decText(c > 0 ? b.iv.min : a.iv.max));
    } else if (onGap && (c < 0 || (c === 0 && !a.iv.maxInclusive && !b.iv.minInclusive))) {
      onGap(c < 0 ? `from ${decText(a.iv.max)} to ${decText(b.iv.min)}` : `the value ${decText(a.iv.max)}`);
    }
  }
  if (onGap && domain && order.length > 0) {
    const first = order[0]!.iv;
    const last = order[order.length - 1]!.iv;
    if (first.min !== null) {
      if (domain.min === null) onGap(`values below ${decText(first.min)}`);
      else {
        const c = first.min.cmp(domain.min);
        if (c > 0 || (c === 0 && !first.minInclusive && domain.minInclusive)) onGap(`values from ${decText(domain.min)} to ${decText(first.min)}`);
      }
    }
    if (last.max !== null) {
      if (domain.max === null) onGap(`values from ${decText(last.max)} upward`);
      else {
        const c = last.max.cmp(domain.max);
        if (c < 0 || (c === 0 && !last.maxInclusive && domain.maxInclusive)) onGap(`values from ${decText(last.max)} to ${decText(domain.max)}`);
      }
    }
  }
}

/** @internal Is a YYYY-MM-DD text a real calendar date? */
export function isRealDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Check a set that passed the schema. Returns every problem found, in document order. */
export function checkSet(set: CriteriaSet): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Dates that match YYYY-MM-DD but do not exist (2026-02-30) would make every period check wrong.
  const realDate = (d: string, path: string) => {
    if (!isRealDate(d)) out.push(diag('SET_SCHEMA', path, { message: `${path}: ${d} is not a calendar date`, messageVi: `${path}: ${d} không phải là ngày có thật` }));
  };
  realDate(set.period.from, '/period/from');
  realDate(set.period.to, '/period/to');
  realDate(set.decision.date, '/decision/date');
  if (set.period.from > set.period.to) out.push(diag('SET_PERIOD', '/period', { from: set.period.from, to: set.period.to }));

  // 1. Collect inputs everywhere, so that conditions may refer to inputs of other criteria.
  const inputs = new Map<string, InputInfo>();
  const addInputs = (defs: InputDef[] | undefined, base: string) => {
    defs?.forEach((def, i) => {
      const path = `${base}/inputs/${i}`;
      // Evidence gives values under the input id as a key, where these names are refused.
      if (FORBIDDEN_KEYS.has(def.id)) out.push(diag('JSON_FORBIDDEN_KEY', `${path}/id`, { key: def.id }));
      if (inputs.has(def.id)) out.push(diag('SET_DUPLICATE_INPUT', `${path}/id`, { input: def.id }));
      else inputs.set(def.id, { def, path });
      if ((def.type === 'level' || def.type === 'tally') && !def.options) out.push(diag('SET_INPUT_OPTIONS', path, { input: def.id, type: def.type }));
      if (def.options) {
        const seen = new Set<string>();
        def.options.forEach((o, j) => {
          if (seen.has(o.id)) out.push(diag('SET_DUPLICATE_ID', `${path}/options/${j}/id`, { id: o.id, where: `the options of "${def.id}"`, whereVi: `các lựa chọn của "${def.id}"` }));
          if (FORBIDDEN_KEYS.has(o.id)) out.push(diag('JSON_FORBIDDEN_KEY', `${path}/options/${j}/id`, { key: o.id }));
          seen.add(o.id);
        });
      }
      if (def.atMost !== undefined && !['count', 'decimal', 'percent'].includes(def.type))
        out.push(diag('SET_INPUT_TYPE', `${path}/atMost`, { input: def.id, expected: 'a count, decimal or percent', actual: def.type }));
    });
  };
  addInputs(set.inputs, '');
  let nodeCount = 0;
  const walkInputs = (nodes: CriterionNode[], base: string, depth: number) => {
    nodes.forEach((n, i) => {
      const p = `${base}/${i}`;
      nodeCount++;
      if (depth > LIMITS.treeDepth) return;
      addInputs(n.inputs, p);
      if (n.children) walkInputs(n.children, `${p}/children`, depth + 1);
    });
  };
  walkInputs(set.fields, '/fields', 1);
  if (set.bonus) walkInputs(set.bonus.items, '/bonus/items', 1);
  if (set.penalty) walkInputs(set.penalty.items, '/penalty/items', 1);
  if (nodeCount > LIMITS.criteria) {
    out.push(diag('LIMIT_EXCEEDED', '/fields', { what: 'criteria', whatVi: 'tiêu chí', count: nodeCount, limit: LIMITS.criteria }));
    return out;
  }
  if (inputs.size > LIMITS.inputs) {
    out.push(diag('LIMIT_EXCEEDED', '/fields', { what: 'inputs', whatVi: 'đầu vào', count: inputs.size, limit: LIMITS.inputs }));
    return out;
  }
  for (const info of inputs.values()) {
    const other = info.def.atMost;
    if (other !== undefined && !inputs.has(other)) out.push(diag('SET_UNDECLARED_INPUT', `${info.path}/atMost`, { input: other }));
  }

  const ctx = {
    input(id: string) {
      const info = inputs.get(id);
      if (!info) return undefined;
      return { type: info.def.type, options: info.def.options?.map((o) => o.id) };
    },
  };
  const needInput = (id: string, types: readonly string[], path: string, expected: string): InputInfo | undefined => {
    const info = inputs.get(id);
    if (!info) {
      out.push(diag('SET_UNDECLARED_INPUT', path, { input: id }));
      return undefined;
    }
    if (!types.includes(info.def.type)) {
      out.push(diag('SET_INPUT_TYPE', path, { input: id, expected, actual: info.def.type }));
      return undefined;
    }
    return info;
  };
  const NUMERIC = ['count', 'decimal', 'percent'] as const;

  const checkCondition = (c: Condition, path: string, depth = 0): void => {
    if (depth > LIMITS.expressionDepth) {
      out.push(diag('SET_EXPRESSION_DEPTH', path, { limit: LIMITS.expressionDepth }));
      return;
    }
    if ('all' in c) c.all.forEach((x, i) => checkCondition(x, `${path}/all/${i}`, depth + 1));
    else if ('any' in c) c.any.forEach((x, i) => checkCondition(x, `${path}/any/${i}`, depth + 1));
    else if ('not' in c) checkCondition(c.not, `${path}/not`, depth + 1);
    else if ('logic' in c) checkLogic(c.logic, `${path}/logic`, ctx, out);
    else if ('is' in c) needInput(c.input, ['boolean'], `${path}/input`, 'yes/no (boolean)');
    else {
      const info = needInput(c.input, ['boolean', 'level', 'count', 'decimal', 'percent', 'date'], `${path}/input`, 'a value that can be compared');
      if (!info) return;
      const values = Array.isArray(c.value) ? c.value : [c.value];
      if ((c.op === 'in' || c.op === 'notIn') !== Array.isArray(c.value)) {
        out.push(diag('SET_SCHEMA', `${path}/value`, { message: `"${c.op}" needs ${c.op === 'in' || c.op === 'notIn' ? 'a list of values' : 'a single value'}`, messageVi: `"${c.op}" cần ${c.op === 'in' || c.op === 'notIn' ? 'một danh sách giá trị' : 'một giá trị'}` }));
        return;
      }
      const t = info.def.type;
      for (const v of values) {
        const ok =
          t === 'boolean' ? typeof v === 'boolean' :
          t === 'level' ? typeof v === 'string' && (info.def.options ?? []).some((o) => o.id === v) :
          t === 'date' ? typeof v === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v) :
          typeof v === 'number' || (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(v));
        if (!ok) {
          if (t === 'level') out.push(diag('SET_UNKNOWN_OPTION', `${path}/value`, { option: String(v), input: c.input, options: (info.def.options ?? []).map((o) => o.id).join(', ') }));
          else out.push(diag('SET_INPUT_TYPE', `${path}/value`, { input: c.input, expected: `a value of type ${t} to compare with`, actual: typeof v }));
        }
        if ((t === 'boolean' || t === 'level') && !['eq', 'ne', 'in', 'notIn'].includes(c.op))
          out.push(diag('SET_INPUT_TYPE', `${path}/op`, { input: c.input, expected: 'a number or date for an ordering comparison', actual: t }));
      }
    }
  };

  // 2. The tree.
  const codes = new Map<string, string>();
  const checkNodes = (nodes: CriterionNode[], base: string, depth: number, parent: CriterionNode | null) => {
    nodes.forEach((n, i) => {
      const p = `${base}/${i}`;
      if (depth > LIMITS.treeDepth) {
        if (i === 0) out.push(diag('SET_DEPTH', p, { limit: LIMITS.treeDepth }));
        return;
      }
      if (codes.has(n.code)) out.push(diag('SET_DUPLICATE_CODE', `${p}/code`, { code: n.code }));
      else codes.set(n.code, p);
      if (parent && !n.code.startsWith(parent.code + '.')) out.push(diag('SET_CODE_NOT_NESTED', `${p}/code`, { code: n.code, parent: parent.code }));
      const max = dec(n.max);
      const floor = n.floor === undefined ? new Decimal(0) : dec(n.floor);
      if (floor.gt(max)) out.push(diag('SET_FLOOR_ABOVE_MAX', `${p}/floor`, { code: n.code, floor: decText(floor), max: decText(max) }));
      if (n.applicability) checkCondition(n.applicability.notApplicableWhen, `${p}/applicability/notApplicableWhen`);
      if (n.children) {
        if (n.rule || n.inputs || n.documents) out.push(diag('SET_PARENT_WITH_RULE', p, { code: n.code }));
        // The scorer decides applicability per leaf; on a parent it would be silently ignored.
        if (n.applicability) out.push(diag('SET_SCHEMA', `${p}/applicability`, { message: `"applicability" goes on leaf criteria; "${n.code}" has children (put it on each sub-criterion)`, messageVi: `"applicability" chỉ dùng cho tiêu chí lá; "${n.code}" có tiêu chí con (hãy khai báo ở từng tiêu chí con)` }));
        const sum = n.children.reduce((s, c) => s.plus(dec(c.max)), new Decimal(0));
        if (n.cap !== undefined) {
          const cap = dec(n.cap);
          if (cap.gt(max)) out.push(diag('SET_CAP_ABOVE_MAX', `${p}/cap`, { code: n.code, cap: decText(cap), max: decText(max) }));
        }
        const ceiling = n.cap === undefined ? sum : Decimal.min(sum, dec(n.cap));
        if (sum.gt(max) && n.cap === undefined) out.push(diag('SET_CHILDREN_EXCEED_MAX', `${p}/max`, { code: n.code, sum: decText(sum), max: decText(max) }));
        else if (ceiling.lt(max)) out.push(diag('SET_CHILDREN_BELOW_MAX', `${p}/max`, { code: n.code, sum: decText(sum), max: decText(max) }));
        checkNodes(n.children, `${p}/children`, depth + 1, n);
        return;
      }
      if (n.cap !== undefined) out.push(diag('SET_SCHEMA', `${p}/cap`, { message: `"cap" applies to a parent; "${n.code}" has no children`, messageVi: `"cap" chỉ dùng cho tiêu chí cha; "${n.code}" không có tiêu chí con` }));
      if (!n.source) out.push(diag('SET_LEAF_WITHOUT_SOURCE', p, { code: n.code }));
      if (!n.rule) {
        out.push(diag('SET_LEAF_WITHOUT_RULE', p, { code: n.code }));
        return;
      }
      const docs = new Set<string>();
      n.documents?.forEach((d, j) => {
        if (docs.has(d.id)) out.push(diag('SET_DUPLICATE_ID', `${p}/documents/${j}/id`, { id: d.id, where: `the documents of "${n.code}"`, whereVi: `các tài liệu của "${n.code}"` }));
        docs.add(d.id);
      });
      checkRule(n, n.rule, `${p}/rule`, max, floor);
    });
  };

  const checkPoints = (n: CriterionNode, v: Decimal, path: string, max: Decimal, floor: Decimal) => {
    if (v.gt(max)) out.push(diag('SET_POINTS_ABOVE_MAX', path, { code: n.code, points: decText(v), max: decText(max) }));
    else if (v.lt(floor)) out.push(diag('SET_POINTS_BELOW_FLOOR', path, { code: n.code, points: decText(v), floor: decText(floor) }));
  };
  const checkFraction = (v: Decimal, path: string, what: string) => {
    if (v.lt(0) || v.gt(1)) out.push(diag('SET_FRACTION_RANGE', path, { what, value: decText(v) }));
  };
  const checkOptionMap = (input: InputInfo, map: Record<string, unknown>, path: string, what: string) => {
    const options = (input.def.options ?? []).map((o) => o.id);
    for (const key of Object.keys(map)) {
      if (!options.includes(key)) out.push(diag('SET_UNKNOWN_OPTION', `${path}/${key}`, { option: key, input: input.def.id, options: options.join(', ') }));
    }
    for (const o of options) if (!Object.prototype.hasOwnProperty.call(map, o)) out.push(diag('SET_MISSING_OPTION', path, { option: o, input: input.def.id, what }));
  };
  const valueDomain = (v: { input: string } | { ratio: { numerator: string; denominator: string; times?: number | string | undefined } }, path: string): Interval | null | undefined => {
    if ('input' in v) {
      const info = needInput(v.input, NUMERIC, `${path}/input`, 'a number (count, decimal or percent)');
      if (!info) return undefined;
      const d = info.def;
      const lo = d.min !== undefined ? dec(d.min) : d.type === 'decimal' ? null : new Decimal(0);
      const hi = d.max !== undefined ? dec(d.max) : d.type === 'percent' ? new Decimal(100) : null;
      return { min: lo, minInclusive: true, max: hi, maxInclusive: true };
    }
    const num = needInput(v.ratio.numerator, NUMERIC, `${path}/ratio/numerator`, 'a number (count, decimal or percent)');
    const den = needInput(v.ratio.denominator, NUMERIC, `${path}/ratio/denominator`, 'a number (count, decimal or percent)');
    if (!num || !den) return undefined;
    const times = v.ratio.times === undefined ? new Decimal(1) : dec(v.ratio.times);
    const bounded = num.def.atMost === den.def.id;
    return { min: new Decimal(0), minInclusive: true, max: bounded ? times : null, maxInclusive: true };
  };

  const checkRule = (n: CriterionNode, rule: Rule, path: string, max: Decimal, floor: Decimal) => {
    switch (rule.type) {
      case 'boolean': {
        needInput(rule.input, ['boolean'], `${path}/input`, 'yes/no (boolean)');
        if (rule.points !== undefined) checkPoints(n, dec(rule.points), `${path}/points`, max, floor);
        if (rule.otherwise !== undefined) checkPoints(n, dec(rule.otherwise), `${path}/otherwise`, max, floor);
        return;
      }
      case 'levels': {
        const info = needInput(rule.input, ['level'], `${path}/input`, 'one of named levels (level)');
        if (info) checkOptionMap(info, rule.points, `${path}/points`, 'points');
        for (const [k, v] of Object.entries(rule.points)) checkPoints(n, dec(v), `${path}/points/${k}`, max, floor);
        return;
      }
      case 'fraction': {
        const info = needInput(rule.input, ['level'], `${path}/input`, 'one of named levels (level)');
        if (info) checkOptionMap(info, rule.fractions, `${path}/fractions`, 'fraction');
        for (const [k, v] of Object.entries(rule.fractions)) checkFraction(dec(v), `${path}/fractions/${k}`, 'fraction');
        return;
      }
      case 'allOf': {
        rule.conditions.forEach((c, i) => checkCondition(c, `${path}/conditions/${i}`));
        if (rule.points !== undefined) checkPoints(n, dec(rule.points), `${path}/points`, max, floor);
        if (rule.otherwise !== undefined) checkPoints(n, dec(rule.otherwise), `${path}/otherwise`, max, floor);
        return;
      }
      case 'tiers': {
        const domain = valueDomain(rule.value, `${path}/value`);
        const ivs: Interval[] = [];
        let bad = false;
        rule.tiers.forEach((t, i) => {
          const { iv, problems } = toInterval(t);
          for (const [problem, problemVi] of problems) out.push(diag('SET_TIER_BOUNDS', `${path}/tiers/${i}`, { tier: i + 1, problem, problemVi }));
          if (problems.length) bad = true;
          ivs.push(iv);
          checkPoints(n, dec(t.points), `${path}/tiers/${i}/points`, max, floor);
        });
        if (!bad)
          scanIntervals(
            ivs,
            (a, b, at) => out.push(diag('SET_TIER_OVERLAP', `${path}/tiers/${b}`, { a: a + 1, b: b + 1, at })),
            (where) => out.push(diag('SET_TIER_GAP', `${path}/tiers`, { where })),
            domain ?? null,
          );
        return;
      }
      case 'proportional': {
        valueDomain(rule.value, `${path}/value`);
        const full = dec(rule.fullAt);
        const zero = rule.zeroAt === undefined ? new Decimal(0) : dec(rule.zeroAt);
        if (full.eq(zero)) out.push(diag('SET_ZERO_RANGE', `${path}/fullAt`, { value: decText(full) }));
        return;
      }
      case 'parts': {
        let sum = new Decimal(0);
        const ids = new Set<string>();
        rule.parts.forEach((part, i) => {
          if (ids.has(part.id)) out.push(diag('SET_DUPLICATE_ID', `${path}/parts/${i}/id`, { id: part.id, where: `the parts of "${n.code}"`, whereVi: `các phần của "${n.code}"` }));
          ids.add(part.id);
          checkCondition(part.when, `${path}/parts/${i}/when`);
          if ((part.points === undefined) === (part.fraction === undefined))
            out.push(diag('SET_SCHEMA', `${path}/parts/${i}`, { message: 'a part needs either "points" or "fraction", not both', messageVi: 'một phần cần "points" hoặc "fraction", không dùng cả hai' }));
          if (part.fraction !== undefined) {
            checkFraction(dec(part.fraction), `${path}/parts/${i}/fraction`, 'fraction');
            sum = sum.plus(dec(part.fraction).times(max));
          } else if (part.points !== undefined) sum = sum.plus(dec(part.points));
        });
        if (sum.gt(max)) out.push(diag('SET_POINTS_ABOVE_MAX', `${path}/parts`, { code: n.code, points: decText(sum), max: decText(max) }));
        return;
      }
      case 'perItem': {
        needInput(rule.input, ['count'], `${path}/input`, 'a whole count (count)');
        if (rule.base !== undefined) checkPoints(n, dec(rule.base), `${path}/base`, max, floor);
        return;
      }
      case 'survey': {
        const info = needInput(rule.input, ['tally'], `${path}/input`, 'answer counts per option (tally)');
        if (info) checkOptionMap(info, rule.weights, `${path}/weights`, 'weight');
        for (const [k, v] of Object.entries(rule.weights)) checkFraction(dec(v), `${path}/weights/${k}`, 'weight');
        return;
      }
      case 'onTime': {
        rule.items.forEach((item, i) => {
          needInput(item.input, ['date'], `${path}/items/${i}/input`, 'a date');
          if (typeof item.deadline !== 'string') needInput(item.deadline.input, ['date'], `${path}/items/${i}/deadline/input`, 'a date');
          else realDate(item.deadline, `${path}/items/${i}/deadline`);
        });
        for (const k of ['points', 'late', 'missing'] as const) {
          const v = rule[k];
          if (v !== undefined) checkPoints(n, dec(v), `${path}/${k}`, max, floor);
        }
        return;
      }
      case 'expression': {
        checkLogic(rule.logic, `${path}/logic`, ctx, out);
        return;
      }
    }
  };

  checkNodes(set.fields, '/fields', 1, null);
  for (const key of ['bonus', 'penalty'] as const) {
    const block = set[key];
    if (!block) continue;
    block.items.forEach((item, i) => {
      if (item.children) out.push(diag('SET_SCHEMA', pointer(key, 'items', i), { message: `a ${key} item is a single criterion with a rule, without children`, messageVi: `mỗi mục ${key === 'bonus' ? 'điểm thưởng' : 'điểm trừ'} là một tiêu chí có quy tắc, không có tiêu chí con` }));
    });
    checkNodes(block.items.filter((x) => !x.children), pointer(key, 'items'), 1, null);
  }

  // 3. Classification bands: explicit bounds, no overlap (gaps are allowed: "unclassified").
  if (set.classification) {
    const ivs: Interval[] = [];
    let bad = false;
    const seen = new Set<string>();
    set.classification.forEach((b, i) => {
      if (seen.has(b.code)) out.push(diag('SET_DUPLICATE_ID', `/classification/${i}/code`, { id: b.code, where: 'the classification bands', whereVi: 'các mức xếp loại' }));
      seen.add(b.code);
      const { iv, problems } = toInterval(b);
      for (const [problem, problemVi] of problems) out.push(diag('SET_BAND_BOUNDS', `/classification/${i}`, { band: b.code, problem, problemVi }));
      if (problems.length) bad = true;
      ivs.push(iv);
    });
    if (!bad)
      scanIntervals(ivs, (a, b, at) => out.push(diag('SET_BAND_OVERLAP', `/classification/${b}`, { a: set.classification![a]!.code, b: set.classification![b]!.code, at })), null, null);
  }
  if (set.rounding) {
    const levels = new Set<string>();
    set.rounding.forEach((r, i) => {
      if (levels.has(r.level)) out.push(diag('SET_DUPLICATE_ID', `/rounding/${i}/level`, { id: r.level, where: 'the rounding declarations', whereVi: 'các khai báo làm tròn' }));
      levels.add(r.level);
    });
  }
  return out;
}
