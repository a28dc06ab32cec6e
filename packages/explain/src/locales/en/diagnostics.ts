/**
 * Every diagnostic in English: one sentence per code, from its params. Quoted in "…" are what the
 * author types (ids, codes, keys of the format) and values from the files.
 */
import type { BoundsProblem, ExpectedType, InputType, LimitSubject, ParamScalar, PatternCode, Received, SchemaIssue, SchemaPlace, ValueKind, DiagnosticParams, WorkbookPlace } from '@parindex/rules';
import type { FormatRuleIssue } from '../../diagnostics.js';
import type { DiagnosticSentences, Formatter } from '../../diagnostics.js';
import { noneOr, period, q, sha } from '../shared.js';
import type { SchemaFormat } from '../../locale.js';
import { FIELDS, FIELDS_IN } from './fields.js';
import { unitLevelsEn } from './levels.js';
import { formatNumber, typedDecimal } from '../../numbers.js';

const PLAN_NEED_EN = { plan: 'a plan file (with "kind": "plan")', progress: 'a progress file (with "kind": "progress")', evidence: 'an evidence file (with "entries")' } as const;
const PLAN_KIND_EN = { plan: 'a plan file', progress: 'a progress file', set: 'a criteria set', evidence: 'an evidence file', appraisal: 'an appraisal file', result: 'a saved result' } as const;

const unitLevelEn = (l: string) => (unitLevelsEn as Record<string, string>)[l] ?? l;

/** "lower bound 98, 98 excluded" */
function quotedBoundEn(p: { side: 'min' | 'max' | null; value: string | null; inclusive: boolean | null }, f: Formatter): string {
  const v = f.num(p.value ?? '0');
  return `${p.side === 'min' ? 'lower' : 'upper'} bound ${v}, ${v} ${p.inclusive ? 'included' : 'excluded'}`;
}

/** The figure or criterion a cell of a workbook belongs to, by its label. */
/** "The cell of the figure …" / "This cell": the cell a sentence starts with. */
const theCell = (p: WorkbookPlace) => (p.column !== undefined ? `The ${inColumn(p, p.column)}` : p.input === null && p.criterion === null ? 'This cell' : `The cell of ${cellOf(p)}`);

/** A cell by its column's heading: "Self-score" cell of criterion 3.2. */
const inColumn = (p: WorkbookPlace, column: string) => `${q(column)} cell${p.criterion !== null ? ` of criterion ${p.criterion}` : ''}`;

function cellOf(p: WorkbookPlace): string {
  if (p.column !== undefined) return `the ${inColumn(p, p.column)}`;
  if (p.input !== null) return `the figure ${q(p.labelEn ?? p.label ?? p.input)}${p.criterion !== null ? ` of criterion ${p.criterion}` : ''}`;
  return p.criterion !== null ? `criterion ${p.criterion}` : 'this cell';
}

const WORKBOOK_LIMIT_WHAT: Record<DiagnosticParams['WORKBOOK_LIMIT']['what'], string> = {
  fileBytes: 'The file is larger than the limit of',
  zipEntries: 'The file has more parts than the limit of',
  inflatedBytes: 'The file, once unpacked, is larger than the limit (bytes) of',
  sheets: 'The file has more sheets than the limit of',
  rows: 'A sheet has more rows than the limit of',
  cells: 'The file has more cells with data than the limit of',
  rangeCells: 'Data validations, merged cells and column spans cover more cells than the limit of',
  grid: "A cell lies beyond Excel's grid, the limit being",
};

const WORKBOOK_EXPECTED: Record<DiagnosticParams['WORKBOOK_CELL_TYPE']['expected'], string> = {
  boolean: 'Yes or No',
  level: 'a level from the list',
  count: 'a whole number, 0 or more',
  decimal: 'a number',
  percent: 'a percentage from 0 to 100',
  date: 'a date as dd/mm/yyyy',
  tally: 'a number of answers (a whole number, 0 or more)',
  points: 'points',
  text: 'text',
  yesNo: 'Yes or No',
  unitLevel: 'a unit level from the list',
};

const WORKBOOK_GOT: Record<DiagnosticParams['WORKBOOK_CELL_TYPE']['got'], string> = { number: 'a number', date: 'a date', boolean: 'a true/false value', text: 'text', other: 'another kind of value' };

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
  const readings = decimal !== null ? `${thousands} (a thousands separator) or ${decimal} (a decimal part)` : `${thousands} written with a thousands separator`;
  const point = sheet === 'vi' ? 'a comma' : 'a dot';
  return `The input ${named(p.input, p)} is written ${q(p.got)}, which can mean ${readings}: type ${p.thousands} (no thousands separator)${typed !== null ? ` or ${typed} (${point} before the decimals)` : ''}.`;
}

/** A cell that is not read, with something typed in it (the appraisers' unit columns, the unit sheet's set). */
function cellIgnored(p: DiagnosticParams['WORKBOOK_CELL_IGNORED']): string {
  const changed = `was changed (${q(p.what === 'setHash' ? sha(p.was) : p.was)} → ${q(p.now)}) and is not read`;
  if (p.what === 'answerOnFigure') return `The unit's answer on the row of ${cellOf(p)} is not read: answers go on the row of criterion ${p.criterion ?? ''}.`;
  if (p.what === 'criteriaSet' || p.what === 'setHash')
    return `The ${p.what === 'criteriaSet' ? 'criteria set' : "criteria set's SHA-256"} written in the workbook ${changed}: a workbook is always read with the set it was made for (kept on a hidden sheet). To fill in another set, make its template (parindex template <set> --format xlsx) and copy the figures over.`;
  return `The ${p.what === 'unitScore' ? 'self-score' : "unit's value"} of ${cellOf(p)} ${changed}: that column is the unit's; ${p.what === 'unitScore' ? "the appraisers' points go in a round's points column" : "a corrected figure goes in a round's figure column"}, with a reason.`;
}

/** The document of a row of the documents sheet: its requirement's name (and id), its number, its criterion. */
function documentOfRow(p: DiagnosticParams['WORKBOOK_DOCUMENT_DATE']): string {
  const label = p.labelEn ?? p.label;
  const name = label ?? p.requirement;
  const extras = [label !== null ? p.requirement : null, p.number].filter((x) => x !== null);
  const doc = name !== null ? `the document ${q(name)}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}` : p.number !== null ? `the document ${p.number}` : 'a document';
  return p.criterion !== null ? `${doc} of criterion ${p.criterion}` : doc;
}

/** An input as the officer knows it: its label (English when the set has one), and its id (as written in the file). */
const named = (id: string, l: { label?: string; labelEn?: string }) => {
  const label = l.labelEn ?? l.label;
  return label !== undefined ? `"${label}" (${id})` : q(id);
};

/** What a file that is not JSON is, and what to do with it. */
const NOT_JSON: Record<DiagnosticParams['FILE_NOT_JSON']['kind'], string> = {
  utf16: 'The file is UTF-16 text (as Notepad saves "Unicode"), not UTF-8: open it and save it again with the UTF-8 encoding.',
  xlsx: 'The file is an Excel workbook (.xlsx), not a JSON file: give it a name ending in .xlsx (a workbook made by "parindex template --format xlsx" is read wherever evidence is), or read it with "parindex import".',
  xls: 'The file is an old Excel workbook (.xls, Excel 97-2003), not a JSON file: write the figures in a JSON evidence file (make one with "parindex template").',
  docx: 'The file is a Word document (.docx), not a JSON file: documents of evidence are listed in the JSON evidence file by their number, symbol and date.',
  zip: 'The file is a zip archive, not a JSON file: unpack it and give the JSON file inside.',
  pdf: 'The file is a PDF document, not a JSON file: documents of evidence are listed in the JSON evidence file by their number, symbol and date.',
  csv: 'The file is a table of comma-separated values (CSV, as Excel saves it), not a JSON file: write the figures in a JSON evidence file (make one with "parindex template").',
  binary: 'The file holds binary data, not JSON text: check that it is the right file.',
};

/** What a declared input of each type holds, for set authors. */
const INPUT_TYPE: Record<InputType, string> = {
  boolean: 'yes/no ("boolean")',
  level: 'one of named levels ("level")',
  count: 'a whole count ("count")',
  decimal: 'a decimal number ("decimal")',
  percent: 'a percentage ("percent")',
  date: 'a date ("date")',
  tally: 'answer counts per option ("tally")',
};

/** What evidence must give for an input of each type. */
const EVIDENCE_FORM: Record<InputType, string> = {
  boolean: 'true or false (without quotes)',
  level: 'one of the named levels (a string)',
  count: 'a whole number ≥ 0',
  decimal: 'a number',
  percent: 'a percentage between 0 and 100',
  date: 'a date written YYYY-MM-DD',
  tally: 'answer counts per option, e.g. {"a": 120, "b": 30}',
};

const EXPECTED: Record<ExpectedType, string> = {
  string: 'a string',
  number: 'a number',
  finiteNumber: 'a finite number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object {…}',
  array: 'a list […]',
  null: 'null',
  other: 'a value of another type',
};

const KIND: Record<ValueKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
  array: 'a list',
  object: 'an object',
  other: 'a value of another type',
};

const PATTERN: Record<PatternCode, string> = {
  decimalText: 'must be an exact decimal written as text, such as "0.75" (no trailing zeros)',
  decimal: 'must be a decimal such as "0.25" (dot as decimal separator)',
  nonNegativeDecimal: 'must be a non-negative decimal such as "0.25"',
  identifier: 'must be lower_snake_case: a letter, then letters, digits or _',
  criterionCode: 'must be a criterion code such as "1", "1.2", "1.2.3" or "B1" (letters only as prefix)',
  isoDate: 'must be a date written YYYY-MM-DD',
  setId: 'must be lowercase words joined by "." or "-", e.g. "model.commune-par"',
  setVersion: 'must be a year with optional revisions, e.g. "2026" or "2026.1"',
  setRef: 'must be "id@version", e.g. "model.commune-par@2026"',
  sha256: 'must be 64 lowercase hex digits',
};

const BOUNDS: Record<Exclude<BoundsProblem, 'empty'>, string> = {
  minWithoutInclusive: '"min" needs "minInclusive" (true for "from X", false for "above X")',
  maxWithoutInclusive: '"max" needs "maxInclusive" (false for "under Y", true for "up to Y")',
  inclusiveWithoutMin: '"minInclusive" without "min"',
  inclusiveWithoutMax: '"maxInclusive" without "max"',
};

const LIMIT: Record<LimitSubject, string> = {
  textCharacters: 'characters in one text',
  fileValues: 'values in one file',
  listItems: 'items in one list',
  objectProperties: 'properties in one object',
  criteria: 'criteria',
  inputs: 'inputs',
};

/** The JSON parser's codes (jsonc-parser's names). */
const JSON_ERROR: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a badly written number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'the text goes on after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is not finished',
  InvalidUnicode: 'a bad \\u escape',
  InvalidEscapeCharacter: 'a bad escape character',
  InvalidCharacter: 'a control character inside a string',
};

function bounds(p: { problem: BoundsProblem; min?: string; max?: string }, f: Formatter): string {
  return p.problem === 'empty' ? `the interval from ${f.num(p.min ?? '')} to ${f.num(p.max ?? '')} is empty` : BOUNDS[p.problem];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A field by its label and its key, 'the reason ("reason")'; a key with no label (an input id, a key the
 * format does not have) quoted alone. The labels are looked up as own keys only: the key is the file's.
 */
function fieldNamed(field: string, format: SchemaFormat | undefined): string {
  const of = (labels: Readonly<Record<string, string>> | undefined) => (labels !== undefined && Object.hasOwn(labels, field) ? labels[field] : undefined);
  const label = of(format === undefined ? undefined : FIELDS_IN[format]) ?? of(FIELDS);
  return label === undefined ? q(field) : `the ${label} (${q(field)})`;
}

/** The place a schema sentence is about: "The file", 'The maximum ("max")', 'Item 2 of the fields ("fields")' (lower case inside a sentence). */
function subject(p: SchemaPlace, start = true, format?: SchemaFormat): string {
  if (p.field === null) return p.item === null ? (start ? 'The file' : 'the file') : `${start ? 'Item' : 'item'} ${p.item + 1}`;
  const field = fieldNamed(p.field, format);
  return p.item === null ? (start ? cap(field) : field) : `${start ? 'Item' : 'item'} ${p.item + 1} of ${field}`;
}

/** A value a schema problem is about: quoted when short, else by its kind. */
function receivedText(r: Received, f: Formatter): string {
  if (r.received === 'string') return r.value === null ? 'a long string' : JSON.stringify(r.value);
  if (r.received === 'number' && r.value !== null) return f.num(r.value);
  if (r.received === 'boolean' && r.value !== null) return r.value;
  return KIND[r.received ?? 'other'];
}

const got = (r: Received, f: Formatter) => (r.received === null ? '' : ` (received ${receivedText(r, f)})`);
const types = (t: readonly ExpectedType[], f: Formatter) =>
  f.list(
    t.map((x) => EXPECTED[x]),
    'or',
  );

function oneOf(allowed: readonly ParamScalar[], more: number, f: Formatter): string {
  const listed = allowed.map(f.literal).join(', ') + (more > 0 ? `, … (${allowed.length + more} values)` : '');
  return allowed.length === 1 && more === 0 ? `must be ${listed}` : `must be one of ${listed}`;
}

/** A size problem: characters of a text, items of a list, or a number's bound. */
function size(p: Extract<SchemaIssue, { issue: 'tooBig' | 'tooSmall' }>, f: Formatter): string {
  const has = p.actual === null ? '' : ` (it has ${f.num(p.actual)})`;
  const big = p.issue === 'tooBig';
  if (p.origin === 'string') {
    if (!big && p.limit === '1') return 'must not be empty';
    return `must be at ${big ? 'most' : 'least'} ${f.count(p.limit, 'character')} long${has}`;
  }
  if (p.origin === 'array') return `must have at ${big ? 'most' : 'least'} ${f.count(p.limit, 'item')}${has}`;
  const limit = f.num(p.limit);
  const bound = big ? (p.inclusive ? `must be at most ${limit}` : `must be less than ${limit}`) : p.inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`;
  return bound + got(p, f);
}

/** The rules of the formats that a schema cannot say, in words. */
function formatRule(p: FormatRuleIssue, format: SchemaFormat | undefined): string {
  switch (p.issue) {
    case 'notCalendarDate':
      return `${subject(p, true, format)} is ${p.value}, which is not a date of the calendar`;
    case 'comparisonValue':
      return `With ${q(p.op)}, "value" must be ${p.list ? 'a list of values' : 'a single value, not a list'}`;
    case 'applicabilityOnParent':
      return `"applicability" goes on leaf criteria; ${q(p.code)} has children (put it on each sub-criterion)`;
    case 'capOnLeaf':
      return `"cap" applies to a parent; ${q(p.code)} has no children`;
    case 'adjustmentWithChildren':
      return `A ${p.block} item is a single criterion with a rule, without children`;
    case 'partPointsAndFraction':
      return 'A part gives either "points" or "fraction", not both';
    case 'entryWithoutTarget':
      return 'An entry must name a "criterion" or an "input"';
    case 'inputWithValues':
      return 'Give either "input" with "value", or "criterion" with "values"';
    case 'inputWithoutValue':
      return `The entry names the input ${q(p.input)} but has no "value"`;
    case 'valueWithoutInput':
      return '"value" goes with "input"; with "criterion" use "values": {"input_id": …}';
    case 'noCriteriaSet':
      return 'The evidence must name its criteria set in "criteriaSet" ("id@version")';
  }
}

/** A schema problem in one sentence (without the final period). */
function schemaText(p: SchemaIssue, f: Formatter, format?: SchemaFormat): string {
  const s = subject(p, true, format);
  switch (p.issue) {
    case 'type':
      return `${s} must be ${types(p.expected, f)}${got(p, f)}`;
    case 'missing':
      if (p.allowed.length > 0) return `${s} is missing (it ${oneOf(p.allowed, 0, f)})`;
      return p.expected.length > 0 ? `${s} is missing (expected ${types(p.expected, f)})` : `${s} is missing`;
    case 'value':
      return `${s} ${oneOf(p.allowed, p.more, f)}${got(p, f)}`;
    case 'tooBig':
    case 'tooSmall':
      return `${s} ${size(p, f)}`;
    case 'pattern':
      if (p.pattern !== null) return `${s} ${PATTERN[p.pattern]}`;
      return p.regex !== null ? `${s} must match the pattern ${p.regex}` : `${s} does not have the expected form`;
    case 'format':
      return `${s} must be a valid ${p.format}`;
    case 'multipleOf':
      return `${s} must be a multiple of ${f.num(p.divisor)}`;
    case 'unknownKeys':
      return `${s} has ${p.keys.length === 1 ? 'a property' : 'properties'} ${p.keys.map(q).join(', ')} that the format does not know`;
    case 'key':
      return `The key ${q(p.key)} of ${subject(p, false, format)} ${p.pattern !== null ? PATTERN[p.pattern] : 'is not allowed'}`;
    case 'noForm':
      return `${s} matches none of the allowed forms`;
    case 'element':
      return `${s} has an invalid element`;
    case 'invalid':
      return `${s} is not valid${p.check !== null ? ` (the check ${q(p.check)})` : ''}`;
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
      return 'permission denied';
    case 'EIO':
      return 'the disk or device could not be read or written (EIO)';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${errno})`;
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EPIPE':
      return 'the program reading the output closed it';
    case 'ENXIO':
      return 'no program is reading the named pipe';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      // Writing: the folder exists (it is made first) but takes no new file there, as /proc.
      return 'no file can be made there (the path is gone, or the folder takes no new files); choose another folder';
    case 'EBUSY':
      return 'another program is using the file; close it and try again';
    case 'EINVAL':
      return 'the file name or path is not valid there';
    default:
      return errno === null ? 'an unknown error' : `the system reported ${errno}`;
  }
}

const SPECIAL_FILE = { fifo: 'a named pipe (FIFO)', characterDevice: 'a character device', blockDevice: 'a block device', socket: 'a socket', special: 'a special file' } as const;

function writeProblem(p: DiagnosticParams['FILE_WRITE_FAILED']): string {
  switch (p.cause) {
    case 'system':
      return errnoText(p.errno);
    case 'brokenLink':
      return 'it is a symbolic link to a file that does not exist';
    case 'notFile':
      return 'it is a device or a socket, not a file';
    case 'exists':
      return 'it exists, and a new file would replace what was filled in it; give another --out, or add --force to replace it';
    case 'folderIsFile':
      return `${p.folder} is a file, not a folder`;
    case 'folderNotCreated':
      return `the folder ${p.folder} cannot be created (${p.errno ?? errnoText(null)})`;
  }
}

/** What made an expression fail. */
function expressionFailure(p: { reason: string; op?: string; got?: string }, f: Formatter): string {
  const op = p.op !== undefined ? q(p.op) : 'an operation';
  const value = p.got === undefined ? 'nothing' : p.got === 'none' ? 'no value' : p.got === 'list' ? 'a list' : f.num(p.got);
  switch (p.reason) {
    case 'notANumber':
      return `${op} needs numbers, got ${value}`;
    case 'notAllowed':
      return `the operator ${op} is not allowed`;
    case 'result':
      return `its result is ${value}, not a number`;
    default:
      return `a number is too large for ${op}`;
  }
}

function arity(p: { op: string; found: number; min: number; max: number | null }, f: Formatter): string {
  const want = p.max === null ? `at least ${p.min}` : p.min === p.max ? `${p.min}` : `${p.min} to ${p.max}`;
  const n = p.max ?? p.min;
  return `Expression: ${q(p.op)} takes ${want} argument${n === 1 ? '' : 's'}, found ${f.num(p.found)}.`;
}

/** Where the known sets are listed: the command line, the JSON API, or the web page (which also opens set files). */
const SET_LIST_EN: Record<NonNullable<DiagnosticParams['SET_NOT_FOUND']['list']>, string> = {
  cli: 'Run "parindex rules list" to see the sets.',
  api: 'The sets are listed by GET /v1/sets.',
  page: 'This page does not hold that set: open its file first ("Open a criteria-set file").',
};

export const diagnosticsEn = {
  // Reading files
  FILE_NOT_FOUND: (p) => `File not found: ${p.file}. Check the path.`,
  FILE_UNREADABLE: (p) => `Could not read ${p.file}: ${errnoText(p.errno)}.`,
  FILE_IS_FOLDER: (p) => `${p.file} is a folder, not a file.`,
  FILE_NOT_REGULAR: (p) => `Not read: ${p.file} is ${SPECIAL_FILE[p.kind]}, not an ordinary file.`,
  FILE_LINK_BROKEN: (p) => `${p.file} is a symbolic link to ${p.target}, which does not exist.`,
  FILE_LINK_LOOP: (p) => `${p.file} is a symbolic link that leads back to itself or to a folder that holds it; it was not followed.`,
  FILE_TOO_LARGE: (p, f) =>
    `${p.size === null ? 'The file is larger than the limit of' : `The file is ${f.count(p.size, 'byte')}; the limit is`} ${f.count(p.limit, 'byte')}. Split it or remove what is not evidence.`,
  FILE_ENCODING: (p, f) => `The file is not valid UTF-8 text: the byte at offset ${f.num(p.offset)} cannot be decoded. Save it with the UTF-8 encoding (not UTF-16, Windows-1258 or TCVN3).`,
  FILE_NOT_JSON: (p) => NOT_JSON[p.kind],
  FILE_WRITE_FAILED: (p) => `Could not write ${p.file}: ${writeProblem(p)}.`,
  STDOUT_WRITE_FAILED: (p) => `Could not write the output: ${errnoText(p.errno)}; what was printed is incomplete.`,
  FILE_EMPTY: (p) => (p.of === 'body' ? 'The body of the request is empty. It must be one JSON object.' : 'The file is empty. It must hold one JSON object.'),
  FILE_BOM: () => 'The file starts with a UTF-8 byte order mark; it was ignored.',
  FILE_KIND_UNKNOWN: (p) => {
    switch (p.need) {
      case 'setEvidenceOrAppraisal':
        return 'Cannot tell whether this is a criteria set, an evidence file or an appraisal file: a criteria set has "fields", an evidence file "entries", an appraisal file "rounds".';
      case 'savedResult':
        return 'This is not a saved result: a saved result has "formatVersion": 1, "provenance" and "fields" (the JSON of "parindex score --format json").';
      case 'rankInputs':
        return 'Rank cannot use this file: it needs evidence files (with "entries") and, optionally, their appraisal files (with "rounds").';
      case 'evidence':
        return `Expected an evidence file (with "entries"); ${p.found === 'set' ? 'this is a criteria set' : p.found === 'appraisal' ? 'this is an appraisal file' : p.found === 'result' ? 'this is a saved result' : 'this file is not one'}${p.with === 'appraisal' ? ": give the unit's evidence file, and this appraisal after --appraisal" : ''}.`;
    }
  },
  JSON_SYNTAX: (p) => `Invalid JSON: ${JSON_ERROR[p.error] ?? 'the text is not JSON'}.`,
  JSON_NOT_OBJECT: (p) =>
    `${p.of === 'body' ? 'The body of the request must be' : 'The file must hold'} one JSON object {…}, not ${p.found === 'array' ? 'an array' : p.found === 'boolean' ? 'a boolean' : KIND[p.found]}.`,
  JSON_TOO_DEEP: (p, f) => `The JSON nests deeper than ${f.count(p.limit, 'level')}.`,
  JSON_DUPLICATE_KEY: (p, f) => `The key ${q(p.key)} is given twice in the same object (first on line ${f.num(p.firstLine)}); JSON would silently keep only the last one. Keep one.`,
  JSON_NUMBER_INEXACT: (p) => `The number ${p.text} has more digits than a JSON number can keep: it would be read as ${p.read}. Write it as a decimal string, e.g. "${p.text}".`,
  JSON_FORBIDDEN_KEY: (p) => `The key ${q(p.key)} is not allowed anywhere in a file (it could reach object prototypes).`,
  JSON_NUMBER_FORM: (p) =>
    `The number ${p.text} is written ${p.form === 'decimalComma' ? 'with a decimal comma' : 'with dots between thousands'}, which is not JSON: write ${p.suggest}${p.form === 'decimalComma' ? ' (a dot before the decimals)' : ' (no separators)'}.`,
  LIMIT_EXCEEDED: (p, f) => `Too many ${LIMIT[p.what]}: ${p.count === null ? `more than ${f.num(p.limit)}` : f.num(p.count)}; the limit is ${f.num(p.limit)}.`,

  // Criteria sets
  SET_SCHEMA: (p, f) => `${schemaText(p, f, 'set')}.`,
  SET_PERIOD: (p, f) => `The period starts on ${f.date(p.from)}, after it ends on ${f.date(p.to)}.`,
  SET_DUPLICATE_CODE: (p) => `The code ${q(p.code)} is used twice; every criterion needs its own code.`,
  SET_CODE_NOT_NESTED: (p) => `The code ${q(p.code)} should start with its parent's code "${p.parent}." (e.g. "${p.parent}.1").`,
  SET_CHILDREN_EXCEED_MAX: (p, f) => `The children of ${q(p.code)} add up to ${f.count(p.sum, 'point')}, more than its maximum ${f.num(p.max)}. Lower them or declare a "cap".`,
  SET_CHILDREN_BELOW_MAX: (p, f) => `The children of ${q(p.code)} add up to ${f.count(p.sum, 'point')}, less than its maximum ${f.num(p.max)}: the maximum cannot be reached.`,
  SET_CAP_ABOVE_MAX: (p, f) => `The cap ${f.num(p.cap)} of ${q(p.code)} is above its maximum ${f.num(p.max)}.`,
  SET_FLOOR_ABOVE_MAX: (p, f) => `The floor ${f.num(p.floor)} of ${q(p.code)} is above its maximum ${f.num(p.max)}.`,
  SET_POINTS_ABOVE_MAX: (p, f) => `${q(p.code)} can give ${f.count(p.points, 'point')}, more than its maximum ${f.num(p.max)}.`,
  SET_POINTS_BELOW_FLOOR: (p, f) => `${q(p.code)} can give ${f.count(p.points, 'point')}, below its floor ${f.num(p.floor)}. Declare a negative floor if a deduction may go below zero.`,
  SET_LEAF_WITHOUT_RULE: (p) => `${q(p.code)} has no children and no rule: add a rule that gives its points.`,
  SET_PARENT_WITH_RULE: (p) => `${q(p.code)} has children and also a rule or inputs; a parent's points are the sum of its children.`,
  SET_LEAF_WITHOUT_SOURCE: (p) => `${q(p.code)} has no source: name the document and article it comes from.`,
  SET_DUPLICATE_INPUT: (p) => `The input ${q(p.input)} is declared twice; input ids are unique in a set.`,
  SET_DUPLICATE_ID: (p) => {
    const where =
      p.among === 'inputOptions'
        ? `the options of ${q(p.owner)}`
        : p.among === 'documents'
          ? `the documents of ${q(p.owner)}`
          : p.among === 'parts'
            ? `the parts of ${q(p.owner)}`
            : p.among === 'classificationBands'
              ? 'the classification bands'
              : 'the rounding declarations';
    return `The id ${q(p.id)} is used twice in ${where}.`;
  },
  SET_UNDECLARED_INPUT: (p) => `The input ${q(p.input)} is not declared in this set. Declare it in "inputs" of a criterion or of the set.`,
  SET_INPUT_TYPE: (p, f) => {
    switch (p.check) {
      case 'declaredType':
        return `${q(p.input)} must be ${declared(p.expected, f)} here, but it is declared as ${q(p.actual)}.`;
      case 'comparedValue':
        return `${q(p.input)} is of type ${q(p.inputType)}: the value it is compared with must be of that type too, not ${KIND[p.valueKind]}.`;
      case 'orderingOperator':
        return `${q(p.op)} compares numbers and dates; ${q(p.input)} is of type ${q(p.inputType)}, which has no order (use "eq", "ne", "in" or "notIn").`;
    }
  },
  SET_INPUT_OPTIONS: (p) => `The input ${q(p.input)} of type ${q(p.type)} needs "options".`,
  SET_UNKNOWN_OPTION: (p) => `${q(p.option)} is not an option of ${q(p.input)} (options: ${noneOr(p.options, 'none')}).`,
  SET_MISSING_OPTION: (p) =>
    `The option ${q(p.option)} of ${q(p.input)} has no ${p.map === 'points' ? 'points' : p.map === 'fractions' ? 'fraction' : 'weight'} in ${q(p.map)}: every option must be given one.`,
  SET_FRACTION_RANGE: (p, f) => `The ${p.what} ${f.num(p.value)} must lie between 0 and 1.`,
  SET_TIER_BOUNDS: (p, f) => `Tier ${p.tier}: ${bounds(p, f)}.`,
  SET_TIER_OVERLAP: (p, f) => {
    if (p.at === null) return `Tiers ${p.a} and ${p.b} overlap: neither has a lower bound.`;
    return `Tiers ${p.a} and ${p.b} overlap ${p.included ? 'at' : 'just above'} ${f.num(p.at)}: a value there would fall in both.`;
  },
  SET_TIER_GAP: (p, f) => {
    const where =
      p.from !== null && p.from === p.to
        ? `the value ${f.num(p.from)}`
        : p.from === null
          ? `the values below ${f.num(p.to ?? '')}`
          : p.to === null
            ? `the values from ${f.num(p.from)} upward`
            : `the values from ${f.num(p.from)} to ${f.num(p.to)}`;
    return `The tiers leave ${where} uncovered: a value there would have no points. Add a tier or move a bound.`;
  },
  SET_BAND_OVERLAP: (p, f) => {
    if (p.at === null) return `Classification bands ${q(p.a)} and ${q(p.b)} overlap: neither has a lower bound.`;
    return `Classification bands ${q(p.a)} and ${q(p.b)} overlap ${p.included ? 'at' : 'just above'} ${f.num(p.at)}.`;
  },
  SET_BAND_BOUNDS: (p, f) => `Classification band ${q(p.band)}: ${bounds(p, f)}.`,
  SET_ZERO_RANGE: (p, f) => `"fullAt" and "zeroAt" are both ${f.num(p.value)}: the proportion cannot be computed.`,
  SET_EXPRESSION_OPERATOR: (p) => `The operator ${q(p.operator)} is not allowed in expressions. Allowed: ${p.allowed.map(q).join(', ')}.`,
  SET_EXPRESSION_SHAPE: (p, f) => {
    switch (p.problem) {
      case 'notFinite':
        return 'Expression: numbers must be finite.';
      case 'notJson':
        return 'Expression: only JSON values are allowed.';
      case 'operatorKeys':
        return `Expression: an operation is an object with exactly one operator key; this one has ${f.count(p.keys, 'key')}.`;
      case 'arity':
        return arity(p, f);
      case 'varName':
        return 'Expression: "var" must name an input with a string.';
    }
  },
  SET_EXPRESSION_DEPTH: (p, f) => `The expression nests deeper than ${f.count(p.limit, 'level')}.`,
  SET_EXPRESSION_SIZE: (p, f) => `The expression has more than ${f.count(p.limit, 'node')}.`,
  SET_DEPTH: (p, f) => `The criteria tree is deeper than ${f.count(p.limit, 'level')}.`,
  SET_NOT_FOUND: (p) => `No criteria set ${q(p.ref)} is known${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}. ${SET_LIST_EN[p.list ?? 'cli']}`,
  SET_PART_NOT_ON_FIELD: (p) => `${q(p.code)} declares "part", but only a top-level field belongs to a part of the index: move "part" to its field.`,
  SET_GIVEN_RANGE: (p, f) =>
    `Criterion ${q(p.code)} takes its points as given in ${q(p.input)}, which may hold up to ${f.num(p.inputMax)}, above the maximum ${f.num(p.max)}: if it is a percentage rather than points, use a "proportional" rule.`,
  SET_ROUNDING_PART: (p) =>
    p.problem === 'notPartLevel'
      ? `This rounding names the part ${q(p.part)}: only a rounding at level "part" may name one.`
      : `No field declares the part ${q(p.part)}${p.parts.length ? ` (the parts are ${p.parts.map(q).join(', ')})` : ''}.`,
  SET_AMBIGUOUS: (p) => `Two files define the criteria set ${p.ref}: ${p.files.join(', ')}.`,
  SCORE_NEEDS_ADVICE: () =>
    'This set was compiled by the scoring entry @parindex/engine/scoring, which scores in the compact form only until the advice is attached: score it with { form: "compact" }, or score withAdvice(compiled) (from @parindex/engine/advice; prebuilt with the entry: @parindex/engine/scoring-advice-browser) for the full result with every point explained.',
  SET_NOT_PINNED: (p) =>
    `The criteria set${p.ref ? ` ${q(p.ref)}` : ''}${p.sha256 ? ` (SHA-256 ${p.sha256})` : ', not a JSON object,'} is not a shipped set${p.pinned ? ` and is not the set pinned (${p.pinned})` : ''}: the scoring entry @parindex/engine/scoring compiles only a set shown to be checked. Check the set with "parindex validate" and pin its SHA-256 ("compile(set, { sha256 })"), or compile it with @parindex/engine, which checks it.`,
  SET_SOURCE_CITES_FILE: (p) =>
    `The source of ${q(p.code)} cites the file ${q(p.file)}: a file of a code repository is not a public document. Name the document (issuer, number, date, article), or write "model": true with a note when the rule is a model with no official text.`,
  SET_SOURCE_NOT_DOCUMENT: (p) =>
    `The source of ${q(p.code)} is ${q(p.document)}: not the name of a document (plan, decision, resolution, official letter…) and no document number. Name the document, or write "model": true when the rule is a model.`,
  SET_SOURCE_QUOTE_BOUND: (p, f) =>
    p.problem === 'noBound'
      ? `The quote in the source of ${q(p.code)} states no bound (such as "above 98%", "55% or more") to check against tier ${p.tier + 1}.`
      : `The source of ${q(p.code)} quotes "${p.words}" (${quotedBoundEn(p, f)}) but tier ${p.tier + 1} of the rule has no such bound: "above X" excludes X ("minInclusive": false), "from X" includes it ("minInclusive": true), "under Y" excludes Y, "at most Y" includes it. Make the tier say what the document says, or quote the document's exact words.`,
  SET_TIER_LABEL_BOUND: (p, f) =>
    `The label of tier ${p.tier + 1} of ${q(p.code)} says "${p.words}" (${quotedBoundEn(p, f)}) but the tier has no such bound. Make the tier's bounds ("min", "minInclusive", "max", "maxInclusive") or the label right.`,
  SET_SOURCE_QUOTE_TIER: (p) =>
    p.tiers === null
      ? `"quoteTier" in the source of ${q(p.code)} is used only with a "quote" and a rule with tiers.`
      : `"quoteTier" ${p.tier} in the source of ${q(p.code)} names no tier: the rule has ${p.tiers} tiers (numbered from 0).`,

  // Evidence
  EVIDENCE_SCHEMA: (p, f) => `${schemaText(p, f, 'evidence')}.`,
  EVIDENCE_SET_MISMATCH: (p) => `This evidence answers the criteria set ${p.given}, not ${p.expected}.`,
  EVIDENCE_PERIOD_MISMATCH: (p, f) => `The evidence period ${period(p.givenFrom, p.givenTo, f)} is not the set's period ${period(p.expectedFrom, p.expectedTo, f)}.`,
  EVIDENCE_LEVEL_NOT_IN_SET: (p) =>
    `A unit of level ${unitLevelEn(p.level)} ("${p.level}") is outside the criteria set ${p.set}, which is for: ${p.levels.map((l) => `${unitLevelEn(l)} ("${l}")`).join(', ')}.`,
  EVIDENCE_UNIT_BLANK: (p) =>
    p.field === 'code'
      ? "The unit's code is empty: a ranking tells units apart by their codes, and an appraisal and the official table name the unit by it; write the code the province gave the unit."
      : "The unit's name is empty: the official table and a ranking name the unit by it.",
  EVIDENCE_UNKNOWN_CRITERION: (p) => `There is no criterion ${q(p.code)} in ${p.set}${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}.`,
  EVIDENCE_UNKNOWN_INPUT: (p) =>
    `There is no input ${q(p.input)}${p.criterion !== null ? ` of criterion ${q(p.criterion)}` : ''} in ${p.set}${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}.`,
  EVIDENCE_DUPLICATE_VALUE: (p) => `The input ${named(p.input, p)} is given twice (first at ${p.first}); give each value once.`,
  EVIDENCE_DUPLICATE_CLAIM: (p) => `Criterion ${q(p.code)} has two claimed scores (first at ${p.first}).`,
  EVIDENCE_VALUE_TYPE: (p, f) =>
    `The input ${named(p.input, p)}${p.option !== null ? ` (answer ${q(p.option)})` : ''} needs ${EVIDENCE_FORM[p.expected]}; got ${receivedText(p, f)}.${p.received === 'null' ? ' If it is not known yet, leave the value out (do not write null).' : ''}`,
  // The suggestion is what to type in the file, so it keeps the dot whatever the language.
  EVIDENCE_DECIMAL_COMMA: (p) => `The input ${named(p.input, p)} is written ${q(p.got)} with a decimal comma and was read as ${p.suggest}; in the file, write the number with a dot: ${p.suggest}.`,
  EVIDENCE_VALUE_RANGE: (p, f) => {
    const bound =
      p.min !== null && p.max !== null
        ? `between ${f.num(p.min)} and ${f.num(p.max)}`
        : p.min !== null
          ? `at least ${f.num(p.min)}`
          : p.max !== null
            ? `at most ${f.num(p.max)}`
            : 'within its declared bounds';
    return `The input ${named(p.input, p)} is ${f.num(p.value)}; it must be ${bound}.`;
  },
  EVIDENCE_UNKNOWN_OPTION: (p) => `${q(p.value)} is not an option of ${named(p.input, p)} (options: ${noneOr(p.options, 'none')})${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}.`,
  EVIDENCE_EXCEEDS_OTHER: (p, f) =>
    `The input ${named(p.input, p)} is ${f.num(p.value)}, more than the ${f.num(p.otherValue)} of ${named(p.other, { label: p.otherLabel, labelEn: p.otherLabelEn })}; it cannot exceed it.`,
  EVIDENCE_DATE_OUTSIDE_PERIOD: (p, f) => `The date ${f.date(p.value)} of ${named(p.input, p)} lies outside the period ${period(p.from, p.to, f)}.`,
  EVIDENCE_DOCUMENT_INCOMPLETE: (p, f) =>
    `A document of ${q(p.code)} has no ${f.list(
      p.missing.map((m) => (m === 'number' ? 'number/symbol' : 'date')),
      'and',
    )}: give the number/symbol and date as written on the document.`,
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: (p, f) =>
    `${p.number !== null ? `The document ${p.number} of ${q(p.code)}` : `A document of ${q(p.code)} (without a number)`} is dated ${f.date(p.date)}, outside the period ${period(p.from, p.to, f)}.`,
  EVIDENCE_UNKNOWN_REQUIREMENT: (p) =>
    `The document is marked for ${q(p.requirement)}, which ${q(p.code)} does not ask for (${p.known.length > 0 ? `it asks for: ${p.known.join(', ')}` : 'it asks for no document'}).`,
  // Only the set's English reason is quoted: its Vietnamese one would be another language in this sentence.
  EVIDENCE_NOT_APPLICABLE_VALUE: (p) => `${q(p.code)} does not apply to this unit${p.reasonEn !== null ? ` (${p.reasonEn})` : ''}; its values were not used.`,
  EVIDENCE_UNUSED_ENTRY: (p) => `The entry at ${p.at} was not used by any criterion.`,
  EVIDENCE_DOCUMENT_WITHOUT_FOR: (p) =>
    `${p.number !== null ? `The document ${p.number}` : 'A document (without a number)'} of ${q(p.code)} does not say which of the required documents it is${p.candidates.length > 1 ? ` (it could be ${p.candidates.join(' or ')})` : ''}: add "for" with one of ${p.known.join(', ')}.`,
  EVIDENCE_DOCUMENT_AFTER_DEADLINE: (p, f) =>
    `${q(p.code)} gives ${named(p.input, p)} as ${f.date(p.typed)}, by the deadline ${f.date(p.deadline)}, but ${p.number !== null ? `the document ${p.number}` : 'its document'} is dated ${f.date(p.date)}, after the deadline: check the date typed or the document.`,
  EVIDENCE_THOUSANDS_READ: (p) => `The input ${named(p.input, p)} is written ${q(p.got)} with a thousands separator and was read as ${p.read}; in the file, write ${p.read} (no separator).`,
  EVIDENCE_NUMBER_AMBIGUOUS: (p) =>
    p.sheet !== undefined
      ? ambiguousInSheet(p, p.sheet)
      : `The input ${named(p.input, p)} is written ${q(p.got)}, which can mean ${p.decimal !== null ? `${p.thousands} (a thousands separator) or ${p.decimal} (a decimal part)` : `${p.thousands} written with a thousands separator`}: write the number without thousands separators and with a dot before the decimals, e.g. ${p.thousands}${p.decimal !== null ? ` or ${p.decimal}` : ''}.`,
  EVIDENCE_DATE_READ: (p) =>
    `${p.input !== null ? `The date of the input ${named(p.input, p)}` : "A document's date"} is written ${q(p.got)} and was read as ${p.read}; in the file, write ${p.read} (year-month-day).`,
  EVIDENCE_DATE_NOT_REAL: (p) => `${p.input !== null ? `The date of the input ${named(p.input, p)}` : 'The date'} ${q(p.got)} is not a real calendar date: check the day and the month.`,
  EVIDENCE_LEVEL_BY_LABEL: (p) =>
    `The input ${named(p.input, p)} is written with the level's label ${q(p.got)} and was read as the level ${q(p.read)}; in the file, write the level's id ${q(p.read)}.`,

  // Scoring
  SCORE_MISSING_INPUT: (p) => `${q(p.code)} has no value for ${named(p.input, p)}: it scores 0 until the value is given.`,
  SCORE_MISSING_DOCUMENT: (p) => `${q(p.code)} lacks the document ${q(p.labelEn ?? p.document)}.`,
  SCORE_DIVISION_BY_ZERO: (p) => `The expression of ${q(p.code)} divides by zero.`,
  SCORE_EXPRESSION: (p, f) => `The expression of ${q(p.code)} failed: ${expressionFailure(p, f)}.`,
  SCORE_TOO_FEW_ANSWERS: (p, f) =>
    `${q(p.code)} has ${f.count(p.answers, 'answer')} in ${named(p.input, p)}, fewer than the ${f.num(p.minAnswers)} its rule needs: it is missing evidence and scores as such until enough answers are given.`,
  SCORE_NOT_APPLICABLE_BY_VALUE: (p, f) =>
    `${q(p.code)} does not apply because ${named(p.input, p)} is 0, and its ${f.count(p.max, 'point')} are taken out of the maximum: check that the unit really had none (a value of 0 given to shed a criterion would raise the index).`,
  SCORE_NO_TIER: (p, f) => `The value ${f.num(p.value)} of ${q(p.code)} falls in none of its tiers.`,
  SCORE_GIVEN_OUT_OF_RANGE: (p, f) =>
    `Criterion ${q(p.code)} takes its points as given in ${q(p.input)}, but ${f.num(p.value)} is outside ${f.num(p.min)}–${f.num(p.max)}: it is not scored (0 points) until the value is corrected; nothing is cut to the maximum silently.`,
  SCORE_CLAIM_MISMATCH: (p, f) =>
    `${q(p.code)} claims ${f.count(p.claimed, 'point')}${p.max !== undefined ? `, above its maximum of ${f.num(p.max)}` : ''}; the evidence supports ${f.num(p.computed)}.`,
  SCORE_CLAIM_ON_PARENT: (p, f) => `${q(p.code)} claims ${f.count(p.claimed, 'point')}; the sum of its sub-criteria is ${f.num(p.computed)}.`,
  SCORE_NEEDS_EXPLANATION: (p) => `${q(p.code)} is scored without its required documents and has no written explanation.`,

  // Appraisal, saved results and ranking
  APPRAISAL_SCHEMA: (p, f) => `${schemaText(p, f, 'appraisal')}.`,
  RANK_APPRAISAL_UNUSED: (p) => {
    const why =
      p.reason === 'evidenceChanged'
        ? `the evidence changed since it was appraised (the appraisal names SHA-256 ${sha(p.sha256)}; ${p.file}, ranked for this unit, has ${sha(p.ranked)}): appraise the changed evidence again, or rank the evidence that was appraised`
        : p.reason === 'sameEvidence'
          ? `${p.first} appraises the same evidence`
          : p.reason === 'evidenceDuplicate'
            ? `the evidence it appraises (${p.file}) was left out, its unit being ranked from ${p.first}; keep one evidence file per unit to rank on this appraisal`
            : p.reason === 'evidenceNotRanked'
              ? 'the evidence it names is not among the files ranked'
              : 'no evidence file was ranked';
    return `This appraisal${p.unit !== null ? ` (unit ${p.unit})` : ''} was not used: ${why}.`;
  },
  RANK_DUPLICATE_UNIT: (p) => `The unit ${p.unit} is already ranked from ${p.first}; each unit is ranked once.`,
  RANK_UNIT_LOOKALIKE: (p) =>
    `The unit code ${q(p.unit)} differs from ${q(p.first)} of ${p.file} only in invisible characters, spaces, case, dashes or look-alike letters: both are taken for the same unit.`,
  RANK_THREADS_CAPPED: (p, f) => `--threads ${p.asked} is more than the ${f.count(p.cores, 'processor core')} of this machine; ${f.count(p.cores, 'thread')} ${p.cores === 1 ? 'is' : 'are'} used.`,
  RESULT_COMPACT: () => 'This saved result is in the compact form (no trace): comparing needs the full result. Save it with score --format json, without --compact.',
  RESULT_NOT_REPRODUCED: (p, f) =>
    p.scored === null && p.evidence === ''
      ? `The files this saved result names do not score it again (${p.at}: ${p.saved ?? ''}): it was not made from them.`
      : `This saved result is not what its evidence file ${q(p.evidence)} scores: at ${p.at} it says ${p.saved ?? '(nothing)'}, scored again ${p.scored ?? '(nothing)'}${p.more ? ` (and ${p.more === 1 ? 'one other place' : `${f.num(String(p.more))} other places`})` : ''}. It was changed after it was made${p.engine !== null ? `, or made by another version of the engine (${p.engine})` : ''}: score the evidence again.`,
  RESULT_UNVERIFIED: (p) =>
    `Only this saved result's format was checked: to check its figures, give its ${{ evidence: 'evidence file', appraisal: 'appraisal file', plan: 'plan file', progress: 'progress file' }[p.missing]} (SHA-256 ${p.sha256}) in the same call (parindex validate <result.json> <evidence.json>${{ evidence: '', appraisal: ' <appraisal.json>', plan: ' <plan.json> <progress.json>', progress: ' <plan.json> <progress.json>' }[p.missing]}): it is scored again and compared.`,
  RESULT_SCHEMA: (p, f) => `This saved result does not follow the result schema (packages/engine/schema/result.schema.json): ${schemaText(p, f)}.`,
  APPRAISAL_EVIDENCE_MISMATCH: (p) =>
    p.field === 'criteriaSet'
      ? `This appraisal is for the criteria set ${p.expected}, but the evidence is scored with ${p.given}.`
      : p.expectedUnit === p.givenUnit
        ? `The evidence of ${p.expectedUnit} has changed since it was appraised: the appraisal was made on the evidence with hash ${sha(p.expectedSha256)}, the evidence given has ${sha(p.givenSha256)}. Give the evidence file that was appraised, or make the appraisal again on the new evidence.`
        : `This appraisal refers to the evidence of ${p.expectedUnit} (${sha(p.expectedSha256)}), but the evidence given is of ${p.givenUnit} (${sha(p.givenSha256)}).`,
  APPRAISAL_UNKNOWN_ROUND: (p) =>
    p.rounds.length > 0 ? `There is no round ${q(p.round)} in the appraisal file (rounds: ${p.rounds.join(', ')}).` : `There is no round ${q(p.round)}: no appraisal was given.`,
  APPRAISAL_OVERRIDE_RANGE: (p, f) => `The override of ${q(p.code)} gives ${f.count(p.points, 'point')}, outside ${f.num(p.floor)} to ${f.num(p.max)}.`,
  APPRAISAL_ANSWER_CHANGES_SCORE: (p) =>
    `The answer round ${q(p.round)} changes the values or points of ${q(p.code)}; the unit's answer gives reasons and documents, and the next appraisal round decides.`,
  APPRAISAL_UNKNOWN_CRITERION: (p) => `The appraisal names ${q(p.code)}, which is not a leaf criterion of ${p.set}${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}.`,
  APPRAISAL_DUPLICATE_ROUND: (p) =>
    `Round ${p.at} has the id ${q(p.round)}, as round ${p.first} has: each round needs its own id (for example round1, answer, round2), since --round and every report name a round by it.`,
  APPRAISAL_REPEATED_ITEM: (p) => `${q(p.code)} has two items in round ${q(p.round)} (items ${p.first} and ${p.at}): make them one item, which may correct values and give points, with one reason.`,
  APPRAISAL_BLANK_REASON: (p) => `The reason for adjusting ${q(p.code)} in round ${q(p.round)} is blank: every adjustment needs a reason the unit can read.`,
  APPRAISAL_POINTS_READ: (p) => `The item's points are written ${q(p.got)} and were read as ${p.read}; in the file, write the number with a dot: ${p.read}.`,
  APPRAISAL_DATE_READ: (p) => `${p.of === 'round' ? "The round's date" : "The item's date"} is written ${q(p.got)} and was read as ${p.read}; in the file, write ${p.read} (year-month-day).`,
  APPRAISAL_ROUND_ID_ORDER: (p) =>
    `Round ${q(p.round)} comes after round ${q(p.previous)} in the file: rounds apply in file order, so ${q(p.round)}'s points are the final ones; put the rounds in the order they took place.`,
  APPRAISAL_ROUND_DATE_ORDER: (p, f) =>
    `Round ${q(p.round)} is dated ${f.date(p.date)}, before the earlier round ${q(p.previous)} (${f.date(p.previousDate)}): rounds apply in file order; check the date or the order of the rounds.`,

  // Reform plans and their progress
  PLAN_SCHEMA: (p, f) => `${schemaText(p, f, 'plan')}.`,
  PROGRESS_SCHEMA: (p, f) => `${schemaText(p, f, 'progress')}.`,
  PLAN_FILE_KIND: (p) =>
    `Expected ${PLAN_NEED_EN[p.need]}; ${p.found === null ? 'this file is not one' : `this is ${PLAN_KIND_EN[p.found]}`}${p.found === 'plan' || p.found === 'progress' ? ` (give it with ${p.found === 'plan' ? '--plan' : '--progress'})` : ''}.`,
  PLAN_DUPLICATE_TASK: (p) => `The task ${q(p.task)} is given twice in the plan (first at ${p.first}); each task id is used once.`,
  PLAN_UNKNOWN_FIELD: (p) =>
    `${p.task !== null ? `The task ${q(p.task)} belongs to` : 'An input mapping names'} the field ${q(p.field)}, which is not in the plan's "fields"${p.suggestion !== null ? `; perhaps ${q(p.suggestion)} was meant.` : '.'}`,
  PLAN_MAPPING_TASK: (p) =>
    p.task === null
      ? `The input ${q(p.input)} is taken from a task (${p.derive}) but names no "task".`
      : `The input ${q(p.input)} is taken from the task ${q(p.task)}, which is not in the plan${p.suggestion !== null ? `; perhaps ${q(p.suggestion)} was meant.` : '.'}`,
  PLAN_PERIOD: (p, f) => `The plan's period starts on ${f.date(p.from)}, after its end ${f.date(p.to)}.`,
  PLAN_QUOTE: (p) => `The "quote" pieces of task ${q(p.task)}, joined by spaces, are not its "content".`,
  PLAN_NO_TARGETS: (p) => `The plan ${q(p.plan)} has no "targets" (targets linked to a targets set).`,
  PLAN_SET_MISMATCH: (p) => `The plan ${q(p.plan)} ${p.planSet === null ? 'names no set it serves ("serves")' : `serves ${p.planSet}`}, but the evidence file uses ${p.evidenceSet}.`,
  PLAN_UNKNOWN_INPUT: (p) => `The plan fills the input ${q(p.input)} of criterion ${q(p.criterion)}, but that criterion of ${p.set} has no such input.`,
  PLAN_INPUT_OVERRIDDEN: (p) =>
    `${q(p.criterion)}: the evidence file gives ${q(p.input)} = ${p.typed ?? '(empty)'}, but the plan ${q(p.plan)} and its progress give ${p.derived ?? '(no value)'}; the value derived from the plan is used.`,
  PROGRESS_PLAN_MISMATCH: (p) => `The progress file belongs to the plan ${q(p.given)}, not ${q(p.expected)}.`,
  PROGRESS_UNKNOWN_TASK: (p) => `The plan ${q(p.plan)} has no task ${q(p.task)}${p.suggestion !== null ? `; perhaps ${q(p.suggestion)} was meant.` : '.'}`,
  PROGRESS_DUPLICATE_TASK: (p) => `The progress of task ${q(p.task)} is given twice (first at ${p.first}); only the first is used.`,
  PROGRESS_PRODUCT_NOT_DONE: (p) =>
    `The task ${q(p.task)} is marked ${{ inProgress: '"in progress"', notStarted: '"not started"', dropped: '"dropped"' }[p.status]} but has a product: the product is not counted. If the task is done, mark it "done".`,
  PROGRESS_DONE_WITHOUT_PRODUCT: (p) => `The task ${q(p.task)} is marked done but has no product (a document's number, date or title, or the figure reached): it does not count as done.`,
  PROGRESS_LATE: (p, f) => `The task ${q(p.task)} was done late: its product is dated ${f.date(p.date)}, the deadline was ${f.date(p.deadline)}.`,
  PROGRESS_PLAN_NOT_GIVEN: (p) =>
    `Only the progress file's format was checked: the plan ${q(p.plan)} is not among the files checked. Check it with its plan (parindex validate <plan.json> <progress.json>) to find unknown, repeated or late tasks.`,

  // The command line
  USAGE_UNKNOWN_COMMAND: (p) => `Unknown command ${q(p.command)}. Commands: ${p.commands.join(', ')}.`,
  USAGE_UNKNOWN_OPTION: (p) => `Unknown option ${p.option}.`,
  USAGE_OPTION_VALUE: (p) => `The option ${p.option} needs a value.`,
  USAGE_INVALID_VALUE: (p) => `${q(p.value)} is not a value of ${p.option}; it takes one of: ${p.allowed.join(', ')}.`,
  USAGE_MISSING_ARGUMENT: (p) => `The argument ${p.argument} is missing.`,
  USAGE_UNEXPECTED_ARGUMENT: (p) => `Unexpected argument ${q(p.argument)}.`,
  USAGE_OPTION_REQUIRES: (p) => `${p.option} needs ${p.requires}.`,
  USAGE_DIFF_FILES: () => 'The diff command needs two files, or one evidence file with --appraisal.',
  USAGE_DIFF_SIDES: () => 'With two files, use --appraisal-a/--round-a and --appraisal-b/--round-b.',
  USAGE_APPRAISAL_ON_RESULT: (p) => `${p.file} is a saved result; an appraisal applies to evidence files only.`,
  USAGE_NO_FILES: () => 'There are no files to rank.',
  USAGE_ROUND_WITHOUT_APPRAISAL: () => '--round needs appraisal files among the paths.',
  USAGE_THREADS: (p) => `--threads needs a whole number from 1 up, not ${q(p.got)}.`,
  USAGE_BINARY_TERMINAL: (p) => `--format ${p.format} writes a binary file: name it with --out (e.g. --out report.${p.format}), or redirect the output to a file.`,

  // Workbooks
  WORKBOOK_UNREADABLE: (p) =>
    p.reason === 'notZip'
      ? 'The file is not an Excel workbook (.xlsx): it does not open as a zip archive. Save it from Excel as "Excel Workbook (.xlsx)".'
      : p.reason === 'notWorkbook'
        ? 'This zip archive holds no Excel workbook (xl/workbook.xml is missing).'
        : p.reason === 'xml'
          ? `The part ${q(p.part ?? '')} of the workbook is damaged (not well-formed XML). Open it in Excel and save it again.`
          : `The workbook could not be read${p.part ? ` (part ${q(p.part)})` : ''}. Open it in Excel and save it again as .xlsx.`,
  WORKBOOK_LIMIT: (p, f) => `${WORKBOOK_LIMIT_WHAT[p.what]} ${f.num(p.limit)}${p.part ? ` (${q(p.part)})` : ''}. The workbook was not read.`,
  WORKBOOK_XML_DOCTYPE: (p) => `The part ${q(p.part)} declares a DOCTYPE (XML entities); Excel never writes one, and the workbook is refused.`,
  WORKBOOK_EXTERNAL_LINK: (p) =>
    `The workbook links to another workbook (${q(p.part)}); declared figures must be in the file itself. Break the links (Data → Edit Links → Break Link) and save it again.`,
  WORKBOOK_NOT_BOUND: () => 'This workbook was not made by parindex (its hidden sheet binding it to a criteria set is missing). Make one with: parindex template <set> --format xlsx.',
  WORKBOOK_LAYOUT_VERSION: (p) => `The workbook follows layout version ${q(p.version)}; this parindex reads layout version ${p.supported}. Make the template again.`,
  WORKBOOK_KIND: (p) => `This is ${p.kind === 'appraisal' ? 'an appraisal' : 'an evidence'} workbook, but ${p.need === 'appraisal' ? 'an appraisal' : 'an evidence'} workbook is needed here.`,
  WORKBOOK_SET_MISMATCH: (p) =>
    p.given === p.expected
      ? `The workbook was made for another text of the criteria set ${p.given} (${sha(p.givenSha256)}; the set in use is ${sha(p.expectedSha256)}). Make the template again and copy the figures over.`
      : `The workbook was made for the criteria set ${p.given}, not ${p.expected}. Use the right set or make the template again.`,
  WORKBOOK_SHEET_MISSING: (p) => `The workbook has no sheet ${q(p.sheet)}; do not rename or delete the template's sheets.`,
  WORKBOOK_FORMULA: (p) => `${theCell(p)} holds a formula (=${p.formula}); parindex reads only typed values. Copy it and paste the value (Paste Special → Values).`,
  WORKBOOK_CELL_ERROR: (p) => `${theCell(p)} holds the Excel error ${p.error}.`,
  WORKBOOK_CELL_TYPE: (p, f) =>
    `${theCell(p)} needs ${WORKBOOK_EXPECTED[p.expected]}, but holds ${WORKBOOK_GOT[p.got]}${p.value !== '' ? ` (${q(p.got === 'number' ? f.num(p.value) : p.value)})` : ''}.`,
  WORKBOOK_DECIMAL_COMMA: (p) =>
    `${theCell(p)} holds ${q(p.got)}, with a comma before the decimals; this English workbook writes decimals after a dot, and a comma separates thousands (1,500 is 1500): type ${p.suggest}.`,
  WORKBOOK_PERCENT_FRACTION: (p, f) =>
    `${theCell(p)} holds ${formatNumber(p.value, p.sheet)}, read as ${f.num(p.value)}%: if it is ${f.num(p.percent)}%, type ${formatNumber(p.percent, p.sheet)} or ${formatNumber(p.percent, p.sheet)}%.`,
  WORKBOOK_UNKNOWN_CHOICE: (p, f) =>
    `${q(p.value)} is not in the list of ${cellOf(p)}${p.choices.length > 0 ? `: choose ${f.list(p.choices.map(q), 'or')}` : ' (the list is empty)'}${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}.`,
  WORKBOOK_UNKNOWN_ROW: (p) =>
    p.of === 'criterion'
      ? `The row names criterion ${q(p.key)}, which is not a criterion of the set${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}.`
      : `The row with the figure id ${q(p.key)}${p.criterion ? ` (criterion ${p.criterion})` : ''} is not in the criteria set${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}; do not edit the figure id column.`,
  WORKBOOK_DUPLICATE_ROW: (p) => `The figure ${q(p.key)} has two rows (the first at ${p.first}); give each figure once.`,
  WORKBOOK_MISSING_ROW: (p) => `The row of ${cellOf(p)} is no longer in the figures sheet (deleted?): the figure is taken as not given.`,
  WORKBOOK_DOCUMENT_CRITERION: (p) =>
    p.code === null
      ? 'A document row does not say which criterion the document proves.'
      : `A document row names ${q(p.code)}, which is not a criterion of the set${p.suggest !== undefined ? ` (did you mean ${q(p.suggest)}?)` : ''}.`,
  WORKBOOK_DOCUMENT_DATE: (p) =>
    `The date issued of ${documentOfRow(p)} is ${q(p.value)}, which is not ${p.problem === 'notReal' ? 'a real calendar date' : 'a date'}: type the date as dd/mm/yyyy, e.g. 15/01/2026.`,
  WORKBOOK_CELL_IGNORED: (p) => cellIgnored(p),
  WORKBOOK_APPRAISAL_REASON: (p) => `The change to ${cellOf(p)} in ${/^round[0-9]+$/.test(p.round) ? `round ${p.round.slice(5)}` : q(p.round)} has no reason; every change needs one.`,
  USAGE_NUMBER: (p, f) => `${p.option} needs a whole number from ${f.num(p.min)} to ${f.num(p.max)}, not ${q(p.got)}.`,
  API_BODY_TOO_LARGE: (p, f) => `${p.size === null ? 'The request body is larger than the limit of' : `The request body is ${f.count(p.size, 'byte')}; the limit is`} ${f.count(p.limit, 'byte')}.`,
  API_TIMEOUT: (p, f) => `The request did not finish within ${f.count(p.limit, 'millisecond')} and was stopped; the server is still running. Send less in one request, or try again later.`,
  API_NOT_FOUND: (p) => `There is no ${p.method} ${q(p.path)}. The routes are listed in /v1/openapi.json.`,
  API_METHOD_NOT_ALLOWED: (p, f) => `${q(p.path)} does not answer ${p.method}: send ${f.list(p.allow, 'or')}.`,
  API_CONTENT_TYPE: (p) => `The request body must be sent as JSON (the header "content-type: application/json")${p.type === null ? '; this request declares no content type' : `, not ${q(p.type)}`}.`,
  API_BODY_SHAPE: (p) => `${p.part !== undefined ? `${q(p.part)} of the body` : 'The body'} sent to ${p.route} must be ${API_NEED_EN[p.need]}.`,
  API_QUERY_VALUE: (p, f) =>
    `The parameter ${q(p.name)} does not take ${q(p.value)}; it takes ${'allowed' in p ? f.list(p.allowed.map(q), 'or') : `a whole number from ${f.num(p.min)} to ${f.num(p.max)}`}.`,
  API_INTERNAL: () => 'An internal error of the server while handling this request; other requests are still served. Please report it with what was sent.',
  API_BUSY: (p, f) => `The server is busy (${f.count(p.pending, 'request')} waiting); try again later.`,
  API_PAGE_NOT_BUILT: () =>
    'The web page is not built, so there is nothing at this address yet; the API works at /v1. Build the page with: npx --yes pnpm@10 build (it writes packages/web/dist), then run parindex serve again.',
  API_HOST_REFUSED: (p) =>
    `This server answers this machine only (127.0.0.1, localhost), not a request addressed to ${p.host === null ? 'no host' : q(p.host)}. To let other machines in, run parindex serve with --host.`,
  API_LISTEN_FAILED: (p) =>
    `Could not start the server at ${p.host}:${p.port}${p.errno === 'EADDRINUSE' ? ': another program uses this port; choose another with --port' : p.errno === 'EACCES' ? ': no permission to use this port; choose one from 1024 up' : ` (${p.errno ?? 'unknown error'})`}.`,
} satisfies DiagnosticSentences;

const API_NEED_EN: Record<DiagnosticParams['API_BODY_SHAPE']['need'], string> = {
  setEvidenceOrAppraisal: 'a criteria set (with "fields"), an evidence file (with "entries") or an appraisal file (with "rounds")',
  evidence: 'an evidence file (with "entries"), or {"evidence", "appraisal", "round", "set"}',
  diffPair: '{"a", "b"} (each an evidence file, a saved result or {"evidence", "appraisal", "round"}), or {"evidence", "appraisal"} to compare the self-score with the appraisal',
  rankBody: '{"evidence": [...evidence files], "appraisals"?: [...], "set"?, "round"?, "ties"?: "dense" or "competition"}',
  evidenceList: 'a list of at least one evidence file: there are no files to rank',
  appraisalForRound: '{"evidence", "appraisal", "round"}: "round" is a round of the appraisal file, so "appraisal" must be given too',
};
