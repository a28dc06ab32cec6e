import { describe, expect, it } from 'vitest';
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
