/**
 * The officer's view: choose a set (or open a set file), fill the form, see the score as you type with
 * every problem beside its field, open and save the evidence file, autosave in this browser, print the
 * official report.
 */
import { ParindexError, score, type CompiledSet, type Diagnostic, type ScoreResult } from '@parindex/engine';
import { createExplainer, diagnosticText, officialDocument, pageWords, type Explainer, type Lang } from '@parindex/explain';
import { fileButton, problemList, type PageContext } from './context.js';
import { fill, h, renderDoc } from './dom.js';
import { download, readFileJson, storage } from './files.js';
import { bindValue, buildForm } from './form.js';
import { fileName, openWorkbook, saveWorkbook } from './officer-workbook.js';
import { XLSX_ACCEPT } from './page-files.js';
import { controlAt, emptyState, evidenceOf, restateNumbers, stateOf, type FormState } from './model.js';
import { allNodes, resultPanel } from './results.js';

export interface OfficerState {
  ref: string;
  form: FormState | undefined;
  /** Lost criteria whose trail the officer opened. */
  open: Set<string>;
  notice: string;
  fileProblems: Diagnostic[];
}

const evidenceKey = (ref: string) => `parindex.web.evidence.${ref}`;

/** The autosaved form of a set, if any, its numbers as `lang` writes them. */
function restored(compiled: CompiledSet, lang: Lang): FormState | undefined {
  const text = storage.get(evidenceKey(compiled.ref));
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? stateOf(compiled, v as Record<string, unknown>, lang) : undefined;
  } catch {
    return undefined;
  }
}

interface Parts {
  form: HTMLFormElement;
  problems: HTMLElement;
  panel: HTMLElement;
  report: HTMLElement;
  /** Draw the printed report of the latest result. */
  renderReport: (() => void) | undefined;
  marked: string[];
}

const REPORT_DELAY_MS = 300;
let reportTimer: ReturnType<typeof setTimeout> | undefined;
/** The report of the view on screen, drawn before the browser prints (Ctrl+P, the print button, print media). */
let printHook: (() => void) | undefined;

let listening = false;

function listenForPrint(): void {
  if (listening) return;
  listening = true;
  const draw = () => {
    clearTimeout(reportTimer);
    printHook?.();
  };
  window.addEventListener('beforeprint', draw);
  window.matchMedia('print').addEventListener('change', (e) => e.matches && draw());
}

/** Put each diagnostic beside the control its pointer names; clear the previous ones. */
function markControls(parts: Parts, diagnostics: readonly Diagnostic[], where: ReadonlyMap<string, string>, lang: Lang): void {
  for (const id of parts.marked) {
    document.getElementById(id)?.removeAttribute('aria-invalid');
    const m = document.getElementById(`msg-${id}`);
    if (m) m.replaceChildren();
  }
  parts.marked = [];
  for (const d of diagnostics) {
    const id = d.path ? controlAt(where, d.path) : undefined;
    const m = id ? document.getElementById(`msg-${id}`) : null;
    if (!id || !m) continue;
    if (d.severity === 'error') document.getElementById(id)?.setAttribute('aria-invalid', 'true');
    m.append(h('span', { class: d.severity, 'data-code': d.code }, `${d.code}: ${diagnosticText(d, lang)}`));
    parts.marked.push(id);
  }
}

/** From how many warnings the list under the totals is folded (its summary shows the count). */
const FOLD_WARNINGS_FROM = 5;

function problemsBox(diagnostics: readonly Diagnostic[], where: ReadonlyMap<string, string>, ex: Explainer, scored: boolean): HTMLElement | null {
  const w = pageWords(ex.lang);
  if (!diagnostics.length) return null;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const title = scored ? w.warnings : `${w.cannotScore} ${w.problems(ex.say.n(errors), errors === 1)}`;
  const item = (d: Diagnostic) => {
    const id = d.path ? controlAt(where, d.path) : undefined;
    // The form's own pointers mean nothing to the officer: the link leads to the field instead.
    const text = `${d.code}: ${diagnosticText(d, ex.lang)}`;
    if (!id) return h('li', { class: d.severity, 'data-code': d.code }, text);
    const go = (e: Event) => {
      e.preventDefault();
      document.getElementById(id)?.focus();
    };
    return h('li', { class: d.severity, 'data-code': d.code }, h('a', { href: `#${id}`, onclick: go }, text));
  };
  if (!scored) return h('div', { class: 'problems', role: 'alert', id: 'problems-box' }, h('p', null, title), h('ul', null, diagnostics.map(item)));
  // Warnings under the totals: a few shown, many (a form just begun lacks every figure) folded under their
  // count; each is beside its field too.
  const many = diagnostics.length > FOLD_WARNINGS_FROM;
  return h('details', { class: 'problems warnings', id: 'problems-box', open: !many }, h('summary', null, `${title} (${ex.say.n(String(diagnostics.length))})`), h('ul', null, diagnostics.map(item)));
}

/**
 * Does a check's warning follow only from a number the form could not read (left out of the evidence)? It
 * is "missing" to every criterion that reads it, and such a criterion cannot be said to score less than
 * its claim (the number left out may be what it lacks): as the workbook's reader says it.
 */
function followsFromRefused(compiled: CompiledSet, d: Diagnostic, refused: ReadonlySet<string>): boolean {
  const p = d.params as { code?: unknown; input?: unknown };
  if (d.code === 'SCORE_MISSING_INPUT') return typeof p.input === 'string' && refused.has(p.input);
  if (d.code !== 'SCORE_CLAIM_MISMATCH' || typeof p.code !== 'string') return false;
  return compiled.nodes.get(p.code)?.reads.some((id) => refused.has(id)) ?? false;
}

interface FormScored {
  evidence: Record<string, unknown>;
  /** What the browser keeps of the form: the evidence, with a number the form could not read kept as its text. */
  saved: Record<string, unknown>;
  where: Map<string, string>;
  result: ScoreResult | undefined;
  diagnostics: Diagnostic[];
}

/** The form scored: the result (none while a number cannot be read or the evidence has errors), and every problem. */
function scoreForm(compiled: CompiledSet, form: FormState): FormScored {
  const { evidence, where, problems } = evidenceOf(compiled, form);
  let result: ScoreResult | undefined;
  let found: Diagnostic[];
  try {
    result = score(compiled, evidence);
    found = result.diagnostics;
  } catch (e) {
    if (!(e instanceof ParindexError)) throw e;
    found = e.diagnostics;
  }
  if (!problems.length) return { evidence, saved: evidence, where, result, diagnostics: found };
  const refused = new Set(problems.map((d) => (d.params as { input?: string }).input ?? ''));
  const diagnostics = [...problems, ...found.filter((d) => !followsFromRefused(compiled, d, refused))];
  // A number left out is not a score: the form has an error until it is typed so that it reads as one number.
  return { evidence, saved: evidenceOf(compiled, form, 'vi', true).evidence, where, result: undefined, diagnostics };
}

/** Score the form, show everything that follows from it, autosave. */
function update(ctx: PageContext, st: OfficerState, compiled: CompiledSet, ex: Explainer, parts: Parts): void {
  const { evidence, saved, where, result, diagnostics } = scoreForm(compiled, st.form!);
  markControls(parts, diagnostics, where, ex.lang);
  const problems = problemsBox(diagnostics, where, ex, result !== undefined);
  // Errors come first (there is no score); warnings follow the totals.
  fill(parts.problems, result ? null : problems);
  parts.panel.dataset.state = result ? 'scored' : 'invalid';
  // While the form has errors the previous result stays, marked out of date (dimmed, under a note);
  // the criteria's points are hidden and the printed report says it cannot score.
  parts.form.dataset.stale = result ? 'false' : 'true';
  parts.panel.querySelector('#stale-note')?.remove();
  if (!result && parts.panel.firstChild) parts.panel.prepend(h('p', { id: 'stale-note', class: 'stale-note', role: 'status' }, ctx.words.staleResult));
  if (!result) {
    parts.renderReport = () => fill(parts.report, h('p', null, ctx.words.cannotScore));
    clearTimeout(reportTimer);
    parts.renderReport();
  }
  if (result) {
    const onToggle = (code: string, open: boolean) => (open ? st.open.add(code) : st.open.delete(code));
    fill(parts.panel, resultPanel(compiled, result, ex, ctx.words, { open: st.open, onToggle, warnings: problems }));
    for (const n of allNodes(result)) {
      const out = document.getElementById(`pts-${n.code}`);
      if (out) out.textContent = ctx.words.criterionPoints(ex.say.n(n.points), ex.say.n(n.applicableMax));
      // The criterion's flags (needsExplanation, missingDocument …) let the stylesheet point at what is missing.
      if (n.kind === 'leaf') document.getElementById(`crit-${n.code}`)?.setAttribute('data-flags', n.flags.join(' '));
    }
    const report = result;
    // The printed report is the official table the CLI writes (letterhead, one self-score column, signatures, provenance).
    const preparedBy = (evidence as { preparedBy?: { name?: string; date?: string } }).preparedBy;
    parts.renderReport = () => fill(parts.report, renderDoc(officialDocument({ self: report, rounds: [], preparedBy, set: compiled.set }, ex), 1));
    // The printed report follows the form a moment later (typing stays fast); printing draws it at once.
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => parts.renderReport?.(), REPORT_DELAY_MS);
  }
  storage.set(evidenceKey(compiled.ref), JSON.stringify(saved));
}

async function openEvidence(ctx: PageContext, st: OfficerState, file: File): Promise<void> {
  const read = await readFileJson(file);
  st.fileProblems = read.diagnostics;
  st.notice = read.value ? '' : ctx.words.fileProblem(file.name);
  if (read.value) {
    const ref = typeof read.value.criteriaSet === 'string' ? read.value.criteriaSet : st.ref;
    if (!ctx.sets.has(ref)) st.notice = ctx.words.setNotBundled(ref);
    else {
      st.notice = ref === st.ref ? '' : ctx.words.evidenceOfOtherSet(ref);
      st.ref = ref;
      st.form = stateOf(ctx.sets.get(ref), read.value, ctx.lang);
    }
  }
  ctx.rerender();
}

async function openSet(ctx: PageContext, st: OfficerState, file: File): Promise<void> {
  const read = await readFileJson(file);
  st.fileProblems = read.diagnostics;
  st.notice = read.value ? '' : ctx.words.fileProblem(file.name);
  if (read.value) {
    try {
      const c = ctx.sets.add(read.value);
      st.ref = c.ref;
      st.form = restored(c, ctx.lang) ?? emptyState(c, ctx.lang);
    } catch (e) {
      if (!(e instanceof ParindexError)) throw e;
      st.notice = ctx.words.fileProblem(file.name);
      st.fileProblems = e.diagnostics.map((d) => ({ ...d, file: file.name }));
    }
  }
  ctx.rerender();
}

function toolbar(ctx: PageContext, st: OfficerState, compiled: CompiledSet): HTMLElement {
  const w = ctx.words;
  const choose = (e: Event) => {
    st.ref = (e.target as HTMLSelectElement).value;
    st.form = undefined;
    st.notice = '';
    st.fileProblems = [];
    ctx.rerender();
  };
  const save = () => {
    const { evidence } = evidenceOf(compiled, st.form!, ctx.lang, true);
    download(fileName(compiled, st.form!.unit.code, 'json'), `${JSON.stringify(evidence, null, 2)}\n`);
  };
  const clear = () => {
    if (!window.confirm(w.confirmClear)) return;
    st.form = emptyState(compiled, ctx.lang);
    storage.set(evidenceKey(compiled.ref), null);
    ctx.rerender();
  };
  return h(
    'div',
    { class: 'toolbar' },
    h('label', { for: 'set-select' }, w.bundledSet),
    h(
      'select',
      { id: 'set-select', onchange: choose },
      ctx.sets.choices.map((c) => h('option', { value: c.ref, selected: c.ref === st.ref }, `${c.ref} — ${ctx.lang === 'en' && c.titleEn ? c.titleEn : c.title}`)),
    ),
    fileButton('open-set', w.loadSet, (f) => void openSet(ctx, st, f[0]!)),
    fileButton('open-evidence', w.openEvidence, (f) => void openEvidence(ctx, st, f[0]!)),
    h('button', { type: 'button', id: 'save-evidence', onclick: save }, w.saveEvidence),
    fileButton('open-workbook', w.openWorkbook, (f) => void openWorkbook(ctx, st, f[0]!), false, XLSX_ACCEPT),
    h('button', { type: 'button', id: 'save-workbook', onclick: () => void saveWorkbook(ctx, st, compiled) }, w.saveWorkbook),
    h(
      'button',
      {
        type: 'button',
        id: 'print-report',
        onclick: () => {
          printHook?.();
          window.print();
        },
      },
      w.print,
    ),
    h('button', { type: 'button', id: 'clear-evidence', onclick: clear }, w.clear),
  );
}

/** The officer's view, drawn from its state (which outlives it: a language switch draws it again). */
export function officerView(ctx: PageContext, st: OfficerState): HTMLElement {
  const w = ctx.words;
  let compiled: CompiledSet;
  try {
    compiled = ctx.sets.get(st.ref);
  } catch (e) {
    if (!(e instanceof ParindexError)) throw e;
    return h('div', { class: 'officer' }, problemList(w.fileProblem(st.ref), e.diagnostics, ctx.lang));
  }
  if (!st.form) {
    st.form = restored(compiled, ctx.lang);
    st.notice = st.form ? w.restored : st.notice;
    st.form ??= emptyState(compiled, ctx.lang);
  }
  // A language switch: the numbers typed are written again as the new language writes them.
  restateNumbers(compiled, st.form, ctx.lang);
  const ex = createExplainer(compiled, ctx.lang);
  const parts: Parts = {
    form: buildForm(compiled, ex, w, st.form),
    problems: h('div', { id: 'problems', 'aria-live': 'polite' }),
    panel: h('div', { id: 'result' }),
    report: h('section', { id: 'report', class: 'report' }),
    renderReport: undefined,
    marked: [],
  };
  listenForPrint();
  printHook = () => parts.renderReport?.();
  // One scoring per burst of changes (a paste, a browser's autofill), right after it: a microtask.
  let pending = false;
  const onInput = (e: Event) => {
    if (!bindValue(st.form!, e.target as HTMLInputElement) || pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      update(ctx, st, compiled, ex, parts);
    });
  };
  parts.form.addEventListener('input', onInput);
  parts.form.addEventListener('change', onInput);
  parts.form.addEventListener('submit', (e) => e.preventDefault());
  const view = h(
    'div',
    { class: 'officer' },
    toolbar(ctx, st, compiled),
    h('p', { class: 'notice', role: 'status', id: 'notice' }, st.notice ? `${st.notice} ` : '', w.autosaved),
    st.fileProblems.length ? problemList(st.fileProblems.some((d) => d.severity === 'error') ? w.fileProblem(st.fileProblems[0]?.file ?? '') : w.warnings, st.fileProblems, ctx.lang) : null,
    h(
      'div',
      { class: 'columns' },
      h('div', { class: 'form-column' }, parts.form),
      h('aside', { class: 'panel', 'aria-labelledby': 'score-heading' }, h('h2', { id: 'score-heading', tabindex: -1 }, w.scoreHeading), parts.problems, parts.panel),
    ),
    parts.report,
  );
  // The view must be in the document before the messages find their slots by id.
  queueMicrotask(() => update(ctx, st, compiled, ex, parts));
  return view;
}
