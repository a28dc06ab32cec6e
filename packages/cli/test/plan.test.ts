/**
 * `parindex plan show|status|targets` and `score`/`explain`/`validate` with plans, end to end on the
 * shipped Kiên Thọ 2026 plan and its sample progress (examples/kien-tho/progress-2026.json), in
 * Vietnamese and English. Figures: 50 tasks; 7 wait for an event, one of which (PL03.3) has its event
 * recorded → 44 due; 38 done with a product (35 on time, 3 late: PL04.2, PL05.6, PL07.1); PL02.9 is
 * marked done without a product; PL03.5, PL05.8, PL06.4, PL06.5 are overdue; PL06.8 was dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliInProcess, tempDir } from './helpers.js';

const PLAN = 'plans/kien-tho/2026-cchc.json';
const PROGRESS = 'examples/kien-tho/progress-2026.json';
const EVIDENCE = 'examples/kien-tho/par-2026.json';
const WITH = ['--plan', PLAN, '--progress', PROGRESS];

type Leaf = { code: string; points: string; children?: Leaf[]; trace?: { inputs: Array<{ id: string; value: unknown }> } };
const find = (nodes: Leaf[], code: string): Leaf | undefined => {
  for (const n of nodes) {
    if (n.code === code) return n;
    const hit = find(n.children ?? [], code);
    if (hit) return hit;
  }
  return undefined;
};

describe('parindex plan', () => {
  it('status as an Excel workbook (--format xlsx): every task a row, the outcomes in words, in Vietnamese and English', async () => {
    const dir = tempDir();
    for (const [lang, late] of [
      ['vi', 'trễ hạn'],
      ['en', 'late'],
    ] as const) {
      const out = join(dir, `status-${lang}.xlsx`);
      const r = await cliInProcess(['plan', 'status', PLAN, PROGRESS, '--as-of', '2026-12-31', '--format', 'xlsx', '--out', out, '--quiet', '--lang', lang]);
      expect(r.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      const rows = wb.worksheets.flatMap((ws) => {
        const found: string[] = [];
        ws.eachRow((row) => found.push((row.values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v))).join('|')));
        return found;
      });
      const pl042 = rows.find((r) => r.includes('PL04.2'));
      expect(pl042, lang).toBeDefined();
      expect(pl042!.toLowerCase()).toContain(late);
    }
  });

  it('show: the tasks by field, with lead unit, deadline as written and product', async () => {
    const r = await cliInProcess(['plan', 'show', PLAN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kế hoạch: Cải cách hành chính trên địa bàn xã Kiên Thọ năm 2026');
    expect(r.stdout).toContain('Văn bản ban hành:  số không rõ, ngày không rõ');
    expect(r.stdout).toContain('Phụ lục số 07: Công tác chỉ đạo, điều hành, tuyên truyền về cải cách hành chính');
    expect(r.stdout).toMatch(/PL07\.3 +Tổ chức đánh giá, chấm điểm/);
    const json = JSON.parse((await cliInProcess(['plan', 'show', PLAN, '--format', 'json'])).stdout) as { tasks: unknown[] };
    expect(json.tasks).toHaveLength(50);
  });

  it('status: done, late, overdue as of the plan period end by default, the same as --as-of 2026-12-31', async () => {
    const [plain, dated] = await Promise.all([cliInProcess(['plan', 'status', PLAN, PROGRESS]), cliInProcess(['plan', 'status', PLAN, PROGRESS, '--as-of', '2026-12-31'])]);
    expect(plain).toEqual(dated);
    expect(plain.code).toBe(0);
    expect(plain.stdout.replace(/\s+/g, ' ')).toContain('Đến hạn 44 nhiệm vụ: hoàn thành 38 (đúng hạn 35, trễ hạn 3), chưa hoàn thành 6; sắp đến hạn 0; không tính 6.');
    expect(plain.stderr).toContain('PROGRESS_DONE_WITHOUT_PRODUCT  /tasks/12/status');
    expect(plain.stderr).toContain('PROGRESS_LATE  /tasks/18/products/0/date');
    const d = JSON.parse((await cliInProcess(['plan', 'status', PLAN, PROGRESS, '--format', 'json', '--quiet'])).stdout) as {
      tasks: Array<{ task: string; outcome: string }>;
      inputs: Array<{ input: string; value: unknown }>;
    };
    const outcome = Object.fromEntries(d.tasks.map((t) => [t.task, t.outcome]));
    expect([outcome['PL02.9'], outcome['PL04.2'], outcome['PL06.5'], outcome['PL06.8'], outcome['PL01.4'], outcome['PL03.3']]).toEqual([
      'noProduct',
      'late',
      'overdue',
      'dropped',
      'awaitingEvent',
      'onTime',
    ]);
    expect(Object.fromEntries(d.inputs.map((x) => [x.input, x.value]))).toEqual({ plan_issued_on: null, plan_tasks_total: 44, plan_tasks_done: 38, self_assessment_done: true });
  });

  it('status as of 30/06/2026: the tasks due by then, and those due soon', async () => {
    const r = await cliInProcess(['plan', 'status', PLAN, PROGRESS, '--as-of', '2026-06-30', '--quiet', '--lang', 'en']);
    expect(r.stdout).toContain('Progress of the plan: Cải cách hành chính trên địa bàn xã Kiên Thọ năm 2026 (as of 2026-06-30)');
    // Due by 30/06: PL04.2, PL04.5, PL05.1, PL05.6 (quarter I), PL06.4 (quarter II), PL07.1 (04/01) → 6; PL06.4 is
    // overdue; PL04.5 and PL05.1 on time; PL04.2 (20/04), PL05.6 (08/05) and PL07.1 (12/01) late.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('6 tasks due: 5 done (2 on time, 3 late), 1 not done; 0 due soon; 44 not counted.');
  });

  it('a task done with a product that names no date is counted apart, so that the parts add up to the done', async () => {
    const progress = JSON.parse(readFileSync(PROGRESS, 'utf8'));
    delete progress.tasks[0].products[0].date;
    const file = join(tempDir(), 'undated.json');
    writeFileSync(file, JSON.stringify(progress));
    const [vi, en] = await Promise.all([cliInProcess(['plan', 'status', PLAN, file, '--quiet']), cliInProcess(['plan', 'status', PLAN, file, '--quiet', '--lang', 'en'])]);
    expect(vi.stdout.replace(/\s+/g, ' ')).toContain('Đến hạn 44 nhiệm vụ: hoàn thành 38 (đúng hạn 34, trễ hạn 3, sản phẩm không ghi ngày 1), chưa hoàn thành 6;');
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('44 tasks due: 38 done (34 on time, 3 late, 1 with an undated product), 6 not done;');
  });

  it('status without progress: every task due is overdue; a wrong --as-of is wrong usage', async () => {
    const r = await cliInProcess(['plan', 'status', PLAN, '--quiet']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Đến hạn 43 nhiệm vụ: hoàn thành 0 (đúng hạn 0, trễ hạn 0), chưa hoàn thành 43');
    const bad = await cliInProcess(['plan', 'status', PLAN, '--as-of', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"2026-02-30" không phải là giá trị của --as-of');
  });

  it('status in md, html and csv from the same document', async () => {
    const [md, html, csv] = await Promise.all(['md', 'html', 'csv'].map((f) => cliInProcess(['plan', 'status', PLAN, PROGRESS, '--format', f, '--quiet'])));
    expect(md!.stdout).toContain('| PL07.3 |');
    expect(html!.stdout).toContain('<td>PL07.3</td>');
    expect(csv!.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv!.stdout).toContain('PL07.3');
  });

  it('targets: every target of the plan, met or not, and what is missing', async () => {
    const r = await cliInProcess(['plan', 'targets', PLAN, 'examples/kien-tho/targets-2026.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\.1 +Bảo đảm trên 98% hồ sơ TTHC/);
    expect(r.stdout).toContain('chưa đạt');
    expect(r.stdout).toContain('Thêm 1 hồ sơ');
    const none = await cliInProcess(['plan', 'targets', 'plans/vinh-bao/2025-h2-cchc.json', 'examples/kien-tho/targets-2026.json']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('PLAN_NO_TARGETS');
  });
});

describe('score and explain with --plan and --progress', () => {
  it('derive 1.1.3 (38 of 44 tasks: 0.5 point) and 1.5 from the tasks; a typed value that differs is replaced, with a warning', async () => {
    const [plain, planned] = await Promise.all([cliInProcess(['score', EVIDENCE, '--format', 'json', '--quiet']), cliInProcess(['score', EVIDENCE, ...WITH, '--format', 'json'])]);
    const before = JSON.parse(plain.stdout) as { fields: Leaf[] };
    const after = JSON.parse(planned.stdout) as { fields: Leaf[]; totals: { points: string } };
    expect(find(before.fields, '1.1.3')!.points).toBe('1');
    const leaf = find(after.fields, '1.1.3')!;
    expect(leaf.points).toBe('0.5');
    expect(leaf.trace!.inputs.map((i) => [i.id, i.value])).toEqual([
      ['plan_tasks_total', '44'],
      ['plan_tasks_done', '38'],
    ]);
    expect(find(after.fields, '1.5')!.points).toBe('0.5');
    expect(planned.stderr).toContain('PLAN_INPUT_OVERRIDDEN  /entries/5/values/plan_tasks_total');
    expect(planned.stderr).toContain('tệp minh chứng ghi "plan_tasks_done" = 40, nhưng kế hoạch "kien-tho.2026-cchc" và tiến độ cho 38');
  });

  it('explain shows the tasks behind the ratio and which would raise it, in Vietnamese and English', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['explain', EVIDENCE, '1.1.3', ...WITH, '--quiet']), cliInProcess(['explain', EVIDENCE, '1.1.3', ...WITH, '--quiet', '--lang', 'en'])]);
    expect(vi.stdout).toContain('Tỉ lệ = 38 ÷ 44 × 100 = 86,363636…');
    // The figures the plan gave are cited at the plan, not at the evidence entry they replaced (which says 40).
    expect(vi.stdout).toContain('Số nhiệm vụ đã hoàn thành: 38 nhiệm vụ [plan_tasks_done; lấy từ kế hoạch kien-tho.2026-cchc và tiến độ thực hiện]');
    expect(en.stdout).toContain('Tasks completed: 38 tasks [plan_tasks_done; from the plan kien-tho.2026-cchc and its progress]');
    expect(vi.stdout).toContain('Hoàn thành 6 nhiệm vụ sau để đạt 100% (1 điểm): PL02.9 (');
    expect(vi.stdout).toMatch(/PL04\.2\. Triển khai áp dụng Chỉ số đánh giá hiệu suất công việc .* — Hạn tính 31\/03\/2026 — hoàn thành trễ hạn — Số \d+\/KH-UBND ngày 20\/04\/2026/);
    expect(en.stdout).toContain('Complete these 6 tasks to reach 100% (1 point): PL02.9 (');
    expect(en.stdout).toContain('— Due 2026-03-31 — done late —');
  });

  it('wrong use: --progress without --plan, a plan given as evidence, a plan of another set, an unknown task id', async () => {
    const dir = tempDir();
    const typo = join(dir, 'typo.json');
    writeFileSync(typo, JSON.stringify({ formatVersion: 1, kind: 'progress', plan: 'kien-tho.2026-cchc', tasks: [{ task: 'PL07.03', status: 'done', products: [{ number: '1/BC' }] }] }));
    const [noPlan, asEvidence, otherSet, unknown] = await Promise.all([
      cliInProcess(['score', EVIDENCE, '--progress', PROGRESS]),
      cliInProcess(['score', PLAN]),
      cliInProcess(['score', 'examples/kien-tho/dti-2026.json', '--plan', PLAN]),
      cliInProcess(['score', EVIDENCE, '--plan', PLAN, '--progress', typo]),
    ]);
    expect(noPlan.code).toBe(2);
    expect(asEvidence.stderr).toContain('PLAN_FILE_KIND');
    expect(asEvidence.stderr).toContain('tệp này là một tệp kế hoạch (dùng với --plan)');
    expect(otherSet.stderr).toContain('PLAN_SET_MISMATCH');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('PROGRESS_UNKNOWN_TASK  /tasks/0/task  lỗi: Không có nhiệm vụ "PL07.03" trong kế hoạch "kien-tho.2026-cchc"; có lẽ là "PL07.3".');
  });
});

describe('plan files as untrusted input', () => {
  it('every problem of a plan at once, located by line and column; a task text with escapes and line breaks stays one cell', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad-plan.json');
    writeFileSync(
      bad,
      JSON.stringify(
        {
          formatVersion: 1,
          kind: 'plan',
          id: 'test.bad',
          title: 't',
          unit: { name: 'u' },
          decision: { number: '1/KH', date: '2026-02-30' },
          period: { from: '2026-01-01', to: '2026-12-31' },
          source: { document: 'd' },
          fields: [{ id: 'f', title: 'F' }],
          tasks: [
            { id: 'T1', field: 'g', content: 'c', lead: 'l', partners: 'p', deadline: { kind: 'weekly', text: 'x' }, product: 'p', source: 's' },
            { id: 'T1', field: 'f', content: 'c', lead: 'l', partners: 'p', deadline: { kind: 'none', note: 'n' }, product: 'p', source: 's' },
          ],
        },
        null,
        2,
      ),
    );
    const r = await cliInProcess(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad-plan\.json:\d+:\d+ {2}PLAN_SCHEMA {2}\/tasks\/0\/deadline\/kind/);
    const hostile = join(dir, 'hostile-plan.json');
    const plan = JSON.parse((await cliInProcess(['plan', 'show', PLAN, '--format', 'json'])).stdout) as { tasks: Array<{ content: string }> };
    plan.tasks[0]!.content = 'Nhiệm vụ\u001b[2J\nDòng giả';
    writeFileSync(hostile, JSON.stringify(plan));
    const shown = await cliInProcess(['plan', 'show', hostile]);
    expect(shown.stdout).not.toContain('\u001b');
    expect(shown.stdout).toContain('Nhiệm vụ\\x1b[2J\\nDòng giả');
    const csv = await cliInProcess(['plan', 'show', hostile, '--format', 'csv']);
    expect(csv.stdout).toContain('Nhiệm vụ\u001b[2J');
  });
});

describe('validate with plans', () => {
  it('the five seed plans and the sample progress validate; a progress file is checked against its plan given with it', async () => {
    const r = await cliInProcess(['validate', 'plans/kien-tho/2026-cchc.json', 'plans/vinh-bao/2025-h2-cchc.json', 'plans/vinh-bao/2025-h2-tuyen-truyen.json', PROGRESS, '--format', 'json']);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.stdout) as Array<{ kind: string; errors: number; diagnostics: Array<{ code: string }> }>;
    expect(reports.map((x) => [x.kind, x.errors])).toEqual([
      ['plan', 0],
      ['plan', 0],
      ['plan', 0],
      ['progress', 0],
    ]);
    expect(reports[3]!.diagnostics.map((d) => d.code).sort()).toEqual(['PROGRESS_DONE_WITHOUT_PRODUCT', 'PROGRESS_LATE', 'PROGRESS_LATE', 'PROGRESS_LATE']);
  });
});

describe('the built CLI with a plan', () => {
  it('prints what main() prints', async () => {
    const args = ['explain', EVIDENCE, '1.1.3', ...WITH];
    const [spawned, here] = await Promise.all([cli(args), cliInProcess(args)]);
    expect(spawned).toEqual(here);
    expect(spawned.code).toBe(0);
  });
});
