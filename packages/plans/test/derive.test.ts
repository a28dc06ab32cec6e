/**
 * Deadlines, the derivation and its invariants: the due date of every deadline kind (month ends, leap
 * years, quarters, halves, "hằng năm" by a day, events), and for random plans and progress files that
 * done ≤ due and on time ≤ done, that taking a product away never raises a count (withholding evidence
 * never raises a score), that the same input gives the same derivation, and that applying it never
 * changes the evidence given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDerived, derive, dueDate, nearestId, type Deadline, type Plan, type Progress } from '@parindex/plans';

const Y2026 = { from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' };
const RUNS = Number(process.env.PARINDEX_FUZZ_RUNS ?? 300);

describe('dueDate', () => {
  const due = (d: Deadline, w = Y2026, event?: string) => dueDate(d, w, event);
  it('dates, month ends (leap years), quarters, halves and years', () => {
    expect(due({ kind: 'date', date: '2026-03-09', text: 'x' })).toBe('2026-03-09');
    expect(due({ kind: 'month', month: '2024-02', text: 'x' })).toBe('2024-02-29');
    expect(due({ kind: 'month', month: '2026-02', text: 'x' })).toBe('2026-02-28');
    expect(due({ kind: 'month', month: '2100-02', text: 'x' })).toBe('2100-02-28');
    expect(due({ kind: 'quarter', quarter: '2026-Q1', text: 'x' })).toBe('2026-03-31');
    expect(due({ kind: 'quarter', quarter: '2026-Q3', text: 'x' })).toBe('2026-09-30');
    expect(due({ kind: 'half', half: '2025-H1', text: 'x' })).toBe('2025-06-30');
    expect(due({ kind: 'half', half: '2025-H2', text: 'x' })).toBe('2025-12-31');
    expect(due({ kind: 'year', year: '2027', text: 'x' })).toBe('2027-12-31');
  });
  it('"hằng năm" falls due in the year assessed (by its day), "thường xuyên" at the end of the window', () => {
    const fiveYears = { from: '2026-01-01', to: '2030-12-31', asOf: '2028-05-01' };
    expect(due({ kind: 'annual', text: 'x' }, fiveYears)).toBe('2028-12-31');
    expect(due({ kind: 'annual', text: 'x', by: '01-31' }, fiveYears)).toBe('2028-01-31');
    expect(due({ kind: 'annual', text: 'x' }, { from: '2025-07-01', to: '2025-12-31', asOf: '2026-03-01' })).toBe('2025-12-31');
    expect(due({ kind: 'continuous', text: 'x' }, fiveYears)).toBe('2030-12-31');
  });
  it('events wait for their date; none is never due', () => {
    expect(due({ kind: 'event', text: 'x' })).toBe('awaitingEvent');
    expect(due({ kind: 'event', text: 'x' }, Y2026, '2026-05-10')).toBe('2026-12-31');
    expect(due({ kind: 'event', text: 'x', days: 30 }, Y2026, '2026-12-15')).toBe('2027-01-14');
    expect(due({ kind: 'none', note: 'x' })).toBe('noDeadline');
  });
});

describe('nearestId', () => {
  it('suggests the closest id, only when it is close', () => {
    expect(nearestId('PL07.03', ['PL07.1', 'PL07.3', 'PL06.3'])).toBe('PL07.3');
    expect(nearestId('pl02.1', ['PL02.1'])).toBe('PL02.1');
    expect(nearestId('XYZ', ['PL07.3'])).toBeNull();
  });
});

const DEADLINES: Deadline[] = [
  { kind: 'date', date: '2026-03-31', text: 'd' },
  { kind: 'date', date: '2025-12-31', text: 'd' },
  { kind: 'month', month: '2026-09', text: 'm' },
  { kind: 'quarter', quarter: '2026-Q2', text: 'q' },
  { kind: 'half', half: '2027-H1', text: 'h' },
  { kind: 'annual', text: 'a' },
  { kind: 'continuous', text: 'c' },
  { kind: 'event', text: 'e' },
  { kind: 'none', note: 'n' },
];
const DATES = ['2025-11-30', '2026-01-15', '2026-03-31', '2026-04-01', '2026-07-15', '2026-12-31', '2027-02-01'];

const arbCase = fc
  .array(
    fc.record({
      deadline: fc.constantFrom(...DEADLINES),
      status: fc.constantFrom('done', 'inProgress', 'notStarted', 'dropped', 'absent'),
      dates: fc.array(fc.option(fc.constantFrom(...DATES), { nil: undefined }), { maxLength: 3 }),
      event: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((rows) => {
    const plan: Plan = {
      formatVersion: 1,
      kind: 'plan',
      id: 'test.random',
      title: 't',
      unit: { name: 'u' },
      decision: { number: '1/KH', date: '2026-01-05' },
      period: { from: '2026-01-01', to: '2026-12-31' },
      source: { document: 'd' },
      serves: {
        criteriaSet: 'model.commune-par@2026',
        criteria: ['1.1.3'],
        inputs: [
          { criterion: '1.1.3', input: 'plan_tasks_total', derive: 'tasksDue' },
          { criterion: '1.1.3', input: 'plan_tasks_done', derive: 'tasksDone' },
          { criterion: '1.1.3', input: 'plan_tasks_on_time', derive: 'tasksOnTime' },
        ],
      },
      fields: [{ id: 'f', title: 'F' }],
      tasks: rows.map((r, i) => ({ id: `T${i}`, field: 'f', content: 'c', lead: 'l', partners: 'p', deadline: r.deadline, product: 'p', source: 's' })),
    };
    const progress: Progress = {
      formatVersion: 1,
      kind: 'progress',
      plan: plan.id,
      tasks: rows.flatMap((r, i) =>
        r.status === 'absent'
          ? []
          : [{ task: `T${i}`, status: r.status, products: r.dates.map((d) => (d === undefined ? { figure: '100%' } : { number: `${i}/BC`, date: d })), ...(r.event ? { eventDate: r.event } : {}) }],
      ),
    };
    return { plan, progress };
  });

const counts = (plan: Plan, progress: Progress, asOf: string) => {
  const d = derive(plan, progress, { ...Y2026, asOf });
  return Object.fromEntries(d.inputs.map((x) => [x.input, x.value as number]));
};

describe('derive (properties)', () => {
  it('done ≤ due and on time ≤ done, at every as-of date', () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...DATES), ({ plan, progress }, asOf) => {
        const c = counts(plan, progress, asOf);
        expect(c.plan_tasks_done).toBeLessThanOrEqual(c.plan_tasks_total!);
        expect(c.plan_tasks_on_time).toBeLessThanOrEqual(c.plan_tasks_done!);
      }),
      { numRuns: RUNS },
    );
  });

  it('taking away a product (or a whole progress entry) never raises the tasks done or on time', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), fc.nat(), (cs, pick, which) => {
        const { plan, progress } = cs;
        if (progress.tasks.length === 0) return;
        const i = pick % progress.tasks.length;
        const entry = progress.tasks[i]!;
        const fewer: Progress =
          (entry.products?.length ?? 0) > 0 && which % 2 === 0
            ? { ...progress, tasks: progress.tasks.map((t, k) => (k === i ? { ...t, products: t.products!.filter((_, j) => j !== which % t.products!.length) } : t)) }
            : { ...progress, tasks: progress.tasks.filter((_, k) => k !== i) };
        const before = counts(plan, progress, '2026-12-31');
        const after = counts(plan, fewer, '2026-12-31');
        expect(after.plan_tasks_done).toBeLessThanOrEqual(before.plan_tasks_done!);
        expect(after.plan_tasks_on_time).toBeLessThanOrEqual(before.plan_tasks_on_time!);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic, and applying it leaves the evidence given as it was', () => {
    fc.assert(
      fc.property(arbCase, ({ plan, progress }) => {
        const a = derive(plan, progress, Y2026);
        expect(JSON.stringify(derive(structuredClone(plan), structuredClone(progress), Y2026))).toBe(JSON.stringify(a));
        const evidence = { entries: [{ criterion: '1.1.3', values: { plan_tasks_total: 99 } }] };
        const copy = structuredClone(evidence);
        const applied = applyDerived(evidence, a, plan.id);
        expect(evidence).toEqual(copy);
        expect((applied.evidence.entries as Array<{ values: Record<string, unknown> }>)[0]!.values.plan_tasks_total).toBe(a.inputs[0]!.value);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('taskDate, taskDone and planIssued', () => {
  const plan: Plan = {
    formatVersion: 1,
    kind: 'plan',
    id: 'test.reports',
    title: 't',
    unit: { name: 'u' },
    decision: { number: { kind: 'none', note: 'n' }, date: { kind: 'none', note: 'n' } },
    period: { from: '2026-01-01', to: '2026-12-31' },
    source: { document: 'd' },
    serves: {
      criteriaSet: 'model.commune-par@2026',
      criteria: ['1.1.1', '1.2'],
      inputs: [
        { criterion: '1.1.1', input: 'plan_issued_on', derive: 'planIssued' },
        { criterion: '1.2', input: 'report_q1_sent', derive: 'taskDate', task: 'R1' },
        { criterion: '1.2', input: 'report_h1_sent', derive: 'taskDate', task: 'R2' },
        { criterion: '1.5', input: 'self_assessment_done', derive: 'taskDone', task: 'R2' },
      ],
    },
    fields: [{ id: 'f', title: 'F' }],
    tasks: [
      { id: 'R1', field: 'f', content: 'Báo cáo quý I', lead: 'l', partners: 'p', deadline: { kind: 'date', date: '2026-03-09', text: 'trước ngày 10/3' }, product: 'Báo cáo', source: 's' },
      { id: 'R2', field: 'f', content: 'Báo cáo 6 tháng', lead: 'l', partners: 'p', deadline: { kind: 'date', date: '2026-06-09', text: 'trước ngày 10/6' }, product: 'Báo cáo', source: 's' },
    ],
  };
  const progress: Progress = { formatVersion: 1, kind: 'progress', plan: 'test.reports', tasks: [{ task: 'R1', status: 'done', products: [{ number: '5/BC', date: '2026-03-12' }] }] };

  it('a report done late gives its date (the rule says late); a report not done gives no value and removes a typed date', () => {
    const d = derive(plan, progress, Y2026);
    expect(d.inputs.map((x) => [x.input, x.value])).toEqual([
      ['plan_issued_on', null],
      ['report_q1_sent', '2026-03-12'],
      ['report_h1_sent', null],
      ['self_assessment_done', false],
    ]);
    const evidence = {
      entries: [
        { criterion: '1.1.1', values: { plan_issued_on: '2026-01-10' } },
        { criterion: '1.2', values: { report_h1_sent: '2026-06-01' } },
      ],
    };
    const applied = applyDerived(evidence, d, plan.id);
    // The plan's unknown date says nothing about the typed one: kept, no warning.
    expect(applied.evidence.entries).toEqual([
      { criterion: '1.1.1', values: { plan_issued_on: '2026-01-10' } },
      { criterion: '1.2', values: { report_q1_sent: '2026-03-12' } },
      { criterion: '1.5', values: { self_assessment_done: false } },
    ]);
    expect(applied.diagnostics.map((x) => [x.code, x.path, x.params])).toEqual([
      ['PLAN_INPUT_OVERRIDDEN', '/entries/1/values/report_h1_sent', { criterion: '1.2', input: 'report_h1_sent', typed: '2026-06-01', derived: null, plan: 'test.reports' }],
    ]);
  });

  it('taskOnTime: a task done with a product dated after its deadline is done, not on time (1.5 "tự chấm điểm đúng hạn" reads this)', () => {
    const mapping = (derive: 'taskDone' | 'taskOnTime') => ({ criterion: '1.5', input: 'self_assessment_done', derive, task: 'R1' });
    const onePlan: Plan = { ...plan, serves: { ...plan.serves!, criteria: ['1.5'], inputs: [mapping('taskDone'), mapping('taskOnTime')] } };
    const values = (p: Progress) => derive(onePlan, p, Y2026).inputs.map((x) => [x.derive, x.value, x.tasks]);
    // R1's report dated 12/03, its deadline 09/03.
    expect(values(progress)).toEqual([
      ['taskDone', true, ['R1']],
      ['taskOnTime', false, ['R1']],
    ]);
    const onTime: Progress = { ...progress, tasks: [{ task: 'R1', status: 'done', products: [{ number: '5/BC', date: '2026-03-09' }] }] };
    expect(values(onTime).map((x) => x[1])).toEqual([true, true]);
    const none: Progress = { ...progress, tasks: [] };
    expect(values(none).map((x) => x[1])).toEqual([false, false]);
  });
});

describe('counts of some fields only', () => {
  it('tasksDue and tasksDone over the fields a mapping names', async () => {
    const { readFileSync } = await import('node:fs');
    const here = (f: string) => JSON.parse(readFileSync(new URL(`./conformance/${f}`, import.meta.url), 'utf8'));
    const plan = here('mixed.plan.json') as Plan;
    plan.serves!.inputs = [
      { criterion: '1.1.3', input: 'plan_tasks_total', derive: 'tasksDue', fields: ['thu_tuc'] },
      { criterion: '1.1.3', input: 'plan_tasks_done', derive: 'tasksDone', fields: ['thu_tuc'] },
      { criterion: '1.1.3', input: 'plan_tasks_on_time', derive: 'tasksOnTime', fields: ['chi_dao'] },
    ];
    const d = derive(plan, here('mixed.progress.json') as Progress, Y2026);
    // thủ tục: T3 (no product), T4 (overdue), T6 (on time) due, T7 waiting; chỉ đạo: T1, T5, T10 on time, T2 late.
    expect(d.inputs.map((x) => [x.input, x.value, x.tasks])).toEqual([
      ['plan_tasks_total', 3, ['T3', 'T4', 'T6']],
      ['plan_tasks_done', 1, ['T6']],
      ['plan_tasks_on_time', 3, ['T1', 'T5', 'T10']],
    ]);
  });
});
