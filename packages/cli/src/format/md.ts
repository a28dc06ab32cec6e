/**
 * Markdown for pasting into documents (GitHub-flavoured tables). Every text is data, never markup, as
 * in the HTML renderer: a unit named "x\n## Kết luận: đạt loại A" must not add a heading to the report,
 * nor "[x](javascript:…)" a link or "![](http://…)" a remote image, nor "<b>" HTML.
 */
import { cellLines, type Block, type Doc } from '@parindex/explain';
import { documentText } from './escape.js';

/**
 * Characters with a meaning anywhere in a line: emphasis, code spans, links and images, table pipes,
 * strikethrough, headings' closing marks and attribute braces. Each gets a backslash, which every
 * Markdown renderer reads as the character itself.
 */
const INLINE_META = /[\\`*_{}[\]|!~#]/g;

/**
 * Text inside a line (a table cell, after a list marker's label, a heading's words): one line (line
 * breaks and tabs become spaces), controls visible, HTML as entities, Markdown metacharacters escaped,
 * and a parenthesis after a bracket escaped too, so that no "](" is left of a link.
 */
export function markdownInline(s: string): string {
  return documentText(s)
    .replace(/[\n\t]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE_META, (m) => '\\' + m)
    .replace(/\]\(/g, ']\\(');
}

/**
 * Text that starts a line (a paragraph, a list item): markdownInline, and a leading list, heading,
 * quote or setext marker (- + = : or digits followed by . or )) escaped, so that it stays text.
 */
export function markdownText(s: string): string {
  return markdownInline(s)
    .replace(/^(\s*)([-+=:])/, '$1\\$2')
    .replace(/^(\s*[0-9]+)([.)])/, '$1\\$2');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${markdownInline(b.text)}`;
    case 'heading':
      return `## ${markdownInline(b.text)}`;
    case 'para':
      return markdownText(b.text);
    case 'kv':
      return b.rows.map(([k, v]) => `- **${markdownInline(k)}:** ${markdownInline(v)}`).join('\n');
    case 'list':
      return b.items.map((i) => `- ${markdownText(i)}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map((c) => markdownInline(c.label)).join(' | ')} |`;
      const sep = `|${b.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
      const rows = [...b.rows, ...(b.footer ?? [])].map((r) => {
        const cells = b.columns.map((_, i) => {
          // A cell's own lines are the one place a <br> is written.
          let c = cellLines(r.cells[i]).map(markdownInline).join('<br>');
          if (i === b.indentColumn && r.depth) c = '&nbsp;&nbsp;'.repeat(r.depth) + c;
          return r.strong && c !== '' ? `**${c}**` : c;
        });
        return `| ${cells.join(' | ')} |`;
      });
      return [head, sep, ...rows].join('\n');
    }
    case 'letterhead':
      return [...b.left, ...b.right].map((l) => `**${markdownInline(l)}**`).join('  \n');
    case 'subtitle':
      return b.lines.map(markdownText).join('  \n');
    case 'dateline':
      return `*${markdownInline(b.text)}*`;
    case 'provenance':
      return markdownText(b.text);
    case 'signatures':
      return [
        `| ${b.items.map((i) => `**${markdownInline(i.role)}**`).join(' | ')} |`,
        `|${b.items.map(() => '---').join('|')}|`,
        `| ${b.items.map((i) => markdownInline(i.hint)).join(' | ')} |`,
        `| ${b.items.map((i) => markdownInline(i.name ?? '')).join(' | ')} |`,
      ].join('\n');
  }
}

export function renderMarkdown(doc: Doc): string {
  return doc.map(block).join('\n\n') + '\n';
}
