/**
 * A small document model that every command builds once and every format renders: terminal text,
 * Markdown, HTML and CSV. JSON output never goes through here: it is the engine's data itself.
 */
export interface Column {
  label: string;
  align?: 'left' | 'right';
  /** Terminal only: wrap the column at this width. */
  width?: number;
}

export interface Row {
  cells: string[];
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
