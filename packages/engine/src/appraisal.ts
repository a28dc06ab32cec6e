/**
 * The appraisal format: rounds of corrections to one unit's evidence (thẩm định vòng 1, giải trình,
 * thẩm định vòng 2). Each item corrects input values of a criterion or overrides its points, always
 * with a reason. Round N applies every round up to and including N, in file order.
 */
import * as z from 'zod';
import { Code, Dec, FORMAT_VERSION, Identifier, IsoDate, findForbiddenKeysPublic, zodDiagnostics, type Diagnostic } from './deps.js';
import { InputValue } from './evidence.js';

export const AppraisalItem = z
  .object({
    criterion: Code,
    values: z.record(Identifier, InputValue).optional().describe('Corrected input values.'),
    points: Dec.optional().describe('Points override for the criterion (instead of, or after, corrected values).'),
    reason: z.string().min(1).max(10000).describe('Why the score is adjusted (required).'),
    by: z.string().max(200).optional(),
    date: IsoDate.optional(),
  })
  .strict()
  .meta({ id: 'AppraisalItem' });
export type AppraisalItem = z.infer<typeof AppraisalItem>;

export const AppraisalRound = z
  .object({
    id: Identifier.describe('e.g. "round1", "answer", "round2".'),
    kind: z.enum(['appraisal', 'answer']).describe('appraisal: by the appraisal team; answer: the unit\'s answer (giải trình).'),
    label: z.string().max(200).optional(),
    by: z.string().max(200).optional(),
    date: IsoDate.optional(),
    items: z.array(AppraisalItem).max(5000),
  })
  .strict()
  .meta({ id: 'AppraisalRound' });
export type AppraisalRound = z.infer<typeof AppraisalRound>;

export const Appraisal = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    criteriaSet: z.string().regex(/^[a-z0-9.-]+@[0-9.]+$/),
    evidence: z
      .object({
        unit: z.string().max(100).describe('The unit code of the evidence file.'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the canonical evidence (provenance.evidence.sha256 of its score).'),
        file: z.string().max(1000).optional(),
      })
      .strict(),
    rounds: z.array(AppraisalRound).min(1).max(10),
  })
  .strict()
  .meta({ id: 'Appraisal', title: 'parindex appraisal file' });
export type Appraisal = z.infer<typeof Appraisal>;

export function parseAppraisal(value: unknown): { value: Appraisal | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeysPublic(value, diagnostics);
  if (diagnostics.length) return { value: undefined, diagnostics };
  const parsed = Appraisal.safeParse(value);
  if (!parsed.success) return { value: undefined, diagnostics: zodDiagnostics(parsed.error, 'APPRAISAL_SCHEMA') };
  return { value: parsed.data, diagnostics: [] };
}
