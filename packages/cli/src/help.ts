/**
 * --help in the language asked for: the usage line, the arguments and options of a command (from its
 * citty definition) with their descriptions from the locales, or the list of commands.
 */
import type { ArgsDef, CommandDef } from 'citty';
import { LOCALES, type Format, type Lang } from '@parindex/explain';

type Def = ArgsDef[string] & { valueHint?: string; default?: unknown; options?: readonly string[]; required?: boolean };

const kebab = (s: string) => s.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase());

/** The description of an option or argument of `path` ("score", "rules show"), in the locale. */
function optionText(path: string, name: string, def: Def, lang: Lang): string {
  const h = LOCALES[lang].help;
  // --format says what each of its choices is, the choices of this command only (its own list, as it checks them).
  const formats = name === 'format' && def.options ? h.formatOption(def.options.map((f) => h.formats[f as Format] ?? f).join(', ')) : undefined;
  const text = h.option[`${path}.${name}`] ?? formats ?? h.option[name] ?? def.description ?? '';
  const extra = [def.required && def.type === 'positional' ? h.required : '', def.default !== undefined && def.type !== 'positional' ? `${h.defaultIs}: ${String(def.default)}` : ''].filter(Boolean);
  return extra.length ? `${text} (${extra.join('; ')})` : text;
}

function table(rows: Array<[string, string]>): string {
  const width = rows.reduce((w, [a]) => Math.max(w, a.length), 0);
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`).join('\n');
}

/** The usage of one command; `path` is its name after "parindex" ("rules show"). */
export function commandHelp(cmd: CommandDef<ArgsDef>, path: string, lang: Lang): string {
  const h = LOCALES[lang].help;
  const defs = Object.entries((cmd.args ?? {}) as Record<string, Def>);
  const positionals = defs.filter(([, d]) => d.type === 'positional');
  const options = defs.filter(([, d]) => d.type !== 'positional');
  const sub = cmd.subCommands as Record<string, unknown> | undefined;
  // What stands for a value, in this language ("<tệp>"); literal values (vi|en) as they are.
  const hint = (raw: string) => h.placeholder[raw] ?? raw;
  const usage = `parindex ${path}${sub ? ` <${Object.keys(sub).join('|')}>` : ''}${options.length ? ` [${h.options}]` : ''}${positionals.map(([n, d]) => (d.required ? ` <${hint(d.valueHint ?? n)}>` : ` [${hint(d.valueHint ?? n)}]`)).join('')}`;
  const parts = [`${h.command[path] ?? ''}`, '', `${h.usage}: ${usage}`];
  if (sub) parts.push('', `${h.commands}:`, table(Object.keys(sub).map((n) => [n, h.command[`${path} ${n}`] ?? '']) as Array<[string, string]>), '', h.more(`${path} <…>`));
  if (positionals.length) parts.push('', `${h.arguments}:`, table(positionals.map(([n, d]) => [`<${hint(d.valueHint ?? n)}>`, optionText(path, n, d, lang)])));
  if (options.length)
    parts.push(
      '',
      `${h.options}:`,
      table(
        options.map(([n, d]) => [`--${kebab(n)}${d.type === 'boolean' ? '' : `=<${d.valueHint !== undefined ? hint(d.valueHint) : (d.options?.join('|') ?? 'x')}>`}`, optionText(path, n, d, lang)]),
      ),
    );
  return parts.join('\n') + '\n';
}

/** The list of commands. */
export function rootHelp(commands: readonly string[], version: string, lang: Lang): string {
  const h = LOCALES[lang].help;
  return [
    `${h.command.parindex} (parindex ${version})`,
    '',
    `${h.usage}: parindex <…> [${h.options}]`,
    '',
    `${h.commands}:`,
    table(commands.map((c) => [c, h.command[c] ?? ''])),
    '',
    h.more('<…>'),
    '',
  ].join('\n');
}
