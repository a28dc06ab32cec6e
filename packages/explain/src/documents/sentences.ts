/**
 * The explanation of a result as plain data with sentences: per criterion (leaf), its points, the rule,
 * each step of the working and each piece of advice worded in one language. What a dashboard shows
 * without rendering the document model; the JSON API's /v1/explain answers it.
 */
import type { CompiledSet, FlagCode, NodeResult, NodeStatus, ScoreResult } from '@parindex/engine';
import { dec } from '@parindex/rules';
import type { Explainer } from '../explainer.js';
import { nodeIndex } from './result-view.js';

export interface CriterionSentences {
  code: string;
  /** The title in the explainer's language (the Vietnamese title when the set has no English one). */
  title: string;
  points: string;
  applicableMax: string;
  status: NodeStatus;
  flags: FlagCode[];
  /** Points were lost: below the applicable maximum (a penalty item: any points taken off). */
  lost: boolean;
  /** The points of the unit's own score, when the result is an appraisal round. */
  selfPoints?: string;
  /** The rule in one sentence. */
  rule: string;
  /** The working, one sentence per step. */
  steps: string[];
  /** What would raise it, cheapest first, each with the points it promises. */
  improve: string[];
}

const leavesOf = (n: NodeResult): NodeResult[] => (n.children?.length ? n.children.flatMap(leavesOf) : [n]);

/**
 * Every leaf criterion of `result` (or of the node `code`) in sentences, the criteria that lost points
 * first, then the rest in the set's order. `self`: the unit's own score when `result` is an appraisal round.
 */
export function explainSentences(result: ScoreResult, compiled: CompiledSet, ex: Explainer, options: { code?: string; self?: ScoreResult } = {}): CriterionSentences[] {
  const penalties = new Set((result.penalty?.items ?? []).map((n) => n.code));
  const isLost = (n: NodeResult) => (penalties.has(n.code) ? dec(n.points).gt(0) : dec(n.applicableMax).gt(dec(n.points)));
  const one = options.code === undefined ? undefined : nodeIndex(result).get(options.code);
  const all = one ? leavesOf(one) : [...result.fields.flatMap(leavesOf), ...(result.bonus?.items.flatMap(leavesOf) ?? []), ...(result.penalty?.items.flatMap(leavesOf) ?? [])];
  const leaves = one ? all : [...all.filter(isLost), ...all.filter((n) => !isLost(n))];
  const selfIdx = nodeIndex(options.self);
  return leaves.map((n) => {
    const node = compiled.nodes.get(n.code);
    const self = selfIdx.get(n.code);
    return {
      code: n.code,
      title: ex.pick(n.title, n.titleEn),
      points: n.points,
      applicableMax: n.applicableMax,
      status: n.status,
      flags: n.flags,
      lost: isLost(n),
      ...(self ? { selfPoints: self.points } : {}),
      rule: node ? ex.rule(node) : '',
      steps: (n.trace?.steps ?? []).flatMap((s) => ex.step(s, n.code) ?? []),
      improve: (n.trace?.improve ?? []).map((im) => ex.improvement(im, n.code)),
    };
  });
}
