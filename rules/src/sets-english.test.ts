import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSets, BUNDLED_SETS_DIR, walkJsonFiles } from './node.js';

/**
 * Every Vietnamese text of a shipped set that `--lang en` shows has its English counterpart next to
 * it: `title` → `titleEn` (the set, criteria, bonus and penalty blocks), `label` → `labelEn` (the
 * period, classification bands, inputs, options, documents, parts, tiers, on-time items), `unit` →
 * `unitEn`, `kind` → `kindEn` (documents), `reason` → `reasonEn` (applicability), a rule's `note` →
 * `noteEn`, an input's `help` → `helpEn`, the set's `statusNote` → `statusNoteEn`, and its `issuer` → `issuerEn` and `decision.number` → `decision.numberEn` (the headers
 * show them).
 *
 * The sweep goes through the whole file rather than a list of known places, so that a text in a new
 * place (a new rule kind with labels) is caught as well. Left out: the decision's `title` and every
 * `source` (the cited documents' own words, which stay as issued), and the set's `kind`, which is a code.
 */
const PAIRED = ['title', 'label', 'unit', 'reason', 'note', 'statusNote', 'help'] as const;

const pointerKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A Vietnamese text without its English one. */
const lacks = (vi: unknown, en: unknown) => typeof vi === 'string' && vi.trim() !== '' && (typeof en !== 'string' || en.trim() === '');

/** The JSON pointers of the English fields a parsed set lacks, each with the Vietnamese text it would translate. */
function missingEnglish(set: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, ptr: string, parentKey: string | undefined): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${ptr}/${i}`, parentKey));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const keys = parentKey === 'documents' ? [...PAIRED, 'kind'] : PAIRED;
    for (const k of keys) if (lacks(o[k], o[`${k}En`])) out.push(`${ptr}/${k}En (${JSON.stringify(o[k])})`);
    for (const [k, x] of Object.entries(o)) {
      if ((ptr === '' && k === 'decision') || k === 'source') continue;
      walk(x, `${ptr}/${pointerKey(k)}`, k);
    }
  };
  const top = (set ?? {}) as { issuer?: unknown; issuerEn?: unknown; decision?: { number?: unknown; numberEn?: unknown } };
  if (lacks(top.issuer, top.issuerEn)) out.push(`/issuerEn (${JSON.stringify(top.issuer)})`);
  if (lacks(top.decision?.number, top.decision?.numberEn)) out.push(`/decision/numberEn (${JSON.stringify(top.decision?.number)})`);
  walk(set, '', undefined);
  return out;
}

describe('every shipped set is translated into English', () => {
  const lib = bundledSets();
  const files = walkJsonFiles(BUNDLED_SETS_DIR).files;

  it('covers every file under rules/sets', () => {
    expect(lib.diagnostics).toEqual([]);
    expect(lib.entries.map((e) => join(BUNDLED_SETS_DIR, e.file)).sort()).toEqual([...files].sort());
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const e of lib.entries) {
    it(`${e.ref}: every Vietnamese text has its English one`, () => {
      const raw: unknown = JSON.parse(readFileSync(join(BUNDLED_SETS_DIR, e.file), 'utf8'));
      const missing = missingEnglish(raw);
      expect(missing, `${e.file} lacks ${missing.length} English field(s):\n${missing.join('\n')}`).toEqual([]);
    });
  }
});

describe('missingEnglish', () => {
  it('names every untranslated place by its JSON pointer', () => {
    const set = {
      title: 'Bộ tiêu chí',
      statusNote: 'Bộ tiêu chí mẫu',
      issuer: 'UBND xã A',
      decision: { number: 'Quyết định số 1/QĐ-UBND', date: '2026-01-01', title: 'Quyết định ban hành' },
      period: { from: '2026-01-01', to: '2026-12-31', label: 'Năm 2026' },
      kind: 'par',
      classification: [{ code: 'A', label: 'Xuất sắc', labelEn: 'Excellent' }],
      fields: [
        {
          code: '1',
          title: 'Lĩnh vực',
          titleEn: 'Field',
          source: { document: 'Kế hoạch 1/KH-UBND' },
          applicability: { notApplicableWhen: { input: 'n', op: 'eq', value: 0 }, reason: 'không được giao' },
          inputs: [{ id: 'n', type: 'count', label: 'Số hồ sơ', labelEn: 'Dossiers', unit: 'hồ sơ', help: 'Đếm cả hồ sơ trực tuyến', options: [{ id: 'a', label: 'Có' }] }],
          documents: [{ id: 'plan', kind: 'Kế hoạch', label: 'Kế hoạch', labelEn: 'Plan' }],
          rule: {
            type: 'tiers',
            note: 'Tỷ lệ thuận',
            tiers: [{ points: 1, label: 'từ 90% trở lên', labelEn: '' }],
            parts: [{ id: 'p', label: 'Phần' }],
            items: [{ input: 'd', deadline: '2026-01-31', label: 'Báo cáo' }],
          },
        },
      ],
      bonus: { title: 'Điểm thưởng', titleEn: 'Bonus', max: 1, items: [{ code: 'B1', title: 'Thưởng', max: 1 }] },
    };
    expect(missingEnglish(set).map((m) => m.replace(/ \(.*$/, ''))).toEqual([
      '/issuerEn',
      '/decision/numberEn',
      '/titleEn',
      '/statusNoteEn',
      '/period/labelEn',
      '/fields/0/applicability/reasonEn',
      '/fields/0/inputs/0/unitEn',
      '/fields/0/inputs/0/helpEn',
      '/fields/0/inputs/0/options/0/labelEn',
      '/fields/0/documents/0/kindEn',
      '/fields/0/rule/noteEn',
      '/fields/0/rule/tiers/0/labelEn',
      '/fields/0/rule/parts/0/labelEn',
      '/fields/0/rule/items/0/labelEn',
      '/bonus/items/0/titleEn',
    ]);
  });
});
