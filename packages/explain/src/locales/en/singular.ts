/**
 * The singular of an English unit a set gives in the plural ("dossiers", "people", "posts/week"), for the
 * number 1. A set writes one English form of each unit; the usual endings are undone here, the few
 * irregular nouns of public administration are listed, and a word this does not know is left as written.
 */
const IRREGULAR: Readonly<Record<string, string>> = { people: 'person', children: 'child', men: 'man', women: 'woman', staff: 'staff' };
/** Words ending in "s" that are singular already, or the same in both numbers. */
const SAME = new Set(['series', 'species', 'news', 'status', 'bonus', 'campus', 'census', 'analysis', 'basis', 'thesis', 'gas', 'plus']);

function singularWord(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular !== undefined) return word === lower ? irregular : word;
  if (SAME.has(lower) || lower.length < 3 || !lower.endsWith('s') || /(ss|us|is)$/.test(lower)) return word;
  if (/[^aeiou]ies$/.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(lower)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** "dossiers" → "dossier", "staff positions" → "staff position", "posts/week" → "post/week", "million VND" as it is. */
export function singularUnit(unit: string): string {
  const slash = unit.indexOf('/');
  const head = slash < 0 ? unit : unit.slice(0, slash);
  const m = /^(.*?)([A-Za-z]+)(\s*)$/.exec(head);
  if (!m) return unit;
  return `${m[1]}${singularWord(m[2]!)}${m[3]}${slash < 0 ? '' : unit.slice(slash)}`;
}
