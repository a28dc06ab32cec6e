import { describe, expect, it } from 'vitest';
import type { CompiledSet } from '@parindex/engine';
import { csvCell, csvLine, renderCsv } from '../src/format/csv.js';
import { escapeHtml, renderHtml } from '../src/format/html.js';
import { markdownInline, markdownText, renderMarkdown } from '../src/format/md.js';
import { documentText, terminalText } from '../src/format/escape.js';
import { renderText, width, wrap } from '../src/format/text.js';
import { formatNumber, formatPercent, percentOf } from '../src/numbers.js';
import { checkOptions } from '../src/main.js';
import { formatDiagnostic } from '../src/io.js';
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

