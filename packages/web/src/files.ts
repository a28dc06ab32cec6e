/** Reading the user's files (as untrusted JSON, with the rules package's reader) and saving one. */
import type { Diagnostic } from '@parindex/engine';
import { readJson } from '@parindex/rules';
import { h } from './dom.js';

export interface ReadFile {
  name: string;
  value: Record<string, unknown> | undefined;
  diagnostics: Diagnostic[];
  /** Why the file could not be read at all, when no diagnostic says it (the page's workbook code did not load). */
  notice?: string;
  /** Read as a workbook (.xlsx), not as JSON. */
  workbook?: boolean;
}

/** A file's JSON: size and depth limits, syntax errors with line and column, forbidden keys. Never throws. */
export async function readFileJson(file: File): Promise<ReadFile> {
  const doc = readJson(await file.text(), file.name);
  return { name: file.name, value: doc.value as Record<string, unknown> | undefined, diagnostics: doc.diagnostics };
}

/** Offer a text or bytes as a file to save; nothing is sent anywhere. */
export function download(name: string, content: string | Uint8Array, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** localStorage, when the browser allows it (a private window or a file:// page may not). */
export const storage = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // Storage full or refused: autosave is a convenience, the Save button still works.
    }
  },
};
