/**
 * Mọi chẩn đoán bằng tiếng Việt — every diagnostic in Vietnamese: one sentence per code, from its
 * params. Numbers use the decimal comma (89,95; 1.170), dates dd/mm/yyyy. Quoted in "…" are what the
 * author types (ids, codes, keys of the format such as "minInclusive") and values from the files; no
 * other English word appears.
 */
import type { BoundsProblem, ExpectedType, InputType, LimitSubject, ParamScalar, PatternCode, Received, SchemaIssue, SchemaPlace, ValueKind, DiagnosticParams, WorkbookPlace } from '@parindex/rules';
import type { DiagnosticSentences, FormatRuleIssue, Formatter } from '../../diagnostics.js';
import { noneOr, period, q, sha } from '../shared.js';
import type { SchemaFormat } from '../../locale.js';
import { FIELDS, FIELDS_IN } from './fields.js';
import { unitLevelsVi } from './levels.js';
import { formatNumber, typedDecimal } from '../../numbers.js';

const PLAN_NEED_VI = { plan: 'một tệp kế hoạch (có "kind": "plan")', progress: 'một tệp tiến độ (có "kind": "progress")', evidence: 'một tệp minh chứng (có "entries")' } as const;
const PLAN_KIND_VI = {
  plan: 'một tệp kế hoạch',
  progress: 'một tệp tiến độ',
  set: 'một bộ tiêu chí',
  evidence: 'một tệp minh chứng',
  appraisal: 'một tệp thẩm định',
  result: 'một tệp kết quả đã lưu',
} as const;

const unitLevelVi = (l: string) => (unitLevelsVi as Record<string, string>)[l] ?? l;

/** "cận dưới 98, không tính 98" */
function quotedBoundVi(p: { side: 'min' | 'max' | null; value: string | null; inclusive: boolean | null }, f: Formatter): string {
  const v = f.num(p.value ?? '0');
  if (p.side === 'min') return p.inclusive ? `cận dưới ${v}, tính cả ${v}` : `cận dưới ${v}, không tính ${v}`;
  return p.inclusive ? `cận trên ${v}, tính cả ${v}` : `cận trên ${v}, không tính ${v}`;
}

/** The figure or criterion a cell of a workbook belongs to, by its label. */
/** "Ô của số liệu …" / "Ô này": the cell a sentence starts with. */
const theCell = (p: WorkbookPlace) => (p.column !== undefined ? `Ô ${inColumn(p, p.column)}` : p.input === null && p.criterion === null ? 'Ô này' : `Ô của ${cellOf(p)}`);

/** A cell by its column's heading: "Điểm tự chấm" của tiêu chí 3.2. */
const inColumn = (p: WorkbookPlace, column: string) => `${q(column)}${p.criterion !== null ? ` của tiêu chí ${p.criterion}` : ''}`;

function cellOf(p: WorkbookPlace): string {
  if (p.column !== undefined) return `ô ${inColumn(p, p.column)}`;
  if (p.input !== null) return `số liệu ${q(p.label ?? p.input)}${p.criterion !== null ? ` của tiêu chí ${p.criterion}` : ''}`;
  return p.criterion !== null ? `tiêu chí ${p.criterion}` : 'ô này';
}

const WORKBOOK_LIMIT_WHAT: Record<DiagnosticParams['WORKBOOK_LIMIT']['what'], string> = {
  fileBytes: 'Tệp lớn hơn giới hạn',
  zipEntries: 'Tệp có quá nhiều thành phần, vượt giới hạn',
  inflatedBytes: 'Nội dung tệp khi giải nén vượt giới hạn (byte)',
  sheets: 'Tệp có quá nhiều trang tính, vượt giới hạn',
  rows: 'Trang tính có quá nhiều dòng, vượt giới hạn',
  cells: 'Tệp có quá nhiều ô có dữ liệu, vượt giới hạn',
  rangeCells: 'Các vùng kiểm tra dữ liệu, vùng gộp ô và cột phủ quá nhiều ô, vượt giới hạn',
  grid: 'Có ô nằm ngoài lưới của Excel, vượt giới hạn',
};

const WORKBOOK_EXPECTED: Record<DiagnosticParams['WORKBOOK_CELL_TYPE']['expected'], string> = {
  boolean: 'Có hoặc Không',
  level: 'một mức trong danh sách',
  count: 'một số nguyên ≥ 0',
  decimal: 'một số',
  percent: 'một tỉ lệ phần trăm từ 0 đến 100',
  date: 'một ngày dạng dd/mm/yyyy',
  tally: 'số phiếu (số nguyên ≥ 0)',
  points: 'một số điểm',
  text: 'văn bản',
  yesNo: 'Có hoặc Không',
  unitLevel: 'một cấp đơn vị trong danh sách',
};

const WORKBOOK_GOT: Record<DiagnosticParams['WORKBOOK_CELL_TYPE']['got'], string> = { number: 'một số', date: 'một ngày', boolean: 'giá trị đúng/sai', text: 'văn bản', other: 'một giá trị khác' };

/**
 * A number typed as text in a workbook cell that reads as two: the readings and what to type, as the
 * workbook's sheet writes numbers (a Vietnamese one: 1.500 and 1,5; an English one: 1,500 and 1.5). What
 * to type is the whole number without separators or the decimal as the sheet writes decimals: both read
 * as one number even as text, where "1.500" typed again would be the same question.
 */
function ambiguousInSheet(p: DiagnosticParams['EVIDENCE_NUMBER_AMBIGUOUS'], sheet: 'vi' | 'en'): string {
  const thousands = formatNumber(p.thousands, sheet);
  const decimal = p.decimal === null ? null : formatNumber(p.decimal, sheet);
  // What to type reads as one number ("1,1250", not "1,125", which reads as two again).
  const typed = p.decimal === null ? null : typedDecimal(p.decimal, sheet);
  const readings = decimal !== null ? `${thousands} (có dấu ngăn cách hàng nghìn) hoặc ${decimal} (có phần thập phân)` : `${thousands} viết với dấu ngăn cách hàng nghìn`;
  const point = sheet === 'vi' ? 'dấu phẩy' : 'dấu chấm';
  return `Đầu vào ${named(p.input, p)} được viết ${q(p.got)}, có thể hiểu là ${readings}: hãy nhập ${p.thousands} (không có dấu ngăn cách hàng nghìn)${typed !== null ? ` hoặc ${typed} (${point} trước phần thập phân)` : ''}.`;
}

/** A cell that is not read, with something typed in it (the appraisers' unit columns, the unit sheet's set). */
function cellIgnored(p: DiagnosticParams['WORKBOOK_CELL_IGNORED']): string {
  const changed = `(${q(p.what === 'setHash' ? sha(p.was) : p.was)} → ${q(p.now)}) và không được đọc`;
  if (p.what === 'answerOnFigure') return `Giải trình của đơn vị ghi trên dòng ${cellOf(p)} không được đọc: giải trình ghi trên dòng của tiêu chí ${p.criterion ?? ''}.`;
  if (p.what === 'criteriaSet' || p.what === 'setHash')
    return `${p.what === 'criteriaSet' ? 'Bộ tiêu chí' : 'Mã băm SHA-256 của bộ tiêu chí'} ghi trong sổ tính đã bị sửa ${changed}: sổ tính luôn được đọc theo bộ tiêu chí mà nó được tạo ra (ghi ở trang ẩn). Muốn kê khai theo bộ khác, hãy tạo mẫu của bộ đó (parindex template <bộ tiêu chí> --format xlsx) và chép số liệu sang.`;
  return `${p.what === 'unitScore' ? 'Điểm tự chấm' : 'Giá trị đơn vị báo cáo'} của ${cellOf(p)} đã bị sửa ${changed}: cột này là của đơn vị; ${p.what === 'unitScore' ? 'điểm thẩm định ghi ở cột điểm của vòng' : 'số liệu đã sửa ghi ở cột số liệu của vòng'}, kèm lý do.`;
}

/** The document of a row of the documents sheet: its requirement's name (and id), its number, its criterion. */
function documentOfRow(p: DiagnosticParams['WORKBOOK_DOCUMENT_DATE']): string {
  const name = p.label ?? p.requirement;
  const extras = [p.label !== null ? p.requirement : null, p.number !== null ? `số ${p.number}` : null].filter((x) => x !== null);
  const doc = name !== null ? `tài liệu ${q(name)}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}` : p.number !== null ? `tài liệu số ${p.number}` : 'một tài liệu';
  return p.criterion !== null ? `${doc} của tiêu chí ${p.criterion}` : doc;
}
/** An input as the officer knows it: its label, and its id (as written in the file). */
const named = (id: string, l: { label?: string }) => (l.label !== undefined ? `"${l.label}" (${id})` : q(id));

/** What a file that is not JSON is, and what to do with it. */
const NOT_JSON: Record<DiagnosticParams['FILE_NOT_JSON']['kind'], string> = {
  utf16: 'Tệp là văn bản UTF-16 (như Notepad lưu với "Unicode"), không phải UTF-8: hãy mở tệp và lưu lại với bảng mã UTF-8.',
  xlsx: 'Tệp là sổ tính Excel (.xlsx), không phải tệp JSON: hãy đặt tên tệp có đuôi .xlsx (sổ tính do "parindex template --format xlsx" tạo được đọc ở mọi nơi cần minh chứng), hoặc đọc bằng "parindex import".',
  xls: 'Tệp là sổ tính Excel cũ (.xls, Excel 97-2003), không phải tệp JSON: hãy ghi số liệu vào tệp minh chứng JSON (tạo tệp mẫu bằng "parindex template").',
  docx: 'Tệp là văn bản Word (.docx), không phải tệp JSON: tài liệu kiểm chứng được ghi trong tệp minh chứng JSON bằng số, ký hiệu và ngày của văn bản.',
  zip: 'Tệp là tệp nén (.zip), không phải tệp JSON: hãy giải nén và chọn tệp JSON bên trong.',
  pdf: 'Tệp là văn bản PDF, không phải tệp JSON: tài liệu kiểm chứng được ghi trong tệp minh chứng JSON bằng số, ký hiệu và ngày của văn bản.',
  csv: 'Tệp là bảng giá trị ngăn cách bằng dấu phẩy (CSV, như Excel lưu), không phải tệp JSON: hãy ghi số liệu vào tệp minh chứng JSON (tạo tệp mẫu bằng "parindex template").',
  binary: 'Tệp chứa dữ liệu nhị phân, không phải văn bản JSON: hãy kiểm tra lại đã chọn đúng tệp.',
};

/** What a declared input of each type holds, for set authors (with the type as they write it). */
const INPUT_TYPE: Record<InputType, string> = {
  boolean: 'có/không ("boolean")',
  level: 'một trong các mức đã đặt tên ("level")',
  count: 'số đếm nguyên ("count")',
  decimal: 'số thập phân ("decimal")',
  percent: 'tỉ lệ phần trăm ("percent")',
  date: 'ngày ("date")',
  tally: 'số câu trả lời theo từng lựa chọn ("tally")',
};

/** What evidence must give for an input of each type. */
const EVIDENCE_FORM: Record<InputType, string> = {
  boolean: 'true hoặc false (không có dấu ngoặc kép)',
  level: 'một trong các mức đã đặt tên (chuỗi ký tự)',
  count: 'số nguyên ≥ 0',
  decimal: 'một số',
  percent: 'tỉ lệ phần trăm từ 0 đến 100',
  date: 'ngày viết dạng năm-tháng-ngày (YYYY-MM-DD)',
  tally: 'số câu trả lời theo từng lựa chọn, ví dụ {"a": 120, "b": 30}',
};

const EXPECTED: Record<ExpectedType, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  finiteNumber: 'số hữu hạn',
  integer: 'số nguyên',
  boolean: 'true hoặc false',
  object: 'đối tượng {…}',
  array: 'danh sách […]',
  null: 'null',
  other: 'giá trị kiểu khác',
};

const KIND: Record<ValueKind, string> = {
  string: 'một chuỗi ký tự',
  number: 'một số',
  boolean: 'giá trị true/false',
  null: 'null',
  array: 'một danh sách',
  object: 'một đối tượng',
  other: 'một giá trị kiểu khác',
};

const PATTERN: Record<PatternCode, string> = {
  decimalText: 'phải là số thập phân viết dạng chuỗi, ví dụ "0.75" (không có số 0 thừa ở cuối)',
  decimal: 'phải là số thập phân dạng "0.25" (dùng dấu chấm để ngăn cách phần thập phân)',
  nonNegativeDecimal: 'phải là số thập phân không âm dạng "0.25"',
  identifier: 'phải viết dạng chữ_thường: một chữ cái, sau đó là chữ cái, chữ số hoặc _',
  criterionCode: 'phải là mã tiêu chí dạng "1", "1.2", "1.2.3" hoặc "B1" (chữ cái chỉ ở đầu mã)',
  isoDate: 'phải là ngày viết dạng năm-tháng-ngày (YYYY-MM-DD)',
  setId: 'phải là các từ viết thường nối bằng "." hoặc "-", ví dụ "model.commune-par"',
  setVersion: 'phải là năm, có thể kèm số hiệu chỉnh, ví dụ "2026" hoặc "2026.1"',
  setRef: 'phải có dạng "mã@phiên_bản", ví dụ "model.commune-par@2026"',
  sha256: 'phải gồm 64 chữ số thập lục phân viết thường',
};

const BOUNDS: Record<Exclude<BoundsProblem, 'empty'>, string> = {
  minWithoutInclusive: 'có "min" nhưng thiếu "minInclusive" (true: "từ X", false: "trên X")',
  maxWithoutInclusive: 'có "max" nhưng thiếu "maxInclusive" (false: "dưới Y", true: "đến Y")',
  inclusiveWithoutMin: 'có "minInclusive" nhưng không có "min"',
  inclusiveWithoutMax: 'có "maxInclusive" nhưng không có "max"',
};

const LIMIT: Record<LimitSubject, string> = {
  textCharacters: 'ký tự trong một chuỗi',
  fileValues: 'giá trị trong một tệp',
  listItems: 'mục trong một danh sách',
  objectProperties: 'thuộc tính trong một đối tượng',
  criteria: 'tiêu chí',
  inputs: 'đầu vào',
};

/** The JSON parser's codes (jsonc-parser's names). */
const JSON_ERROR: Record<string, string> = {
  InvalidSymbol: 'có ký tự không hợp lệ',
  InvalidNumberFormat: 'số viết sai dạng',
  PropertyNameExpected: 'cần tên thuộc tính trong dấu ngoặc kép',
  ValueExpected: 'thiếu giá trị',
  ColonExpected: 'thiếu dấu hai chấm',
  CommaExpected: 'thiếu dấu phẩy',
  CloseBraceExpected: 'thiếu dấu đóng }',
  CloseBracketExpected: 'thiếu dấu đóng ]',
  EndOfFileExpected: 'còn nội dung sau khi giá trị JSON đã kết thúc',
  InvalidCommentToken: 'JSON không cho phép chú thích',
  UnexpectedEndOfComment: 'chú thích chưa kết thúc',
  UnexpectedEndOfString: 'chuỗi chưa được đóng',
  UnexpectedEndOfNumber: 'số chưa viết xong',
  InvalidUnicode: 'mã thoát \\u không hợp lệ',
  InvalidEscapeCharacter: 'ký tự thoát không hợp lệ',
  InvalidCharacter: 'có ký tự điều khiển trong chuỗi',
};

function bounds(p: { problem: BoundsProblem; min?: string; max?: string }, f: Formatter): string {
  return p.problem === 'empty' ? `khoảng từ ${f.num(p.min ?? '')} đến ${f.num(p.max ?? '')} rỗng` : BOUNDS[p.problem];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A field by its label and its key, 'lý do ("reason")'; a key with no label (an input id, a key the
 * format does not have) quoted alone. The labels are looked up as own keys only: the key is the file's.
 */
function fieldNamed(field: string, format: SchemaFormat | undefined): string {
  const of = (labels: Readonly<Record<string, string>> | undefined) => (labels !== undefined && Object.hasOwn(labels, field) ? labels[field] : undefined);
  const label = of(format === undefined ? undefined : FIELDS_IN[format]) ?? of(FIELDS);
  return label === undefined ? q(field) : `${label} (${q(field)})`;
}

/** The place a schema sentence is about: "Tệp", 'Mức tối đa ("max")', 'Mục thứ 2 của các lĩnh vực ("fields")' (lower case inside a sentence). */
function subject(p: SchemaPlace, start = true, format?: SchemaFormat): string {
  const item = (n: number) => `${start ? 'Mục' : 'mục'} thứ ${n + 1}`;
  if (p.field === null) return p.item === null ? (start ? 'Tệp' : 'tệp') : item(p.item);
  const field = fieldNamed(p.field, format);
  return p.item === null ? (start ? cap(field) : field) : `${item(p.item)} của ${field}`;
}

/** A value a schema problem is about: quoted when short, else by its kind. */
function receivedText(r: Received, f: Formatter): string {
  if (r.received === 'string') return r.value === null ? 'một chuỗi dài' : JSON.stringify(r.value);
  if (r.received === 'number' && r.value !== null) return f.num(r.value);
  if (r.received === 'boolean' && r.value !== null) return r.value;
  return KIND[r.received ?? 'other'];
}

const got = (r: Received, f: Formatter) => (r.received === null ? '' : ` (nhận được ${receivedText(r, f)})`);
const types = (t: readonly ExpectedType[], f: Formatter) =>
  f.list(
    t.map((x) => EXPECTED[x]),
    'or',
  );

function oneOf(allowed: readonly ParamScalar[], more: number, f: Formatter): string {
  const listed = allowed.map(f.literal).join(', ') + (more > 0 ? `, … (${allowed.length + more} giá trị)` : '');
  return allowed.length === 1 && more === 0 ? `phải bằng ${listed}` : `phải là một trong các giá trị ${listed}`;
}

/** A size problem: characters of a text, items of a list, or a number's bound. */
function size(p: Extract<SchemaIssue, { issue: 'tooBig' | 'tooSmall' }>, f: Formatter): string {
  const has = p.actual === null ? '' : ` (hiện có ${f.num(p.actual)})`;
  const limit = f.num(p.limit);
  const big = p.issue === 'tooBig';
  if (p.origin === 'string') {
    if (!big && p.limit === '1') return 'không được để trống';
    return (big ? `không được dài quá ${limit} ký tự` : `phải dài ít nhất ${limit} ký tự`) + has;
  }
  if (p.origin === 'array') return (big ? `chỉ được có tối đa ${limit} mục` : `phải có ít nhất ${limit} mục`) + has;
  const bound = big ? (p.inclusive ? `không được lớn hơn ${limit}` : `phải nhỏ hơn ${limit}`) : p.inclusive ? `không được nhỏ hơn ${limit}` : `phải lớn hơn ${limit}`;
  return bound + got(p, f);
}

/** The rules of the formats that a schema cannot say, in words. */
function formatRule(p: FormatRuleIssue, format: SchemaFormat | undefined): string {
  switch (p.issue) {
    case 'notCalendarDate':
      return `${subject(p, true, format)} là ${p.value}, không phải là ngày có thật`;
    case 'comparisonValue':
      return `Với ${q(p.op)}, "value" phải là ${p.list ? 'một danh sách giá trị' : 'một giá trị đơn, không phải danh sách'}`;
    case 'applicabilityOnParent':
      return `"applicability" chỉ dùng cho tiêu chí lá; ${q(p.code)} có tiêu chí con (hãy khai báo ở từng tiêu chí con)`;
    case 'capOnLeaf':
      return `"cap" chỉ dùng cho tiêu chí cha; ${q(p.code)} không có tiêu chí con`;
    case 'adjustmentWithChildren':
      return `Mỗi mục ${p.block === 'bonus' ? 'điểm thưởng' : 'điểm trừ'} là một tiêu chí có quy tắc chấm, không có tiêu chí con`;
    case 'partPointsAndFraction':
      return 'Mỗi phần chỉ dùng "points" hoặc "fraction", không dùng cả hai';
    case 'entryWithoutTarget':
      return 'Mỗi mục phải ghi "criterion" (tiêu chí) hoặc "input" (đầu vào)';
    case 'inputWithValues':
      return 'Hãy dùng "input" với "value", hoặc "criterion" với "values"';
    case 'inputWithoutValue':
      return `Mục ghi đầu vào ${q(p.input)} nhưng thiếu "value"`;
    case 'valueWithoutInput':
      return '"value" đi cùng "input"; với "criterion" hãy dùng "values": {"mã_đầu_vào": …}';
    case 'noCriteriaSet':
      return 'Tệp minh chứng phải ghi bộ tiêu chí trong "criteriaSet" ("mã@phiên_bản")';
  }
}

/** A schema problem in one sentence (without the final period). */
function schemaText(p: SchemaIssue, f: Formatter, format?: SchemaFormat): string {
  const s = subject(p, true, format);
  switch (p.issue) {
    case 'type':
      return `${s} phải là ${types(p.expected, f)}${got(p, f)}`;
    case 'missing':
      if (p.allowed.length > 0) return `Thiếu ${subject(p, false, format)} (${oneOf(p.allowed, 0, f)})`;
      return p.expected.length > 0 ? `Thiếu ${subject(p, false, format)} (cần ${types(p.expected, f)})` : `Thiếu ${subject(p, false, format)}`;
    case 'value':
      return `${s} ${oneOf(p.allowed, p.more, f)}${got(p, f)}`;
    case 'tooBig':
    case 'tooSmall':
      return `${s} ${size(p, f)}`;
    case 'pattern':
      if (p.pattern !== null) return `${s} ${PATTERN[p.pattern]}`;
      return p.regex !== null ? `${s} không đúng dạng quy định (mẫu ${p.regex})` : `${s} không đúng dạng quy định`;
    case 'format':
      return `${s} sai định dạng ${q(p.format)}`;
    case 'multipleOf':
      return `${s} phải là bội số của ${f.num(p.divisor)}`;
    case 'unknownKeys':
      return `${s} có ${p.keys.length === 1 ? 'thuộc tính' : 'các thuộc tính'} ${p.keys.map(q).join(', ')} không có trong định dạng`;
    case 'key':
      return `Khóa ${q(p.key)} của ${subject(p, false, format)} ${p.pattern !== null ? PATTERN[p.pattern] : 'không hợp lệ'}`;
    case 'noForm':
      return `${s} không khớp với dạng nào được phép`;
    case 'element':
      return `${s} có phần tử không hợp lệ`;
    case 'invalid':
      return `${s} không hợp lệ${p.check !== null ? ` (điều kiện ${q(p.check)})` : ''}`;
    default:
      return formatRule(p, format);
  }
}

const declared = (t: readonly InputType[], f: Formatter) =>
  f.list(
    t.map((x) => INPUT_TYPE[x]),
    'or',
  );

/** Why the system could not read or write a file, by its error code. */
function errnoText(errno: string | null): string {
  switch (errno) {
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền truy cập';
    case 'EIO':
      return 'không đọc hoặc ghi được ổ đĩa hay thiết bị (EIO)';
    case 'ENAMETOOLONG':
      return 'đường dẫn quá dài';
    case 'EMFILE':
    case 'ENFILE':
      return `quá nhiều tệp đang mở (${errno})`;
    case 'ENOSPC':
      return 'ổ đĩa đã đầy';
    case 'EDQUOT':
      return 'đã hết hạn mức dung lượng đĩa';
    case 'EROFS':
      return 'hệ thống tệp chỉ cho phép đọc';
    case 'EPIPE':
      return 'chương trình nhận dữ liệu đã đóng đầu nhận';
    case 'ENXIO':
      return 'không có chương trình nào đọc ống dẫn có tên này';
    case 'ENOTDIR':
      return 'một phần của đường dẫn là tệp, không phải thư mục';
    case 'EISDIR':
      return 'đây là một thư mục';
    case 'ENOENT':
      // Writing: the folder exists (it is made first) but takes no new file there, as /proc.
      return 'không tạo được tệp ở chỗ này (đường dẫn không còn, hoặc thư mục không cho tạo tệp mới); hãy chọn thư mục khác';
    case 'EBUSY':
      return 'tệp đang được một chương trình khác dùng; hãy đóng chương trình đó rồi thử lại';
    case 'EINVAL':
      return 'tên tệp hoặc đường dẫn không hợp lệ ở nơi này';
    default:
      return errno === null ? 'lỗi không xác định' : `hệ thống báo lỗi ${errno}`;
  }
}

const SPECIAL_FILE = { fifo: 'một ống dẫn có tên', characterDevice: 'một thiết bị ký tự', blockDevice: 'một thiết bị khối', socket: 'một ổ cắm giao tiếp', special: 'một tệp đặc biệt' } as const;

function writeProblem(p: DiagnosticParams['FILE_WRITE_FAILED']): string {
  switch (p.cause) {
    case 'system':
      return errnoText(p.errno);
    case 'brokenLink':
      return 'đây là liên kết tượng trưng tới một tệp không tồn tại';
    case 'notFile':
      return 'đây là thiết bị hoặc ổ cắm giao tiếp, không phải tệp';
    case 'exists':
      return 'tệp đã có, và tệp mới sẽ thay thế những gì đã điền trong đó; hãy chọn --out khác, hoặc thêm --force để thay thế';
    case 'folderIsFile':
      return `${p.folder} là một tệp, không phải thư mục`;
    case 'folderNotCreated':
      return `không tạo được thư mục ${p.folder} (${p.errno ?? errnoText(null)})`;
  }
}

/** What made an expression fail. */
function expressionFailure(p: { reason: string; op?: string; got?: string }, f: Formatter): string {
  const op = p.op !== undefined ? q(p.op) : 'một phép toán';
  const value = p.got === undefined ? 'không có gì' : p.got === 'none' ? 'giá trị trống' : p.got === 'list' ? 'một danh sách' : f.num(p.got);
  switch (p.reason) {
    case 'notANumber':
      return `${op} cần số, nhận được ${value}`;
    case 'notAllowed':
      return `không được dùng toán tử ${op}`;
    case 'result':
      return `kết quả là ${value}, không phải là số`;
    default:
      return `có số quá lớn đối với ${op}`;
  }
}

function arity(p: { op: string; found: number; min: number; max: number | null }, f: Formatter): string {
  const want = p.max === null ? `ít nhất ${p.min}` : p.min === p.max ? `${p.min}` : `từ ${p.min} đến ${p.max}`;
  return `Biểu thức: ${q(p.op)} nhận ${want} đối số, ở đây có ${f.num(p.found)}.`;
}

/** Where the known sets are listed: the command line, the JSON API, or the web page (which also opens set files). */
const SET_LIST_VI: Record<NonNullable<DiagnosticParams['SET_NOT_FOUND']['list']>, string> = {
  cli: 'Chạy "parindex rules list" để xem các bộ tiêu chí.',
  api: 'Xem danh sách các bộ tiêu chí tại "GET /v1/sets".',
  page: 'Trang này không có bộ tiêu chí đó: hãy mở tệp bộ tiêu chí trước (nút "Mở tệp bộ tiêu chí").',
};

export const diagnosticsVi = {
  // Đọc tệp
  FILE_NOT_FOUND: (p) => `Không tìm thấy tệp: ${p.file}. Hãy kiểm tra đường dẫn.`,
  FILE_UNREADABLE: (p) => `Không đọc được ${p.file}: ${errnoText(p.errno)}.`,
  FILE_IS_FOLDER: (p) => `${p.file} là một thư mục, không phải tệp.`,
  FILE_NOT_REGULAR: (p) => `Không đọc: ${p.file} là ${SPECIAL_FILE[p.kind]}, không phải tệp thông thường.`,
  FILE_LINK_BROKEN: (p) => `${p.file} là liên kết tượng trưng tới ${p.target}, nhưng đích này không tồn tại.`,
  FILE_LINK_LOOP: (p) => `${p.file} là liên kết tượng trưng vòng lặp (trỏ lại chính nó hoặc thư mục chứa nó); liên kết này không được theo.`,
  FILE_TOO_LARGE: (p, f) => `${p.size === null ? 'Tệp lớn hơn' : `Tệp có ${f.num(p.size)} byte, vượt`} giới hạn ${f.num(p.limit)} byte. Hãy tách tệp hoặc bỏ phần không phải tài liệu kiểm chứng.`,
  FILE_ENCODING: (p, f) => `Tệp không phải văn bản UTF-8 hợp lệ: không giải mã được byte ở vị trí ${f.num(p.offset)}. Hãy lưu tệp với bảng mã UTF-8 (không dùng UTF-16, Windows-1258 hay TCVN3).`,
  FILE_NOT_JSON: (p) => NOT_JSON[p.kind],
  FILE_WRITE_FAILED: (p) => `Không ghi được ${p.file}: ${writeProblem(p)}.`,
  STDOUT_WRITE_FAILED: (p) => `Không ghi được kết quả ra đầu ra chuẩn: ${errnoText(p.errno)}; phần đã in ra không đầy đủ.`,
  FILE_EMPTY: (p) => (p.of === 'body' ? 'Nội dung yêu cầu rỗng. Nội dung phải là một đối tượng JSON.' : 'Tệp rỗng. Tệp phải chứa một đối tượng JSON.'),
  FILE_BOM: () => 'Tệp bắt đầu bằng dấu thứ tự byte (BOM) của UTF-8; dấu này đã được bỏ qua.',
  FILE_KIND_UNKNOWN: (p) => {
    switch (p.need) {
      case 'setEvidenceOrAppraisal':
        return 'Không xác định được đây là bộ tiêu chí, tệp minh chứng hay tệp thẩm định: bộ tiêu chí có "fields", tệp minh chứng có "entries", tệp thẩm định có "rounds".';
      case 'savedResult':
        return 'Đây không phải tệp kết quả đã lưu: tệp kết quả đã lưu có "formatVersion": 1, "provenance" và "fields" (JSON của lệnh "parindex score --format json").';
      case 'rankInputs':
        return 'Lệnh xếp hạng không dùng được tệp này: cần các tệp minh chứng (có "entries"), có thể kèm tệp thẩm định của chúng (có "rounds").';
      case 'evidence':
        return `Cần một tệp minh chứng (có "entries"); ${p.found === 'set' ? 'tệp này là một bộ tiêu chí' : p.found === 'appraisal' ? 'tệp này là một tệp thẩm định' : p.found === 'result' ? 'tệp này là một tệp kết quả đã lưu' : 'tệp này không phải tệp minh chứng'}${p.with === 'appraisal' ? ': hãy đưa tệp minh chứng của đơn vị, và tệp thẩm định này sau --appraisal' : ''}.`;
    }
  },
  JSON_SYNTAX: (p) => `JSON không hợp lệ: ${JSON_ERROR[p.error] ?? 'văn bản không phải JSON'}.`,
  JSON_NOT_OBJECT: (p) => `${p.of === 'body' ? 'Nội dung yêu cầu phải là' : 'Tệp phải chứa'} một đối tượng JSON {…}, không phải ${p.found === 'array' ? 'một mảng [...]' : KIND[p.found]}.`,
  JSON_TOO_DEEP: (p, f) => `JSON lồng sâu quá ${f.num(p.limit)} cấp.`,
  JSON_DUPLICATE_KEY: (p, f) => `Khóa ${q(p.key)} xuất hiện hai lần trong cùng một đối tượng (lần đầu ở dòng ${f.num(p.firstLine)}); khi đọc, chỉ lần cuối được giữ mà không báo. Hãy giữ lại một lần.`,
  JSON_NUMBER_INEXACT: (p) => `Số ${p.text} có nhiều chữ số hơn mức một số JSON giữ được: khi đọc sẽ thành ${p.read}. Hãy viết dưới dạng chuỗi số thập phân, ví dụ "${p.text}".`,
  JSON_FORBIDDEN_KEY: (p) => `Không được dùng khóa ${q(p.key)} ở bất kỳ đâu trong tệp (khóa này có thể chạm tới nguyên mẫu của đối tượng).`,
  // The number to write keeps the dot whatever the language: it is what goes in the file.
  JSON_NUMBER_FORM: (p) =>
    `Số ${p.text} được viết ${p.form === 'decimalComma' ? 'với dấu phẩy thập phân' : 'với dấu chấm ngăn cách hàng nghìn'}, không đúng cú pháp JSON: hãy viết ${p.suggest}${p.form === 'decimalComma' ? ' (dấu chấm trước phần thập phân)' : ' (không có dấu ngăn cách)'}.`,
  LIMIT_EXCEEDED: (p, f) => `Quá nhiều ${LIMIT[p.what]}: ${p.count === null ? `hơn ${f.num(p.limit)}` : f.num(p.count)}; giới hạn là ${f.num(p.limit)}.`,

  // Bộ tiêu chí
  SET_SCHEMA: (p, f) => `${schemaText(p, f, 'set')}.`,
  SET_PERIOD: (p, f) => `Kỳ đánh giá bắt đầu ngày ${f.date(p.from)}, sau ngày kết thúc ${f.date(p.to)}.`,
  SET_DUPLICATE_CODE: (p) => `Mã ${q(p.code)} bị dùng hai lần; mỗi tiêu chí cần một mã riêng.`,
  SET_CODE_NOT_NESTED: (p) => `Mã ${q(p.code)} phải bắt đầu bằng mã của tiêu chí cha "${p.parent}." (ví dụ "${p.parent}.1").`,
  SET_CHILDREN_EXCEED_MAX: (p, f) => `Các tiêu chí con của ${q(p.code)} cộng lại ${f.num(p.sum)} điểm, vượt điểm tối đa ${f.num(p.max)}. Hãy giảm lại hoặc khai báo mức trần ("cap").`,
  SET_CHILDREN_BELOW_MAX: (p, f) => `Các tiêu chí con của ${q(p.code)} cộng lại ${f.num(p.sum)} điểm, thấp hơn điểm tối đa ${f.num(p.max)}: không thể đạt điểm tối đa.`,
  SET_CAP_ABOVE_MAX: (p, f) => `Mức trần ${f.num(p.cap)} của ${q(p.code)} cao hơn điểm tối đa ${f.num(p.max)}.`,
  SET_FLOOR_ABOVE_MAX: (p, f) => `Mức sàn ${f.num(p.floor)} của ${q(p.code)} cao hơn điểm tối đa ${f.num(p.max)}.`,
  SET_POINTS_ABOVE_MAX: (p, f) => `${q(p.code)} có thể cho ${f.num(p.points)} điểm, vượt điểm tối đa ${f.num(p.max)}.`,
  SET_POINTS_BELOW_FLOOR: (p, f) => `${q(p.code)} có thể cho ${f.num(p.points)} điểm, thấp hơn mức sàn ${f.num(p.floor)}. Hãy khai báo mức sàn âm nếu được trừ xuống dưới 0.`,
  SET_LEAF_WITHOUT_RULE: (p) => `${q(p.code)} không có tiêu chí con và không có quy tắc chấm: hãy thêm quy tắc.`,
  SET_PARENT_WITH_RULE: (p) => `${q(p.code)} có tiêu chí con nhưng vẫn khai báo quy tắc hoặc đầu vào; điểm của tiêu chí cha là tổng điểm các tiêu chí con.`,
  SET_LEAF_WITHOUT_SOURCE: (p) => `${q(p.code)} chưa có nguồn: hãy ghi văn bản và điều khoản quy định tiêu chí.`,
  SET_DUPLICATE_INPUT: (p) => `Đầu vào ${q(p.input)} được khai báo hai lần; mã đầu vào phải duy nhất trong bộ tiêu chí.`,
  SET_DUPLICATE_ID: (p) => {
    const where =
      p.among === 'inputOptions'
        ? `các lựa chọn của ${q(p.owner)}`
        : p.among === 'documents'
          ? `các tài liệu của ${q(p.owner)}`
          : p.among === 'parts'
            ? `các phần của ${q(p.owner)}`
            : p.among === 'classificationBands'
              ? 'các mức xếp loại'
              : 'các khai báo làm tròn';
    return `Mã ${q(p.id)} bị dùng hai lần trong ${where}.`;
  },
  SET_UNDECLARED_INPUT: (p) => `Đầu vào ${q(p.input)} chưa được khai báo trong bộ tiêu chí. Hãy khai báo trong "inputs" của tiêu chí hoặc của bộ.`,
  SET_INPUT_TYPE: (p, f) => {
    switch (p.check) {
      case 'declaredType':
        return `Ở đây ${q(p.input)} phải là ${declared(p.expected, f)}, nhưng đầu vào được khai báo kiểu ${q(p.actual)}.`;
      case 'comparedValue':
        return `${q(p.input)} có kiểu ${q(p.inputType)}: giá trị đem so sánh cũng phải cùng kiểu, không phải ${KIND[p.valueKind]}.`;
      case 'orderingOperator':
        return `${q(p.op)} chỉ so sánh hơn kém số và ngày; ${q(p.input)} có kiểu ${q(p.inputType)}, không so sánh hơn kém được (hãy dùng "eq", "ne", "in" hoặc "notIn").`;
    }
  },
  SET_INPUT_OPTIONS: (p) => `Đầu vào ${q(p.input)} kiểu ${q(p.type)} cần danh sách "options".`,
  SET_UNKNOWN_OPTION: (p) => `${q(p.option)} không phải là lựa chọn của ${q(p.input)} (các lựa chọn: ${noneOr(p.options, 'không có')}).`,
  SET_MISSING_OPTION: (p) =>
    `Lựa chọn ${q(p.option)} của ${q(p.input)} chưa có ${p.map === 'points' ? 'điểm' : p.map === 'fractions' ? 'tỉ lệ' : 'trọng số'} trong ${q(p.map)}: mọi lựa chọn đều phải có.`,
  SET_FRACTION_RANGE: (p, f) => `${p.what === 'fraction' ? 'Tỉ lệ' : 'Trọng số'} ${f.num(p.value)} phải nằm trong khoảng từ 0 đến 1.`,
  SET_TIER_BOUNDS: (p, f) => `Bậc ${p.tier}: ${bounds(p, f)}.`,
  SET_TIER_OVERLAP: (p, f) => {
    if (p.at === null) return `Bậc ${p.a} và bậc ${p.b} chồng lên nhau: cả hai đều không có cận dưới.`;
    return `Bậc ${p.a} và bậc ${p.b} chồng lên nhau ${p.included ? 'tại' : 'ngay trên'} ${f.num(p.at)}: một giá trị tại đó thuộc cả hai bậc.`;
  },
  SET_TIER_GAP: (p, f) => {
    const where =
      p.from !== null && p.from === p.to
        ? `giá trị ${f.num(p.from)}`
        : p.from === null
          ? `các giá trị dưới ${f.num(p.to ?? '')}`
          : p.to === null
            ? `các giá trị từ ${f.num(p.from)} trở lên`
            : `các giá trị từ ${f.num(p.from)} đến ${f.num(p.to)}`;
    return `Các bậc bỏ trống ${where}: giá trị tại đó không có điểm. Hãy thêm bậc hoặc sửa cận.`;
  },
  SET_BAND_OVERLAP: (p, f) => {
    if (p.at === null) return `Hai mức xếp loại ${q(p.a)} và ${q(p.b)} chồng lên nhau: cả hai đều không có cận dưới.`;
    return `Hai mức xếp loại ${q(p.a)} và ${q(p.b)} chồng lên nhau ${p.included ? 'tại' : 'ngay trên'} ${f.num(p.at)}.`;
  },
  SET_BAND_BOUNDS: (p, f) => `Mức xếp loại ${q(p.band)}: ${bounds(p, f)}.`,
  SET_ZERO_RANGE: (p, f) => `"fullAt" và "zeroAt" cùng bằng ${f.num(p.value)}: không xác định được tỉ lệ.`,
  SET_EXPRESSION_OPERATOR: (p) => `Không được dùng toán tử ${q(p.operator)} trong biểu thức. Được phép: ${p.allowed.map(q).join(', ')}.`,
  SET_EXPRESSION_SHAPE: (p, f) => {
    switch (p.problem) {
      case 'notFinite':
        return 'Biểu thức: số phải hữu hạn.';
      case 'notJson':
        return 'Biểu thức: chỉ được dùng giá trị JSON.';
      case 'operatorKeys':
        return `Biểu thức: một phép toán là đối tượng có đúng một khóa toán tử, ở đây có ${f.num(p.keys)} khóa.`;
      case 'arity':
        return arity(p, f);
      case 'varName':
        return 'Biểu thức: "var" phải ghi tên đầu vào bằng chuỗi ký tự.';
    }
  },
  SET_EXPRESSION_DEPTH: (p, f) => `Biểu thức lồng sâu quá ${f.num(p.limit)} cấp.`,
  SET_EXPRESSION_SIZE: (p, f) => `Biểu thức có quá ${f.num(p.limit)} nút.`,
  SET_DEPTH: (p, f) => `Cây tiêu chí sâu quá ${f.num(p.limit)} cấp.`,
  SET_NOT_FOUND: (p) => `Không có bộ tiêu chí ${q(p.ref)}${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}. ${SET_LIST_VI[p.list ?? 'cli']}`,
  SET_PART_NOT_ON_FIELD: (p) => `${q(p.code)} khai báo "part", nhưng chỉ lĩnh vực cấp cao nhất mới thuộc một phần của chỉ số: chuyển "part" lên lĩnh vực của nó.`,
  SET_GIVEN_RANGE: (p, f) =>
    `Tiêu chí ${q(p.code)} lấy điểm đã công bố ở ${q(p.input)}, nhưng số liệu này có thể tới ${f.num(p.inputMax)}, vượt điểm tối đa ${f.num(p.max)}: nếu đó là tỉ lệ % chứ không phải điểm, hãy dùng quy tắc "proportional".`,
  SET_ROUNDING_PART: (p) =>
    p.problem === 'notPartLevel'
      ? `Quy định làm tròn này ghi phần ${q(p.part)}: chỉ quy định ở cấp "part" mới được ghi phần.`
      : `Không lĩnh vực nào khai báo phần ${q(p.part)}${p.parts.length ? ` (các phần: ${p.parts.map(q).join(', ')})` : ''}.`,
  SET_AMBIGUOUS: (p) => `Có hai tệp cùng định nghĩa bộ tiêu chí ${p.ref}: ${p.files.join(', ')}.`,
  SCORE_NEEDS_ADVICE: () =>
    'Bộ tiêu chí này được biên dịch bằng lối vào chấm điểm @parindex/engine/scoring, lối vào chỉ chấm dạng gọn cho đến khi gắn phần gợi ý: hãy chấm với { form: "compact" }, hoặc chấm withAdvice(compiled) (từ @parindex/engine/advice; bản dựng sẵn kèm lối vào: @parindex/engine/scoring-advice-browser) để có kết quả đầy đủ, giải thích từng điểm.',
  SET_NOT_PINNED: (p) =>
    `Bộ tiêu chí${p.ref ? ` ${q(p.ref)}` : ''}${p.sha256 ? ` (SHA-256 ${p.sha256})` : ', không phải một đối tượng JSON,'} không phải bộ có sẵn${p.pinned ? ` và không phải bộ đã ghim (${p.pinned})` : ''}: lối vào chấm điểm @parindex/engine/scoring chỉ biên dịch bộ tiêu chí đã được kiểm tra. Hãy kiểm tra bộ bằng "parindex validate" rồi ghim mã SHA-256 của bộ ("compile(set, { sha256 })"), hoặc biên dịch bằng @parindex/engine, lối vào có kiểm tra bộ tiêu chí.`,
  SET_SOURCE_CITES_FILE: (p) =>
    `Nguồn của ${q(p.code)} dẫn tệp ${q(p.file)}: một tệp trong kho mã không phải văn bản công khai. Hãy ghi văn bản (cơ quan ban hành, số, ngày, điều khoản), hoặc ghi "model": true với lời giải thích nếu quy tắc là quy tắc mẫu, không có văn bản chính thức.`,
  SET_SOURCE_NOT_DOCUMENT: (p) =>
    `Nguồn của ${q(p.code)} là ${q(p.document)}: không phải tên một văn bản (Kế hoạch, Quyết định, Nghị quyết, Công văn…) và không có số hiệu văn bản. Hãy ghi tên văn bản, hoặc ghi "model": true nếu quy tắc là quy tắc mẫu.`,
  SET_SOURCE_QUOTE_BOUND: (p, f) =>
    p.problem === 'noBound'
      ? `Trích dẫn trong nguồn của ${q(p.code)} không có ngưỡng nào (như "trên 98%", "từ 55% trở lên") để đối chiếu với bậc ${p.tier + 1}.`
      : `Nguồn của ${q(p.code)} trích "${p.words}" (${quotedBoundVi(p, f)}) nhưng bậc ${p.tier + 1} của quy tắc không có cận đó: "trên X" là không tính X ("minInclusive": false), "từ X" là tính cả X ("minInclusive": true), "dưới Y" là không tính Y, "không quá Y" là tính cả Y. Hãy sửa bậc cho đúng văn bản, hoặc sửa trích dẫn cho đúng nguyên văn.`,
  SET_TIER_LABEL_BOUND: (p, f) =>
    `Nhãn của bậc ${p.tier + 1} của ${q(p.code)} ghi "${p.words}" (${quotedBoundVi(p, f)}) nhưng bậc đó không có cận này. Hãy sửa cận của bậc ("min", "minInclusive", "max", "maxInclusive") hoặc sửa nhãn cho đúng.`,
  SET_SOURCE_QUOTE_TIER: (p) =>
    p.tiers === null
      ? `"quoteTier" trong nguồn của ${q(p.code)} chỉ dùng khi có "quote" và quy tắc chấm theo bậc ("tiers").`
      : `"quoteTier" ${p.tier} trong nguồn của ${q(p.code)} không chỉ bậc nào: quy tắc có ${p.tiers} bậc (đánh số từ 0).`,

  // Minh chứng
  EVIDENCE_SCHEMA: (p, f) => `${schemaText(p, f, 'evidence')}.`,
  EVIDENCE_SET_MISMATCH: (p) => `Tệp minh chứng này trả lời bộ tiêu chí ${p.given}, không phải ${p.expected}.`,
  EVIDENCE_PERIOD_MISMATCH: (p, f) => `Kỳ của tệp minh chứng (${period(p.givenFrom, p.givenTo, f)}) khác kỳ của bộ tiêu chí (${period(p.expectedFrom, p.expectedTo, f)}).`,
  EVIDENCE_LEVEL_NOT_IN_SET: (p) =>
    `Đơn vị cấp ${unitLevelVi(p.level)} ("${p.level}") không thuộc phạm vi của bộ tiêu chí ${p.set}, bộ này dành cho: ${p.levels.map((l) => `${unitLevelVi(l)} ("${l}")`).join(', ')}.`,
  EVIDENCE_UNIT_BLANK: (p) =>
    p.field === 'code'
      ? 'Mã đơn vị còn trống: khi xếp hạng, các đơn vị được phân biệt bằng mã, thẩm định và bảng điểm chính thức cũng ghi đơn vị theo mã; hãy ghi mã đơn vị do tỉnh cấp.'
      : 'Tên đơn vị còn trống: bảng điểm chính thức và bảng xếp hạng ghi đơn vị theo tên.',
  EVIDENCE_UNKNOWN_CRITERION: (p) => `Không có tiêu chí ${q(p.code)} trong bộ ${p.set}${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}.`,
  EVIDENCE_UNKNOWN_INPUT: (p) =>
    `Không có đầu vào ${q(p.input)}${p.criterion !== null ? ` của tiêu chí ${q(p.criterion)}` : ''} trong bộ ${p.set}${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}.`,
  EVIDENCE_DUPLICATE_VALUE: (p) => `Đầu vào ${named(p.input, p)} được nhập hai lần (lần đầu tại ${p.first}); mỗi giá trị chỉ nhập một lần.`,
  EVIDENCE_DUPLICATE_CLAIM: (p) => `Tiêu chí ${q(p.code)} có hai điểm tự chấm (lần đầu tại ${p.first}).`,
  EVIDENCE_VALUE_TYPE: (p, f) =>
    `Đầu vào ${named(p.input, p)}${p.option !== null ? ` (lựa chọn ${q(p.option)})` : ''} cần ${EVIDENCE_FORM[p.expected]}; nhận được ${receivedText(p, f)}.${p.received === 'null' ? ' Nếu chưa có số liệu, hãy bỏ hẳn giá trị này (không ghi null).' : ''}`,
  // The suggestion is what to type in the file, so it keeps the dot whatever the language.
  EVIDENCE_DECIMAL_COMMA: (p) => `Đầu vào ${named(p.input, p)} được viết ${q(p.got)} với dấu phẩy thập phân và được đọc là ${p.suggest}; trong tệp nên viết số với dấu chấm: ${p.suggest}.`,
  EVIDENCE_VALUE_RANGE: (p, f) => {
    const bound =
      p.min !== null && p.max !== null
        ? `từ ${f.num(p.min)} đến ${f.num(p.max)}`
        : p.min !== null
          ? `từ ${f.num(p.min)} trở lên`
          : p.max !== null
            ? `không quá ${f.num(p.max)}`
            : 'nằm trong giới hạn đã khai báo';
    return `Đầu vào ${named(p.input, p)} bằng ${f.num(p.value)}; giá trị phải ${bound}.`;
  },
  EVIDENCE_UNKNOWN_OPTION: (p) =>
    `${q(p.value)} không phải là lựa chọn của ${named(p.input, p)} (các lựa chọn: ${noneOr(p.options, 'không có')})${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}.`,
  EVIDENCE_EXCEEDS_OTHER: (p, f) => `Đầu vào ${named(p.input, p)} bằng ${f.num(p.value)}, lớn hơn ${f.num(p.otherValue)} của ${named(p.other, { label: p.otherLabel })}; không được vượt quá.`,
  EVIDENCE_DATE_OUTSIDE_PERIOD: (p, f) => `Ngày ${f.date(p.value)} của ${named(p.input, p)} nằm ngoài kỳ đánh giá ${period(p.from, p.to, f)}.`,
  EVIDENCE_DOCUMENT_INCOMPLETE: (p, f) =>
    `Một tài liệu của ${q(p.code)} thiếu ${f.list(
      p.missing.map((m) => (m === 'number' ? 'số, ký hiệu' : 'ngày')),
      'and',
    )}: hãy ghi số, ký hiệu và ngày như trên văn bản.`,
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: (p, f) =>
    `${p.number !== null ? `Tài liệu ${p.number} của ${q(p.code)}` : `Một tài liệu (chưa ghi số) của ${q(p.code)}`} ghi ngày ${f.date(p.date)}, ngoài kỳ đánh giá ${period(p.from, p.to, f)}.`,
  EVIDENCE_UNKNOWN_REQUIREMENT: (p) =>
    `Tài liệu được gắn với ${q(p.requirement)}, nhưng ${q(p.code)} không yêu cầu tài liệu này (${p.known.length > 0 ? `yêu cầu: ${p.known.join(', ')}` : 'tiêu chí không yêu cầu tài liệu nào'}).`,
  EVIDENCE_NOT_APPLICABLE_VALUE: (p) => `${q(p.code)} không áp dụng với đơn vị này${p.reason !== null ? ` (${p.reason})` : ''}; các giá trị của tiêu chí không được dùng.`,
  EVIDENCE_UNUSED_ENTRY: (p) => `Mục tại ${p.at} không được tiêu chí nào sử dụng.`,
  EVIDENCE_DOCUMENT_WITHOUT_FOR: (p) =>
    `${p.number !== null ? `Tài liệu ${p.number}` : 'Một tài liệu (chưa ghi số)'} của ${q(p.code)} không ghi là tài liệu nào trong các tài liệu tiêu chí yêu cầu${p.candidates.length > 1 ? ` (có thể là ${p.candidates.join(' hoặc ')})` : ''}: hãy thêm "for" với một trong ${p.known.join(', ')}.`,
  EVIDENCE_DOCUMENT_AFTER_DEADLINE: (p, f) =>
    `${q(p.code)} ghi ${named(p.input, p)} là ${f.date(p.typed)}, đúng hạn ${f.date(p.deadline)}, nhưng ${p.number !== null ? `tài liệu ${p.number}` : 'tài liệu kiểm chứng'} ghi ngày ${f.date(p.date)}, sau thời hạn: hãy kiểm tra lại ngày đã nhập hoặc tài liệu.`,
  EVIDENCE_THOUSANDS_READ: (p) => `Đầu vào ${named(p.input, p)} được viết ${q(p.got)} có dấu ngăn cách hàng nghìn và được đọc là ${p.read}; trong tệp nên viết ${p.read} (không có dấu ngăn cách).`,
  EVIDENCE_NUMBER_AMBIGUOUS: (p) =>
    p.sheet !== undefined
      ? ambiguousInSheet(p, p.sheet)
      : `Đầu vào ${named(p.input, p)} được viết ${q(p.got)}, có thể hiểu là ${p.decimal !== null ? `${p.thousands} (dấu ngăn cách hàng nghìn) hoặc ${p.decimal} (phần thập phân)` : `${p.thousands} viết với dấu ngăn cách hàng nghìn`}: hãy viết số không có dấu ngăn cách hàng nghìn, phần thập phân sau dấu chấm, ví dụ ${p.thousands}${p.decimal !== null ? ` hoặc ${p.decimal}` : ''}.`,
  EVIDENCE_DATE_READ: (p) =>
    `${p.input !== null ? `Ngày của đầu vào ${named(p.input, p)}` : 'Ngày của tài liệu'} được viết ${q(p.got)} và được đọc là ${p.read}; trong tệp nên viết ${p.read} (năm-tháng-ngày).`,
  EVIDENCE_DATE_NOT_REAL: (p) => `${p.input !== null ? `Ngày của đầu vào ${named(p.input, p)}` : 'Ngày'} ${q(p.got)} không phải là ngày có thật trên lịch: hãy kiểm tra lại ngày và tháng.`,
  EVIDENCE_LEVEL_BY_LABEL: (p) => `Đầu vào ${named(p.input, p)} được ghi bằng tên mức ${q(p.got)} và được đọc là mức ${q(p.read)}; trong tệp nên ghi mã mức ${q(p.read)}.`,

  // Chấm điểm
  SCORE_MISSING_INPUT: (p) => `${q(p.code)} chưa có giá trị ${named(p.input, p)}: tiêu chí được 0 điểm cho đến khi bổ sung.`,
  SCORE_MISSING_DOCUMENT: (p) => `${q(p.code)} thiếu tài liệu kiểm chứng ${q(p.label)}.`,
  SCORE_DIVISION_BY_ZERO: (p) => `Biểu thức của ${q(p.code)} chia cho 0.`,
  SCORE_EXPRESSION: (p, f) => `Biểu thức của ${q(p.code)} bị lỗi: ${expressionFailure(p, f)}.`,
  SCORE_TOO_FEW_ANSWERS: (p, f) =>
    `${q(p.code)} có ${f.num(p.answers)} phiếu trả lời ở ${named(p.input, p)}, ít hơn ${f.num(p.minAnswers)} phiếu quy tắc yêu cầu: tiêu chí được coi là thiếu minh chứng cho đến khi có đủ phiếu.`,
  SCORE_NOT_APPLICABLE_BY_VALUE: (p, f) =>
    `${q(p.code)} không áp dụng vì ${named(p.input, p)} bằng 0, và ${f.num(p.max)} điểm của tiêu chí được trừ khỏi điểm tối đa: hãy kiểm tra đơn vị thực sự không có trường hợp nào (khai 0 để bỏ một tiêu chí sẽ làm chỉ số tăng).`,
  SCORE_NO_TIER: (p, f) => `Giá trị ${f.num(p.value)} của ${q(p.code)} không thuộc bậc nào.`,
  SCORE_GIVEN_OUT_OF_RANGE: (p, f) =>
    `Tiêu chí ${q(p.code)} lấy điểm đã công bố ở ${q(p.input)}, nhưng ${f.num(p.value)} nằm ngoài khoảng ${f.num(p.min)}–${f.num(p.max)}: tiêu chí chưa được chấm (0 điểm) cho đến khi sửa số liệu; công cụ không tự cắt về điểm tối đa.`,
  SCORE_CLAIM_MISMATCH: (p, f) =>
    `${q(p.code)} tự chấm ${f.num(p.claimed)} điểm${p.max !== undefined ? `, quá điểm tối đa ${f.num(p.max)} của tiêu chí` : ''}; minh chứng chỉ đủ cho ${f.num(p.computed)} điểm.`,
  SCORE_CLAIM_ON_PARENT: (p, f) => `${q(p.code)} tự chấm ${f.num(p.claimed)} điểm; tổng điểm các tiêu chí thành phần là ${f.num(p.computed)}.`,
  SCORE_NEEDS_EXPLANATION: (p) => `${q(p.code)} được chấm khi thiếu tài liệu kiểm chứng bắt buộc và chưa có giải trình.`,

  // Thẩm định, kết quả đã lưu và xếp hạng
  APPRAISAL_SCHEMA: (p, f) => `${schemaText(p, f, 'appraisal')}.`,
  RANK_APPRAISAL_UNUSED: (p) => {
    const why =
      p.reason === 'evidenceChanged'
        ? `minh chứng đã thay đổi sau khi thẩm định (tệp thẩm định gắn với SHA-256 ${sha(p.sha256)}; tệp ${p.file} được xếp hạng cho đơn vị này có SHA-256 ${sha(p.ranked)}): cần thẩm định lại minh chứng đã thay đổi, hoặc xếp hạng đúng minh chứng đã được thẩm định`
        : p.reason === 'sameEvidence'
          ? `${p.first} đã thẩm định cùng minh chứng này`
          : p.reason === 'evidenceDuplicate'
            ? `minh chứng được thẩm định (${p.file}) bị bỏ vì đơn vị đã được xếp hạng từ ${p.first}; hãy giữ một tệp minh chứng cho mỗi đơn vị để xếp hạng theo thẩm định này`
            : p.reason === 'evidenceNotRanked'
              ? 'minh chứng được thẩm định không có trong các tệp được xếp hạng'
              : 'không có tệp minh chứng nào được xếp hạng';
    return `Tệp thẩm định này${p.unit !== null ? ` (đơn vị ${p.unit})` : ''} không được dùng: ${why}.`;
  },
  RANK_DUPLICATE_UNIT: (p) => `Đơn vị ${p.unit} đã được xếp hạng từ tệp ${p.first}; mỗi đơn vị chỉ xếp hạng một lần.`,
  RANK_UNIT_LOOKALIKE: (p) =>
    `Mã đơn vị ${q(p.unit)} chỉ khác mã ${q(p.first)} của tệp ${p.file} ở ký tự ẩn, dấu cách, chữ hoa chữ thường, dấu gạch ngang hoặc chữ cái trông giống nhau: hai mã được coi là cùng một đơn vị.`,
  RANK_THREADS_CAPPED: (p, f) => `--threads ${p.asked} vượt số nhân xử lý của máy (${f.num(p.cores)}); chỉ dùng ${f.num(p.cores)} luồng.`,
  RESULT_COMPACT: () => 'Tệp kết quả đã lưu ở dạng rút gọn (không có diễn giải): muốn so sánh cần kết quả đầy đủ. Hãy lưu bằng score --format json, không dùng --compact.',
  RESULT_NOT_REPRODUCED: (p, f) =>
    p.scored === null && p.evidence === ''
      ? `Các tệp mà kết quả đã lưu nêu không chấm lại được nó (${p.at}: ${p.saved ?? ''}): kết quả không được tạo từ các tệp này.`
      : `Kết quả đã lưu không đúng với kết quả chấm lại từ tệp minh chứng ${q(p.evidence)}: tại ${p.at} tệp ghi ${p.saved ?? '(không có)'}, chấm lại được ${p.scored ?? '(không có)'}${p.more ? ` (và ${f.num(String(p.more))} chỗ khác)` : ''}. Kết quả đã bị sửa sau khi chấm${p.engine !== null ? `, hoặc được chấm bằng phiên bản khác của bộ máy chấm điểm (${p.engine})` : ''}: hãy chấm lại từ tệp minh chứng.`,
  RESULT_UNVERIFIED: (p) =>
    `Mới chỉ kiểm tra định dạng của kết quả đã lưu: muốn kiểm tra các con số, hãy đưa kèm ${{ evidence: 'tệp minh chứng', appraisal: 'tệp thẩm định', plan: 'tệp kế hoạch', progress: 'tệp tiến độ' }[p.missing]} của nó (SHA-256 ${p.sha256}) trong cùng lệnh (parindex validate <kết quả.json> <minh chứng.json>${{ evidence: '', appraisal: ' <thẩm định.json>', plan: ' <kế hoạch.json> <tiến độ.json>', progress: ' <kế hoạch.json> <tiến độ.json>' }[p.missing]}): kết quả sẽ được chấm lại và so sánh.`,
  RESULT_SCHEMA: (p, f) => `Tệp kết quả đã lưu không đúng lược đồ kết quả (packages/engine/schema/result.schema.json): ${schemaText(p, f)}.`,
  APPRAISAL_EVIDENCE_MISMATCH: (p) =>
    p.field === 'criteriaSet'
      ? `Tệp thẩm định này dành cho bộ tiêu chí ${p.expected}, nhưng minh chứng được chấm theo bộ ${p.given}.`
      : p.expectedUnit === p.givenUnit
        ? `Minh chứng của ${p.expectedUnit} đã thay đổi sau khi thẩm định: tệp thẩm định được lập trên minh chứng có mã ${sha(p.expectedSha256)}, còn minh chứng được đưa vào có mã ${sha(p.givenSha256)}. Hãy dùng đúng tệp minh chứng đã thẩm định, hoặc lập lại tệp thẩm định trên minh chứng mới.`
        : `Tệp thẩm định này gắn với minh chứng của ${p.expectedUnit} (${sha(p.expectedSha256)}), nhưng minh chứng được đưa vào là của ${p.givenUnit} (${sha(p.givenSha256)}).`,
  APPRAISAL_UNKNOWN_ROUND: (p) => (p.rounds.length > 0 ? `Tệp thẩm định không có vòng ${q(p.round)} (các vòng: ${p.rounds.join(', ')}).` : `Không có vòng ${q(p.round)}: chưa có tệp thẩm định nào.`),
  APPRAISAL_OVERRIDE_RANGE: (p, f) => `Điểm điều chỉnh của ${q(p.code)} là ${f.num(p.points)}, ngoài khoảng từ ${f.num(p.floor)} đến ${f.num(p.max)}.`,
  APPRAISAL_ANSWER_CHANGES_SCORE: (p) =>
    `Vòng giải trình ${q(p.round)} thay đổi số liệu hoặc điểm của ${q(p.code)}; đơn vị chỉ giải trình và bổ sung tài liệu, vòng thẩm định tiếp theo mới quyết định điểm.`,
  APPRAISAL_UNKNOWN_CRITERION: (p) => `Tệp thẩm định nhắc tới ${q(p.code)}, không phải tiêu chí lá của bộ ${p.set}${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}.`,
  APPRAISAL_DUPLICATE_ROUND: (p) =>
    `Vòng thứ ${p.at} có mã ${q(p.round)}, trùng với vòng thứ ${p.first}: mỗi vòng cần một mã riêng (ví dụ round1, answer, round2), vì --round và các báo cáo gọi vòng theo mã.`,
  APPRAISAL_REPEATED_ITEM: (p) =>
    `Tiêu chí ${q(p.code)} có hai mục trong vòng ${q(p.round)} (mục thứ ${p.first} và thứ ${p.at}): hãy gộp thành một mục, một mục có thể vừa sửa số liệu vừa ghi điểm, với một lý do.`,
  APPRAISAL_BLANK_REASON: (p) => `Lý do điều chỉnh ${q(p.code)} trong vòng ${q(p.round)} để trống: mỗi điều chỉnh cần một lý do mà đơn vị đọc được.`,
  APPRAISAL_POINTS_READ: (p) => `Điểm của mục thẩm định được viết ${q(p.got)} và được đọc là ${p.read}; trong tệp nên viết số với dấu chấm: ${p.read}.`,
  APPRAISAL_DATE_READ: (p) => `Ngày của ${p.of === 'round' ? 'vòng thẩm định' : 'mục thẩm định'} được viết ${q(p.got)} và được đọc là ${p.read}; trong tệp nên viết ${p.read} (năm-tháng-ngày).`,
  APPRAISAL_ROUND_ID_ORDER: (p) =>
    `Vòng ${q(p.round)} đứng sau vòng ${q(p.previous)} trong tệp: các vòng được áp dụng theo thứ tự trong tệp, nên điểm của ${q(p.round)} là kết quả cuối cùng; hãy xếp các vòng theo thứ tự đã diễn ra.`,
  APPRAISAL_ROUND_DATE_ORDER: (p, f) =>
    `Vòng ${q(p.round)} đề ngày ${f.date(p.date)}, trước ngày của vòng ${q(p.previous)} đứng trước nó (${f.date(p.previousDate)}): các vòng được áp dụng theo thứ tự trong tệp; hãy kiểm tra lại ngày hoặc thứ tự các vòng.`,

  // Kế hoạch CCHC và tiến độ thực hiện
  PLAN_SCHEMA: (p, f) => `${schemaText(p, f, 'plan')}.`,
  PROGRESS_SCHEMA: (p, f) => `${schemaText(p, f, 'progress')}.`,
  PLAN_FILE_KIND: (p) =>
    `Cần ${PLAN_NEED_VI[p.need]}; ${p.found === null ? 'tệp này không phải' : `tệp này là ${PLAN_KIND_VI[p.found]}`}${p.found === 'plan' || p.found === 'progress' ? ` (dùng với ${p.found === 'plan' ? '--plan' : '--progress'})` : ''}.`,
  PLAN_DUPLICATE_TASK: (p) => `Nhiệm vụ ${q(p.task)} có hai lần trong kế hoạch (lần đầu tại ${p.first}); mỗi mã nhiệm vụ chỉ dùng một lần.`,
  PLAN_UNKNOWN_FIELD: (p) =>
    `${p.task !== null ? `Nhiệm vụ ${q(p.task)} thuộc` : 'Ánh xạ đầu vào nhắc tới'} lĩnh vực ${q(p.field)}, không có trong "fields" của kế hoạch${p.suggestion !== null ? `; có lẽ là ${q(p.suggestion)}.` : '.'}`,
  PLAN_MAPPING_TASK: (p) =>
    p.task === null
      ? `Đầu vào ${q(p.input)} lấy từ một nhiệm vụ (${p.derive}) nhưng không nêu "task".`
      : `Đầu vào ${q(p.input)} lấy từ nhiệm vụ ${q(p.task)}, không có trong kế hoạch${p.suggestion !== null ? `; có lẽ là ${q(p.suggestion)}.` : '.'}`,
  PLAN_PERIOD: (p, f) => `Kỳ kế hoạch bắt đầu ${f.date(p.from)}, sau ngày kết thúc ${f.date(p.to)}.`,
  PLAN_QUOTE: (p) => `Các đoạn trích "quote" của nhiệm vụ ${q(p.task)}, nối lại bằng dấu cách, không đúng với "content".`,
  PLAN_NO_TARGETS: (p) => `Kế hoạch ${q(p.plan)} không có "targets" (chỉ tiêu gắn với một bộ chỉ tiêu).`,
  PLAN_SET_MISMATCH: (p) => `Kế hoạch ${q(p.plan)} ${p.planSet === null ? 'không nêu bộ tiêu chí nào nó phục vụ ("serves")' : `phục vụ bộ ${p.planSet}`}, còn tệp minh chứng dùng bộ ${p.evidenceSet}.`,
  PLAN_UNKNOWN_INPUT: (p) => `Kế hoạch điền đầu vào ${q(p.input)} cho tiêu chí ${q(p.criterion)}, nhưng tiêu chí này của bộ ${p.set} không có đầu vào đó.`,
  PLAN_INPUT_OVERRIDDEN: (p) =>
    `${q(p.criterion)}: tệp minh chứng ghi ${q(p.input)} = ${p.typed ?? '(trống)'}, nhưng kế hoạch ${q(p.plan)} và tiến độ cho ${p.derived ?? '(không có giá trị)'}; dùng giá trị tính từ kế hoạch.`,
  PROGRESS_PLAN_MISMATCH: (p) => `Tệp tiến độ thuộc kế hoạch ${q(p.given)}, không phải ${q(p.expected)}.`,
  PROGRESS_UNKNOWN_TASK: (p) => `Không có nhiệm vụ ${q(p.task)} trong kế hoạch ${q(p.plan)}${p.suggestion !== null ? `; có lẽ là ${q(p.suggestion)}.` : '.'}`,
  PROGRESS_DUPLICATE_TASK: (p) => `Nhiệm vụ ${q(p.task)} được ghi tiến độ hai lần (lần đầu tại ${p.first}); chỉ lần đầu được dùng.`,
  PROGRESS_PRODUCT_NOT_DONE: (p) =>
    `Nhiệm vụ ${q(p.task)} ghi ${{ inProgress: '"đang thực hiện"', notStarted: '"chưa bắt đầu"', dropped: '"không thực hiện"' }[p.status]} nhưng đã có sản phẩm: sản phẩm này không được tính. Nếu nhiệm vụ đã hoàn thành, hãy ghi "đã hoàn thành" (done).`,
  PROGRESS_DONE_WITHOUT_PRODUCT: (p) => `Nhiệm vụ ${q(p.task)} ghi "đã hoàn thành" nhưng không có sản phẩm (số, ngày, tên văn bản hoặc kết quả đạt được): chưa được tính là hoàn thành.`,
  PROGRESS_LATE: (p, f) => `Nhiệm vụ ${q(p.task)} hoàn thành trễ hạn: sản phẩm ngày ${f.date(p.date)}, hạn ${f.date(p.deadline)}.`,
  PROGRESS_PLAN_NOT_GIVEN: (p) =>
    `Tệp tiến độ mới chỉ được kiểm tra định dạng: kế hoạch ${q(p.plan)} không có trong các tệp được kiểm tra. Hãy kiểm tra cùng tệp kế hoạch (parindex validate <kế hoạch.json> <tiến độ.json>) để biết nhiệm vụ sai mã, trùng hay trễ hạn.`,

  // Dòng lệnh
  USAGE_UNKNOWN_COMMAND: (p) => `Không có lệnh ${q(p.command)}. Các lệnh: ${p.commands.join(', ')}.`,
  USAGE_UNKNOWN_OPTION: (p) => `Không có tùy chọn ${p.option}.`,
  USAGE_OPTION_VALUE: (p) => `Tùy chọn ${p.option} cần một giá trị.`,
  USAGE_INVALID_VALUE: (p) => `${q(p.value)} không phải là giá trị của ${p.option}; các giá trị được phép: ${p.allowed.join(', ')}.`,
  USAGE_MISSING_ARGUMENT: (p) => `Thiếu tham số ${p.argument}.`,
  USAGE_UNEXPECTED_ARGUMENT: (p) => `Thừa tham số ${q(p.argument)}.`,
  USAGE_OPTION_REQUIRES: (p) => `${p.option} cần đi kèm ${p.requires}.`,
  USAGE_DIFF_FILES: () => 'Lệnh so sánh cần hai tệp, hoặc một tệp minh chứng kèm --appraisal.',
  USAGE_DIFF_SIDES: () => 'Với hai tệp, hãy dùng --appraisal-a/--round-a và --appraisal-b/--round-b.',
  USAGE_APPRAISAL_ON_RESULT: (p) => `${p.file} là kết quả đã lưu; tệp thẩm định chỉ áp dụng cho tệp minh chứng.`,
  USAGE_NO_FILES: () => 'Không có tệp nào để xếp hạng.',
  USAGE_ROUND_WITHOUT_APPRAISAL: () => '--round cần có tệp thẩm định trong các đường dẫn.',
  USAGE_THREADS: (p) => `--threads cần một số nguyên từ 1 trở lên, không phải ${q(p.got)}.`,
  USAGE_BINARY_TERMINAL: (p) => `--format ${p.format} tạo tệp nhị phân: hãy đặt tên tệp bằng --out (ví dụ --out bao-cao.${p.format}) hoặc chuyển hướng đầu ra vào một tệp.`,

  // Sổ tính (workbook)
  WORKBOOK_UNREADABLE: (p) =>
    p.reason === 'notZip'
      ? 'Tệp không phải sổ tính Excel (.xlsx): không mở được như một tệp nén. Hãy lưu lại bằng Excel dạng "Sổ làm việc Excel (.xlsx)".'
      : p.reason === 'notWorkbook'
        ? 'Tệp nén này không chứa sổ tính Excel (thiếu xl/workbook.xml).'
        : p.reason === 'xml'
          ? `Thành phần ${q(p.part ?? '')} của sổ tính bị hỏng (không phải XML hợp lệ). Hãy mở bằng Excel và lưu lại.`
          : `Không đọc được sổ tính${p.part ? ` (thành phần ${q(p.part)})` : ''}. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  WORKBOOK_LIMIT: (p, f) => `${WORKBOOK_LIMIT_WHAT[p.what]} ${f.num(p.limit)}${p.part ? ` (${q(p.part)})` : ''}. Sổ tính không được đọc.`,
  WORKBOOK_XML_DOCTYPE: (p) => `Thành phần ${q(p.part)} có khai báo DOCTYPE (thực thể XML); Excel không bao giờ ghi như vậy, sổ tính bị từ chối.`,
  WORKBOOK_EXTERNAL_LINK: (p) => `Sổ tính liên kết tới sổ tính khác (${q(p.part)}); số liệu kê khai phải nằm ngay trong tệp. Hãy bỏ liên kết (Dữ liệu → Sửa liên kết → Ngắt liên kết) và lưu lại.`,
  WORKBOOK_NOT_BOUND: () => 'Sổ tính này không phải mẫu do parindex tạo (thiếu trang ẩn gắn với bộ tiêu chí). Hãy tạo mẫu bằng: parindex template <bộ tiêu chí> --format xlsx.',
  WORKBOOK_LAYOUT_VERSION: (p) => `Sổ tính theo mẫu phiên bản ${q(p.version)}, phiên bản này của parindex chỉ đọc mẫu phiên bản ${p.supported}. Hãy tạo lại mẫu.`,
  WORKBOOK_KIND: (p) => `Đây là sổ tính ${p.kind === 'appraisal' ? 'thẩm định' : 'kê khai'}, nhưng ở đây cần sổ tính ${p.need === 'appraisal' ? 'thẩm định' : 'kê khai minh chứng'}.`,
  WORKBOOK_SET_MISMATCH: (p) =>
    p.given === p.expected
      ? `Sổ tính được tạo cho một bản khác của bộ tiêu chí ${p.given} (${sha(p.givenSha256)}, bản đang dùng là ${sha(p.expectedSha256)}). Hãy tạo lại mẫu và chép số liệu sang.`
      : `Sổ tính được tạo cho bộ tiêu chí ${p.given}, không phải ${p.expected}. Hãy dùng đúng bộ tiêu chí hoặc tạo lại mẫu.`,
  WORKBOOK_SHEET_MISSING: (p) => `Sổ tính thiếu trang ${q(p.sheet)}; không đổi tên hoặc xóa các trang của mẫu.`,
  WORKBOOK_FORMULA: (p) => `${theCell(p)} chứa công thức (=${p.formula}); parindex chỉ đọc giá trị được nhập. Hãy sao chép và dán giá trị (Dán đặc biệt → Giá trị).`,
  WORKBOOK_CELL_ERROR: (p) => `${theCell(p)} chứa lỗi ${p.error} của Excel.`,
  WORKBOOK_CELL_TYPE: (p, f) =>
    `${theCell(p)} cần ${WORKBOOK_EXPECTED[p.expected]}, nhưng chứa ${WORKBOOK_GOT[p.got]}${p.value !== '' ? ` (${q(p.got === 'number' ? f.num(p.value) : p.value)})` : ''}.`,
  WORKBOOK_DECIMAL_COMMA: (p) =>
    `${theCell(p)} ghi ${q(p.got)}, có dấu phẩy trước phần thập phân; sổ tính tiếng Anh viết phần thập phân sau dấu chấm, dấu phẩy ngăn cách hàng nghìn (1,500 là 1500): hãy nhập ${p.suggest}.`,
  WORKBOOK_PERCENT_FRACTION: (p, f) =>
    `${theCell(p)} ghi ${formatNumber(p.value, p.sheet)}, được đọc là ${f.num(p.value)}%: nếu là ${f.num(p.percent)}%, hãy nhập ${formatNumber(p.percent, p.sheet)} hoặc ${formatNumber(p.percent, p.sheet)}%.`,
  WORKBOOK_UNKNOWN_CHOICE: (p, f) =>
    `${q(p.value)} không có trong danh sách của ${cellOf(p)}${p.choices.length > 0 ? `: hãy chọn ${f.list(p.choices.map(q), 'or')}` : ' (danh sách trống)'}${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}.`,
  WORKBOOK_UNKNOWN_ROW: (p) =>
    p.of === 'criterion'
      ? `Dòng ghi tiêu chí ${q(p.key)}, không phải tiêu chí của bộ${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}.`
      : `Dòng có mã số liệu ${q(p.key)}${p.criterion ? ` (tiêu chí ${p.criterion})` : ''} không có trong bộ tiêu chí${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}; không sửa cột mã số liệu.`,
  WORKBOOK_DUPLICATE_ROW: (p) => `Số liệu ${q(p.key)} có hai dòng (dòng đầu ở ${p.first}); mỗi số liệu chỉ ghi một lần.`,
  WORKBOOK_MISSING_ROW: (p) => `Không còn dòng của ${cellOf(p)} trong trang số liệu (đã bị xóa?): số liệu này coi như chưa nhập.`,
  WORKBOOK_DOCUMENT_CRITERION: (p) =>
    p.code === null
      ? 'Dòng tài liệu chưa ghi tiêu chí mà tài liệu chứng minh.'
      : `Dòng tài liệu ghi tiêu chí ${q(p.code)}, không phải tiêu chí của bộ${p.suggest !== undefined ? ` (có phải là ${q(p.suggest)}?)` : ''}.`,
  WORKBOOK_DOCUMENT_DATE: (p) =>
    `Ngày ban hành của ${documentOfRow(p)} ghi ${q(p.value)}, ${p.problem === 'notReal' ? 'không phải là ngày có thật trên lịch' : 'không phải là một ngày'}: hãy nhập ngày dạng dd/mm/yyyy, ví dụ 15/01/2026.`,
  WORKBOOK_CELL_IGNORED: (p) => cellIgnored(p),
  WORKBOOK_APPRAISAL_REASON: (p) => `Điều chỉnh ${cellOf(p)} ở ${/^round[0-9]+$/.test(p.round) ? `vòng ${p.round.slice(5)}` : q(p.round)} chưa có lý do; mỗi điều chỉnh phải ghi lý do.`,
  USAGE_NUMBER: (p, f) => `${p.option} cần một số nguyên từ ${f.num(p.min)} đến ${f.num(p.max)}, không phải ${q(p.got)}.`,
  API_BODY_TOO_LARGE: (p, f) => `${p.size === null ? 'Nội dung yêu cầu lớn hơn' : `Nội dung yêu cầu có ${f.num(p.size)} byte, vượt`} giới hạn ${f.num(p.limit)} byte.`,
  API_TIMEOUT: (p, f) => `Yêu cầu không xử lý xong trong ${f.num(p.limit)} mili giây nên đã bị dừng; máy chủ vẫn hoạt động. Hãy gửi ít dữ liệu hơn trong một yêu cầu, hoặc thử lại sau.`,
  API_NOT_FOUND: (p) => `Không có địa chỉ ${p.method} ${q(p.path)}. Xem danh sách tại /v1/openapi.json.`,
  API_METHOD_NOT_ALLOWED: (p, f) => `${q(p.path)} không nhận yêu cầu ${p.method}: hãy gửi ${f.list(p.allow, 'or')}.`,
  API_CONTENT_TYPE: (p) =>
    `Nội dung yêu cầu phải được gửi dưới dạng JSON (tiêu đề "content-type: application/json")${p.type === null ? '; yêu cầu này không khai báo kiểu nội dung' : `, không phải ${q(p.type)}`}.`,
  API_BODY_SHAPE: (p) => `${p.part !== undefined ? `Phần ${q(p.part)} của nội dung` : 'Nội dung'} gửi tới ${p.route} phải là ${API_NEED_VI[p.need]}.`,
  API_QUERY_VALUE: (p, f) =>
    `Tham số ${q(p.name)} không nhận giá trị ${q(p.value)}; chỉ nhận ${'allowed' in p ? f.list(p.allowed.map(q), 'or') : `một số nguyên từ ${f.num(p.min)} đến ${f.num(p.max)}`}.`,
  API_INTERNAL: () => 'Lỗi nội bộ của máy chủ khi xử lý yêu cầu này; yêu cầu khác vẫn được xử lý. Hãy báo lỗi kèm nội dung đã gửi.',
  API_BUSY: (p, f) => `Máy chủ đang bận (${f.num(p.pending)} yêu cầu đang chờ); hãy thử lại sau.`,
  API_PAGE_NOT_BUILT: () =>
    'Trang web chưa được dựng nên chưa có gì ở địa chỉ này; API vẫn hoạt động tại /v1. Dựng trang bằng lệnh: npx --yes pnpm@10 build (tạo packages/web/dist), rồi chạy lại parindex serve.',
  API_HOST_REFUSED: (p) =>
    `Máy chủ này chỉ phục vụ máy này (127.0.0.1, localhost), không phục vụ yêu cầu gửi tới ${p.host === null ? 'một địa chỉ không khai báo' : q(p.host)}. Để máy khác truy cập, chạy parindex serve với --host.`,
  API_LISTEN_FAILED: (p) =>
    `Không mở được máy chủ tại ${p.host}:${p.port}${p.errno === 'EADDRINUSE' ? ': cổng này đang được chương trình khác dùng; chọn cổng khác bằng --port' : p.errno === 'EACCES' ? ': không có quyền dùng cổng này; chọn cổng từ 1024 trở lên' : ` (${p.errno ?? 'lỗi không rõ'})`}.`,
} satisfies DiagnosticSentences;

const API_NEED_VI: Record<DiagnosticParams['API_BODY_SHAPE']['need'], string> = {
  setEvidenceOrAppraisal: 'một bộ tiêu chí (có "fields"), một tệp minh chứng (có "entries") hoặc một tệp thẩm định (có "rounds")',
  evidence: 'một tệp minh chứng (có "entries"), hoặc {"evidence", "appraisal", "round", "set"}',
  diffPair: '{"a", "b"} (mỗi bên là tệp minh chứng, kết quả đã lưu hoặc {"evidence", "appraisal", "round"}), hoặc {"evidence", "appraisal"} để so sánh tự chấm với thẩm định',
  rankBody: '{"evidence": [...các tệp minh chứng], "appraisals"?: [...], "set"?, "round"?, "ties"?: "dense" hoặc "competition"}',
  evidenceList: 'danh sách có ít nhất một tệp minh chứng: không có tệp nào để xếp hạng',
  appraisalForRound: '{"evidence", "appraisal", "round"}: "round" là một vòng của tệp thẩm định, nên cần có cả "appraisal"',
};
