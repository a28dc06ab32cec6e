import { describe, expect, it } from 'vitest';
import type { InputDef } from '@parindex/rules';
import { logicText } from '../src/format/logic-text.js';
import { conditionText, ruleText, type RuleTextContext } from '../src/format/rule-text.js';

const inputs = new Map<string, InputDef>([
  ['sessions', { id: 'sessions', type: 'count', label: 'Số buổi', labelEn: 'Sessions' } as InputDef],
  ['digital', { id: 'digital', type: 'boolean', label: 'Có nền tảng số', labelEn: 'Digital channels' } as InputDef],
  ['helped', { id: 'helped', type: 'count', label: 'Số lượt hỗ trợ', labelEn: 'Residents helped' } as InputDef],
  ['answers', { id: 'answers', type: 'tally', label: 'Phiếu', labelEn: 'Answers', options: [{ id: 'a', label: 'Rất hài lòng', labelEn: 'Very satisfied' }] } as InputDef],
  ['kind', { id: 'kind', type: 'level', label: 'Loại', labelEn: 'Kind' } as InputDef],
]);
const vi: RuleTextContext = { lang: 'vi', inputs };
const en: RuleTextContext = { lang: 'en', inputs };

// Criterion 2.4 of model.commune-par@2026.
const tiered = {
  if: [{ and: [{ '>=': [{ var: 'sessions' }, 4] }, { '==': [{ var: 'digital' }, true] }] }, 2, { '>=': [{ var: 'sessions' }, 4] }, 1.5, { '>=': [{ var: 'sessions' }, 1] }, 1, 0],
};

describe('logicText: a rule-file expression in words', () => {
  it('if / else if / otherwise, with labels and numbers written per language', () => {
    expect(logicText(tiered, vi)).toBe('nếu Số buổi ≥ 4 và Có nền tảng số thì 2; nếu Số buổi ≥ 4 thì 1,5; nếu Số buổi ≥ 1 thì 1; còn lại 0');
    expect(logicText(tiered, en)).toBe('if Sessions ≥ 4 and Digital channels then 2; if Sessions ≥ 4 then 1.5; if Sessions ≥ 1 then 1; otherwise 0');
  });

  it('arithmetic in parentheses, min/max, modulo, unary minus', () => {
    const e = { min: [5, { '/': [{ '-': [{ var: 'helped' }, { '%': [{ var: 'helped' }, 100] }] }, 100] }] };
    expect(logicText(e, vi)).toBe('nhỏ nhất(5; (Số lượt hỗ trợ − (Số lượt hỗ trợ mod 100)) ÷ 100)');
    expect(logicText(e, en)).toBe('min(5, (Residents helped − (Residents helped mod 100)) ÷ 100)');
    expect(logicText({ max: [{ '-': [{ var: 'sessions' }] }, 0.25] }, vi)).toBe('lớn nhất(−Số buổi; 0,25)');
    expect(logicText({ '*': [{ var: 'sessions' }, 0.5] }, en)).toBe('Sessions × 0.5');
  });

  it('nested and/or keep their parentheses; not, false, in, between, a tally option, literals', () => {
    expect(logicText({ or: [{ and: [{ '>': [{ var: 'sessions' }, 2] }, { '!': [{ var: 'digital' }] }] }, { '==': [{ var: 'digital' }, false] }] }, vi)).toBe(
      '(Số buổi > 2 và không phải Có nền tảng số) hoặc Có nền tảng số: không',
    );
    expect(logicText({ in: [{ var: 'kind' }, ['x', 'y']] }, en)).toBe('Kind in ["x", "y"]');
    expect(logicText({ '<=': [1, { var: 'sessions' }, 10] }, en)).toBe('1 ≤ Sessions ≤ 10');
    expect(logicText({ '>=': [{ var: 'answers.a' }, 30] }, vi)).toBe('Phiếu (Rất hài lòng) ≥ 30');
    expect(logicText({ '!==': [{ var: ['unknown_input', 0] }, null] }, en)).toBe('unknown_input ≠ (none)');
    expect(logicText({ '?:': [{ '!!': [{ var: 'digital' }] }, true, false] }, vi)).toBe('nếu Có nền tảng số thì có; còn lại không');
    expect(logicText(3, en)).toBe('3');
  });

  it('in rule sentences and conditions', () => {
    const node = { code: '2.4', title: 't', max: 2, rule: { type: 'expression', logic: tiered } } as never;
    expect(ruleText(node, vi)).toBe('Theo biểu thức: ' + logicText(tiered, vi));
    expect(ruleText(node, en)).toBe('By the expression: ' + logicText(tiered, en));
    expect(conditionText({ logic: { '==': [{ var: 'sessions' }, { var: 'helped' }] } } as never, en)).toBe('Sessions = Residents helped');
  });
});
