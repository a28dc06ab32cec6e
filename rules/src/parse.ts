/**
 * From an untrusted value to a validated criteria set: the zod schema (types), then the cross-field
 * checks. Browser-safe (no ajv, no file I/O); the file validator in ./validate-file.ts adds JSON Schema
 * validation with line and column.
 */
import type * as z from 'zod/mini';
import { checkSet } from './checks.js';
import { codePoints } from './code-points.js';
import {
  hasErrors,
  pointer,
  schemaDiag,
  schemaPlace,
  type Diagnostic,
  type ExpectedType,
  type ParamScalar,
  type Received,
  type SchemaCode,
  type SchemaIssueBody as Body,
  type ValueKind,
} from './diagnostics.js';
import { findForbiddenKeys } from './forbidden.js';
import { LIMITS } from './limits.js';
import { patternCodeOf } from './patterns.js';
import { CriteriaSet } from './schema.js';

export interface ParseResult<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

/**
 * The options every schema parse passes to zod: the issues then carry the value they are about, which
 * the diagnostics need ("received a string", "a required value is missing").
 */
export const PARSE_OPTIONS = { reportInput: true } as const;

type Issue = z.core.$ZodIssue;
type Segment = string | number;

const segmentsOf = (path: readonly PropertyKey[]): Segment[] => path.map((p) => (typeof p === 'symbol' ? String(p) : p));

/**
 * @internal Turn zod issues (from a parse with PARSE_OPTIONS) into diagnostics with JSON pointers and
 * the issues' structured data (never zod's own message).
 */
export function zodDiagnostics(error: z.core.$ZodError, code: SchemaCode): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (at: Segment[], body: Body, place: Segment[] = at) => out.push(schemaDiag(code, pointer(...at), body, schemaPlace(place)));
  const visit = (issues: readonly Issue[], prefix: Segment[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...segmentsOf(issue.path)];
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        const types = unionTypes(issue);
        if (types) {
          report(path, wrongType(types, issue));
          continue;
        }
        // Report the branch that came closest (fewest issues), not every alternative. When that
        // branch only says the type is wrong, a branch that took the value's type says more: its
        // problem with the value itself (a decimal string in the wrong form), or, said at the same
        // place, its first problem inside the value (a tally with a count that is not a number).
        const sorted = [...issue.errors].sort((a, b) => a.length - b.length);
        let best = sorted[0]!;
        if (branchTypes(best)) {
          const took = sorted.find((b) => !branchTypes(b));
          if (took && took.length === 1 && took[0]!.path.length === 0) best = took;
          else if (took && took.length > 0) {
            const inner = took[0]!;
            report(path, issueBody(inner), [...path, ...segmentsOf(inner.path)]);
            continue;
          }
        }
        if (best.length > 0) {
          visit(best, path);
          continue;
        }
      }
      report(path, issueBody(issue), issue.code === 'invalid_key' ? path.slice(0, -1) : path);
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

const EXPECTED: Readonly<Record<string, ExpectedType>> = {
  string: 'string',
  number: 'number',
  int: 'integer',
  integer: 'integer',
  boolean: 'boolean',
  object: 'object',
  record: 'object',
  array: 'array',
  null: 'null',
};

/** @internal zod's (and JSON Schema's) type names as the expected types of a diagnostic. */
export function expectedTypes(types: readonly string[], input?: unknown): ExpectedType[] {
  const out: ExpectedType[] = [];
  for (const t of types) {
    const nonFinite = (t === 'number' || t === 'int') && typeof input === 'number' && !Number.isFinite(input);
    const e = nonFinite ? 'finiteNumber' : (EXPECTED[t] ?? 'other');
    if (!out.includes(e)) out.push(e);
  }
  return out;
}

/** The kind of a value, and its text when it is short enough to quote. */
export function received(value: unknown): Received {
  return { received: kindOf(value), value: quotable(value) };
}

function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object' ? t : t === 'bigint' ? 'number' : 'other';
}

function quotable(value: unknown): string | null {
  if (typeof value === 'string') return value.length <= 40 ? value : null;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return null;
}

const NOT_RECEIVED: Received = { received: null, value: null };
const hasInput = (issue: Issue): boolean => 'input' in issue;
const isMissing = (issue: Issue): boolean => hasInput(issue) && issue.input === undefined;
const receivedOf = (issue: Issue): Received => (hasInput(issue) ? received(issue.input) : NOT_RECEIVED);

/** A literal or option as a param: strings, numbers (as they are), true/false, null. */
function scalar(value: unknown): ParamScalar {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** At most 12 allowed values are listed; `more` says how many were left out. */
function allowedValues(values: readonly unknown[]): { allowed: ParamScalar[]; more: number } {
  return { allowed: values.slice(0, 12).map(scalar), more: Math.max(0, values.length - 12) };
}

function wrongType(types: readonly string[], issue: Issue): Body {
  const expected = expectedTypes(types, issue.input);
  if (isMissing(issue)) return { issue: 'missing', expected, allowed: [] };
  return { issue: 'type', expected, ...receivedOf(issue) };
}

/** A size issue (too big, too small) as data: what it measures, the limit, and how many there are. */
function sizeBody(issue: Issue & { code: 'too_big' | 'too_small' }): Body {
  const v = issue.input;
  const origin = issue.origin === 'string' ? 'string' : issue.origin === 'array' || issue.origin === 'set' ? 'array' : 'number';
  const limit = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const actual = typeof v === 'string' ? codePoints(v) : Array.isArray(v) ? v.length : null;
  const got = origin === 'number' && typeof v === 'number' ? received(v) : NOT_RECEIVED;
  return { issue: issue.code === 'too_big' ? 'tooBig' : 'tooSmall', origin, limit, inclusive: issue.inclusive !== false, actual, ...got };
}

/** One issue as data, from its structured fields (never zod's own message). */
function issueBody(issue: Issue): Body {
  switch (issue.code) {
    case 'invalid_type':
      return wrongType([issue.expected], issue);
    case 'invalid_value':
      if (isMissing(issue)) return { issue: 'missing', expected: [], allowed: allowedValues(issue.values).allowed };
      return { issue: 'value', ...allowedValues(issue.values), ...receivedOf(issue) };
    case 'too_big':
    case 'too_small':
      return sizeBody(issue);
    case 'invalid_format': {
      const pattern = patternCodeOf(issue.message);
      if (pattern !== null || issue.format === 'regex') return { issue: 'pattern', pattern, regex: pattern === null && 'pattern' in issue && typeof issue.pattern === 'string' ? issue.pattern : null };
      return { issue: 'format', format: issue.format };
    }
    case 'not_multiple_of':
      return { issue: 'multipleOf', divisor: String(issue.divisor) };
    case 'unrecognized_keys':
      return { issue: 'unknownKeys', keys: [...issue.keys] };
    case 'invalid_key': {
      const key = typeof issue.input === 'string' ? issue.input : String(issue.path[issue.path.length - 1] ?? '');
      const inner = issue.issues[0];
      return { issue: 'key', key, pattern: inner && inner.code === 'invalid_format' ? patternCodeOf(inner.message) : null };
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined && 'options' in issue && issue.options) {
        // A discriminated union: the discriminator's value is none of the options (the path ends at it).
        const value = issue.input !== null && typeof issue.input === 'object' ? (issue.input as Record<string, unknown>)[issue.discriminator] : undefined;
        if (value === undefined) return { issue: 'missing', expected: [], allowed: allowedValues(issue.options).allowed };
        return { issue: 'value', ...allowedValues(issue.options), ...received(value) };
      }
      return { issue: 'noForm' };
    }
    case 'invalid_element':
      return { issue: 'element' };
    default:
      return { issue: 'invalid', check: null };
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
