import { describe, expect, it } from 'vitest';
import type { CompiledSet } from '@parindex/engine';
import { csvCell, csvLine, renderCsv } from '../src/format/csv.js';
import { countPhrase, improvementText } from '../src/format/explain-text.js';
import { escapeHtml, renderHtml } from '../src/format/html.js';
import { markdownInline, markdownText, renderMarkdown } from '../src/format/md.js';
import { documentText, terminalText } from '../src/format/escape.js';
import { boundsText } from '../src/format/rule-text.js';
import { renderText, width, wrap } from '../src/format/text.js';
import { formatNumber, formatPercent, percentOf } from '../src/numbers.js';
import { checkOptions } from '../src/main.js';
import { formatDiagnostic, UsageError } from '../src/io.js';
import { diagnosticText } from '@parindex/explain';
import { diag } from '@parindex/rules';

describe('numbers', () => {
  it('Vietnamese: decimal comma, dot for thousands', () => {
    expect(formatNumber('89.95', 'vi')).toBe('89,95');
    expect(formatNumber('1234.5', 'vi')).toBe('1.234,5');
    expect(formatNumber('-0.25', 'vi')).toBe('-0,25');
    expect(formatNumber('1234567', 'vi')).toBe('1.234.567');
    expect(formatNumber('0', 'vi')).toBe('0');
    expect(formatNumber(100, 'vi')).toBe('100');
  });

  it('English: decimal point, comma for thousands', () => {
    expect(formatNumber('89.95', 'en')).toBe('89.95');
    expect(formatNumber('1234.5', 'en')).toBe('1,234.5');
    expect(formatNumber('-1234.25', 'en')).toBe('-1,234.25');
  });

  it('rounds half up for display only, keeps zeros when fixed, signs deltas', () => {
    expect(formatNumber('89.945', 'vi', { places: 2 })).toBe('89,95');
    expect(formatNumber('90', 'vi', { places: 2, fixed: true })).toBe('90,00');
    expect(formatNumber('83.6', 'en', { places: 2, fixed: true })).toBe('83.60');
    expect(formatNumber('-0.001', 'vi', { places: 2 })).toBe('0');
    expect(formatNumber('0.25', 'vi', { sign: true })).toBe('+0,25');
    expect(formatNumber('-0.25', 'vi', { sign: true })).toBe('-0,25');
    expect(formatNumber('0', 'vi', { sign: true })).toBe('0');
    expect(formatNumber('99.99951', 'vi', { places: 4 })).toBe('99,9995');
  });

  it('percentages', () => {
    expect(percentOf('7.6', '9.5')).toBe('80');
    expect(percentOf('1', '0')).toBeNull();
    expect(formatPercent(percentOf('11.5', '15'), 'vi')).toBe('76,67%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});

describe('rule sentences', () => {
  it('states tier bounds as the documents do', () => {
    expect(boundsText({ min: 80, minInclusive: true, max: 90, maxInclusive: false }, '%', 'vi')).toBe('Từ 80% đến dưới 90%');
    expect(boundsText({ min: 90, minInclusive: false }, '%', 'vi')).toBe('Trên 90%');
    expect(boundsText({ min: 90, minInclusive: true }, '%', 'vi')).toBe('Từ 90% trở lên');
    expect(boundsText({ max: 50, maxInclusive: false }, '%', 'vi')).toBe('Dưới 50%');
    expect(boundsText({ min: 70, minInclusive: true, max: 90, maxInclusive: true }, '%', 'vi')).toBe('Từ 70% đến 90%');
    expect(boundsText({ min: 80, minInclusive: true, max: 90, maxInclusive: false }, '%', 'en')).toBe('From 80% to under 90%');
    expect(boundsText({ min: '99.5', minInclusive: true }, '%', 'en')).toBe('99.5% or more');
    expect(boundsText({ min: 100, minInclusive: true, max: 100, maxInclusive: true }, '%', 'vi')).toBe('Bằng 100%');
  });
});

describe('improvement sentences', () => {
  const compiled = {
    inputs: new Map([
      ['on_time', { def: { id: 'on_time', type: 'count', label: 'Số hồ sơ giải quyết đúng hạn', labelEn: 'Dossiers resolved on time', unit: 'hồ sơ', unitEn: 'dossiers' }, criterion: '3.2' }],
      ['resolved', { def: { id: 'resolved', type: 'count', label: 'Số hồ sơ đã giải quyết', labelEn: 'Dossiers resolved', unit: 'hồ sơ' }, criterion: null }],
      ['rate', { def: { id: 'rate', type: 'percent', label: 'Tỷ lệ số hóa (%)', labelEn: 'Digitisation rate (%)' }, criterion: null }],
    ]),
  } as unknown as CompiledSet;

  it('says how many more of the unit\'s own items reach the next tier', () => {
    const im = { kind: 'raiseRatio', numerator: 'on_time', denominator: 'resolved', unit: 'hồ sơ', from: '84', to: '90', delta: '6', target: '90', strict: false, pointsAfter: '0.75', gain: '0.25', feasible: true } as const;
    expect(improvementText(im, compiled, 'vi', '%')).toBe('Thêm 6 hồ sơ giải quyết đúng hạn để đạt 0,75 điểm (+0,25) (84 → 90; tỉ lệ 90%)');
    expect(improvementText(im, compiled, 'en', '%')).toBe('6 more dossiers resolved on time reach 0.75 (+0.25) (84 → 90; ratio 90%)');
    expect(improvementText({ ...im, feasible: false }, compiled, 'vi', '%')).toContain('không thể đạt');
  });

  it('raise, set, provide', () => {
    expect(improvementText({ kind: 'raise', input: 'rate', from: '76.4', to: '80', delta: '3.6', strict: false, pointsAfter: '1', gain: '0.5', feasible: true }, compiled, 'vi', '%')).toBe(
      'Tăng “Tỷ lệ số hóa (%)” thêm 3,6 (từ 76,4% lên 80%) để đạt 1 điểm (+0,5)',
    );
    expect(improvementText({ kind: 'provide', inputs: ['resolved'], documents: [], pointsAfter: null, gain: null }, compiled, 'en')).toBe('Provide “Dossiers resolved” to be scored');
  });

  it('turns a count label into a phrase', () => {
    expect(countPhrase('Số hồ sơ giải quyết đúng hạn', 'hồ sơ', 'vi')).toBe('hồ sơ giải quyết đúng hạn');
    expect(countPhrase('Số cuộc kiểm tra', 'lần', 'vi')).toBe('lần (Số cuộc kiểm tra)');
    expect(countPhrase('Number of dossiers resolved', undefined, 'en')).toBe('dossiers resolved');
  });
});

describe('renderers', () => {
  const doc = [
    { kind: 'title' as const, text: 'Kết quả' },
    { kind: 'kv' as const, rows: [['Đơn vị', 'UBND xã "A", B'] as [string, string]] },
    { kind: 'table' as const, columns: [{ label: 'Mã' }, { label: 'Tên' }, { label: 'Điểm', align: 'right' as const }], rows: [{ cells: ['1', 'Cải cách | thể chế', '7,5'] }, { cells: ['1.1', ['Dòng', 'hai'], '1'], depth: 1 }], indentColumn: 1 },
  ];

  it('CSV: BOM, CRLF, RFC 4180 quoting', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('x\ny')).toBe('"x\ny"');
    expect(csvLine(['1', '7,5', 'Tên'])).toBe('1,"7,5",Tên');
    const csv = renderCsv(doc);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('Đơn vị,"UBND xã ""A"", B"\r\n');
    expect(csv).toContain('1.1,"Dòng\nhai",1\r\n');
  });

  it('Markdown escapes pipes and indents the tree', () => {
    const md = renderMarkdown(doc);
    expect(md).toContain('| 1 | Cải cách \\| thể chế | 7,5 |');
    expect(md).toContain('|---|---|---:|');
    expect(md).toContain('&nbsp;&nbsp;Dòng<br>hai');
  });

  it('HTML is self-contained and escaped', () => {
    const html = renderHtml(doc, 'vi');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('UBND xã &quot;A&quot;, B');
    expect(html).not.toMatch(/<script|<link|src=|https?:/);
  });

  it('terminal text aligns Vietnamese by characters and wraps', () => {
    expect(width('Cải cách')).toBe(8);
    expect(width('Ca\u0309i')).toBe(3);
    expect(wrap('một hai ba bốn năm', 7)).toEqual(['một hai', 'ba bốn', 'năm']);
    const text = renderText(doc);
    expect(text).toContain('1    Cải cách | thể chế   7,5');
  });
});

describe('usage checks and diagnostics', () => {
  const defs = { file: { type: 'positional' as const }, out: { type: 'string' as const }, quiet: { type: 'boolean' as const }, 'round-a': { type: 'string' as const } };
  it('rejects unknown options and options without a value', () => {
    expect(() => checkOptions(['x.json', '--out', 'y'], defs)).not.toThrow();
    expect(() => checkOptions(['--round-a=r1', '--no-quiet'], defs)).not.toThrow();
    const usage = (argv: string[]) => {
      try {
        checkOptions(argv, defs);
      } catch (e) {
        return (e as UsageError).diagnostic;
      }
      return undefined;
    };
    expect(usage(['--bogus'])).toMatchObject({ code: 'USAGE_UNKNOWN_OPTION', params: { option: '--bogus' } });
    expect(usage(['--out'])).toMatchObject({ code: 'USAGE_OPTION_VALUE', params: { option: '--out' } });
    expect(usage(['--out', '--quiet'])).toMatchObject({ code: 'USAGE_OPTION_VALUE', params: { option: '--out' } });
    expect(() => checkOptions(['--', '--anything'], defs)).not.toThrow();
  });

  it('prints file:line:column  CODE  /path  sentence', () => {
    const d = { ...diag('EVIDENCE_UNKNOWN_CRITERION', '/entries/3/criterion', { code: '9.9', set: 's@2026' }), file: 'e.json', line: 12, column: 7 };
    expect(formatDiagnostic(d, 'vi')).toBe('e.json:12:7  EVIDENCE_UNKNOWN_CRITERION  /entries/3/criterion  lỗi: Không có tiêu chí "9.9" trong bộ s@2026.');
    expect(formatDiagnostic(d, 'en')).toBe('e.json:12:7  EVIDENCE_UNKNOWN_CRITERION  /entries/3/criterion  error: There is no criterion "9.9" in s@2026.');
  });
});

describe('markdown from untrusted files', () => {
  it('writes HTML found in unit names and notes as text, not markup', () => {
    const md = renderMarkdown([
      { kind: 'title', text: 'Xã <script>alert(1)</script>' },
      { kind: 'kv', rows: [['Đơn vị', '<img src=x onerror=alert(1)>']] },
      { kind: 'table', columns: [{ label: 'Tên' }], rows: [{ cells: ['A & <b>B</b>'] }] },
    ]);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('# Xã &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('| A &amp; &lt;b&gt;B&lt;/b&gt; |');
  });
});

describe('untrusted text', () => {
  it('CSV: a cell that a spreadsheet would run as a formula is text behind a quote', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('\tabc')).toBe(`"'\tabc"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('  =1+1')).toBe(`"'  =1+1"`);
    // In a number column a number stays a number, in either language's format.
    expect(csvLine(['-0,25', '-0.25', '+1.234,5', '-1,234.5', '-5%', '-2+3', '=1'], [true, true, true, true, true, true, true])).toBe(`"-0,25",-0.25,"+1.234,5","-1,234.5",-5%,"'-2+3","'=1"`);
    // Elsewhere "+1" is a name, not a number.
    expect(csvLine(['+1', '-1'])).toBe(`"'+1","'-1"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('terminal: controls, bidi and line breaks as visible escapes', () => {
    expect(terminalText('a\u001b]0;t\u0007b\u001b[2J\r\b\t\n\u007f\u009b\u202e\u2067\u200f\u200e\u061c\u2028\ufeffz')).toBe(
      'a\\x1b]0;t\\x07b\\x1b[2J\\r\\x08\\t\\n\\x7f\\x9b\\u202e\\u2067\\u200f\\u200e\\u061c\\u2028\\ufeffz',
    );
    expect(terminalText('UBND xã Vĩnh Bảo — 83,60 ✓')).toBe('UBND xã Vĩnh Bảo — 83,60 ✓');
    expect(documentText('a\tb\r\nc\u001b')).toBe('a\tb\nc\\x1b');
    const text = renderText([
      { kind: 'kv', rows: [['Đơn vị', 'X\n## Đạt loại A']] },
      { kind: 'table', columns: [{ label: 'Mã' }, { label: 'Tên' }], rows: [{ cells: ['1', 'a\nb'] }, { cells: ['2', ['c', 'd\u001b[2J']] }] },
    ]);
    expect(text).toBe('Đơn vị:  X\\n## Đạt loại A\n\nMã  Tên\n──  ────────\n1   a\\nb\n2   c\n    d\\x1b[2J\n');
  });

  it('diagnostics: the file name and the quoted value as escapes, on one line', () => {
    const d = { ...diag('EVIDENCE_UNKNOWN_CRITERION', '/entries/3/criterion', { code: '9.9\u001b[2J\n', set: 's@2026' }), file: 'e\u202e\r.json', line: 12, column: 7 };
    expect(formatDiagnostic(d, 'en')).toBe('e\\u202e\\r.json:12:7  EVIDENCE_UNKNOWN_CRITERION  /entries/3/criterion  error: There is no criterion "9.9\\x1b[2J\\n" in s@2026.');
  });

  it('Markdown: metacharacters escaped, one line, no link, image, HTML or leading marker', () => {
    expect(markdownInline('x\n## Kết luận')).toBe('x \\#\\# Kết luận');
    expect(markdownInline('[x](javascript:alert(1)) ![](http://e/i.png)')).toBe('\\[x\\]\\(javascript:alert(1)) \\!\\[\\]\\(http://e/i.png)');
    expect(markdownInline('<img src=x> & *b* _i_ `c` a|b {#id} ~~s~~ \\')).toBe('&lt;img src=x&gt; &amp; \\*b\\* \\_i\\_ \\`c\\` a\\|b \\{\\#id\\} \\~\\~s\\~\\~ \\\\');
    expect(markdownInline('1.1.3 (-0,25)')).toBe('1.1.3 (-0,25)');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('  + item')).toBe('  \\+ item');
    expect(markdownText('12. item')).toBe('12\\. item');
    expect(markdownText('3) item')).toBe('3\\) item');
    expect(markdownText('> quote')).toBe('&gt; quote');
    expect(markdownText('=== ')).toBe('\\=== ');
  });

  it('HTML: text is safe in element content and in quoted attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const html = renderHtml([{ kind: 'title', text: 'X\u001b[2J\n<script>' }, { kind: 'table', columns: [{ label: 'A' }], rows: [{ cells: [['a\u202e', '<b>']] }] }], 'vi');
    expect(html).toContain('<title>X\\x1b[2J &lt;script&gt;</title>');
    expect(html).toContain('<h1>X\\x1b[2J<br>&lt;script&gt;</h1>');
    expect(html).toContain('<td>a\\u202e<br>&lt;b&gt;</td>');
  });
});

describe('usage errors', () => {
  it('carry a USAGE_ diagnostic, worded in either language', () => {
    let thrown: unknown;
    try {
      checkOptions(['--nope'], { format: { type: 'string' } });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    const d = (thrown as UsageError).diagnostic;
    expect(diagnosticText(d, 'en')).toBe('Unknown option --nope.');
    expect(diagnosticText(d, 'vi')).toBe('Không có tùy chọn --nope.');
  });
});

describe('conditions in explanations', () => {
  it('are written with the inputs labels, in the chosen language, not as input ids', async () => {
    const { readFileSync } = await import('node:fs');
    const { compile } = await import('@parindex/engine');
    const { conditionAt } = await import('../src/format/explain-text.js');
    const compiled = compile(JSON.parse(readFileSync(new URL('../../../test/conformance/engine/shapes.set.json', import.meta.url), 'utf8')));
    expect(conditionAt('/fields/0/children/3/rule/conditions/1', compiled, 'vi')).toBe('Bố trí kinh phí');
    expect(conditionAt('/fields/0/children/3/rule/conditions/0', compiled, 'vi')).toBe('Xác định đầy đủ nhiệm vụ');
  });
});
