/**
 * The criteria-set format, defined once. The TypeScript types are inferred from these zod schemas and
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
import { bilingual } from './messages.js';

/** Version of the file format itself (not of a criteria set). */
export const FORMAT_VERSION = 1 as const;

/**
 * @internal A copy of the schema carrying metadata (id, title, description) for the JSON Schema, as
 * classic zod's `.meta()` does: the copy keeps the original as its parent.
 */
export function withMeta<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, meta);
  return copy;
}

/** @internal A copy of the schema with a description, as classic zod's `.describe()` makes it. */
export function withDescription<T extends z.ZodMiniType>(schema: T, description: string): T {
  return withMeta(schema, { description });
}

const opt = z.optional;
/** @internal A pattern check with its sentence in English and Vietnamese. */
export const matches = (pattern: RegExp, en: string, vi: string) => z.regex(pattern, bilingual(en, vi, pattern));
/** @internal A string of at most `max` characters. */
export const maxString = (max: number) => z.string().check(z.maxLength(max));

const DECIMAL_TEXT = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$/;

/** A decimal written as a JSON number or as a decimal string such as "0.25". */
export const Dec = withMeta(
  z.union([
    z.number(),
    z.string().check(matches(DECIMAL_TEXT, 'must be a decimal such as "0.25" (dot as decimal separator)', 'phải là số thập phân dạng "0.25" (dùng dấu chấm để ngăn cách phần thập phân)')),
  ]),
  { id: 'Decimal', description: 'A decimal: a JSON number or a string such as "0.25".' },
);
export type Dec = z.infer<typeof Dec>;

const NON_NEG_DECIMAL_TEXT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$/;

/** A non-negative decimal. */
export const NonNegDec = withMeta(
  z.union([
    z.number().check(z.minimum(0)),
    z.string().check(matches(NON_NEG_DECIMAL_TEXT, 'must be a non-negative decimal such as "0.25"', 'phải là số thập phân không âm dạng "0.25"')),
  ]),
  { id: 'NonNegativeDecimal', description: 'A decimal ≥ 0: a JSON number or a string such as "0.25".' },
);

export const Identifier = withMeta(
  z.string().check(matches(/^[a-z][a-z0-9_]{0,63}$/, 'must be lower_snake_case: a letter, then letters, digits or _', 'phải viết dạng chữ_thường: một chữ cái, sau đó là chữ cái, chữ số hoặc _')),
  { id: 'Identifier', description: 'An identifier such as plan_issued_on (lower_snake_case).' },
);

export const Code = withMeta(
  z.string().check(
    matches(/^[A-Z]{0,3}[0-9]{1,3}(\.[0-9]{1,3}){0,5}$/, 'must be a criterion code such as "1", "1.2", "1.2.3" or "B1" (letters only as prefix)', 'phải là mã tiêu chí dạng "1", "1.2", "1.2.3" hoặc "B1" (chữ cái chỉ ở đầu mã)'),
  ),
  { id: 'Code', description: 'A criterion code: "1", "1.2", "1.2.3"; bonus/penalty items may carry a prefix, e.g. "B1".' },
);

export const IsoDate = withMeta(
  z.string().check(matches(/^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'must be a date written YYYY-MM-DD', 'phải là ngày viết dạng YYYY-MM-DD')),
  { id: 'IsoDate', description: 'A calendar date, YYYY-MM-DD.' },
);

const Text = z.string().check(z.minLength(1), z.maxLength(2000));
const LongText = maxString(20000);

export const Source = withMeta(
  z.strictObject({
    document: withDescription(Text, 'The document the criterion comes from, e.g. "Quyết định 1149/QĐ-BNV (2025)".'),
    article: withDescription(opt(Text), 'Article, section or appendix item within that document.'),
    note: opt(LongText),
    url: opt(maxString(2000)),
  }),
  { id: 'Source', description: 'Where a criterion comes from.' },
);

// ---------------------------------------------------------------------------------------------------
// Inputs and documents

export const InputType = z.enum(['boolean', 'level', 'count', 'decimal', 'percent', 'date', 'tally']);
export type InputType = z.infer<typeof InputType>;

export const Option = withMeta(z.strictObject({ id: Identifier, label: Text, labelEn: opt(Text) }), {
  id: 'Option',
  description: 'A named level or a survey answer option.',
});

export const InputDef = withMeta(
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
    help: opt(LongText),
  }),
  { id: 'Input', description: 'A typed evidence input.' },
);
export type InputDef = z.infer<typeof InputDef>;

export const DocumentReq = withMeta(
  z.strictObject({
    id: Identifier,
    kind: withDescription(Text, 'Kind of document, e.g. "Kế hoạch", "Báo cáo", "Quyết định".'),
    label: Text,
    labelEn: opt(Text),
    required: withDescription(opt(z.boolean()), 'Default true.'),
  }),
  { id: 'DocumentRequirement', description: 'A document that proves a criterion (tài liệu kiểm chứng).' },
);
export type DocumentReq = z.infer<typeof DocumentReq>;

// ---------------------------------------------------------------------------------------------------
// Values, conditions and expressions

/** A json-logic expression (allow-listed operators only; checked when the set is validated). */
export const Logic = withMeta(z.unknown(), { id: 'Logic', description: 'A json-logic expression over the declared inputs.' });

export const Ratio = withMeta(
  z.strictObject({
    numerator: Identifier,
    denominator: Identifier,
    times: withDescription(opt(Dec), 'Multiply the ratio, e.g. 100 for a percentage. Default 1.'),
  }),
  { id: 'Ratio', description: 'numerator ÷ denominator × times.' },
);

export const ValueRef = withMeta(z.union([z.strictObject({ input: Identifier }), z.strictObject({ ratio: Ratio })]), {
  id: 'ValueRef',
  description: 'The value a rule reads: one input, or a ratio of two inputs.',
});
export type ValueRef = z.infer<typeof ValueRef>;

export const CompareOp = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn']);

export type Condition =
  | { input: string; op: z.infer<typeof CompareOp>; value: unknown }
  | { input: string; is: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { logic: unknown };

export const Condition: z.ZodMiniType<Condition> = withMeta(
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
);

// ---------------------------------------------------------------------------------------------------
// Scoring rules of a leaf

const Points = withDescription(Dec, 'Points (may be negative only where the criterion declares a negative floor).');

export const Tier = withMeta(
  z.strictObject({
    min: withDescription(opt(Dec), 'Lower bound; omit for no lower bound.'),
    minInclusive: withDescription(opt(z.boolean()), 'Required with min: true for "from X", false for "above X".'),
    max: withDescription(opt(Dec), 'Upper bound; omit for no upper bound.'),
    maxInclusive: withDescription(opt(z.boolean()), 'Required with max: false for "under Y", true for "up to Y".'),
    points: Points,
    label: opt(Text),
  }),
  { id: 'Tier', description: 'One tier: explicit bounds with their inclusivity, and its points.' },
);
export type Tier = z.infer<typeof Tier>;

const ruleBase = {
  note: opt(LongText),
};

export const BooleanRule = z.strictObject({
  type: z.literal('boolean'),
  input: Identifier,
  points: withDescription(opt(Points), 'Points when true. Default: the maximum.'),
  otherwise: withDescription(opt(Points), 'Points when false. Default 0.'),
  ...ruleBase,
});

export const LevelsRule = z.strictObject({
  type: z.literal('levels'),
  input: Identifier,
  points: withDescription(z.record(Identifier, Points), 'Points per level id; every level of the input must appear.'),
  ...ruleBase,
});

export const FractionRule = z.strictObject({
  type: z.literal('fraction'),
  input: Identifier,
  fractions: withDescription(z.record(Identifier, Dec), 'Fraction of the maximum per level id (1 = full, 0.5 = half).'),
  ...ruleBase,
});

export const AllOfRule = z.strictObject({
  type: z.literal('allOf'),
  conditions: z.array(Condition).check(z.minLength(1), z.maxLength(50)),
  points: withDescription(opt(Points), 'Points when all hold. Default: the maximum.'),
  otherwise: withDescription(opt(Points), 'Default 0.'),
  ...ruleBase,
});

export const ZeroDenominator = z.enum(['notApplicable', 'zeroPoints', 'fullPoints']);

export const TiersRule = z.strictObject({
  type: z.literal('tiers'),
  value: ValueRef,
  tiers: z.array(Tier).check(z.minLength(1), z.maxLength(50)),
  onZeroDenominator: withDescription(opt(ZeroDenominator), 'For a ratio whose denominator is 0. Default notApplicable.'),
  ...ruleBase,
});

export const ProportionalRule = z.strictObject({
  type: z.literal('proportional'),
  value: ValueRef,
  fullAt: withDescription(Dec, 'The value that earns the full maximum (e.g. 100 for a percentage).'),
  zeroAt: withDescription(opt(Dec), 'The value that earns 0. Default 0.'),
  onZeroDenominator: opt(ZeroDenominator),
  ...ruleBase,
});

export const Part = withMeta(
  z.strictObject({
    id: Identifier,
    label: Text,
    labelEn: opt(Text),
    when: Condition,
    points: opt(Points),
    fraction: withDescription(opt(Dec), 'Fraction of the maximum, instead of points.'),
  }),
  { id: 'Part' },
);

export const PartsRule = z.strictObject({
  type: z.literal('parts'),
  parts: z.array(Part).check(z.minLength(1), z.maxLength(50)),
  ...ruleBase,
});

export const PerItemRule = z.strictObject({
  type: z.literal('perItem'),
  input: withDescription(Identifier, 'A count input: the number of items.'),
  base: withDescription(opt(Points), 'Points before any item. Default: the maximum for a deduction, 0 for a bonus.'),
  each: withDescription(Dec, 'Change per item: negative for a deduction, positive for a bonus.'),
  limit: withDescription(opt(NonNegDec), 'Largest total change, as a positive number (the cap of the deduction or bonus).'),
  ...ruleBase,
});

export const SurveyRule = z.strictObject({
  type: z.literal('survey'),
  input: withDescription(Identifier, 'A tally input: answer counts per option.'),
  weights: withDescription(z.record(Identifier, Dec), 'Weight of each option between 0 and 1 (A 1, B 0.6, C 0.2, D 0).'),
  minAnswers: withDescription(opt(z.number().check(z.int(), z.minimum(1))), 'Fewer valid answers than this: not applicable.'),
  ...ruleBase,
});

export const OnTimeItem = withMeta(
  z.strictObject({
    input: withDescription(Identifier, 'A date input: when it was done or sent.'),
    deadline: z.union([IsoDate, z.strictObject({ input: Identifier })]),
    label: opt(Text),
  }),
  { id: 'OnTimeItem' },
);

export const OnTimeRule = z.strictObject({
  type: z.literal('onTime'),
  items: z.array(OnTimeItem).check(z.minLength(1), z.maxLength(50)),
  points: withDescription(opt(Points), 'All done by their deadline. Default: the maximum.'),
  late: withDescription(opt(Points), 'All done, some late. Default 0.'),
  missing: withDescription(opt(Points), 'Some not done. Default 0.'),
  ...ruleBase,
});

export const ExpressionRule = z.strictObject({
  type: z.literal('expression'),
  logic: withDescription(Logic, 'A json-logic expression yielding points; arithmetic is exact.'),
  ...ruleBase,
});

export const Rule = withMeta(
  z.discriminatedUnion('type', [
    BooleanRule,
    LevelsRule,
    FractionRule,
    AllOfRule,
    TiersRule,
    ProportionalRule,
    PartsRule,
    PerItemRule,
    SurveyRule,
    OnTimeRule,
    ExpressionRule,
  ]),
  { id: 'Rule', description: 'How a leaf criterion turns its inputs into points.' },
);
export type Rule = z.infer<typeof Rule>;
export type RuleType = Rule['type'];

// ---------------------------------------------------------------------------------------------------
// The tree

export const NotApplicablePolicy = z.enum(['fullPoints', 'reduceMaximum']);
export type NotApplicablePolicy = z.infer<typeof NotApplicablePolicy>;
export const MissingEvidencePolicy = z.enum(['zero', 'scoreAndFlag']);
export type MissingEvidencePolicy = z.infer<typeof MissingEvidencePolicy>;

export const Applicability = withMeta(
  z.strictObject({
    notApplicableWhen: Condition,
    policy: withDescription(opt(NotApplicablePolicy), "Overrides the set's policy for this criterion."),
    reason: withDescription(opt(Text), 'Why the criterion may not apply, e.g. "no legal document assigned".'),
  }),
  { id: 'Applicability' },
);

export type CriterionNode = {
  code: string;
  title: string;
  titleEn?: string | undefined;
  max: Dec;
  source?: z.infer<typeof Source> | undefined;
  description?: string | undefined;
  part?: string | undefined;
  floor?: Dec | undefined;
  cap?: Dec | undefined;
  applicability?: z.infer<typeof Applicability> | undefined;
  missingEvidence?: MissingEvidencePolicy | undefined;
  children?: CriterionNode[] | undefined;
  inputs?: InputDef[] | undefined;
  documents?: DocumentReq[] | undefined;
  rule?: Rule | undefined;
};

export const CriterionNode: z.ZodMiniType<CriterionNode> = withMeta(
  z.lazy(() =>
    z.strictObject({
      code: Code,
      title: withDescription(Text, 'Vietnamese title.'),
      titleEn: opt(Text),
      max: withDescription(NonNegDec, 'The maximum (điểm tối đa).'),
      source: withDescription(opt(Source), 'Required on leaves: the document and article the criterion comes from.'),
      description: opt(LongText),
      part: withDescription(opt(Identifier), 'On a field: which part of the index it belongs to, e.g. "assessment" or "survey".'),
      floor: withDescription(opt(Dec), 'Lowest points of the node. Default 0; negative allows a deduction below zero.'),
      cap: withDescription(opt(NonNegDec), 'On a parent: points above this are cut (children may then sum above it).'),
      applicability: opt(Applicability),
      missingEvidence: withDescription(opt(MissingEvidencePolicy), "Overrides the set's policy for this criterion."),
      children: opt(z.array(CriterionNode).check(z.minLength(1), z.maxLength(200))),
      inputs: opt(z.array(InputDef).check(z.maxLength(50))),
      documents: opt(z.array(DocumentReq).check(z.maxLength(20))),
      rule: opt(Rule),
    }),
  ),
  { id: 'Criterion', description: 'A field, criterion or sub-criterion: a parent with children, or a leaf with a rule.' },
);

// ---------------------------------------------------------------------------------------------------
// Set-level declarations

export const RoundingLevel = z.enum(['criterion', 'field', 'part', 'total', 'index']);
export type RoundingLevel = z.infer<typeof RoundingLevel>;
export const RoundingMode = z.enum(['halfUp', 'halfEven', 'down', 'up']);
export type RoundingMode = z.infer<typeof RoundingMode>;

export const Rounding = withMeta(
  z.strictObject({
    level: withDescription(RoundingLevel, 'Where rounding applies: each leaf criterion, each field, each part, the total points, or the index.'),
    places: z.number().check(z.int(), z.minimum(0), z.maximum(6)),
    mode: withDescription(RoundingMode, 'halfUp as published; halfEven (banker\'s); down (toward zero); up (away from zero).'),
  }),
  { id: 'Rounding' },
);
export type Rounding = z.infer<typeof Rounding>;

export const Band = withMeta(
  z.strictObject({
    code: z.string().check(z.minLength(1), z.maxLength(20)),
    label: Text,
    labelEn: opt(Text),
    min: opt(Dec),
    minInclusive: opt(z.boolean()),
    max: opt(Dec),
    maxInclusive: opt(z.boolean()),
  }),
  { id: 'Band', description: 'A classification band with explicit bounds on the index.' },
);
export type Band = z.infer<typeof Band>;

export const AdjustmentBlock = withMeta(
  z.strictObject({
    title: Text,
    titleEn: opt(Text),
    max: withDescription(NonNegDec, 'Cap of the whole block per period.'),
    items: z.array(CriterionNode).check(z.minLength(1), z.maxLength(100)),
  }),
  { id: 'AdjustmentBlock', description: 'Bonus or penalty items, capped as a block.' },
);

export const CriteriaSet = withMeta(
  z.strictObject({
    $schema: opt(z.string()),
    formatVersion: z.literal(FORMAT_VERSION),
    id: z
      .string()
      .check(
        matches(/^[a-z0-9]+([.-][a-z0-9]+){0,10}$/, 'must be lowercase words joined by "." or "-", e.g. "model.commune-par"', 'phải là các từ viết thường nối bằng "." hoặc "-", ví dụ "model.commune-par"'),
        z.maxLength(100),
      ),
    version: z
      .string()
      .check(matches(/^[0-9]{4}(\.[0-9]{1,4}){0,2}$/, 'must be a year with optional revisions, e.g. "2026" or "2026.1"', 'phải là năm, có thể kèm số hiệu chỉnh, ví dụ "2026" hoặc "2026.1"')),
    title: Text,
    titleEn: opt(Text),
    status: withDescription(z.enum(['official', 'model', 'draft']), 'official: as issued; model: built on published rule shapes; draft.'),
    statusNote: opt(LongText),
    kind: opt(z.enum(['par', 'targets', 'satisfaction', 'digital', 'other'])),
    issuer: withDescription(Text, 'Who issued the criteria set.'),
    decision: withDescription(
      z.strictObject({ number: Text, date: IsoDate, title: opt(Text), url: opt(maxString(2000)) }),
      'The decision that issued the set (for a model set: the document it is modelled on).',
    ),
    period: z.strictObject({ from: IsoDate, to: IsoDate, label: opt(Text) }),
    unitLevels: opt(z.array(z.enum(['commune', 'ward', 'department', 'province', 'ministry'])).check(z.minLength(1))),
    scale: withDescription(NonNegDec, 'The index scale, usually 100.'),
    policies: z.strictObject({
      notApplicable: withDescription(NotApplicablePolicy, 'fullPoints: counts full points; reduceMaximum: leaves the maximum.'),
      missingEvidence: withDescription(MissingEvidencePolicy, 'zero: no points without the required documents; scoreAndFlag: score, flag for explanation.'),
      ranking: withDescription(z.enum(['dense', 'competition']), 'Ties share a rank; dense: 1,2,3,3,4; competition: 1,2,3,3,5.'),
    }),
    rounding: withDescription(opt(z.array(Rounding).check(z.maxLength(5))), 'Nothing is rounded unless declared here.'),
    displayPlaces: withDescription(opt(z.number().check(z.int(), z.minimum(0), z.maximum(6))), 'Places shown in reports (display only, default 2).'),
    classification: opt(z.array(Band).check(z.maxLength(20))),
    inputs: withDescription(opt(z.array(InputDef).check(z.maxLength(200))), 'Inputs shared by several criteria (unit facts).'),
    fields: z.array(CriterionNode).check(z.minLength(1), z.maxLength(50)),
    bonus: opt(AdjustmentBlock),
    penalty: opt(AdjustmentBlock),
    notes: opt(LongText),
  }),
  { id: 'CriteriaSet', title: 'parindex criteria set', description: 'One criteria set (bộ tiêu chí) for one period.' },
);
export type CriteriaSet = z.infer<typeof CriteriaSet>;
