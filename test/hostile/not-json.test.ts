/**
 * Files that are not JSON text, given where JSON is expected: an 8-bit (Windows-1258) file, UTF-16 with
 * or without its byte order mark, a CSV saved from Excel, an Excel or Word file, a zip, a PDF, binary
 * data. Each gets a coded error that says what the file is and what to do; none is read as text.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '@parindex/explain';
import { readJsonFile } from '@parindex/rules/node';
import { cli } from '../../packages/cli/test/helpers.js';
import { EVIDENCE_TEXT, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'parindex-not-json-'));
const file = (name: string, bytes: Buffer | string) => {
  const p = join(tmp, name);
  writeFileSync(p, bytes);
  return p;
};
const fixture = (name: string) => join(ROOT, 'test/hostile/not-json', name);
/** The evidence as Windows-1258 would save it: "ĩ" (in "Vĩnh") is the single byte 0xF2. */
const cp1258 = Buffer.from(
  EVIDENCE_TEXT.replace('"name": "', '"name": "V\u0129nh ').replace(/[^\x00-\x7f]/g, (c) => (c === '\u0129' ? '\xf2' : '?')),
  'latin1',
);

describe('a file that is not JSON text: what it is', () => {
  const cases: Array<[string, () => string, string]> = [
    ['UTF-16 LE with its byte order mark', () => file('le-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EVIDENCE_TEXT, 'utf16le')])), 'utf16'],
    ['UTF-16 LE without it', () => file('le.json', Buffer.from(EVIDENCE_TEXT, 'utf16le')), 'utf16'],
    ['UTF-16 BE without it', () => file('be.json', Buffer.from(EVIDENCE_TEXT, 'utf16le').swap16()), 'utf16'],
    ['an Excel workbook', () => fixture('evidence.xlsx'), 'xlsx'],
    ['a Word document', () => fixture('evidence.docx'), 'docx'],
    ['a zip archive', () => fixture('evidence.zip'), 'zip'],
    ['an Excel 97-2003 workbook', () => file('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])), 'xls'],
    ['a PDF', () => file('scan.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'pdf'],
    ['binary data', () => file('data.bin', Buffer.from([0x7b, 0x00, 0x00, 0x01, 0x22, 0x00, 0x00, 0x00, 0x05, 0x22, 0x7d, 0x00])), 'binary'],
    ['a CSV saved from Excel (UTF-8 with a byte order mark, commas)', () => file('excel.csv', '\ufeffMã tiêu chí,Đầu vào,Giá trị\r\n1.1,plan_ok,có\r\n2.1,resolved,1300\r\n'), 'csv'],
    ['a CSV with semicolons', () => file('excel2.csv', 'criterion;input;value\n1.1;plan_ok;true\n'), 'csv'],
  ];
  for (const [what, path, kind] of cases) {
    it(`${what}: FILE_NOT_JSON (${kind}), no value`, () => {
      const r = readJsonFile(path());
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.filter((d) => d.code !== 'FILE_BOM').map((d) => [d.code, d.params])).toEqual([['FILE_NOT_JSON', { kind }]]);
    });
  }
  it('an 8-bit (Windows-1258) file is FILE_ENCODING at the first byte that is not UTF-8, and says to save as UTF-8', () => {
    const r = readJsonFile(file('cp1258.json', cp1258));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FILE_ENCODING']);
    expect(diagnosticText(r.diagnostics[0]!, 'vi')).toContain('Windows-1258');
  });
  it('JSON text with tabs and commas is still JSON', () => {
    const r = readJsonFile(file('ok.json', '{\n\t"a": [1, 2, 3],\n\t"b": "x,y"\n}'));
    expect(r.value).toEqual({ a: [1, 2, 3], b: 'x,y' });
  });
});

describe('validate, as an officer runs it', () => {
  it('says in Vietnamese and in English what the file is and what to do', async () => {
    const xlsx = fixture('evidence.xlsx');
    const csv = file('bang.csv', 'Mã tiêu chí,Giá trị\n1.1,có\n');
    const utf16 = file('unicode.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8'), 'utf16le')]));
    const [vi, en] = await Promise.all([cli(['validate', xlsx, csv, utf16]), cli(['validate', xlsx, csv, utf16, '--lang', 'en'])]);
    expect(vi.code).toBe(1);
    expect(vi.stdout).toContain('FILE_NOT_JSON');
    // A workbook given by its .xlsx name is read as one (docs/cli.md "import"): this one was not made by parindex.
    expect(vi.stdout).toContain('WORKBOOK_NOT_BOUND');
    expect(vi.stdout).toContain('Sổ tính này không phải mẫu do parindex tạo');
    expect(vi.stdout).toContain('(CSV, như Excel lưu)');
    expect(vi.stdout).toContain('lưu lại với bảng mã UTF-8');
    expect(vi.stdout).toContain('3 có lỗi');
    expect(en.stdout).toContain('This workbook was not made by parindex');
    expect(en.stdout).toContain('The file is UTF-16 text');
  });
});
