/**
 * Hostile and mistaken workbooks, built programmatically: each a coded error within the documented
 * limits (docs/limits.md), never a hang, a stack trace or a partial import; and the values an officer
 * types as text ("95,5", "3.000", "15/01/2026", "88%") read by the rules of the JSON evidence.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEvidence, compile } from '@parindex/engine';
import { diagnosticText } from '@parindex/explain';
import { bundledSets } from '@parindex/rules/node';
import { guardWorkbook, rangeCells } from '@parindex/workbook';
import { readWorkbookFile } from '../src/workbook/load.js';
import { baseTemplate, FIGURES_PART, importAs, typedWorkbook, withCells, withPart } from './workbook-cases.js';
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
      '"Rồi" is not in the list of the figure "Plan lists tasks, products, deadlines and lead units" of criterion 1.1.2: choose "Có" or "Không".',
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

  it("a document's date that is not a date is one error at its cell, naming the document and what to type; nothing that only follows from it", async () => {
    const found = await importAs(
      await typedWorkbook('vi', { plan_issued_on: new Date(Date.UTC(2026, 0, 10)), plan_tasks_total: 10, plan_tasks_done: 10 }, [
        // 1.1.1 (its plan), 1.1.3 (its report, a criterion scored and flagged without it), 1.3.1 (no number either).
        ['Tài liệu', 'D2', '01/KH-UBND'],
        ['Tài liệu', 'E2', '32/13/2026'],
        ['Tài liệu', 'D3', '05/BC-UBND'],
        ['Tài liệu', 'E3', 'abc'],
        ['Tài liệu', 'E4', '31/02/2026'],
        // 1.4.1: a number and no date at all, which is still said.
        ['Tài liệu', 'D5', '07/KH-UBND'],
        ['Số liệu', 'I8', 1],
      ]),
      dir,
    );
    expect(found.filter((d) => d.severity === 'error').map((d) => [d.cell, d.code, (d.params as { problem?: string }).problem])).toEqual([
      ['Tài liệu!E2', 'WORKBOOK_DOCUMENT_DATE', 'notReal'],
      ['Tài liệu!E3', 'WORKBOOK_DOCUMENT_DATE', 'notDate'],
      ['Tài liệu!E4', 'WORKBOOK_DOCUMENT_DATE', 'notReal'],
    ]);
    const [plan, report, inspection] = found.filter((d) => d.code === 'WORKBOOK_DOCUMENT_DATE');
    expect(diagnosticText(plan!, 'vi')).toBe(
      'Ngày ban hành của tài liệu "Kế hoạch CCHC năm 2026 của UBND xã" (plan, số 01/KH-UBND) của tiêu chí 1.1.1 ghi "32/13/2026", không phải là ngày có thật trên lịch: hãy nhập ngày dạng dd/mm/yyyy, ví dụ 15/01/2026.',
    );
    expect(diagnosticText(plan!, 'en')).toBe(
      'The date issued of the document "Annual reform plan 2026" (plan, 01/KH-UBND) of criterion 1.1.1 is "32/13/2026", which is not a real calendar date: type the date as dd/mm/yyyy, e.g. 15/01/2026.',
    );
    expect(diagnosticText(report!, 'vi')).toBe(
      'Ngày ban hành của tài liệu "Báo cáo kết quả thực hiện Kế hoạch CCHC năm" (plan_report, số 05/BC-UBND) của tiêu chí 1.1.3 ghi "abc", không phải là một ngày: hãy nhập ngày dạng dd/mm/yyyy, ví dụ 15/01/2026.',
    );
    expect(diagnosticText(report!, 'en')).toBe(
      'The date issued of the document "Report on the annual plan" (plan_report, 05/BC-UBND) of criterion 1.1.3 is "abc", which is not a date: type the date as dd/mm/yyyy, e.g. 15/01/2026.',
    );
    expect(inspection!.params).toMatchObject({ criterion: '1.3.1', requirement: 'inspection_plan', number: null, value: '31/02/2026' });
    // What only follows from the refused cells is not said: not "no date", "lacks its document", "needs an explanation", "the claim is too high".
    // (The figures not typed aside.)
    const about = (code: string) =>
      found.filter((d) => (d.params as { code?: string }).code === code && d.code !== 'SCORE_MISSING_INPUT').map((d) => [d.code, d.cell, (d.params as { missing?: unknown }).missing]);
    expect(about('1.1.1')).toEqual([]);
    expect(about('1.1.3')).toEqual([]);
    // What does not follow from them still is: the number 1.3.1's document lacks, the date 1.4.1's lacks.
    expect(about('1.3.1')).toEqual([['EVIDENCE_DOCUMENT_INCOMPLETE', 'Tài liệu!A4', ['number']]]);
    expect(about('1.4.1')).toEqual([['EVIDENCE_DOCUMENT_INCOMPLETE', 'Tài liệu!A5', ['date']]]);
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

  it('the hint of "1.500" typed as text says what to type as the sheet writes numbers (1.500 and 1,5; 1,500 and 1.5 in English), and what it says to type is read', async () => {
    const ambiguous = async (lang: 'vi' | 'en', typed: string) =>
      (await importAs(await typedWorkbook(lang, { investment_allocated: typed }), dir)).filter((d) => d.code === 'EVIDENCE_NUMBER_AMBIGUOUS');
    const [vi] = await ambiguous('vi', '1.500');
    expect(vi!.params).toEqual({
      input: 'investment_allocated',
      got: '1.500',
      thousands: '1500',
      decimal: '1.5',
      sheet: 'vi',
      label: 'Kế hoạch vốn đầu tư công được giao',
      labelEn: 'Public investment allocated',
    });
    expect(diagnosticText(vi!, 'vi')).toBe(
      'Đầu vào "Kế hoạch vốn đầu tư công được giao" (investment_allocated) được viết "1.500", có thể hiểu là 1.500 (có dấu ngăn cách hàng nghìn) hoặc 1,5 (có phần thập phân): hãy nhập 1500 (không có dấu ngăn cách hàng nghìn) hoặc 1,5 (dấu phẩy trước phần thập phân).',
    );
    // The Vietnamese workbook's numbers, in an English sentence (parindex import --lang en).
    expect(diagnosticText(vi!, 'en')).toBe(
      'The input "Public investment allocated" (investment_allocated) is written "1.500", which can mean 1.500 (a thousands separator) or 1,5 (a decimal part): type 1500 (no thousands separator) or 1,5 (a comma before the decimals).',
    );
    const [en] = await ambiguous('en', '1.500');
    expect(en!.params).toMatchObject({ sheet: 'en' });
    expect(diagnosticText(en!, 'en')).toBe(
      'The input "Public investment allocated" (investment_allocated) is written "1.500", which can mean 1,500 (a thousands separator) or 1.5 (a decimal part): type 1500 (no thousands separator) or 1.5 (a dot before the decimals).',
    );
    // What the hints say to type, typed as text too, is one number.
    const read: unknown[] = [];
    for (const [lang, typed] of [
      ['vi', '1500'],
      ['vi', '1,5'],
      ['en', '1500'],
      ['en', '1.5'],
    ] as const) {
      const file = join(dir, `hint-${lang}-${read.length}.xlsx`);
      writeFileSync(file, await typedWorkbook(lang, { investment_allocated: typed }));
      const entries = ((await readWorkbookFile(file, undefined, true)).value as { entries: Array<{ values?: Record<string, unknown> }> }).entries;
      read.push(entries.find((e) => e.values?.investment_allocated !== undefined)?.values?.investment_allocated);
    }
    expect(read).toEqual([1500, 1.5, 1500, 1.5]);
    // A JSON evidence file keeps its own hint: the file writes 1500 or 1.5.
    const compiled = compile(bundledSets().get('model.commune-par@2026'));
    const evidence = {
      formatVersion: 1,
      criteriaSet: compiled.ref,
      unit: { code: 'X', name: 'X', level: 'commune' },
      period: compiled.set.period,
      entries: [{ criterion: '6.4', values: { investment_allocated: '1,500' } }],
    };
    const json = checkEvidence(compiled, evidence).find((d) => d.code === 'EVIDENCE_NUMBER_AMBIGUOUS')!;
    expect('sheet' in json.params).toBe(false);
    expect(diagnosticText(json, 'vi')).toMatch(/: hãy viết số không có dấu ngăn cách hàng nghìn, phần thập phân sau dấu chấm, ví dụ 1500 hoặc 1\.5\.$/);
  });
});

/** The values an import read, by input id (every entry's). */
const valuesOf = (value: unknown): Record<string, unknown> =>
  Object.assign({}, ...((value as { entries?: Array<Record<string, any>> } | undefined)?.entries ?? []).map((e) => (e.input ? { [e.input]: e.value } : (e.values ?? {}))));

describe("numbers typed as text, in the workbook's own convention", () => {
  /** The figures read from a workbook of `lang` with these typed, and its errors by figure id. */
  const read = async (lang: 'vi' | 'en', figures: Record<string, string | number>) => {
    const file = join(dir, `convention-${lang}-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(file, await typedWorkbook(lang, figures));
    const f = await readWorkbookFile(file, undefined, true);
    const errors = f.diagnostics.filter((d) => d.severity === 'error');
    return { values: valuesOf(f.value), errors, byInput: (id: string) => errors.filter((d) => (d.params as { input?: string }).input === id) };
  };

  it('an English workbook reads "1,480" in a count, "18,450.5" in a decimal and "86.5%" as its Excel writes them; a Vietnamese one "1.480", "18.450,5" and "86,5%"', async () => {
    const en = await read('en', {
      dossiers_received: '1,480',
      civil_servants: '1,234',
      investment_allocated: '18,450.5',
      investment_disbursed: '12,000.75',
      non_territorial_rate: '86.5%',
      data_reuse_rate: '95.5',
    });
    expect(en.errors).toEqual([]);
    // The same numbers, each written as its language's Excel writes it.
    const values = { dossiers_received: 1480, civil_servants: 1234, investment_allocated: 18450.5, investment_disbursed: 12000.75, non_territorial_rate: 86.5, data_reuse_rate: 95.5 };
    expect(en.values).toMatchObject(values);
    const vi = await read('vi', {
      dossiers_received: '1.480',
      civil_servants: '1.234',
      investment_allocated: '18.450,5',
      investment_disbursed: '12.000,75',
      non_territorial_rate: '86,5%',
      data_reuse_rate: '95,5',
    });
    expect(vi.errors).toEqual([]);
    expect(vi.values).toMatchObject(values);
  });

  it("what reads as two numbers in the sheet's convention is still the question; a decimal comma in an English workbook is refused, saying what to type", async () => {
    // "1.480" in an English count: 1.48 is no count, but 1480 is how a Vietnamese Excel writes it; "1,480" in a decimal, the other way round.
    const en = await read('en', { dossiers_received: '1.480', investment_allocated: '1,480', investment_disbursed: '1,5', non_territorial_rate: '86,5%', data_reuse_rate: '1.234,5' });
    expect(en.byInput('dossiers_received').map((d) => [d.code, d.params])).toEqual([
      ['EVIDENCE_NUMBER_AMBIGUOUS', expect.objectContaining({ got: '1.480', thousands: '1480', decimal: '1.48', sheet: 'en' })],
    ]);
    expect(en.byInput('investment_allocated').map((d) => [d.code, d.params])).toEqual([
      ['EVIDENCE_NUMBER_AMBIGUOUS', expect.objectContaining({ got: '1,480', thousands: '1480', decimal: '1.48', sheet: 'en' })],
    ]);
    const comma = (id: string) => en.byInput(id).map((d) => [d.code, (d.params as { got: string }).got, (d.params as { suggest: string }).suggest]);
    expect([comma('investment_disbursed'), comma('non_territorial_rate'), comma('data_reuse_rate')]).toEqual([
      [['WORKBOOK_DECIMAL_COMMA', '1,5', '1.5']],
      [['WORKBOOK_DECIMAL_COMMA', '86,5%', '86.5%']],
      [['WORKBOOK_DECIMAL_COMMA', '1.234,5', '1234.5']],
    ]);
    const [d] = en.byInput('investment_disbursed');
    expect(diagnosticText(d!, 'en')).toBe(
      'The cell of the figure "Disbursed" of criterion 6.4 holds "1,5", with a comma before the decimals; this English workbook writes decimals after a dot, and a comma separates thousands (1,500 is 1500): type 1.5.',
    );
    expect(diagnosticText(d!, 'vi')).toBe(
      'Ô của số liệu "Số vốn đã giải ngân" của tiêu chí 6.4 ghi "1,5", có dấu phẩy trước phần thập phân; sổ tính tiếng Anh viết phần thập phân sau dấu chấm, dấu phẩy ngăn cách hàng nghìn (1,500 là 1500): hãy nhập 1.5.',
    );
    // The Vietnamese workbook as before: "1,480" in a count may be 1480 (as English writes it) or 1,48; "1,5" is 1.5.
    const vi = await read('vi', { dossiers_received: '1,480' });
    expect(vi.byInput('dossiers_received').map((x) => [x.code, (x.params as { sheet?: string }).sheet])).toEqual([['EVIDENCE_NUMBER_AMBIGUOUS', 'vi']]);
    expect((await read('vi', { investment_disbursed: '1,5' })).values.investment_disbursed).toBe(1.5);
  });
});

describe('the self-score cell', () => {
  it('a self-score that is not a number is said of its column and criterion, as the sheet shows them, not of a key of the evidence file', async () => {
    const vi = await importAs(await withCells([['Số liệu', 'I89', 'một điểm']]), dir);
    const [d] = vi.filter((x) => x.cell === 'Số liệu!I89');
    expect(d!.code).toBe('WORKBOOK_CELL_TYPE');
    expect(diagnosticText(d!, 'vi')).toBe('Ô "Điểm tự chấm" của tiêu chí 3.7.1 cần một số điểm, nhưng chứa văn bản ("một điểm").');
    const en = await importAs(await typedWorkbook('en', {}, [['Figures', 'I89', 'one point']]), dir);
    const [e] = en.filter((x) => x.cell === 'Figures!I89');
    expect(diagnosticText(e!, 'en')).toBe('The "Self-score" cell of criterion 3.7.1 needs points, but holds text ("one point").');
    for (const x of [d!, e!]) for (const lang of ['vi', 'en'] as const) expect(diagnosticText(x, lang)).not.toContain('claimedPoints');
  });

  it('points typed as text are read in the sheet\'s convention, within the criterion\'s maximum ("1.250" is 1,25 points, not 1250)', async () => {
    const file = join(dir, 'claims.xlsx');
    writeFileSync(
      file,
      await withCells([
        ['Số liệu', 'I89', '0,75'],
        ['Số liệu', 'I71', '1.250'],
      ]),
    );
    const f = await readWorkbookFile(file, undefined, true);
    expect(f.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const claims = Object.fromEntries((f.value as { entries: Array<Record<string, unknown>> }).entries.filter((e) => e.claimedPoints !== undefined).map((e) => [e.criterion, e.claimedPoints]));
    expect(claims).toEqual({ '3.2': 1.25, '3.7.1': 0.75 });
  });
});

describe('what follows from a refused cell is not said again', () => {
  it('no claim mismatch of a criterion that reads a refused figure, no "missing" for the refused figure; a real mismatch stays', async () => {
    const found = await importAs(
      await withCells([
        // 5.3 and 7.8 read the unit's civil servants, refused; both claim 1 point.
        ['Số liệu', 'D5', 'ba mươi'],
        ['Số liệu', 'D119', 10],
        ['Số liệu', 'I118', 1],
        ['Số liệu', 'D160', 10],
        ['Số liệu', 'I159', 1],
        // 1.2: the first report's date does not exist; the others are on time; it claims 1 point.
        ['Số liệu', 'D17', '31/02/2026'],
        ['Số liệu', 'D18', new Date(Date.UTC(2026, 5, 20))],
        ['Số liệu', 'D19', new Date(Date.UTC(2026, 8, 20))],
        ['Số liệu', 'D20', new Date(Date.UTC(2026, 11, 10))],
        ['Số liệu', 'I16', 1],
        // 1.1.3: every cell read, 5 tasks of 10 done, and it claims 1 point: a real mismatch.
        ['Số liệu', 'D14', 10],
        ['Số liệu', 'D15', 5],
        ['Số liệu', 'I13', 1],
      ]),
      dir,
    );
    expect(found.filter((d) => d.severity === 'error').map((d) => [d.cell, d.code])).toEqual([
      ['Số liệu!D5', 'EVIDENCE_VALUE_TYPE'],
      ['Số liệu!D17', 'EVIDENCE_DATE_NOT_REAL'],
    ]);
    expect(found.filter((d) => d.code === 'SCORE_CLAIM_MISMATCH').map((d) => [d.cell, (d.params as { code: string }).code])).toEqual([['Số liệu!I13', '1.1.3']]);
    expect(found.filter((d) => d.cell === 'Số liệu!D5' || d.cell === 'Số liệu!D17').map((d) => d.code)).toEqual(['EVIDENCE_VALUE_TYPE', 'EVIDENCE_DATE_NOT_REAL']);
    // 1.2's other figures are there; 5.3's own is: nothing is missing but what was refused.
    expect(found.filter((d) => d.code === 'SCORE_MISSING_INPUT' && ['1.2', '5.3', '7.8'].includes((d.params as { code: string }).code))).toEqual([]);
  });

  it('no "needs an explanation" when the explanation cell was refused; every cell says a problem once', async () => {
    const found = await importAs(
      await withCells([
        ['Số liệu', 'D4', 1300],
        ['Số liệu', 'D72', 1200],
        ['Giải trình', 'C23', { formula: 'A1', result: 'Đang chờ báo cáo' } as never],
        ['Số liệu', 'D14', 10],
        ['Số liệu', 'D15', 5],
      ]),
      dir,
    );
    const of = (code: string) =>
      found.filter((d) => (d.params as { code?: string; criterion?: string }).code === code || (d.params as { criterion?: string }).criterion === code).map((d) => [d.cell, d.code]);
    expect(of('3.2')).toEqual([
      ['Giải trình!C23', 'WORKBOOK_FORMULA'],
      ['Tài liệu!D11', 'SCORE_MISSING_DOCUMENT'],
    ]);
    // 1.1.3 lacks its report and has no explanation: said.
    expect(of('1.1.3')).toContainEqual(['Số liệu!A13', 'SCORE_NEEDS_EXPLANATION']);
    // The unit's civil servants, read by 5.3 and 7.8 and not given: one problem at its one cell.
    expect(found.filter((d) => d.cell === 'Số liệu!D5').map((d) => [d.code, (d.params as { input: string }).input])).toEqual([['SCORE_MISSING_INPUT', 'civil_servants']]);
  });

  it("score, validate and explain of a workbook say a shared figure's problem once at its cell too, as import does", async () => {
    const file = join(dir, 'thieu-cong-chuc.xlsx');
    writeFileSync(file, await withCells([['Số liệu', 'D4', 1300]]));
    for (const command of ['score', 'validate', 'explain']) {
      const r = await cliInProcess([command, file]);
      const lines = (command === 'validate' ? r.stdout : r.stderr).split('\n').filter((l) => l.includes('Số liệu!D5 '));
      expect(lines.length, command).toBe(1);
      expect(lines[0], command).toMatch(/SCORE_MISSING_INPUT/);
    }
  });
});

describe('a percent typed as a fraction', () => {
  it('0.42 in a percent cell not formatted as a percentage is read as typed (0,42%), with a warning saying what to type if it is 42%', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await typedWorkbook('vi', { non_territorial_rate: 0.42, data_reuse_rate: '0,5', recurrent_savings_rate: '0,5%', work_files_online_rate: 42, vneid_rate: 0.42 })) as unknown as ArrayBuffer,
    );
    // A cell formatted as a percentage: Excel stores 42% as 0.42, and it is read as 42 without a word.
    wb.getWorksheet('Số liệu')!.eachRow((row) => {
      if (row.getCell(3).value === 'vneid_rate') row.getCell(4).style = { ...row.getCell(4).style, numFmt: '0%' };
    });
    const file = join(dir, 'fraction.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const f = await readWorkbookFile(file, undefined, true);
    expect(valuesOf(f.value)).toMatchObject({ non_territorial_rate: 0.42, data_reuse_rate: 0.5, recurrent_savings_rate: 0.5, work_files_online_rate: 42, vneid_rate: 42 });
    const warned = f.diagnostics.filter((d) => d.code === 'WORKBOOK_PERCENT_FRACTION');
    expect(warned.map((d) => [d.severity, (d.params as { input: string }).input, (d.params as { percent: string }).percent])).toEqual([
      ['warning', 'non_territorial_rate', '42'],
      ['warning', 'data_reuse_rate', '50'],
    ]);
    expect(diagnosticText(warned[0]!, 'vi')).toBe('Ô của số liệu "Tỷ lệ TTHC tiếp nhận phi địa giới hành chính (%)" của tiêu chí 3.3.2 ghi 0,42, được đọc là 0,42%: nếu là 42%, hãy nhập 42 hoặc 42%.');
    expect(diagnosticText(warned[0]!, 'en')).toBe(
      'The cell of the figure "Share of procedures offered regardless of residence (%)" of criterion 3.3.2 holds 0,42, read as 0.42%: if it is 42%, type 42 or 42%.',
    );
    const en = await importAs(await typedWorkbook('en', { non_territorial_rate: '0.425' }), dir);
    expect(en.filter((d) => d.code === 'WORKBOOK_PERCENT_FRACTION').map((d) => diagnosticText(d, 'en'))).toEqual([
      'The cell of the figure "Share of procedures offered regardless of residence (%)" of criterion 3.3.2 holds 0.425, read as 0.425%: if it is 42.5%, type 42.5 or 42.5%.',
    ]);
  });
});

describe("the unit sheet's criteria set", () => {
  it('a changed set or SHA-256 on the unit sheet is said at its cell (the binding sheet decides), in both languages; the figures are still read', async () => {
    const file = join(dir, 'set-cell.xlsx');
    writeFileSync(
      file,
      await withCells([
        ['Đơn vị', 'B8', 'model.commune-par@2025'],
        ['Đơn vị', 'B9', 'abc'],
      ]),
    );
    const f = await readWorkbookFile(file, undefined, true);
    expect(f.value).toBeDefined();
    const ignored = f.diagnostics.filter((d) => d.code === 'WORKBOOK_CELL_IGNORED');
    expect(ignored.map((d) => [d.cell, d.severity, (d.params as { what: string }).what, (d.params as { now: string }).now])).toEqual([
      ['Đơn vị!B8', 'warning', 'criteriaSet', 'model.commune-par@2025'],
      ['Đơn vị!B9', 'warning', 'setHash', 'abc'],
    ]);
    expect(diagnosticText(ignored[0]!, 'vi')).toBe(
      'Bộ tiêu chí ghi trong sổ tính đã bị sửa ("model.commune-par@2026" → "model.commune-par@2025") và không được đọc: sổ tính luôn được đọc theo bộ tiêu chí mà nó được tạo ra (ghi ở trang ẩn). Muốn kê khai theo bộ khác, hãy tạo mẫu của bộ đó (parindex template <bộ tiêu chí> --format xlsx) và chép số liệu sang.',
    );
    const en = await importAs(await typedWorkbook('en', {}, [['Unit', 'B8', 'model.commune-par@2025']]), dir);
    expect(en.filter((d) => d.code === 'WORKBOOK_CELL_IGNORED').map((d) => [d.cell, diagnosticText(d, 'en')])).toEqual([
      [
        'Unit!B8',
        'The criteria set written in the workbook was changed ("model.commune-par@2026" → "model.commune-par@2025") and is not read: a workbook is always read with the set it was made for (kept on a hidden sheet). To fill in another set, make its template (parindex template <set> --format xlsx) and copy the figures over.',
      ],
    ]);
  });
});
