/** Numbers as people read them: from the explanation package (Vietnamese 89,95 and 1.170; English 89.95 and 1,170). */
import { formatNumber, LOCALES, type Lang } from '@parindex/explain';

export { formatDate, formatNumber, formatPercent, percentOf, type Lang, type NumberOptions } from '@parindex/explain';

/** A JSON input value for display (decimal strings formatted, booleans as yes/no). */
export function formatValue(value: unknown, lang: Lang): string {
  const w = LOCALES[lang].words;
  if (value === null || value === undefined) return w.empty;
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') return /^-?[0-9]+(\.[0-9]+)?$/.test(value) ? formatNumber(value, lang) : value;
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${formatValue(v, lang)}`)
      .join(', ');
  return String(value);
}
