/**
 * @parindex/explain: every sentence parindex says, in Vietnamese (the default) and English, and the
 * document model every format renders. Browser-safe: no I/O, no Node globals. The engine gives data
 * (results, steps, improvements, diagnostics with typed params); this package words it.
 */
export { formatDate, formatNumber, formatPercent, percentOf, type Lang, type NumberOptions } from './numbers.js';
export { createExplainer, LOCALES, type Explainer } from './explainer.js';
export type { Locale, OfficialWords, Say, WordKey } from './locale.js';
export { countPhrase, inputHelp, pick } from './say.js';
export { conditionText, logicText } from './conditions.js';
export type { Block, Cell, Column, Doc, Format, Row, Signature } from './document.js';
export { cellLines } from './document.js';
export { scoreDocument, type ScoreDocumentOptions } from './documents/score.js';
export { explainDocument, explainLeaf, lost, type ExplainOptions } from './documents/explain.js';
export { bandText, documentLines, flagLines, headerRows, nodeIndex, noteLines, roman, scoreTable, type ReportOptions } from './documents/result-view.js';
export { setDocument, setListDocument, setSummary, type SetEntry } from './documents/sets.js';
export { boundsText, pointsText } from './explainer.js';
export { diffDocument, reasonText, type OptionLabel } from './documents/diff.js';
export { rankDocument, type RankDocumentInput } from './documents/rank.js';
export { describeInput, templateNote, validateDocument, type FileReport } from './documents/files.js';
export { diagnosticText, formatter, type DiagnosticSentences, type Formatter } from './diagnostics.js';
export { diagnosticsEn } from './locales/en/diagnostics.js';
export { diagnosticsVi } from './locales/vi/diagnostics.js';
export { pageWords, type PageView, type PageWords, type UnitLevel } from './page-words.js';
export { documentDate, officialDocument, placeOf, roundsUpTo, type OfficialInput, type OfficialRound } from './documents/official.js';
export { rankBandBlocks } from './documents/rank-bands.js';
export { planCounts, planExplainBlocks, planShowDocument, planStatusDocument, planTargetsDocument, productText } from './documents/plan.js';
export { explainSentences, type CriterionSentences } from './documents/sentences.js';
