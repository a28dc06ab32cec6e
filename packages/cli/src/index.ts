/** @parindex/cli as a library: the runner and the renderers (the bin is dist/parindex.js, bundled from dist/bin.js). Sentences and the document model are in @parindex/explain. */
export { main } from './main.js';
export { formatDiagnostic, readJsonFile, detectKind } from './io.js';
export { render } from './format/render.js';
