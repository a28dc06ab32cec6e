/**
 * Text typed in a cell ("95,5", "3.000", "15/01/2026", "88%"), read by the same rules as the evidence
 * format: the one reader of such text is readValueText (rules/src/value-text.ts). Until it is merged
 * here, the text goes into the evidence as written, where the evidence checks judge it exactly as they
 * judge the same text in a JSON file (EVIDENCE_DECIMAL_COMMA for "95,5", a date that is not YYYY-MM-DD …).
 */
import type { InputDef, WorkbookPlace } from '@parindex/rules';
import type { ValueOutcome } from './cells.js';

export function valueFromText(text: string, _def: InputDef, _place: WorkbookPlace): ValueOutcome {
  return { ok: true, value: text };
}
