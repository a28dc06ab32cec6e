/** The parts of the index in the score, explain and set documents: which rule made the total, and why it differs from its printed parts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, score } from '@parindex/engine';
import type { Block, Doc } from '../document.js';
import { createExplainer, explainDocument, scoreDocument, setDocument } from '../index.js';

const dir = fileURLToPath(new URL('../../../../test/conformance/engine/', import.meta.url));
const read = (f: string) => JSON.parse(readFileSync(dir + f, 'utf8'));
const base = read('leaf-parts.set.json');
const evidence = read('leaf-parts.evidence.json');
const layout = (partsInTotal: 'exactParts' | 'roundedParts') =>
  compile({
    ...base,
    policies: { ...base.policies, partsInTotal },
    rounding: [
      { level: 'part', places: 2, mode: 'halfUp' },
      { level: 'total', places: 2, mode: 'halfUp' },
    ],
  });
const texts = (doc: Doc) => doc.flatMap((b: Block) => (b.kind === 'para' || b.kind === 'heading' ? [b.text] : b.kind === 'kv' ? b.rows.map((r) => `${r[0]}: ${r[1]}`) : []));

describe('parts and the total in the documents', () => {
  it('explain says why the published total (85,37) is 0,01 below the sum of the printed parts (85,38), in both languages', () => {
    const c = layout('exactParts');
    const r = score(c, evidence);
    const vi = texts(explainDocument(r, undefined, c, createExplainer(c, 'vi')));
    expect(vi).toContain('1. Kết quả thẩm định: 52,13 / 60 (chưa làm tròn: 52,125)');
    expect(vi).toContain('Điểm từng phần được làm tròn để công bố; tổng điểm tính từ điểm chưa làm tròn của các phần (rồi làm tròn nếu bộ tiêu chí quy định).');
    expect(vi).toContain(
      'Tổng điểm 85,37 khác tổng các phần đã công bố (52,13 + 33,25 = 85,38) 0,01 điểm: tổng được tính từ điểm chưa làm tròn của các phần (52,125 + 33,245 = 85,37) rồi mới làm tròn, theo quy định của bộ tiêu chí.',
    );
    const en = texts(explainDocument(r, undefined, c, createExplainer(c, 'en')));
    expect(en).toContain(
      'The total 85.37 differs by 0.01 from the sum of the published parts (52.13 + 33.25 = 85.38): it is computed from the parts before rounding (52.125 + 33.245 = 85.37) and then rounded, as the set declares.',
    );
    // The score document names the rule, not the difference.
    const sc = texts(scoreDocument(r, undefined, c, createExplainer(c, 'en')));
    expect(sc).toContain('2. Sociological survey: 33.25 / 40 (before rounding: 33.245)');
    expect(sc.some((t) => t.startsWith('The total 85.37 differs'))).toBe(false);
  });

  it('with the sum of the rounded parts there is no difference to explain; the set document states the rule and the part rounding', () => {
    const c = layout('roundedParts');
    const r = score(c, evidence);
    const vi = texts(explainDocument(r, undefined, c, createExplainer(c, 'vi')));
    expect(vi).toContain('Tổng điểm là tổng điểm các phần đã làm tròn.');
    expect(vi.some((t) => t.startsWith('Tổng điểm 85,38 khác'))).toBe(false);
    const set = compile({ ...base, policies: { ...base.policies, partsInTotal: 'exactParts' }, rounding: [{ level: 'part', part: 'survey', places: 2, mode: 'halfUp' }] });
    const rows = texts(setDocument(set, createExplainer(set, 'vi')));
    expect(rows).toContain('Làm tròn: phần “2. Điều tra xã hội học”: 2 chữ số thập phân, làm tròn nửa lên');
    expect(texts(setDocument(set, createExplainer(set, 'en')))).toContain('Rounding: the part “2. Sociological survey”: 2 places, half up');
    expect(rows).toContain('Các phần của chỉ số: Điểm từng phần được làm tròn để công bố; tổng điểm tính từ điểm chưa làm tròn của các phần (rồi làm tròn nếu bộ tiêu chí quy định).');
  });

  it('a part of several fields is named by their codes, never by its id, in either language (the block, the rounding step)', () => {
    // Both fields in one part, an id no sentence holds.
    const set = compile({
      ...base,
      policies: { ...base.policies, partsInTotal: 'exactParts' },
      fields: base.fields.map((f: Record<string, unknown>) => ({ ...f, part: 'workpart' })),
      rounding: [{ level: 'part', part: 'workpart', places: 1, mode: 'halfUp' }],
    });
    const r = score(set, evidence);
    for (const [lang, label] of [
      ['vi', 'Lĩnh vực 1, 2'],
      ['en', 'Fields 1, 2'],
    ] as const) {
      const ex = createExplainer(set, lang);
      const all = texts(scoreDocument(r, undefined, set, ex)).join('\n') + texts(setDocument(set, ex)).join('\n');
      expect(all).toContain(label);
      expect(all.split('\n').filter((l) => l.includes('workpart'))).toEqual([]);
      const rounded = r.totals.steps.find((s) => s.kind === 'round' && s.part === 'workpart');
      expect(rounded).toBeDefined();
      expect(ex.step(rounded!)).toContain(`“${label}”`);
    }
  });

  it('a set of one part that rounds nothing shows no parts block', () => {
    const c = compile({ ...base, fields: base.fields.map((f: Record<string, unknown>) => ({ ...f, part: undefined })) });
    const doc = scoreDocument(score(c, evidence), undefined, c, createExplainer(c, 'vi'));
    expect(texts(doc)).not.toContain('Các phần của chỉ số');
  });
});
