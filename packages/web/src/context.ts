/** What every view of the page shares: the language, its words, the sets, and a way to show a file's problems. */
import type { Diagnostic } from '@parindex/engine';
import { diagnosticText, type Lang, type PageWords } from '@parindex/explain';
import { h } from './dom.js';
import type { SetStore } from './sets.js';

export interface PageContext {
  readonly lang: Lang;
  readonly words: PageWords;
  readonly sets: SetStore;
  /** Draw the page again (after a set was added, a view changed, or the language switched). */
  rerender(): void;
}

/** A diagnostic as the command line prints it: place (file:line:column, or file:Sheet!Cell), code, sentence. */
export function diagnosticLine(d: Diagnostic, lang: Lang): string {
  const where = d.cell !== undefined ? `${d.file ?? ''}:${d.cell} ` : d.line !== undefined ? `${d.file ?? ''}:${d.line}:${d.column ?? 1} ` : d.file ? `${d.file} ` : '';
  return `${where}${d.code} ${d.path ? `${d.path} ` : ''}${diagnosticText(d, lang)}`;
}

/** A list of a file's problems under a heading. */
export function problemList(title: string, diagnostics: readonly Diagnostic[], lang: Lang): HTMLElement {
  return h(
    'div',
    { class: 'problems', role: 'alert' },
    h('p', null, title),
    h(
      'ul',
      null,
      diagnostics.map((d) => h('li', { class: d.severity, 'data-code': d.code }, diagnosticLine(d, lang))),
    ),
  );
}

/** A file input with a visible label that looks like a button (the input itself keeps the keyboard focus). */
export function fileButton(id: string, label: string, onFiles: (files: File[]) => void, multiple = false, accept = '.json,application/json'): HTMLElement[] {
  const input = h('input', {
    type: 'file',
    id,
    class: 'file-input',
    accept,
    multiple,
    onchange: () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      if (files.length) onFiles(files);
    },
  });
  return [input, h('label', { for: id, class: 'button' }, label)];
}
