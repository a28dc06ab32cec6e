/**
 * The building blocks of the criteria-set format (decimals, identifiers, inputs, conditions, tiers),
 * shared by the set schema (./schema.ts) and the rule kinds (./kinds/). The set format is defined once. The TypeScript types are inferred from these zod schemas and
 * the committed JSON Schema (`rules/criteria-set.schema.json`) is generated from them
 * (`pnpm schema`; a test fails when the two drift apart).
 *
 * The schemas use `zod/mini` (functions instead of methods), which keeps the engine's browser bundle
 * small and free of zod's `new Function` JIT. `withMeta()` and `withDescription()` below register
 * metadata exactly as classic zod's `.meta()` and `.describe()` do, so the generated JSON Schemas are
 * the same.
 *
 * Decimals (maxima, points, bounds, weights) are written as JSON numbers (`0.25`) or as decimal strings
 * (`"0.25"`); the engine reads both exactly through their decimal text, never through binary floats.
 */
import * as z from 'zod/mini';
import type { PatternCode } from './diagnostics.js';
import { patternError } from './patterns.js';

/** Version of the file format itself (not of a criteria set). */
export const FORMAT_VERSION = 1 as const;

/** @internal The ids, titles and descriptions of the format's schemas, read by the JSON Schema generator. */
export const SCHEMA_REGISTRY = /* @__PURE__ */ (() => z.registry<z.core.GlobalMeta>())();

/**
 * @internal A copy of the schema carrying metadata (id, title, description) for the JSON Schema, as
 * classic zod's `.meta()` does: the copy keeps the original as its parent.
 */
export function withMeta<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  const copy = schema.clone();
  // A registry of our own: importing the rules package changes no global state (not zod's globalRegistry).
  SCHEMA_REGISTRY.add(copy, meta);
  return copy;
}

/** @internal A copy of the schema with a description, as classic zod's `.describe()` makes it. */
export function withDescription<T extends z.ZodMiniType>(schema: T, description: string): T {
  return withMeta(schema, { description });
}

export const opt = z.optional;
/** @internal A pattern check with the code of its meaning (the locales word it). */
export const matches = (pattern: RegExp, code: PatternCode) => z.regex(pattern, patternError(code, pattern));
/** @internal A string of at most `max` characters. */
export const maxString = (max: number) => z.string().check(z.maxLength(max));

/** An exact decimal written as text, as results carry them: "0.75", "-0.25", "89.95" (no trailing zeros). */
export const DecimalText = /* @__PURE__ */ (() =>
  withMeta(z.string().check(matches(/^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/, 'decimalText')), {
    id: 'DecimalString',
    description: 'An exact decimal written as text: "0.75", "-0.25", "89.95".',
  }))();

const DECIMAL_TEXT = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$/;

/** A decimal written as a JSON number or as a decimal string such as "0.25". */
export const Dec = /* @__PURE__ */ (() =>
  withMeta(z.union([z.number(), z.string().check(matches(DECIMAL_TEXT, 'decimal'))]), { id: 'Decimal', description: 'A decimal: a JSON number or a string such as "0.25".' }))();
export type Dec = z.infer<typeof Dec>;

const NON_NEG_DECIMAL_TEXT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$/;

/** A non-negative decimal. */
export const NonNegDec = /* @__PURE__ */ (() =>
  withMeta(z.union([z.number().check(z.minimum(0)), z.string().check(matches(NON_NEG_DECIMAL_TEXT, 'nonNegativeDecimal'))]), {
    id: 'NonNegativeDecimal',
    description: 'A decimal ≥ 0: a JSON number or a string such as "0.25".',
  }))();

export const Identifier = /* @__PURE__ */ (() =>
  withMeta(z.string().check(matches(/^[a-z][a-z0-9_]{0,63}$/, 'identifier')), { id: 'Identifier', description: 'An identifier such as plan_issued_on (lower_snake_case).' }))();

export const Code = /* @__PURE__ */ (() =>
  withMeta(z.string().check(matches(/^[A-Z]{0,3}[0-9]{1,3}(\.[0-9]{1,3}){0,5}$/, 'criterionCode')), {
    id: 'Code',
    description: 'A criterion code: "1", "1.2", "1.2.3"; bonus/penalty items may carry a prefix, e.g. "B1".',
  }))();

export const IsoDate = /* @__PURE__ */ (() =>
  withMeta(z.string().check(matches(/^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'isoDate')), { id: 'IsoDate', description: 'A calendar date, YYYY-MM-DD.' }))();

export const Text = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(2000)))();
export const LongText = /* @__PURE__ */ (() => maxString(20000))();

export const Source = /* @__PURE__ */ (() =>
  withMeta(
    z.strictObject({
      document: withDescription(
        opt(Text),
        'The document the criterion comes from, by its kind and title, e.g. "Kế hoạch cải cách hành chính năm 2026 của xã Kiên Thọ". Required unless the rule is a model.',
      ),
      issuer: withDescription(opt(Text), 'Who issued the document, e.g. "UBND xã Kiên Thọ (tỉnh Thanh Hóa)".'),
      number: withDescription(opt(z.nullable(Text)), 'Its number and symbol, e.g. "257/KH-UBND"; null when the published text carries none.'),
      date: withDescription(opt(z.nullable(IsoDate)), 'Its date, YYYY-MM-DD; null when the published text does not give it.'),
      article: withDescription(opt(Text), 'Article, section or appendix item within that document.'),
      quote: withDescription(opt(Text), 'The document\'s own words, quoted exactly; a bound in them ("trên 98%", "từ 55% trở lên") is checked against the rule\'s tier.'),
      quoteTier: withDescription(
        opt(z.number().check(z.int(), z.minimum(0), z.maximum(99))),
        'With quote and a tiers rule: the index of the tier the quoted bound belongs to (default: the tier with the most points).',
      ),
      model: withDescription(opt(z.boolean()), 'true: the rule is a model of this set, with no official text; say why in note.'),
      note: withDescription(opt(LongText), "The set author's remark: what the rule takes from the document and what is a model choice."),
      noteEn: withDescription(opt(LongText), 'The note in English.'),
      url: opt(maxString(2000)),
    }),
    { id: 'Source', description: 'Where a criterion comes from: a public document (issuer, number, date, article), or a model rule with no official text.' },
  ))();

/**
 * The levels of the units a set is for, and of a unit's evidence. Since 1 July 2025 local government
 * has two levels (province; commune, ward, special zone); old years' sets also cover the district level
 * (huyện, quận, thị xã, thành phố thuộc tỉnh) and the commune-level town (thị trấn).
 */
export const UNIT_LEVELS = ['province', 'department', 'ministry', 'district', 'urbanDistrict', 'town', 'provincialCity', 'commune', 'ward', 'township', 'specialZone'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const UnitLevel = /* @__PURE__ */ (() =>
  withMeta(z.enum(UNIT_LEVELS), {
    id: 'UnitLevel',
    description:
      'province (tỉnh, thành phố trực thuộc trung ương), department (sở, ban, ngành), ministry (bộ, cơ quan ngang bộ), district (huyện), urbanDistrict (quận), town (thị xã), provincialCity (thành phố thuộc tỉnh), commune (xã), ward (phường), township (thị trấn), specialZone (đặc khu).',
  }))();

// ---------------------------------------------------------------------------------------------------
// Inputs and documents

export const InputType = /* @__PURE__ */ (() => z.enum(['boolean', 'level', 'count', 'decimal', 'percent', 'date', 'tally']))();
export type InputType = z.infer<typeof InputType>;

export const Option = /* @__PURE__ */ (() =>
  withMeta(z.strictObject({ id: Identifier, label: Text, labelEn: opt(Text) }), {
    id: 'Option',
    description: 'A named level or a survey answer option.',
  }))();

export const InputDef = /* @__PURE__ */ (() =>
  withMeta(
    z.strictObject({
      id: Identifier,
      type: InputType,
      label: withDescription(Text, 'Vietnamese label shown to the officer.'),
      labelEn: opt(Text),
      unit: withDescription(opt(Text), 'Unit of a count or decimal, e.g. "hồ sơ" (dossiers).'),
      unitEn: opt(Text),
      required: withDescription(opt(z.boolean()), 'Default true. A required input without a value is missing evidence.'),
      options: withDescription(opt(z.array(Option).check(z.minLength(1), z.maxLength(50))), 'For type "level" and "tally": the allowed options.'),
      min: withDescription(opt(Dec), 'Smallest allowed value (count, decimal, percent).'),
      max: withDescription(opt(Dec), 'Largest allowed value (count, decimal, percent).'),
      atMost: withDescription(opt(Identifier), 'The value may not exceed this other input (e.g. on-time ≤ resolved).'),
      withinPeriod: withDescription(opt(z.boolean()), 'For dates: warn when the date lies outside the set period.'),
      help: withDescription(opt(LongText), 'How to count or fill the value, shown beside the input (the web page, the workbook).'),
      helpEn: withDescription(opt(LongText), 'The help in English, shown with --lang en (without it, English shows no help).'),
    }),
    { id: 'Input', description: 'A typed evidence input.' },
  ))();
export type InputDef = z.infer<typeof InputDef>;

export const DocumentReq = /* @__PURE__ */ (() =>
  withMeta(
    z.strictObject({
      id: Identifier,
      kind: withDescription(Text, 'Kind of document, e.g. "Kế hoạch", "Báo cáo", "Quyết định".'),
      kindEn: withDescription(opt(Text), 'The kind in English, e.g. "Plan", "Report", "Decision".'),
      label: Text,
      labelEn: opt(Text),
      required: withDescription(opt(z.boolean()), 'Default true.'),
    }),
    { id: 'DocumentRequirement', description: 'A document that proves a criterion (tài liệu kiểm chứng).' },
  ))();
export type DocumentReq = z.infer<typeof DocumentReq>;

// ---------------------------------------------------------------------------------------------------
// Values, conditions and expressions

/** A json-logic expression (allow-listed operators only; checked when the set is validated). */
export const Logic = /* @__PURE__ */ (() => withMeta(z.unknown(), { id: 'Logic', description: 'A json-logic expression over the declared inputs.' }))();

export const Ratio = /* @__PURE__ */ (() =>
  withMeta(
    z.strictObject({
      numerator: Identifier,
      denominator: Identifier,
      times: withDescription(opt(Dec), 'Multiply the ratio, e.g. 100 for a percentage. Default 1.'),
    }),
    { id: 'Ratio', description: 'numerator ÷ denominator × times.' },
  ))();

export const ValueRef = /* @__PURE__ */ (() =>
  withMeta(z.union([z.strictObject({ input: Identifier }), z.strictObject({ ratio: Ratio })]), {
    id: 'ValueRef',
    description: 'The value a rule reads: one input, or a ratio of two inputs.',
  }))();
export type ValueRef = z.infer<typeof ValueRef>;

export const CompareOp = /* @__PURE__ */ (() => z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn']))();

export type Condition =
  | { input: string; op: z.infer<typeof CompareOp>; value: unknown }
  | { input: string; is: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { logic: unknown };

export const Condition: z.ZodMiniType<Condition> = /* @__PURE__ */ (() =>
  withMeta(
    z.lazy(() =>
      z.union([
        z.strictObject({ input: Identifier, is: z.boolean() }),
        z.strictObject({
          input: Identifier,
          op: CompareOp,
          value: z.union([Dec, maxString(200), z.boolean(), z.array(z.union([maxString(200), Dec])).check(z.maxLength(100))]),
        }),
        z.strictObject({ all: z.array(Condition).check(z.minLength(1), z.maxLength(50)) }),
        z.strictObject({ any: z.array(Condition).check(z.minLength(1), z.maxLength(50)) }),
        z.strictObject({ not: Condition }),
        z.strictObject({ logic: Logic }),
      ]),
    ),
    { id: 'Condition', description: 'A condition over inputs: compare, is, all, any, not, or a json-logic expression.' },
  ))();

// ---------------------------------------------------------------------------------------------------
// Shared by the rule kinds

export const Points = /* @__PURE__ */ (() => withDescription(Dec, 'Points (may be negative only where the criterion declares a negative floor).'))();

export const Tier = /* @__PURE__ */ (() =>
  withMeta(
    z.strictObject({
      min: withDescription(opt(Dec), 'Lower bound; omit for no lower bound.'),
      minInclusive: withDescription(opt(z.boolean()), 'Required with min: true for "from X", false for "above X".'),
      max: withDescription(opt(Dec), 'Upper bound; omit for no upper bound.'),
      maxInclusive: withDescription(opt(z.boolean()), 'Required with max: false for "under Y", true for "up to Y".'),
      points: Points,
      label: opt(Text),
      labelEn: opt(Text),
    }),
    { id: 'Tier', description: 'One tier: explicit bounds with their inclusivity, and its points.' },
  ))();
export type Tier = z.infer<typeof Tier>;

export const ruleBase = /* @__PURE__ */ (() => ({
  note: withDescription(opt(LongText), "The set author's remark on the rule, shown under its working."),
  noteEn: withDescription(opt(LongText), 'The note in English (shown with --lang en; without it, no note is shown in English).'),
}))();

export const ZeroDenominator = /* @__PURE__ */ (() => z.enum(['notApplicable', 'zeroPoints', 'fullPoints']))();

export const Part = /* @__PURE__ */ (() =>
  withMeta(
    z.strictObject({
      id: Identifier,
      label: Text,
      labelEn: opt(Text),
      when: Condition,
      points: opt(Points),
      fraction: withDescription(opt(Dec), 'Fraction of the maximum, instead of points.'),
    }),
    { id: 'Part' },
  ))();

export const OnTimeItem = /* @__PURE__ */ (() =>
  withMeta(
    z.strictObject({
      input: withDescription(Identifier, 'A date input: when it was done or sent.'),
      deadline: z.union([IsoDate, z.strictObject({ input: Identifier })]),
      label: opt(Text),
      labelEn: opt(Text),
    }),
    { id: 'OnTimeItem' },
  ))();

/**
 * @internal The value at a JSON pointer (RFC 6901) of a parsed file, reading own properties only;
 * undefined when there is none. The trace refers to conditions of the set this way.
 */
export function atPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let v: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** @internal Every rule kind, in the order of the format's documentation. */
export const RULE_TYPES = ['boolean', 'levels', 'fraction', 'allOf', 'tiers', 'proportional', 'parts', 'perItem', 'survey', 'onTime', 'expression', 'given', 'targets'] as const;
export type RuleType = (typeof RULE_TYPES)[number];
