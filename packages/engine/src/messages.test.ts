/**
 * Evidence and appraisal schema problems as data, in both languages (see rules/src/parse.test.ts for the rest).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../explain/src/index.js';
import type { Diagnostic } from './deps.js';
import { parseAppraisal } from './appraisal.js';
import { parseEvidence } from './evidence.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (p: string) => JSON.parse(readFileSync(`${ROOT}${p}`, 'utf8'));
const evidence = read('examples/vinh-bao/par-2026.json');
const appraisal = read('examples/vinh-bao/appraisal-2026.json');
type J = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const said = (ds: Diagnostic[]) => ds.map((d) => [d.path, diagnosticText(d, 'en'), diagnosticText(d, 'vi')]);

describe('evidence and appraisal problems in English and Vietnamese', () => {
  it('a value of a type no input takes', () => {
    const e: J = structuredClone(evidence);
    e.entries[3].values = { a: [1] };
    expect(said(parseEvidence(e).diagnostics)).toEqual([
      [
        '/entries/3/values/a',
        '"a" must be true or false, a number, a string or an object {…} (received a list).',
        '"a" phải là true hoặc false, số, chuỗi ký tự hoặc đối tượng {…} (nhận được một danh sách).',
      ],
    ]);
  });
  it('a tally with a count that is not a number is said at the value, with the place inside it', () => {
    const e: J = structuredClone(evidence);
    e.entries[0].value = { rat_hai_long: 'nhiều' };
    expect(said(parseEvidence(e).diagnostics)).toEqual([['/entries/0/value', '"rat_hai_long" must be a number (received "nhiều").', '"rat_hai_long" phải là số (nhận được "nhiều").']]);
  });
  it("the schema's own sentences have a Vietnamese version", () => {
    const e: J = structuredClone(evidence);
    e.entries[0].documents = [{ sha256: 'ABC' }];
    e.criteriaSet = 'model.commune-par';
    expect(said(parseEvidence(e).diagnostics)).toEqual([
      [
        '/criteriaSet',
        'The criteria set ("criteriaSet") must be "id@version", e.g. "model.commune-par@2026".',
        'Bộ tiêu chí ("criteriaSet") phải có dạng "mã@phiên_bản", ví dụ "model.commune-par@2026".',
      ],
      ['/entries/0/documents/0/sha256', 'The SHA-256 ("sha256") must be 64 lowercase hex digits.', 'Mã SHA-256 ("sha256") phải gồm 64 chữ số thập lục phân viết thường.'],
    ]);
  });
  it('a missing reason in an appraisal', () => {
    const a: J = structuredClone(appraisal);
    delete a.rounds[0].items[0].reason;
    expect(said(parseAppraisal(a).diagnostics)).toEqual([['/rounds/0/items/0/reason', 'The reason ("reason") is missing (expected a string).', 'Thiếu lý do ("reason") (cần chuỗi ký tự).']]);
  });
});
