/**
 * The appraisal format in zod: the single definition of its shape, from which its JSON Schema
 * (schema/appraisal.schema.json) is generated, and the oracle the zod-free checker of appraisal.ts is
 * tested against. The scoring path does not import this module (it carries no zod).
 */
import * as z from 'zod/mini';
import { Code, Dec, FORMAT_VERSION, Identifier, IsoDate, matches, maxString, withDescription, withMeta } from './deps.js';
import { InputValue } from './evidence-zod.js';

const opt = z.optional;

export const AppraisalItem = withMeta(
  z.strictObject({
    criterion: Code,
    values: withDescription(opt(z.record(Identifier, InputValue)), 'Corrected input values.'),
    points: withDescription(opt(Dec), 'Points override for the criterion (instead of, or after, corrected values).'),
    reason: withDescription(z.string().check(z.minLength(1), z.maxLength(10000)), 'Why the score is adjusted (required).'),
    by: opt(maxString(200)),
    date: opt(IsoDate),
  }),
  { id: 'AppraisalItem' },
);
export type AppraisalItem = z.infer<typeof AppraisalItem>;

export const AppraisalRound = withMeta(
  z.strictObject({
    id: withDescription(Identifier, 'e.g. "round1", "answer", "round2".'),
    kind: withDescription(z.enum(['appraisal', 'answer']), "appraisal: by the appraisal team; answer: the unit's answer (giải trình)."),
    label: opt(maxString(200)),
    by: opt(maxString(200)),
    date: opt(IsoDate),
    items: z.array(AppraisalItem).check(z.maxLength(5000)),
  }),
  { id: 'AppraisalRound' },
);
export type AppraisalRound = z.infer<typeof AppraisalRound>;

export const Appraisal = withMeta(
  z.strictObject({
    $schema: opt(z.string()),
    formatVersion: z.literal(FORMAT_VERSION),
    criteriaSet: z.string().check(matches(/^[a-z0-9.-]+@[0-9.]+$/, 'setRef')),
    evidence: z.strictObject({
      unit: withDescription(maxString(100), 'The unit code of the evidence file.'),
      sha256: withDescription(z.string().check(matches(/^[0-9a-f]{64}$/, 'sha256')), 'SHA-256 of the canonical evidence (provenance.evidence.sha256 of its score).'),
      file: opt(maxString(1000)),
    }),
    rounds: z.array(AppraisalRound).check(z.minLength(1), z.maxLength(10)),
  }),
  { id: 'Appraisal', title: 'parindex appraisal file' },
);
export type Appraisal = z.infer<typeof Appraisal>;
