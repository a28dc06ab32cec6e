/**
 * Validate a criteria-set file: safe JSON reading, JSON Schema (ajv, every error at once), then the
 * cross-field checks; every diagnostic carries the file, JSON pointer, line and column.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { checkSet } from './checks.js';
import { hasErrors, pointerSegments, schemaDiag, schemaPlace, type Diagnostic, type ParamScalar, type PatternCode, type SchemaIssueBody, type SchemaPlace } from './diagnostics.js';
import { readJson } from './json.js';
import { LIMITS } from './limits.js';
import { criteriaSetJsonSchema } from './json-schema.js';
import { CriteriaSet } from './schema.js';
import { PARSE_OPTIONS, expectedTypes, zodDiagnostics } from './parse.js';
import { patternCodeBySource } from './patterns.js';

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
    validator = ajv.compile(criteriaSetJsonSchema());
  }
  return validator;
}

/** A pattern the schema gave no meaning for, told by its place in the file. */
const PATTERN_BY_PLACE: Array<[RegExp, PatternCode]> = [
  [/\/code$/, 'criterionCode'],
  [/\/(id|input|numerator|denominator|atMost)$/, 'identifier'],
  [/date|\/from$|\/to$|deadline$/, 'isoDate'],
  [/\/version$/, 'setVersion'],
];

const NOT_RECEIVED = { received: null, value: null } as const;
const limitOf = (p: Record<string, unknown>) => String(p.limit);
const typesOf = (t: unknown): string[] => (Array.isArray(t) ? t.map(String) : String(t).split(','));

/** One ajv error as a schema issue, and the place it names (a missing property names itself). */
function describe(e: ErrorObject): { body: SchemaIssueBody; place?: SchemaPlace } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { body: { issue: 'missing', expected: [], allowed: [] }, place: { field: String(p.missingProperty), item: null } };
    case 'additionalProperties':
      return { body: { issue: 'unknownKeys', keys: [String(p.additionalProperty)] } };
    case 'type':
      return { body: { issue: 'type', expected: expectedTypes(typesOf(p.type)), ...NOT_RECEIVED } };
    case 'enum':
      return { body: { issue: 'value', allowed: (p.allowedValues as ParamScalar[]).slice(0, 12), more: Math.max(0, (p.allowedValues as unknown[]).length - 12), ...NOT_RECEIVED } };
    case 'const':
      return { body: { issue: 'value', allowed: [p.allowedValue as ParamScalar], more: 0, ...NOT_RECEIVED } };
    case 'pattern': {
      // The schema's own meaning for this pattern, else one told by the place.
      const pattern = patternCodeBySource(String(p.pattern)) ?? PATTERN_BY_PLACE.find(([re]) => re.test(e.instancePath))?.[1] ?? null;
      return { body: { issue: 'pattern', pattern, regex: pattern === null ? String(p.pattern) : null } };
    }
    case 'minimum':
    case 'maximum':
      return { body: { issue: e.keyword === 'minimum' ? 'tooSmall' : 'tooBig', origin: 'number', limit: limitOf(p), inclusive: true, actual: null, ...NOT_RECEIVED } };
    case 'minLength':
    case 'maxLength':
      return { body: { issue: e.keyword === 'minLength' ? 'tooSmall' : 'tooBig', origin: 'string', limit: limitOf(p), inclusive: true, actual: null, ...NOT_RECEIVED } };
    case 'minItems':
    case 'maxItems':
      return { body: { issue: e.keyword === 'minItems' ? 'tooSmall' : 'tooBig', origin: 'array', limit: limitOf(p), inclusive: true, actual: null, ...NOT_RECEIVED } };
    default:
      return { body: { issue: 'invalid', check: e.keyword } };
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
      const { body, place } = describe(e);
      const d = schemaDiag('SET_SCHEMA', e.instancePath, body, place ?? schemaPlace(pointerSegments(e.instancePath)));
      const key = `${d.path}|${JSON.stringify(d.params)}`;
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
