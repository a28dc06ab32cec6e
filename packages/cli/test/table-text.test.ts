// The terminal table's one-pass line for a row of one-line cells that fit (format/text.ts simpleLine)
// against the general way every row was written before it: cells split into lines, wrapped, padded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellLines, type Column, type Row } from '@parindex/explain';
import { renderText, width, wrap } from '../src/format/text.js';
import { terminalText } from '../src/format/escape.js';

/** The table as renderTable wrote every row before its one-pass line (the oracle). */
function generalTable(columns: Column[], rows: Row[], footer: Row[], indentColumn: number | undefined): string[] {
  const cols = columns.map((c) => ({ ...c, label: terminalText(c.label) }));
  const cellText = (r: Row, i: number) => {
    const c = cellLines(r.cells[i]).map(terminalText).join('\n');
    return i === indentColumn && r.depth ? '  '.repeat(r.depth) + c : c;
  };
  const all = [...rows, ...footer];
  const texts = all.map((r) => cols.map((_, i) => cellText(r, i)));
  const widths = cols.map((col, i) => {
    let natural = width(col.label);
    for (const t of texts) for (const l of t[i]!.split('\n')) natural = Math.max(natural, width(l));
    return col.width ? Math.min(col.width, natural) : natural;
  });
  const pad = (s: string, w: number, align?: 'left' | 'right') => {
    const gap = ' '.repeat(Math.max(0, w - width(s)));
    return align === 'right' ? gap + s : s + gap;
  };
  const line = (cells: string[][]) => {
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) =>
      cells
        .map((c, i) => pad(c[k] ?? '', widths[i]!, cols[i]!.align))
        .join('  ')
        .trimEnd(),
    );
  };
  const split = (r: Row, t: string[]) =>
    cols.map((col, i) => {
      if (!col.width) return t[i]!.split('\n');
      const indent = i === indentColumn && r.depth ? '  '.repeat(r.depth) : '';
      const body = indent ? t[i]!.slice(indent.length) : t[i]!;
      return wrap(body, Math.max(8, widths[i]! - indent.length)).map((l, k) => (k === 0 ? indent + l : indent + '  ' + l));
    });
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = [...line(cols.map((c) => [c.label])), rule];
  rows.forEach((r, i) => out.push(...line(split(r, texts[i]!))));
  if (footer.length) {
    out.push(rule);
    footer.forEach((r, i) => out.push(...line(split(r, texts[rows.length + i]!))));
  }
  return out;
}

// Words of Vietnamese letters, combining marks, wide and other characters, with single, double, leading
// and trailing spaces, and now and then a line break: rows that take the one-pass line and rows that do not.
const char = fc.oneof(
  fc.constantFrom(...'aăâbcdđeêoơuưyAĐ0129-.,'),
  fc.integer({ min: 0x1ea0, max: 0x1ef9 }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x300, max: 0x323 }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x4e00, max: 0x4e20 }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom(' ', ' ', '  ', '\n', '\t'),
);
const cell = fc.array(char, { maxLength: 30 }).map((cs) => cs.join(''));
const table = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    columns: fc.array(
      fc.record({ label: cell, align: fc.constantFrom<'left' | 'right' | undefined>('left', 'right', undefined), width: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }) }),
      { minLength: n, maxLength: n },
    ),
    rows: fc.array(fc.record({ cells: fc.array(cell, { minLength: n, maxLength: n }), depth: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }), { maxLength: 8 }),
    footer: fc.array(fc.record({ cells: fc.array(cell, { minLength: n, maxLength: n }) }), { maxLength: 2 }),
    indentColumn: fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: undefined }),
  }),
);

describe('terminal tables', () => {
  it('write a row of one-line cells that fit in one pass as the general way writes it', () => {
    fc.assert(
      fc.property(table, ({ columns, rows, footer, indentColumn }) => {
        const got = renderText([{ kind: 'table', columns, rows, ...(footer.length ? { footer } : {}), ...(indentColumn !== undefined ? { indentColumn } : {}) }]);
        expect(got).toBe(generalTable(columns, rows, footer, indentColumn).join('\n') + '\n');
      }),
      { numRuns: 1500 },
    );
  });

  it('write a ranking-like table of plain rows, a long name wrapped, its next line indented', () => {
    const columns: Column[] = [
      { label: 'Hạng', align: 'right' },
      { label: 'Tên đơn vị', width: 12 },
      { label: 'Chỉ số', align: 'right' },
    ];
    const rows: Row[] = [{ cells: ['1', 'UBND xã Kiên Thọ', '94,58'] }, { cells: ['2', 'Đại Sơn', '84,94'] }];
    expect(renderText([{ kind: 'table', columns, rows }])).toBe(
      ['Hạng  Tên đơn vị    Chỉ số', '────  ────────────  ──────', '   1  UBND xã Kiên   94,58', '        Thọ', '   2  Đại Sơn        84,94', ''].join('\n'),
    );
  });
});
