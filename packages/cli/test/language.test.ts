/**
 * One language at a time: every command, in every format, on every shipped set and example, prints no
 * English word in Vietnamese and no Vietnamese in English — other than the data of the unit and of the
 * set's sources (unit names, cited documents' numbers, titles and quotes, notes), which
 * are removed before looking.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cliInProcess } from './helpers.js';

const EXAMPLES = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(ROOT, 'examples', d.name)).map((f) => `examples/${d.name}/${f}`))
  .filter((f) => !f.includes('appraisal'));
const SETS = readdirSync(join(ROOT, 'rules/sets')).flatMap((id) =>
  readdirSync(join(ROOT, 'rules/sets', id)).map((f) => ({ id, file: `rules/sets/${id}/${f}`, ref: `${id}@${f.replace(/\.json$/, '')}` })),
);
/**
 * The formats whose cells keep the unit's data whole: the terminal table renders the same document
 * (the same sentences) but wraps long cells, so a unit's own text could not be told from ours there.
 */
const FORMATS = ['md', 'csv', 'html'] as const;

/** Every string of the given parts of a JSON value (the data that stays as the unit or the set wrote it). */
function strings(v: unknown, keep: (key: string) => boolean, out: Set<string>, key = ''): void {
  if (typeof v === 'string') {
    if (keep(key) && v.length > 2) out.add(v);
  } else if (Array.isArray(v)) for (const x of v) strings(x, keep, out, key);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, (kk) => keep(kk) || keep(k), out, k);
}

/** The unit's own data and the sets' sources: what may be in either language. */
const OWN = (() => {
  const out = new Set<string>();
  const all = () => true;
  for (const f of [...EXAMPLES, 'examples/vinh-bao/appraisal-2026.json']) {
    const e = JSON.parse(readFileSync(join(ROOT, f), 'utf8'));
    strings(e.unit, all, out);
    // The unit's place name is a proper name in either language ("Reform targets of Đại Sơn").
    if (typeof e.unit?.name === 'string') out.add(e.unit.name.replace(/^UBND\s+(xã|phường|thị trấn)\s+/, ''));
    strings(e.period, all, out);
    for (const entry of e.entries ?? []) strings({ d: entry.documents, n: entry.note, x: entry.explanation }, all, out);
    for (const round of e.rounds ?? []) strings(round, (k) => ['reason', 'by', 'title', 'number', 'note', 'explanation', 'label'].includes(k), out);
    strings(e.preparedBy, all, out);
  }
  for (const s of SETS) {
    const set = JSON.parse(readFileSync(join(ROOT, s.file), 'utf8'));
    // The issuer, the decision's name and the status note have their English (issuerEn, decision.numberEn, statusNoteEn): no output may show them in the other language.
    strings({ d: set.decision?.title, n: set.notes }, () => true, out);
    strings(set, (k) => ['source', 'description'].includes(k), out);
  }
  return [...out].sort((a, b) => b.length - a.length);
})();

/** Output with the own data, quoted keys and ids, codes, paths and numbers taken out. */
function wording(text: string): string {
  // Markdown escapes (\_, \#, \[) are not words; CSV doubles quotes.
  let t = text
    .replace(/\\(.)/g, '$1')
    .replace(/""/g, '"')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  for (const s of OWN) t = t.split(s).join(' ');
  // HTML tags and entities, JSON-like quoted keys, ids, codes, file paths, URLs.
  t = t.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
  t = t
    .replace(/"[A-Za-z_][A-Za-z0-9_.]*"/g, ' ')
    .replace(/\b[a-z]+(_[a-z0-9]+)+\b/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_]{2,}\b/g, ' ');
  t = t.replace(/\S*\/\S*/g, ' ').replace(/\b\S+@\S+\b/g, ' ');
  // What is typed, not read: options, command names (as typed or listed in help), round ids.
  t = t
    .replace(/\b[a-z]+ --[a-z][\w-]*( \w+)?/g, ' ')
    .replace(/--[a-z][\w-]*(=<[^>]*>)?/g, ' ')
    .replace(/\bparindex( [a-z]+)*/g, ' ');
  t = t.replace(/^\s*(rules|template|validate|score|explain|diff|rank|list|show|import|appraisal|init)(?=\s{2,})/gm, ' ').replace(/\b(round\d+|answer)\b/g, ' ');
  return t;
}

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
/** English words that a Vietnamese sentence of ours would only contain by a leak (whole words: "toán" is not "to"). */
const ENGLISH =
  /(?<!\p{L})(the|and|of|from|to|points?|not|with|is|are|for|by|missing|tier|ratio|rule|score|index|total|maximum|file|value|error|warning|needs?|must|above|under|round|self|appraisal|applicable|criterion|criteria|evidence|documents?|inputs?|none|yes|no|set|mean|rank|unit|places?|half|up|down|assessment|survey|official|parts?|fields?|built|folder|version|progress|bytes|address|origin|options)(?!\p{L})/iu;

function leaks(text: string, lang: 'vi' | 'en'): string[] {
  const out: string[] = [];
  for (const line of wording(text).split('\n')) {
    const m = lang === 'en' ? VIETNAMESE.exec(line) : ENGLISH.exec(line);
    if (m) out.push(`${m[0]} in: ${line.trim().slice(0, 160)}`);
  }
  return out;
}

async function check(args: string[], lang: 'vi' | 'en'): Promise<string[]> {
  const r = await cliInProcess([...args, '--lang', lang]);
  // A template is an evidence file: what people read in it are its notes.
  const help = args.includes('--help');
  const text = args[0] === 'template' && !help ? (JSON.parse(r.stdout) as { entries: Array<{ note?: string }> }).entries.map((e) => e.note ?? '').join('\n') : r.stdout;
  // In a usage line, what stands for a value is read too ("<tệp>", "[TÙY CHỌN]"): not a tag, not a typed option.
  const out = help ? text.replace(/=?<([^<>]*)>/g, ' $1 ').replace(/\[([^[\]]*)\]/g, ' $1 ') : text;
  return [...leaks(out, lang), ...leaks(r.stderr, lang)].map((l) => `${args.join(' ')} --lang ${lang}: ${l}`);
}

describe.each(['vi', 'en'] as const)('every command speaks one language (%s)', (lang) => {
  it('rules list, rules show and template on every shipped set', async () => {
    const found = await check(['rules', 'list', '--format', 'md'], lang);
    for (const s of SETS) {
      for (const format of FORMATS) found.push(...(await check(['rules', 'show', s.ref, '--format', format], lang)));
      found.push(...(await check(['template', s.ref], lang)));
    }
    expect(found).toEqual([]);
  });

  it('validate, score and explain of every example, in every format', async () => {
    const found: string[] = [];
    for (const f of EXAMPLES) {
      found.push(...(await check(['validate', f], lang)));
      for (const format of FORMATS) {
        found.push(...(await check(['score', f, '--format', format], lang)));
        found.push(...(await check(['explain', f, '--format', format], lang)));
      }
    }
    expect(found).toEqual([]);
  });

  it('diff with an appraisal and rank of every example, in every format', async () => {
    const found: string[] = [];
    for (const format of FORMATS) {
      found.push(...(await check(['diff', 'examples/vinh-bao/par-2026.json', '--appraisal', 'examples/vinh-bao/appraisal-2026.json', '--format', format], lang)));
      found.push(...(await check(['rank', 'examples', '--format', format], lang)));
    }
    expect(found).toEqual([]);
  });

  it('--help of every command', async () => {
    const found = await check(['--help'], lang);
    for (const c of ['rules', 'template', 'validate', 'score', 'explain', 'diff', 'rank', 'plan', 'import', 'appraisal']) found.push(...(await check([c, '--help'], lang)));
    for (const c of ['show', 'status', 'targets']) found.push(...(await check(['plan', c, '--help'], lang)));
    expect(found).toEqual([]);
  });
});
