/**
 * A few lines of DOM building instead of a UI library. Every text goes in as a text node (never as
 * HTML), attributes through setAttribute (never a "style" or "on…" string: the page's CSP forbids inline
 * code and styles), events through addEventListener. Documents of @parindex/explain (`Doc`) render here
 * as the command line's HTML report renders them.
 */
import { cellLines, type Block, type Doc } from '@parindex/explain';

export type Child = Node | string | null | undefined | false | readonly Child[];
type Attr = string | number | boolean | null | undefined;
export type Props = Record<string, Attr | ((e: Event) => void)>;

function append(parent: Node, c: Child): void {
  if (c === null || c === undefined || c === false) return;
  if (typeof c === 'string') parent.appendChild(document.createTextNode(c));
  else if (Array.isArray(c)) for (const x of c as readonly Child[]) append(parent, x);
  else parent.appendChild(c as Node);
}

function setProps(el: Element, props: Props): void {
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v ?? '');
    else if (k === 'checked' || k === 'selected' || k === 'open') (el as unknown as Record<string, boolean>)[k] = v === true;
    else if (v !== null && v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** An HTML element: `h('label', { for: 'x' }, 'Số hồ sơ')`. Props starting with "on" are event listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) setProps(el, props);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with its attributes. */
export function s(tag: string, attrs: Record<string, Attr> = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setProps(el, attrs);
  append(el, children);
  return el;
}

/** Replace an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

function table(b: Extract<Block, { kind: 'table' }>): HTMLTableElement {
  const row = (r: (typeof b.rows)[number], cell: 'td' | 'th' = 'td') =>
    h(
      'tr',
      { class: r.strong ? 'strong' : null },
      b.columns.map((c, i) => {
        const td = h(
          cell,
          { class: c.align === 'right' ? 'num' : null },
          cellLines(r.cells[i]).flatMap((l, j) => (j ? [h('br'), l] : [l])),
        );
        // CSSOM, not a style attribute: the CSP allows it.
        if (i === b.indentColumn && r.depth) td.style.paddingLeft = `${0.4 + 0.9 * r.depth}em`;
        return td;
      }),
    );
  // Column widths as the command line's HTML report sets them (a fixed layout): the wrapped columns
  // take the room by their widths, the code and the numbers stay narrow. A criterion title column
  // without a width still takes the room.
  const weights = b.columns.map((c, i) => (c.width ? (i === b.indentColumn ? c.width : c.width * 0.8) : c.align === 'right' ? 10 : i === 0 ? 8 : i === b.indentColumn ? 44 : 12));
  const sum = weights.reduce((x, y) => x + y, 0);
  const cols = weights.map((w) => {
    const col = h('col');
    // CSSOM, not a style attribute: the CSP allows it.
    col.style.width = `${((100 * w) / sum).toFixed(1)}%`;
    return col;
  });
  return h(
    'table',
    { class: 'doc-table' },
    h('colgroup', null, cols),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        b.columns.map((c) => h('th', { scope: 'col' }, c.label)),
      ),
    ),
    h(
      'tbody',
      null,
      b.rows.map((r) => row(r)),
    ),
    // Totals in a second body, not a <tfoot>: Chromium repeats a footer at the foot of every printed page.
    b.footer?.length
      ? h(
          'tbody',
          { class: 'totals' },
          b.footer.map((r) => row(r)),
        )
      : null,
  );
}

/** One block of a document; `level` is the heading level of its title. */
export function renderBlock(b: Block, level = 2): HTMLElement {
  const hx = (n: number) => `h${Math.min(6, n)}` as 'h2';
  switch (b.kind) {
    case 'title':
      return h(hx(level), null, b.text);
    case 'heading':
      return h(hx(level + 1), null, b.text);
    case 'para':
      return h('p', null, b.text);
    case 'kv':
      return h(
        'dl',
        { class: 'kv' },
        b.rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
      );
    case 'list':
      return h(
        'ul',
        null,
        b.items.map((i) => h('li', null, i)),
      );
    case 'table':
      return h('div', { class: 'table-wrap' }, table(b));
    case 'letterhead':
      return h('div', { class: 'letterhead' }, [
        h(
          'div',
          null,
          b.left.map((l) => h('p', null, l)),
        ),
        h(
          'div',
          null,
          b.right.map((l) => h('p', null, l)),
        ),
      ]);
    case 'dateline':
      return h('p', { class: 'dateline' }, b.text);
    case 'subtitle':
      return h(
        'div',
        { class: 'subtitle' },
        b.lines.map((l) => h('p', null, l)),
      );
    case 'signatures':
      return h(
        'div',
        { class: 'signatures' },
        b.items.map((i) => h('div', null, [h('p', { class: 'role' }, i.role), h('p', { class: 'hint' }, i.hint), h('p', { class: 'name' }, i.name ?? '')])),
      );
    case 'provenance':
      return h('p', { class: 'provenance' }, b.text);
  }
}

export function renderDoc(doc: Doc, level = 2): HTMLElement[] {
  return doc.map((b) => renderBlock(b, level));
}
