/** Render a document in the chosen format; JSON is handled by the commands (engine data as is). */
import { renderCsv } from './csv.js';
import type { Doc, Format } from '@parindex/explain';
import { renderHtml } from './html.js';
import { renderMarkdown } from './md.js';
import { renderText } from './text.js';

export function render(doc: Doc, format: Exclude<Format, 'json' | 'docx' | 'xlsx'>, lang: 'vi' | 'en'): string {
  switch (format) {
    case 'md':
      return renderMarkdown(doc);
    case 'html':
      return renderHtml(doc, lang);
    case 'csv':
      return renderCsv(doc, lang);
    default:
      return renderText(doc);
  }
}

/** JSON output: two-space indented, newline at the end. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
