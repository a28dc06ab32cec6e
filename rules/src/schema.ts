/**
 * The criteria-set format, defined once. The TypeScript types are inferred from these zod schemas and
 * the committed JSON Schema (`rules/criteria-set.schema.json`) is generated from them
 * (`pnpm schema`; a test fails when the two drift apart).
 *
 * Decimals (maxima, points, bounds, weights) are written as JSON numbers (`0.25`) or as decimal strings
 * (`"0.25"`); the engine reads both exactly through their decimal text, never through binary floats.
 */
import * as z from 'zod';

/** Version of the file format itself (not of a criteria set). */
export const FORMAT_VERSION = 1 as const;

const DECIMAL_TEXT = /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$/;

/** A decimal written as a JSON number or as a decimal string such as "0.25". */
export const Dec = z
  .union([
    z.number(),
    z.string().regex(DECIMAL_TEXT, { message: 'must be a decimal such as "0.25" (dot as decimal separator)' }),
  ])
  .meta({ id: 'Decimal', description: 'A decimal: a JSON number or a string such as "0.25".' });
export type Dec = z.infer<typeof Dec>;

const NON_NEG_DECIMAL_TEXT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$/;

/** A non-negative decimal. */
export const NonNegDec = z
  .union([
    z.number().min(0),
    z.string().regex(NON_NEG_DECIMAL_TEXT, { message: 'must be a non-negative decimal such as "0.25"' }),
  ])
  .meta({ id: 'NonNegativeDecimal', description: 'A decimal ≥ 0: a JSON number or a string such as "0.25".' });

export const Identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'must be lower_snake_case: a letter, then letters, digits or _' })
  .meta({ id: 'Identifier', description: 'An identifier such as plan_issued_on (lower_snake_case).' });

export const Code = z
  .string()
  .regex(/^[A-Z]{0,3}[0-9]{1,3}(\.[0-9]{1,3}){0,5}$/, {
    message: 'must be a criterion code such as "1", "1.2", "1.2.3" or "B1" (letters only as prefix)',
  })
  .meta({ id: 'Code', description: 'A criterion code: "1", "1.2", "1.2.3"; bonus/penalty items may carry a prefix, e.g. "B1".' });

export const IsoDate = z
  .string()
  .regex(/^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, { message: 'must be a date written YYYY-MM-DD' })
  .meta({ id: 'IsoDate', description: 'A calendar date, YYYY-MM-DD.' });

const Text = z.string().min(1).max(2000);
const LongText = z.string().max(20000);

export const Source = z
  .object({
    document: Text.describe('The document the criterion comes from, e.g. "Quyết định 1149/QĐ-BNV (2025)".'),
    article: Text.optional().describe('Article, section or appendix item within that document.'),
    note: LongText.optional(),
    url: z.string().max(2000).optional(),
  })
  .strict()
  .meta({ id: 'Source', description: 'Where a criterion comes from.' });

// ---------------------------------------------------------------------------------------------------
// Inputs and documents

export const InputType = z.enum(['boolean', 'level', 'count', 'decimal', 'percent', 'date', 'tally']);
export type InputType = z.infer<typeof InputType>;

export const Option = z
  .object({ id: Identifier, label: Text, labelEn: Text.optional() })
  .strict()
  .meta({ id: 'Option', description: 'A named level or a survey answer option.' });

export const InputDef = z
  .object({
    id: Identifier,
    type: InputType,
    label: Text.describe('Vietnamese label shown to the officer.'),
    labelEn: Text.optional(),
    unit: Text.optional().describe('Unit of a count or decimal, e.g. "hồ sơ" (dossiers).'),
    unitEn: Text.optional(),
    required: z.boolean().optional().describe('Default true. A required input without a value is missing evidence.'),
    options: z.array(Option).min(1).max(50).optional().describe('For type "level" and "tally": the allowed options.'),
    min: Dec.optional().describe('Smallest allowed value (count, decimal, percent).'),
    max: Dec.optional().describe('Largest allowed value (count, decimal, percent).'),
    atMost: Identifier.optional().describe('The value may not exceed this other input (e.g. on-time ≤ resolved).'),
    withinPeriod: z.boolean().optional().describe('For dates: warn when the date lies outside the set period.'),
    help: LongText.optional(),
  })
  .strict()
  .meta({ id: 'Input', description: 'A typed evidence input.' });
export type InputDef = z.infer<typeof InputDef>;

export const DocumentReq = z
  .object({
    id: Identifier,
    kind: Text.describe('Kind of document, e.g. "Kế hoạch", "Báo cáo", "Quyết định".'),
    label: Text,
    labelEn: Text.optional(),
    required: z.boolean().optional().describe('Default true.'),
  })
  .strict()
  .meta({ id: 'DocumentRequirement', description: 'A document that proves a criterion (tài liệu kiểm chứng).' });
export type DocumentReq = z.infer<typeof DocumentReq>;

// ---------------------------------------------------------------------------------------------------
// Values, conditions and expressions

/** A json-logic expression (allow-listed operators only; checked when the set is validated). */
export const Logic = z.unknown().meta({ id: 'Logic', description: 'A json-logic expression over the declared inputs.' });

export const Ratio = z
  .object({
    numerator: Identifier,
    denominator: Identifier,
    times: Dec.optional().describe('Multiply the ratio, e.g. 100 for a percentage. Default 1.'),
  })
  .strict()
  .meta({ id: 'Ratio', description: 'numerator ÷ denominator × times.' });

export const ValueRef = z
  .union([
    z.object({ input: Identifier }).strict(),
    z.object({ ratio: Ratio }).strict(),
  ])
  .meta({ id: 'ValueRef', description: 'The value a rule reads: one input, or a ratio of two inputs.' });
export type ValueRef = z.infer<typeof ValueRef>;

export const CompareOp = z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn']);

export type Condition =
  | { input: string; op: z.infer<typeof CompareOp>; value: unknown }
  | { input: string; is: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { logic: unknown };

export const Condition: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z.object({ input: Identifier, is: z.boolean() }).strict(),
      z
        .object({
          input: Identifier,
          op: CompareOp,
          value: z.union([Dec, z.string().max(200), z.boolean(), z.array(z.union([z.string().max(200), Dec])).max(100)]),
        })
        .strict(),
      z.object({ all: z.array(Condition).min(1).max(50) }).strict(),
      z.object({ any: z.array(Condition).min(1).max(50) }).strict(),
      z.object({ not: Condition }).strict(),
      z.object({ logic: Logic }).strict(),
    ]),
  )
  .meta({ id: 'Condition', description: 'A condition over inputs: compare, is, all, any, not, or a json-logic expression.' });

// ---------------------------------------------------------------------------------------------------
// Scoring rules of a leaf

const Points = Dec.describe('Points (may be negative only where the criterion declares a negative floor).');

export const Tier = z
  .object({
    min: Dec.optional().describe('Lower bound; omit for no lower bound.'),
    minInclusive: z.boolean().optional().describe('Required with min: true for "from X", false for "above X".'),
    max: Dec.optional().describe('Upper bound; omit for no upper bound.'),
    maxInclusive: z.boolean().optional().describe('Required with max: false for "under Y", true for "up to Y".'),
    points: Points,
    label: Text.optional(),
  })
  .strict()
  .meta({ id: 'Tier', description: 'One tier: explicit bounds with their inclusivity, and its points.' });
export type Tier = z.infer<typeof Tier>;

const ruleBase = {
  note: LongText.optional(),
};

export const BooleanRule = z
  .object({
    type: z.literal('boolean'),
    input: Identifier,
    points: Points.optional().describe('Points when true. Default: the maximum.'),
    otherwise: Points.optional().describe('Points when false. Default 0.'),
    ...ruleBase,
  })
  .strict();

export const LevelsRule = z
  .object({
    type: z.literal('levels'),
    input: Identifier,
    points: z.record(Identifier, Points).describe('Points per level id; every level of the input must appear.'),
    ...ruleBase,
  })
  .strict();

export const FractionRule = z
  .object({
    type: z.literal('fraction'),
    input: Identifier,
    fractions: z.record(Identifier, Dec).describe('Fraction of the maximum per level id (1 = full, 0.5 = half).'),
    ...ruleBase,
  })
  .strict();

export const AllOfRule = z
  .object({
    type: z.literal('allOf'),
    conditions: z.array(Condition).min(1).max(50),
    points: Points.optional().describe('Points when all hold. Default: the maximum.'),
    otherwise: Points.optional().describe('Default 0.'),
    ...ruleBase,
  })
  .strict();

export const ZeroDenominator = z.enum(['notApplicable', 'zeroPoints', 'fullPoints']);

export const TiersRule = z
  .object({
    type: z.literal('tiers'),
    value: ValueRef,
    tiers: z.array(Tier).min(1).max(50),
    onZeroDenominator: ZeroDenominator.optional().describe('For a ratio whose denominator is 0. Default notApplicable.'),
    ...ruleBase,
  })
  .strict();

export const ProportionalRule = z
  .object({
    type: z.literal('proportional'),
    value: ValueRef,
    fullAt: Dec.describe('The value that earns the full maximum (e.g. 100 for a percentage).'),
    zeroAt: Dec.optional().describe('The value that earns 0. Default 0.'),
    onZeroDenominator: ZeroDenominator.optional(),
    ...ruleBase,
  })
  .strict();

export const Part = z
  .object({
    id: Identifier,
    label: Text,
    labelEn: Text.optional(),
    when: Condition,
    points: Points.optional(),
    fraction: Dec.optional().describe('Fraction of the maximum, instead of points.'),
  })
  .strict()
  .meta({ id: 'Part' });

export const PartsRule = z
  .object({
    type: z.literal('parts'),
    parts: z.array(Part).min(1).max(50),
    ...ruleBase,
  })
  .strict();

export const PerItemRule = z
  .object({
    type: z.literal('perItem'),
    input: Identifier.describe('A count input: the number of items.'),
    base: Points.optional().describe('Points before any item. Default: the maximum for a deduction, 0 for a bonus.'),
    each: Dec.describe('Change per item: negative for a deduction, positive for a bonus.'),
    limit: NonNegDec.optional().describe('Largest total change, as a positive number (the cap of the deduction or bonus).'),
    ...ruleBase,
  })
  .strict();

export const SurveyRule = z
  .object({
    type: z.literal('survey'),
    input: Identifier.describe('A tally input: answer counts per option.'),
    weights: z.record(Identifier, Dec).describe('Weight of each option between 0 and 1 (A 1, B 0.6, C 0.2, D 0).'),
    minAnswers: z.number().int().min(1).optional().describe('Fewer valid answers than this: not applicable.'),
    ...ruleBase,
  })
  .strict();

export const OnTimeItem = z
  .object({
    input: Identifier.describe('A date input: when it was done or sent.'),
    deadline: z.union([IsoDate, z.object({ input: Identifier }).strict()]),
    label: Text.optional(),
  })
  .strict()
  .meta({ id: 'OnTimeItem' });

export const OnTimeRule = z
  .object({
    type: z.literal('onTime'),
    items: z.array(OnTimeItem).min(1).max(50),
    points: Points.optional().describe('All done by their deadline. Default: the maximum.'),
    late: Points.optional().describe('All done, some late. Default 0.'),
    missing: Points.optional().describe('Some not done. Default 0.'),
    ...ruleBase,
  })
  .strict();

export const ExpressionRule = z
  .object({
    type: z.literal('expression'),
    logic: Logic.describe('A json-logic expression yielding points; arithmetic is exact.'),
    ...ruleBase,
  })
  .strict();

export const Rule = z
  .discriminatedUnion('type', [
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
  ])
  .meta({ id: 'Rule', description: 'How a leaf criterion turns its inputs into points.' });
export type Rule = z.infer<typeof Rule>;
export type RuleType = Rule['type'];

// ---------------------------------------------------------------------------------------------------
// The tree

export const NotApplicablePolicy = z.enum(['fullPoints', 'reduceMaximum']);
export type NotApplicablePolicy = z.infer<typeof NotApplicablePolicy>;
export const MissingEvidencePolicy = z.enum(['zero', 'scoreAndFlag']);
export type MissingEvidencePolicy = z.infer<typeof MissingEvidencePolicy>;

export const Applicability = z
  .object({
    notApplicableWhen: Condition,
    policy: NotApplicablePolicy.optional().describe("Overrides the set's policy for this criterion."),
    reason: Text.optional().describe('Why the criterion may not apply, e.g. "no legal document assigned".'),
  })
  .strict()
  .meta({ id: 'Applicability' });

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

export const CriterionNode: z.ZodType<CriterionNode> = z
  .lazy(() =>
    z
      .object({
        code: Code,
        title: Text.describe('Vietnamese title.'),
        titleEn: Text.optional(),
        max: NonNegDec.describe('The maximum (điểm tối đa).'),
        source: Source.optional().describe('Required on leaves: the document and article the criterion comes from.'),
        description: LongText.optional(),
        part: Identifier.optional().describe('On a field: which part of the index it belongs to, e.g. "assessment" or "survey".'),
        floor: Dec.optional().describe('Lowest points of the node. Default 0; negative allows a deduction below zero.'),
        cap: NonNegDec.optional().describe('On a parent: points above this are cut (children may then sum above it).'),
        applicability: Applicability.optional(),
        missingEvidence: MissingEvidencePolicy.optional().describe("Overrides the set's policy for this criterion."),
        children: z.array(CriterionNode).min(1).max(200).optional(),
        inputs: z.array(InputDef).max(50).optional(),
        documents: z.array(DocumentReq).max(20).optional(),
        rule: Rule.optional(),
      })
      .strict(),
  )
  .meta({ id: 'Criterion', description: 'A field, criterion or sub-criterion: a parent with children, or a leaf with a rule.' });

// ---------------------------------------------------------------------------------------------------
// Set-level declarations

export const RoundingLevel = z.enum(['criterion', 'field', 'part', 'total', 'index']);
export type RoundingLevel = z.infer<typeof RoundingLevel>;
export const RoundingMode = z.enum(['halfUp', 'halfEven', 'down', 'up']);
export type RoundingMode = z.infer<typeof RoundingMode>;

export const Rounding = z
  .object({
    level: RoundingLevel.describe('Where rounding applies: each leaf criterion, each field, each part, the total points, or the index.'),
    places: z.number().int().min(0).max(6),
    mode: RoundingMode.describe('halfUp as published; halfEven (banker\'s); down (toward zero); up (away from zero).'),
  })
  .strict()
  .meta({ id: 'Rounding' });
export type Rounding = z.infer<typeof Rounding>;

export const Band = z
  .object({
    code: z.string().min(1).max(20),
    label: Text,
    labelEn: Text.optional(),
    min: Dec.optional(),
    minInclusive: z.boolean().optional(),
    max: Dec.optional(),
    maxInclusive: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'Band', description: 'A classification band with explicit bounds on the index.' });
export type Band = z.infer<typeof Band>;

export const AdjustmentBlock = z
  .object({
    title: Text,
    titleEn: Text.optional(),
    max: NonNegDec.describe('Cap of the whole block per period.'),
    items: z.array(CriterionNode).min(1).max(100),
  })
  .strict()
  .meta({ id: 'AdjustmentBlock', description: 'Bonus or penalty items, capped as a block.' });

export const CriteriaSet = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    id: z
      .string()
      .regex(/^[a-z0-9]+([.-][a-z0-9]+){0,10}$/, { message: 'must be lowercase words joined by "." or "-", e.g. "model.commune-par"' })
      .max(100),
    version: z
      .string()
      .regex(/^[0-9]{4}(\.[0-9]{1,4}){0,2}$/, { message: 'must be a year with optional revisions, e.g. "2026" or "2026.1"' }),
    title: Text,
    titleEn: Text.optional(),
    status: z.enum(['official', 'model', 'draft']).describe('official: as issued; model: built on published rule shapes; draft.'),
    statusNote: LongText.optional(),
    kind: z.enum(['par', 'targets', 'satisfaction', 'digital', 'other']).optional(),
    issuer: Text.describe('Who issued the criteria set.'),
    decision: z
      .object({ number: Text, date: IsoDate, title: Text.optional(), url: z.string().max(2000).optional() })
      .strict()
      .describe('The decision that issued the set (for a model set: the document it is modelled on).'),
    period: z.object({ from: IsoDate, to: IsoDate, label: Text.optional() }).strict(),
    unitLevels: z.array(z.enum(['commune', 'ward', 'department', 'province', 'ministry'])).min(1).optional(),
    scale: NonNegDec.describe('The index scale, usually 100.'),
    policies: z
      .object({
        notApplicable: NotApplicablePolicy.describe('fullPoints: counts full points; reduceMaximum: leaves the maximum.'),
        missingEvidence: MissingEvidencePolicy.describe('zero: no points without the required documents; scoreAndFlag: score, flag for explanation.'),
        ranking: z.enum(['dense', 'competition']).describe('Ties share a rank; dense: 1,2,3,3,4; competition: 1,2,3,3,5.'),
      })
      .strict(),
    rounding: z.array(Rounding).max(5).optional().describe('Nothing is rounded unless declared here.'),
    displayPlaces: z.number().int().min(0).max(6).optional().describe('Places shown in reports (display only, default 2).'),
    classification: z.array(Band).max(20).optional(),
    inputs: z.array(InputDef).max(200).optional().describe('Inputs shared by several criteria (unit facts).'),
    fields: z.array(CriterionNode).min(1).max(50),
    bonus: AdjustmentBlock.optional(),
    penalty: AdjustmentBlock.optional(),
    notes: LongText.optional(),
  })
  .strict()
  .meta({ id: 'CriteriaSet', title: 'parindex criteria set', description: 'One criteria set (bộ tiêu chí) for one period.' });
export type CriteriaSet = z.infer<typeof CriteriaSet>;
