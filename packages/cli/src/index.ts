/** @parindex/cli as a library: the runner and the formatters (the bin is dist/parindex.js, bundled from dist/bin.js). */
export { main } from './main.js';
export { formatNumber, formatPercent, percentOf, formatValue, type Lang } from './numbers.js';
export { formatDiagnostic, readJsonFile, detectKind } from './io.js';
export { ruleText, boundsText } from './format/rule-text.js';
export { improvementText } from './format/explain-text.js';
export { render } from './format/render.js';
export type { Doc, Block, Format } from './format/doc.js';
