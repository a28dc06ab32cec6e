/**
 * One self-contained printable HTML file: inline CSS, no scripts, no external resources. Tables print
 * on A4 landscape with their header repeated on every page; the totals are the table's last rows (not a
 * <tfoot>, which a browser repeats at the foot of every printed page), so they print once. The page
 * margin boxes number the pages ("Trang 2/5"). Every text is written as text: escaped for element
 * content and for quoted attributes alike, controls visible; no text from a file is ever put in a tag,
 * an attribute or a URL (the only attributes are the renderer's own classes, padding and column widths).
 */
import { cellLines, LOCALES, type Block, type Doc } from '@parindex/explain';
import { documentText } from './escape.js';

/** Text safe in element content and in a single- or double-quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
@page { size: A4 landscape; margin: 14mm 12mm 16mm; }
body { font-family: "Times New Roman", "Liberation Serif", "Noto Serif", serif; font-size: 12pt; color: #000; margin: 24px; }
@media print { body { margin: 0; } }
h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin: 12px 0 4px; }
h2 { font-size: 13pt; margin: 18px 0 8px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; table-layout: fixed; }
td { overflow-wrap: anywhere; }
thead { display: table-header-group; }
th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; font-size: 11pt; }
th { background: #eee; text-align: center; }
td.num { text-align: right; overflow-wrap: normal; }
tr.strong td { font-weight: bold; }
tbody.totals td { font-weight: bold; }
dl.kv { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 0 0 10px; }
dl.kv dt { font-weight: bold; }
dl.kv dd { margin: 0; }
p { margin: 6px 0; }
tr { break-inside: avoid; page-break-inside: avoid; }
div.letterhead { display: flex; justify-content: space-between; text-align: center; font-weight: bold; }
div.letterhead div { padding: 0 12px; }
div.letterhead div:last-child p:last-child { text-decoration: underline; }
div.letterhead p { margin: 0; }
p.dateline { text-align: right; font-style: italic; margin: 10px 0; }
div.subtitle { text-align: center; margin: 0 0 10px; }
div.subtitle p { margin: 2px 0; }
div.signatures { display: flex; justify-content: space-around; text-align: center; margin-top: 18px; break-inside: avoid; page-break-inside: avoid; }
div.signatures p { margin: 0; }
p.role { font-weight: bold; }
p.hint { font-style: italic; }
div.signatures p.name { margin-top: 64px; font-weight: bold; }
p.provenance { font-size: 9pt; margin-top: 18px; word-break: break-all; }
`.trim();

/** The page numbers of the print: "Trang 2/5" from the locale's words, in the page's bottom margin. */
function pageCss(lang: 'vi' | 'en'): string {
  const p = LOCALES[lang].official.page;
  const q = (s: string) => JSON.stringify(s);
  return `@page { @bottom-center { content: ${q(p.before)} counter(page) ${q(p.between)} counter(pages); font-family: "Times New Roman", "Liberation Serif", serif; font-size: 10pt; } }`;
}

/** A text of the document; its line breaks are kept (as <br>), which no text can turn into markup. */
const text = (s: string) => escapeHtml(documentText(s)).replace(/\n/g, '<br>');

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${text(b.text)}</h1>`;
    case 'heading':
      return `<h2>${text(b.text)}</h2>`;
    case 'para':
      return `<p>${text(b.text)}</p>`;
    case 'kv':
      return `<dl class="kv">${b.rows.map(([k, v]) => `<dt>${text(k)}</dt><dd>${text(v)}</dd>`).join('')}</dl>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${text(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const row = (r: (typeof b.rows)[number]) =>
        `<tr${r.strong ? ' class="strong"' : ''}>${b.columns
          .map((c, i) => {
            const style = i === b.indentColumn && r.depth ? ` style="padding-left:${6 + 14 * r.depth}px"` : '';
            return `<td${c.align === 'right' ? ' class="num"' : ''}${style}>${cellLines(r.cells[i]).map(text).join('<br>')}</td>`;
          })
          .join('')}</tr>`;
      // The wrapped columns take the room by their widths; numbers stay narrow.
      const weights = b.columns.map((c, i) => (c.width ? (i === b.indentColumn ? c.width : c.width * 0.8) : c.align === 'right' ? 10 : i === 0 ? 8 : 12));
      const sum = weights.reduce((x, y) => x + y, 0);
      const cols = `<colgroup>${weights.map((w) => `<col style="width:${((100 * w) / sum).toFixed(1)}%">`).join('')}</colgroup>`;
      const head = `${cols}<thead><tr>${b.columns.map((c) => `<th>${text(c.label)}</th>`).join('')}</tr></thead>`;
      const foot = b.footer?.length ? `<tbody class="totals">${b.footer.map(row).join('')}</tbody>` : '';
      return `<table>${head}<tbody>${b.rows.map(row).join('\n')}</tbody>${foot}</table>`;
    }
    case 'letterhead':
      return `<div class="letterhead"><div>${b.left.map((l) => `<p>${text(l)}</p>`).join('')}</div><div>${b.right.map((l) => `<p>${text(l)}</p>`).join('')}</div></div>`;
    case 'dateline':
      return `<p class="dateline">${text(b.text)}</p>`;
    case 'subtitle':
      return `<div class="subtitle">${b.lines.map((l) => `<p>${text(l)}</p>`).join('')}</div>`;
    case 'signatures':
      return `<div class="signatures">${b.items
        .map((i) => `<div><p class="role">${text(i.role)}</p><p class="hint">${text(i.hint)}</p><p class="name">${text(i.name ?? '')}</p></div>`)
        .join('')}</div>`;
    case 'provenance':
      return `<p class="provenance">${text(b.text)}</p>`;
  }
}

export function renderHtml(doc: Doc, lang: 'vi' | 'en'): string {
  const title = doc.find((b) => b.kind === 'title');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(documentText(title && title.kind === 'title' ? title.text : 'parindex').replace(/[\n\t]/g, ' '))}</title>
<style>
${CSS}
${pageCss(lang)}
</style>
</head>
<body>
${doc.map(block).join('\n')}
</body>
</html>
`;
}
