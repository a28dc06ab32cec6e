/**
 * Terminal rendering: aligned columns, wrapped long titles, no colours (output may be piped). Every text
 * goes through terminalText first: no control character from a file reaches the terminal, and a line
 * break inside a text is shown as \n, so that it cannot start a line of its own or break a table.
 */
import { cellLines, type Block, type Column, type Doc, type Row } from '@parindex/explain';
import { terminalText } from './escape.js';

/**
 * Display width: Vietnamese text is precomposed (NFC) one column per letter; combining marks count 0.
 * A text whose every character is below U+0300, a precomposed Latin letter (U+1E00–U+1EFF, where the
 * Vietnamese letters with tone marks are), general punctuation (U+2000–U+206F: dashes, quotes) or a box
 * drawing character has one column per character: NFC composes nothing there without a combining mark
 * and maps no such character to more or fewer than one, so the text is counted without normalizing it
 * (most cells of a table of thousands of rows).
 */
export function width(s: string): number {
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = c < 0x300 || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x2070) || (c >= 0x2500 && c < 0x2580);
  }
  if (plain) return s.length;
  let n = 0;
  for (const ch of s.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x300 && c <= 0x36f) continue;
    n++;
  }
  return n;
}

function pad(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, w - width(s));
  return align === 'right' ? ' '.repeat(gap) + s : s + ' '.repeat(gap);
}

/** Words with one plain space between them, and nothing else: what wrap() would give back as it is when it fits. */
const ONE_SPACED = /^\S+(?: \S+)*$/;

export function wrap(text: string, w: number): string[] {
  // Most cells of a ranking table (a unit's name) fit their column as they are: one line, unchanged.
  if (ONE_SPACED.test(text) && width(text) <= w) return [text];
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    // The line's width, kept as words are added (NFC composes nothing across the space between words).
    let lineWidth = 0;
    for (const word of para.split(/\s+/)) {
      if (word === '') continue;
      const wordWidth = width(word);
      if (line === '') {
        line = word;
        lineWidth = wordWidth;
      } else if (lineWidth + 1 + wordWidth <= w) {
        line += ' ' + word;
        lineWidth += 1 + wordWidth;
      } else {
        out.push(line);
        line = word;
        lineWidth = wordWidth;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * The line of a row whose every cell is one line and fits its column as it is (most rows of a ranking
 * table): what the general case (split, wrap, pad each line) gives for it, made without its arrays.
 * Undefined for any other row.
 */
function simpleLine(columns: readonly Column[], widths: readonly number[], texts: readonly string[], cellWidths: readonly number[], base: number, indent: (i: number) => number): string | undefined {
  let out = '';
  for (let i = 0; i < columns.length; i++) {
    const text = texts[base + i]!;
    const w = cellWidths[base + i]!;
    if (w < 0) return undefined;
    const col = columns[i]!;
    if (col.width) {
      // wrap() gives such a text back as it is: words one plain space apart, within the width.
      const ind = indent(i);
      const body = ind ? text.slice(ind) : text;
      if (w - ind > Math.max(8, widths[i]! - ind) || !ONE_SPACED.test(body)) return undefined;
    }
    const gap = ' '.repeat(Math.max(0, widths[i]! - w));
    out += (i > 0 ? '  ' : '') + (col.align === 'right' ? gap + text : text + gap);
  }
  return out.trimEnd();
}

function renderTable(columns: Column[], rows: Row[], footer: Row[], indentColumn: number | undefined): string[] {
  const all = [...rows, ...footer];
  const n = columns.length;
  const cellText = (r: Row, i: number) => {
    const c = cellLines(r.cells[i]).join('\n');
    return i === indentColumn && r.depth ? '  '.repeat(r.depth) + c : c;
  };
  // Each cell's text and width made once, for the column widths and for the lines (a ranking table has
  // thousands of rows); -1 for a text of more than one line.
  const texts: string[] = new Array(all.length * n);
  const cellWidths: number[] = new Array(all.length * n);
  for (let r = 0; r < all.length; r++)
    for (let i = 0; i < n; i++) {
      const text = cellText(all[r]!, i);
      texts[r * n + i] = text;
      cellWidths[r * n + i] = text.includes('\n') ? -1 : width(text);
    }
  // Loops, not Math.max(...spread): a spread of 123,000 rows overflows the stack.
  const widths = columns.map((col, i) => {
    let natural = width(col.label);
    for (let r = 0; r < all.length; r++) {
      const w = cellWidths[r * n + i]!;
      if (w >= 0) natural = Math.max(natural, w);
      else for (const l of texts[r * n + i]!.split('\n')) natural = Math.max(natural, width(l));
    }
    return col.width ? Math.min(col.width, natural) : natural;
  });
  const line = (cells: string[][]) => {
    let height = 0;
    for (const c of cells) height = Math.max(height, c.length);
    const lines: string[] = [];
    for (let k = 0; k < height; k++)
      lines.push(
        cells
          .map((c, i) => pad(c[k] ?? '', widths[i]!, columns[i]!.align))
          .join('  ')
          .trimEnd(),
      );
    return lines;
  };
  const indentOf = (r: Row) => (i: number) => (i === indentColumn && r.depth ? 2 * r.depth : 0);
  const split = (r: Row, base: number) =>
    columns.map((col, i) => {
      const text = texts[base + i]!;
      if (!col.width) return text.split('\n');
      const indent = '  '.repeat(indentOf(r)(i) / 2);
      const body = indent ? text.slice(indent.length) : text;
      return wrap(body, Math.max(8, widths[i]! - indent.length)).map((l, k) => (k === 0 ? indent + l : indent + '  ' + l));
    });
  const rowLines = (r: Row, at: number) => {
    const simple = simpleLine(columns, widths, texts, cellWidths, at * n, indentOf(r));
    return simple !== undefined ? [simple] : line(split(r, at * n));
  };
  const out: string[] = [];
  out.push(...line(columns.map((c) => [c.label])));
  out.push(widths.map((w) => '─'.repeat(w)).join('  '));
  rows.forEach((r, i) => out.push(...rowLines(r, i)));
  if (footer.length) {
    out.push(widths.map((w) => '─'.repeat(w)).join('  '));
    footer.forEach((r, i) => out.push(...rowLines(r, rows.length + i)));
  }
  return out;
}

/** The block with every text made safe for a terminal; a cell's own lines joined by LF (the only LFs left). */
function terminalBlock(b: Block): Block {
  switch (b.kind) {
    case 'title':
    case 'heading':
    case 'para':
      return { ...b, text: terminalText(b.text) };
    case 'kv':
      return { ...b, rows: b.rows.map(([k, v]): [string, string] => [terminalText(k), terminalText(v)]) };
    case 'list':
      return { ...b, items: b.items.map(terminalText) };
    case 'letterhead':
      return { ...b, left: b.left.map(terminalText), right: b.right.map(terminalText) };
    case 'subtitle':
      return { ...b, lines: b.lines.map(terminalText) };
    case 'dateline':
    case 'provenance':
      return { ...b, text: terminalText(b.text) };
    case 'signatures':
      return { ...b, items: b.items.map((i) => ({ ...i, role: terminalText(i.role), hint: terminalText(i.hint), ...(i.name !== undefined ? { name: terminalText(i.name) } : {}) })) };
    case 'table': {
      const row = (r: Row): Row => ({ ...r, cells: r.cells.map((c) => cellLines(c).map(terminalText).join('\n')) });
      return { ...b, columns: b.columns.map((c) => ({ ...c, label: terminalText(c.label) })), rows: b.rows.map(row), ...(b.footer ? { footer: b.footer.map(row) } : {}) };
    }
  }
}

function block(b: Block): string[] {
  switch (b.kind) {
    case 'title':
      return [b.text, '═'.repeat(Math.min(78, width(b.text)))];
    case 'heading':
      return [b.text, '─'.repeat(Math.min(78, width(b.text)))];
    case 'para':
      return wrap(b.text, 100);
    case 'kv': {
      let w = 0;
      for (const [k] of b.rows) w = Math.max(w, width(k));
      return b.rows.map(([k, v]) => `${pad(k + ':', w + 1)}  ${v}`);
    }
    case 'list':
      return b.items.map((i) => `  • ${i}`);
    case 'table':
      return renderTable(b.columns, b.rows, b.footer ?? [], b.indentColumn);
    case 'letterhead':
      return sideBySide([b.left, b.right]);
    case 'subtitle':
      return b.lines;
    case 'dateline':
    case 'provenance':
      return wrap(b.text, 100);
    case 'signatures':
      // Room to sign between the hint and the name.
      return sideBySide(b.items.map((i) => [i.role, i.hint, '', '', i.name ?? '']));
  }
}

/** Columns of lines side by side, each as wide as its longest line. */
function sideBySide(columns: string[][]): string[] {
  const widths = columns.map((c) => c.reduce((w, l) => Math.max(w, width(l)), 0));
  const height = columns.reduce((h, c) => Math.max(h, c.length), 0);
  const out: string[] = [];
  for (let k = 0; k < height; k++)
    out.push(
      columns
        .map((c, i) => pad(c[k] ?? '', widths[i]!))
        .join('    ')
        .trimEnd(),
    );
  return out;
}

export function renderText(doc: Doc): string {
  return doc.map((b) => block(terminalBlock(b)).join('\n')).join('\n\n') + '\n';
}
