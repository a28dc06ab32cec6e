/**
 * @internal The documents of a criterion checked against what it asks and what its values claim:
 *
 * - a document without `for`, of a criterion that asks for several, is matched to the one requirement
 *   it can be (its symbol, "15/KH-UBND" is a plan, or its title naming the requirement's kind or label,
 *   among the requirements no document names); when it can be none or several, a warning says to add
 *   `for` (EVIDENCE_DOCUMENT_WITHOUT_FOR);
 * - an on-time criterion (one item) whose typed date meets the deadline, proven by a document dated
 *   after it: a warning at both, the date typed and the document's (EVIDENCE_DOCUMENT_AFTER_DEADLINE).
 */
import { diag, foldText, type Diagnostic } from './deps.js';
import type { CompiledNode, CompiledSet } from './compile.js';
import { documentPath, type DocRec, type Prepared } from './values.js';

/** The kind a document's symbol says it is (Vietnamese administrative document symbols), folded. */
const SYMBOL_KIND: Readonly<Record<string, string>> = {
  kh: 'kế hoạch',
  bc: 'báo cáo',
  qđ: 'quyết định',
  tb: 'thông báo',
  ct: 'chỉ thị',
  nq: 'nghị quyết',
  cv: 'công văn',
  ttr: 'tờ trình',
  bb: 'biên bản',
  kl: 'kết luận',
  hd: 'hướng dẫn',
  qc: 'quy chế',
  qđi: 'quy định',
};

/** "15/KH-UBND" → "kế hoạch": the symbol after the number, before the issuer. */
function kindOfNumber(number: string | undefined): string | undefined {
  const m = number === undefined ? null : /^[^/]*\/([^-/\s]+)/u.exec(number.normalize('NFC'));
  return m ? SYMBOL_KIND[foldText(m[1]!)] : undefined;
}

type Req = { id: string; kind: string; label: string; labelEn?: string | undefined };

function fits(d: DocRec, r: Req): boolean {
  const kind = foldText(r.kind);
  if (kindOfNumber(d.ref.number) === kind) return true;
  const title = d.ref.title === undefined ? '' : foldText(d.ref.title);
  return title !== '' && (title.startsWith(kind) || title.includes(foldText(r.label)) || (r.labelEn !== undefined && title.includes(foldText(r.labelEn))));
}

/** Match each document without `for` to the one requirement it can be, or warn. */
export function matchDocuments(docNodes: readonly CompiledNode[], docs: ReadonlyArray<DocRec[] | undefined>, out: Diagnostic[]): void {
  for (const node of docNodes) {
    if (!node.plan || node.plan.anyDocProves || node.documents.length < 2) continue;
    const list = docs[node.index]!;
    const code = node.code;
    // Nearly every document names its requirement: nothing to match.
    if (list.every((d) => d.for !== undefined)) continue;
    const named = new Set(list.map((d) => d.for).filter((f) => f !== undefined));
    const open = node.documents.filter((r) => !named.has(r.id));
    for (const d of list) {
      if (d.for !== undefined) continue;
      const can = open.filter((r) => fits(d, r));
      if (can.length === 1) d.matched = can[0]!.id;
      else out.push(diag('EVIDENCE_DOCUMENT_WITHOUT_FOR', documentPath(d), { code, number: d.ref.number ?? null, known: node.documents.map((r) => r.id), candidates: can.map((r) => r.id) }));
    }
  }
}

/** A typed date that meets its deadline, proven by a document dated after the deadline: said at both. */
export function documentsAfterDeadline(compiled: CompiledSet, prepared: Prepared, valuePath: (entry: number, id: string) => string, out: Diagnostic[]): void {
  const { values, docs } = prepared;
  const valueAt = (id: string) => values[compiled.inputs.get(id)?.slot ?? -1];
  for (const node of prepared.docNodes) {
    const rule = node.rule;
    if (rule?.type !== 'onTime' || rule.items.length !== 1) continue;
    const code = node.code;
    const list = docs[node.index]!;
    const item = rule.items[0]!;
    const typed = valueAt(item.input);
    const deadline = typeof item.deadline === 'string' ? item.deadline : valueAt(item.deadline.input)?.value;
    if (typed === undefined || typeof typed.value !== 'string' || typeof deadline !== 'string' || typed.value > deadline) continue;
    for (const d of list) {
      const date = d.ref.date;
      if (date === undefined || date <= deadline) continue;
      const params = { code, input: item.input, typed: typed.value, deadline, number: d.ref.number ?? null, date };
      out.push(diag('EVIDENCE_DOCUMENT_AFTER_DEADLINE', `${documentPath(d)}/date`, params));
      if (typed.entry >= 0) out.push(diag('EVIDENCE_DOCUMENT_AFTER_DEADLINE', valuePath(typed.entry, item.input), params));
    }
  }
}
