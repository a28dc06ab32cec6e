import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, percentOf } from './numbers.js';

describe('numbers as people read them', () => {
  it('a percentage keeps all its places, so a column lines up', () => {
    expect(formatPercent('80', 'vi')).toBe('80,00%');
    expect(formatPercent('76.666666', 'vi')).toBe('76,67%');
    expect(formatPercent('100', 'en')).toBe('100.00%');
    expect(formatPercent('61.9', 'vi', 1)).toBe('61,9%');
    expect(formatPercent('64.845', 'vi', 2)).toBe('64,85%');
    expect(formatPercent('0', 'en', 0)).toBe('0%');
    expect(formatPercent(null, 'vi')).toBe('—');
  });

  it('a percentage of points is exact before it is rounded for display', () => {
    expect(percentOf('7.6', '9.5')).toBe('80');
    expect(formatPercent(percentOf('11.5', '15'), 'vi')).toBe('76,67%');
    expect(percentOf('1', '0')).toBeNull();
  });

  it('other numbers drop trailing zeros unless asked to keep them', () => {
    expect(formatNumber('7.30', 'vi', { places: 2 })).toBe('7,3');
    expect(formatNumber('7.3', 'vi', { places: 2, fixed: true })).toBe('7,30');
    expect(formatNumber('1170', 'vi')).toBe('1.170');
    expect(formatNumber('1234.5', 'en')).toBe('1,234.5');
  });

  it('cut: past that many places, rounded half up with "…" after; up to them, every digit', () => {
    const points = '15.4285714285714285714285714285714285714285714285714285714286';
    expect(formatNumber(points, 'vi', { cut: 6 })).toBe('15,428571…');
    expect(formatNumber(points, 'en', { cut: 6 })).toBe('15.428571…');
    expect(formatNumber('0.1758241758241758241758241758241758241758241758241758241758', 'vi', { cut: 6, sign: true })).toBe('+0,175824…');
    expect(formatNumber('-1.23456789', 'en', { cut: 6 })).toBe('-1.234568…');
    expect(formatNumber('0.0078125', 'vi', { cut: 6 })).toBe('0,007813…');
    expect(formatNumber('0.125', 'vi', { cut: 6 })).toBe('0,125');
    expect(formatNumber('1234.567891', 'vi', { cut: 6 })).toBe('1.234,567891');
    // `places` wins: a rounded figure of a table has no "…".
    expect(formatNumber(points, 'vi', { cut: 6, places: 2 })).toBe('15,43');
  });
});
