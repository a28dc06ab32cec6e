import { describe, expect, it } from 'vitest';
import { checkSet } from './checks.js';
import type { Diagnostic } from './diagnostics.js';
import { bundledSets } from './node.js';
import type { CriteriaSet, CriterionNode } from './schema.js';
import { citedFile, namesDocument, quotedBounds } from './sources.js';

const lib = bundledSets();
const SOURCE_CODES = ['SET_SOURCE_CITES_FILE', 'SET_SOURCE_NOT_DOCUMENT', 'SET_SOURCE_QUOTE_BOUND', 'SET_SOURCE_QUOTE_TIER', 'SET_TIER_LABEL_BOUND'];

function leaves(set: CriteriaSet): CriterionNode[] {
  const out: CriterionNode[] = [];
  const walk = (n: CriterionNode) => (n.children?.length ? n.children.forEach(walk) : out.push(n));
  set.fields.forEach(walk);
  set.bonus?.items.forEach(walk);
  set.penalty?.items.forEach(walk);
  return out;
}

describe('the sources of every shipped set', () => {
  for (const entry of lib.entries) {
    const set = lib.get(entry.ref);
    it(`${entry.ref}: no source cites a file or a non-document, and every quoted bound is its tier's`, () => {
      expect(checkSet(set).filter((d) => SOURCE_CODES.includes(d.code))).toEqual([]);
    });
    it(`${entry.ref}: every source names a document by issuer, number and date (null: not in the text), or is a model`, () => {
      const incomplete: string[] = [];
      for (const n of leaves(set)) {
        const s = n.source!;
        if (s.document === undefined) {
          if (s.model !== true || !s.note) incomplete.push(`${n.code}: a model without a note`);
          continue;
        }
        for (const key of ['issuer', 'number', 'date', 'article'] as const) if (!(key in s)) incomplete.push(`${n.code}: no ${key}`);
      }
      // explain shows a source's note in the language asked for.
      for (const n of leaves(set)) if (n.source!.note !== undefined && n.source!.noteEn === undefined) incomplete.push(`${n.code}: a note without noteEn`);
      expect(incomplete).toEqual([]);
    });
  }

  it('the model sets say every rule is a model; the target sets quote the bound of every tiers rule', () => {
    for (const entry of lib.entries) {
      const set = lib.get(entry.ref);
      for (const n of leaves(set)) {
        if (set.status === 'model') expect(n.source!.model, `${entry.ref} ${n.code}`).toBe(true);
        else if (n.rule?.type === 'tiers') expect(n.source!.quote, `${entry.ref} ${n.code}`).toBeTypeOf('string');
      }
    }
  });

  it('the commune set\'s on-time criterion no longer quotes Kiên Thọ\'s "trên 98%" for its "từ 98%" tier', () => {
    const set = structuredClone(lib.get('model.commune-par@2026'));
    const leaf = leaves(set).find((n) => n.code === '3.2')!;
    expect(leaf.source!.quote).toBe('tỷ lệ giải quyết đúng và trước hạn đạt ≥ 95%');
    expect(leaf.source!.quoteTier).toBe(1);
    // The citation as it was: the plan's "trên 98%" (98 excluded) against a tier from 98% (98 included).
    leaf.source = { ...leaf.source!, quote: 'Bảo đảm trên 98% hồ sơ TTHC tại bộ phận tiếp nhận và trả kết quả các cấp được giải quyết trước và đúng hạn' };
    delete leaf.source.quoteTier;
    const found = checkSet(set).filter((d) => d.code === 'SET_SOURCE_QUOTE_BOUND');
    expect(found).toEqual([
      {
        code: 'SET_SOURCE_QUOTE_BOUND',
        severity: 'error',
        path: '/fields/2/children/1/source/quote',
        params: { code: '3.2', tier: 0, problem: 'mismatch', words: 'trên 98', side: 'min', value: '98', inclusive: false },
      },
    ] satisfies Diagnostic[]);
  });

  it('a tier\'s label is held to its tier too: Kiên Thọ\'s "Chưa đạt: từ 98% trở xuống" is 98 included', () => {
    const set = structuredClone(lib.get('targets.kien-tho@2026'));
    const leaf = leaves(set).find((n) => n.code === '1.1')!;
    const tiers = (leaf.rule as { tiers: Array<{ label?: string; maxInclusive?: boolean }> }).tiers;
    expect(tiers.map((t) => t.label)).toEqual(['Đạt chỉ tiêu: trên 98%', 'Chưa đạt: từ 98% trở xuống']);
    tiers[1]!.maxInclusive = false;
    tiers[0]!.label = 'Đạt chỉ tiêu: từ 98%';
    expect(
      checkSet(set)
        .filter((d) => d.code === 'SET_TIER_LABEL_BOUND')
        .map((d) => [d.path, d.params]),
    ).toEqual([
      ['/fields/0/children/0/rule/tiers/0/label', { code: '1.1', tier: 0, words: 'từ 98', side: 'min', value: '98', inclusive: true }],
      ['/fields/0/children/0/rule/tiers/1/label', { code: '1.1', tier: 1, words: '98% trở xuống', side: 'max', value: '98', inclusive: true }],
    ]);
  });

  it('quoteTier names a tier of the rule, and is used only with a quote on a tiers rule', () => {
    const set = structuredClone(lib.get('targets.kien-tho@2026'));
    const [a, b] = leaves(set);
    a!.source = { ...a!.source!, quoteTier: 2 };
    b!.source = { ...b!.source!, quote: undefined, quoteTier: 0 };
    delete b!.source.quote;
    expect(
      checkSet(set)
        .filter((d) => d.code === 'SET_SOURCE_QUOTE_TIER')
        .map((d) => [d.path, d.params]),
    ).toEqual([
      ['/fields/0/children/0/source/quoteTier', { code: '1.1', tier: 2, tiers: 2 }],
      ['/fields/0/children/1/source/quoteTier', { code: '1.2', tier: 0, tiers: null }],
    ]);
  });

  it('the old citation of the survey weights (a file of the project) is refused', () => {
    const set = structuredClone(lib.get('model.commune-par@2026'));
    const leaf = leaves(set).find((n) => n.code === '8.1')!;
    leaf.source = { document: 'Rule shapes found in real criteria sets (docs: DOMAIN.md, project domain primer)' };
    expect(checkSet(set).filter((d) => SOURCE_CODES.includes(d.code))).toMatchObject([{ code: 'SET_SOURCE_CITES_FILE', path: '/fields/7/children/0/source/document', params: { file: 'DOMAIN.md' } }]);
  });
});

describe('citations', () => {
  it('finds files and paths, not document numbers, dates or units', () => {
    expect(citedFile('Rule shapes (docs: DOMAIN.md, project domain primer)')).toBe('DOMAIN.md');
    expect(citedFile('xem docs/format.md')).toBe('docs/format.md');
    expect(citedFile('theo rules/sets/model.commune-par')).toBe('rules/sets/model.commune-par');
    expect(citedFile('tệp ./plan.json.')).toBe('./plan.json');
    expect(citedFile('the primer at /work/shared/x')).toBe('/work/shared/x');
    for (const text of [
      'Kế hoạch số 257/KH-UBND ngày 22/12/2025',
      'Nghị định 186/2025/NĐ-CP',
      'Kế hoạch số 167/KH-SVHTT&DL ngày 12/8/ 2025',
      'Cổng TTĐT cập nhật ≥ 2 tin/tuần',
      'TCVN ISO 9001:2015',
      'tối đa 15 phút/01 lượt giao dịch',
      'Nghị quyết số 57-NQ/TW',
      'km/h',
      'chi thường xuyên /năm',
      'đăng tại https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.json',
    ])
      expect(citedFile(text), text).toBeUndefined();
  });

  it('knows a document by its kind or its number', () => {
    for (const d of [
      'Kế hoạch cải cách hành chính trên địa bàn xã Kiên Thọ năm 2026',
      'Quyết định 1149/QĐ-BNV (2025)',
      'Nghị quyết số 76/NQ-CP',
      '"Kế hoạch tuyên truyền" của xã',
      'Decision 1149/QĐ-BNV',
      'Official letter of the city',
      'Văn bản số 1816/UBND-NVKTGS',
      'Bộ tiêu chí đánh giá Chỉ số CCHC cấp xã',
    ])
      expect(namesDocument(d), d).toBe(true);
    for (const d of ['test', 'Các dạng quy tắc thường gặp', 'Rule shapes found in real criteria sets', 'Luận văn', 'Planning notes']) expect(namesDocument(d), d).toBe(false);
  });
});

describe('bounds in a quote', () => {
  const b = (q: string) => quotedBounds(q).map((x) => `${x.side} ${x.value} ${x.inclusive ? 'in' : 'ex'}`);
  it('reads the words of the plans: trên, từ … trở lên, tối thiểu, không quá, dưới, từ … đến, a bare target', () => {
    expect(b('Bảo đảm trên 98% hồ sơ TTHC ... được giải quyết trước và đúng hạn')).toEqual(['min 98 ex']);
    expect(b('Tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu từ 55% trở lên')).toEqual(['min 55 in']);
    expect(b('tỷ lệ giao dịch thanh toán trực tuyến đạt từ 60% trở lên')).toEqual(['min 60 in']);
    expect(b('Phấn đấu từ 95% -100% số hồ sơ TTHC được trả kết quả giải quyết đúng hạn, trước hạn.')).toEqual(['min 95 in', 'max 100 in']);
    expect(b('Giảm thời gian chờ đợi ... xuống trung bình còn tối đa 15 phút/01 lượt giao dịch.')).toEqual(['max 15 in']);
    expect(b('85% hồ sơ công việc được xử lý trên môi trường mạng')).toEqual(['min 85 in']);
    expect(b('Đạt trên 95% hồ sơ được đồng bộ')).toEqual(['min 95 ex']);
    expect(b('từ 80% đến dưới 90%')).toEqual(['min 80 in', 'max 90 ex']);
    expect(b('dưới 50%')).toEqual(['max 50 ex']);
    expect(b('không quá 5%')).toEqual(['max 5 in']);
    expect(b('không dưới 99,5%')).toEqual(['min 99.5 in']);
    expect(b('từ 98% trở xuống')).toEqual(['max 98 in']);
    expect(b('Cổng TTĐT cập nhật ≥ 2 tin/tuần')).toEqual(['min 2 in']);
    expect(b('Kế hoạch không có ngưỡng')).toEqual([]);
  });
  it('reads a table row by its value cell only', () => {
    expect(b('Đề xuất cắt giảm ... có thời hạn giải quyết từ 03 ngày trở lên | % | ≥ 20')).toEqual(['min 20 in']);
    expect(b('Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính | % | 100')).toEqual(['min 100 in']);
  });
});
