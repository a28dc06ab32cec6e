/**
 * The bodies of the JSON API as zod schemas: what each route takes and answers. The OpenAPI document
 * (./openapi.ts) is generated from them and from the engine's and the rules' own schemas; the API tests
 * check real answers against them, so that the document cannot drift from what the server does.
 */
import { Appraisal, Evidence, Unit } from '@parindex/engine';
import { AnyResultSchema, CompactResultSchema, DiagnosticSchema, ScoreResultSchema, TotalsSchema } from '@parindex/engine/result-schema';
import { CriteriaSet, DecimalText, withDescription, withMeta } from '@parindex/rules';
import * as z from 'zod/mini';

const opt = z.optional;
const int = () => z.number().check(z.int());
const s = z.strictObject;
const Stage = withDescription(z.string(), 'What was scored: "self" (the unit\'s own score) or the id of an appraisal round.');

export const ApiDiagnostic = withMeta(z.extend(DiagnosticSchema, { text: withDescription(z.string(), 'The sentence, in the language of ?lang= (Vietnamese by default).') }), {
  id: 'ApiDiagnostic',
  description: 'A diagnostic (code, severity, JSON pointer into the request body, params typed per code; line and column in the body when known) with its sentence.',
});

export const ErrorAnswer = withMeta(s({ diagnostics: z.array(ApiDiagnostic) }), {
  id: 'ErrorAnswer',
  description: 'Why the request was refused: every problem, coded, with its sentence. Never a stack trace.',
});

export const ScoringBody = withMeta(
  z.union([
    Evidence,
    s({
      evidence: Evidence,
      appraisal: opt(Appraisal),
      round: opt(withDescription(z.string(), 'The appraisal round to score up to (default: the last).')),
      set: opt(withDescription(CriteriaSet, 'A criteria set to score with instead of the bundled set the evidence names.')),
    }),
  ]),
  { id: 'ScoringBody', description: 'An evidence file as it is, or the evidence with an appraisal, a round and/or a criteria set of its own.' },
);

export const ValidateBody = withMeta(z.union([CriteriaSet, Evidence, Appraisal]), { id: 'ValidateBody', description: 'A criteria set, an evidence file or an appraisal file, as the files are.' });

export const ValidateAnswer = withMeta(s({ kind: z.enum(['set', 'evidence', 'appraisal']), valid: z.boolean(), errors: int(), warnings: int(), diagnostics: z.array(ApiDiagnostic) }), {
  id: 'ValidateAnswer',
  description: 'Every problem of the file at once; valid is false when any is an error.',
});

const CriterionSentences = withMeta(
  s({
    code: z.string(),
    title: z.string(),
    points: DecimalText,
    applicableMax: DecimalText,
    status: z.string(),
    flags: z.array(z.string()),
    lost: z.boolean(),
    selfPoints: opt(DecimalText),
    rule: withDescription(z.string(), 'The rule in one sentence.'),
    steps: withDescription(z.array(z.string()), 'The working, one sentence per step.'),
    improve: withDescription(z.array(z.string()), 'What would raise it, each with the points it promises.'),
  }),
  { id: 'CriterionSentences' },
);

export const ExplainAnswer = withMeta(
  s({
    lang: z.enum(['vi', 'en']),
    criteriaSet: z.string(),
    unit: Unit,
    stage: Stage,
    totals: TotalsSchema,
    criteria: withDescription(z.array(CriterionSentences), 'Every leaf criterion (or those of ?code=), the ones that lost points first.'),
    diagnostics: z.array(ApiDiagnostic),
    document: withDescription(z.array(z.record(z.string(), z.unknown())), 'The document model of `parindex explain` (@parindex/explain Doc: titles, key–value rows, lists, tables).'),
  }),
  { id: 'ExplainAnswer' },
);

export const DiffSide = z.union([ScoringBody, ScoreResultSchema]);

export const DiffBody = withMeta(z.union([s({ a: DiffSide, b: DiffSide }), s({ evidence: Evidence, appraisal: Appraisal, round: opt(z.string()), set: opt(CriteriaSet) })]), {
  id: 'DiffBody',
  description: 'Two sides (each evidence, evidence with its appraisal, or a saved result), or one evidence file with its appraisal: the self-score against the round.',
});

const Change = s({ from: z.nullable(DecimalText), to: z.nullable(DecimalText), delta: z.nullable(DecimalText) });
const DiffSideInfo = s({
  stage: Stage,
  unit: s({ code: z.string(), name: z.string() }),
  criteriaSet: z.string(),
  setSha256: z.string(),
  evidenceSha256: z.string(),
  appraisal: opt(s({ sha256: z.string(), round: z.string() })),
});
const ClassificationSide = z.nullable(s({ code: z.string(), label: z.string(), labelEn: opt(z.string()) }));

export const DiffAnswer = withMeta(
  s({
    a: DiffSideInfo,
    b: DiffSideInfo,
    sameSet: z.boolean(),
    sameUnit: z.boolean(),
    totals: s({
      points: Change,
      treePoints: Change,
      bonus: Change,
      penalty: Change,
      nominalMax: Change,
      applicableMax: Change,
      index: Change,
      classification: s({ from: ClassificationSide, to: ClassificationSide, changed: z.boolean() }),
    }),
    nodes: withDescription(z.array(z.record(z.string(), z.unknown())), 'Every criterion of either side: its points on both sides and the reasons of a change, as data.'),
    setChanges: z.array(z.string()),
    counts: s({ changedLeaves: int(), raised: int(), lowered: int(), samePoints: int(), oneSide: int() }),
  }),
  { id: 'DiffAnswer', description: "The engine's ResultDiff." },
);

export const RankBody = withMeta(
  s({
    evidence: withDescription(z.array(Evidence).check(z.minLength(1)), 'The evidence files of the units, all for one criteria set: at least one (an empty list is 400 API_BODY_SHAPE at /evidence).'),
    appraisals: opt(withDescription(z.array(Appraisal), 'Appraisal files; each applies to the evidence whose SHA-256 it names.')),
    set: opt(CriteriaSet),
    round: opt(z.string()),
    ties: opt(z.enum(['dense', 'competition'])),
  }),
  { id: 'RankBody' },
);

const RankRow = s({
  rank: int(),
  tied: z.boolean(),
  input: withDescription(int(), "The position of the unit in the body's evidence list."),
  unit: Unit,
  stage: Stage,
  points: DecimalText,
  applicableMax: DecimalText,
  index: DecimalText,
  classification: opt(z.unknown()),
});

export const RankAnswer = withMeta(
  s({
    criteriaSet: z.nullable(z.string()),
    policy: z.enum(['dense', 'competition']),
    ranking: z.array(RankRow),
    summary: z.record(z.string(), z.unknown()),
    failed: withDescription(
      z.array(s({ input: int(), diagnostics: z.array(ApiDiagnostic) })),
      'Units not ranked, with their problems (input: the position in evidence): those that could not be scored, and a unit given again (RANK_DUPLICATE_UNIT; the first in the body is ranked); the others are ranked.',
    ),
    unusedAppraisals: withDescription(
      z.array(s({ input: int(), diagnostics: z.array(ApiDiagnostic) })),
      'Appraisals not used (input: the position in appraisals), each with RANK_APPRAISAL_UNUSED and its reason (e.g. the evidence changed since it was appraised).',
    ),
  }),
  { id: 'RankAnswer' },
);

export const SetListAnswer = withMeta(
  s({
    sets: z.array(
      s({
        id: z.string(),
        version: z.string(),
        ref: z.string(),
        title: z.string(),
        titleEn: opt(z.string()),
        status: z.string(),
        kind: opt(z.string()),
        issuer: z.string(),
        issuerEn: opt(z.string()),
        decision: z.unknown(),
        period: z.unknown(),
      }),
    ),
  }),
  { id: 'SetListAnswer' },
);

export const HealthAnswer = withMeta(s({ status: z.literal('ok'), engine: z.string(), sets: int(), threads: int(), timeoutMs: int(), maxBodyBytes: int() }), { id: 'HealthAnswer' });

export { AnyResultSchema, CompactResultSchema, CriteriaSet, ScoreResultSchema };
