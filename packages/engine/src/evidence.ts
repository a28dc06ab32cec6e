/**
 * The evidence format: one unit's evidence for one period. Validated with zod; problems become
 * diagnostics with codes and JSON pointers.
 */
import { z } from 'zod';
import { Code, Dec, FORMAT_VERSION, Identifier, IsoDate, findForbiddenKeysPublic, zodDiagnostics, LIMITS, type Diagnostic } from './deps.js';

const Str = (max: number = LIMITS.stringLength) => z.string().max(max);

export const DocumentRef = z
  .object({
    for: Identifier.optional().describe('The id of the required document this proves (optional when the criterion asks for one document).'),
    number: Str(200).optional().describe('Number and symbol as written, e.g. "15/KH-UBND".'),
    date: IsoDate.optional(),
    title: Str().optional(),
    issuer: Str(500).optional(),
    url: Str(2000).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be 64 lowercase hex digits' }).optional(),
  })
  .strict()
  .meta({ id: 'DocumentRef', description: 'A document of evidence (tài liệu kiểm chứng).' });
export type DocumentRef = z.infer<typeof DocumentRef>;

export const InputValue = z
  .union([z.boolean(), z.number(), Str(200), z.record(Identifier, z.number())])
  .meta({ id: 'InputValue', description: 'yes/no, a number, a decimal string, a level id, a date YYYY-MM-DD, or answer counts per option.' });
export type InputValue = z.infer<typeof InputValue>;

export const Entry = z
  .object({
    criterion: Code.optional().describe('The criterion this entry answers.'),
    input: Identifier.optional().describe('Or: one input, with "value".'),
    value: InputValue.optional(),
    values: z.record(Identifier, InputValue).optional().describe('With "criterion": values per input id.'),
    documents: z.array(DocumentRef).max(LIMITS.documentsPerEntry).optional(),
    note: Str().optional(),
    explanation: Str().optional().describe('Written explanation (giải trình), e.g. why a document is missing.'),
    claimedPoints: Dec.optional().describe("The unit's own score for the criterion (tự chấm)."),
  })
  .strict()
  .meta({ id: 'Entry' });
export type Entry = z.infer<typeof Entry>;

export const Unit = z
  .object({
    code: Str(100),
    name: Str(500),
    level: z.enum(['commune', 'ward', 'department', 'province', 'ministry']),
    province: Str(200).optional(),
    note: Str().optional(),
  })
  .strict()
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const Evidence = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    sample: z.boolean().optional().describe('true when the values are samples, not a real unit\'s figures.'),
    criteriaSet: z.string().regex(/^[a-z0-9.-]+@[0-9.]+$/, { message: 'must be "id@version", e.g. "model.commune-par@2026"' }),
    unit: Unit,
    period: z.object({ from: IsoDate, to: IsoDate, label: Str(100).optional() }).strict(),
    preparedBy: z.object({ name: Str(200).optional(), role: Str(200).optional(), date: IsoDate.optional() }).strict().optional(),
    entries: z.array(Entry).max(LIMITS.evidenceEntries),
  })
  .strict()
  .meta({ id: 'Evidence', title: 'parindex evidence file', description: "One unit's evidence for one period." });
export type Evidence = z.infer<typeof Evidence>;

/** Validate a value as evidence (shape only; the compiled set checks the content). Never throws. */
export function parseEvidence(value: unknown): { value: Evidence | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeysPublic(value, diagnostics);
  if (diagnostics.length) return { value: undefined, diagnostics };
  const parsed = Evidence.safeParse(value);
  if (!parsed.success) return { value: undefined, diagnostics: zodDiagnostics(parsed.error, 'EVIDENCE_SCHEMA') };
  return { value: parsed.data, diagnostics: [] };
}
