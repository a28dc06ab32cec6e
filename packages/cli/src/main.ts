/**
 * The command runner: citty's typed argument definitions (which also produce --help), wrapped so that
 * exit codes are right — 0 success, 1 invalid input, 2 wrong usage — and no stack trace ever reaches
 * the user unless PARINDEX_DEBUG=1.
 */
import { parseArgs, type ArgsDef, type CommandDef } from 'citty';
import { commandHelp, rootHelp } from './help.js';
import { diag, ParindexError } from '@parindex/rules';
import { diagnosticText, LOCALES } from '@parindex/explain';
import { terminalText } from './format/escape.js';
import { CliError, UsageError, formatDiagnostic, preloadWorkbooks } from './io.js';
import { ENGINE_VERSION } from '@parindex/engine';

/** A command: citty definition whose run() returns the exit code. `variadic`: any number of positionals. */
// biome-ignore lint/suspicious/noExplicitAny: citty's definitions differ per command; run() is typed by each.
export type Command = CommandDef<any> & { variadic?: boolean };

/** The commands, loaded on first use (so that `--help` and small commands start fast). */
export const COMMANDS: Record<string, { description: string; load: () => Promise<Command> }> = {
  rules: { description: 'The bundled criteria sets: list, show / Các bộ tiêu chí', load: async () => (await import('./commands/rules.js')).rulesCommand },
  template: { description: 'A blank evidence file for a criteria set / Mẫu tệp minh chứng', load: async () => (await import('./commands/template.js')).templateCommand },
  validate: { description: 'Check set, evidence and appraisal files / Kiểm tra tệp', load: async () => (await import('./commands/validate.js')).validateCommand },
  score: { description: 'Score an evidence file / Chấm điểm', load: async () => (await import('./commands/score.js')).scoreCommand },
  explain: { description: 'Explain every point and how to raise it / Giải thích từng điểm', load: async () => (await import('./commands/explain.js')).explainCommand },
  diff: { description: 'Compare two scores criterion by criterion / So sánh hai kết quả', load: async () => (await import('./commands/diff.js')).diffCommand },
  rank: { description: 'Score many units with one set and rank them / Xếp hạng', load: async () => (await import('./commands/rank.js')).rankCommand },
  plan: { description: 'Reform plans: tasks, progress, targets / Kế hoạch CCHC', load: async () => (await import('./commands/plan.js')).planCommand },
  import: { description: 'Read a filled workbook (.xlsx) into an evidence or appraisal file / Đọc sổ tính đã điền', load: async () => (await import('./commands/import.js')).importCommand },
  appraisal: { description: 'Start an appraisal file for an evidence file / Tạo tệp thẩm định', load: async () => (await import('./commands/appraisal.js')).appraisalCommand },
  serve: { description: 'Serve the JSON API and the web page / Chạy API JSON và trang web', load: async () => (await import('./commands/serve.js')).serveCommand },
};

export const root: CommandDef<ArgsDef> = {
  meta: { name: 'parindex', version: ENGINE_VERSION, description: 'Chấm điểm Chỉ số CCHC chính xác, minh bạch / exact, explainable PAR Index scoring' },
  subCommands: Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, { meta: { name, description: c.description } }])),
};

/** The language of the whole run, read from the arguments before anything else (help follows it too). */
let runLang: 'vi' | 'en' = 'vi';

async function usage(cmd: CommandDef<ArgsDef>, parent?: CommandDef<ArgsDef>): Promise<string> {
  if (cmd === root) return rootHelp(Object.keys(COMMANDS), ENGINE_VERSION, runLang);
  const name = (cmd.meta as { name?: string } | undefined)?.name ?? '';
  const parentName = parent && parent !== root ? ((parent.meta as { name?: string } | undefined)?.name ?? '') : '';
  return commandHelp(cmd, parentName ? `${parentName} ${name}` : name, runLang);
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase());

/** Reject unknown options and options that need a value but have none. */
export function checkOptions(argv: string[], defs: ArgsDef): void {
  const known = new Map<string, { type: string | undefined }>();
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === 'positional') continue;
    const alias = (def as { alias?: string | string[] }).alias;
    for (const n of [name, kebab(name), ...(Array.isArray(alias) ? alias : alias ? [alias] : [])]) known.set(n, { type: def.type });
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-' || /^-[0-9]/.test(a)) continue;
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    let def = known.get(name);
    if (!def && name.startsWith('no-') && known.get(name.slice(3))?.type === 'boolean') def = known.get(name.slice(3));
    if (!def) throw new UsageError(diag('USAGE_UNKNOWN_OPTION', '', { option: a.split('=')[0]! }));
    if ((def.type === 'string' || def.type === 'enum') && eq < 0) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-[0-9]/.test(next))) throw new UsageError(diag('USAGE_OPTION_VALUE', '', { option: a }));
      i++;
    }
  }
}

/**
 * The arguments, parsed by citty once its own checks can no longer fail: a missing argument and a value
 * outside an option's choices are found here first, as data (citty's errors are English sentences).
 * No option of parindex is required; citty's check of one would surface as an internal error.
 */
function parseChecked(argv: string[], defs: ArgsDef, cmd: Command): ReturnType<typeof parseArgs> {
  const relaxed: ArgsDef = {};
  for (const [name, def] of Object.entries(defs)) relaxed[name] = def.type === 'enum' ? { ...def, type: 'string' } : { ...def, required: false };
  const loose = parseArgs(argv, relaxed) as Record<string, unknown>;
  for (const [name, def] of Object.entries(defs)) {
    const value = loose[name];
    if (def.type === 'positional' && value === undefined && def.default === undefined && def.required !== false) {
      // Named as the usage line of --help names it, in the run's language: <tệp.xlsx>, <file.xlsx>.
      const hint = (def as { valueHint?: string }).valueHint ?? name;
      throw new UsageError(diag('USAGE_MISSING_ARGUMENT', '', { argument: `<${LOCALES[runLang].help.placeholder[hint] ?? hint}>` }), { cause: cmd });
    }
    const options = def.type === 'enum' ? (def.options ?? []) : [];
    if (value !== undefined && options.length > 0 && !options.includes(String(value)))
      throw new UsageError(diag('USAGE_INVALID_VALUE', '', { option: `--${kebab(name)}`, value: String(value), allowed: [...options] }), { cause: cmd });
  }
  return parseArgs(argv, defs);
}

/** Run `cmd` (`path` is its name after "parindex": "plan status"); a usage error names the command it is of. */
async function runCommand(cmd: Command, argv: string[], parent: CommandDef<ArgsDef>, path: string): Promise<number> {
  try {
    return await runChecked(cmd, argv, parent, path);
  } catch (e) {
    if (e instanceof UsageError) e.command ??= path;
    throw e;
  }
}

async function runChecked(cmd: Command, argv: string[], parent: CommandDef<ArgsDef>, path: string): Promise<number> {
  const sub = cmd.subCommands as Record<string, Command> | undefined;
  if (sub) {
    const first = argv[0];
    if (first === undefined || first === '--help' || first === '-h') {
      process[first ? 'stdout' : 'stderr'].write(await usage(cmd, parent));
      return first ? 0 : 2;
    }
    const next = sub[first];
    if (!next) throw new UsageError(diag('USAGE_UNKNOWN_COMMAND', '', { command: first, commands: Object.keys(sub) }), { cause: cmd });
    return runCommand(next, argv.slice(1), cmd, `${path} ${first}`);
  }
  const until = argv.indexOf('--');
  const head = until >= 0 ? argv.slice(0, until) : argv;
  if (head.includes('--help') || head.includes('-h')) {
    process.stdout.write(await usage(cmd, parent));
    return 0;
  }
  const defs = (cmd.args ?? {}) as ArgsDef;
  checkOptions(argv, defs);
  const args = parseChecked(argv, defs, cmd);
  const positionals = Object.values(defs).filter((d) => d.type === 'positional').length;
  if (!cmd.variadic && args._.length > positionals) throw new UsageError(diag('USAGE_UNEXPECTED_ARGUMENT', '', { argument: String(args._[positionals]) }), { cause: cmd });
  // A workbook (.xlsx) given where a file is read is read first, as the evidence or appraisal it holds.
  if ((cmd.meta as { name?: string } | undefined)?.name !== 'import')
    await preloadWorkbooks(
      [
        ...args._,
        ...Object.entries(args)
          .filter(([k]) => k !== 'out')
          .map(([, v]) => v),
      ],
      typeof args.rules === 'string' ? args.rules : undefined,
    );
  const code = await cmd.run!({ rawArgs: argv, args, cmd } as never);
  return typeof code === 'number' ? code : 0;
}

/**
 * @internal Run a command line; resolves to the exit code, or throws a UsageError, CliError or
 * ParindexError for main() to print (tests read the diagnostics of the errors).
 */
export async function dispatch(argv: string[]): Promise<number> {
  const first = argv[0];
  if (first === undefined) {
    process.stderr.write(await usage(root));
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(await usage(root));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(ENGINE_VERSION + '\n');
    return 0;
  }
  const entry = COMMANDS[first];
  if (!entry) throw new UsageError(diag('USAGE_UNKNOWN_COMMAND', '', { command: first, commands: Object.keys(COMMANDS) }));
  return await runCommand(await entry.load(), argv.slice(1), root, first);
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const lang = argv.some((a, i) => (a === '--lang' && argv[i + 1] === 'en') || a === '--lang=en') ? 'en' : 'vi';
  runLang = lang;
  try {
    return await dispatch(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      // The sentence may quote an argument or a file name (anything the shell passes): escaped.
      const help = `parindex ${e.command ? `${e.command} ` : ''}--help`;
      process.stderr.write(`parindex: ${terminalText(diagnosticText(e.diagnostic, lang))}\n${LOCALES[lang].help.seeHelp(help)}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d, lang) + '\n');
      return e.exitCode;
    }
    if (e instanceof ParindexError) {
      for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d, lang) + '\n');
      return 1;
    }
    const err = e as Error;
    const what = terminalText(`${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`);
    process.stderr.write(`parindex: ${LOCALES[lang].help.internalError(what)}\n`);
    if (process.env.PARINDEX_DEBUG === '1' && err?.stack) process.stderr.write(err.stack + '\n');
    return 1;
  }
}
