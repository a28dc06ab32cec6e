/**
 * The appraisal format: rounds of corrections to one unit's evidence (thẩm định vòng 1, giải trình,
 * thẩm định vòng 2). Each item corrects input values of a criterion or overrides its points, always
 * with a reason. Round N applies every round up to and including N, in file order.
 *
 * Read without zod: the shape is defined in zod in appraisal-zod.ts (the JSON Schema is generated from
 * it) and checked here by the small named checks of shape-check.ts, with the same diagnostics.
 */
import { FORMAT_VERSION, findForbiddenKeysPublic, type Diagnostic } from './deps.js';
import type { Appraisal } from './appraisal-zod.js';
import { CRITERION_CODE, IDENTIFIER, ISO_DATE, SET_REF, SHA256, checkShape, DECIMAL, INPUT_VALUE, list, oneOf, opt, record, strict, text } from './shape-check.js';

export type { Appraisal } from './appraisal-zod.js';

const ITEM = strict({
  criterion: CRITERION_CODE,
  values: opt(record(INPUT_VALUE)),
  points: opt(DECIMAL),
  reason: text(10000, 1),
  by: opt(text(200)),
  date: opt(ISO_DATE),
});

const ROUND = strict({
  id: IDENTIFIER,
  kind: oneOf(['appraisal', 'answer']),
  label: opt(text(200)),
  by: opt(text(200)),
  date: opt(ISO_DATE),
  items: list(ITEM, 5000),
});

const APPRAISAL = strict({
  $schema: opt(text()),
  formatVersion: oneOf([FORMAT_VERSION]),
  criteriaSet: SET_REF,
  evidence: strict({ unit: text(100), sha256: SHA256, file: opt(text(1000)) }),
  rounds: list(ROUND, 10, 1),
});

export function parseAppraisal(value: unknown): { value: Appraisal | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeysPublic(value, diagnostics);
  if (diagnostics.length) return { value: undefined, diagnostics };
  return checkShape<Appraisal>(APPRAISAL, value, 'APPRAISAL_SCHEMA');
}
