/** A plan's or a progress file's date that does not exist (2026-09-31) is refused where it is, as a set's is. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProgress, parsePlan, parseProgress, planWindow } from '@parindex/plans';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (p: string) => JSON.parse(readFileSync(`${ROOT}${p}`, 'utf8'));

describe('dates of plans and progress files', () => {
  it('a day that does not exist is PLAN_SCHEMA / PROGRESS_SCHEMA at its place; real dates pass', () => {
    const progress = read('examples/kien-tho/progress-2026.json');
    expect(parseProgress(progress).diagnostics).toEqual([]);
    progress.tasks[0].products[0].date = '2026-09-31';
    const p = parseProgress(progress);
    expect(p.value).toBeUndefined();
    expect(p.diagnostics.map((d) => [d.code, d.path, d.params])).toEqual([['PROGRESS_SCHEMA', '/tasks/0/products/0/date', expect.objectContaining({ issue: 'notCalendarDate', value: '2026-09-31' })]]);
    const plan = read('plans/kien-tho/2026-cchc.json');
    plan.period.to = '2026-02-29';
    expect(parsePlan(plan).diagnostics.map((d) => [d.code, d.path])).toEqual([['PLAN_SCHEMA', '/period/to']]);
  });

  it('a product dated after the as-of date did not exist yet: neither late nor missing, as the status counts it', () => {
    const plan = parsePlan(read('plans/kien-tho/2026-cchc.json')).value!;
    const progress = read('examples/kien-tho/progress-2026.json');
    const at = progress.tasks.findIndex((t: { task: string }) => t.task === 'PL05.6');
    progress.tasks[at].products[0].date = '2027-02-01';
    const found = checkProgress(parseProgress(progress).value!, plan, planWindow(plan)).filter((d) => (d.params as { task?: string }).task === 'PL05.6');
    expect(found).toEqual([]);
    // Dated within the year, after its deadline (31/03): late.
    progress.tasks[at].products[0].date = '2026-05-08';
    const late = checkProgress(parseProgress(progress).value!, plan, planWindow(plan)).filter((d) => (d.params as { task?: string }).task === 'PL05.6');
    expect(late.map((d) => d.code)).toEqual(['PROGRESS_LATE']);
  });
});

describe('progress that contradicts itself, and a task mapping without its task', () => {
  it('a product on a task not marked done: any on a dropped task, a dated one on a task in progress; an undated figure on the way is not', () => {
    const plan = parsePlan(read('plans/kien-tho/2026-cchc.json')).value!;
    const progress = read('examples/kien-tho/progress-2026.json');
    const codesOf = () =>
      checkProgress(parseProgress(progress).value!, plan, planWindow(plan))
        .filter((d) => d.code === 'PROGRESS_PRODUCT_NOT_DONE')
        .map((d) => [d.path, d.params]);
    expect(codesOf()).toEqual([]);
    progress.tasks[0].status = 'dropped';
    progress.tasks[1].status = 'inProgress';
    progress.tasks[2].status = 'notStarted';
    progress.tasks[2].products = [{ figure: '40%' }];
    expect(codesOf()).toEqual([
      ['/tasks/0/status', { task: progress.tasks[0].task, status: 'dropped' }],
      ['/tasks/1/status', { task: progress.tasks[1].task, status: 'inProgress' }],
    ]);
  });

  it('taskOnTime, like taskDone, needs its task: PLAN_MAPPING_TASK', () => {
    const plan = read('plans/kien-tho/2026-cchc.json');
    const m = plan.serves.inputs.find((x: { derive: string }) => x.derive === 'taskOnTime');
    delete m.task;
    expect(parsePlan(plan).diagnostics.map((d) => [d.code, d.params])).toEqual([['PLAN_MAPPING_TASK', { input: 'self_assessment_done', derive: 'taskOnTime', task: null, suggestion: null }]]);
  });
});
