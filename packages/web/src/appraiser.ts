/**
 * The appraiser's view: an evidence file and its appraisal file, the self-assessment and every round
 * side by side (criterion by criterion, and the totals), then what changed and why (the diff document).
 */
import { ParindexError, diffResults, score, type CompiledSet, type Diagnostic, type NodeResult, type ScoreResult } from '@parindex/engine';
import { bandText, createExplainer, diffDocument, formatNumber, nodeIndex, type Block, type Explainer, type Row } from '@parindex/explain';
import { fileButton, problemList, type PageContext } from './context.js';
import { h, renderBlock, renderDoc } from './dom.js';
import type { ReadFile } from './files.js';
import { FILES_ACCEPT, forRole, readPageFile } from './page-files.js';

export interface AppraiserState {
  evidence: ReadFile | undefined;
  appraisal: ReadFile | undefined;
}

interface Scored {
  compiled: CompiledSet;
  self: ScoreResult;
  rounds: ScoreResult[];
}

function roundIds(appraisal: Record<string, unknown> | undefined): string[] {
  const rounds = appraisal?.rounds;
  if (!Array.isArray(rounds)) return [];
  return rounds.flatMap((r) => (r && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string' ? [(r as { id: string }).id] : []));
}

/** Score the self-assessment and each round; the problems of whichever file has them. */
function scoreAll(ctx: PageContext, st: AppraiserState): Scored | { problems: Diagnostic[]; title: string } {
  const ev = st.evidence!;
  const w = ctx.words;
  if (!ev.value) return { problems: ev.diagnostics, title: ev.notice ?? w.fileProblem(ev.name) };
  const ref = typeof ev.value.criteriaSet === 'string' ? ev.value.criteriaSet : '';
  if (!ctx.sets.has(ref)) return { problems: [], title: w.setNotBundled(ref) };
  if (st.appraisal && !st.appraisal.value) return { problems: st.appraisal.diagnostics, title: st.appraisal.notice ?? w.fileProblem(st.appraisal.name) };
  try {
    const compiled = ctx.sets.get(ref);
    const self = score(compiled, ev.value);
    const appraisal = st.appraisal?.value;
    const rounds = appraisal ? roundIds(appraisal).map((round) => score(compiled, ev.value, { appraisal, round })) : [];
    return { compiled, self, rounds };
  } catch (e) {
    if (!(e instanceof ParindexError)) throw e;
    const file = e.diagnostics.some((d) => d.code.startsWith('APPRAISAL_')) && st.appraisal ? st.appraisal.name : ev.name;
    return { problems: e.diagnostics.map((d) => ({ ...d, file })), title: w.fileProblem(file) };
  }
}

function nodeRows(self: ScoreResult, rounds: readonly ScoreResult[], ex: Explainer): Row[] {
  const index = rounds.map((r) => nodeIndex(r));
  const rows: Row[] = [];
  const line = (n: NodeResult, depth: number) => {
    const cells = [n.code, ex.pick(n.title, n.titleEn), ex.say.n(n.applicableMax), ex.say.n(n.points), ...index.map((m) => ex.say.n(m.get(n.code)?.points ?? '0'))];
    rows.push({ cells, depth, strong: depth === 0 });
    n.children?.forEach((c) => line(c, depth + 1));
  };
  self.fields.forEach((f) => line(f, 0));
  self.bonus?.items.forEach((n) => line(n, 1));
  self.penalty?.items.forEach((n) => line(n, 1));
  return rows;
}

/** Self and every round, side by side. */
function sideBySide(x: Scored, ex: Explainer): Block {
  const { self, rounds } = x;
  const places = x.compiled.set.displayPlaces ?? 2;
  const index = (r: ScoreResult) => formatNumber(r.totals.index, ex.lang, { places, fixed: true });
  const all = [self, ...rounds];
  return {
    kind: 'table',
    indentColumn: 1,
    columns: [
      { label: ex.word('code') },
      { label: ex.word('criterion') },
      { label: ex.word('max'), align: 'right' },
      { label: ex.stage('self'), align: 'right' },
      ...rounds.map((r) => ({ label: ex.stage(r.stage), align: 'right' as const })),
    ],
    rows: nodeRows(self, rounds, ex),
    footer: [
      { cells: ['', ex.word('total'), ex.say.n(self.totals.applicableMax), ...all.map((r) => ex.say.n(r.totals.points))], strong: true },
      { cells: ['', ex.phrases.indexOnScale(ex.say.n(self.totals.scale)), '', ...all.map(index)], strong: true },
      { cells: ['', ex.word('classification'), '', ...all.map((r) => bandText(r.totals, ex.lang))], strong: true },
    ],
  };
}

/** Mark each round's cell that differs from the self-assessment (column 4) in the same row. */
function markChanges(table: HTMLElement): HTMLElement {
  for (const tr of Array.from(table.querySelectorAll('tbody tr, tfoot tr'))) {
    const cells = Array.from(tr.children);
    const self = cells[3]?.textContent;
    for (const c of cells.slice(4)) if (c.textContent !== self) c.classList.add('changed');
  }
  return table;
}

function results(ctx: PageContext, st: AppraiserState): HTMLElement | null {
  if (!st.evidence) return null;
  const x = scoreAll(ctx, st);
  if ('problems' in x) return problemList(x.title, x.problems, ctx.lang);
  const ex = createExplainer(x.compiled, ctx.lang);
  const last = x.rounds[x.rounds.length - 1];
  const places = x.compiled.set.displayPlaces ?? 2;
  return h(
    'div',
    { id: 'appraisal-result' },
    h('h2', null, ctx.words.sideBySide),
    h('p', null, `${x.self.unit.name} (${x.self.unit.code}) — ${x.compiled.ref}`),
    h('div', { class: 'table-wrap', id: 'side-by-side' }, markChanges(renderBlock(sideBySide(x, ex)))),
    last ? [h('h2', null, ctx.words.lastRoundChanges), renderDoc(diffDocument(diffResults(x.self, last), x.self, last, ctx.lang, { all: false, places, option: ex.say.option }).slice(1), 3)] : null,
  );
}

export function appraiserView(ctx: PageContext, st: AppraiserState): HTMLElement {
  const w = ctx.words;
  const pick = (key: 'evidence' | 'appraisal') => async (files: File[]) => {
    st[key] = forRole(await readPageFile(ctx, files[0]!), key);
    ctx.rerender();
  };
  return h(
    'div',
    { class: 'appraiser' },
    h('p', null, w.appraiserHint),
    h(
      'div',
      { class: 'toolbar' },
      fileButton('appraiser-evidence', w.evidenceFile, pick('evidence'), false, FILES_ACCEPT),
      h('span', { class: 'file-name' }, st.evidence?.name ?? ''),
      fileButton('appraiser-appraisal', w.appraisalFile, pick('appraisal'), false, FILES_ACCEPT),
      h('span', { class: 'file-name' }, st.appraisal?.name ?? ''),
    ),
    results(ctx, st),
  );
}
