/**
 * @internal Every problem at once. An evidence file whose shape is wrong in some places is not thrown
 * away at the first stage: the parts the schema refused are taken out (a key with a bad value, an
 * unknown key, an entry that is not an object), the required parts the checks need are put back from
 * the set (its reference and period), and the rest is checked stage by stage as a valid file would be.
 * The problems of the parts taken out are the schema's; the later stages report theirs, at the same
 * JSON pointers (nothing is moved: an entry taken out is skipped, not removed). A result is never made
 * from a salvaged file that had an error: score() still throws.
 *
 * A document's date written day first ("15/01/2026") fails the schema's pattern, which editors show;
 * the engine reads it as the officer meant it, with the warning readValueText gives, as it reads an
 * input's date.
 */
import { atPointer, diag, pointer, pointerSegments, readDateText, readValueText, valueTextDiagnostic, type Diagnostic } from './deps.js';
import { parseAppraisal, type Appraisal } from './appraisal.js';
import type { CompiledSet } from './compile.js';
import { type Evidence, parseEvidence } from './evidence.js';

export interface Salvaged {
  evidence: Evidence;
  /** Entries taken out (not objects): their problems are reported, the later stages skip them. */
  skip: ReadonlySet<number>;
  /** The schema's diagnostics, with documents' dates read as readValueText reads a date. */
  diagnostics: Diagnostic[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const DOC_DATE = /^\/entries\/[0-9]+\/documents\/[0-9]+\/date$/;

/** A copy of parsed JSON data (objects, lists, scalars). */
function cloneJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneJson);
  if (isObj(v)) {
    const out: Obj = {};
    for (const k of Object.keys(v)) out[k] = cloneJson(v[k]);
    return out;
  }
  return v;
}

/** Take out what one evidence diagnostic points at; false when that is the whole file. */
function takeOut(root: Obj, segs: readonly (string | number)[], skip: Set<number>): boolean {
  if (segs.length === 0) return false;
  // An entry itself (not an object, or a shape the schema refuses as a whole) is skipped in place.
  if (segs.length === 2 && segs[0] === 'entries' && typeof segs[1] === 'number') {
    skip.add(segs[1]);
    (root.entries as unknown[])[segs[1]] = {};
    return true;
  }
  // An item of another list (a document that is not an object): the whole list goes, so that no index moves.
  const cut = typeof segs[segs.length - 1] === 'number' ? segs.slice(0, -1) : segs;
  const parent = atPointer(root, pointer(...cut.slice(0, -1)));
  if (isObj(parent)) delete parent[String(cut[cut.length - 1])];
  return true;
}

/** The parts every check needs, from the set when the file's are refused. */
function putBack(root: Obj, compiled: CompiledSet): void {
  root.formatVersion = 1;
  root.criteriaSet = compiled.ref;
  if (!isObj(root.unit)) root.unit = { code: '', name: '', level: 'commune' };
  const unit = root.unit as Obj;
  unit.code ??= '';
  unit.name ??= '';
  unit.level ??= 'commune';
  if (!isObj(root.period) || root.period.from === undefined || root.period.to === undefined) root.period = { from: compiled.set.period.from, to: compiled.set.period.to };
  if (!Array.isArray(root.entries)) root.entries = [];
}

/** A document's date the schema refused, read as a typed date: the pattern problem becomes its hint or its own problem. */
function documentDate(root: Obj, d: Diagnostic, out: Diagnostic[]): void {
  const raw = atPointer(root, d.path);
  const r = typeof raw === 'string' ? readDateText(raw, null) : undefined;
  if (r === undefined || (!r.ok && r.problem.code === 'EVIDENCE_VALUE_TYPE')) {
    out.push(d);
    return;
  }
  if (!r.ok) {
    out.push(valueTextDiagnostic(r.problem, d.path));
    return;
  }
  if (r.hint) out.push(valueTextDiagnostic(r.hint, d.path));
  const segs = pointerSegments(d.path);
  const doc = atPointer(root, pointer(...segs.slice(0, -1))) as Obj;
  doc.date = r.value;
}

/**
 * A null where an input's value goes (an export that writes null for a blank): the input's own problem,
 * with its label and the form its value takes (EVIDENCE_VALUE_TYPE, received null), instead of the
 * schema's list of JSON types; the value is taken out (the whole entry of an input's "value", so that
 * its missing value is not said again), as if left out.
 */
function nullValue(root: Obj, d: Diagnostic, compiled: CompiledSet, skip: Set<number>): Diagnostic[] | undefined {
  if (d.code !== 'EVIDENCE_SCHEMA' || d.params.issue !== 'type' || d.params.received !== 'null') return undefined;
  const segs = pointerSegments(d.path);
  if (segs[0] !== 'entries' || typeof segs[1] !== 'number' || (segs.length !== 3 && segs.length !== 4)) return undefined;
  const entry = (root.entries as unknown[])[segs[1]];
  if (!isObj(entry)) return undefined;
  const values = segs[2] === 'values' && isObj(entry.values) ? entry.values : undefined;
  const input = segs.length === 3 && segs[2] === 'value' ? entry.input : values ? segs[3] : undefined;
  const def = typeof input === 'string' ? compiled.inputs.get(input)?.def : undefined;
  if (!def) return undefined;
  const got = { received: 'null', value: null } as const;
  const value = values ? values[def.id] : entry.value;
  // A tally with a null answer count is refused as a whole (its schema is a union): the null counts are the problem.
  const nulls = def.type === 'tally' && isObj(value) ? Object.keys(value).filter((k) => value[k] === null) : [];
  if (value !== null && !nulls.length) return undefined;
  if (values) delete values[def.id];
  else takeOut(root, segs.slice(0, 2), skip);
  if (nulls.length) return nulls.map((option) => diag('EVIDENCE_VALUE_TYPE', `${d.path}/${escapeKey(option)}`, { input: def.id, option, expected: 'count', ...got }));
  return [diag('EVIDENCE_VALUE_TYPE', d.path, { input: def.id, option: null, expected: def.type, ...got })];
}

const escapeKey = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** How one format is salvaged: its schema's code, the refused texts it reads, what it takes out, puts back, parses. */
interface Format<T> {
  code: 'EVIDENCE_SCHEMA' | 'APPRAISAL_SCHEMA';
  /** The pointers whose pattern problem is a typed text read as the officer meant it (`read`). */
  typed: RegExp;
  read(root: Obj, d: Diagnostic, out: Diagnostic[]): void;
  /** Take out what a problem at `segs` points at; false when that is the whole file. */
  takeOut(root: Obj, segs: readonly (string | number)[]): boolean;
  putBack(root: Obj): void;
  parse(root: Obj): { value?: T; diagnostics: readonly Diagnostic[] };
  /** A problem of the schema said better as a later stage's, the part it points at taken out; else undefined. */
  restate?(root: Obj, d: Diagnostic): Diagnostic[] | undefined;
}

/** The value with the refused parts taken out, checked again until the schema accepts it (a few rounds), or undefined. */
function salvage<T>(value: Obj, schemaDiagnostics: readonly Diagnostic[], f: Format<T>): { value: T; diagnostics: Diagnostic[] } | undefined {
  const root = cloneJson(value) as Obj;
  const diagnostics: Diagnostic[] = [];
  for (const d of schemaDiagnostics) {
    const restated = f.restate?.(root, d);
    if (restated) for (const r of restated) diagnostics.push(r);
    else if (d.code === f.code && d.params.issue === 'pattern' && f.typed.test(d.path)) f.read(root, d, diagnostics);
    else diagnostics.push(d);
  }
  let pending: readonly Diagnostic[] = diagnostics.filter((d) => d.code === f.code);
  // Each round takes out what the schema refused; what is left settles within a few rounds.
  for (let round = 0; round < 8; round++) {
    for (const d of pending) {
      if (d.code === f.code && d.params.issue === 'unknownKeys') {
        const at = atPointer(root, d.path);
        if (isObj(at)) for (const k of d.params.keys) delete at[k];
      } else if (!f.takeOut(root, pointerSegments(d.path))) return undefined;
    }
    f.putBack(root);
    const again = f.parse(root);
    if (again.value) return { value: again.value, diagnostics };
    pending = again.diagnostics;
  }
  return undefined;
}

/**
 * The evidence with the refused parts taken out, or undefined when nothing can be checked further
 * (not an object, a forbidden key, or a shape that does not settle).
 */
export function salvageEvidence(value: unknown, schemaDiagnostics: readonly Diagnostic[], compiled: CompiledSet): Salvaged | undefined {
  if (!isObj(value) || schemaDiagnostics.some((d) => d.code !== 'EVIDENCE_SCHEMA')) return undefined;
  const skip = new Set<number>();
  const done = salvage(value, schemaDiagnostics, {
    code: 'EVIDENCE_SCHEMA',
    typed: DOC_DATE,
    read: documentDate,
    takeOut: (root, segs) => takeOut(root, segs, skip),
    putBack: (root) => putBack(root, compiled),
    parse: parseEvidence,
    restate: (root, d) => nullValue(root, d, compiled, skip),
  });
  return done && { evidence: done.value, skip, diagnostics: done.diagnostics };
}

/** An appraisal with the refused parts taken out; `skip`: the pointers of the items (and rounds) taken out. */
export interface SalvagedAppraisal {
  appraisal: Appraisal;
  skip: ReadonlySet<string>;
  /** The schema's diagnostics, with the rounds' and items' dates read as a document's date is (APPRAISAL_DATE_READ). */
  diagnostics: Diagnostic[];
}

/** A round's or an item's date, an item's points. */
const APPRAISAL_TYPED = /^\/rounds\/[0-9]+(\/date|\/items\/[0-9]+\/(date|points))$/;
const POINTS_INPUT = { id: 'points', type: 'decimal', label: '' } as const;

/**
 * A round's or an item's date, or an item's points, the schema refused, read as typed text is ("20/01/2027"
 * → 2027-01-20 with APPRAISAL_DATE_READ, as a document's date in evidence; "0,5" → 0.5 with
 * APPRAISAL_POINTS_READ, as evidence reads "95,5"); a text that is neither keeps its problem.
 */
function appraisalText(root: Obj, d: Diagnostic, out: Diagnostic[]): void {
  const raw = atPointer(root, d.path);
  const segs = pointerSegments(d.path);
  const field = segs[segs.length - 1] as 'date' | 'points';
  const r = typeof raw !== 'string' ? undefined : field === 'date' ? readDateText(raw, null) : readValueText(raw, POINTS_INPUT);
  if (!r?.ok) {
    out.push(d);
    return;
  }
  const read = String(r.value);
  out.push(
    field === 'date'
      ? diag('APPRAISAL_DATE_READ', d.path, { of: segs.length === 3 ? 'round' : 'item', got: raw as string, read })
      : diag('APPRAISAL_POINTS_READ', d.path, { got: raw as string, read }),
  );
  (atPointer(root, pointer(...segs.slice(0, -1))) as Obj)[field] = read;
}

const ITEM_REQUIRED = new Set(['criterion', 'reason']);
const ROUND_REQUIRED = new Set(['id', 'kind']);

/** Take out what one appraisal diagnostic points at: a bad optional field, or the item (round) it belongs to. */
function takeOutOfAppraisal(root: Obj, segs: readonly (string | number)[], skip: Set<string>, put: (root: Obj) => void): boolean {
  if (segs[0] !== 'rounds') {
    if (segs.length === 0) return false;
    delete root[String(segs[0])];
    put(root);
    return true;
  }
  if (segs.length === 1) return false;
  const [, r, part, j, field] = segs;
  const rounds = root.rounds as unknown[];
  const roundAt = `/rounds/${r}`;
  if (typeof j === 'number' && part === 'items' && (field === undefined || ITEM_REQUIRED.has(String(field)))) {
    skip.add(`${roundAt}/items/${j}`);
    (atPointer(root, `${roundAt}/items`) as unknown[])[j] = { criterion: '0', reason: '-' };
  } else if (part === undefined || ROUND_REQUIRED.has(String(part))) {
    skip.add(roundAt);
    rounds[Number(r)] = { id: `skipped_${String(r)}`, kind: 'appraisal', items: [] };
  } else if (part === 'items' && j === undefined) (rounds[Number(r)] as Obj).items = [];
  else {
    const parent = atPointer(root, pointer(...segs.slice(0, -1)));
    if (isObj(parent)) delete parent[String(segs[segs.length - 1])];
  }
  return true;
}

/**
 * The appraisal with the refused parts taken out, or undefined when nothing can be checked further.
 * What names the evidence, when refused, is put back as the evidence it is checked with (the schema
 * problem is reported; a second "does not match" would only repeat it).
 */
export function salvageAppraisal(value: unknown, schemaDiagnostics: readonly Diagnostic[], compiled: CompiledSet, evidence: { unit: string; sha256: string }): SalvagedAppraisal | undefined {
  if (!isObj(value) || !Array.isArray(value.rounds) || value.rounds.length === 0 || schemaDiagnostics.some((d) => d.code !== 'APPRAISAL_SCHEMA')) return undefined;
  const skip = new Set<string>();
  const putBack = (o: Obj) => {
    o.formatVersion = 1;
    o.criteriaSet ??= compiled.ref;
    if (!isObj(o.evidence) || typeof o.evidence.unit !== 'string' || typeof o.evidence.sha256 !== 'string') o.evidence = { ...evidence };
  };
  const done = salvage(value, schemaDiagnostics, {
    code: 'APPRAISAL_SCHEMA',
    typed: APPRAISAL_TYPED,
    read: appraisalText,
    takeOut: (root, segs) => takeOutOfAppraisal(root, segs, skip, putBack),
    putBack,
    parse: parseAppraisal,
  });
  return done && { appraisal: done.value, skip, diagnostics: done.diagnostics };
}
