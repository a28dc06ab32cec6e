/**
 * Validate a criteria-set file: safe JSON reading, JSON Schema (ajv, every error at once), then the
 * cross-field checks; every diagnostic carries the file, JSON pointer, line and column.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { checkSet } from './checks.js';
import { diag, hasErrors, type Diagnostic } from './diagnostics.js';
import { readJson } from './json.js';
import { LIMITS } from './limits.js';
import { criteriaSetJsonSchema } from './json-schema.js';
import { CriteriaSet } from './schema.js';
import { PARSE_OPTIONS, TYPES, zodDiagnostics } from './parse.js';
import { patternSentences } from './messages.js';

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    validator = ajv.compile(criteriaSetJsonSchema());
  }
  return validator;
}

const PATTERN_HINTS: Array<[RegExp, string, string]> = [
  [/\/code$/, 'a criterion code such as "1", "1.2", "1.2.3" or "B1"', 'mã tiêu chí dạng "1", "1.2", "1.2.3" hoặc "B1"'],
  [/\/(id|input|numerator|denominator|atMost)$/, 'lower_snake_case: a letter, then letters, digits or _', 'dạng chữ_thường: bắt đầu bằng chữ cái, sau đó chữ, số hoặc _'],
  [/date|\/from$|\/to$|deadline$/, 'a date written YYYY-MM-DD', 'ngày viết dạng YYYY-MM-DD'],
  [/\/version$/, 'a year with optional revisions, e.g. "2026" or "2026.1"', 'năm, có thể kèm số hiệu chỉnh, ví dụ "2026" hoặc "2026.1"'],
];

function describe(e: ErrorObject): [string, string] {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return [`is missing the required property "${p.missingProperty}"`, `thiếu thuộc tính bắt buộc "${p.missingProperty}"`];
    case 'additionalProperties':
      return [`has a property "${p.additionalProperty}" that the format does not know`, `có thuộc tính "${p.additionalProperty}" không có trong định dạng`];
    case 'type': {
      const t = TYPES[String(p.type)];
      return t ? [`must be ${t[0]}`, `phải là ${t[1]}`] : [`must be ${p.type}`, `phải có kiểu ${p.type}`];
    }
    case 'enum':
      return [`must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, `phải là một trong: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`];
    case 'const':
      return [`must be ${JSON.stringify(p.allowedValue)}`, `phải bằng ${JSON.stringify(p.allowedValue)}`];
    case 'pattern': {
      // The schema's own sentence for this pattern, else a hint from the place.
      const own = patternSentences(String(p.pattern));
      if (own) return own;
      const hint = PATTERN_HINTS.find(([re]) => re.test(e.instancePath));
      return hint ? [`must be ${hint[1]}`, `phải là ${hint[2]}`] : [`does not have the expected form`, `không đúng dạng quy định`];
    }
    case 'minimum':
      return [`must be at least ${p.limit}`, `phải từ ${p.limit} trở lên`];
    case 'maximum':
      return [`must be at most ${p.limit}`, `không được vượt ${p.limit}`];
    case 'minLength':
      return [`must not be empty`, `không được để trống`];
    case 'maxLength':
      return [`is longer than ${p.limit} characters`, `dài quá ${p.limit} ký tự`];
    case 'minItems':
      return [`needs at least ${p.limit} item(s)`, `cần ít nhất ${p.limit} mục`];
    case 'maxItems':
      return [`has more than ${p.limit} items`, `có quá ${p.limit} mục`];
    default:
      return [e.message ?? `fails the "${e.keyword}" check`, `không hợp lệ (${e.keyword})`];
  }
}

/** @internal Keep, for each failed anyOf, only the errors of the branch that came closest. */
export function bestMatchErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (unions.length === 0) return errors;
  // Handle the outermost unions first; an inner union's errors are part of some branch.
  unions.sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  let kept = errors;
  for (const u of unions) {
    if (!kept.includes(u)) continue;
    const prefix = u.schemaPath + '/';
    const branches = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const k = e.schemaPath.slice(prefix.length).split('/')[0]!;
      (branches.get(k) ?? branches.set(k, []).get(k)!).push(e);
    }
    if (branches.size === 0) continue;
    // The best branch: no failure on its discriminator ("type" const), then the fewest errors.
    const score = (list: ErrorObject[]) =>
      (list.some((e) => e.keyword === 'const' && e.instancePath === u.instancePath + '/type') ? 1000 : 0) +
      (list.some((e) => e.keyword === 'type' && e.instancePath === u.instancePath) ? 500 : 0) +
      list.length;
    const best = [...branches.entries()].sort((a, b) => score(a[1]) - score(b[1]))[0]![1];
    const drop = new Set<ErrorObject>([u]);
    for (const list of branches.values()) if (list !== best) list.forEach((e) => drop.add(e));
    kept = kept.filter((e) => !drop.has(e));
  }
  return kept;
}

export interface FileValidation {
  kind: 'criteria-set';
  value: CriteriaSet | undefined;
  diagnostics: Diagnostic[];
}

/** Validate a criteria-set file's text. Never throws. */
export function validateSetText(text: string, file?: string): FileValidation {
  const doc = readJson(text, file, { maxItems: LIMITS.setArrayItems });
  if (doc.value === undefined) return { kind: 'criteria-set', value: undefined, diagnostics: doc.diagnostics };
  const found: Diagnostic[] = [...doc.diagnostics];
  const validate = getValidator();
  if (!validate(doc.value)) {
    const seen = new Set<string>();
    // A hostile file can make tens of thousands of errors; matching unions is quadratic in them.
    const all = validate.errors ?? [];
    for (const e of bestMatchErrors(all.length > LIMITS.schemaErrors ? all.slice(0, LIMITS.schemaErrors) : all)) {
      const [en, vi] = describe(e);
      const where = e.instancePath === '' ? 'The set' : e.instancePath;
      const d = diag('SET_SCHEMA', e.instancePath, { message: `${where} ${en}`, messageVi: `${where === 'The set' ? 'Bộ tiêu chí' : where} ${vi}` });
      const key = `${d.path}|${d.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        found.push(d);
      }
    }
  } else {
    const parsed = CriteriaSet.safeParse(doc.value, PARSE_OPTIONS);
    if (!parsed.success) found.push(...zodDiagnostics(parsed.error, 'SET_SCHEMA'));
    else {
      found.push(...checkSet(parsed.data));
      if (!hasErrors(found)) return { kind: 'criteria-set', value: parsed.data, diagnostics: locateAll(found, doc, file) };
    }
  }
  return { kind: 'criteria-set', value: undefined, diagnostics: locateAll(found, doc, file) };
}

/** @internal Add file, line and column to diagnostics that lack them. */
export function locateAll(list: Diagnostic[], doc: { locate(p: string): { line: number; column: number } | undefined }, file?: string): Diagnostic[] {
  return list.map((d) => {
    const at = d.line === undefined ? doc.locate(d.path) : undefined;
    return { ...d, ...(file !== undefined ? { file } : {}), ...(at ?? {}) };
  });
}
