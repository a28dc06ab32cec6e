/**
 * The plan format (a commune's reform plan as data) and the progress format (what was done, and the
 * product that proves it). Defined once here in zod; `pnpm schema` writes the JSON Schemas to
 * packages/plans/schema/ and a test fails when the committed files differ.
 *
 * Where the document leaves something out (no deadline, no product, no lead unit), the task says so with
 * `{ "kind": "none", "note": "…" }` rather than an invented value.
 */
import * as z from 'zod/mini';
import { Code, FORMAT_VERSION, Identifier, IsoDate, LIMITS, matches, maxString, withDescription, withMeta } from '@parindex/rules';

const opt = z.optional;
const Str = (max: number = LIMITS.stringLength) => maxString(max);
const Words = (max: number = LIMITS.stringLength) => z.string().check(z.minLength(1), z.maxLength(max));

/** A task id as the plan numbers it: "I.1", "PL01.3", "II.5" (letters, digits, dots, dashes). */
export const TaskId = withMeta(z.string().check(matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'identifier')), {
  id: 'TaskId',
  description: 'The id of a task in its plan, e.g. "PL07.2" or "I.1" (letters, digits, dots, dashes).',
});

const SetRef = z.string().check(matches(/^[a-z0-9.-]+@[0-9.]+$/, 'setRef'));

/** Something the document does not say: the task records the omission, with a note. */
export const Omitted = withMeta(z.strictObject({ kind: z.literal('none'), note: withDescription(Words(), 'What the document says instead, or that it says nothing.') }), {
  id: 'Omitted',
  description: 'The document leaves this out; nothing is invented.',
});
export type Omitted = z.infer<typeof Omitted>;

const text = withDescription(Words(), 'The deadline as the document writes it, word for word.');
const Month = z.string().check(matches(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'isoDate'));
const Quarter = z.string().check(matches(/^[0-9]{4}-Q[1-4]$/, 'isoDate'));
const Half = z.string().check(matches(/^[0-9]{4}-H[12]$/, 'isoDate'));
const Year = z.string().check(matches(/^[0-9]{4}$/, 'isoDate'));

/**
 * A deadline and its declared meaning for "on time" (docs/plans.md): `date` — a product dated on or
 * before the date; `month`, `quarter`, `half`, `year` — on or before the last day of it; `annual`
 * ("hằng năm") — each calendar year of the plan, on or before `by` (MM-DD, 31 December when left out)
 * of the year assessed; `continuous` ("thường xuyên") — due at the end of the period assessed, on time
 * when a product falls within it; `event` ("sau khi có Quyết định …") — due only once the progress
 * records the event's date, then `days` after it, or at the end of the period assessed when the plan
 * gives no number of days; `none` — the document gives no deadline: never due, never late.
 */
export const Deadline = withMeta(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('date'), date: IsoDate, text }),
    z.strictObject({ kind: z.literal('month'), month: withDescription(Month, 'YYYY-MM'), text }),
    z.strictObject({ kind: z.literal('quarter'), quarter: withDescription(Quarter, 'YYYY-Qn'), text }),
    z.strictObject({ kind: z.literal('half'), half: withDescription(Half, 'YYYY-H1 or YYYY-H2'), text }),
    z.strictObject({ kind: z.literal('year'), year: withDescription(Year, 'YYYY'), text }),
    z.strictObject({
      kind: z.literal('annual'),
      text,
      by: withDescription(
        opt(z.string().check(matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'isoDate'))),
        'MM-DD: each year on or before this day ("Tháng 1 hàng năm": 01-31); 12-31 when left out.',
      ),
    }),
    z.strictObject({ kind: z.literal('continuous'), text }),
    z.strictObject({ kind: z.literal('event'), text, days: opt(z.number().check(z.int(), z.minimum(0), z.maximum(3660))) }),
    z.strictObject({ kind: z.literal('none'), note: Words() }),
  ]),
  { id: 'Deadline', description: 'When a task is due, and what "on time" means for it.' },
);
export type Deadline = z.infer<typeof Deadline>;
export type DeadlineKind = Deadline['kind'];

export const Task = withMeta(
  z.strictObject({
    id: TaskId,
    field: withDescription(Identifier, 'The id of the field (lĩnh vực) in the plan\'s "fields".'),
    content: withDescription(Words(), 'The task as the document writes it, word for word.'),
    quote: withDescription(
      opt(z.array(Words()).check(z.minLength(2), z.maxLength(10))),
      'When the extraction split the content (a table row across two pages): its pieces as they occur in the source; content is them joined by spaces.',
    ),
    lead: withDescription(z.union([Words(500), Omitted]), 'The lead unit (cơ quan chủ trì), word for word.'),
    partners: withDescription(z.union([Words(1000), Omitted]), 'The partner units (cơ quan phối hợp), word for word.'),
    deadline: Deadline,
    product: withDescription(z.union([Words(), Omitted]), 'The expected product (sản phẩm), word for word.'),
    source: withDescription(Words(500), 'Where the task is in the document: section or annex row, e.g. "Phụ lục 07, dòng 2".'),
    note: opt(Str()),
  }),
  { id: 'Task', description: 'One task of the plan.' },
);
export type Task = z.infer<typeof Task>;

/**
 * What a derived input is: `tasksDue`, `tasksDone`, `tasksOnTime` (counts over the tasks due in the
 * period, optionally of some fields only); `taskDate` (the date of a task's product); `taskDone`
 * (yes/no: the task is done with a product); `taskOnTime` (yes/no: done with a product dated by its
 * deadline: what a criterion "done on time" reads); `planIssued` (the date of the plan's own decision).
 */
export const Derive = z.enum(['tasksDue', 'tasksDone', 'tasksOnTime', 'taskDate', 'taskDone', 'taskOnTime', 'planIssued']);
export type Derive = z.infer<typeof Derive>;

export const InputMapping = withMeta(
  z.strictObject({
    criterion: withDescription(Code, 'The criterion of the set whose input this fills.'),
    input: withDescription(Identifier, 'The input id, as the set declares it.'),
    derive: Derive,
    task: withDescription(opt(TaskId), 'With taskDate, taskDone and taskOnTime: the task.'),
    fields: withDescription(opt(z.array(Identifier).check(z.maxLength(100))), 'With the counts: only tasks of these fields (all when left out).'),
  }),
  { id: 'InputMapping', description: 'One input of a criterion, derived from the plan and its progress.' },
);
export type InputMapping = z.infer<typeof InputMapping>;

/**
 * The targets (chỉ tiêu) the plan sets, each a criterion of a targets set (rules/sets/targets.*),
 * linked to the place in the plan that sets it and, where one carries it, the task.
 */
export const TargetLinks = withMeta(
  z.strictObject({
    criteriaSet: SetRef,
    links: z
      .array(
        z.strictObject({
          criterion: Code,
          section: withDescription(Words(500), 'Where the plan sets the target, e.g. "Mục II.1.2; Phụ lục 02, dòng 2".'),
          task: opt(TaskId),
        }),
      )
      .check(z.minLength(1), z.maxLength(500)),
  }),
  { id: 'TargetLinks', description: 'The targets the plan sets, in a targets criteria set.' },
);
export type TargetLinks = z.infer<typeof TargetLinks>;

export const Plan = withMeta(
  z.strictObject({
    $schema: opt(z.string()),
    formatVersion: z.literal(FORMAT_VERSION),
    kind: z.literal('plan'),
    id: withDescription(z.string().check(matches(/^[a-z0-9][a-z0-9.-]{0,99}$/, 'setId')), 'The plan\'s id, e.g. "kien-tho.2026-cchc"; a progress file names it.'),
    title: withDescription(Words(), 'The title as the document writes it.'),
    unit: z.strictObject({ name: Words(500), code: opt(Str(100)), province: opt(Str(200)) }),
    decision: withDescription(
      z.strictObject({ number: z.union([Words(200), Omitted]), date: z.union([IsoDate, Omitted]), issuer: opt(Str(500)) }),
      'The decision (văn bản) that issued the plan; number and date may be unknown.',
    ),
    period: z.strictObject({ from: IsoDate, to: IsoDate, label: opt(Str(100)) }),
    source: withDescription(z.strictObject({ document: Words(), file: opt(Str(500)) }), 'The document the tasks are quoted from.'),
    serves: withDescription(
      opt(z.strictObject({ criteriaSet: SetRef, criteria: z.array(Code).check(z.maxLength(200)), inputs: z.array(InputMapping).check(z.maxLength(200)) })),
      'The set and criteria the plan serves, and the inputs derived from it (left out by a plan no bundled set scores).',
    ),
    targets: withDescription(opt(z.array(TargetLinks).check(z.minLength(1), z.maxLength(20))), 'The targets the plan sets, one entry per targets set.'),
    fields: z.array(z.strictObject({ id: Identifier, title: Words(), source: opt(Str(500)) })).check(z.minLength(1), z.maxLength(50)),
    tasks: z.array(Task).check(z.minLength(1), z.maxLength(LIMITS.criteria)),
    note: opt(Str()),
  }),
  { id: 'Plan', description: 'A reform plan (kế hoạch) as data: its identity and its tasks.' },
);
export type Plan = z.infer<typeof Plan>;

/** The product that proves a task done: a document (number, date, title) or a figure reached. */
export const Product = withMeta(
  z.strictObject({
    number: opt(Str(200)),
    date: opt(IsoDate),
    title: opt(Str()),
    figure: withDescription(opt(Str(200)), 'A figure reached, as written ("98,5%", "12 buổi").'),
    url: opt(Str(2000)),
  }),
  { id: 'Product', description: 'A product of a task (sản phẩm): a document or a figure.' },
);
export type Product = z.infer<typeof Product>;

export const TaskStatus = z.enum(['done', 'inProgress', 'notStarted', 'dropped']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const TaskProgress = withMeta(
  z.strictObject({
    task: TaskId,
    status: TaskStatus,
    products: opt(z.array(Product).check(z.maxLength(LIMITS.documentsPerEntry))),
    eventDate: withDescription(opt(IsoDate), 'For an "event" deadline: the date of the event it waits for.'),
    note: opt(Str()),
  }),
  { id: 'TaskProgress' },
);
export type TaskProgress = z.infer<typeof TaskProgress>;

export const Progress = withMeta(
  z.strictObject({
    $schema: opt(z.string()),
    formatVersion: z.literal(FORMAT_VERSION),
    kind: z.literal('progress'),
    plan: withDescription(z.string().check(z.maxLength(100)), 'The id of the plan.'),
    sample: opt(z.boolean()),
    preparedBy: opt(z.strictObject({ name: Str(200), role: opt(Str(200)), date: opt(IsoDate) })),
    tasks: z.array(TaskProgress).check(z.maxLength(LIMITS.criteria)),
    note: opt(Str()),
  }),
  { id: 'Progress', description: 'How far a plan was carried out: per task, its status and the products that prove it.' },
);
export type Progress = z.infer<typeof Progress>;
