/**
 * "onTime": every item done by its deadline earns `points`; all done but some late earns `late`;
 * some not done earns `missing`. A deadline is a date in the set or another date input.
 */
import * as z from 'zod/mini';
import { dec, decText, ZERO, type Decimal } from '../decimal.js';
import { daysBetween } from '../dates.js';
import { DecimalText as D, OnTimeItem, opt, Points, ruleBase, withDescription } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { kindModule, NOTHING_PREPARED, type KindAdvice, type KindChecks, type KindModule, type KindRuntime } from './kind.js';

export const OnTimeRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('onTime'),
    items: z.array(OnTimeItem).check(z.minLength(1), z.maxLength(50)),
    points: withDescription(opt(Points), 'All done by their deadline. Default: the maximum.'),
    late: withDescription(opt(Points), 'All done, some late. Default 0.'),
    missing: withDescription(opt(Points), 'Some not done. Default 0.'),
    ...ruleBase,
  }))();
export type OnTimeRule = z.infer<typeof OnTimeRule>;

const OnTimeStatus = /* @__PURE__ */ (() => z.enum(['onTime', 'late', 'missing']))();
export const OnTimeStep = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal('onTime'),
    input: z.string(),
    date: z.nullable(z.string()),
    deadline: z.nullable(z.string()),
    status: OnTimeStatus,
    daysLate: opt(z.number().check(z.int())),
  }))();
export const OnTimeResultStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('onTimeResult'), outcome: OnTimeStatus, points: D }))();
export type Steps = z.infer<typeof OnTimeStep> | z.infer<typeof OnTimeResultStep>;
export type Outcome = z.infer<typeof OnTimeStatus>;

export interface CompiledOnTime {
  items: Array<{ input: string; deadline: string | { input: string } }>;
  points: Record<Outcome, Decimal>;
  texts: Record<Outcome, string>;
  floor: Decimal;
  max: Decimal;
  /** Per outcome, its result step and the points after and gain of every item on time: made once, shared by every result. */
  shown: Record<Outcome, { step: z.infer<typeof OnTimeResultStep>; gain: { pointsAfter: string; gain: string } | null }>;
}
export interface State {
  outcome: Outcome;
  notOnTime: string[];
}

/** The compiled rule with what its trace shows of each outcome. */
function withShown(c: Omit<CompiledOnTime, 'shown'>): CompiledOnTime {
  const onTime = clampPoints(c.points.onTime, c.floor, c.max);
  const shownOf = (outcome: Outcome) => ({
    step: Object.freeze({ kind: 'onTimeResult' as const, outcome, points: c.texts[outcome] }),
    gain: outcome === 'onTime' ? null : gainOf(onTime, clampPoints(c.points[outcome], c.floor, c.max)),
  });
  return { ...c, shown: { onTime: shownOf('onTime'), late: shownOf('late'), missing: shownOf('missing') } };
}

/** Every item done on time, when that gains. */
function allOnTime(c: CompiledOnTime, s: State): Improvement[] {
  const g = c.shown[s.outcome].gain;
  return g ? [{ kind: 'onTime', inputs: s.notOnTime, pointsAfter: g.pointsAfter, gain: g.gain }] : [];
}

const dateOf = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** One item's step: its date, its deadline, and how late it was. */
function itemStep(input: string, date: string | null, deadline: string | null, status: Outcome): z.infer<typeof OnTimeStep> {
  const s: z.infer<typeof OnTimeStep> = { kind: 'onTime', input, date, deadline, status };
  if (status === 'late') s.daysLate = daysBetween(deadline!, date!);
  return s;
}

export const onTimeChecks: KindChecks<OnTimeRule, Steps> = {
  schema: OnTimeRule,
  stepSchemas: [OnTimeStep, OnTimeResultStep],
  check(rule, ctx) {
    rule.items.forEach((item, i) => {
      ctx.needInput(item.input, ['date'], `${ctx.path}/items/${i}/input`);
      if (typeof item.deadline !== 'string') ctx.needInput(item.deadline.input, ['date'], `${ctx.path}/items/${i}/deadline/input`);
      else ctx.checkDate(item.deadline, `${ctx.path}/items/${i}/deadline`);
    });
    for (const k of ['points', 'late', 'missing'] as const) {
      const v = rule[k];
      if (v !== undefined) ctx.checkPoints(dec(v), `${ctx.path}/${k}`);
    }
  },
};

export const onTimeRuntime: KindRuntime<'onTime', OnTimeRule, CompiledOnTime, State, Steps> = {
  type: 'onTime',
  reads(rule, out) {
    for (const i of rule.items) {
      out.add(i.input);
      if (typeof i.deadline !== 'string') out.add(i.deadline.input);
    }
  },
  compile(rule, ctx) {
    const points = {
      onTime: rule.points === undefined ? ctx.max : dec(rule.points),
      late: rule.late === undefined ? ZERO : dec(rule.late),
      missing: rule.missing === undefined ? ZERO : dec(rule.missing),
    };
    const texts = { onTime: decText(points.onTime), late: decText(points.late), missing: decText(points.missing) };
    return withShown({ items: rule.items.map((i) => ({ input: i.input, deadline: i.deadline })), points, texts, floor: ctx.floor, max: ctx.max });
  },
  evaluate(c, read, steps) {
    const notOnTime: string[] = [];
    let anyMissing = false;
    let anyLate = false;
    for (const item of c.items) {
      const d = dateOf(read(item.input));
      const dl = typeof item.deadline === 'string' ? item.deadline : dateOf(read(item.deadline.input));
      const status: Outcome = d === null ? 'missing' : dl === null || d <= dl ? 'onTime' : 'late';
      anyMissing ||= status === 'missing';
      anyLate ||= status === 'late';
      if (status !== 'onTime') notOnTime.push(item.input);
      steps?.push(itemStep(item.input, d, dl, status));
    }
    const outcome: Outcome = anyMissing ? 'missing' : anyLate ? 'late' : 'onTime';
    steps?.push(c.shown[outcome].step);
    return { raw: c.points[outcome], state: { outcome, notOnTime } };
  },
};

export const onTimeAdvice: KindAdvice<CompiledOnTime, State, null> = {
  prepare: NOTHING_PREPARED,
  advise(c, e) {
    return allOnTime(c, e.state);
  },
};

export const onTimeKind: KindModule<'onTime', OnTimeRule, CompiledOnTime, State, Steps> = /* @__PURE__ */ kindModule(onTimeRuntime, onTimeAdvice, onTimeChecks);
