/**
 * Hostile and mistaken workbooks, built programmatically: each a coded error within the documented
 * limits (docs/limits.md), never a hang, a stack trace or a partial import; and the values an officer
 * types as text ("95,5", "3.000", "15/01/2026", "88%") read by the rules of the JSON evidence.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnosticText } from '@parindex/explain';
import { guardWorkbook, rangeCells } from '@parindex/workbook';
import { readWorkbookFile } from '../src/workbook/load.js';
import { baseTemplate, FIGURES_PART, importAs, withCells, withPart } from './workbook-cases.js';
import { cliInProcess, tempDir } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

const codes = (list: ReadonlyArray<{ code: string }>) => list.map((d) => d.code);

describe('hostile workbooks are refused before exceljs reads them', () => {
  it('a zip bomb: the bytes that really come out count, whatever the archive claims', async () => {
    const bomb = await withPart(FIGURES_PART, (xml) => xml.replace('<sheetData>', `<sheetData><!--${' '.repeat(640 * 1024)}-->`));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await guardWorkbook(bomb, { inflatedBytes: 512 * 1024 })).toMatchObject([{ code: 'WORKBOOK_LIMIT', params: { what: 'inflatedBytes', part: FIGURES_PART } }]);
    expect(await guardWorkbook(bomb)).toEqual([]);
  });

  it('a data validation over the whole grid (exceljs would expand 17 billion cells) and a cell beyond it', async () => {
    const huge = await withPart(FIGURES_PART, (xml) => xml.replace('</sheetData>', '</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"/></dataValidations>'));
    expect(await guardWorkbook(huge)).toMatchObject([{ code: 'WORKBOOK_LIMIT', params: { what: 'rangeCells' } }]);
    const beyond = await withPart(FIGURES_PART, (xml) => xml.replace('<sheetData>', '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row>'));
    expect(await guardWorkbook(beyond)).toMatchObject([{ code: 'WORKBOOK_LIMIT', params: { what: 'grid' } }]);
    expect(rangeCells('A1:B3 D4')).toBe(7);
    expect(rangeCells('A1:XFD1048577')).toBe(Infinity);
  });

  it('too many rows, cells, sheets or parts', async () => {
    const bytes = await baseTemplate();
    expect(await guardWorkbook(bytes, { rows: 100 })).toMatchObject([{ code: 'WORKBOOK_LIMIT', params: { what: 'rows', limit: 100 } }]);
    expect(await guardWorkbook(bytes, { cells: 100 })).toMatchObject([{ code: 'WORKBOOK_LIMIT', params: { what: 'cells' } }]);
    expect(await guardWorkbook(bytes, { sheets: 2 })).toMatchObject([{ code: 'WORKBOOK_LIMIT', params: { what: 'sheets' } }]);
    expect(await guardWorkbook(bytes, { zipEntries: 3 })).toMatchObject([{ code: 'WORKBOOK_LIMIT', params: { what: 'zipEntries' } }]);
    expect(await guardWorkbook(bytes, { fileBytes: 100 })).toMatchObject([{ code: 'WORKBOOK_LIMIT', params: { what: 'fileBytes' } }]);
  });

  it('XML entities ("billion laughs", external entities) and broken XML', async () => {
    const laughs = await withPart('xl/workbook.xml', (xml) => xml.replace('?>', '?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
    expect(codes(await importAs(laughs, dir))).toEqual(['WORKBOOK_XML_DOCTYPE']);
    const broken = await withPart('xl/styles.xml', (xml) => xml.slice(0, xml.length / 2));
    expect(await importAs(broken, dir)).toMatchObject([{ code: 'WORKBOOK_UNREADABLE', params: { reason: 'xml', part: 'xl/styles.xml' } }]);
    expect(await importAs(Buffer.from('not a zip'), dir)).toMatchObject([{ code: 'WORKBOOK_UNREADABLE', params: { reason: 'notZip' } }]);
  });

  it('a formula is refused with its cell, the figure by its label, and what to do', async () => {
    const found = await importAs(await withCells([['Số liệu', 'D14', { formula: 'D15*2', result: 12 } as never]]), dir);
    const f = found.find((d) => d.code === 'WORKBOOK_FORMULA')!;
    expect(f.cell).toBe('Số liệu!D14');
    expect(diagnosticText(f, 'vi')).toBe(
      'Ô của số liệu "Số nhiệm vụ trong Kế hoạch CCHC năm" của tiêu chí 1.1.3 chứa công thức (=D15*2); parindex chỉ đọc giá trị được nhập. Hãy sao chép và dán giá trị (Dán đặc biệt → Giá trị).',
    );
    expect(diagnosticText(f, 'en')).toContain('the figure "Tasks in the annual plan" of criterion 1.1.3 holds a formula');
  });
});

describe('what an officer types', () => {
  it('numbers and dates typed as text are read as in the JSON evidence, without its hints: they are what the sheet asks for', async () => {
    const bytes = await withCells([
      ['Số liệu', 'D3', '3.000'],
      ['Số liệu', 'D9', '15/01/2026'],
      ['Số liệu', 'D11', 'Có'],
      ['Số liệu', 'D14', '20'],
    ]);
    const file = join(dir, 'typed.xlsx');
    writeFileSync(file, bytes);
    const f = await readWorkbookFile(file, undefined, true);
    const entries = (f.value as { entries: Array<Record<string, unknown>> }).entries;
    expect(entries[0]).toEqual({ input: 'dossiers_received', value: 3000 });
    expect(entries.find((e) => e.criterion === '1.1.1')).toEqual({ criterion: '1.1.1', values: { plan_issued_on: '2026-01-15' } });
    expect(entries.find((e) => e.criterion === '1.1.2')).toEqual({ criterion: '1.1.2', values: { plan_tasks_identified: true } });
    // The JSON format's hints ("in the file, write 3000") would contradict the sheet's "type numbers as Excel shows them (95,5; 3.000)".
    expect(f.diagnostics.filter((d) => ['Số liệu!D3', 'Số liệu!D9', 'Số liệu!D11', 'Số liệu!D14'].includes(d.cell!)).map((d) => d.code)).toEqual([]);
  });

  it('a choice not in its drop-down names the drop-down, as it shows, and the nearest; a level the set is not for is said once', async () => {
    const found = await importAs(
      await withCells([
        ['Số liệu', 'D32', 'ban hành đúng han'],
        ['Số liệu', 'D11', 'Rồi'],
        ['Đơn vị', 'B12', 'Huyện'],
        ['Giải trình', 'A3', '3.71'],
        ['Giải trình', 'C3', 'Đang chờ quyết định của tỉnh.'],
        ['Tài liệu', 'A40', '1.1.9'],
        ['Tài liệu', 'D40', '12/KH-UBND'],
      ]),
      dir,
    );
    const at = (cell: string) => found.filter((d) => d.cell === cell && d.severity === 'error');
    expect(at('Số liệu!D32').map((d) => diagnosticText(d, 'vi'))).toEqual([
      '"ban hành đúng han" không có trong danh sách của số liệu "Kế hoạch tuyên truyền CCHC" của tiêu chí 1.4.1: hãy chọn "Ban hành đúng hạn", "Ban hành trễ hạn" hoặc "Không ban hành" (có phải là "Ban hành đúng hạn"?).',
    ]);
    expect(at('Số liệu!D11').map((d) => diagnosticText(d, 'en'))).toEqual([
      '"Rồi" is not in the list of the figure "Plan lists tasks, products, deadlines and lead units" of criterion 1.1.2: choose "có" or "không".',
    ]);
    // "Huyện" is a level (district): the set is not for it, said by the evidence check alone (no "level must be one of …" besides).
    expect(at('Đơn vị!B12').map((d) => d.code)).toEqual(['EVIDENCE_LEVEL_NOT_IN_SET']);
    expect(at('Giải trình!A3').map((d) => diagnosticText(d, 'vi'))).toEqual(['Dòng ghi tiêu chí "3.71", không phải tiêu chí của bộ (có phải là "3.7.1"?).']);
    expect(at('Tài liệu!A40').map((d) => diagnosticText(d, 'en'))).toEqual(['A document row names "1.1.9", which is not a criterion of the set.']);
    const other = await importAs(await withCells([['Đơn vị', 'B12', 'Xa']]), dir);
    expect(other.filter((d) => d.cell === 'Đơn vị!B12').map((d) => diagnosticText(d, 'vi'))).toEqual([
      '"Xa" không có trong danh sách của ô này: hãy chọn "Xã", "Phường" hoặc "Đặc khu" (có phải là "Xã"?).',
    ]);
  });

  it('a blank unit code is a warning: a ranking tells units apart by it', async () => {
    const found = await importAs(await withCells([['Đơn vị', 'B11', 'UBND xã Kiên Thọ']]), dir);
    expect(found.filter((d) => d.code === 'EVIDENCE_UNIT_BLANK').map((d) => `${d.cell} ${d.severity} ${diagnosticText(d, 'vi').slice(0, 22)}`)).toEqual(['Đơn vị!B10 warning Mã đơn vị còn trống: k']);
  });

  it('every problem at once, each with its sheet and cell, in both languages; nothing written', async () => {
    const file = join(dir, 'many.xlsx');
    writeFileSync(
      file,
      await withCells([
        ['Số liệu', 'D3', 'ba nghìn'],
        ['Số liệu', 'D11', 5],
        ['Số liệu', 'C5', 'civil_servant'],
        ['Đơn vị', 'B12', 'Thôn'],
      ]),
    );
    const out = join(dir, 'many.json');
    const vi = await cliInProcess(['import', file, '--out', out]);
    expect(vi.code).toBe(1);
    const lines = vi.stderr.split('\n').filter((l) => l.includes('lỗi:'));
    expect(lines.map((l) => l.split('  ')[0]!.replace(/^.*many\.xlsx:/, ''))).toEqual(expect.arrayContaining(['Số liệu!D3', 'Số liệu!D11', 'Số liệu!C5', 'Đơn vị!B12']));
    expect(vi.stderr).toContain('WORKBOOK_CELL_TYPE');
    const en = await cliInProcess(['import', file, '--lang', 'en']);
    expect(en.stderr).toContain('needs Yes or No, but holds a number ("5")');
    expect(en.stdout).toBe('');
  });

  it('a workbook made for another set or another text of the set is refused with both', async () => {
    const bytes = await withCells([['parindex', 'B3', 'model.commune-par@2025']]);
    const found = await importAs(bytes, dir);
    expect(codes(found)).toEqual(['SET_NOT_FOUND']);
    const other = await importAs(await withCells([['parindex', 'B4', '0'.repeat(64)]]), dir);
    expect(diagnosticText(other[0]!, 'en')).toMatch(/^The workbook was made for another text of the criteria set model\.commune-par@2026 \(000000000000…; the set in use is [0-9a-f]{12}…\)/);
  });
});

describe('--rules', () => {
  it('a workbook made from a set file is read with that file; with the bundled set it is refused', async () => {
    const { readFileSync } = await import('node:fs');
    const set = JSON.parse(readFileSync(join(process.cwd(), 'rules/sets/targets.kien-tho/2026.json'), 'utf8'));
    set.title = `${set.title} (bản sửa)`;
    const rules = join(dir, 'kien-tho-sua.json');
    writeFileSync(rules, JSON.stringify(set));
    const out = join(dir, 'kt.xlsx');
    expect((await cliInProcess(['template', '--rules', rules, '--format', 'xlsx', '--out', out])).code).toBe(0);
    const ok = await cliInProcess(['import', out, '--rules', rules, '--quiet']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).criteriaSet).toBe('targets.kien-tho@2026');
    const refused = await cliInProcess(['import', out, '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('WORKBOOK_SET_MISMATCH');
    expect(refused.stderr).toContain('another text of the criteria set targets.kien-tho@2026');
  });
});

describe('percentages and decimals', () => {
  it('"88%" and "95,5" typed as text, 0.885 in a cell formatted as a percentage, 0.1 + 0.2 as Excel stores it', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await baseTemplate()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Số liệu')!;
    const row = (key: string) => {
      let n = 0;
      ws.eachRow((r, i) => {
        if (r.getCell(3).value === key) n = i;
      });
      return ws.getRow(n).getCell(4);
    };
    row('non_territorial_rate').value = '88%';
    row('data_reuse_rate').value = '95,5';
    const pct = row('recurrent_savings_rate');
    pct.value = 0.885;
    // A style of its own (exceljs shares the style objects of the cells it loaded).
    pct.style = { ...pct.style, numFmt: '0.0%' };
    row('investment_allocated').value = 1234.5;
    row('investment_disbursed').value = 0.1 + 0.2;
    const f = join(dir, 'percent.xlsx');
    writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
    const read = await readWorkbookFile(f, undefined, true);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const values = Object.assign({}, ...(read.value as { entries: Array<{ values?: object }> }).entries.map((e) => e.values ?? {}));
    expect(values).toMatchObject({ non_territorial_rate: 88, data_reuse_rate: 95.5, recurrent_savings_rate: 88.5, investment_allocated: 1234.5, investment_disbursed: 0.30000000000000004 });
    expect(read.diagnostics.filter((d) => d.code === 'EVIDENCE_DECIMAL_COMMA')).toEqual([]);
  });

  it('"1.170" typed as text in a decimal cell may be 1.17 or 1170 (the sheet writes thousands so): an error naming both', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await baseTemplate()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Số liệu')!;
    let n = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(3).value === 'investment_allocated') n = i;
    });
    ws.getRow(n).getCell(4).value = '1.170';
    const f = join(dir, 'dot.xlsx');
    writeFileSync(f, Buffer.from(await wb.xlsx.writeBuffer()));
    const read = await readWorkbookFile(f, undefined, true);
    expect(read.value).toBeUndefined();
    expect(read.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.cell, d.code, d.params])).toEqual([
      [`Số liệu!D${n}`, 'EVIDENCE_NUMBER_AMBIGUOUS', expect.objectContaining({ got: '1.170', thousands: '1170', decimal: '1.17' })],
    ]);
  });
});
