/** Options shared by the commands, and the helpers that turn a document into output. */
import { diag, type Diagnostic } from '@parindex/rules';
import type { Doc, Format } from '@parindex/explain';
import { json, render } from '../format/render.js';
import { formatDiagnostic, UsageError } from '../io.js';
import { writeOutput } from '../output.js';
import { scoreFiles, type Scored } from '../load.js';
import type { Lang } from '../numbers.js';

export const FORMATS = ['table', 'json', 'md', 'html', 'csv'] as const;

export const formatArg = {
  type: 'enum' as const,
  options: ['table', 'json', 'md', 'html', 'csv'],
  default: 'table',
  description: 'Output format: table (terminal), json (engine data), md, html (printable report), csv (UTF-8 with BOM)',
};
export const langArg = { type: 'enum' as const, options: ['vi', 'en'], default: 'vi', description: 'Language of labels and messages (Vietnamese by default)' };
export const outArg = { type: 'string', valueHint: 'file', description: 'Write the output to this file instead of the terminal' } as const;
export const quietArg = { type: 'boolean', description: 'Print no warnings or progress on stderr' } as const;

/** The output options every command takes: --format, --lang, --out, --quiet. */
export const outputArgs = { format: formatArg, lang: langArg, out: outArg, quiet: quietArg } as const;
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

export function ctxOf(args: Record<string, unknown>): Ctx {
  return {
    lang: args.lang === 'en' ? 'en' : 'vi',
    format: (FORMATS as readonly string[]).includes(String(args.format)) ? (args.format as Format) : 'table',
    out: typeof args.out === 'string' && args.out !== '' ? args.out : undefined,
    quiet: args.quiet === true,
  };
}

/** Write a document in the chosen format, or `data` as JSON. */
export function emit(ctx: Ctx, doc: Doc, data: unknown): void {
  writeOutput(ctx.format === 'json' ? json(data) : render(doc, ctx.format, ctx.lang), ctx.out);
}

/** Warnings and errors to stderr, one per line (warnings hidden with --quiet). */
export function printDiagnostics(list: readonly Diagnostic[], ctx: Pick<Ctx, 'lang' | 'quiet'>): void {
  for (const d of list) {
    if (ctx.quiet && d.severity === 'warning') continue;
    process.stderr.write(formatDiagnostic(d, ctx.lang) + '\n');
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
