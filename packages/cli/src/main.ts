/**
 * The command runner: citty's typed argument definitions (which also produce --help), wrapped so that
 * exit codes are right — 0 success, 1 invalid input, 2 wrong usage — and no stack trace ever reaches
 * the user unless PARINDEX_DEBUG=1.
 */
import { parseArgs, type ArgsDef, type CommandDef } from 'citty';
import { commandHelp, rootHelp } from './help.js';
import { ParindexError } from '@parindex/rules';
import { terminalText } from './format/escape.js';
import { CliError, UsageError, formatDiagnostic } from './io.js';
import { ENGINE_VERSION } from '@parindex/engine';

/** A command: citty definition whose run() returns the exit code. `variadic`: any number of positionals. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
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
};

export const root: CommandDef<ArgsDef> = {
  meta: { name: 'parindex', version: ENGINE_VERSION, description: 'Chấm điểm Chỉ số CCHC chính xác, minh bạch / exact, explainable PAR Index scoring' },
  subCommands: Object.fromEntries(Object.entries(COMMANDS).map(([name, c]) => [name, { meta: { name, description: c.description } }])),
};

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

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
    if (!def) throw new UsageError(`Unknown option ${a.split('=')[0]}`, { vi: `Không có tùy chọn ${a.split('=')[0]}` });
    if ((def.type === 'string' || def.type === 'enum') && eq < 0) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-[0-9]/.test(next))) throw new UsageError(`Option ${a} needs a value`, { vi: `Tùy chọn ${a} cần một giá trị` });
      i++;
    }
  }
}

async function runCommand(cmd: Command, argv: string[], parent: CommandDef<ArgsDef>): Promise<number> {
  const sub = cmd.subCommands as Record<string, Command> | undefined;
  if (sub) {
    const first = argv[0];
    if (first === undefined || first === '--help' || first === '-h') {
      process[first ? 'stdout' : 'stderr'].write(await usage(cmd, parent));
      return first ? 0 : 2;
    }
    const next = sub[first];
    if (!next) throw new UsageError(`Unknown command "${first}". Commands: ${Object.keys(sub).join(', ')}`, { cause: cmd, vi: `Không có lệnh "${first}". Các lệnh: ${Object.keys(sub).join(', ')}` });
    return runCommand(next, argv.slice(1), cmd);
  }
  const until = argv.indexOf('--');
  const head = until >= 0 ? argv.slice(0, until) : argv;
  if (head.includes('--help') || head.includes('-h')) {
    process.stdout.write(await usage(cmd, parent));
    return 0;
  }
  const defs = (cmd.args ?? {}) as ArgsDef;
  checkOptions(argv, defs);
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv, defs);
  } catch (e) {
    throw new UsageError(stripAnsi((e as Error).message), { cause: cmd, vi: `Thiếu hoặc sai tham số: ${stripAnsi((e as Error).message)}` });
  }
  const positionals = Object.values(defs).filter((d) => d.type === 'positional').length;
  if (!cmd.variadic && args._.length > positionals) throw new UsageError(`Unexpected argument "${args._[positionals]}"`, { cause: cmd, vi: `Thừa tham số "${args._[positionals]}"` });
  const code = await cmd.run!({ rawArgs: argv, args, cmd } as never);
  return typeof code === 'number' ? code : 0;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const lang = argv.some((a, i) => (a === '--lang' && argv[i + 1] === 'en') || a === '--lang=en') ? 'en' : 'vi';
  runLang = lang;
  try {
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
    if (!entry) throw new UsageError(`Unknown command "${first}". Commands: ${Object.keys(COMMANDS).join(', ')}`, { vi: `Không có lệnh "${first}". Các lệnh: ${Object.keys(COMMANDS).join(', ')}` });
    return await runCommand(await entry.load(), argv.slice(1), root);
  } catch (e) {
    if (e instanceof UsageError) {
      const vi = lang === 'vi';
      // The sentence may quote an argument or a file name (anything the shell passes): escaped.
      process.stderr.write(`parindex: ${terminalText(vi ? e.messageVi ?? e.message : e.message)}\n${vi ? 'Xem hướng dẫn' : 'See'}: parindex ${argv[0] && COMMANDS[argv[0]] ? argv[0] + ' ' : ''}--help\n`);
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
    process.stderr.write(
      lang === 'vi'
        ? `parindex: lỗi nội bộ (${what}). Đặt PARINDEX_DEBUG=1 để xem chi tiết và báo lỗi.\n`
        : `parindex: internal error (${what}). Set PARINDEX_DEBUG=1 for details and report it.\n`,
    );
    if (process.env.PARINDEX_DEBUG === '1' && err?.stack) process.stderr.write(err.stack + '\n');
    return 1;
  }
}
