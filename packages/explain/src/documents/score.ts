/** The score document: the table of fields (or every criterion), totals, index, classification, flags. */
import type { CompiledSet, ScoreResult } from '@parindex/engine';
import type { Doc } from '../document.js';
import type { Explainer } from '../explainer.js';
import { flagLines, headerRows, scoreTable } from './result-view.js';
import { partsBlocks } from './totals.js';

export interface ScoreDocumentOptions {
  /** Every criterion, not only the fields. */
  all?: boolean;
  /** The officer's layout (documents and notes columns, the appraised column always there). */
  officer?: boolean;
}

export function scoreDocument(self: ScoreResult, round: ScoreResult | undefined, compiled: CompiledSet, ex: Explainer, o: ScoreDocumentOptions = {}): Doc {
  const main = round ?? self;
  const officer = o.officer === true;
  const table = scoreTable(self, round, ex, { places: compiled.set.displayPlaces ?? 2, all: officer || o.all === true, officer });
  const stages = round ? `${ex.stage('self')}, ${ex.stage(round.stage)}` : ex.stage('self');
  const doc: Doc = [
    { kind: 'title', text: ex.phrases.scoreTitle(ex.pick(compiled.set.title, compiled.set.titleEn)) },
    { kind: 'kv', rows: headerRows(main, ex, stages, compiled.set.decision) },
    { kind: 'table', ...table, indentColumn: 1 },
  ];
  doc.push(...partsBlocks(main, ex, false));
  const flags = flagLines(main, ex);
  if (flags.length) doc.push({ kind: 'heading', text: ex.word('flags') }, { kind: 'list', items: flags });
  return doc;
}
