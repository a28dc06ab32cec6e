/**
 * The appraisal format: rounds of corrections to one unit's evidence (thẩm định vòng 1, giải trình,
 * thẩm định vòng 2). Each item corrects input values of a criterion or overrides its points, always
 * with a reason. Round N applies every round up to and including N, in file order.
 *
 * Read without zod: the shape is defined in zod in appraisal-zod.ts (the JSON Schema is generated from
 * it) and checked here by the small named checks of shape-check.ts, with the same diagnostics.
 */
import { FORMAT_VERSION, diag, findForbiddenKeysPublic, type Diagnostic } from './deps.js';
import type { Appraisal } from './appraisal-zod.js';
import { CRITERION_CODE, IDENTIFIER, ISO_DATE, SET_REF, SHA256, checkShape, DECIMAL, INPUT_VALUE, list, oneOf, opt, record, strict, text } from './shape-check.js';

export type { Appraisal } from './appraisal-zod.js';

const ITEM = strict({
  criterion: CRITERION_CODE,
  values: opt(record(INPUT_VALUE)),
  points: opt(DECIMAL),
  reason: text(10000, 1),
  by: opt(text(200)),
  date: opt(ISO_DATE),
});

const ROUND = strict({
  id: IDENTIFIER,
  kind: oneOf(['appraisal', 'answer']),
  label: opt(text(200)),
  by: opt(text(200)),
  date: opt(ISO_DATE),
  items: list(ITEM, 5000),
});

const APPRAISAL = strict({
  $schema: opt(text()),
  formatVersion: oneOf([FORMAT_VERSION]),
  criteriaSet: SET_REF,
  evidence: strict({ unit: text(100), sha256: SHA256, file: opt(text(1000)) }),
  rounds: list(ROUND, 10, 1),
});

export function parseAppraisal(value: unknown): { value: Appraisal | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeysPublic(value, diagnostics);
  if (diagnostics.length) return { value: undefined, diagnostics };
  return checkShape<Appraisal>(APPRAISAL, value, 'APPRAISAL_SCHEMA');
}

type Round = Appraisal['rounds'][number];
/** A check across the rounds of an appraisal the schema accepts; `skip`: the rounds and items the schema refused. */
type RoundsCheck = (rounds: readonly Round[], skip: ReadonlySet<string>, out: Diagnostic[]) => void;

/** Each round has its own id: `--round`, the columns of the official table and the trail name rounds by it. */
const uniqueRoundIds: RoundsCheck = (rounds, skip, out) => {
  const first = new Map<string, number>();
  rounds.forEach((r, i) => {
    if (skip.has(`/rounds/${i}`)) return;
    const at = first.get(r.id);
    if (at === undefined) first.set(r.id, i);
    else out.push(diag('APPRAISAL_DUPLICATE_ROUND', `/rounds/${i}/id`, { round: r.id, first: at + 1, at: i + 1 }));
  });
};

/** One item per criterion in a round: a second one would replace the first's reason in the trail. */
const oneItemPerCriterion: RoundsCheck = (rounds, skip, out) => {
  rounds.forEach((r, i) => {
    const first = new Map<string, number>();
    r.items.forEach((item, j) => {
      if (skip.has(`/rounds/${i}`) || skip.has(`/rounds/${i}/items/${j}`)) return;
      const at = first.get(item.criterion);
      if (at === undefined) first.set(item.criterion, j);
      else out.push(diag('APPRAISAL_REPEATED_ITEM', `/rounds/${i}/items/${j}/criterion`, { code: item.criterion, round: r.id, first: at + 1, at: j + 1 }));
    });
  });
};

/** A reason the unit can read: the schema refuses an empty one, this one of only spaces. */
const readableReasons: RoundsCheck = (rounds, skip, out) => {
  rounds.forEach((r, i) =>
    r.items.forEach((item, j) => {
      if (skip.has(`/rounds/${i}`) || skip.has(`/rounds/${i}/items/${j}`) || item.reason.trim() !== '') return;
      out.push(diag('APPRAISAL_BLANK_REASON', `/rounds/${i}/items/${j}/reason`, { code: item.criterion, round: r.id }));
    }),
  );
};

/** Rounds apply in file order: one dated before an earlier round is likely misdated or misplaced. */
const datesInOrder: RoundsCheck = (rounds, skip, out) => {
  let previous: Round | undefined;
  rounds.forEach((r, i) => {
    if (skip.has(`/rounds/${i}`) || r.date === undefined) return;
    if (previous?.date !== undefined && r.date < previous.date)
      out.push(diag('APPRAISAL_ROUND_DATE_ORDER', `/rounds/${i}/date`, { round: r.id, date: r.date, previous: previous.id, previousDate: previous.date }));
    previous = r;
  });
};

/** Rounds named round1, round2 … apply in file order: "round2" before "round1" leaves round 1's points as the last word. */
const numbersInOrder: RoundsCheck = (rounds, skip, out) => {
  let previous: { id: string; n: number } | undefined;
  rounds.forEach((r, i) => {
    const m = /^round([0-9]{1,6})$/.exec(r.id);
    if (skip.has(`/rounds/${i}`) || !m) return;
    const n = Number(m[1]);
    if (previous !== undefined && n < previous.n) out.push(diag('APPRAISAL_ROUND_ID_ORDER', `/rounds/${i}/id`, { round: r.id, previous: previous.id }));
    previous = { id: r.id, n };
  });
};

/** The checks across rounds, in the order their problems are reported. */
const ROUNDS_CHECKS: readonly RoundsCheck[] = [uniqueRoundIds, oneItemPerCriterion, readableReasons, numbersInOrder, datesInOrder];

/** @internal The problems across the rounds of an appraisal the schema accepts (or its salvaged part). */
export function checkRounds(appraisal: Appraisal, skip: ReadonlySet<string> = new Set()): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of ROUNDS_CHECKS) check(appraisal.rounds, skip, out);
  return out;
}
