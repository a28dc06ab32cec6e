/**
 * Text typed in a cell ("95,5", "3.000", "15/01/2026", "88%", "có", a level's label) is read by the one
 * reader of such text, readValueText (rules/src/value-text.ts), as a cell (`from: 'cell'`): by the rules
 * of a string in a JSON evidence file, except that a dot before three digits in a decimal may be
 * thousands, as the workbook's own "3.000" is. What it cannot read is the same error, with the cell.
 *
 * Its hints are not repeated here: "95,5", "3.000" and "15/01/2026" are what the workbook asks for
 * (sheet "Đơn vị", its instructions), and the JSON hint's advice ("write 95.5 in the file") would
 * contradict it; a level typed as its id or its other language's label is as clear as its drop-down label.
 * For the same reason a number that reads as two ("1.500") carries the workbook's language (`sheet`), so
 * that its sentence says what to type as the sheet writes numbers ("1500 or 1,5"), not as the JSON file does.
 *
 * The workbook's language is the convention its numbers are read in: a Vietnamese workbook's "1.480" and
 * "18.450,5", an English workbook's "1,480" and "18,450.5" (readValueText's `cell` and `cell-en`). A
 * decimal comma in an English workbook ("1,5") is refused (WORKBOOK_DECIMAL_COMMA), saying what to type
 * as its sheet writes decimals ("1.5"): its sheet writes "1,500" for fifteen hundred, so a comma there is
 * not taken for a decimal point without a word.
 */
import { nearestWord, readValueText, valueTextDiagnostic, foldText, diag, type Diagnostic, type InputDef, type WorkbookPlace } from '@parindex/rules';
import { numberValue, type ValueOutcome } from './cells.js';

/** The diagnostic of a problem, with the input's labels (its sentence names it as the officer knows it). */
function labelled(d: Diagnostic, def: InputDef): Diagnostic {
  if (def.label === '') return d;
  return { ...d, params: { ...d.params, label: def.label, ...(def.labelEn !== undefined ? { labelEn: def.labelEn } : {}) } } as unknown as Diagnostic;
}

/**
 * An input's value from the text of its cell; `choices`: the drop-down's words (a level's labels, yes and
 * no); `sheet`: the workbook's language, whose way of writing numbers the hint of a number that reads as
 * two names (its sheet asks for "1.500" and "1,5" in Vietnamese, not the JSON file's "1500" and "1.5").
 */
export function valueFromText(text: string, def: InputDef, place: WorkbookPlace, choices: readonly string[] = [], sheet?: 'vi' | 'en'): ValueOutcome {
  const read = readValueText(text, def, sheet === 'en' ? 'cell-en' : 'cell');
  if (read.ok && sheet === 'en' && read.hint?.code === 'EVIDENCE_DECIMAL_COMMA') {
    const suggest = `${read.hint.params.suggest}${/%\s*$/u.test(text) ? '%' : ''}`;
    return { ok: false, diagnostic: diag('WORKBOOK_DECIMAL_COMMA', '', { ...place, got: text.trim().slice(0, 100), suggest }) };
  }
  if (!read.ok && choices.length > 0 && (read.problem.code === 'EVIDENCE_UNKNOWN_OPTION' || (def.type === 'boolean' && read.problem.code === 'EVIDENCE_VALUE_TYPE')))
    return { ok: false, diagnostic: unknownChoice(text, choices, place) };
  if (!read.ok && read.problem.code === 'EVIDENCE_NUMBER_AMBIGUOUS' && sheet !== undefined)
    return { ok: false, diagnostic: labelled(diag('EVIDENCE_NUMBER_AMBIGUOUS', '', { ...read.problem.params, sheet }), def) };
  if (!read.ok) return { ok: false, diagnostic: labelled(valueTextDiagnostic(read.problem, ''), def) };
  const numeric = def.type === 'count' || def.type === 'decimal' || def.type === 'percent' || def.type === 'tally';
  return { ok: true, value: numeric && typeof read.value === 'string' ? numberValue(read.value) : read.value };
}

/** A word not among a drop-down's choices: the choices as the drop-down shows them, and the one nearest. */
export function unknownChoice(text: string, choices: readonly string[], place: WorkbookPlace): Diagnostic {
  const folded = new Map(choices.map((c) => [foldText(c), c]));
  const near = nearestWord(foldText(text), [...folded.keys()]);
  const suggest = near === undefined ? {} : { suggest: folded.get(near)! };
  return diag('WORKBOOK_UNKNOWN_CHOICE', '', { ...place, value: text.slice(0, 100), choices: [...choices], ...suggest });
}
