/**
 * `parindex diff <a> [b]`: what changed, criterion by criterion, and why. a and b are evidence files
 * (scored here, optionally with --appraisal-a/--round-a, --appraisal-b/--round-b) or saved results
 * (`score --format json`). With one evidence file and --appraisal: the self-score against the round.
 */
import { defineCommand } from 'citty';
import { diag } from '@parindex/rules';
import { extra, type CompiledSet, type ScoreResult } from '../engine.js';
import { createExplainer, diffDocument, type OptionLabel } from '@parindex/explain';
import { CliError, UsageError, detectKind, type JsonFile } from '../io.js';
import { compiledFor, mustRead, savedResultDiagnostics, scoreFiles } from '../load.js';

import { emit, outputOptions, printDiagnostics, rulesArg } from './common.js';

/** A saved result, checked against the result schema as validate checks it (diff read anything it was given). */
async function asResult(f: JsonFile): Promise<ScoreResult> {
  const v = f.value as Record<string, unknown>;
  if (v.formatVersion !== 1 || typeof v.provenance !== 'object' || !Array.isArray(v.fields)) {
    throw new CliError([{ ...diag('FILE_KIND_UNKNOWN', '', { need: 'savedResult' }), file: f.file, line: 1, column: 1 }]);
  }
  const problems = await savedResultDiagnostics(f, 'refused');
  if (problems.length > 0) throw new CliError(problems);
  return v as unknown as ScoreResult;
}

/**
 * The labels of answers and levels for the reasons' sentences, from B's set (else A's): the set scored,
 * or for a saved result the set its provenance names, when it can be found (else the ids are shown).
 */
async function optionLabels(sets: ReadonlyArray<CompiledSet | undefined>, results: readonly ScoreResult[], rules: string | undefined, lang: 'vi' | 'en'): Promise<OptionLabel | undefined> {
  let compiled = sets[1] ?? sets[0];
  for (const r of [...results].reverse()) {
    if (compiled) break;
    compiled = await compiledFor(r.provenance.criteriaSet.ref, rules).catch(() => undefined);
  }
  return compiled && createExplainer(compiled, lang).say.option;
}

/** The formats this command writes: --help lists them, and any other is refused. */
const output = outputOptions();

export const diffCommand = defineCommand({
  meta: { name: 'diff', description: 'Compare two scores criterion by criterion: self vs appraisal, round vs round, year vs year / So sánh' },
  args: {
    a: { type: 'positional', required: true, description: 'Evidence file or saved result (JSON of score --format json)', valueHint: 'a' },
    b: { type: 'positional', required: false, description: 'Evidence file or saved result; omit with --appraisal to compare self-score and the round', valueHint: 'b' },
    appraisal: { type: 'string', valueHint: 'file', description: 'With one evidence file: compare its self-score with this appraisal round' },
    round: { type: 'string', valueHint: 'id', description: 'Round of --appraisal (default: the last)' },
    'appraisal-a': { type: 'string', valueHint: 'file', description: 'Appraisal file for a' },
    'round-a': { type: 'string', valueHint: 'id', description: 'Round of --appraisal-a' },
    'appraisal-b': { type: 'string', valueHint: 'file', description: 'Appraisal file for b' },
    'round-b': { type: 'string', valueHint: 'id', description: 'Round of --appraisal-b' },
    rules: rulesArg,
    all: { type: 'boolean', description: 'List unchanged criteria too' },
    ...output.args,
  },
  async run({ args }) {
    const ctx = output.ctx(args);
    const { lang } = ctx;
    let ra: ScoreResult;
    let rb: ScoreResult;
    let places = 2;
    const sets: Array<CompiledSet | undefined> = [undefined, undefined];
    const said = new Set<string>();
    const load = async (side: 0 | 1, file: string, appraisal?: string, round?: string): Promise<ScoreResult> => {
      const f = mustRead(file);
      if (detectKind(f.value!) === 'result') {
        if (appraisal) throw new UsageError(diag('USAGE_APPRAISAL_ON_RESULT', '', { file }));
        return await asResult(f);
      }
      const s = await scoreFiles(file, { rules: args.rules, appraisal, round });
      printDiagnostics(s.warnings, ctx, said);
      places = s.compiled.set.displayPlaces ?? places;
      sets[side] = s.compiled;
      return s.round ?? s.self;
    };
    if (args.b === undefined) {
      if (!args.appraisal) throw new UsageError(diag('USAGE_DIFF_FILES', '', {}));
      const s = await scoreFiles(args.a, { rules: args.rules, appraisal: args.appraisal, round: args.round });
      printDiagnostics(s.warnings, ctx);
      places = s.compiled.set.displayPlaces ?? places;
      sets[0] = s.compiled;
      ra = s.self;
      rb = s.round!;
    } else {
      if (args.appraisal || args.round) throw new UsageError(diag('USAGE_DIFF_SIDES', '', {}));
      if (args['round-a'] && !args['appraisal-a']) throw new UsageError(diag('USAGE_OPTION_REQUIRES', '', { option: '--round-a', requires: '--appraisal-a' }));
      if (args['round-b'] && !args['appraisal-b']) throw new UsageError(diag('USAGE_OPTION_REQUIRES', '', { option: '--round-b', requires: '--appraisal-b' }));
      ra = await load(0, args.a, args['appraisal-a'], args['round-a']);
      rb = await load(1, args.b, args['appraisal-b'], args['round-b']);
    }
    const { diffResults } = await extra();
    const d = diffResults(ra, rb);
    const option = await optionLabels(sets, [ra, rb], args.rules, lang);
    emit(ctx, diffDocument(d, ra, rb, lang, { all: args.all === true, places, option }), d);
    return 0;
  },
});
