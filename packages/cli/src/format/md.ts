/** Markdown for pasting into documents (GitHub-flavoured tables). */
import { cellLines, type Block, type Doc } from './doc.js';

/** Text from files (unit names, notes) is data: HTML in it must not reach a Markdown renderer as markup. */
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const esc = (s: string) => text(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${text(b.text)}`;
    case 'heading':
      return `## ${text(b.text)}`;
    case 'para':
      return text(b.text);
    case 'kv':
      return b.rows.map(([k, v]) => `- **${esc(k)}:** ${esc(v)}`).join('\n');
    case 'list':
      return b.items.map((i) => `- ${text(i).replace(/\n/g, ' ')}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map((c) => esc(c.label)).join(' | ')} |`;
      const sep = `|${b.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
      const rows = [...b.rows, ...(b.footer ?? [])].map((r) => {
        const cells = b.columns.map((_, i) => {
          let c = cellLines(r.cells[i]).map(esc).join('<br>');
          if (i === b.indentColumn && r.depth) c = '&nbsp;&nbsp;'.repeat(r.depth) + c;
          return r.strong && c !== '' ? `**${c}**` : c;
        });
        return `| ${cells.join(' | ')} |`;
      });
      return [head, sep, ...rows].join('\n');
    }
  }
}

export function renderMarkdown(doc: Doc): string {
  return doc.map(block).join('\n\n') + '\n';
}
