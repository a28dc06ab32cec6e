/**
 * The layout of the officer's workbook, as data: which row of the figures sheet holds which input, in
 * which order the fields, criteria and inputs come. The writer (./write.ts) and the reader
 * (./read.ts) both follow it, so the two cannot disagree about where a value is.
 *
 * Sheets (names from the locale, `workbook.sheets`): the unit and period (key–value rows), the figures
 * (one row per input, grouped by field and criterion), the documents, the explanations, and a very
 * hidden sheet `parindex` binding the workbook to its set (id@version, SHA-256) and holding the lists
 * of Excel's drop-downs.
 */
import type { CompiledNode, CompiledSet } from '@parindex/engine';
import type { InputDef } from '@parindex/rules';

/** The name of the very hidden sheet that binds a workbook to its set. */
export const BINDING_SHEET = 'parindex';
/** The first cell of the binding sheet: what kind of workbook this is. */
export const BINDING_MARK = 'parindex-workbook';
/** The layout's own version: a workbook of another layout version is refused. */
export const LAYOUT_VERSION = 1;

/** Columns of the figures sheet (1-based, as exceljs counts). */
export const VALUES_COLUMNS = { code: 1, title: 2, input: 3, value: 4, unit: 5, type: 6, rule: 7, documents: 8, claimed: 9, note: 10 } as const;
/** Columns of the documents sheet. */
export const DOCUMENT_COLUMNS = { criterion: 1, requirement: 2, label: 3, number: 4, date: 5, title: 6, issuer: 7, url: 8, sha256: 9 } as const;
/** Columns of the explanations sheet. */
export const EXPLANATION_COLUMNS = { criterion: 1, title: 2, explanation: 3 } as const;
/** Blank rows for more documents under the ones a set requires. */
export const EXTRA_DOCUMENT_ROWS = 30;

/** The keys of the unit sheet, in their order. */
export const UNIT_KEYS = [
  'criteriaSet',
  'setHash',
  'code',
  'name',
  'level',
  'province',
  'unitNote',
  'periodFrom',
  'periodTo',
  'periodLabel',
  'preparedName',
  'preparedRole',
  'preparedDate',
  'sample',
] as const;
export type UnitKey = (typeof UNIT_KEYS)[number];

export const UNIT_LEVELS = ['commune', 'ward', 'department', 'province', 'ministry'] as const;

/** One row of the figures sheet. */
export type ValueRow =
  | { kind: 'heading'; code: string | null; node: CompiledNode | null; block: 'shared' | 'fields' | 'bonus' | 'penalty'; depth: number }
  | { kind: 'criterion'; node: CompiledNode }
  | {
      kind: 'input';
      /** The leaf that declares it (null: a set-level input, a fact of the unit). */
      criterion: string | null;
      def: InputDef;
      /** The answer option of a tally (one row per option). */
      option: string | null;
      /** What the input column shows and the reader matches: the id, or "tally.option". */
      key: string;
    };

function inputRows(defs: readonly InputDef[], criterion: string | null): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const def of defs) {
    if (def.type === 'tally') for (const o of def.options ?? []) rows.push({ kind: 'input', criterion, def, option: o.id, key: `${def.id}.${o.id}` });
    else rows.push({ kind: 'input', criterion, def, option: null, key: def.id });
  }
  return rows;
}

function nodeRows(node: CompiledNode, rows: ValueRow[]): void {
  if (!node.isLeaf) {
    rows.push({ kind: 'heading', code: node.code, node, block: node.block, depth: node.depth });
    for (const c of node.children) nodeRows(c, rows);
    return;
  }
  rows.push({ kind: 'criterion', node });
  for (const r of inputRows(node.node.inputs ?? [], node.code)) rows.push(r);
}

/** The rows of the figures sheet under its heading row: shared facts, the fields, then bonus and penalty. */
export function valueRows(compiled: CompiledSet): ValueRow[] {
  const rows: ValueRow[] = [];
  const shared = compiled.set.inputs ?? [];
  if (shared.length) {
    rows.push({ kind: 'heading', code: null, node: null, block: 'shared', depth: 1 });
    for (const r of inputRows(shared, null)) rows.push(r);
  }
  for (const f of compiled.fields) nodeRows(f, rows);
  for (const [block, items] of [
    ['bonus', compiled.bonus],
    ['penalty', compiled.penalty],
  ] as const) {
    if (!items.length) continue;
    rows.push({ kind: 'heading', code: null, node: null, block, depth: 1 });
    for (const n of items) nodeRows(n, rows);
  }
  return rows;
}

/** Every leaf with its required documents, in set order: the documents sheet's rows. */
export function documentRows(compiled: CompiledSet): Array<{ node: CompiledNode; id: string; label: string; labelEn: string | undefined; kind: string; kindEn: string | undefined }> {
  const rows = [];
  for (const leaf of compiled.leaves) for (const d of leaf.documents) rows.push({ node: leaf, id: d.id, label: d.label, labelEn: d.labelEn, kind: d.kind, kindEn: d.kindEn });
  return rows;
}

/** An A1 address: column (1-based) and row. */
export function address(column: number, row: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

/** A sheet and a cell as Excel writes a reference: `Số liệu!D14`, quoted when the name has spaces. */
export function cellRef(sheet: string, column: number, row: number): string {
  return `${sheet}!${address(column, row)}`;
}
