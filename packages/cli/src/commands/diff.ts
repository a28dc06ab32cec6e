/**
 * `parindex diff <a> [b]`: what changed, criterion by criterion, and why. a and b are evidence files
 * (scored here, optionally with --appraisal-a/--round-a, --appraisal-b/--round-b) or saved results
 * (`score --format json`). With one evidence file and --appraisal: the self-score against the round.
 */
import { defineCommand } from 'citty';
import { diag } from '@parindex/rules';
import { extra, type ScoreResult } from '../engine.js';
import { diffDocument } from '@parindex/explain';
import { CliError, UsageError, detectKind, type JsonFile } from '../io.js';
import { mustRead, savedResultDiagnostics, scoreFiles } from '../load.js';

import { ctxOf, emit, outputArgs, printDiagnostics, rulesArg } from './common.js';

/** A saved result, checked against the result schema as validate checks it (diff read anything it was given). */
async function asResult(f: JsonFile): Promise<ScoreResult> {
  const v = f.value as Record<string, unknown>;
  if (v.formatVersion !== 1 || typeof v.provenance !== 'object' || !Array.isArray(v.fields)) {
    throw new CliError([{ ...diag('FILE_KIND_UNKNOWN', '', { hint: 'a saved result needs "formatVersion": 1, "provenance" and "fields" (the JSON of "parindex score --format json")', hintVi: 'tệp kết quả đã lưu cần có "formatVersion": 1, "provenance" và "fields" (JSON của "parindex score --format json")' }), file: f.file, line: 1, column: 1 }]);
  }
  const problems = await savedResultDiagnostics(f);
  if (problems.length > 0) throw new CliError(problems);
  return v as unknown as ScoreResult;
}

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
    ...outputArgs,
  },
  async run({ args }) {
    const ctx = ctxOf(args);
    const { lang } = ctx;
    let ra: ScoreResult;
    let rb: ScoreResult;
    let places = 2;
    const load = async (file: string, appraisal?: string, round?: string): Promise<ScoreResult> => {
      const f = mustRead(file);
      if (detectKind(f.value!) === 'result') {
        if (appraisal) throw new UsageError(`${file} is a saved result; an appraisal applies to evidence files only`, { vi: `${file} là kết quả đã lưu; tệp thẩm định chỉ áp dụng cho tệp minh chứng` });
        return await asResult(f);
      }
      const s = await scoreFiles(file, { rules: args.rules, appraisal, round });
      printDiagnostics(s.warnings, ctx);
      places = s.compiled.set.displayPlaces ?? places;
      return s.round ?? s.self;
    };
    if (args.b === undefined) {
      if (!args.appraisal) throw new UsageError('diff needs two files, or one evidence file with --appraisal', { vi: 'diff cần hai tệp, hoặc một tệp minh chứng kèm --appraisal' });
      const s = await scoreFiles(args.a, { rules: args.rules, appraisal: args.appraisal, round: args.round });
      printDiagnostics(s.warnings, ctx);
      places = s.compiled.set.displayPlaces ?? places;
      ra = s.self;
      rb = s.round!;
    } else {
      if (args.appraisal || args.round) throw new UsageError('with two files use --appraisal-a/--round-a and --appraisal-b/--round-b', { vi: 'với hai tệp, dùng --appraisal-a/--round-a và --appraisal-b/--round-b' });
      if (args['round-a'] && !args['appraisal-a']) throw new UsageError('--round-a needs --appraisal-a', { vi: '--round-a cần --appraisal-a' });
      if (args['round-b'] && !args['appraisal-b']) throw new UsageError('--round-b needs --appraisal-b', { vi: '--round-b cần --appraisal-b' });
      ra = await load(args.a, args['appraisal-a'], args['round-a']);
      rb = await load(args.b, args['appraisal-b'], args['round-b']);
    }
    const { diffResults } = await extra();
    const d = diffResults(ra, rb);
    emit(ctx, diffDocument(d, ra, rb, lang, { all: args.all === true, places }), d);
    return 0;
  },
});
