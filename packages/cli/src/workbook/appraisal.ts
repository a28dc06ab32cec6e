/**
 * The appraisers' workbook on the command line: `template --appraisal evidence.json --format xlsx`
 * (the workbook itself is @parindex/workbook's) and `appraisal init` for those who prefer JSON.
 */
import { diag, ParindexError } from '@parindex/rules';
import { appraisalWorkbook } from '@parindex/workbook';
import { hashJson } from '../engine.js';
import { CliError, detectKind, type JsonFile } from '../io.js';
import { compiledForEvidence, mustRead } from '../load.js';
import type { Lang } from '../numbers.js';
import { writeNewOutput } from '../output.js';
import { json } from '../format/render.js';
import type { TemplateWorkbookArgs } from './command.js';

/** An evidence file (JSON or workbook); an appraisers' workbook or any other file is refused. */
function evidenceFile(file: string): JsonFile {
  const f = mustRead(file);
  if ('kind' in f && f.kind === 'appraisal') throw new CliError([{ ...diag('WORKBOOK_KIND', '', { kind: 'appraisal', need: 'evidence' }), file }]);
  const kind = detectKind(f.value!);
  if (kind === 'plan' || kind === 'progress') throw new CliError([{ ...diag('PLAN_FILE_KIND', '', { need: 'evidence', found: kind }), file, line: 1, column: 1 }]);
  if (kind !== 'evidence') throw new CliError([{ ...diag('FILE_KIND_UNKNOWN', '', { need: 'evidence', found: kind ?? null }), file, line: 1, column: 1 }]);
  return f;
}

/** `template --appraisal <evidence> --format xlsx`. */
export async function appraisalTemplate(args: TemplateWorkbookArgs, lang: Lang): Promise<number> {
  const evidence = evidenceFile(args.appraisal!);
  const compiled = await compiledForEvidence(evidence, args.rules);
  let bytes: Uint8Array;
  try {
    bytes = await appraisalWorkbook(compiled, evidence.value!, lang);
  } catch (e) {
    if (e instanceof ParindexError) throw new CliError(e.diagnostics.map((d) => ({ ...d, file: evidence.file })));
    throw e;
  }
  writeNewOutput(Buffer.from(bytes), args.out, args.force);
  return 0;
}

/** `appraisal init <evidence>`: an appraisal file with an empty first round, bound to the evidence. */
export async function appraisalInit(file: string, rules: string | undefined, out: string | undefined, force = false): Promise<number> {
  const evidence = evidenceFile(file);
  const compiled = await compiledForEvidence(evidence, rules);
  const unit = (evidence.value!.unit ?? {}) as { code?: unknown };
  const appraisal = {
    formatVersion: 1,
    criteriaSet: compiled.ref,
    evidence: { unit: String(unit.code ?? ''), sha256: hashJson(evidence.value), file: file.slice(-1000) },
    rounds: [{ id: 'round1', kind: 'appraisal', items: [] }],
  };
  writeNewOutput(json(appraisal), out, force);
  return 0;
}
