/**
 * The live result beside the form: total, index, classification, a chart of each field's points
 * against its maximum (plain SVG), per-field bars, and the criteria that lost points, most lost first,
 * each with its audit trail and "what would raise it": the explainer's sentences, as on the command line.
 */
import type { CompiledSet, Improvement, NodeResult, ScoreResult } from '@parindex/engine';
import { bandText, explainLeaf, formatNumber, formatPercent, lost, percentOf, type Explainer, type PageWords } from '@parindex/explain';
import { dec } from '@parindex/rules';
import { h, renderBlock, s, type Child } from './dom.js';

const leavesOf = (n: NodeResult): NodeResult[] => (n.children?.length ? n.children.flatMap(leavesOf) : [n]);

/** Every node of a result (fields, their descendants, bonus and penalty items). */
export function allNodes(r: ScoreResult): NodeResult[] {
  const out: NodeResult[] = [];
  const walk = (n: NodeResult) => {
    out.push(n);
    n.children?.forEach(walk);
  };
  r.fields.forEach(walk);
  r.bonus?.items.forEach(walk);
  r.penalty?.items.forEach(walk);
  return out;
}

function totalsBox(compiled: CompiledSet, r: ScoreResult, ex: Explainer): HTMLElement {
  const t = r.totals;
  const places = compiled.set.displayPlaces ?? 2;
  return h(
    'dl',
    { class: 'totals', id: 'totals' },
    h('dt', null, ex.word('total')),
    h('dd', { id: 'total-points', 'data-value': t.points }, `${ex.say.n(t.points)} / ${ex.say.n(t.applicableMax)}`),
    h('dt', null, ex.phrases.indexOnScale(ex.say.n(t.scale))),
    h('dd', { id: 'total-index', 'data-value': t.index }, formatNumber(t.index, ex.lang, { places, fixed: true })),
    h('dt', null, ex.word('classification')),
    h('dd', { id: 'total-class', 'data-value': t.classification?.code ?? '' }, bandText(t, ex.lang)),
  );
}

/** Points of each field against its maximum: one row of two bars per field, widths on one scale. */
function fieldChart(r: ScoreResult, ex: Explainer, w: PageWords): SVGElement {
  const rows = r.fields;
  const top = Math.max(1, ...rows.map((f) => Number(f.nominalMax)));
  const rowH = 22;
  const label = 34;
  const width = 320;
  const scale = (v: string) => ((width - label - 86) * Math.max(0, Number(v))) / top;
  const described = rows.map((f) => w.chartRow(`${f.code}. ${ex.pick(f.title, f.titleEn)}`, ex.say.n(f.points), ex.say.n(f.applicableMax))).join('; ');
  return s(
    'svg',
    { class: 'chart', viewBox: `0 0 ${width} ${rows.length * rowH + 4}`, role: 'img', 'aria-label': `${w.chartTitle}: ${described}` },
    rows.map((f, i) => {
      const y = i * rowH + 2;
      return s(
        'g',
        { class: 'chart-row' },
        s('title', {}, w.chartRow(`${f.code}. ${ex.pick(f.title, f.titleEn)}`, ex.say.n(f.points), ex.say.n(f.applicableMax))),
        s('text', { x: 0, y: y + 14, class: 'chart-label' }, f.code),
        s('rect', { x: label, y, width: scale(f.nominalMax).toFixed(2), height: rowH - 6, class: 'bar-max' }),
        s('rect', { x: label, y, width: scale(f.applicableMax).toFixed(2), height: rowH - 6, class: 'bar-applicable' }),
        s('rect', { x: label, y, width: scale(f.points).toFixed(2), height: rowH - 6, class: 'bar-points' }),
        s('text', { x: label + scale(f.nominalMax) + 4, y: y + 14, class: 'chart-value' }, `${ex.say.n(f.points)} / ${ex.say.n(f.applicableMax)}`),
      );
    }),
  );
}

function fieldBars(r: ScoreResult, ex: Explainer): HTMLElement {
  return h(
    'table',
    { class: 'field-bars' },
    h(
      'thead',
      null,
      h('tr', null, h('th', { scope: 'col' }, ex.word('field')), h('th', { scope: 'col', class: 'num' }, ex.word('score')), h('th', { scope: 'col', class: 'pct' }, ex.word('percent'))),
    ),
    h(
      'tbody',
      null,
      r.fields.map((f) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, `${f.code}. ${ex.pick(f.title, f.titleEn)}`),
          h('td', { class: 'num', id: `field-points-${f.code}` }, `${ex.say.n(f.points)} / ${ex.say.n(f.applicableMax)}`),
          // The share as the tables print it ("80,00%"), beside a meter that shows it at a glance.
          h(
            'td',
            { class: 'pct', id: `field-percent-${f.code}` },
            h('meter', { min: 0, max: Number(f.applicableMax) || 1, value: Number(f.points), 'aria-hidden': 'true' }),
            h('span', null, formatPercent(percentOf(f.points, f.applicableMax), ex.lang)),
          ),
        ),
      ),
    ),
  );
}

/** The data an improvement gives a reader (and the page's tests): which input, to which value, for how many points. */
function improvementData(im: Improvement): Record<string, string | undefined> {
  const d: Record<string, string | undefined> = { 'data-kind': im.kind };
  if ('gain' in im && im.gain !== null) d['data-gain'] = im.gain;
  if ('pointsAfter' in im && im.pointsAfter !== null) d['data-points-after'] = im.pointsAfter;
  if (im.kind === 'raise' || im.kind === 'lower' || im.kind === 'set') d['data-input'] = im.input;
  if (im.kind === 'raiseRatio') d['data-input'] = im.numerator;
  if (im.kind === 'raise' || im.kind === 'raiseRatio' || im.kind === 'lower' || im.kind === 'set') d['data-to'] = String(im.to);
  if ((im.kind === 'raise' || im.kind === 'raiseRatio') && im.strict) d['data-strict'] = 'true';
  return d;
}

/** One lost criterion: its audit trail (the explanation package's blocks) and its advice as data-carrying items. */
function lostItem(compiled: CompiledSet, n: NodeResult, ex: Explainer, open: ReadonlySet<string>, onToggle: (code: string, open: boolean) => void): HTMLElement {
  const improve = n.trace?.improve ?? [];
  const trail = explainLeaf(improve.length ? { ...n, trace: { ...n.trace!, improve: [] } } : n, compiled, ex);
  const [head, ...rest] = trail;
  const body = rest.filter((b) => !(improve.length && b.kind === 'para' && b.text === ex.phrases.noAdvice));
  const details = h(
    'details',
    { class: 'lost', id: `lost-${n.code}`, open: open.has(n.code) },
    h('summary', null, head && head.kind === 'heading' ? head.text : n.code),
    body.map((b) => renderBlock(b, 4)),
    improve.length
      ? [
          h('p', { class: 'improve-heading' }, `${ex.word('improve')}:`),
          h(
            'ul',
            { class: 'improve' },
            improve.map((im) => h('li', { ...improvementData(im), 'data-criterion': n.code }, ex.improvement(im, n.code))),
          ),
        ]
      : null,
  );
  details.addEventListener('toggle', () => onToggle(n.code, details.open));
  return details;
}

/** The leaves that lost points, most lost first (a penalty item loses what it takes off). */
export function lostLeaves(r: ScoreResult): NodeResult[] {
  const penalties = new Set((r.penalty?.items ?? []).flatMap(leavesOf).map((n) => n.code));
  const lossOf = (n: NodeResult) => (penalties.has(n.code) ? dec(n.points) : dec(n.applicableMax).minus(dec(n.points)));
  const all = [...r.fields.flatMap(leavesOf), ...(r.bonus?.items.flatMap(leavesOf) ?? []), ...(r.penalty?.items.flatMap(leavesOf) ?? [])];
  const losing = all.filter((n) => (penalties.has(n.code) ? dec(n.points).gt(0) : lost(n)));
  return losing
    .map((n, i) => ({ n, i, loss: lossOf(n) }))
    .sort((a, b) => b.loss.cmp(a.loss) || a.i - b.i)
    .map((x) => x.n);
}

export interface PanelOptions {
  open: ReadonlySet<string>;
  onToggle(code: string, open: boolean): void;
  /** The warnings of the evidence, shown under the totals. */
  warnings: HTMLElement | null;
}

/** The whole result panel. */
export function resultPanel(compiled: CompiledSet, r: ScoreResult, ex: Explainer, w: PageWords, o: PanelOptions): Child[] {
  const losing = lostLeaves(r);
  return [
    totalsBox(compiled, r, ex),
    o.warnings,
    h('figure', { class: 'chart-box' }, fieldChart(r, ex, w), h('figcaption', null, w.chartTitle)),
    fieldBars(r, ex),
    h('h3', { id: 'lost-heading' }, w.lostHeading),
    losing.length
      ? h(
          'div',
          { class: 'lost-list', 'aria-labelledby': 'lost-heading' },
          losing.map((n) => lostItem(compiled, n, ex, o.open, o.onToggle)),
        )
      : h('p', null, w.noneLost),
  ];
}
