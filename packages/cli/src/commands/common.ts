/** Options shared by the commands, and the helpers that turn a document into output. */
import { diag, type Diagnostic } from '@parindex/rules';
import type { Doc, Format } from '@parindex/explain';
import { json, render } from '../format/render.js';
import { formatDiagnostic, UsageError } from '../io.js';
import { writeOutput } from '../output.js';
import { compiledFor, scoreFiles, type Scored } from '../load.js';
import type { CompiledSet } from '../engine.js';
import type { Lang } from '../numbers.js';

export const FORMATS = ['table', 'json', 'md', 'html', 'csv', 'docx', 'xlsx'] as const;
/** The text formats every command writes; a command offers the binary ones (docx, xlsx) it can make. */
const TEXT_FORMATS = ['table', 'json', 'md', 'html', 'csv'] as const;
export type BinaryFormat = 'docx' | 'xlsx';

/** The formats a command writes: the text formats, then the binary ones it can make. */
export function formatsOf(binary: readonly BinaryFormat[]): Format[] {
  return [...TEXT_FORMATS, ...binary];
}

/** --format of a command that makes the binary formats `binary`: its choices are exactly what the command writes. */
function formatArg(binary: readonly BinaryFormat[]) {
  return { type: 'enum' as const, options: formatsOf(binary), default: 'table', description: 'Output format' };
}
export const langArg = { type: 'enum' as const, options: ['vi', 'en'], default: 'vi', description: 'Language of labels and messages (Vietnamese by default)' };
export const outArg = { type: 'string', valueHint: 'file', description: 'Write the output to this file instead of the terminal' } as const;
export const quietArg = { type: 'boolean', description: 'Print no warnings or progress on stderr' } as const;
export const forceArg = { type: 'boolean', description: 'Replace the --out file if it exists (it may be the filled one)' } as const;

/**
 * The output options of a command that writes the text formats and the binary formats in `binary`:
 * `args` (--format, --lang, --out, --quiet; --help lists the --format choices from `binary`) and
 * `ctx`, which reads them and refuses any other format, from the same list.
 */
export function outputOptions(binary: readonly BinaryFormat[] = []) {
  return {
    args: { format: formatArg(binary), lang: langArg, out: outArg, quiet: quietArg },
    ctx: (args: Record<string, unknown>, stdout: { isTTY?: boolean } = process.stdout): Ctx => ctxOf(args, binary, stdout),
  } as const;
}
export const rulesArg = { type: 'string', valueHint: 'file', description: 'Use this criteria-set file instead of the bundled set named by the evidence' } as const;
export const appraisalArg = { type: 'string', valueHint: 'file', description: 'Appraisal file (thẩm định): score the appraisal round as well' } as const;
export const planArg = { type: 'string', valueHint: 'file', description: "Reform plan file (kế hoạch): derive the plan criteria's inputs from its tasks" } as const;
export const progressArg = { type: 'string', valueHint: 'file', description: 'Progress file of the plan (tiến độ): status and products of its tasks (needs --plan)' } as const;
export const roundArg = { type: 'string', valueHint: 'id', description: 'Appraisal round id (round1, answer, round2…); default: the last round' } as const;

export interface Ctx {
  lang: Lang;
  format: Format;
  out: string | undefined;
  quiet: boolean;
}

/**
 * The output options of a command that writes the text formats and the binary formats in `binary`
 * (none unless told). Another binary format is a usage error, listing what this command writes; so is
 * a binary format without --out when stdout is a terminal (a pipe or a file given with > is fine).
 */
export function ctxOf(args: Record<string, unknown>, binary: readonly BinaryFormat[] = [], stdout: { isTTY?: boolean } = process.stdout): Ctx {
  const ctx: Ctx = {
    lang: args.lang === 'en' ? 'en' : 'vi',
    format: (FORMATS as readonly string[]).includes(String(args.format)) ? (args.format as Format) : 'table',
    out: typeof args.out === 'string' && args.out !== '' ? args.out : undefined,
    quiet: args.quiet === true,
  };
  if (ctx.format === 'docx' || ctx.format === 'xlsx') {
    if (!binary.includes(ctx.format)) throw new UsageError(diag('USAGE_INVALID_VALUE', '', { option: '--format', value: ctx.format, allowed: formatsOf(binary) }));
    if (!ctx.out && stdout.isTTY === true) throw new UsageError(diag('USAGE_BINARY_TERMINAL', '', { format: ctx.format }));
  }
  return ctx;
}

/** Write a document in the chosen text format, or `data` as JSON. */
export function emit(ctx: Ctx, doc: Doc, data: unknown): void {
  if (ctx.format === 'docx' || ctx.format === 'xlsx') throw new Error(`emit: ${ctx.format} goes through emitAny`);
  writeOutput(ctx.format === 'json' ? json(data) : render(doc, ctx.format, ctx.lang), ctx.out);
}

/** Write a document in any format, the binary ones (docx, xlsx) included: atomically to --out, or to stdout. */
export async function emitAny(ctx: Ctx, doc: Doc, data: unknown): Promise<void> {
  if (ctx.format !== 'docx' && ctx.format !== 'xlsx') return emit(ctx, doc, data);
  // The libraries are loaded only for these formats (they are most of the CLI's size).
  const bytes = ctx.format === 'docx' ? await (await import('../format/docx.js')).renderDocx(doc, ctx.lang) : await (await import('../format/xlsx.js')).renderXlsx(doc, ctx.lang);
  writeOutput(bytes, ctx.out);
}

/** Warnings and errors to stderr, one per line (warnings hidden with --quiet); with `said`, a line said already in the run is not said again. */
export function printDiagnostics(list: readonly Diagnostic[], ctx: Pick<Ctx, 'lang' | 'quiet'>, said?: Set<string>): void {
  for (const d of list) {
    if (ctx.quiet && d.severity === 'warning') continue;
    const line = formatDiagnostic(d, ctx.lang);
    // A file read twice in one run (diff of a file with itself and its appraisal) says its problems once.
    if (said?.has(line)) continue;
    said?.add(line);
    process.stderr.write(line + '\n');
  }
}

/** The arguments `score` and `explain` share: one evidence file, optionally an appraisal round. */
export const evidenceArgs = {
  evidence: { type: 'positional', required: true, description: 'Evidence file (minh chứng)', valueHint: 'file' },
  appraisal: appraisalArg,
  round: roundArg,
  rules: rulesArg,
  plan: planArg,
  progress: progressArg,
} as const;

/** Score the evidence (and the appraisal round) named by the arguments; warnings go to stderr. */
export async function scoreFromArgs(
  args: { evidence: string; appraisal?: string | undefined; round?: string | undefined; rules?: string | undefined; plan?: string | undefined; progress?: string | undefined },
  ctx: Ctx,
): Promise<Scored> {
  if (args.round && !args.appraisal) throw new UsageError(diag('USAGE_OPTION_REQUIRES', '', { option: '--round', requires: '--appraisal' }));
  if (args.progress && !args.plan) throw new UsageError(diag('USAGE_OPTION_REQUIRES', '', { option: '--progress', requires: '--plan' }));
  const s = await scoreFiles(args.evidence, { rules: args.rules, appraisal: args.appraisal, round: args.round, plan: args.plan, progress: args.progress });
  printDiagnostics(s.warnings, ctx);
  return s;
}

/**
 * The set of `rules show` and `template`: a bundled set by id[@version], or a --rules file, read,
 * validated and compiled exactly as score's --rules (every problem located in the file, exit 1). With
 * --rules the set argument is left out.
 */
export async function setFromArgs(args: { set?: string | undefined; rules?: string | undefined }): Promise<CompiledSet> {
  const rules = typeof args.rules === 'string' && args.rules !== '' ? args.rules : undefined;
  const set = typeof args.set === 'string' && args.set !== '' ? args.set : undefined;
  if (rules && set) throw new UsageError(diag('USAGE_UNEXPECTED_ARGUMENT', '', { argument: set }));
  if (!rules && !set) throw new UsageError(diag('USAGE_MISSING_ARGUMENT', '', { argument: 'SET' }));
  return compiledFor(set, rules);
}
