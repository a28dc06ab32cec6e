/**
 * The result of `score()` as a zod schema, mirroring ./result.ts exactly. A compile-time check below
 * fails the build when the two drift apart; `packages/engine/schema/result.schema.json` is generated
 * from this schema (`node packages/engine/scripts/write-schemas.mjs`) and a test fails when the
 * committed file differs.
 */
import * as z from 'zod/mini';
import {
  DIAGNOSTIC_CODES,
  DecimalText as D,
  ImprovementSchema,
  KIND_STEP_SCHEMAS,
  RoundingLevel,
  RoundingMode,
  RULE_TYPES,
  SCHEMA_REGISTRY,
  withDescription,
  withMeta,
  type Diagnostic,
  type DiagnosticCode,
} from './deps.js';
import { Appraisal } from './appraisal-zod.js';
import { DocumentRef, Evidence, Unit } from './evidence-zod.js';
import type { CompactResult, ScoreResult } from './result.js';

const opt = z.optional;
const int = () => z.number().check(z.int());
const s = z.strictObject;

const codes = DIAGNOSTIC_CODES as [DiagnosticCode, ...DiagnosticCode[]];

/** A param's value: a scalar or a list of scalars (the params of each code are documented in docs/errors.md). */
const ParamScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const ParamValueSchema = z.union([ParamScalarSchema, z.array(ParamScalarSchema)]);

export const DiagnosticSchema = withMeta(
  s({
    code: z.enum(codes),
    severity: z.enum(['error', 'warning']),
    path: withDescription(z.string(), 'JSON pointer into the file.'),
    params: withDescription(z.record(z.string(), ParamValueSchema), 'The data of the problem, by code (ids, decimal texts, dates, pointers, reason codes); @parindex/explain words it.'),
    file: opt(z.string()),
    line: opt(int()),
    column: opt(int()),
  }),
  { id: 'Diagnostic' },
);

export const NodeStatusSchema = z.enum(['scored', 'notApplicable', 'missingEvidence', 'invalid', 'overridden']);

export const FlagCodeSchema = z.enum([
  'notApplicable',
  'missingInput',
  'missingDocument',
  'needsExplanation',
  'explained',
  'claimMismatch',
  'invalid',
  'capped',
  'belowZero',
  'overridden',
  'corrected',
]);

const RuleTypeSchema = z.enum(RULE_TYPES);

/** An input value as given: a decimal string, a level id or a date (all strings), yes/no, or answer counts. */
const TraceValue = z.union([z.string(), z.boolean(), z.record(z.string(), D), z.null()]);

export const RoundingStepSchema = s({ kind: z.literal('round'), level: RoundingLevel, from: D, to: D, places: int(), mode: RoundingMode, part: opt(z.string()) });

const NotApplicablePolicySchema = z.enum(['fullPoints', 'reduceMaximum']);
const notApplicable = <C extends string, T extends Record<string, z.ZodMiniType>>(cause: C, shape: T) =>
  s({ kind: z.literal('notApplicable'), cause: z.literal(cause), ...shape, policy: NotApplicablePolicySchema, points: D });

export const StepSchema = withMeta(
  z.discriminatedUnion('kind', [
    ...KIND_STEP_SCHEMAS,
    s({ kind: z.literal('clamp'), from: D, to: D, bound: z.enum(['max', 'floor', 'cap', 'scale']) }),
    s({ kind: z.literal('aboveScale'), index: D, scale: D }),
    RoundingStepSchema,
    s({ kind: z.literal('partsTotal'), rule: z.enum(['roundedParts', 'exactParts']), printed: D, exact: D }),
    z.discriminatedUnion('cause', [notApplicable('condition', { at: z.string() }), notApplicable('zeroDenominator', { input: z.string() })]),
    s({ kind: z.literal('missing'), inputs: z.array(z.string()), documents: z.array(z.string()), policy: z.enum(['zero', 'scoreAndFlag']), explanation: z.nullable(z.string()) }),
    s({ kind: z.literal('override'), round: z.string(), from: D, to: D, reason: z.string(), by: opt(z.string()), date: opt(z.string()) }),
  ]),
  { id: 'Step' },
);

export { ImprovementSchema };

export const TraceInputSchema = withMeta(
  s({
    id: z.string(),
    label: z.string(),
    labelEn: opt(z.string()),
    type: z.string(),
    unit: opt(z.string()),
    unitEn: opt(z.string()),
    value: TraceValue,
    entry: z.nullable(int()),
    corrected: opt(s({ from: TraceValue, round: z.string(), reason: z.string(), by: opt(z.string()), date: opt(z.string()) })),
  }),
  { id: 'TraceInput' },
);

export const TraceDocumentSchema = withMeta(
  s({
    id: z.string(),
    kind: z.string(),
    kindEn: opt(z.string()),
    label: z.string(),
    labelEn: opt(z.string()),
    required: z.boolean(),
    provided: z.boolean(),
    by: z.array(z.extend(DocumentRef, { entry: int() })),
  }),
  { id: 'TraceDocument' },
);

export const ClaimSchema = withMeta(s({ claimed: D, computed: D, matches: z.boolean(), entry: int() }), { id: 'Claim' });

export const TraceSchema = withMeta(
  s({
    rule: RuleTypeSchema,
    inputs: z.array(TraceInputSchema),
    documents: z.array(TraceDocumentSchema),
    steps: z.array(StepSchema),
    improve: z.array(ImprovementSchema),
    claim: opt(ClaimSchema),
    explanation: opt(z.string()),
    notes: opt(z.array(z.string())),
  }),
  { id: 'Trace' },
);

export interface NodeResultShape {
  code: string;
  title: string;
  titleEn?: string | undefined;
  kind: 'group' | 'leaf';
  nominalMax: string;
  applicableMax: string;
  points: string;
  status: z.infer<typeof NodeStatusSchema>;
  flags: Array<z.infer<typeof FlagCodeSchema>>;
  source?:
    | {
        document?: string | undefined;
        issuer?: string | undefined;
        number?: string | null | undefined;
        date?: string | null | undefined;
        article?: string | undefined;
        quote?: string | undefined;
        model?: boolean | undefined;
        note?: string | undefined;
        noteEn?: string | undefined;
      }
    | undefined;
  part?: string | undefined;
  steps?: Array<z.infer<typeof StepSchema>> | undefined;
  children?: NodeResultShape[] | undefined;
  trace?: z.infer<typeof TraceSchema> | undefined;
}

export const NodeResultSchema: z.ZodMiniType<NodeResultShape> = withMeta(
  z.lazy(() =>
    s({
      code: z.string(),
      title: z.string(),
      titleEn: opt(z.string()),
      kind: z.enum(['group', 'leaf']),
      nominalMax: D,
      applicableMax: D,
      points: D,
      status: NodeStatusSchema,
      flags: z.array(FlagCodeSchema),
      source: opt(
        s({
          document: opt(z.string()),
          issuer: opt(z.string()),
          number: opt(z.nullable(z.string())),
          date: opt(z.nullable(z.string())),
          article: opt(z.string()),
          quote: opt(z.string()),
          model: opt(z.boolean()),
          note: opt(z.string()),
          noteEn: opt(z.string()),
        }),
      ),
      part: opt(z.string()),
      steps: opt(z.array(StepSchema)),
      children: opt(z.array(NodeResultSchema)),
      trace: opt(TraceSchema),
    }),
  ),
  { id: 'NodeResult' },
);

export const BlockResultSchema = withMeta(
  s({
    title: z.string(),
    titleEn: opt(z.string()),
    max: D,
    raw: D,
    points: D,
    capped: z.boolean(),
    items: z.array(NodeResultSchema),
  }),
  { id: 'BlockResult' },
);

export const TotalsSchema = withMeta(
  s({
    treePoints: D,
    bonus: D,
    penalty: D,
    points: D,
    nominalMax: D,
    applicableMax: D,
    scale: D,
    index: D,
    classification: z.nullable(s({ code: z.string(), label: z.string(), labelEn: opt(z.string()) })),
    parts: z.array(s({ part: z.string(), points: D, exact: opt(D), nominalMax: D, applicableMax: D })),
    steps: z.array(StepSchema),
  }),
  { id: 'Totals' },
);

export const ProvenanceSchema = withMeta(
  s({
    engine: z.string(),
    criteriaSet: s({ ref: z.string(), id: z.string(), version: z.string(), status: z.string(), issuer: z.string(), decision: z.string(), sha256: z.string() }),
    evidence: s({ sha256: z.string() }),
    appraisal: opt(s({ sha256: z.string(), round: z.string() })),
    plan: opt(s({ id: z.string(), sha256: z.string(), progressSha256: z.nullable(z.string()), evidenceSha256: z.string() })),
  }),
  { id: 'Provenance' },
);

const PeriodSchema = s({ from: z.string(), to: z.string(), label: opt(z.string()) });
const FlagListSchema = z.array(s({ code: FlagCodeSchema, criterion: z.string() }));
const UnusedListSchema = z.array(s({ entry: int(), criterion: opt(z.string()), input: opt(z.string()), reason: z.enum(['notApplicable', 'notReferenced', 'unknown']) }));

/** What both forms of a result begin with (after formatVersion, and the compact form's "form"). */
const resultHead = { provenance: ProvenanceSchema, unit: Unit, period: PeriodSchema, sample: z.boolean(), stage: z.string(), totals: TotalsSchema };

export const ScoreResultSchema = withMeta(
  s({
    formatVersion: z.literal(1),
    ...resultHead,
    fields: z.array(NodeResultSchema),
    bonus: opt(BlockResultSchema),
    penalty: opt(BlockResultSchema),
    flags: FlagListSchema,
    diagnostics: z.array(DiagnosticSchema),
    unused: UnusedListSchema,
  }),
  { id: 'ScoreResult', title: 'parindex score result', description: 'The result of score(): every number an exact decimal string.' },
);

const FieldSummarySchema = s({ code: z.string(), title: z.string(), titleEn: opt(z.string()), nominalMax: D, applicableMax: D, points: D, status: NodeStatusSchema });
const BlockSummarySchema = s({ max: D, raw: D, points: D, capped: z.boolean() });

export const CompactResultSchema = withMeta(
  s({
    formatVersion: z.literal(1),
    form: z.literal('compact'),
    ...resultHead,
    fields: z.array(FieldSummarySchema),
    bonus: opt(BlockSummarySchema),
    penalty: opt(BlockSummarySchema),
    criteria: withDescription(
      z.array(s({ code: z.string(), status: NodeStatusSchema, points: D, applicableMax: D, flags: z.array(FlagCodeSchema) })),
      'Every criterion: each field with its sub-criteria depth first, then the bonus items, then the penalty items.',
    ),
    flags: FlagListSchema,
    diagnostics: z.array(DiagnosticSchema),
    unused: UnusedListSchema,
  }),
  {
    id: 'CompactResult',
    title: 'parindex score result, compact form',
    description: "score(…, { form: 'compact' }): the full result's totals, fields, flags, diagnostics and provenance, and each criterion's points and status, without the trace.",
  },
);

/** Either form of a result: the full tree (no `form` key) or the compact form (`form: "compact"`). */
export const AnyResultSchema = z.union([ScoreResultSchema, CompactResultSchema]);

// Compile-time check: the schema and the hand-written types describe the same JSON.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The schema's diagnostics are the JSON of every code's params; the TypeScript type is the union typed
// per code, which fits the schema's form.
type WireDiagnostic = z.infer<typeof DiagnosticSchema>;
type Inferred = Omit<z.infer<typeof ScoreResultSchema>, 'diagnostics'>;
const schemaMatchesTypes: Equal<Inferred, Omit<ScoreResult, 'diagnostics'>> = true;
const diagnosticsFitSchema: Diagnostic extends WireDiagnostic ? true : false = true;
const compactMatchesTypes: Equal<Omit<z.infer<typeof CompactResultSchema>, 'diagnostics'>, Omit<CompactResult, 'diagnostics'>> = true;
void compactMatchesTypes;
void schemaMatchesTypes;
void diagnosticsFitSchema;

/**
 * The JSON Schemas the engine publishes, by file name under packages/engine/schema/. Written by
 * scripts/write-schemas.mjs; a test fails when the committed files differ.
 */
export function engineJsonSchemas(): Record<string, Record<string, unknown>> {
  const gen = (schema: z.ZodMiniType, id: string, title: string, io: 'input' | 'output') => ({
    ...(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', metadata: SCHEMA_REGISTRY }) as Record<string, unknown>),
    $id: `https://parindex.dev/schema/${id}-1.json`,
    title,
  });
  return {
    'result.schema.json': gen(AnyResultSchema, 'result', 'parindex score result (format 1): the full form or the compact form', 'output'),
    'evidence.schema.json': gen(Evidence, 'evidence', 'parindex evidence file (format 1)', 'input'),
    'appraisal.schema.json': gen(Appraisal, 'appraisal', 'parindex appraisal file (format 1)', 'input'),
  };
}
