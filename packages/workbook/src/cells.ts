/**
 * What a cell holds, and an input's value from it.
 *
 * Exactness: Excel stores a number cell as a binary double. parindex takes it through its shortest
 * decimal text (the shortest digits that read back as the same double, JavaScript's Number#toString,
 * written without an exponent), which is the number as Excel shows it with enough digits: 95.5 stays
 * 95.5, 0.1 stays 0.1, and no binary noise (0.30000000000000004) is ever made up. A cell formatted as a
 * percentage (Excel turns "88%" into 0.88) is multiplied by 100 in decimal: 88. Text typed in a cell
 * ("95,5", "3.000", "15/01/2026", "88%") is read by the same rules as the evidence format's own text
 * (readValueText, ./value-text.ts), as the workbook asks for them: without the JSON format's hints. A
 * formula is refused (see readCell): parindex never evaluates one and never trusts the cached result a
 * file carries.
 */
import type ExcelJS from 'exceljs';
import { dec, diag, type Diagnostic, type InputDef, type WorkbookPlace } from '@parindex/rules';
import { valueFromText } from './value-text.js';

export type CellContent =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; error: string };

/** The date of a Date exceljs read (midnight UTC of the day; a time of day is dropped). */
function isoOf(d: Date): string | undefined {
  const t = d.getTime();
  if (!Number.isFinite(t)) return undefined;
  // exceljs computes the date from the serial number in floating point: round to the nearest millisecond.
  const day = new Date(Math.round(t));
  return day.toISOString().slice(0, 10);
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return ((v as { richText: Array<{ text?: unknown }> }).richText ?? []).map((r) => String(r.text ?? '')).join('');
  if (v && typeof v === 'object' && 'text' in v) return textOf((v as { text: unknown }).text);
  return '';
}

/** What a cell holds, in the few kinds parindex reads. */
export function readCell(cell: ExcelJS.Cell): CellContent {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v, percent: /%/.test(cell.numFmt ?? '') } : { kind: 'error', error: '#NUM!' };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) {
    const iso = isoOf(v);
    return iso === undefined ? { kind: 'error', error: '#VALUE!' } : { kind: 'date', iso };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return { kind: 'formula', formula: String(o.formula ?? o.sharedFormula ?? '') };
    if ('error' in o) return { kind: 'error', error: String(o.error) };
  }
  const text = textOf(v).trim();
  return text === '' ? { kind: 'empty' } : { kind: 'text', text };
}

/** A cell as text, to compare what the workbook was made with and what it holds (a formula as "=…"). */
export function cellText(cell: ExcelJS.Cell): string {
  const c = readCell(cell);
  if (c.kind === 'number') return numberText(c.value);
  if (c.kind === 'text') return c.text;
  if (c.kind === 'date') return c.iso;
  if (c.kind === 'boolean') return String(c.value);
  if (c.kind === 'formula') return `=${c.formula}`;
  return c.kind === 'error' ? c.error : '';
}

/** A number's shortest decimal text, without an exponent. */
export function numberText(n: number, percent = false): string {
  const shortest = String(n);
  const text = /e/i.test(shortest) ? dec(shortest).toFixed() : shortest;
  return percent ? dec(text).times(100).toFixed() : text;
}

/** A decimal text as evidence holds it: a JSON number when that number writes back as the same text, else the text. */
export function numberValue(text: string): number | string {
  const n = Number(text);
  return String(n) === text ? n : text;
}

/** warning: the value is read, but the cell may not say what the officer meant (a percent typed as a fraction). */
export type ValueOutcome = { ok: true; value: unknown; warning?: Diagnostic } | { ok: false; diagnostic: Diagnostic } | { ok: 'empty' };

const gotOf = (c: CellContent): 'number' | 'date' | 'boolean' | 'text' | 'other' => (c.kind === 'number' || c.kind === 'date' || c.kind === 'boolean' || c.kind === 'text' ? c.kind : 'other');
const shown = (c: CellContent): string => (c.kind === 'number' ? numberText(c.value) : c.kind === 'date' ? c.iso : c.kind === 'text' ? c.text : c.kind === 'boolean' ? String(c.value) : '');

/** The problem of a cell that holds a formula or an error value, if it does. */
export function cellProblem(c: CellContent, place: WorkbookPlace): Diagnostic | undefined {
  if (c.kind === 'formula') return diag('WORKBOOK_FORMULA', '', { ...place, formula: c.formula.slice(0, 200) });
  if (c.kind === 'error') return diag('WORKBOOK_CELL_ERROR', '', { ...place, error: c.error });
  return undefined;
}

/** The wrong kind of content for what a cell must hold. */
export function typeProblem(c: CellContent, place: WorkbookPlace, expected: Parameters<typeof diag<'WORKBOOK_CELL_TYPE'>>[2]['expected']): Diagnostic {
  return diag('WORKBOOK_CELL_TYPE', '', { ...place, expected, got: gotOf(c), value: shown(c).slice(0, 100) });
}

/** The choices of a drop-down, matched as typed (spaces and case aside). */
export function matchChoice(text: string, choices: readonly string[]): number {
  const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');
  const t = norm(text);
  return choices.findIndex((c) => norm(c) === t);
}

/**
 * How a workbook's cells are typed: the words of its yes/no drop-down, and its language, which says how
 * its sheet asks for numbers (Vietnamese: 1.500 and 1,5; English: as an English Excel shows them).
 */
export interface SheetWords {
  yes: string;
  no: string;
  lang: 'vi' | 'en';
}

/** An input's value from its cell. `words`: the workbook's (its yes and no, its language); `choices`: a level's labels. */
export function inputValue(c: CellContent, def: InputDef, place: WorkbookPlace, words: SheetWords, choices: readonly string[]): ValueOutcome {
  if (c.kind === 'empty') return { ok: 'empty' };
  const problem = cellProblem(c, place);
  if (problem) return { ok: false, diagnostic: problem };
  if (def.type === 'boolean') {
    if (c.kind === 'boolean') return { ok: true, value: c.value };
    if (c.kind !== 'text') return { ok: false, diagnostic: typeProblem(c, place, 'boolean') };
    const i = matchChoice(c.text, [words.yes, words.no]);
    return i >= 0 ? { ok: true, value: i === 0 } : valueFromText(c.text, def, place, [words.yes, words.no]);
  }
  if (def.type === 'level') {
    if (c.kind !== 'text' && c.kind !== 'number') return { ok: false, diagnostic: typeProblem(c, place, 'level') };
    const text = c.kind === 'text' ? c.text : numberText(c.value);
    const i = matchChoice(text, choices);
    if (i >= 0) return { ok: true, value: def.options![i]!.id };
    // Not a label of the drop-down: the id or the other language's label (read), else the drop-down's labels.
    return valueFromText(text, def, place, choices);
  }
  if (def.type === 'date') {
    if (c.kind === 'date') return { ok: true, value: c.iso };
    if (c.kind === 'text') return valueFromText(c.text, def, place);
    return { ok: false, diagnostic: typeProblem(c, place, 'date') };
  }
  // count, decimal, percent, and one answer option of a tally
  if (c.kind === 'number') return asFraction({ ok: true, value: numberValue(numberText(c.value, c.percent)) }, def, place, words, !c.percent);
  if (c.kind === 'text') return asFraction(valueFromText(c.text, def, place, [], words.lang), def, place, words, !/%\s*$/u.test(c.text));
  return { ok: false, diagnostic: typeProblem(c, place, def.type) };
}

/**
 * A percent read as a number between 0 and 1 from a cell that does not say "%" (`plain`: not formatted
 * as a percentage, no "%" typed): most likely a fraction (0.42 for 42%). It is read as typed, with a
 * warning saying what to type if it is one (a cell formatted as a percentage is already a percent).
 */
function asFraction(v: ValueOutcome, def: InputDef, place: WorkbookPlace, words: SheetWords, plain: boolean): ValueOutcome {
  if (v.ok !== true || def.type !== 'percent' || !plain) return v;
  const d = dec(String(v.value));
  if (!d.gt(0) || !d.lt(1)) return v;
  return { ...v, warning: diag('WORKBOOK_PERCENT_FRACTION', '', { ...place, value: d.toFixed(), percent: d.times(100).toFixed(), sheet: words.lang }, 'warning') };
}

/**
 * Points typed in a self-score or a round's points cell (`place.column`: its heading, as the sheet shows
 * it): a number, or text read as one (`max`: the criterion's maximum, so that "1.250" is 1.25, not
 * 1250). What is not points is said of the cell, by its heading and criterion (never by a key of the
 * evidence file the officer did not see).
 */
export function pointsValue(c: CellContent, place: WorkbookPlace, words: SheetWords, max: string): ValueOutcome {
  const v = inputValue(c, { id: 'claimedPoints', type: 'decimal', label: place.column ?? '', max }, place, words, []);
  if (v.ok !== false || (v.diagnostic.code !== 'EVIDENCE_VALUE_TYPE' && v.diagnostic.code !== 'WORKBOOK_CELL_TYPE')) return v;
  return { ok: false, diagnostic: typeProblem(c, place, 'points') };
}
