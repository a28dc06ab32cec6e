/**
 * The parts of the index (e.g. assessment and survey) with their points as published, and how the
 * total came from them: which rule the set declares (policies.partsInTotal) and, when asked, why the
 * total differs from the sum of the printed parts (the total computed from the exact parts).
 */
import type { ScoreResult } from '@parindex/engine';
import { dec } from '@parindex/rules';
import type { Block } from '../document.js';
import type { Explainer } from '../explainer.js';
import type { StepOf } from '../locale.js';

/** "a + b = s" in the language's numbers. */
function sumText(values: string[], total: string, ex: Explainer): string {
  return `${values.map((v) => ex.say.n(v)).join(' + ')} = ${ex.say.n(total)}`;
}

/** The sentence saying why the total is not the sum of the printed parts, or null when it is. */
function differs(r: ScoreResult, step: StepOf<'partsTotal'>, ex: Explainer): string | null {
  const t = r.totals;
  if (step.rule !== 'exactParts') return null;
  const printed = dec(step.printed).plus(dec(t.bonus)).minus(dec(t.penalty));
  const total = dec(t.points);
  if (printed.eq(total)) return null;
  const extra = (xs: string[]) => [...xs, ...(dec(t.bonus).isZero() ? [] : [t.bonus]), ...(dec(t.penalty).isZero() ? [] : [`-${t.penalty}`])];
  const printedText = sumText(extra(t.parts.map((p) => p.points)), printed.toFixed(), ex);
  const exactText = sumText(extra(t.parts.map((p) => p.exact ?? p.points)), dec(step.exact).plus(dec(t.bonus)).minus(dec(t.penalty)).toFixed(), ex);
  return ex.phrases.totalDiffers(
    ex.say.n(t.points),
    printedText,
    exactText,
    ex.say.n(printed.minus(total).abs().toFixed()),
    t.steps.some((s) => s.kind === 'round' && s.level === 'total'),
  );
}

/**
 * The parts' block: nothing for a set of one part that rounds nothing (its total says it all); with
 * `why`, the sentence on a total that differs from the sum of its printed parts.
 */
export function partsBlocks(r: ScoreResult, ex: Explainer, why: boolean): Block[] {
  const parts = r.totals.parts;
  const step = r.totals.steps.find((s): s is StepOf<'partsTotal'> => s.kind === 'partsTotal');
  if (parts.length < 2 && !step) return [];
  const rows: Array<[string, string]> = parts.map((p) => [
    ex.say.indexPart(p.part),
    ex.phrases.partRow(ex.say.n(p.points), ex.say.n(p.applicableMax), p.exact !== undefined && p.exact !== p.points ? ex.say.n(p.exact) : undefined),
  ]);
  const blocks: Block[] = [
    // An appraised result's parts are the round's, not the unit's own: the heading says which.
    { kind: 'heading', text: r.stage === 'self' ? ex.phrases.partsHeading : `${ex.phrases.partsHeading} (${ex.stage(r.stage)})` },
    { kind: 'kv', rows },
  ];
  if (step) blocks.push({ kind: 'para', text: ex.phrases.partsRule(step.rule) });
  const sentence = why && step ? differs(r, step, ex) : null;
  if (sentence) blocks.push({ kind: 'para', text: sentence });
  return blocks;
}
