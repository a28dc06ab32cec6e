/**
 * A small document model that every command builds once and every format renders: terminal text,
 * Markdown, HTML and CSV. JSON output never goes through here: it is the engine's data itself.
 * Texts are put in as they are, user text included (unit names, documents, notes, file names): each
 * renderer escapes every text for its format, so no command has to (docs/cli.md, "User text in outputs").
 */
export interface Column {
  label: string;
  /** Number columns are right-aligned (and only they): CSV leaves a number in them as a number. */
  align?: 'left' | 'right';
  /** Terminal only: wrap the column at this width. */
  width?: number;
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
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'kv'; rows: Array<[string, string]> }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: Column[]; rows: Row[]; footer?: Row[]; indentColumn?: number };

export type Doc = Block[];

export type Format = 'table' | 'json' | 'md' | 'html' | 'csv';
