/**
 * A workbook wherever a JSON file is read: `import` and the commands that take evidence (validate, score,
 * explain, rank, diff) see the evidence (or appraisal) it holds, as a JsonFile whose diagnostics name
 * the sheet and cell (`cellOf`), so that the evidence checks and the scoring warnings of the engine
 * point at cells as well. The file is read here (with the size cap); the workbook itself by
 * @parindex/workbook, as in the web page.
 */
import { readBytesFile } from '@parindex/rules/files';
import type { Diagnostic } from '@parindex/rules';
import { readWorkbookBytes, WORKBOOK_LIMITS, type SetFinder } from '@parindex/workbook';
import { CliError, type JsonFile } from '../io.js';
import { compiledFor } from '../load.js';

/** A JsonFile read from a workbook: `cellOf` gives the cell a diagnostic of its value is about. */
export interface WorkbookFile extends JsonFile {
  cellOf(d: Diagnostic): string | undefined;
  kind: 'evidence' | 'appraisal' | undefined;
}

/** The set a workbook's binding names, as the command line finds a set (or --rules). */
function setFinder(rules: string | undefined): SetFinder {
  return async (ref) => {
    try {
      return await compiledFor(ref, rules);
    } catch (e) {
      if (e instanceof CliError) return e.diagnostics;
      throw e;
    }
  };
}

/**
 * Read a workbook. With `check`, the evidence checks of the engine run too and their problems are
 * added (import reports everything at once); the value is undefined when any problem is an error.
 */
export async function readWorkbookFile(file: string, rules: string | undefined, check = false): Promise<WorkbookFile> {
  const withFile = (list: readonly Diagnostic[]) => list.map((d) => (d.file === undefined ? { ...d, file } : d));
  const read = readBytesFile(file, { maxBytes: WORKBOOK_LIMITS.fileBytes });
  const none = { file, text: '', value: undefined, locate: () => undefined, cellOf: () => undefined, kind: undefined };
  if (!read.bytes) return { ...none, diagnostics: withFile(read.diagnostics) };
  const wb = await readWorkbookBytes(read.bytes, setFinder(rules), check);
  const text = wb.value === undefined ? '' : JSON.stringify(wb.value, null, 2) + '\n';
  return { file, text, value: wb.value, diagnostics: withFile(wb.diagnostics), locate: () => undefined, cellOf: wb.cellOf, kind: wb.kind };
}
