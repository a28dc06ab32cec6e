/** Numbers written the Vietnamese way in JSON text: found by the reader from the source, not guessed from the value. */
import { describe, expect, it } from 'vitest';
import { numberTokensOf, readJson } from './json.js';

describe('an unquoted number with a decimal comma or dotted thousands', () => {
  it.each([
    ['{\n  "a": 42,5\n}', '42,5', '42.5', 'decimalComma', 2, 8],
    ['{"a": 42,5, "b": 1}', '42,5', '42.5', 'decimalComma', 1, 7],
    ['{"a": 1.234,5}', '1.234,5', '1234.5', 'decimalComma', 1, 7],
    ['{"a": -0,25}', '-0,25', '-0.25', 'decimalComma', 1, 7],
    ['{"a": 3.000.000}', '3.000.000', '3000000', 'thousands', 1, 7],
  ])('%j is JSON_NUMBER_FORM at the number, saying what to write', (text, written, suggest, form, line, column) => {
    const d = readJson(text, 'x.json');
    expect(d.value).toBeUndefined();
    expect(d.diagnostics).toEqual([{ code: 'JSON_NUMBER_FORM', severity: 'error', path: '', params: { text: written, suggest, form }, line, column, file: 'x.json' }]);
  });
  it.each(['{"a": 1,}', '{"a": 1, 2}', '{"a": 1.2.}', '{"a": [1 2]}'])('%j stays a syntax error', (text) => {
    expect(readJson(text).diagnostics.map((d) => d.code)).toEqual(['JSON_SYNTAX']);
  });
  it('[42,5] is a list of two numbers, as JSON says', () => {
    expect(readJson('{"a": [42,5]}').value).toEqual({ a: [42, 5] });
  });
});

describe('numberTokensOf: unquoted numbers that JSON reads as less than an officer means', () => {
  it('keeps "3.000" and "1.170" by pointer, and nothing else', () => {
    const d = readJson('{"entries": [{"values": {"a": 3.000, "b": 1.170, "c": 0.125, "d": 3.5, "e": 3.0000, "f": 12.500, "g": -1.500}}], "x": 1000.000}');
    expect(Object.fromEntries(numberTokensOf(d.value)!)).toEqual({
      '/entries/0/values/a': '3.000',
      '/entries/0/values/b': '1.170',
      '/entries/0/values/f': '12.500',
      '/entries/0/values/g': '-1.500',
    });
  });
  it('a file without them has none, nor has a value not read by readJson', () => {
    expect(numberTokensOf(readJson('{"a": 3000, "b": 1.17}').value)).toBeUndefined();
    expect(numberTokensOf({ a: 3 })).toBeUndefined();
    expect(numberTokensOf(null)).toBeUndefined();
  });
});
