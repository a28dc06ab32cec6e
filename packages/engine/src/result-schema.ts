/**
 * The result of `score()` as a zod schema, mirroring ./result.ts exactly. A compile-time check below
 * fails the build when the two drift apart; `packages/engine/schema/result.schema.json` is generated
 * from this schema (`node packages/engine/scripts/write-schemas.mjs`) and a test fails when the
 * committed file differs.
 */
import * as z from 'zod';
import { CATALOG, RoundingLevel, RoundingMode, type DiagnosticCode } from './deps.js';
import { Appraisal } from './appraisal.js';
import { DocumentRef, Evidence, Unit } from './evidence.js';
import type { ScoreResult } from './result.js';

const D = z.string().regex(/^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/).meta({ id: 'DecimalString', description: 'An exact decimal written as text: "0.75", "-0.25", "89.95".' });

const codes = Object.keys(CATALOG) as [DiagnosticCode, ...DiagnosticCode[]];

export const DiagnosticSchema = z
  .object({
    code: z.enum(codes),
    severity: z.enum(['error', 'warning']),
    path: z.string().describe('JSON pointer into the file.'),
    message: z.string(),
    messageVi: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    file: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .strict()
  .meta({ id: 'Diagnostic' });

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

const RuleTypeSchema = z.enum(['boolean', 'levels', 'fraction', 'allOf', 'tiers', 'proportional', 'parts', 'perItem', 'survey', 'onTime', 'expression']);

/** An input value as given: a decimal string, a level id or a date (all strings), yes/no, or answer counts. */
const TraceValue = z.union([z.string(), z.boolean(), z.record(z.string(), D), z.null()]);

export const RoundingStepSchema = z
  .object({ kind: z.literal('round'), level: RoundingLevel, from: D, to: D, places: z.number().int(), mode: RoundingMode })
  .strict();

const s = z.strictObject;
const OnTimeStatus = z.enum(['onTime', 'late', 'missing']);

export const StepSchema = z
  .discriminatedUnion('kind', [
    s({
      kind: z.literal('ratio'),
      numerator: s({ input: z.string(), value: D }),
      denominator: s({ input: z.string(), value: D }),
      times: D,
      value: D,
      exact: z.boolean(),
    }),
    s({ kind: z.literal('value'), input: z.string(), value: D }),
    s({ kind: z.literal('tier'), index: z.number().int(), min: D.nullable(), minInclusive: z.boolean(), max: D.nullable(), maxInclusive: z.boolean(), points: D, label: z.string().optional() }),
    s({ kind: z.literal('boolean'), input: z.string(), value: z.boolean(), points: D }),
    s({ kind: z.literal('level'), input: z.string(), level: z.string(), levelLabel: z.string(), points: D, fraction: D.optional() }),
    s({ kind: z.literal('condition'), text: z.string(), result: z.boolean() }),
    s({ kind: z.literal('proportional'), value: D, zeroAt: D, fullAt: D, fraction: D, points: D }),
    s({ kind: z.literal('part'), id: z.string(), label: z.string(), met: z.boolean(), points: D }),
    s({ kind: z.literal('perItem'), input: z.string(), items: D, base: D, each: D, change: D, limited: z.boolean(), points: D }),
    s({ kind: z.literal('survey'), input: z.string(), counts: z.record(z.string(), D), weights: z.record(z.string(), D), answers: D, weighted: D, share: D, points: D }),
    s({ kind: z.literal('onTime'), input: z.string(), label: z.string().optional(), date: z.string().nullable(), deadline: z.string().nullable(), status: OnTimeStatus, daysLate: z.number().int().optional() }),
    s({ kind: z.literal('onTimeResult'), outcome: OnTimeStatus, points: D }),
    s({ kind: z.literal('expression'), result: D }),
    s({ kind: z.literal('clamp'), from: D, to: D, bound: z.enum(['max', 'floor', 'cap']) }),
    RoundingStepSchema,
    s({ kind: z.literal('notApplicable'), reason: z.string().nullable(), policy: z.enum(['fullPoints', 'reduceMaximum']), points: D }),
    s({ kind: z.literal('zeroDenominator'), input: z.string(), policy: z.enum(['notApplicable', 'zeroPoints', 'fullPoints']) }),
    s({ kind: z.literal('missing'), inputs: z.array(z.string()), documents: z.array(z.string()), policy: z.enum(['zero', 'scoreAndFlag']), explanation: z.string().nullable() }),
    s({ kind: z.literal('override'), round: z.string(), from: D, to: D, reason: z.string(), by: z.string().optional(), date: z.string().optional() }),
  ])
  .meta({ id: 'Step' });

export const ImprovementSchema = z
  .discriminatedUnion('kind', [
    s({ kind: z.literal('raise'), input: z.string(), unit: z.string().optional(), from: D, to: D, delta: D, strict: z.boolean(), pointsAfter: D, gain: D, feasible: z.boolean() }),
    s({
      kind: z.literal('raiseRatio'),
      numerator: z.string(),
      denominator: z.string(),
      unit: z.string().optional(),
      from: D,
      to: D,
      delta: D,
      target: D,
      strict: z.boolean(),
      pointsAfter: D,
      gain: D,
      feasible: z.boolean(),
    }),
    s({ kind: z.literal('lower'), input: z.string(), unit: z.string().optional(), from: D, to: D, delta: D, pointsAfter: D, gain: D }),
    s({ kind: z.literal('set'), input: z.string(), to: z.union([z.string(), z.boolean()]), toLabel: z.string().optional(), pointsAfter: D, gain: D }),
    s({ kind: z.literal('meet'), condition: z.string(), part: z.string().optional(), pointsAfter: D, gain: D }),
    s({ kind: z.literal('onTime'), inputs: z.array(z.string()), pointsAfter: D, gain: D }),
    s({ kind: z.literal('provide'), inputs: z.array(z.string()), documents: z.array(z.string()), pointsAfter: D.nullable(), gain: D.nullable() }),
    s({ kind: z.literal('survey'), input: z.string(), option: z.string(), more: D, pointsAfter: D, gain: D }),
  ])
  .meta({ id: 'Improvement' });

export const TraceInputSchema = s({
  id: z.string(),
  label: z.string(),
  labelEn: z.string().optional(),
  type: z.string(),
  unit: z.string().optional(),
  value: TraceValue,
  entry: z.number().int().nullable(),
  corrected: s({ from: TraceValue, round: z.string(), reason: z.string() }).optional(),
}).meta({ id: 'TraceInput' });

export const TraceDocumentSchema = s({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  required: z.boolean(),
  provided: z.boolean(),
  by: z.array(DocumentRef.extend({ entry: z.number().int() })),
}).meta({ id: 'TraceDocument' });

export const ClaimSchema = s({ claimed: D, computed: D, matches: z.boolean(), entry: z.number().int() }).meta({ id: 'Claim' });

export const TraceSchema = s({
  rule: RuleTypeSchema,
  inputs: z.array(TraceInputSchema),
  documents: z.array(TraceDocumentSchema),
  steps: z.array(StepSchema),
  improve: z.array(ImprovementSchema),
  claim: ClaimSchema.optional(),
  explanation: z.string().optional(),
  notes: z.array(z.string()).optional(),
}).meta({ id: 'Trace' });

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
  source?: { document: string; article?: string | undefined } | undefined;
  part?: string | undefined;
  steps?: Array<z.infer<typeof StepSchema>> | undefined;
  children?: NodeResultShape[] | undefined;
  trace?: z.infer<typeof TraceSchema> | undefined;
}

export const NodeResultSchema: z.ZodType<NodeResultShape> = z
  .lazy(() =>
    s({
      code: z.string(),
      title: z.string(),
      titleEn: z.string().optional(),
      kind: z.enum(['group', 'leaf']),
      nominalMax: D,
      applicableMax: D,
      points: D,
      status: NodeStatusSchema,
      flags: z.array(FlagCodeSchema),
      source: s({ document: z.string(), article: z.string().optional() }).optional(),
      part: z.string().optional(),
      steps: z.array(StepSchema).optional(),
      children: z.array(NodeResultSchema).optional(),
      trace: TraceSchema.optional(),
    }),
  )
  .meta({ id: 'NodeResult' });

export const BlockResultSchema = s({
  title: z.string(),
  titleEn: z.string().optional(),
  max: D,
  raw: D,
  points: D,
  capped: z.boolean(),
  items: z.array(NodeResultSchema),
}).meta({ id: 'BlockResult' });

export const TotalsSchema = s({
  treePoints: D,
  bonus: D,
  penalty: D,
  points: D,
  nominalMax: D,
  applicableMax: D,
  scale: D,
  index: D,
  classification: s({ code: z.string(), label: z.string(), labelEn: z.string().optional() }).nullable(),
  parts: z.array(s({ part: z.string(), points: D, nominalMax: D, applicableMax: D })),
  steps: z.array(StepSchema),
}).meta({ id: 'Totals' });

export const ProvenanceSchema = s({
  engine: z.string(),
  criteriaSet: s({ ref: z.string(), id: z.string(), version: z.string(), status: z.string(), issuer: z.string(), decision: z.string(), sha256: z.string() }),
  evidence: s({ sha256: z.string() }),
  appraisal: s({ sha256: z.string(), round: z.string() }).optional(),
}).meta({ id: 'Provenance' });

export const ScoreResultSchema = s({
  formatVersion: z.literal(1),
  provenance: ProvenanceSchema,
  unit: Unit,
  period: s({ from: z.string(), to: z.string(), label: z.string().optional() }),
  sample: z.boolean(),
  stage: z.string(),
  totals: TotalsSchema,
  fields: z.array(NodeResultSchema),
  bonus: BlockResultSchema.optional(),
  penalty: BlockResultSchema.optional(),
  flags: z.array(s({ code: FlagCodeSchema, criterion: z.string() })),
  diagnostics: z.array(DiagnosticSchema),
  unused: z.array(
    s({ entry: z.number().int(), criterion: z.string().optional(), input: z.string().optional(), reason: z.enum(['notApplicable', 'notReferenced', 'unknown']) }),
  ),
}).meta({ id: 'ScoreResult', title: 'parindex score result', description: 'The result of score(): every number an exact decimal string.' });

// Compile-time check: the schema and the hand-written types describe the same JSON.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Inferred = z.infer<typeof ScoreResultSchema>;
const schemaMatchesTypes: Equal<Inferred, ScoreResult> = true;
void schemaMatchesTypes;

/**
 * The JSON Schemas the engine publishes, by file name under packages/engine/schema/. Written by
 * scripts/write-schemas.mjs; a test fails when the committed files differ.
 */
export function engineJsonSchemas(): Record<string, Record<string, unknown>> {
  const gen = (schema: z.ZodType, id: string, title: string, io: 'input' | 'output') => ({
    ...(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>),
    $id: `https://parindex.dev/schema/${id}-1.json`,
    title,
  });
  return {
    'result.schema.json': gen(ScoreResultSchema, 'result', 'parindex score result (format 1)', 'output'),
    'evidence.schema.json': gen(Evidence, 'evidence', 'parindex evidence file (format 1)', 'input'),
    'appraisal.schema.json': gen(Appraisal, 'appraisal', 'parindex appraisal file (format 1)', 'input'),
  };
}
