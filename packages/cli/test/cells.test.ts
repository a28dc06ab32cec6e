/** The number behind a cell: every number the renderers write reads back as the same exact decimal, in either language. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '@parindex/rules';
import { formatNumber, formatPercent } from '@parindex/explain';
import { cellNumber, parseShown } from '../src/format/cells.js';
import { numberValue, numFmtOf } from '../src/format/xlsx.js';

const decimal = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 })).map(([neg, digits, places]) =>
  dec(`${neg ? '-' : ''}${digits}`)
    .div(10 ** places)
    .toFixed(),
);

describe('numbers read back from the document', () => {
  it('formatNumber then parseShown gives the same decimal (vi 1.234,5 and en 1,234.5)', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom('vi' as const, 'en' as const), (d, lang) => {
        const shown = parseShown(formatNumber(d, lang), lang);
        expect(shown).toBeDefined();
        expect(dec(shown!.dec).eq(d)).toBe(true);
        expect(shown!.percent).toBe(false);
      }),
    );
  });

  it('percentages: the fraction by moving the decimal point, the format with the shown places', () => {
    const p = parseShown(formatPercent('76.6667', 'vi', 2), 'vi')!;
    expect(p).toEqual({ dec: '76.67', percent: true, places: 2 });
    expect(numberValue(p)).toBe(0.7667);
    expect(numFmtOf(p)).toBe('0.00%');
    expect(numberValue({ dec: '5', percent: true, places: 0 })).toBe(0.05);
    expect(numberValue({ dec: '-0.5', percent: true, places: 1 })).toBe(-0.005);
    expect(numFmtOf({ dec: '83.6', percent: false, places: 2 })).toBe('#,##0.00');
  });

  it('text is text: a code, a range, a name, a dash, a number with a note', () => {
    for (const t of ['1.1.1', 'I', '—', '9,5 (10)', 'B — Tốt', '=1+1', '+', '-', '1,2,3', '1.2.3,4']) expect(parseShown(t, 'vi'), t).toBeUndefined();
    // "1.170" is one thousand one hundred and seventy in Vietnamese, 1.17 in English.
    expect(parseShown('1.170', 'vi')?.dec).toBe('1170');
    expect(parseShown('1.170', 'en')?.dec).toBe('1.170');
    // Only a number column's cells are read as numbers, unless the row gives the exact value.
    expect(cellNumber({ cells: ['3'] }, 0, { label: 'STT' }, 'vi')).toBeUndefined();
    expect(cellNumber({ cells: ['3'] }, 0, { label: 'Hạng', align: 'right' }, 'vi')).toEqual({ dec: '3', percent: false, places: 0 });
    expect(cellNumber({ cells: ['83,60'], values: ['83.6'] }, 0, { label: 'Chỉ số' }, 'vi')).toEqual({ dec: '83.6', percent: false, places: 2 });
    expect(cellNumber({ cells: ['-0'], values: ['-0'] }, 0, { label: 'x' }, 'vi')?.dec).toBe('0');
  });
});
