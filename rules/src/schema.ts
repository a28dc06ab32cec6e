/**
 * The criteria-set format, defined once: the tree of criteria and the set-level declarations. The
 * building blocks are in ./primitives.ts and each rule kind's schema is in its module under ./kinds/.
 * The TypeScript types are inferred from these zod schemas and the committed JSON Schema
 * (`rules/criteria-set.schema.json`) is generated from them (`pnpm schema`; a test fails when the two
 * drift apart).
 *
 * The schemas use `zod/mini` (functions instead of methods), which keeps the engine's browser bundle
 * small and free of zod's `new Function` JIT.
 *
 * Decimals (maxima, points, bounds, weights) are written as JSON numbers (`0.25`) or as decimal strings
 * (`"0.25"`); the engine reads both exactly through their decimal text, never through binary floats.
 */
import * as z from 'zod/mini';
import { RULE_SCHEMAS } from './kinds/index.js';
import {
  Code,
  Condition,
  Dec,
  DocumentReq,
  FORMAT_VERSION,
  Identifier,
  InputDef,
  IsoDate,
  LongText,
  matches,
  maxString,
  NonNegDec,
  opt,
  Source,
  Text,
  UnitLevel,
  withDescription,
  withMeta,
} from './primitives.js';

export * from './primitives.js';
export type { AllOfRule } from './kinds/all-of.js';
export type { BooleanRule } from './kinds/boolean.js';
export type { ExpressionRule } from './kinds/expression.js';
export type { GivenRule } from './kinds/given.js';
export type { TargetsRule } from './kinds/targets.js';
export type { FractionRule, LevelsRule } from './kinds/levels.js';
export type { OnTimeRule } from './kinds/on-time.js';
export type { PartsRule } from './kinds/parts.js';
export type { PerItemRule } from './kinds/per-item.js';
export type { ProportionalRule } from './kinds/proportional.js';
export type { SurveyRule } from './kinds/survey.js';
export type { TiersRule } from './kinds/tiers.js';

export const Rule = withMeta(z.discriminatedUnion('type', [...RULE_SCHEMAS]), { id: 'Rule', description: 'How a leaf criterion turns its inputs into points.' });
export type Rule = z.infer<typeof Rule>;

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
    reasonEn: withDescription(opt(Text), 'The reason in English.'),
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
      part: withDescription(opt(Identifier), 'On a top-level field (a group or a leaf): which part of the index it belongs to, e.g. "assessment" or "survey".'),
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

export const RoundingLevel = z.enum(['criterion', 'field', 'part', 'total', 'index', 'meanIndex', 'share']);
export type RoundingLevel = z.infer<typeof RoundingLevel>;
export const RoundingMode = z.enum(['halfUp', 'halfEven', 'down', 'up']);
export type RoundingMode = z.infer<typeof RoundingMode>;
export const PartsInTotal = z.enum(['roundedParts', 'exactParts']);
export type PartsInTotal = z.infer<typeof PartsInTotal>;

export const Rounding = withMeta(
  z.strictObject({
    level: withDescription(
      RoundingLevel,
      'Where rounding applies: each leaf criterion, each field, each part, the total points, or the index; in a ranking, the mean index (meanIndex) and the share of each band (share), both 2 places half up when not declared.',
    ),
    places: z.number().check(z.int(), z.minimum(0), z.maximum(6)),
    mode: withDescription(RoundingMode, "halfUp as published; halfEven (banker's); down (toward zero); up (away from zero)."),
    part: withDescription(opt(Identifier), 'With level "part": this part only (it takes the place of a "part" rounding without `part` for it).'),
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
    id: z.string().check(matches(/^[a-z0-9]+([.-][a-z0-9]+){0,10}$/, 'setId'), z.maxLength(100)),
    version: z.string().check(matches(/^[0-9]{4}(\.[0-9]{1,4}){0,2}$/, 'setVersion')),
    title: Text,
    titleEn: opt(Text),
    status: withDescription(z.enum(['official', 'model', 'draft']), 'official: as issued; model: built on published rule shapes; draft.'),
    statusNote: withDescription(opt(LongText), 'What the status means for this set (e.g. what a model set is built on), shown by `rules show`.'),
    statusNoteEn: withDescription(opt(LongText), 'The status note in English, shown with --lang en.'),
    kind: opt(z.enum(['par', 'targets', 'satisfaction', 'digital', 'other'])),
    issuer: withDescription(Text, 'Who issued the criteria set.'),
    issuerEn: withDescription(opt(Text), 'The issuer in English, shown with --lang en (e.g. "People\'s Committee of Kiên Thọ commune").'),
    decision: withDescription(
      z.strictObject({
        number: withDescription(Text, 'The document as issued: its kind, number and symbol, e.g. "Nghị quyết số 76/NQ-CP".'),
        numberEn: withDescription(opt(Text), 'The same in English, shown with --lang en, e.g. "Resolution No. 76/NQ-CP".'),
        date: withDescription(z.nullable(IsoDate), 'YYYY-MM-DD, or null when the date is not known (shown as "date unknown"); never a placeholder.'),
        title: opt(Text),
        url: opt(maxString(2000)),
      }),
      'The decision that issued the set (for a model set: the document it is modelled on).',
    ),
    period: z.strictObject({ from: IsoDate, to: IsoDate, label: opt(Text), labelEn: opt(Text) }),
    unitLevels: withDescription(
      opt(z.array(UnitLevel).check(z.minLength(1), z.maxLength(11))),
      'The levels of the units the set is for; evidence of another level is an error (EVIDENCE_LEVEL_NOT_IN_SET).',
    ),
    scale: withDescription(NonNegDec, 'The index scale, usually 100.'),
    policies: z.strictObject({
      notApplicable: withDescription(NotApplicablePolicy, 'fullPoints: counts full points; reduceMaximum: leaves the maximum.'),
      missingEvidence: withDescription(MissingEvidencePolicy, 'zero: no points without the required documents; scoreAndFlag: score, flag for explanation.'),
      ranking: withDescription(z.enum(['dense', 'competition']), 'Ties share a rank; dense: 1,2,3,3,4; competition: 1,2,3,3,5.'),
      indexAboveScale: withDescription(
        opt(z.enum(['cap', 'allow'])),
        'When bonus points lift the index above the scale: cap it at the scale, or allow it (default allow). The trace says which applied.',
      ),
      partsInTotal: withDescription(
        opt(PartsInTotal),
        'With part rounding: roundedParts (default), the total is the sum of the rounded parts; exactParts, each part is rounded for publication only and the total is computed from the exact parts (then rounded at "total" where declared).',
      ),
    }),
    rounding: withDescription(opt(z.array(Rounding).check(z.maxLength(30))), 'Nothing is rounded unless declared here.'),
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
