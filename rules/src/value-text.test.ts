/** readValueText: every way an officer writes a value as text, read or refused with a coded problem. */
import { describe, expect, it } from 'vitest';
import type { InputDef, InputType } from './primitives.js';
import { editDistance, nearestCode, nearestWord, readDateText, readValueText } from './value-text.js';

const input = (type: InputType, extra: Partial<InputDef> = {}): InputDef => ({ id: 'x', type, label: 'Nhãn', ...extra });
const levels = input('level', {
  options: [
    { id: 'on_time', label: 'Đúng hạn', labelEn: 'On time' },
    { id: 'late', label: 'Trễ hạn', labelEn: 'Late' },
    { id: 'none', label: 'Không ban hành', labelEn: 'Not issued' },
  ],
});

describe('yes/no', () => {
  it.each([
    ['có', true],
    ['Có', true],
    [' x ', true],
    ['X', true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['không', false],
    ['Không', false],
    ['no', false],
    ['false', false],
    ['0', false],
  ])('%j is %j', (text, value) => {
    expect(readValueText(text, input('boolean'))).toEqual({ ok: true, value });
  });
  it('a word that is neither is a type problem quoting it', () => {
    expect(readValueText('có lẽ', input('boolean'))).toEqual({
      ok: false,
      problem: { code: 'EVIDENCE_VALUE_TYPE', params: { input: 'x', option: null, expected: 'boolean', received: 'string', value: 'có lẽ' } },
    });
  });
  it('reads the decomposed (NFD) spelling of "không" as the composed one', () => {
    expect(readValueText('không'.normalize('NFD'), input('boolean'))).toEqual({ ok: true, value: false });
  });
});

describe('whole counts', () => {
  it.each([
    ['1170', '1170', undefined],
    ['0', '0', undefined],
    ['3.000', '3000', 'EVIDENCE_THOUSANDS_READ'],
    ['1.170', '1170', 'EVIDENCE_THOUSANDS_READ'],
    ['1.234.567', '1234567', 'EVIDENCE_THOUSANDS_READ'],
    ['1 170', '1170', 'EVIDENCE_THOUSANDS_READ'],
    ['1\u00a0170', '1170', 'EVIDENCE_THOUSANDS_READ'],
    ['3,0', '3', 'EVIDENCE_DECIMAL_COMMA'],
    ['12.0', '12', undefined],
  ])('%j reads as %s', (text, value, hint) => {
    const r = readValueText(text, input('count'));
    expect(r).toMatchObject({ ok: true, value });
    expect(r.ok && r.hint?.code).toBe(hint ?? undefined);
  });
  it('the thousands hint says what was read', () => {
    expect(readValueText('3.000', input('count'))).toEqual({ ok: true, value: '3000', hint: { code: 'EVIDENCE_THOUSANDS_READ', params: { input: 'x', got: '3.000', read: '3000' } } });
  });
  it('"1,170" (an English separator, or 1.17) is ambiguous and names both readings', () => {
    expect(readValueText('1,170', input('count'))).toEqual({
      ok: false,
      problem: { code: 'EVIDENCE_NUMBER_AMBIGUOUS', params: { input: 'x', got: '1,170', thousands: '1170', decimal: '1.17' } },
    });
    expect(readValueText('1,234,567', input('count'))).toMatchObject({ ok: false, problem: { params: { thousands: '1234567', decimal: null } } });
  });
  it.each(['2,5', '0.5', 'một nghìn', '1.17', '1.1700', '', '12a', '1e3', '0.500'])('%j is not a count', (text) => {
    expect(readValueText(text, input('count'))).toMatchObject({ ok: false, problem: { code: 'EVIDENCE_VALUE_TYPE', params: { expected: 'count' } } });
  });
});

describe('decimals and percents', () => {
  it.each([
    ['95.5', '95.5', undefined],
    ['95,5', '95.5', 'EVIDENCE_DECIMAL_COMMA'],
    ['0,25', '0.25', 'EVIDENCE_DECIMAL_COMMA'],
    ['1.234,5', '1234.5', 'EVIDENCE_DECIMAL_COMMA'],
    ['-2,75', '-2.75', 'EVIDENCE_DECIMAL_COMMA'],
    ['0.125', '0.125', undefined],
    ['2.50', '2.5', undefined],
    ['1.234.567', '1234567', 'EVIDENCE_THOUSANDS_READ'],
  ])('decimal %j reads as %s', (text, value, hint) => {
    const r = readValueText(text, input('decimal'));
    expect(r).toMatchObject({ ok: true, value });
    expect(r.ok && r.hint?.code).toBe(hint ?? undefined);
  });
  it('the comma hint carries the number to write', () => {
    expect(readValueText('95,5', input('percent'))).toEqual({ ok: true, value: '95.5', hint: { code: 'EVIDENCE_DECIMAL_COMMA', params: { input: 'x', got: '95,5', suggest: '95.5' } } });
  });
  it('"1.170" and "52.125" in a decimal input are decimals, as the format writes them', () => {
    expect(readValueText('1.170', input('decimal'))).toEqual({ ok: true, value: '1.17' });
    expect(readValueText('52.125', input('decimal'))).toEqual({ ok: true, value: '52.125' });
  });
  it('in a workbook cell, which asks for "3.000", a dot before three digits may be thousands: ambiguous unless above the maximum', () => {
    expect(readValueText('1.170', input('decimal'), 'cell')).toEqual({
      ok: false,
      problem: { code: 'EVIDENCE_NUMBER_AMBIGUOUS', params: { input: 'x', got: '1.170', thousands: '1170', decimal: '1.17' } },
    });
    expect(readValueText('12.500', input('percent'), 'cell')).toEqual({ ok: true, value: '12.5' });
    expect(readValueText('1.170', input('decimal', { max: 100 }), 'cell')).toEqual({ ok: true, value: '1.17' });
    expect(readValueText('1.170', input('count'), 'cell')).toMatchObject({ ok: true, value: '1170' });
    expect(readValueText('95.5', input('decimal'), 'cell')).toEqual({ ok: true, value: '95.5' });
    expect(readValueText('1.234.567', input('decimal'), 'cell')).toMatchObject({ ok: true, value: '1234567' });
  });
  it('a comma before three digits is ambiguous unless the thousands reading is above the maximum', () => {
    expect(readValueText('1,500', input('percent'))).toEqual({ ok: true, value: '1.5' });
    expect(readValueText('1,500', input('decimal', { max: 10 }))).toEqual({ ok: true, value: '1.5' });
    expect(readValueText('1,500', input('decimal', { max: 2000 }))).toMatchObject({ ok: false, problem: { code: 'EVIDENCE_NUMBER_AMBIGUOUS' } });
    expect(readValueText('12.500', input('percent'))).toEqual({ ok: true, value: '12.5' });
  });
  it.each([
    ['88%', '88', undefined],
    ['88 %', '88', undefined],
    ['88,5%', '88.5', 'EVIDENCE_DECIMAL_COMMA'],
    ['100', '100', undefined],
  ])('percent %j reads as %s', (text, value, hint) => {
    const r = readValueText(text, input('percent'));
    expect(r).toMatchObject({ ok: true, value });
    expect(r.ok && r.hint?.code).toBe(hint ?? undefined);
  });
  it('"%" belongs only to a percent', () => {
    expect(readValueText('88%', input('decimal'))).toMatchObject({ ok: false, problem: { code: 'EVIDENCE_VALUE_TYPE', params: { value: '88%', expected: 'decimal' } } });
  });
  it.each(['NaN', 'Infinity', '1e5', '95,5,5', ',5', '5,', ''])('%j is not a decimal', (text) => {
    expect(readValueText(text, input('decimal'))).toMatchObject({ ok: false, problem: { code: 'EVIDENCE_VALUE_TYPE' } });
  });
});

describe('dates', () => {
  it('ISO is read as is', () => expect(readValueText('2026-01-15', input('date'))).toEqual({ ok: true, value: '2026-01-15' }));
  it.each([
    ['15/01/2026', '2026-01-15'],
    ['15-01-2026', '2026-01-15'],
    ['15.01.2026', '2026-01-15'],
    ['5/1/2026', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['29/02/2028', '2028-02-29'],
  ])('%j is read as %s with a hint', (text, iso) => {
    expect(readValueText(text, input('date'))).toEqual({ ok: true, value: iso, hint: { code: 'EVIDENCE_DATE_READ', params: { input: 'x', got: text, read: iso } } });
  });
  it.each(['2026-02-30', '31/04/2026', '29/02/2026', '2026-13-01', '00/01/2026'])('%j is not a real date', (text) => {
    expect(readValueText(text, input('date'))).toEqual({ ok: false, problem: { code: 'EVIDENCE_DATE_NOT_REAL', params: { input: 'x', got: text } } });
  });
  it.each(['15 tháng 1', '2026', '01/15/26', 'hôm qua'])('%j is not a date', (text) => {
    expect(readValueText(text, input('date'))).toMatchObject({ ok: false, problem: { code: 'EVIDENCE_VALUE_TYPE', params: { expected: 'date', value: text } } });
  });
  it("a document's date has no input", () => {
    expect(readDateText('15/01/2026', null)).toEqual({ ok: true, value: '2026-01-15', hint: { code: 'EVIDENCE_DATE_READ', params: { input: null, got: '15/01/2026', read: '2026-01-15' } } });
  });
});

describe('levels', () => {
  it('an id is read as is', () => expect(readValueText('late', levels)).toEqual({ ok: true, value: 'late' }));
  it.each([
    ['Đúng hạn', 'on_time'],
    ['đúng  hạn', 'on_time'],
    ['ĐÚNG HẠN', 'on_time'],
    ['On time', 'on_time'],
    ['ON_TIME', 'on_time'],
    ['Trễ hạn', 'late'],
  ])('the label %j is read as %s with a hint', (text, id) => {
    expect(readValueText(text, levels)).toEqual({ ok: true, value: id, hint: { code: 'EVIDENCE_LEVEL_BY_LABEL', params: { input: 'x', got: text.trim(), read: id } } });
  });
  it('a typo of an id suggests the nearest one', () => {
    expect(readValueText('ontime', levels)).toEqual({
      ok: false,
      problem: { code: 'EVIDENCE_UNKNOWN_OPTION', params: { value: 'ontime', input: 'x', options: ['on_time', 'late', 'none'], suggest: 'on_time' } },
    });
  });
  it('nothing near: no suggestion', () => {
    expect(readValueText('sớm', levels)).toEqual({ ok: false, problem: { code: 'EVIDENCE_UNKNOWN_OPTION', params: { value: 'sớm', input: 'x', options: ['on_time', 'late', 'none'] } } });
  });
});

describe('a tally option read as a count', () => {
  it('reads "1.200" as 1200', () => expect(readValueText('1.200', input('tally'))).toMatchObject({ ok: true, value: '1200' }));
});

describe('the nearest word and code', () => {
  it('counts transpositions as one edit', () => {
    expect(editDistance('resolevd', 'resolved')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('hạn', 'han')).toBe(1);
  });
  it('suggests only a unique nearest candidate', () => {
    expect(nearestWord('resolvd', ['resolved', 'resolved_on_time'])).toBe('resolved');
    expect(nearestWord('ab', ['ac', 'ad'])).toBeUndefined();
    expect(nearestWord('zzzzzz', ['resolved'])).toBeUndefined();
  });
  it('matches a code by its digits first', () => {
    const codes = ['3', '3.1', '3.7', '3.7.1', '3.7.2', '7.1'];
    expect(nearestCode('3.71', codes)).toBe('3.7.1');
    expect(nearestCode('37.2', codes)).toBe('3.7.2');
    expect(nearestCode('3.8', codes)).toBeUndefined();
    expect(nearestCode('3.7.3', codes)).toBeUndefined();
    expect(nearestCode('9.9', ['7.9', '1.1'])).toBeUndefined();
    expect(nearestCode('1.2.34', ['1.2.3', '1.2', '4.1'])).toBe('1.2.3');
  });
  it('does not depend on the order of the candidates', () => {
    const codes = ['1.1', '1.2', '2.1', '12.3'];
    expect(nearestCode('1.23', codes)).toBe(nearestCode('1.23', [...codes].reverse()));
  });
});
