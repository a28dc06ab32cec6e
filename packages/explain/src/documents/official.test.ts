/** The official table as a document: the place and the date (never the clock), a column per round, the totals once. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, score } from '@parindex/engine';
import { createExplainer } from '../index.js';
import { documentDate, officialDocument, placeOf, type OfficialInput } from './official.js';

const root = new URL('../../../../', import.meta.url);
const read = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8'));

describe('the official table', () => {
  const compiled = compile(read('rules/sets/model.commune-par/2026.json'));
  const evidence = read('examples/vinh-bao/par-2026.json');
  const appraisal = read('examples/vinh-bao/appraisal-2026.json');
  const self = score(compiled, evidence);
  const rounds = ['round1', 'round2'].map((round) => score(compiled, evidence, { appraisal, round }));
  const input = (x: Partial<OfficialInput>): OfficialInput => ({ self, rounds: [], set: compiled.set, preparedBy: evidence.preparedBy, ...x });

  it('a criterion that does not apply says whether it counts its full points or leaves the maximum', () => {
    const notes = (lang: 'vi' | 'en') => {
      const table = officialDocument(input({}), createExplainer(compiled, lang)).find((b) => b.kind === 'table');
      if (table?.kind !== 'table') throw new Error('no table');
      return Object.fromEntries(['1.3.3', '2.1'].map((code) => [code, table.rows.find((r) => r.cells[0] === code)!.cells.slice(2)]));
    };
    // 1.3.3 leaves the maximum (reduceMaximum); 2.1 (nothing assigned: zero denominator) counts 2 of 2.
    expect(notes('vi')).toEqual({ '1.3.3': ['0', '0', [], ['Không áp dụng', '(tối đa theo bộ 0,5)']], '2.1': ['2', '2', [], ['Không áp dụng: tính đủ điểm']] });
    expect(notes('en')['2.1']).toEqual(['2', '2', [], ['Not applicable: full points']]);
  });

  it('the place is the locality of the unit, else its province, else left to write by hand', () => {
    expect(placeOf({ name: 'UBND xã Vĩnh Bảo' })).toBe('Vĩnh Bảo');
    expect(placeOf({ name: 'Ủy ban nhân dân phường Trần Liễu' })).toBe('Trần Liễu');
    expect(placeOf({ name: 'UBND thị trấn Cát Bà' })).toBe('Cát Bà');
    // A unit named by its level and place alone, as examples/generate.mjs names them.
    expect(placeOf({ name: 'Phường Bình Điền' })).toBe('Bình Điền');
    expect(placeOf({ name: 'Xã Bình Hải', province: 'Hải Phòng' })).toBe('Bình Hải');
    expect(placeOf({ name: 'Xã' })).toBeUndefined();
    expect(placeOf({ name: 'Sở Nội vụ', province: 'Hải Phòng' })).toBe('Hải Phòng');
    expect(placeOf({ name: 'Sở Nội vụ' })).toBeUndefined();
  });

  it("the date is the last round's, or the preparer's; never today's", () => {
    expect(documentDate(input({}))).toBe('2026-12-15');
    expect(documentDate(input({ rounds, appraisalRounds: appraisal.rounds }))).toBe('2027-02-05');
    expect(documentDate(input({ rounds: rounds.slice(0, 1), appraisalRounds: appraisal.rounds.slice(0, 1) }))).toBe('2027-01-20');
    expect(documentDate(input({ preparedBy: undefined }))).toBeUndefined();
    const doc = officialDocument(input({ preparedBy: undefined }), createExplainer(compiled, 'vi'));
    expect(doc.find((b) => b.kind === 'dateline')).toEqual({ kind: 'dateline', text: 'Vĩnh Bảo, ngày …… tháng …… năm ……' });
  });

  it('a column per round, exact values behind the numbers, totals once in the footer, signatures and provenance', () => {
    const doc = officialDocument(input({ rounds, appraisalRounds: appraisal.rounds }), createExplainer(compiled, 'en'));
    const table = doc.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.columns.map((c) => c.label)).toEqual(['No.', 'Field / criterion', 'Maximum', 'Self-score', 'Appraisal round 1 points', 'Appraisal round 2 points', 'Evidence documents', 'Notes']);
    expect(table.footer?.map((r) => r.values?.slice(3))).toEqual([
      [self.totals.points, rounds[0]!.totals.points, rounds[1]!.totals.points],
      [self.totals.index, rounds[0]!.totals.index, rounds[1]!.totals.index],
      [undefined, undefined, undefined],
    ]);
    const row = table.rows.find((r) => r.cells[0] === '3.7.2')!;
    expect(row.values).toEqual([undefined, undefined, '1.5', '1.5', '0.75', '0.75']);
    expect(row.cells[7]).toContain(
      'Thẩm định vòng 1 (mẫu): Online fee payments: 352 → 320; Đối chiếu Cổng Dịch vụ công quốc gia: 320/640 giao dịch thanh toán trực tuyến (50%), không phải 352. (Thẩm định viên B)',
    );
    expect(table.rows.some((r) => r.cells[1] === 'Total points')).toBe(false);
    expect(doc.find((b) => b.kind === 'signatures')).toEqual({
      kind: 'signatures',
      items: [
        { role: 'PREPARED BY', hint: '(Signature and full name)', name: 'Nguyễn Thị Hoa' },
        { role: 'HEAD OF THE UNIT', hint: '(Signature and seal)' },
        { role: 'FOR THE APPRAISAL TEAM', hint: '(Signature and full name)', name: 'Tổ thẩm định Sở Nội vụ (mẫu)' },
      ],
    });
    const atAnswer = officialDocument(
      input({ rounds: [rounds[0]!, score(compiled, evidence, { appraisal, round: 'answer' })], appraisalRounds: appraisal.rounds.slice(0, 2) }),
      createExplainer(compiled, 'vi'),
    );
    // Scored at the unit's answer: the appraisers' line is round 1's team, not the commune that answered.
    expect(atAnswer.find((b) => b.kind === 'signatures')).toEqual({
      kind: 'signatures',
      items: [
        { role: 'NGƯỜI LẬP BIỂU', hint: '(Ký, ghi rõ họ tên)', name: 'Nguyễn Thị Hoa' },
        { role: 'THỦ TRƯỞNG ĐƠN VỊ', hint: '(Ký tên, đóng dấu)' },
        { role: 'ĐẠI DIỆN TỔ THẨM ĐỊNH', hint: '(Ký, ghi rõ họ tên)', name: 'Tổ thẩm định Sở Nội vụ (mẫu)' },
      ],
    });
    const provenance = doc.find((b) => b.kind === 'provenance');
    expect(provenance?.kind === 'provenance' && provenance.text).toBe(
      `Provenance: scored by ${rounds[1]!.provenance.engine}; criteria set model.commune-par@2026, SHA-256 ${compiled.sha256}; evidence SHA-256 ${self.provenance.evidence.sha256}; appraisal file SHA-256 ${rounds[1]!.provenance.appraisal!.sha256}.`,
    );
  });
});
