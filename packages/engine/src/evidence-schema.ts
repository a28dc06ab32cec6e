/**
 * The JSON Schema of one set's evidence: the evidence format (evidence.schema.json) narrowed to what
 * this set knows, so that an editor completes criterion codes, input ids, level ids and document ids
 * as the officer types, names each by its label, and marks a mistyped code or a value of the wrong
 * type before the file is ever validated. `parindex template <set> --schema <file>` writes it and
 * points the template's "$schema" at it.
 *
 * The schema describes the canonical forms (true/false, numbers with a dot, YYYY-MM-DD, level ids); the
 * engine also reads what officers write otherwise ("có", "95,5", "15/01/2026", a level's label), with a
 * warning that says to write the canonical form, which is what the editor asks for too.
 */
import { UNIT_LEVELS, type CriterionNode, type DocumentReq, type InputDef } from './deps.js';
import type { CompiledSet } from './compile.js';

type Schema = Record<string, unknown>;

const ISO_DATE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
const DECIMAL = '^-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,12})?$';
const WHOLE = '^(0|[1-9][0-9]{0,14})$';

/** A decimal of the set (a JSON number or decimal text) as a JSON Schema bound (editors compare doubles). */
const bound = (d: number | string | undefined): number | undefined => (d === undefined ? undefined : Number(d));

/** The label an editor shows beside an input, a level or a document, in the language asked for. */
const said = (label: string, labelEn: string | undefined, lang: 'vi' | 'en') => (lang === 'en' && labelEn !== undefined ? labelEn : label);

function numberSchema(def: InputDef, whole: boolean): Schema {
  const min = bound(def.min) ?? (def.type === 'decimal' ? undefined : 0);
  const max = bound(def.max) ?? (def.type === 'percent' ? 100 : undefined);
  const n: Schema = { type: whole ? 'integer' : 'number', ...(min !== undefined ? { minimum: min } : {}), ...(max !== undefined ? { maximum: max } : {}) };
  return { anyOf: [n, { type: 'string', pattern: whole ? WHOLE : DECIMAL }] };
}

/** The value of one input, with its label as title. */
function valueSchema(def: InputDef, lang: 'vi' | 'en'): Schema {
  const title = said(def.label, def.labelEn, lang);
  const unit = said(def.unit ?? '', def.unitEn, lang);
  const head: Schema = { title, ...(unit ? { description: `${title} (${unit})` } : {}) };
  switch (def.type) {
    case 'boolean':
      return { ...head, type: 'boolean' };
    case 'level':
      return { ...head, enum: (def.options ?? []).map((o) => o.id), markdownEnumDescriptions: (def.options ?? []).map((o) => said(o.label, o.labelEn, lang)) };
    case 'date':
      return { ...head, type: 'string', pattern: ISO_DATE, format: 'date' };
    case 'tally': {
      const properties: Schema = {};
      for (const o of def.options ?? []) properties[o.id] = { title: said(o.label, o.labelEn, lang), type: 'integer', minimum: 0 };
      return { ...head, type: 'object', properties, additionalProperties: false };
    }
    case 'count':
      return { ...head, ...numberSchema(def, true) };
    case 'decimal':
    case 'percent':
      return { ...head, ...numberSchema(def, false) };
  }
}

function documentsSchema(reqs: readonly DocumentReq[], lang: 'vi' | 'en'): Schema {
  const str = (max: number) => ({ type: 'string', maxLength: max });
  const forSchema = reqs.length ? { enum: reqs.map((r) => r.id), markdownEnumDescriptions: reqs.map((r) => said(r.label, r.labelEn, lang)) } : { type: 'string' };
  return {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        for: forSchema,
        number: str(200),
        date: { type: 'string', pattern: ISO_DATE, format: 'date' },
        title: str(2000),
        issuer: str(500),
        url: str(2000),
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      },
      additionalProperties: false,
    },
  };
}

/** The entry of one leaf criterion: its code, its own inputs and the set's, its documents. */
function criterionEntry(n: CriterionNode, setInputs: readonly InputDef[], lang: 'vi' | 'en'): Schema {
  const values: Schema = {};
  for (const def of [...(n.inputs ?? []), ...setInputs]) values[def.id] = valueSchema(def, lang);
  const title = said(n.title, n.titleEn, lang);
  return {
    title: `${n.code} ${title}`,
    type: 'object',
    properties: {
      criterion: { const: n.code, description: title },
      values: { type: 'object', properties: values, additionalProperties: false },
      documents: documentsSchema(n.documents ?? [], lang),
      note: { type: 'string' },
      explanation: { type: 'string' },
      claimedPoints: {
        anyOf: [
          { type: 'number', minimum: Math.min(0, Number(n.floor ?? 0)), maximum: Number(n.max) },
          { type: 'string', pattern: DECIMAL },
        ],
      },
    },
    required: ['criterion'],
    additionalProperties: false,
  };
}

/** An entry of one input, given on its own. */
function inputEntry(def: InputDef, lang: 'vi' | 'en'): Schema {
  return {
    title: said(def.label, def.labelEn, lang),
    type: 'object',
    properties: { input: { const: def.id, description: said(def.label, def.labelEn, lang) }, value: valueSchema(def, lang), note: { type: 'string' } },
    required: ['input', 'value'],
    additionalProperties: false,
  };
}

/** The entry of a criterion with children: its documents, note, explanation or claim, no values. */
function groupEntry(n: CriterionNode, lang: 'vi' | 'en'): Schema {
  const title = said(n.title, n.titleEn, lang);
  return {
    title: `${n.code} ${title}`,
    type: 'object',
    properties: {
      criterion: { const: n.code, description: title },
      values: { type: 'object', maxProperties: 0 },
      documents: documentsSchema([], lang),
      note: { type: 'string' },
      explanation: { type: 'string' },
      claimedPoints: { type: ['number', 'string'] },
    },
    required: ['criterion'],
    additionalProperties: false,
  };
}

/** The nodes of the set, in the order of the file (fields, bonus, penalty): the leaves and the groups. */
function nodes(compiled: CompiledSet): { leaves: CriterionNode[]; groups: CriterionNode[] } {
  const leaves: CriterionNode[] = [];
  const groups: CriterionNode[] = [];
  const walk = (n: CriterionNode) => {
    if (!n.children?.length) return leaves.push(n);
    groups.push(n);
    n.children.forEach(walk);
  };
  const set = compiled.set;
  set.fields.forEach(walk);
  set.bonus?.items.forEach(walk);
  set.penalty?.items.forEach(walk);
  return { leaves, groups };
}

/**
 * The JSON Schema (draft 2020-12) of evidence for one compiled set, its labels in `lang` (the set's own
 * words: the engine words nothing), titled `title` (default: the set's ref and title). Data only: no I/O.
 */
export function evidenceSchema(compiled: CompiledSet, lang: 'vi' | 'en' = 'vi', title?: string): Schema {
  const set = compiled.set;
  const setInputs = set.inputs ?? [];
  const { leaves, groups } = nodes(compiled);
  const inputs = [...setInputs, ...leaves.flatMap((n) => n.inputs ?? [])];
  const levels = set.unitLevels ?? UNIT_LEVELS;
  const str = (max: number) => ({ type: 'string', maxLength: max });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: title ?? `${compiled.ref}: ${said(set.title, set.titleEn, lang)}`,
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      formatVersion: { const: 1 },
      sample: { type: 'boolean' },
      criteriaSet: { const: compiled.ref },
      unit: {
        type: 'object',
        properties: { code: str(100), name: str(500), level: { enum: [...levels] }, province: str(200), note: { type: 'string' } },
        required: ['code', 'name', 'level'],
        additionalProperties: false,
      },
      period: { type: 'object', properties: { from: { const: set.period.from }, to: { const: set.period.to }, label: str(100) }, required: ['from', 'to'], additionalProperties: false },
      preparedBy: { type: 'object', properties: { name: str(200), role: str(200), date: { type: 'string', pattern: ISO_DATE } }, additionalProperties: false },
      entries: { type: 'array', items: { anyOf: [...leaves.map((n) => criterionEntry(n, setInputs, lang)), ...groups.map((n) => groupEntry(n, lang)), ...inputs.map((d) => inputEntry(d, lang))] } },
    },
    required: ['formatVersion', 'criteriaSet', 'unit', 'period', 'entries'],
    additionalProperties: false,
  };
}
