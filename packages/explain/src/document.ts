/**
 * A small document model that every command builds once and every format renders: terminal text,
 * Markdown, HTML, CSV, DOCX and XLSX. JSON output never goes through here: it is the engine's data itself.
 * Texts are put in as they are, user text included (unit names, documents, notes, file names): each
 * renderer escapes every text for its format, so no command has to (docs/cli.md, "User text in outputs").
 */
export interface Column {
  label: string;
  /** Number columns are right-aligned (and only they): CSV leaves a number in them as a number. */
  align?: 'left' | 'right';
  /** Terminal only: wrap the column at this width. */
  width?: number;
  /** The column's numbers are percentages (XLSX writes 76,67% as 0.7667 with a percent format). */
  percent?: boolean;
}

/**
 * A table cell: one text, or several lines (the reasons of a change, the documents of a criterion) that
 * each renderer breaks in its own way. Only this list breaks a cell: a line break inside a text comes from
 * a file and is written as text (an escape on a terminal, a space in Markdown), never as a new line.
 */
export type Cell = string | readonly string[];

/** The lines of a cell. */
export function cellLines(c: Cell | undefined): readonly string[] {
  return c === undefined ? [''] : typeof c === 'string' ? [c] : c;
}

export interface Row {
  cells: Cell[];
  /** Indentation level of the first text column (criteria tree). */
  depth?: number;
  strong?: boolean;
  /**
   * The exact decimal behind a number cell (engine text, e.g. "22.836"), for the formats that keep
   * numbers as numbers (XLSX, CSV); undefined where the cell is text or its text is the number.
   */
  values?: ReadonlyArray<string | undefined>;
}

/** A signature of the official table: who signs, the hint under it, the name when known. */
export interface Signature {
  role: string;
  hint: string;
  name?: string;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'kv'; rows: Array<[string, string]> }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: Column[]; rows: Row[]; footer?: Row[]; indentColumn?: number }
  /** The header of an official document: the issuing unit on the left, the national name and motto on the right. */
  | { kind: 'letterhead'; left: string[]; right: string[] }
  /** The place and date line, right-aligned under the letterhead. */
  | { kind: 'dateline'; text: string }
  /** Centred lines under the title (the set, the period). */
  | { kind: 'subtitle'; lines: string[] }
  /** Signatures side by side at the end of the document. */
  | { kind: 'signatures'; items: Signature[] }
  /** How the document was made: engine version, set and file hashes (small print). */
  | { kind: 'provenance'; text: string };

export type Doc = Block[];

export type Format = 'table' | 'json' | 'md' | 'html' | 'csv' | 'docx' | 'xlsx';
