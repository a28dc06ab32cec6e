/**
 * The province's view: many evidence files (chosen, or dropped as files or whole folders), each with
 * its appraisal file when one is among them, scored with one set and ranked by the engine's `rank`;
 * the ranking document with bands and field means, and a histogram of the indices.
 */
import { ParindexError, hashJson, rank, score, summarize, toSummary, type CompiledSet, type ScoreSummary } from '@parindex/engine';
import { diagnosticText, formatNumber, rankDocument, type PageWords } from '@parindex/explain';
import { fileButton, type PageContext } from './context.js';
import { h, renderDoc, s } from './dom.js';
import type { ReadFile } from './files.js';
import { FILES_ACCEPT, readPageFile } from './page-files.js';

export interface ProvinceState {
  files: ReadFile[];
}

const isEvidence = (f: ReadFile) => f.value !== undefined && Array.isArray(f.value.entries);
const isAppraisal = (f: ReadFile) => f.value !== undefined && Array.isArray(f.value.rounds);

/** The set most of the evidence files answer. */
function commonSet(files: readonly ReadFile[]): string | undefined {
  const counts = new Map<string, number>();
  for (const f of files) if (isEvidence(f) && typeof f.value!.criteriaSet === 'string') counts.set(f.value!.criteriaSet, (counts.get(f.value!.criteriaSet) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

interface Ranked {
  compiled: CompiledSet;
  summaries: ScoreSummary[];
  appraised: number;
  failed: Array<{ file: string; errors: number; first: string }>;
  unused: Array<{ file: string; why: string }>;
}

function scoreFiles(ctx: PageContext, st: ProvinceState, ref: string): Ranked {
  const compiled = ctx.sets.get(ref);
  const out: Ranked = { compiled, summaries: [], appraised: 0, failed: [], unused: [] };
  const files = st.files;
  const appraisals = files.filter(isAppraisal);
  const used = new Set<ReadFile>();
  const sorted = files.filter(isEvidence).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of sorted) {
    const ev = f.value!;
    if (ev.criteriaSet !== ref) {
      out.failed.push({ file: f.name, errors: 1, first: ctx.words.evidenceOfOtherSet(String(ev.criteriaSet)) });
      continue;
    }
    const sha = hashJson(ev);
    const appraisal = appraisals.find((a) => (a.value!.evidence as { sha256?: unknown } | undefined)?.sha256 === sha);
    try {
      out.summaries.push(toSummary(score(compiled, ev, appraisal ? { form: 'compact', appraisal: appraisal.value } : { form: 'compact' })));
      if (appraisal) {
        used.add(appraisal);
        out.appraised++;
      }
    } catch (e) {
      if (!(e instanceof ParindexError)) throw e;
      out.failed.push({ file: f.name, errors: e.diagnostics.length, first: e.diagnostics[0] ? diagnosticText(e.diagnostics[0], ctx.lang) : '' });
    }
  }
  for (const f of files) if (!f.value) out.failed.push({ file: f.name, errors: f.diagnostics.length, first: f.notice ?? (f.diagnostics[0] ? diagnosticText(f.diagnostics[0], ctx.lang) : '') });
  for (const a of appraisals) if (!used.has(a)) out.unused.push({ file: a.name, why: ctx.words.noMatchingEvidence });
  return out;
}

/** How many units fall in each tenth of the scale (the last bin holds the top of the scale too). */
function histogram(summaries: readonly ScoreSummary[], scale: number, w: PageWords, lang: 'vi' | 'en'): SVGElement {
  const bins = 10;
  const counts = new Array<number>(bins).fill(0);
  for (const r of summaries) counts[Math.min(bins - 1, Math.max(0, Math.floor((Number(r.totals.index) / scale) * bins)))]!++;
  const top = Math.max(1, ...counts);
  const bw = 30;
  const ch = 120;
  // Room above the tallest bar for its count.
  const top0 = 16;
  const n = (v: number) => formatNumber(v, lang);
  return s(
    'svg',
    { class: 'histogram', id: 'histogram', viewBox: `0 0 ${bins * bw + 10} ${ch + top0 + 30}`, role: 'img', 'aria-label': w.histogramTitle },
    counts.map((c, i) => {
      const height = (c / top) * ch;
      const from = (scale * i) / bins;
      const to = (scale * (i + 1)) / bins;
      return s(
        'g',
        { class: 'bin', 'data-count': c, 'data-from': from },
        s('title', {}, w.histogramBar(n(c), n(from), n(to))),
        s('rect', { x: i * bw + 6, y: (top0 + ch - height).toFixed(2), width: bw - 4, height: height.toFixed(2), class: 'bar-points' }),
        c ? s('text', { x: i * bw + 6 + (bw - 4) / 2, y: (top0 + ch - height - 3).toFixed(2), class: 'chart-value', 'text-anchor': 'middle' }, n(c)) : null,
        s('text', { x: i * bw + 4, y: top0 + ch + 16, class: 'chart-label' }, n(from)),
      );
    }),
  );
}

function ranking(ctx: PageContext, st: ProvinceState): HTMLElement | null {
  const files = st.files;
  if (!files.length) return null;
  const ref = commonSet(files);
  const w = ctx.words;
  if (ref === undefined || !ctx.sets.has(ref)) return h('p', { class: 'problems' }, ref ? w.setNotBundled(ref) : w.fileProblem(files.map((f) => f.name).join(', ')));
  const x = scoreFiles(ctx, st, ref);
  const policy = x.compiled.set.policies?.ranking ?? 'dense';
  const places = x.compiled.set.displayPlaces ?? 2;
  const doc = rankDocument(
    {
      set: { title: x.compiled.set.title, titleEn: x.compiled.set.titleEn, ref },
      policy,
      places,
      rows: rank(x.summaries, policy),
      results: x.summaries,
      // As `parindex rank` and POST /v1/rank: every band of the set (none left out for having no unit), the set's rounding of the mean.
      summary: summarize(x.summaries, policy, { bands: x.compiled.set.classification ?? [], rounding: x.compiled.set.rounding ?? [] }),
      appraised: x.appraised,
      round: undefined,
      failed: x.failed,
      unusedAppraisals: x.unused,
      skipped: [],
    },
    ctx.lang,
  );
  return h(
    'div',
    { id: 'ranking' },
    h('p', null, w.filesRead(formatNumber(files.length, ctx.lang), files.length === 1)),
    // The histogram right under the ranking table (title, policy, table), the means and problems after it.
    renderDoc(doc.slice(0, 3)),
    h('figure', { class: 'chart-box' }, histogram(x.summaries, Number(x.compiled.set.scale ?? 100), w, ctx.lang), h('figcaption', null, w.histogramTitle)),
    renderDoc(doc.slice(3)),
  );
}

/** Every .json file of a dropped item, folders walked. */
async function droppedFiles(items: DataTransferItemList): Promise<File[]> {
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry | null): Promise<void> => {
    if (!entry) return;
    if (entry.isFile && entry.name.toLowerCase().endsWith('.json')) out.push(await new Promise<File>((ok, fail) => (entry as FileSystemFileEntry).file(ok, fail)));
    if (!entry.isDirectory) return;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) await walk(e);
    }
  };
  // An item without an entry (not from a file system, e.g. made by a script): its file, if it has one.
  await Promise.all(
    [...items].map((i) => {
      const entry = i.webkitGetAsEntry();
      if (entry) return walk(entry);
      const file = i.getAsFile();
      if (file) out.push(file);
      return undefined;
    }),
  );
  return out;
}

export function provinceView(ctx: PageContext, st: ProvinceState): HTMLElement {
  const w = ctx.words;
  const take = async (files: File[]) => {
    st.files = await Promise.all(files.map((f) => readPageFile(ctx, f)));
    ctx.rerender();
  };
  const zone = h('div', { class: 'drop-zone', id: 'drop-zone' }, w.dropHere);
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer) void droppedFiles(e.dataTransfer.items).then(take);
  });
  return h(
    'div',
    { class: 'province' },
    h('p', null, w.provinceHint),
    h(
      'div',
      { class: 'toolbar' },
      fileButton('province-files', w.provinceFiles, (f) => void take(f), true, FILES_ACCEPT),
    ),
    zone,
    ranking(ctx, st),
  );
}
