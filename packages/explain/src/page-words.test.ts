/**
 * The web page's words: the same keys in both languages (the type sees to it), every word a text, and
 * no word of the other language (the same letters and words as the command line's language test).
 */
import { describe, expect, it } from 'vitest';
import { pageWords, type PageWords } from './page-words.js';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const ENGLISH = /(?<!\p{L})(the|and|of|from|to|points?|not|with|is|are|for|by|missing|file|set|unit|score|index|total|rank|evidence|documents?)(?!\p{L})/iu;

/** Every text of a language's words, functions called with sample arguments. */
function texts(w: PageWords): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function') {
      const f = v as (...a: unknown[]) => unknown;
      out.push(String(f('3', '7', '9')));
      // (count, isOne): the singular too.
      if (f.length === 2) out.push(String(f('1', true)));
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk({ ...w, lang: undefined });
  return out;
}

describe('the page words', () => {
  it('say every word in one language only', () => {
    const en = texts(pageWords('en'));
    const vi = texts(pageWords('vi'));
    expect(Object.keys(pageWords('en')).sort()).toEqual(Object.keys(pageWords('vi')).sort());
    expect(en.filter((t) => VIETNAMESE.test(t))).toEqual([]);
    expect(vi.filter((t) => ENGLISH.test(t.replace(/\bJSON\b/g, '')))).toEqual([]);
    expect([...en, ...vi].filter((t) => t.trim() === '' || t.includes('undefined'))).toEqual([]);
  });
});

describe('a criterion’s points against its maximum', () => {
  it('say "point" of a maximum of one, in English', () => {
    const en = pageWords('en');
    expect(en.criterionPoints('0.5', '1')).toBe('0.5 / 1 point');
    expect(en.criterionPoints('1.5', '2')).toBe('1.5 / 2 points');
    expect(en.chartRow('1. Direction', '0', '1')).toBe('1. Direction: 0 / 1 point');
    expect(pageWords('vi').criterionPoints('0,5', '1')).toBe('0,5 / 1 điểm');
  });
});
