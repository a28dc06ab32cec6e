/**
 * The workbooks in the page: dist/workbook.js (./workbook-script.ts) is added as a <script src> on first
 * use, which the page's CSP (`script-src 'self'`) allows, and registers `parindexWorkbook`. The rules,
 * the engine and the sentences it uses are this script's: they are put on `parindexShared` first (the
 * names listed in scripts/build.mjs, SHARED: only those, so that this script stays as small as it was).
 */
import { checkEvidence, ENGINE_VERSION, hashJson, score } from '@parindex/engine';
import { createExplainer, inputHelp, LOCALES, nodeIndex } from '@parindex/explain';
import { dec, diag, foldText, hasErrors, LIMITS, nearestCode, nearestWord, readDateText, readJson, readValueText, saidOnce, valueTextDiagnostic } from '@parindex/rules';
import type { fillEvidenceWorkbook, readWorkbookBytes } from '@parindex/workbook';

export interface WorkbookApi {
  fillEvidenceWorkbook: typeof fillEvidenceWorkbook;
  readWorkbookBytes: typeof readWorkbookBytes;
}

type Globals = { parindexWorkbook?: WorkbookApi; parindexShared?: unknown };
let loading: Promise<WorkbookApi> | undefined;

/** The workbook code, loaded once (a failed load may be tried again). */
export function workbookApi(): Promise<WorkbookApi> {
  const g = globalThis as Globals;
  if (g.parindexWorkbook) return Promise.resolve(g.parindexWorkbook);
  g.parindexShared = {
    rules: { dec, diag, foldText, hasErrors, LIMITS, nearestCode, nearestWord, readDateText, readJson, readValueText, saidOnce, valueTextDiagnostic },
    engine: { checkEvidence, ENGINE_VERSION, hashJson, score },
    explain: { createExplainer, inputHelp, LOCALES, nodeIndex },
  };
  loading ??= new Promise<WorkbookApi>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'workbook.js';
    script.addEventListener('load', () => (g.parindexWorkbook ? resolve(g.parindexWorkbook) : reject(new Error('workbook.js'))));
    script.addEventListener('error', () => {
      script.remove();
      loading = undefined;
      reject(new Error('workbook.js'));
    });
    document.head.append(script);
  });
  return loading;
}
