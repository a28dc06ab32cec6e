/** Markdown for pasting into documents (GitHub-flavoured tables). */
import type { Block, Doc } from './doc.js';

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `# ${b.text}`;
    case 'heading':
      return `## ${b.text}`;
    case 'para':
      return b.text;
    case 'kv':
      return b.rows.map(([k, v]) => `- **${esc(k)}:** ${esc(v)}`).join('\n');
    case 'list':
      return b.items.map((i) => `- ${i.replace(/\n/g, ' ')}`).join('\n');
    case 'table': {
      const head = `| ${b.columns.map((c) => esc(c.label)).join(' | ')} |`;
      const sep = `|${b.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`;
      const rows = [...b.rows, ...(b.footer ?? [])].map((r) => {
        const cells = b.columns.map((_, i) => {
          let c = esc(r.cells[i] ?? '');
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
