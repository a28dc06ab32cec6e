/**
 * From an untrusted value to a validated criteria set: the zod schema (types), then the cross-field
 * checks. Browser-safe (no ajv, no file I/O); the file validator in ./validate-file.ts adds JSON Schema
 * validation with line and column.
 */
import type * as z from 'zod/mini';
import { checkSet } from './checks.js';
import { diag, hasErrors, pointer, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import { findForbiddenKeys } from './forbidden.js';
import { LIMITS } from './limits.js';
import { viOf } from './messages.js';
import { CriteriaSet } from './schema.js';

export interface ParseResult<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

/**
 * The options every schema parse passes to zod: the issues then carry the value they are about, which
 * the sentences below need ("received a string", "a required value is missing").
 */
export const PARSE_OPTIONS = { reportInput: true } as const;

type Issue = z.core.$ZodIssue;
/** English and Vietnamese. */
type Said = [en: string, vi: string];

/** @internal Turn zod issues (from a parse with PARSE_OPTIONS) into diagnostics with JSON pointers. */
export function zodDiagnostics(error: z.core.$ZodError, code: DiagnosticCode): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (issues: readonly Issue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      let said: Said | undefined;
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        const branches = issue.errors;
        const types = unionTypes(issue);
        if (types) said = wrongType(types, issue);
        else {
          // Report the branch that came closest (fewest issues), not every alternative. When that
          // branch only says the type is wrong, a branch that took the value's type says more: its
          // problem with the value itself (a decimal string in the wrong form), or, said at the same
          // place, its first problem inside the value (a tally with a count that is not a number).
          const sorted = [...branches].sort((a, b) => a.length - b.length);
          let best = sorted[0]!;
          if (branchTypes(best)) {
            const took = sorted.find((b) => !branchTypes(b));
            if (took && took.length === 1 && took[0]!.path.length === 0) best = took;
            else if (took && took.length > 0) {
              const inner = took[0]!;
              const where = pointer(...inner.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
              const s = sentence(inner);
              said = where === '' ? s : [`at ${where}: ${s[0]}`, `tại ${where}: ${s[1]}`];
            }
          }
          if (!said && best.length > 0) {
            visit(best, path);
            continue;
          }
        }
      }
      said ??= sentence(issue);
      const at = pointer(...path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
      out.push(diag(code, at, { message: `${at === '' ? 'the file' : at}: ${said[0]}`, messageVi: `${at === '' ? 'tệp' : at}: ${said[1]}` }));
    }
  };
  visit(error.issues, []);
  return out;
}

/** The types a branch of a union expects when it only failed on the type of the value itself. */
function branchTypes(branch: readonly Issue[]): string[] | undefined {
  if (branch.length !== 1 || branch[0]!.path.length !== 0) return undefined;
  const issue = branch[0]!;
  if (issue.code === 'invalid_type') return [issue.expected];
  return issue.code === 'invalid_union' ? unionTypes(issue) : undefined;
}

/** Every type a union accepts, when each of its branches failed only on the type. */
function unionTypes(issue: Issue & { code: 'invalid_union' }): string[] | undefined {
  if (issue.errors.length === 0 || 'discriminator' in issue) return undefined;
  const all: string[] = [];
  for (const branch of issue.errors) {
    const types = branchTypes(branch);
    if (!types) return undefined;
    for (const t of types) if (!all.includes(t)) all.push(t);
  }
  return all;
}

/** @internal Type names in sentences, by zod's (and JSON Schema's) name of the type. */
export const TYPES: Record<string, Said> = {
  string: ['a string', 'chuỗi ký tự'],
  number: ['a number', 'số'],
  int: ['a whole number', 'số nguyên'],
  integer: ['a whole number', 'số nguyên'],
  boolean: ['true or false', 'true hoặc false'],
  object: ['an object {…}', 'đối tượng {…}'],
  record: ['an object {…}', 'đối tượng {…}'],
  array: ['a list […]', 'danh sách […]'],
  null: ['null', 'null'],
};

/** "a string", "a number or a string" … */
function typeNames(types: readonly string[], input: unknown): Said {
  const names = types.map((t): Said => {
    if ((t === 'number' || t === 'int') && typeof input === 'number' && !Number.isFinite(input)) return ['a finite number', 'số hữu hạn'];
    return TYPES[t] ?? [t, t];
  });
  const en = names.map((n) => n[0]);
  const vi = names.map((n) => n[1]);
  return [orList(en, 'or'), orList(vi, 'hoặc')];
}

function orList(items: readonly string[], or: string): string {
  const unique = [...new Set(items)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} ${or} ${unique[unique.length - 1]}`;
}

/** A number in a sentence: 1.5 in English, 1,5 in Vietnamese. */
function num(n: number | bigint): Said {
  const en = String(n);
  return [en, en.replace('.', ',')];
}

/** A value as given, for "received …": short values in full, others by their kind. */
function shown(value: unknown): Said {
  if (value === null) return ['null', 'null'];
  if (Array.isArray(value)) return ['a list', 'một danh sách'];
  switch (typeof value) {
    case 'string':
      return value.length <= 40 ? [JSON.stringify(value), JSON.stringify(value)] : ['a long string', 'một chuỗi dài'];
    case 'number':
    case 'bigint':
      return num(value);
    case 'boolean':
      return [String(value), String(value)];
    case 'object':
      return ['an object', 'một đối tượng'];
    default:
      return [typeof value, typeof value];
  }
}

/** A literal or option in a list: "commune", 1. */
function literal(value: unknown): Said {
  if (typeof value === 'number' || typeof value === 'bigint') return num(value);
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return [text, text];
}

/** "must be one of …" / "must be …". */
function oneOf(values: readonly unknown[]): Said {
  const shownValues = values.slice(0, 12).map(literal);
  const en = shownValues.map((v) => v[0]).join(', ') + (values.length > 12 ? `, … (${values.length} values)` : '');
  const vi = shownValues.map((v) => v[1]).join(', ') + (values.length > 12 ? `, … (${values.length} giá trị)` : '');
  return values.length === 1 ? [`must be ${en}`, `phải bằng ${vi}`] : [`must be one of ${en}`, `phải là một trong các giá trị ${vi}`];
}

const hasInput = (issue: Issue): boolean => 'input' in issue;
const isMissing = (issue: Issue): boolean => hasInput(issue) && issue.input === undefined;

function missing(expected: Said): Said {
  return [`a required value is missing (expected ${expected[0]})`, `thiếu giá trị bắt buộc (cần ${expected[1]})`];
}

function wrongType(types: readonly string[], issue: Issue): Said {
  const expected = typeNames(types, issue.input);
  if (isMissing(issue)) return missing(expected);
  if (!hasInput(issue)) return [`expected ${expected[0]}`, `sai kiểu dữ liệu: cần ${expected[1]}`];
  const got = shown(issue.input);
  return [`expected ${expected[0]}, received ${got[0]}`, `sai kiểu dữ liệu: cần ${expected[1]}, nhận được ${got[1]}`];
}

/** Characters as zod counts them (code points). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** How many there are, after a size sentence: " (it has 250)". */
function count(issue: Issue): Said {
  const v = issue.input;
  const n = typeof v === 'string' ? codePoints(v) : Array.isArray(v) ? v.length : undefined;
  return n === undefined ? ['', ''] : [` (it has ${n})`, ` (hiện có ${n})`];
}

/** ", received 7" after a bound of a number. */
function received(issue: Issue): Said {
  return typeof issue.input === 'number' ? [` (received ${num(issue.input)[0]})`, ` (nhận được ${num(issue.input)[1]})`] : ['', ''];
}

/** One issue in a sentence in both languages, from its structured data (never zod's own message). */
function sentence(issue: Issue): Said {
  switch (issue.code) {
    case 'invalid_type':
      return wrongType([issue.expected], issue);
    case 'invalid_value': {
      const expected = oneOf(issue.values);
      if (isMissing(issue)) return [`a required value is missing (it ${expected[0]})`, `thiếu giá trị bắt buộc (${expected[1]})`];
      if (!hasInput(issue)) return expected;
      const got = shown(issue.input);
      return [`${expected[0]} (received ${got[0]})`, `${expected[1]} (nhận được ${got[1]})`];
    }
    case 'too_big': {
      const max = num(issue.maximum);
      if (issue.origin === 'string') {
        const n = count(issue);
        return [`must be at most ${max[0]} characters${n[0]}`, `không được dài quá ${max[1]} ký tự${n[1]}`];
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = count(issue);
        return [`must have at most ${max[0]} item${issue.maximum === 1 ? '' : 's'}${n[0]}`, `chỉ được có tối đa ${max[1]} mục${n[1]}`];
      }
      const r = received(issue);
      return issue.inclusive === false ? [`must be less than ${max[0]}${r[0]}`, `phải nhỏ hơn ${max[1]}${r[1]}`] : [`must be at most ${max[0]}${r[0]}`, `không được lớn hơn ${max[1]}${r[1]}`];
    }
    case 'too_small': {
      const min = num(issue.minimum);
      if (issue.origin === 'string') {
        if (issue.minimum === 1) return ['must not be empty', 'không được để trống'];
        const n = count(issue);
        return [`must be at least ${min[0]} characters${n[0]}`, `phải dài ít nhất ${min[1]} ký tự${n[1]}`];
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = count(issue);
        return [`must have at least ${min[0]} item${issue.minimum === 1 ? '' : 's'}${n[0]}`, `phải có ít nhất ${min[1]} mục${n[1]}`];
      }
      const r = received(issue);
      return issue.inclusive === false ? [`must be greater than ${min[0]}${r[0]}`, `phải lớn hơn ${min[1]}${r[1]}`] : [`must be at least ${min[0]}${r[0]}`, `không được nhỏ hơn ${min[1]}${r[1]}`];
    }
    case 'invalid_format': {
      const vi = viOf(issue.message);
      if (vi !== undefined) return [issue.message, vi];
      if (issue.format === 'regex' && 'pattern' in issue) return [`must match the pattern ${issue.pattern}`, `không đúng dạng quy định (mẫu ${issue.pattern})`];
      return [`must be a valid ${issue.format}`, `sai định dạng ${issue.format}`];
    }
    case 'not_multiple_of': {
      const d = num(issue.divisor);
      return [`must be a multiple of ${d[0]}`, `phải là bội số của ${d[1]}`];
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return [`unknown ${issue.keys.length > 1 ? 'properties' : 'property'} ${keys}`, `có thuộc tính không được phép ${keys}`];
    }
    case 'invalid_key': {
      const key = typeof issue.input === 'string' ? issue.input : String(issue.path[issue.path.length - 1] ?? '');
      const inner = issue.issues[0];
      const why = inner ? sentence(inner) : (['is not allowed', 'không hợp lệ'] as Said);
      return [`the key "${key}" ${why[0]}`, `khóa "${key}" ${why[1]}`];
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined && 'options' in issue && issue.options) {
        // A discriminated union: the discriminator's value is none of the options (the path ends at it).
        const expected = oneOf(issue.options);
        const value = issue.input !== null && typeof issue.input === 'object' ? (issue.input as Record<string, unknown>)[issue.discriminator] : undefined;
        if (value === undefined) return [`a required value is missing (it ${expected[0]})`, `thiếu giá trị bắt buộc (${expected[1]})`];
        const got = shown(value);
        return [`${expected[0]} (received ${got[0]})`, `${expected[1]} (nhận được ${got[1]})`];
      }
      return ['matches none of the allowed forms', 'không khớp với dạng nào được phép'];
    }
    case 'invalid_element':
      return ['has an invalid element', 'có phần tử không hợp lệ'];
    default:
      return [issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid', viOf(issue.message) ?? 'không hợp lệ'];
  }
}

/**
 * Validate a value as a criteria set: forbidden keys, the schema, then the cross-field checks.
 * Never throws.
 */
export function parseCriteriaSet(value: unknown): ParseResult<CriteriaSet> {
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeys(value, diagnostics, '', { maxItems: LIMITS.setArrayItems });
  if (diagnostics.length) return { value: undefined, diagnostics };
  const parsed = CriteriaSet.safeParse(value, PARSE_OPTIONS);
  if (!parsed.success) return { value: undefined, diagnostics: zodDiagnostics(parsed.error, 'SET_SCHEMA') };
  const checks = checkSet(parsed.data);
  return { value: hasErrors(checks) ? undefined : parsed.data, diagnostics: checks };
}

export { diag };
