/**
 * Text typed in a cell ("95,5", "3.000", "15/01/2026", "88%", "có", a level's label) is read by the one
 * reader of such text, readValueText (rules/src/value-text.ts), by the same rules as a string in a JSON
 * evidence file: what it cannot read is the same error, what it reads with a hint ("3.000" read as 3000)
 * is the same warning, here with the cell.
 */
import { readValueText, valueTextDiagnostic, type Diagnostic, type InputDef, type WorkbookPlace } from '@parindex/rules';
import { numberValue, type ValueOutcome } from './cells.js';

/** The diagnostic of a problem or hint, with the input's labels (its sentence names it as the officer knows it). */
function labelled(d: Diagnostic, def: InputDef): Diagnostic {
  if (def.label === '') return d;
  return { ...d, params: { ...d.params, label: def.label, ...(def.labelEn !== undefined ? { labelEn: def.labelEn } : {}) } } as unknown as Diagnostic;
}

export function valueFromText(text: string, def: InputDef, _place: WorkbookPlace): ValueOutcome {
  const read = readValueText(text, def);
  if (!read.ok) return { ok: false, diagnostic: labelled(valueTextDiagnostic(read.problem, ''), def) };
  const numeric = def.type === 'count' || def.type === 'decimal' || def.type === 'percent' || def.type === 'tally';
  const value = numeric && typeof read.value === 'string' ? numberValue(read.value) : read.value;
  return read.hint ? { ok: true, value, hint: labelled(valueTextDiagnostic(read.hint, ''), def) } : { ok: true, value };
}
