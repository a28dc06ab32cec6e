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

/**
 * @internal Keep, for each failed anyOf/oneOf, only the errors of the branch that came closest.
 * ajv gives the errors of a `$ref`'d schema paths inside that schema ("#/anyOf/1/…" for a condition
 * inside a rule): those cannot be told apart by path, so the errors at the union's place in the file,
 * and those under it from a schema of its own (not inlined from "$defs", which may belong to any
 * branch), that are not under its schema path count as one more branch (the `$ref`'d ones). Unions are
 * handled from the outermost place in the file inwards.
 */
export function bestMatchErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (unions.length === 0) return errors;
  const depth = (e: ErrorObject) => (e.instancePath === '' ? 0 : e.instancePath.split('/').length);
  // At one place in the file, a union inlined from "$defs" (e.g. a decimal's number-or-string) is a
  // branch of the union that reached it through a property: the latter goes first.
  const inlined = (e: ErrorObject) => (e.schemaPath.startsWith('#/$defs/') ? 1 : 0);
  unions.sort((a, b) => depth(a) - depth(b) || inlined(a) - inlined(b) || a.schemaPath.length - b.schemaPath.length);
  let kept = errors;
  for (const u of unions) {
    if (!kept.includes(u)) continue;
    const prefix = u.schemaPath + '/';
    const at = u.instancePath;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of kept) {
      if (e === u) continue;
      let k: string;
      if (e.schemaPath.startsWith(prefix)) k = e.schemaPath.slice(prefix.length).split('/')[0]!;
      else if (e.instancePath === at || (e.instancePath.startsWith(at + '/') && !e.schemaPath.startsWith('#/$defs/'))) k = '$ref';
      else continue;
      (branches.get(k) ?? branches.set(k, []).get(k)!).push(e);
    }
    if (branches.size === 0) continue;
    // The best branch: no failure on its discriminator ("type" const), then the fewest failures of
    // shape at the union's own place (a missing or unknown property, a wrong type), then the fewest errors.
    const shape = new Set(['required', 'additionalProperties', 'type', 'const', 'enum']);
    const score = (list: ErrorObject[]) => {
      let n = list.some((e) => e.keyword === 'const' && e.instancePath === at + '/type') ? 1000 : 0;
      for (const e of list) n += e.instancePath === at && shape.has(e.keyword) ? 100 : 1;
      return n;
    };
    const best = [...branches.values()].sort((a, b) => score(a) - score(b))[0]!;
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
    if (!parsed.success) for (const d of zodDiagnostics(parsed.error, 'SET_SCHEMA')) found.push(d);
    else {
      for (const d of checkSet(parsed.data)) found.push(d);
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
