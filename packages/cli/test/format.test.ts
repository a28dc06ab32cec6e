import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { width, wrap } from '../src/format/text.js';
import { formatNumber, formatPercent, percentOf } from '@parindex/explain';
import { checkOptions } from '../src/main.js';
import { formatDiagnostic, type UsageError } from '../src/io.js';
import { diagnosticText } from '@parindex/explain';
import { diag } from '@parindex/rules';

describe('numbers', () => {
  it('Vietnamese: decimal comma, dot for thousands', () => {
    expect(formatNumber('89.95', 'vi')).toBe('89,95');
    expect(formatNumber('1234.5', 'vi')).toBe('1.234,5');
    expect(formatNumber('-0.25', 'vi')).toBe('-0,25');
    expect(formatNumber('1234567', 'vi')).toBe('1.234.567');
    expect(formatNumber('0', 'vi')).toBe('0');
    expect(formatNumber(100, 'vi')).toBe('100');
  });

  it('English: decimal point, comma for thousands', () => {
    expect(formatNumber('89.95', 'en')).toBe('89.95');
    expect(formatNumber('1234.5', 'en')).toBe('1,234.5');
    expect(formatNumber('-1234.25', 'en')).toBe('-1,234.25');
  });

  it('rounds half up for display only, keeps zeros when fixed, signs deltas', () => {
    expect(formatNumber('89.945', 'vi', { places: 2 })).toBe('89,95');
    expect(formatNumber('90', 'vi', { places: 2, fixed: true })).toBe('90,00');
    expect(formatNumber('83.6', 'en', { places: 2, fixed: true })).toBe('83.60');
    expect(formatNumber('-0.001', 'vi', { places: 2 })).toBe('0');
    expect(formatNumber('0.25', 'vi', { sign: true })).toBe('+0,25');
    expect(formatNumber('-0.25', 'vi', { sign: true })).toBe('-0,25');
    expect(formatNumber('0', 'vi', { sign: true })).toBe('0');
    expect(formatNumber('99.99951', 'vi', { places: 4 })).toBe('99,9995');
  });

  it('percentages', () => {
    expect(percentOf('7.6', '9.5')).toBe('80');
    expect(percentOf('1', '0')).toBeNull();
    expect(formatPercent(percentOf('11.5', '15'), 'vi')).toBe('76,67%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});

describe('usage checks and diagnostics', () => {
  const defs = { file: { type: 'positional' as const }, out: { type: 'string' as const }, quiet: { type: 'boolean' as const }, 'round-a': { type: 'string' as const } };
  const usage = (argv: string[]) => {
    try {
      checkOptions(argv, defs);
    } catch (e) {
      return (e as UsageError).diagnostic;
    }
    return undefined;
  };

  it('rejects unknown options and options without a value, as USAGE_ diagnostics', () => {
    expect(usage(['x.json', '--out', 'y'])).toBeUndefined();
    expect(usage(['--round-a=r1', '--no-quiet'])).toBeUndefined();
    expect(usage(['--bogus'])).toMatchObject({ code: 'USAGE_UNKNOWN_OPTION', params: { option: '--bogus' } });
    expect(usage(['--out'])).toMatchObject({ code: 'USAGE_OPTION_VALUE', params: { option: '--out' } });
    expect(usage(['--out', '--quiet'])).toMatchObject({ code: 'USAGE_OPTION_VALUE', params: { option: '--out' } });
    expect(usage(['--', '--anything'])).toBeUndefined();
  });

  it('a missing argument is named as the usage line of --help names it, in the language of the run', async () => {
    const { cliInProcess } = await import('./helpers.js');
    const [vi, en] = await Promise.all([cliInProcess(['import']), cliInProcess(['score', '--lang', 'en'])]);
    expect([vi.code, vi.stderr.split('\n')[0]]).toEqual([2, 'parindex: Thiếu tham số <tệp.xlsx>.']);
    expect([en.code, en.stderr.split('\n')[0]]).toEqual([2, 'parindex: The argument <file> is missing.']);
  });

  it('words a usage error in either language', () => {
    const d = usage(['--nope'])!;
    expect(diagnosticText(d, 'en')).toBe('Unknown option --nope.');
    expect(diagnosticText(d, 'vi')).toBe('Không có tùy chọn --nope.');
  });

  it('prints file:line:column  CODE  /path  severity: sentence', () => {
    const d = { ...diag('EVIDENCE_UNKNOWN_CRITERION', '/entries/3/criterion', { code: '9.9', set: 's@2026' }), file: 'e.json', line: 12, column: 7 };
    expect(formatDiagnostic(d, 'vi')).toBe('e.json:12:7  EVIDENCE_UNKNOWN_CRITERION  /entries/3/criterion  lỗi: Không có tiêu chí "9.9" trong bộ s@2026.');
    expect(formatDiagnostic(d, 'en')).toBe('e.json:12:7  EVIDENCE_UNKNOWN_CRITERION  /entries/3/criterion  error: There is no criterion "9.9" in s@2026.');
  });
});

describe('terminal width', () => {
  /** The width as it was defined before its fast path: NFC, then one column per code point but combining marks. */
  const reference = (s: string) => [...s.normalize('NFC')].filter((ch) => !(ch.codePointAt(0)! >= 0x300 && ch.codePointAt(0)! <= 0x36f)).length;
  /** Characters from the ranges that matter: ASCII, Latin-1 and Latin Extended, combining marks, Vietnamese letters, Greek, Hangul jamo, Devanagari, punctuation, symbols and box drawing, astral. */
  const char = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0xa0, max: 0x2ff }),
    fc.integer({ min: 0x300, max: 0x36f }),
    fc.integer({ min: 0x1e00, max: 0x1eff }),
    fc.integer({ min: 0x1f00, max: 0x1fff }),
    fc.integer({ min: 0x1100, max: 0x11ff }),
    fc.integer({ min: 0x900, max: 0x97f }),
    fc.integer({ min: 0x2000, max: 0x2bff }),
    fc.integer({ min: 0x1f300, max: 0x1f6ff }),
  );
  const text = fc.array(fc.oneof(char, fc.constant(0x20)), { maxLength: 24 }).map((cs) => String.fromCodePoint(...cs));

  it('is the same with and without its fast path, and wrapping adds the widths of the words', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(width(s)).toBe(reference(s));
        for (const line of wrap(s, 12)) expect(width(line)).toBe(reference(line));
      }),
      { numRuns: 3000 },
    );
    expect(width('Ủy ban nhân dân xã Vĩnh Bảo')).toBe(27);
    expect(width('Vie\u0302\u0323t')).toBe(4);
  });

  it('wraps at the width as before: a word goes on when it fits, else starts a line', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 16 }), (s, w) => {
        const lines = wrap(s, w);
        const words = s.split(/\s+/).filter((x) => x !== '');
        expect(
          lines
            .join(' ')
            .split(/\s+/)
            .filter((x) => x !== ''),
        ).toEqual(words);
        for (let i = 0; i + 1 < lines.length; i++) {
          const next = lines[i + 1]!.split(' ')[0]!;
          expect(reference(lines[i]!) + 1 + reference(next)).toBeGreaterThan(w);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
