/**
 * `parindex template <set>`: a blank evidence file, valid JSON, ready to fill in.
 *
 * Representation: every leaf criterion gets one entry `{ "criterion", "values": {}, "note" }` whose
 * note lists, in Vietnamese, each input to give (id, label, type, unit, options) and each required
 * document (`documents: [{ "for": id, "number", "date", "title" }]`). Values are left out rather than
 * written as null (null is not valid evidence): the blank file validates, and `validate`/`score` list
 * every input still missing (SCORE_MISSING_INPUT) until it is filled in. Set-level inputs (unit facts
 * shared by several criteria) are listed in the note of every criterion that reads them; they are given
 * once, in the "values" of any criterion entry.
 */
import { dirname, relative, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { LOCALES, pick, templateNote } from '@parindex/explain';
import { diag, kindOf, UNIT_LEVELS, type CriteriaSet, type CriterionNode, type UnitLevel } from '@parindex/rules';
import { evidenceSchema } from '../engine.js';
import { json } from '../format/render.js';
import { CliError } from '../io.js';
import { writeNewOutput, writeOutput } from '../output.js';
import type { Lang } from '../numbers.js';
import { forceArg, langArg, outArg, quietArg, setFromArgs } from './common.js';

/** The unit's level: --level (one the set is for), else the first level the set is for, else commune. */
function levelOf(set: CriteriaSet, ref: string, asked: string | undefined): UnitLevel {
  if (asked === undefined) return set.unitLevels?.[0] ?? 'commune';
  const level = asked as UnitLevel;
  if (set.unitLevels && !set.unitLevels.includes(level)) throw new CliError([diag('EVIDENCE_LEVEL_NOT_IN_SET', '/unit/level', { level, levels: [...set.unitLevels], set: ref })]);
  return level;
}

/** The schema file as the template refers to it: relative to the template's folder (or the current one), with forward slashes. */
function schemaRef(schema: string, out: string | undefined): string {
  const ref = relative(out ? dirname(resolve(out)) : process.cwd(), resolve(schema))
    .split('\\')
    .join('/');
  return ref.startsWith('.') ? ref : `./${ref}`;
}

export const templateCommand = defineCommand({
  meta: { name: 'template', description: 'A blank evidence file for a criteria set, ready to fill in / Mẫu tệp minh chứng để điền' },
  args: {
    set: { type: 'positional', required: false, description: 'Criteria set: id or id@version (not needed with --rules or --appraisal)', valueHint: 'id[@version]' },
    rules: { type: 'string', valueHint: 'file', description: 'A template for this criteria-set file instead of a bundled set' },
    unit: { type: 'string', valueHint: 'CODE', description: 'Unit code to write into the file' },
    name: { type: 'string', valueHint: 'name', description: 'Unit name to write into the file' },
    level: { type: 'enum' as const, options: [...UNIT_LEVELS], valueHint: 'level', description: "The unit's level (default: the first level the set is for, else commune)" },
    format: { type: 'enum' as const, options: ['json', 'xlsx'], default: 'json', description: 'Output format: json (an evidence file) or xlsx (the workbook an officer fills in Excel)' },
    appraisal: { type: 'string', valueHint: 'evidence', description: "With --format xlsx: the appraisers' workbook for this evidence file (or workbook)" },
    schema: { type: 'string', valueHint: 'file', description: 'Also write the JSON Schema of this set\'s evidence there; the template\'s "$schema" points to it (editors complete codes and ids)' },
    lang: langArg,
    out: outArg,
    force: forceArg,
    quiet: quietArg,
  },
  async run({ args }) {
    const lang: Lang = args.lang === 'en' ? 'en' : 'vi';
    if (args.format === 'xlsx' || args.appraisal !== undefined) {
      const { templateWorkbook } = await import('../workbook/command.js');
      return templateWorkbook(
        { set: args.set, rules: args.rules, appraisal: args.appraisal, unit: args.unit, name: args.name, format: args.format, out: args.out, force: args.force === true, quiet: args.quiet === true },
        lang,
      );
    }
    const compiled = await setFromArgs(args);
    const set = compiled.set;
    const ref = compiled.ref;
    const level = levelOf(set, ref, args.level === undefined ? undefined : String(args.level));
    const entries: unknown[] = [];
    const leaf = (n: CriterionNode) => {
      if (n.children?.length) {
        n.children.forEach(leaf);
        return;
      }
      const reads = new Set<string>();
      if (n.rule) kindOf(n.rule.type).reads(n.rule, reads);
      entries.push({ criterion: n.code, values: {}, note: templateNote(set, n, reads, lang) });
    };
    set.fields.forEach(leaf);
    set.bonus?.items.forEach(leaf);
    set.penalty?.items.forEach(leaf);
    const periodLabel = set.period.label === undefined ? undefined : pick(lang, set.period.label, set.period.labelEn);
    const evidence = {
      ...(args.schema ? { $schema: schemaRef(args.schema, args.out) } : {}),
      formatVersion: 1,
      criteriaSet: ref,
      unit: { code: args.unit ?? '', name: args.name ?? '', level },
      // The evidence format's period (from, to, label): the label is the unit's own text, written here in
      // the template's language (reports name the set's period by the set's label in theirs).
      period: { from: set.period.from, to: set.period.to, ...(periodLabel !== undefined ? { label: periodLabel } : {}) },
      entries,
    };
    if (args.schema) writeOutput(json(evidenceSchema(compiled, lang, LOCALES[lang].template.schemaTitle(compiled.ref, pick(lang, compiled.set.title, compiled.set.titleEn)))), args.schema);
    writeNewOutput(json(evidence), args.out, args.force === true);
    return 0;
  },
});
