/**
 * A workbook's bytes read into the file it stands for (the officer's evidence, or the appraisers'
 * appraisal), with every problem at once, each with its sheet and cell: the reader's own, and with
 * `check` the evidence checks of the engine, located by `cellOf` (their JSON pointers and params point
 * at the cells the values came from). The command line's `import` and the web page both read so.
 */
import { checkEvidence, hashJson } from '@parindex/engine';
import { hasErrors, readJson, saidOnce, type Diagnostic } from '@parindex/rules';
import { answersOnFigures, changedUnitCells } from './appraisal-ignored.js';
import { readAppraisalWorkbook } from './appraisal-read.js';
import { openWorkbookBytes, type OpenedWorkbook, type SetFinder } from './open.js';
import { readEvidenceWorkbook, standInProblem } from './read.js';
import type { CellMap } from './reading.js';

/** What a workbook holds: the value (undefined when a problem is an error), its problems with their cells. */
export interface ReadWorkbook {
  kind: 'evidence' | 'appraisal' | undefined;
  value: Record<string, unknown> | undefined;
  diagnostics: Diagnostic[];
  /** The cell a diagnostic of the value is about (for checks run later on the value). */
  cellOf(d: Diagnostic): string | undefined;
}

const NO_CELL = () => undefined;

/**
 * The cell of a diagnostic: its pointer's; for a criterion or input named in its params (a missing
 * value is reported at the evidence's "/entries"), the row of that input or criterion. A document given
 * itself (`ref`: explain's trail cites the documents an entry holds) is found at its own row.
 */
export function cellFinder(cells: CellMap): (d: Diagnostic) => string | undefined {
  return (d) => {
    const ref = (d.params as { ref?: unknown }).ref;
    const entry = /^\/entries\/([0-9]+)$/.exec(d.path)?.[1];
    const own = ref !== null && typeof ref === 'object' && entry !== undefined ? cells.ofDocument(Number(entry), ref as Record<string, unknown>) : undefined;
    if (own !== undefined) return own;
    const exact = cells.exact(d.path);
    // A pointer into an entry (its value, a document) is the most precise; a whole entry less so than the params.
    if (exact !== undefined && d.path.split('/').length > 3) return exact;
    // What the diagnostic is about, by its params: the input's cell (to fill), the document's row, the criterion's row.
    const p = d.params as Record<string, unknown>;
    const code = typeof p.code === 'string' ? p.code : undefined;
    const named =
      (typeof p.input === 'string' ? cells.ofInput(p.input) : undefined) ??
      (code !== undefined && typeof p.document === 'string' ? cells.ofInput(`doc:${code}/${p.document}`) : undefined) ??
      (code !== undefined ? cells.ofInput(`#${code}`) : undefined);
    return named ?? exact ?? cells.at(d.path);
  };
}

function located(kind: ReadWorkbook['kind'], value: Record<string, unknown>, diagnostics: Diagnostic[], cells: CellMap): ReadWorkbook {
  const cellOf = cellFinder(cells);
  const withCells = diagnostics.map((d) => (d.cell === undefined && cellOf(d) !== undefined ? { ...d, cell: cellOf(d)! } : d));
  return { kind, value: hasErrors(diagnostics) ? undefined : value, diagnostics: withCells, cellOf };
}

/** Read a workbook's bytes; `setFor` finds the set its binding names. */
export async function readWorkbookBytes(bytes: Uint8Array, setFor: SetFinder, check = false): Promise<ReadWorkbook> {
  const opened = await openWorkbookBytes(bytes, setFor);
  if (!opened.ok) return { kind: undefined, value: undefined, diagnostics: opened.diagnostics, cellOf: NO_CELL };
  if (opened.opened.kind === 'appraisal') return readAppraisal(opened.opened, check);
  const read = readEvidenceWorkbook(opened.opened);
  const found = [...read.diagnostics];
  if (check) {
    // Checked with a date taken as given where the reader refused a document's date: "no date", "lacks its
    // document", "needs an explanation" would only follow from the cell already reported; and without what
    // only follows from another refused cell ("missing", a claim above the points, an explanation needed).
    const refused = refusedOf(
      opened.opened,
      read.diagnostics,
      read.standIns.map((p) => read.cells.exact(p)),
    );
    const checks = checkEvidence(opened.opened.compiled, read.checked).filter((d) => !standInProblem(d, read.standIns) && !followsFrom(d, refused));
    found.push(...notRepeated(checks, read.diagnostics, cellFinder(read.cells)));
  }
  return located('evidence', read.evidence, saidOnce(found, cellFinder(read.cells)), read.cells);
}

/**
 * What the reader refused, as the checks would see it: the figures whose cell it refused (absent from the
 * evidence), the criteria that read one of them or whose self-score cell it refused (`scored`), and the
 * criteria with a refused cell on the documents or explanations sheet (`papers`; a document's date it
 * refused is not one: the checks take it as given, `standInCells`).
 */
interface Refused {
  inputs: ReadonlySet<string>;
  scored: ReadonlySet<string>;
  papers: ReadonlySet<string>;
}

function refusedOf(opened: OpenedWorkbook, reader: readonly Diagnostic[], standInCells: ReadonlyArray<string | undefined>): Refused {
  const { documents, explanations } = opened.words.sheets;
  const inputs = new Set<string>();
  const scored = new Set<string>();
  const papers = new Set<string>();
  for (const d of reader) {
    if (d.severity !== 'error' || d.cell === undefined || standInCells.includes(d.cell)) continue;
    const p = d.params as { input?: unknown; criterion?: unknown };
    if (typeof p.input === 'string') inputs.add(p.input);
    if (typeof p.criterion !== 'string') continue;
    const onPapers = d.cell.startsWith(`${documents}!`) || d.cell.startsWith(`${explanations}!`);
    (onPapers ? papers : scored).add(p.criterion);
  }
  for (const leaf of opened.compiled.leaves) if (leaf.reads.some((id) => inputs.has(id))) scored.add(leaf.code);
  return { inputs, scored, papers };
}

/**
 * Does a check's warning follow only from cells the reader refused? A figure refused is "missing" to every
 * criterion that reads it; a criterion with a refused cell cannot be said to score less than its claim
 * (the value refused may be what it lacks), nor to need an explanation when a cell of its documents or
 * explanation was refused.
 */
function followsFrom(d: Diagnostic, refused: Refused): boolean {
  const p = d.params as { code?: unknown; input?: unknown };
  const code = typeof p.code === 'string' ? p.code : '';
  if (d.code === 'SCORE_MISSING_INPUT') return typeof p.input === 'string' && refused.inputs.has(p.input);
  if (d.code === 'SCORE_CLAIM_MISMATCH') return refused.scored.has(code) || refused.papers.has(code);
  if (d.code === 'SCORE_NEEDS_EXPLANATION') return refused.papers.has(code);
  return false;
}

/**
 * An appraisers' workbook. The rounds are checked against the evidence also when the reader refused
 * cells, on what it could read (`checked`: a refused cell left out, a missing reason taken as given),
 * so that one import says every problem; a problem that follows only from a refused cell is not said.
 */
async function readAppraisal(opened: OpenedWorkbook, check: boolean): Promise<ReadWorkbook> {
  const a = await readAppraisalWorkbook(opened);
  const found = [...a.diagnostics];
  const evidence = check ? boundEvidence(opened) : undefined;
  if (check) found.push(...answersOnFigures(opened));
  if (evidence) found.push(...roundProblems(checkEvidence(opened.compiled, evidence, { appraisal: a.checked }), a.diagnostics, cellFinder(a.cells)));
  if (evidence) found.push(...changedUnitCells(opened, evidence));
  return located('appraisal', a.appraisal, found, a.cells);
}

/** The evidence an appraisers' workbook was made for (its binding sheet), when it still hashes to the SHA-256 it names. */
function boundEvidence(opened: OpenedWorkbook): Record<string, unknown> | undefined {
  const parts: string[] = [];
  for (let i = 0; opened.binding.has(`evidence:${i}`); i++) parts.push(opened.binding.get(`evidence:${i}`)!);
  if (!parts.length) return undefined;
  // Untrusted text like any file: the JSON reader's limits, forbidden keys refused.
  const value = readJson(parts.join('')).value;
  return value !== undefined && hashJson(value) === opened.binding.get('evidenceSha256') ? (value as Record<string, unknown>) : undefined;
}

/**
 * The problems of the appraisal's rounds among the checks of the evidence with it (the evidence's own
 * are not the appraisers'), less a comparison with a figure whose corrected value the reader refused:
 * the unit's value stands in for it there, so "1400 is more than the 1300 resolved" may be false.
 */
function roundProblems(checks: readonly Diagnostic[], reader: readonly Diagnostic[], cellOf: (d: Diagnostic) => string | undefined): Diagnostic[] {
  const refused = new Set(reader.filter((d) => d.severity === 'error').map((d) => (d.params as Record<string, unknown>).input));
  const named = (d: Diagnostic) => [(d.params as Record<string, unknown>).input, (d.params as Record<string, unknown>).other];
  return notRepeated(
    checks.filter((d) => d.code.startsWith('APPRAISAL_') || d.path.startsWith('/rounds')),
    reader,
    cellOf,
  ).filter((d) => d.severity !== 'error' || !('other' in d.params) || !named(d).some((id) => typeof id === 'string' && refused.has(id)));
}

/**
 * The evidence checks' problems, less the errors at a cell the reader already refused: a unit level
 * the drop-down does not have ("Thôn") is the reader's error, and the schema's "level must be one of …"
 * of the text it passed on would say it again, less clearly. Warnings stay, but those that only follow
 * from a refused cell (`followsFrom`, left out before).
 */
function notRepeated(checks: readonly Diagnostic[], reader: readonly Diagnostic[], cellOf: (d: Diagnostic) => string | undefined): Diagnostic[] {
  const refused = new Set(reader.filter((d) => d.severity === 'error' && d.cell !== undefined).map((d) => d.cell));
  return checks.filter((d) => d.severity !== 'error' || !refused.has(cellOf(d)));
}
