/**
 * From an untrusted value to a validated criteria set: the zod schema (types), then the cross-field
 * checks. Browser-safe (no ajv, no file I/O); the file validator in ./validate-file.ts adds JSON Schema
 * validation with line and column.
 */
import type * as z from 'zod';
import { checkSet } from './checks.js';
import { diag, hasErrors, pointer, type Diagnostic, type DiagnosticCode } from './diagnostics.js';
import { findForbiddenKeys } from './json.js';
import { LIMITS } from './limits.js';
import { CriteriaSet } from './schema.js';

export interface ParseResult<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

/** @internal Turn zod issues into diagnostics with JSON pointers. */
export function zodDiagnostics(error: z.ZodError, code: DiagnosticCode): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
        // Report the branch that came closest (fewest issues), not every alternative.
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
        const discriminated = issue.errors.length > 1 && best.length > 0;
        if (discriminated || best.length > 0) {
          visit(best, path);
          continue;
        }
      }
      const at = pointer(...path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
      const where = at === '' ? 'the file' : at;
      let message = issue.message;
      if (issue.code === 'unrecognized_keys') message = `unknown ${issue.keys.length > 1 ? 'properties' : 'property'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      out.push(diag(code, at, { message: `${where}: ${message}`, messageVi: `${where}: ${translate(issue, message)}` }));
    }
  };
  visit(error.issues, []);
  return out;
}

function translate(issue: z.core.$ZodIssue, en: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return en.includes('received undefined') ? 'thiếu giá trị bắt buộc' : `sai kiểu dữ liệu (${en})`;
    case 'unrecognized_keys':
      return `có thuộc tính không được phép ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `giá trị không hợp lệ (${en})`;
    case 'too_big':
      return `quá lớn hoặc quá dài (${en})`;
    case 'too_small':
      return `quá nhỏ hoặc quá ngắn (${en})`;
    case 'invalid_format':
      return `sai định dạng (${en})`;
    default:
      return `không hợp lệ (${en})`;
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
  const parsed = CriteriaSet.safeParse(value);
  if (!parsed.success) return { value: undefined, diagnostics: zodDiagnostics(parsed.error, 'SET_SCHEMA') };
  const checks = checkSet(parsed.data);
  return { value: hasErrors(checks) ? undefined : parsed.data, diagnostics: checks };
}

export { diag };
