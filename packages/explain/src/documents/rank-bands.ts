/**
 * One table per classification band, cut from the ranking table of a rank document: what `rank --format
 * xlsx` puts on a sheet per band (the province's A list, B list …). The rows are the ranking table's own
 * rows (same columns, same ranks), so a band sheet never says anything the main table does not.
 */
import type { Block, Doc } from '../document.js';
import { LOCALES } from '../explainer.js';
import type { Lang } from '../numbers.js';
import { pick } from '../say.js';
import type { RankDocumentInput } from './rank.js';

export function rankBandBlocks(doc: Doc, x: Pick<RankDocumentInput, 'rows' | 'summary'>, lang: Lang): Block[] {
  const table = doc.find((b) => b.kind === 'table');
  if (table?.kind !== 'table' || table.rows.length !== x.rows.length) return [];
  const rowOfInput = new Map<number, number>();
  x.rows.forEach((r, i) => rowOfInput.set(r.input, i));
  const out: Block[] = [];
  for (const band of x.summary.bands) {
    const at = band.units.flatMap((u) => {
      const i = rowOfInput.get(u);
      return i === undefined ? [] : [i];
    });
    const rows = at.sort((a, b) => a - b).map((i) => table.rows[i]!);
    const label = band.code ? `${band.code} — ${pick(lang, band.label ?? '', band.labelEn)}` : LOCALES[lang].words.unclassified;
    out.push({ kind: 'heading', text: label }, { kind: 'table', columns: table.columns, rows });
  }
  return out;
}
