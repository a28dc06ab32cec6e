/** "parts": the sum of the parts whose condition holds, each with its points or fraction of the maximum. */
import * as z from 'zod/mini';
import { addDec, decText, dec, ZERO, type Decimal } from '../decimal.js';
import { diag, schemaDiag } from '../diagnostics.js';
import { DecimalText as D, Part, ruleBase } from '../primitives.js';
import { clampPoints, gainOf, type Improvement } from './advice.js';
import { conditionReads } from './condition.js';
import { type CompiledCondition, kindModule, NOTHING_PREPARED, type KindAdvice, type KindChecks, type KindModule, type KindRuntime, type RuleCheckContext } from './kind.js';

export const PartsRule = /* @__PURE__ */ (() =>
  z.strictObject({
    type: z.literal('parts'),
    parts: z.array(Part).check(z.minLength(1), z.maxLength(50)),
    ...ruleBase,
  }))();
export type PartsRule = z.infer<typeof PartsRule>;

export const PartStep = /* @__PURE__ */ (() => z.strictObject({ kind: z.literal('part'), id: z.string(), met: z.boolean(), points: D }))();
export type PartStep = z.infer<typeof PartStep>;

export interface CompiledPart {
  id: string;
  when: CompiledCondition;
  points: Decimal;
  text: string;
  /** Its step when it is not met and when it is: made once, shared by every result. */
  shown?: [PartStep, PartStep];
}

/** The parts with their steps, which depend on nothing else. */
function withSteps(parts: CompiledPart[]): CompiledPart[] {
  for (const p of parts) p.shown = [Object.freeze({ kind: 'part', id: p.id, met: false, points: '0' }), Object.freeze({ kind: 'part', id: p.id, met: true, points: p.text })];
  return parts;
}

/** Meet part p's condition, when that gains. */
function meetPart(c: CompiledParts, p: CompiledPart, s: State, current: Decimal): Improvement | null {
  const g = gainOf(clampPoints(s.sum.plus(p.points), c.floor, c.max), current);
  return g && { kind: 'meet', conditions: [p.when.at], part: p.id, pointsAfter: g.pointsAfter, gain: g.gain };
}
export interface CompiledParts {
  parts: CompiledPart[];
  floor: Decimal;
  max: Decimal;
}
export interface State {
  sum: Decimal;
  met: boolean[];
}

function checkPart(part: z.infer<typeof Part>, i: number, ctx: RuleCheckContext): Decimal {
  const at = `${ctx.path}/parts/${i}`;
  ctx.checkCondition(part.when, `${at}/when`);
  if ((part.points === undefined) === (part.fraction === undefined)) ctx.report(schemaDiag('SET_SCHEMA', at, { issue: 'partPointsAndFraction' }));
  if (part.fraction !== undefined) {
    ctx.checkFraction(dec(part.fraction), `${at}/fraction`, 'fraction');
    return dec(part.fraction).times(ctx.max);
  }
  return part.points !== undefined ? dec(part.points) : ZERO;
}

export const partsChecks: KindChecks<PartsRule, PartStep> = {
  schema: PartsRule,
  stepSchemas: [PartStep],
  check(rule, ctx) {
    let sum = ZERO;
    const ids = new Set<string>();
    rule.parts.forEach((part, i) => {
      if (ids.has(part.id)) ctx.report(diag('SET_DUPLICATE_ID', `${ctx.path}/parts/${i}/id`, { id: part.id, among: 'parts', owner: ctx.code }));
      ids.add(part.id);
      sum = sum.plus(checkPart(part, i, ctx));
    });
    if (sum.gt(ctx.max)) ctx.report(diag('SET_POINTS_ABOVE_MAX', `${ctx.path}/parts`, { code: ctx.code, points: decText(sum), max: decText(ctx.max) }));
  },
};

export const partsRuntime: KindRuntime<'parts', PartsRule, CompiledParts, State, PartStep> = {
  type: 'parts',
  reads(rule, out) {
    for (const p of rule.parts) conditionReads(p.when, out);
  },
  compile(rule, ctx) {
    const parts = rule.parts.map((p, i) => {
      const points = p.points !== undefined ? dec(p.points) : dec(p.fraction ?? 0).times(ctx.max);
      return { id: p.id, when: ctx.condition(p.when, `${ctx.path}/parts/${i}/when`), points, text: decText(points) };
    });
    return { parts: withSteps(parts), floor: ctx.floor, max: ctx.max };
  },
  evaluate(c, read, steps) {
    let sum = ZERO;
    const met: boolean[] = [];
    for (const p of c.parts) {
      const ok = p.when.test(read);
      met.push(ok);
      steps?.push(p.shown![ok ? 1 : 0]);
      if (ok) sum = addDec(sum, p.points);
    }
    return { raw: sum, state: { sum, met } };
  },
};

export const partsAdvice: KindAdvice<CompiledParts, State, null> = {
  prepare: NOTHING_PREPARED,
  advise(c, e) {
    const current = clampPoints(e.state.sum, c.floor, c.max);
    const out: Improvement[] = [];
    c.parts.forEach((p, i) => {
      if (e.state.met[i]) return;
      const im = meetPart(c, p, e.state, current);
      if (im) out.push(im);
    });
    return out;
  },
};

export const partsKind: KindModule<'parts', PartsRule, CompiledParts, State, PartStep> = /* @__PURE__ */ kindModule(partsRuntime, partsAdvice, partsChecks);
