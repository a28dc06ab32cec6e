/**
 * The evidence format in zod: the single definition of its shape, from which its JSON Schema
 * (schema/evidence.schema.json) is generated, and the oracle the zod-free checker of evidence.ts is
 * tested against. The scoring path does not import this module (it carries no zod).
 */
import * as z from 'zod/mini';
import { Code, Dec, FORMAT_VERSION, Identifier, IsoDate, LIMITS, UnitLevel, matches, maxString, withDescription, withMeta } from './deps.js';

const opt = z.optional;
const Str = (max: number = LIMITS.stringLength) => maxString(max);

export const DocumentRef = withMeta(
  z.strictObject({
    for: withDescription(opt(Identifier), 'The id of the required document this proves (optional when the criterion asks for one document).'),
    number: withDescription(opt(Str(200)), 'Number and symbol as written, e.g. "15/KH-UBND".'),
    date: opt(IsoDate),
    title: opt(Str()),
    issuer: opt(Str(500)),
    url: opt(Str(2000)),
    sha256: opt(z.string().check(matches(/^[0-9a-f]{64}$/, 'sha256'))),
  }),
  { id: 'DocumentRef', description: 'A document of evidence (tài liệu kiểm chứng).' },
);
export type DocumentRef = z.infer<typeof DocumentRef>;

export const InputValue = withMeta(z.union([z.boolean(), z.number(), Str(200), z.record(Identifier, z.number())]), {
  id: 'InputValue',
  description: 'yes/no, a number, a decimal string, a level id, a date YYYY-MM-DD, or answer counts per option.',
});
export type InputValue = z.infer<typeof InputValue>;

export const Entry = withMeta(
  z.strictObject({
    criterion: withDescription(opt(Code), 'The criterion this entry answers.'),
    input: withDescription(opt(Identifier), 'Or: one input, with "value".'),
    value: opt(InputValue),
    values: withDescription(opt(z.record(Identifier, InputValue)), 'With "criterion": values per input id.'),
    documents: opt(z.array(DocumentRef).check(z.maxLength(LIMITS.documentsPerEntry))),
    note: opt(Str()),
    explanation: withDescription(opt(Str()), 'Written explanation (giải trình), e.g. why a document is missing.'),
    claimedPoints: withDescription(opt(Dec), "The unit's own score for the criterion (tự chấm)."),
  }),
  { id: 'Entry' },
);
export type Entry = z.infer<typeof Entry>;

export const Unit = withMeta(
  z.strictObject({
    code: Str(100),
    name: Str(500),
    level: UnitLevel,
    province: opt(Str(200)),
    note: opt(Str()),
  }),
  { id: 'Unit' },
);
export type Unit = z.infer<typeof Unit>;

export const Evidence = withMeta(
  z.strictObject({
    $schema: opt(z.string()),
    formatVersion: z.literal(FORMAT_VERSION),
    sample: withDescription(opt(z.boolean()), "true when the values are samples, not a real unit's figures."),
    criteriaSet: z.string().check(matches(/^[a-z0-9.-]+@[0-9.]+$/, 'setRef')),
    unit: Unit,
    period: z.strictObject({ from: IsoDate, to: IsoDate, label: opt(Str(100)) }),
    preparedBy: opt(z.strictObject({ name: opt(Str(200)), role: opt(Str(200)), date: opt(IsoDate) })),
    entries: z.array(Entry).check(z.maxLength(LIMITS.evidenceEntries)),
  }),
  { id: 'Evidence', title: 'parindex evidence file', description: "One unit's evidence for one period." },
);
export type Evidence = z.infer<typeof Evidence>;
