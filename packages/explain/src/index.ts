/**
 * @parindex/explain: every sentence parindex says, in Vietnamese (the default) and English, and the
 * document model every format renders. Browser-safe: no I/O, no Node globals. The engine gives data
 * (results, steps, improvements, diagnostics with typed params); this package words it.
 */
export { formatDate, formatNumber, formatPercent, percentOf, type Lang, type NumberOptions } from './numbers.js';
export { diagnosticText, formatter, type DiagnosticSentences, type Formatter } from './diagnostics.js';
export { diagnosticsEn } from './locales/en/diagnostics.js';
export { diagnosticsVi } from './locales/vi/diagnostics.js';
