/**
 * `parindex explain <evidence> [code]`: the audit trail per point. For each criterion: the rule, the
 * inputs and the documents they came from, the working and the tier taken, and what would raise it.
 * With a code: that criterion in full (a group: each of its leaves). Without: criteria that lost points
 * first, then the rest.
 */
import { defineCommand } from 'citty';
import { createExplainer, explainDocument, nodeIndex, planExplainBlocks, type ExplainOptions } from '@parindex/explain';
import { diag, nearestCode, type Diagnostic } from '@parindex/rules';
import { CliError } from '../io.js';
import { roundsOfScored, type Scored } from '../load.js';
import { emitAny, evidenceArgs, outputOptions, scoreFromArgs } from './common.js';

/**
 * The line each entry of the evidence file starts on, for the trail ("mục 11, dòng 110"). Entries a plan
 * added (after the file's own, as --plan appends them) have no line.
 */
function entryLineOf(evidence: Scored['evidence']): (entry: number) => number | undefined {
  const entries = (evidence.value as { entries?: unknown } | undefined)?.entries;
  const count = Array.isArray(entries) ? entries.length : 0;
  return (entry) => (entry < count ? evidence.locate(`/entries/${entry}`)?.line : undefined);
}

/** The cell of a value or a document, when the evidence was read from a workbook (its `cellOf` finds cells by diagnostics' places). */
function cellOfWorkbook(evidence: Scored['evidence']): ExplainOptions['cellOf'] {
  if (!('cellOf' in evidence)) return undefined;
  const find = (evidence as { cellOf(d: Diagnostic): string | undefined }).cellOf;
  return (entry, of) => {
    const path = 'input' in of ? `/entries/${entry}/values/${of.input}` : `/entries/${entry}`;
    // The finder reads a diagnostic's place only (its path, and the input or the code and document of its params).
    return find({ path, params: of } as unknown as Diagnostic);
  };
}

/** The formats this command writes: --help lists them, and any other is refused. */
const output = outputOptions(['docx']);

export const explainCommand = defineCommand({
  meta: { name: 'explain', description: 'Explain every point: rule, inputs, documents, tier taken, how to raise it / Giải thích từng điểm' },
  args: {
    ...evidenceArgs,
    code: { type: 'positional', required: false, description: 'One criterion (or field) code, e.g. 3.2', valueHint: 'code' },
    ...output.args,
  },
  async run({ args }) {
    const ctx = output.ctx(args);
    const s = await scoreFromArgs(args, ctx);
    const main = s.round ?? s.self;
    const n = args.code ? nodeIndex(main).get(args.code) : undefined;
    if (args.code && !n) {
      const suggest = nearestCode(args.code, [...nodeIndex(main).keys()]);
      throw new CliError([diag('EVIDENCE_UNKNOWN_CRITERION', '', { code: args.code, set: main.provenance.criteriaSet.ref, ...(suggest !== undefined ? { suggest } : {}) })]);
    }
    const ex = createExplainer(s.compiled, ctx.lang);
    const plan = s.plan;
    const after = plan ? (leaf: Parameters<typeof planExplainBlocks>[0]) => planExplainBlocks(leaf, plan.derivation, plan.plan.plan, ex) : undefined;
    const doc = explainDocument(main, s.round ? s.self : undefined, s.compiled, ex, args.code, {
      after,
      entryLine: entryLineOf(s.evidence),
      cellOf: cellOfWorkbook(s.evidence),
      rounds: roundsOfScored(s),
      // A value the plan gave is cited at the plan, not at the evidence entry it filled or replaced.
      planOf: plan ? (input) => (plan.derivation.inputs.some((d) => d.input === input) ? { plan: plan.plan.plan.id, progress: plan.progress !== undefined } : undefined) : undefined,
    });
    const data = n ?? main;
    await emitAny(ctx, doc, data);
    return 0;
  },
});
