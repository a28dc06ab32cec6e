/** The audit trail: per criterion its rule, source, inputs, documents, working, claim and advice. */
import type { CompiledSet, NodeResult, ScoreResult, SourceRef, TraceDocument } from '@parindex/engine';
import { dec } from '@parindex/rules';
import type { Block, Doc } from '../document.js';
import type { Explainer } from '../explainer.js';
import type { OfficialRound } from './official.js';
import { formatNumber } from '../numbers.js';
import { documentLines, flagLines, headerRows, nodeIndex } from './result-view.js';
import { partsBlocks } from './totals.js';

const leavesOf = (n: NodeResult): NodeResult[] => (n.children?.length ? n.children.flatMap(leavesOf) : [n]);
const allLeaves = (r: ScoreResult) => [...r.fields.flatMap(leavesOf), ...(r.bonus?.items.flatMap(leavesOf) ?? []), ...(r.penalty?.items.flatMap(leavesOf) ?? [])];

/**
 * A source in one line: the document (issuer), its number and date ("không số", "không rõ ngày" when
 * the published text gives none), the article and the quoted words; a model rule says so, with its note.
 */
export function sourceText(src: SourceRef, ex: Explainer): string {
  const p = ex.phrases;
  const parts: string[] = [];
  if (src.document !== undefined) {
    const ids: string[] = [];
    if (src.number !== undefined) ids.push(src.number === null ? p.noNumber : `${ex.word('number')} ${src.number}`);
    if (src.date !== undefined) ids.push(src.date === null ? p.dateUnknown : `${ex.word('dated')} ${ex.say.date(src.date)}`);
    parts.push(`${src.document}${src.issuer !== undefined ? ` (${src.issuer})` : ''}${ids.length ? `, ${ids.join(', ')}` : ''}${src.article !== undefined ? `, ${src.article}` : ''}`);
  }
  if (src.quote !== undefined) parts.push(`“${src.quote}”`);
  const cited = parts.join('; ');
  // The note is the set author's own words: shown in the language asked for, or not at all.
  const note = ex.lang === 'en' ? src.noteEn : src.note;
  const remark = src.model ? `${p.modelRule}${note !== undefined ? `: ${note}` : ''}` : (note ?? '');
  return [cited, remark].filter(Boolean).join('. ');
}

/** The node earned less than its applicable maximum. */
export const lost = (n: NodeResult) => dec(n.applicableMax).gt(dec(n.points));

function leafRows(n: NodeResult, compiled: CompiledSet, ex: Explainer, self: NodeResult | undefined): Array<[string, string]> {
  const node = compiled.nodes.get(n.code);
  const rows: Array<[string, string]> = [];
  if (node?.rule) rows.push([ex.word('rule'), ex.rule(node)]);
  if (n.source) rows.push([ex.word('source'), sourceText(n.source, ex)]);
  // A flag that only repeats the status ("không áp dụng (Không áp dụng)") is not listed.
  const flags = n.flags.filter((f) => f !== n.status);
  rows.push([ex.word('status'), ex.status(n.status) + (flags.length ? ` (${flags.map((f) => ex.flag(f)).join('; ')})` : '')]);
  if (self && self.points !== n.points) rows.push([ex.word('selfScore'), ex.say.n(self.points)]);
  return rows;
}

/** What an explanation may be given beside the result. */
export interface ExplainOptions {
  /** Blocks to add under each criterion (the plan section of explain --plan). */
  after?: ((leaf: NodeResult) => Block[]) | undefined;
  /** The line of the evidence file an entry (0-based) starts on, when the caller has the file's text. */
  entryLine?: ((entry: number) => number | undefined) | undefined;
  /**
   * The workbook cell an input's value or a document came from (evidence read from a workbook), said
   * instead of the entry; `ref`: the document itself (the trace's copy of it), so that each document is
   * cited at its own row, not at the row of the requirement it proves.
   */
  cellOf?: ((entry: number, of: { input: string } | { code: string; document: string; ref?: TraceDocument['by'][number] }) => string | undefined) | undefined;
  /** The appraisal file's rounds up to the one explained, answers included: the unit's answers to each criterion. */
  rounds?: readonly OfficialRound[] | undefined;
  /** With a plan (explain --plan): the plan's id for an input whose value was derived from it (cited instead of the evidence entry it replaced). */
  planOf?: ((input: string) => { plan: string; progress: boolean } | undefined) | undefined;
}

function documentItems(n: NodeResult, ex: Explainer, o: ExplainOptions): string[] {
  return n.trace!.documents.map((d) => {
    const by = documentLines([{ ...d, required: true }], ex).join('; ');
    const at = (b: TraceDocument['by'][number]) => {
      const cell = o.cellOf?.(b.entry, { code: n.code, document: d.id, ref: b });
      return cell !== undefined ? ex.phrases.cellAt(cell) : ex.phrases.entryAt(String(b.entry + 1), lineText(o, b.entry));
    };
    const entries = d.by.length ? ` [${d.by.map(at).join('; ')}]` : '';
    return `${ex.say.document(n.code, d.id)}${d.required ? '' : ` (${ex.word('optional')})`}: ${d.provided ? by + entries : ex.word('missing')}`;
  });
}

const lineText = (o: ExplainOptions, entry: number | null): string | undefined => {
  const line = entry === null ? undefined : o.entryLine?.(entry);
  return line === undefined ? undefined : String(line);
};

/** The unit's answers to the appraisal on criterion `code`, each with its round, date and author. */
function answerItems(code: string, ex: Explainer, o: ExplainOptions): string[] {
  return (o.rounds ?? []).flatMap((round) =>
    round.kind !== 'answer'
      ? []
      : round.items
          .filter((item) => item.criterion === code)
          .map((item) => {
            const by = item.by ?? round.by;
            const date = item.date ?? round.date;
            const who = [...(date !== undefined ? [ex.say.date(date)] : []), ...(by !== undefined ? [by] : [])];
            return `${ex.phrases.roundBy(ex.stage(round.id), who)}: ${item.reason}`;
          }),
  );
}

/** The rule's note, the set author's own words: in the language asked for, or not at all (as a source's note). */
function notesOf(n: NodeResult, compiled: CompiledSet, ex: Explainer): readonly string[] {
  if (ex.lang === 'vi') return n.trace!.notes ?? [];
  const en = compiled.nodes.get(n.code)?.rule?.noteEn;
  return en !== undefined ? [en] : [];
}

function traceBlocks(n: NodeResult, compiled: CompiledSet, ex: Explainer, isPenalty: boolean, o: ExplainOptions): Block[] {
  const tr = n.trace!;
  const blocks: Block[] = [];
  const list = (heading: string, items: string[]) => items.length && blocks.push({ kind: 'para', text: `${heading}:` }, { kind: 'list', items });
  list(
    ex.word('inputs'),
    tr.inputs.map((i) => {
      const line = i.entry === null ? undefined : o.entryLine?.(i.entry);
      const cell = i.entry === null ? undefined : o.cellOf?.(i.entry, { input: i.id });
      return ex.input(i, line, cell, o.planOf?.(i.id));
    }),
  );
  list(ex.word('documents'), documentItems(n, ex, o));
  list(
    ex.word('steps'),
    tr.steps.map((x) => ex.step(x, n.code)).filter((x): x is string => x !== null),
  );
  if (tr.claim)
    blocks.push({ kind: 'para', text: tr.claim.matches ? ex.phrases.claimMatches(ex.say.n(tr.claim.claimed)) : ex.phrases.claimDiffers(ex.say.n(tr.claim.claimed), ex.say.n(tr.claim.computed)) });
  // Said once: a missing document's or figure's step already quotes the explanation given for it.
  const quoted = tr.steps.some((s) => s.kind === 'missing' && s.explanation === tr.explanation);
  if (tr.explanation && !quoted) blocks.push({ kind: 'para', text: `${ex.word('explanationLabel')}: ${tr.explanation}` });
  list(ex.phrases.answersHeading, answerItems(n.code, ex, o));
  for (const note of notesOf(n, compiled, ex)) blocks.push({ kind: 'para', text: note });
  if (tr.improve.length)
    list(
      ex.word('improve'),
      tr.improve.map((im) => ex.improvement(im, n.code)),
    );
  else if (lost(n) && !isPenalty) blocks.push({ kind: 'para', text: ex.phrases.noAdvice });
  return blocks;
}

/** One criterion's audit trail. */
export function explainLeaf(n: NodeResult, compiled: CompiledSet, ex: Explainer, self?: NodeResult, o: ExplainOptions = {}): Block[] {
  const setMax = n.applicableMax !== n.nominalMax ? ` ${ex.phrases.setMaximum(ex.say.n(n.nominalMax))}` : '';
  // "0,5 / 1 điểm", "0.5 / 1 point": the maximum says whether the word is one point or more.
  const head = `${n.code}. ${ex.pick(n.title, n.titleEn)} — ${ex.say.n(n.points)} / ${ex.say.pts(n.applicableMax)}${setMax}`;
  const blocks: Block[] = [
    { kind: 'heading', text: head },
    { kind: 'kv', rows: leafRows(n, compiled, ex, self) },
  ];
  if (n.trace)
    blocks.push(
      ...traceBlocks(
        n,
        compiled,
        ex,
        compiled.penalty.some((c) => c.code === n.code),
        o,
      ),
    );
  for (const st of n.steps ?? []) {
    const x = ex.step(st);
    if (x) blocks.push({ kind: 'para', text: x });
  }
  return blocks;
}

/**
 * The explanation of a result: one criterion (or field) when `code` is given, else every leaf, those
 * that lost points first. `self` is the self-score when `main` is an appraisal round.
 */
export function explainDocument(main: ScoreResult, self: ScoreResult | undefined, compiled: CompiledSet, ex: Explainer, code?: string, o: ExplainOptions = {}): Doc {
  const selfIdx = nodeIndex(self);
  // A penalty item loses points when it has any (they are taken off the total), not when it is below its maximum.
  const penalties = new Set((main.penalty?.items ?? []).map((n) => n.code));
  const isLost = (n: NodeResult) => (penalties.has(n.code) ? dec(n.points).gt(0) : lost(n));
  const one = code === undefined ? undefined : nodeIndex(main).get(code);
  const all = one ? leavesOf(one) : allLeaves(main);
  const leaves = one ? all : [...all.filter(isLost), ...all.filter((n) => !isLost(n))];
  const stages = self ? `${ex.stage('self')} → ${ex.stage(main.stage)}` : ex.stage('self');
  const index = `${formatNumber(main.totals.index, ex.lang, { places: compiled.set.displayPlaces ?? 2, fixed: true })} (${ex.say.n(main.totals.points)} / ${ex.say.n(main.totals.applicableMax)})`;
  const doc: Doc = [
    { kind: 'title', text: ex.phrases.explainTitle(main.unit.name) },
    { kind: 'kv', rows: [...headerRows(main, ex, stages, compiled.set.decision), [ex.word('index'), index]] },
  ];
  if (!one) {
    doc.push(...partsBlocks(main, ex, true));
    doc.push({ kind: 'para', text: ex.phrases.lostFirst(ex.say.n(leaves.filter(isLost).length)) });
    const flags = flagLines(main, ex);
    if (flags.length) doc.push({ kind: 'list', items: flags });
  }
  for (const n of leaves) doc.push(...explainLeaf(n, compiled, ex, selfIdx.get(n.code), o), ...(o.after?.(n) ?? []));
  return doc;
}
