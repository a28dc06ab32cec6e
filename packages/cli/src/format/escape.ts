/**
 * Control characters in untrusted text, made visible. Unit names, documents, notes, explanations, level
 * values and file names come from files that anyone can write: printed raw, an ESC sequence recolours or
 * clears the terminal, sets its window title or plants an OSC 8 link; CR and backspace overwrite what was
 * printed before; a bidi override shows a line in another order than it is read. Each such character is
 * written as an escape instead (`\x1b`, `\r`, `\u202e`), so that the text stays readable and exact to the
 * eye. Used by the terminal renderer and the diagnostic printer (terminalText), and by the Markdown and
 * HTML renderers (documentText), which handle tabs and line breaks in their own way.
 */

/**
 * C0 controls (TAB, LF, CR, ESC, BS…), DEL, C1 controls (CSI U+009B, OSC U+009D…), the bidi marks,
 * embeddings, overrides and isolates, the Unicode line and paragraph separators, and the invisible
 * zero-width space, word joiner and byte order mark.
 */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** The same without TAB and LF, which a document renderer turns into its own spacing. */
const DOCUMENT_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One character as an escape: `\n`, `\r`, `\t`, else `\xHH` below U+0100 and `\uHHHH` above. */
function visible(ch: string): string {
  const short = SHORT[ch];
  if (short) return short;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text for a terminal: every control, bidi and line-breaking character (LF too) as a visible escape. */
export function terminalText(s: string): string {
  return s.replace(TERMINAL_UNSAFE, visible);
}

/**
 * Text for a document (Markdown, HTML): as terminalText, but TAB and LF are kept for the renderer, and
 * CRLF (a note written on Windows) is one LF.
 */
export function documentText(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(DOCUMENT_UNSAFE, visible);
}
