/**
 * The CLI's commands end to end on the real example files and on bad files written to a temp folder, run
 * in this process (main() with stdout and stderr captured, see helpers.ts: no process to start, no build
 * needed). The built, bundled CLI as a process: bin.test.ts and rank-threads.test.ts.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, hashJson, score } from '@parindex/engine';
import { bundledSets } from '@parindex/rules/node';
import { cliInProcess, ROOT, tempDir, VB, VB_APPRAISAL, writeTemp } from './helpers.js';

const read = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Record<string, unknown>;
let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe.concurrent('usage and exit codes', () => {
  it('--help on the root and on every command, generated from the arguments', async () => {
    const [root, sc, show, none] = await Promise.all([cliInProcess(['--help']), cliInProcess(['score', '--help']), cliInProcess(['rules', 'show', '--help']), cliInProcess([])]);
    expect(root.code).toBe(0);
    for (const c of ['rules', 'template', 'validate', 'score', 'explain', 'diff', 'rank']) expect(root.stdout).toContain(c);
    expect(sc.code).toBe(0);
    expect(sc.stdout).toMatch(/--appraisal=<tệp>/);
    expect(sc.stdout).toContain('CÁCH DÙNG: parindex score [TÙY CHỌN] <tệp>');
    expect(sc.stdout).toMatch(/--format=<table\|json\|md\|html\|csv\|docx\|xlsx>/);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('<mã[@phiên bản]>');
    expect(sc.stdout).toContain('TÙY CHỌN');
    const en = (await cliInProcess(['score', '--help', '--lang', 'en'])).stdout;
    expect(en).toContain('USAGE: parindex score [OPTIONS] <file>');
    expect(en).toMatch(/--appraisal=<file>/);
    expect(none.code).toBe(2);
  });

  it('--help of each command lists exactly the formats it writes, and the command refuses the others', async () => {
    const text = ['table', 'json', 'md', 'html', 'csv'];
    const cases: Array<[string[], string[]]> = [
      [
        ['score', VB],
        [...text, 'docx', 'xlsx'],
      ],
      [
        ['explain', VB],
        [...text, 'docx'],
      ],
      [['diff', VB, VB], text],
      [
        ['rank', VB],
        [...text, 'xlsx'],
      ],
      [['validate', VB], text],
      [['rules', 'list'], text],
      [['rules', 'show', 'x'], text],
      [
        ['plan', 'show', VB],
        [...text, 'xlsx'],
      ],
      [
        ['plan', 'status', VB],
        [...text, 'xlsx'],
      ],
      [
        ['plan', 'targets', VB, VB],
        [...text, 'xlsx'],
      ],
    ];
    for (const [args, formats] of cases) {
      const command = args.filter((a) => !a.includes('/')).join(' ');
      for (const lang of ['vi', 'en']) {
        const help = (await cliInProcess([...args, '--help', '--lang', lang])).stdout;
        expect(help.match(/--format=<([^>]*)>/)?.[1], `${command} --lang ${lang}`).toBe(formats.join('|'));
        // The description names no format the command does not write.
        for (const f of ['docx', 'xlsx']) expect(help.includes(`${f} (`), `${command} --lang ${lang}: ${f}`).toBe(formats.includes(f));
      }
      for (const f of ['docx', 'xlsx'].filter((x) => !formats.includes(x))) {
        const r = await cliInProcess([...args, '--format', f, '--out', join(dir, `refused.${f}`), '--lang', 'en']);
        expect(r.code, `${command} --format ${f}`).toBe(2);
        expect(r.stderr).toContain(`"${f}" is not a value of --format; it takes one of: ${formats.join(', ')}.`);
      }
    }
  });

  it('wrong usage exits 2 with one clear line, no stack trace', async () => {
    const runs = await Promise.all([
      cliInProcess(['frobnicate']),
      cliInProcess(['score', VB, '--bogus']),
      cliInProcess(['score']),
      cliInProcess(['score', VB, '--format', 'xml']),
      cliInProcess(['score', VB, '--out']),
      cliInProcess(['score', VB, '--round', 'round1']),
      cliInProcess(['plan', 'status', 'ke-hoach.json', '--bogus']),
      cliInProcess(['plan', 'bogus']),
      cliInProcess(['score', VB, '--bogus', '--lang', 'en']),
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
    expect(runs[0]!.stderr).toContain('Không có lệnh "frobnicate"');
    expect(runs[1]!.stderr).toContain('Không có tùy chọn --bogus');
    expect(runs[2]!.stderr).toContain('Thiếu tham số <tệp>.');
    expect(runs[3]!.stderr).toContain('--format');
    // The help of the command whose usage was wrong, in the run's language.
    expect(runs[0]!.stderr).toMatch(/\nXem hướng dẫn: parindex --help\n$/);
    expect(runs[1]!.stderr).toMatch(/\nXem hướng dẫn: parindex score --help\n$/);
    expect(runs[6]!.stderr).toMatch(/\nXem hướng dẫn: parindex plan status --help\n$/);
    expect(runs[7]!.stderr).toMatch(/\nXem hướng dẫn: parindex plan --help\n$/);
    expect(runs[8]!.stderr).toBe('parindex: Unknown option --bogus.\nSee: parindex score --help\n');
  });
});

describe.concurrent('rules', () => {
  it('list: every bundled set, table and json', async () => {
    const [t, j] = await Promise.all([cliInProcess(['rules', 'list']), cliInProcess(['rules', 'list', '--format', 'json'])]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('model.commune-par@2026');
    expect(t.stdout).toContain('Các bộ tiêu chí có sẵn');
    const entries = JSON.parse(j.stdout) as Array<{ ref: string }>;
    expect(entries.map((e) => e.ref)).toEqual(bundledSets().entries.map((e) => e.ref));
  });

  it('show: the tree with maxima and each rule in a sentence, vi and en', async () => {
    const [vi, en, bad] = await Promise.all([
      cliInProcess(['rules', 'show', 'model.commune-par@2026']),
      cliInProcess(['rules', 'show', 'model.commune-par', '--lang', 'en', '--format', 'md']),
      cliInProcess(['rules', 'show', 'no.such-set']),
    ]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Từ 80% đến dưới 90%: 1 điểm');
    expect(vi.stdout).toMatch(/3\.2\s+Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn\s+3/);
    expect(vi.stdout).toMatch(/Tổng điểm\s+100/);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('From 80% to under 90%: 1 point');
    expect(en.stdout).toContain('| Code | Field / criterion | Maximum | Rule |');
    // The header in each language: the issuer and decision in English, a level whose name is its id once.
    expect(vi.stdout).toMatch(/Cơ quan ban hành:\s+parindex \(bộ tiêu chí mẫu\)\n/);
    expect(vi.stdout).toMatch(/Cấp đơn vị:\s+xã \(commune\), phường \(ward\), đặc khu \(specialZone\)\n/);
    expect(en.stdout).toContain('- **Issuer:** parindex (model set)\n');
    expect(en.stdout).toContain('- **Decision:** Resolution No. 76/NQ-CP (2021-07-15)\n');
    expect(en.stdout).toContain('- **Unit levels:** commune, ward, special zone (specialZone)\n');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('SET_NOT_FOUND');
    expect(bad.stderr).toContain('Không có bộ tiêu chí "no.such-set"');
    // A near miss names the set meant (the id, or id@version as typed).
    const [typo, version] = await Promise.all([cliInProcess(['template', 'model.commune-pa']), cliInProcess(['rules', 'show', 'model.commune-par@2025', '--lang', 'en'])]);
    expect(typo.stderr).toContain('Không có bộ tiêu chí "model.commune-pa" (có phải là "model.commune-par"?)');
    expect(version.stderr).toContain('No criteria set "model.commune-par@2025" is known (did you mean "model.commune-par@2026"?)');
  });
});

describe.concurrent('template', () => {
  it('lists every leaf with its inputs and documents; the blank file says what is still empty', async () => {
    const out = join(dir, 'blank.json');
    const t = await cliInProcess(['template', 'model.commune-par@2026', '--out', out]);
    expect(t.code).toBe(0);
    const blank = JSON.parse(readFileSync(out, 'utf8'));
    const leaves = bundledSets().get('model.commune-par@2026');
    expect(blank.entries.find((e: { criterion: string }) => e.criterion === '3.2').note).toContain('"dossiers_on_time"');
    expect(blank.entries.find((e: { criterion: string }) => e.criterion === '1.1.1').note).toContain('"plan": Kế hoạch');
    // How to count a figure, when the set says, right after it.
    expect(blank.entries.find((e: { criterion: string }) => e.criterion === '3.2').note).toContain(
      '(số nguyên, đơn vị: hồ sơ) — Mẫu số của tỷ lệ đúng hạn là số hồ sơ ĐÃ GIẢI QUYẾT, không phải số hồ sơ tiếp nhận. Tài liệu',
    );
    expect(leaves.fields.length).toBe(8);
    const v = await cliInProcess(['validate', out]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/blank\.json:\d+:\d+ {2}SCORE_MISSING_INPUT {2}\/[0-9/a-z]+ {2}cảnh báo: "3\.2" chưa có giá trị "[^"]+" \(dossiers_on_time\)/);
    expect(blank.period).toEqual({ from: '2026-01-01', to: '2026-12-31', label: 'Năm 2026' });
  });

  it('in English: the notes and the period label in English', async () => {
    const t = await cliInProcess(['template', 'model.commune-par@2026', '--lang', 'en']);
    expect(t.code).toBe(0);
    const blank = JSON.parse(t.stdout);
    expect(blank.period).toEqual({ from: '2026-01-01', to: '2026-12-31', label: 'Year 2026' });
    expect(blank.entries.find((e: { criterion: string }) => e.criterion === '1.1.1').note).toContain('"plan": Plan');
  });
});

describe.concurrent('score', () => {
  it('table in Vietnamese and English', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['score', VB]), cliInProcess(['score', VB, '--lang', 'en', '--quiet'])]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/Chỉ số \(thang 100\)\s+83,60/);
    expect(vi.stdout).toContain('B — Tốt');
    expect(vi.stdout).toMatch(/1\s+Công tác chỉ đạo, điều hành cải cách hành chính\s+9,5 \(10\)\s+7,6\s+80,00%/);
    // Every percentage of the column with two decimals, 100 % included.
    expect(vi.stdout).toMatch(/4\s+Cải cách tổ chức bộ máy hành chính nhà nước\s+7\s+7\s+100,00%/);
    expect(vi.stdout).toContain('Không áp dụng: 1.3.3, 2.1');
    expect(vi.stdout).toContain('Điểm tự chấm khác điểm tính theo minh chứng: 3.2');
    expect(vi.stderr).toContain('SCORE_CLAIM_MISMATCH');
    expect(vi.stderr).toMatch(/examples\/vinh-bao\/par-2026\.json:\d+:\d+ {2}SCORE_CLAIM_MISMATCH {2}\/entries\/\d+\/claimedPoints/);
    expect(en.stdout).toMatch(/Index \(scale 100\)\s+83\.60/);
    expect(en.stdout).toContain('B — Good');
    expect(en.stdout).toMatch(/\s9\.5 \(10\)\s+7\.6\s+80\.00%/);
    expect(en.stderr).toBe('');
  });

  it('--format json is the engine result itself', async () => {
    const r = await cliInProcess(['score', VB, '--format', 'json']);
    expect(r.code).toBe(0);
    const set = bundledSets().get('model.commune-par@2026');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(score(compile(set), read(VB)))));
  });

  it('--format json --compact is the compact form of the same score; --compact without json is a usage error (vi, en)', async () => {
    const [r, round, vi, en] = await Promise.all([
      cliInProcess(['score', VB, '--format', 'json', '--compact', '--quiet']),
      cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--round', 'round1', '--format', 'json', '--compact', '--quiet']),
      cliInProcess(['score', VB, '--compact']),
      cliInProcess(['score', VB, '--compact', '--lang', 'en']),
    ]);
    expect(r.code).toBe(0);
    const compiled = compile(bundledSets().get('model.commune-par@2026'));
    expect(r.stdout).toBe(`${JSON.stringify(score(compiled, read(VB), { form: 'compact' }), null, 2)}\n`);
    const c = JSON.parse(r.stdout);
    expect([c.form, c.totals.index, c.criteria.length]).toEqual(['compact', '83.6', compiled.nodes.size]);
    expect(JSON.parse(round.stdout)).toMatchObject({ form: 'compact', stage: 'round1' });
    expect([vi.code, en.code]).toEqual([2, 2]);
    expect(vi.stderr).toContain('parindex: --compact cần đi kèm --format json.');
    expect(en.stderr).toMatch(/^parindex: --compact .*--format json/);
    // A saved compact result is a valid result file; diff needs the full one and says so.
    const saved = writeTemp(dir, 'compact.json', r.stdout);
    const full = writeTemp(dir, 'full.json', (await cliInProcess(['score', VB, '--format', 'json', '--quiet'])).stdout);
    const [valid, refused] = await Promise.all([cliInProcess(['validate', saved, '--lang', 'en']), cliInProcess(['diff', full, saved, '--lang', 'en'])]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('1 valid, 0 with errors');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('compact.json:3:3  RESULT_COMPACT  /form  error: This saved result is in the compact form (no trace)');
  });

  it('with an appraisal: the official table, one column per round up to --round (md, csv, html)', async () => {
    const html = join(dir, 'report.html');
    const [md, csv, h] = await Promise.all([
      cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--format', 'md', '--quiet']),
      cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--round', 'round1', '--format', 'csv', '--quiet']),
      cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--format', 'html', '--out', html, '--quiet']),
    ]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| STT | Lĩnh vực / tiêu chí | Điểm tối đa | Điểm tự chấm | Điểm thẩm định vòng 1 | Điểm thẩm định vòng 2 | Tài liệu kiểm chứng | Ghi chú |');
    expect(md.stdout).toMatch(/\| 3\.7\.2 \| .*Tỷ lệ giao dịch thanh toán trực tuyến \| 1,5 \| 1,5 \| 0,75 \| 0,75 \|/);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\ufeffSTT;Lĩnh vực / tiêu chí;Điểm tối đa;Điểm tự chấm;Điểm thẩm định vòng 1;Tài liệu kiểm chứng;Ghi chú\r\n')).toBe(true);
    expect(csv.stdout).toMatch(/\r\n3\.7\.2;Tỷ lệ giao dịch thanh toán trực tuyến;1,5;1,5;0,75;/);
    expect(h.code).toBe(0);
    expect(h.stdout).toBe('');
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<th>Điểm thẩm định vòng 1</th><th>Điểm thẩm định vòng 2</th>');
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link|src=|url\(/);
    expect(page).toContain('83,35');
  });

  it('bad files: invalid JSON with line:column, unknown criterion, unknown set, missing file', async () => {
    const evidence = read(VB);
    const badJson = writeTemp(dir, 'bad.json', '{\n  "formatVersion": 1,\n  "entries": [\n    { "criterion": "1.1" },,\n  ]\n}\n');
    const unknown = writeTemp(dir, 'unknown-criterion.json', { ...evidence, entries: [...(evidence.entries as object[]), { criterion: '9.9', values: {} }] });
    const wrongSet = writeTemp(dir, 'wrong-set.json', { ...evidence, criteriaSet: 'no.such-set@2026' });
    const runs = await Promise.all([
      cliInProcess(['score', badJson]),
      cliInProcess(['score', unknown, '--lang', 'en']),
      cliInProcess(['score', wrongSet]),
      cliInProcess(['score', join(dir, 'missing.json')]),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runs[0]!.stderr).toMatch(/bad\.json:4:28 {2}JSON_SYNTAX {2}\/ {2}lỗi: JSON không hợp lệ/);
    expect(runs[1]!.stderr).toMatch(/unknown-criterion\.json:\d+:\d+ {2}EVIDENCE_UNKNOWN_CRITERION {2}\/entries\/\d+\/criterion {2}error: There is no criterion "9\.9" in model\.commune-par@2026\./);
    expect(runs[2]!.stderr).toMatch(/wrong-set\.json:\d+:3 {2}SET_NOT_FOUND {2}\/criteriaSet {2}lỗi: Không có bộ tiêu chí "no\.such-set@2026"/);
    expect(runs[3]!.stderr).toContain('FILE_NOT_FOUND');
  });
});

describe.concurrent('explain', () => {
  it('a criterion that does not apply: its status once, and the policy its reason already says not said again', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['explain', VB, '2.1', '--quiet']), cliInProcess(['explain', 'examples/kien-tho/par-2026.json', '2.2.2', '--lang', 'en', '--quiet'])]);
    expect(vi.stdout).toMatch(/^Trạng thái: +không áp dụng$/m);
    expect(vi.stdout).toContain('  • Không áp dụng (không được giao ban hành văn bản QPPL trong năm: tính đủ điểm)\n');
    expect(en.stdout).toMatch(/^Status: +not applicable$/m);
    expect(en.stdout).toContain('  • Not applicable (the review found no documents requiring action: full points)\n');
  });
  it('one criterion: rule, inputs, documents, tier taken, and how to raise it (vi, en)', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['explain', VB, '3.2', '--quiet']), cliInProcess(['explain', VB, '3.2', '--lang', 'en', '--quiet'])]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('3.2. Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn — 1 / 3 điểm');
    expect(vi.stdout).toContain('Từ 95% đến dưới 98%: 2 điểm');
    // The entry counted from 1, and the line of the file it starts on (the same line validate reports).
    expect(vi.stdout).toMatch(/Số hồ sơ giải quyết trước và đúng hạn: 1\.170 hồ sơ \[dossiers_on_time; mục 25, dòng 243\]/);
    expect(en.stdout).toMatch(/Dossiers resolved on time: 1,170 dossiers \[dossiers_on_time; entry 25, line 243\]/);
    expect(vi.stdout).toContain('Tỉ lệ = 1.170 ÷ 1.300 × 100 = 90');
    expect(vi.stdout).toContain('Bậc áp dụng: từ 90% đến dưới 95% → 1 điểm');
    expect(vi.stdout).toContain('Thêm 65 hồ sơ giải quyết trước và đúng hạn để đạt 2 điểm (+1)');
    expect(vi.stdout).toContain('Số 11/BC-UBND ngày 05/12/2026');
    expect(en.stdout).toContain('Add 65 to “Dossiers resolved on time” to reach 2 points (+1) (1,170 → 1,235; ratio 95%)');
    expect(en.stdout).toContain('Tier taken: from 90% to under 95% → 1 point');
    expect(en.stdout).toContain('3.2. Dossiers resolved on time — 1 / 3 points');
  });

  it('a criterion of one point says "1 point" in its heading (en), "1 điểm" (vi)', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['explain', VB, '1.1.3', '--quiet']), cliInProcess(['explain', VB, '1.1.3', '--lang', 'en', '--quiet'])]);
    expect(vi.stdout).toContain('1.1.3. Mức độ hoàn thành nhiệm vụ của Kế hoạch CCHC năm — 0,5 / 1 điểm');
    expect(en.stdout).toContain("1.1.3. Share of the annual plan's tasks completed — 0.5 / 1 point\n");
  });

  it('with the appraisal: who corrected a value and when, the dated overrides, the unit’s answers, the stage of the parts (vi, en)', async () => {
    const args = (code: string, lang: string) => ['explain', VB, code, '--appraisal', VB_APPRAISAL, '--lang', lang, '--quiet'];
    const [vi, en, viOverride, enOverride, all, json] = await Promise.all([
      cliInProcess(args('3.7.2', 'vi')),
      cliInProcess(args('3.7.2', 'en')),
      cliInProcess(args('1.4.1', 'vi')),
      cliInProcess(args('1.4.1', 'en')),
      cliInProcess(['explain', VB, '--appraisal', VB_APPRAISAL, '--quiet']),
      cliInProcess(['explain', VB, '3.7.2', '--appraisal', VB_APPRAISAL, '--format', 'json', '--quiet']),
    ]);
    expect(vi.stdout).toContain('[online_payments; mục 33, dòng 318] — thẩm định vòng 1 sửa từ 352 (20/01/2027, Thẩm định viên B): Đối chiếu Cổng Dịch vụ công quốc gia');
    expect(en.stdout).toContain('[online_payments; entry 33, line 318] — appraisal round 1 corrected from 352 (2027-01-20, Thẩm định viên B): Đối chiếu');
    expect(vi.stdout).toContain('Giải trình của đơn vị với thẩm định:\n\n  • Giải trình (27/01/2027, UBND xã Vĩnh Bảo): Thống nhất số liệu thẩm định 320 giao dịch');
    expect(en.stdout).toContain("The unit's answers to the appraisal:\n\n  • Unit's answer (2027-01-27, UBND xã Vĩnh Bảo): Thống nhất số liệu");
    expect(viOverride.stdout).toContain('Thẩm định vòng 1 (20/01/2027): 0,5 → 0 điểm — Không có Kế hoạch');
    expect(viOverride.stdout).toContain('Thẩm định vòng 2 (05/02/2027): 0 → 0,5 điểm — Đã nhận Kế hoạch');
    expect(viOverride.stdout).toContain('Giải trình (27/01/2027, UBND xã Vĩnh Bảo): Bổ sung bản sao Kế hoạch số 05/KH-UBND');
    expect(enOverride.stdout).toContain('Appraisal round 1 (2027-01-20): 0.5 → 0 points — Không có Kế hoạch');
    // The parts of the index are the round's: the heading names it.
    expect(all.stdout).toContain('Các phần của chỉ số (thẩm định vòng 2)');
    const input = JSON.parse(json.stdout).trace.inputs.find((i: { id: string }) => i.id === 'online_payments');
    expect(input.corrected).toEqual({ from: '352', round: 'round1', reason: expect.stringContaining('Đối chiếu'), by: 'Thẩm định viên B', date: '2027-01-20' });
  });

  it('without a code: criteria that lost points first; json is the result; unknown code fails', async () => {
    const [all, j, bad] = await Promise.all([
      cliInProcess(['explain', VB, '--format', 'md', '--quiet']),
      cliInProcess(['explain', VB, '1.1.3', '--format', 'json']),
      cliInProcess(['explain', VB, '9.9']),
    ]);
    expect(all.code).toBe(0);
    const headings = [...all.stdout.matchAll(/^## ([0-9.A-Z]+)\. .* — ([0-9,-]+) \/ ([0-9,]+) điểm/gm)].map((m) => [m[1], m[2], m[3]]);
    const firstFull = headings.findIndex(([, p, m]) => p === m);
    expect(firstFull).toBeGreaterThan(0);
    // After the criteria that lost points: full criteria, and penalty items that took nothing off (0).
    expect(headings.slice(firstFull).every(([c, p, m]) => p === m || (c!.startsWith('P') && p === '0'))).toBe(true);
    expect(headings.slice(0, firstFull).some(([c]) => c!.startsWith('P'))).toBe(false);
    expect(JSON.parse(j.stdout)).toMatchObject({ code: '1.1.3', points: '0.5', kind: 'leaf' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"9.9"');
  });

  it('in English, the English labels of the set: parts, levels, documents (the trace keeps the Vietnamese ones), units', async () => {
    const [dti, missing, missingVi, plan] = await Promise.all([
      cliInProcess(['explain', 'examples/kien-tho/dti-2026.json', '--lang', 'en', '--quiet']),
      cliInProcess(['explain', VB, '1.4.1', '--lang', 'en', '--quiet']),
      cliInProcess(['explain', VB, '1.4.1', '--quiet']),
      cliInProcess(['explain', 'examples/nguyen-luong-bang/par-2026.json', '--lang', 'en', '--quiet']),
    ]);
    expect(dti.stdout).toContain('• Head of the committee: Vice-chairman → 5 points (0.5 × max)');
    expect(dti.stdout).toContain('• Plan: met → 5 points');
    expect(dti.stdout).not.toContain('Có kế hoạch: met');
    // A missing document by its label, not its id, in the working and in the advice.
    expect(missing.stdout).toMatch(/• Missing: [^\n—]+ — scored, needs an explanation/);
    expect(missing.stdout).not.toContain('propaganda_plan_doc');
    expect(missingVi.stdout).toContain('• Thiếu: Kế hoạch tuyên truyền CCHC năm 2026 — vẫn chấm, cần giải trình');
    expect(plan.stdout).toContain('Provide the documents “Annual reform plan 2026” to reach 1 point (+1)');
    expect(plan.stdout).not.toMatch(/hồ sơ \[/);
  });

  it('with an appraisal round: corrected inputs say who changed them and why', async () => {
    const r = await cliInProcess(['explain', VB, '3.7.2', '--appraisal', VB_APPRAISAL, '--round', 'round1', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('thẩm định vòng 1 sửa từ 352');
    expect(r.stdout).toContain('Điểm tự chấm:');
  });
});

describe.concurrent('validate', () => {
  it("an appraisal given with its evidence: its own warnings too (rounds out of order, points written '0,5')", async () => {
    const a = read(VB_APPRAISAL) as { rounds: Array<{ id: string; date?: string; items: Array<{ points?: unknown }> }> };
    a.rounds = [a.rounds[2]!, a.rounds[1]!, a.rounds[0]!].map(({ date: _date, ...r }) => r);
    a.rounds[2]!.items[0]!.points = '0,5';
    const file = writeTemp(tempDir(), 'nguoc.json', a);
    const v = await cliInProcess(['validate', VB, file]);
    expect(v.code).toBe(0);
    const codes = v.stdout
      .split('\n')
      .filter((l) => l.includes('nguoc.json:') && l.includes('  APPRAISAL_'))
      .map((l) => l.split('  ').slice(1, 3).join(' '));
    expect(codes).toEqual(['APPRAISAL_ROUND_ID_ORDER /rounds/2/id', 'APPRAISAL_POINTS_READ /rounds/2/items/0/points']);
  });

  it('a saved result given with its evidence (and appraisal) is scored again: the same says so, an edited figure is RESULT_NOT_REPRODUCED at its line', async () => {
    const d = tempDir();
    const saved = async (name: string, args: string[]) => writeTemp(d, name, (await cliInProcess(['score', VB, '--format', 'json', '--quiet', ...args])).stdout);
    const [self, round, compact] = [await saved('r.json', []), await saved('ra.json', ['--appraisal', VB_APPRAISAL]), await saved('rc.json', ['--compact'])];
    const edited = JSON.parse(readFileSync(self, 'utf8')) as { totals: { index: string }; fields: Array<{ points: string }>; provenance: { engine: string } };
    edited.totals.index = '95.1';
    edited.fields[0]!.points = '9.5';
    const bad = writeTemp(d, 'bad.json', JSON.stringify(edited, null, 2));
    edited.provenance.engine = '@parindex/engine@0.0.9';
    const older = writeTemp(d, 'older.json', JSON.stringify(edited, null, 2));

    const ok = await cliInProcess(['validate', self, round, compact, VB, VB_APPRAISAL, '--quiet']);
    expect(ok.code, ok.stdout).toBe(0);
    for (const f of ['r.json', 'ra.json', 'rc.json']) expect(ok.stdout).toContain(`${join(d, f)}: chấm lại từ ${VB} cho đúng kết quả này, khớp từng con số.`);

    const [vi, en, old] = [
      await cliInProcess(['validate', bad, VB, '--quiet']),
      await cliInProcess(['validate', bad, VB, '--quiet', '--lang', 'en']),
      await cliInProcess(['validate', older, VB, '--quiet', '--lang', 'en']),
    ];
    expect(vi.code).toBe(1);
    // The first place that differs, in the file's order (the totals before the fields), at its line and column.
    expect(vi.stdout).toContain(
      `bad.json:40:5  RESULT_NOT_REPRODUCED  /totals/index  lỗi: Kết quả đã lưu không đúng với kết quả chấm lại từ tệp minh chứng "${VB}": tại /totals/index tệp ghi "95.1", chấm lại được "83.6" (và 1 chỗ khác). Kết quả đã bị sửa sau khi chấm: hãy chấm lại từ tệp minh chứng.`,
    );
    expect(en.stdout).toContain(`at /totals/index it says "95.1", scored again "83.6" (and one other place). It was changed after it was made: score the evidence again.`);
    expect(old.stdout).toContain('It was changed after it was made, or made by another version of the engine (@parindex/engine@0.0.9): score the evidence again.');
    expect(vi.stdout).not.toContain('chấm lại từ examples/vinh-bao/par-2026.json cho đúng');
    // A round its appraisal does not have: the files do not score it again.
    const roundEdited = JSON.parse(readFileSync(round, 'utf8')) as { provenance: { appraisal: { round: string } } };
    roundEdited.provenance.appraisal.round = 'round9';
    const noRound = await cliInProcess(['validate', writeTemp(d, 'round9.json', roundEdited), VB, VB_APPRAISAL, '--quiet', '--lang', 'en']);
    expect(noRound.code).toBe(1);
    expect(noRound.stdout).toContain(
      'RESULT_NOT_REPRODUCED  /provenance/appraisal/round  error: The files this saved result names do not score it again (/provenance/appraisal/round: "round9"): it was not made from them.',
    );

    // Without the files it was made from: its form only, said as a warning naming the file to give.
    const [alone, noAppraisal] = [await cliInProcess(['validate', self]), await cliInProcess(['validate', round, VB, '--lang', 'en'])];
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(
      /r\.json:3:3 {2}RESULT_UNVERIFIED {2}\/provenance {2}cảnh báo: Mới chỉ kiểm tra định dạng của kết quả đã lưu: muốn kiểm tra các con số, hãy đưa kèm tệp minh chứng của nó \(SHA-256 [0-9a-f]{64}\)/,
    );
    expect(noAppraisal.stdout).toMatch(/RESULT_UNVERIFIED {2}\/provenance {2}warning: .* give its appraisal file \(SHA-256 [0-9a-f]{64}\)/);
  });

  it('a result scored with a plan names the plan, its progress and the evidence file, and is scored again from them', async () => {
    const d = tempDir();
    const [ev, plan, progress] = ['examples/kien-tho/par-2026.json', 'plans/kien-tho/2026-cchc.json', 'examples/kien-tho/progress-2026.json'];
    const made = await cliInProcess(['score', ev, '--plan', plan, '--progress', progress, '--format', 'json', '--quiet']);
    const result = JSON.parse(made.stdout) as { provenance: { evidence: { sha256: string }; plan: Record<string, unknown> } };
    const sha = (f: string) => hashJson(read(f));
    expect(result.provenance.plan).toEqual({ id: 'kien-tho.2026-cchc', sha256: sha(plan), progressSha256: sha(progress), evidenceSha256: sha(ev) });
    // The evidence scored is the file with the plan's inputs in it: another hash than the file's.
    expect(result.provenance.evidence.sha256).not.toBe(sha(ev));
    const saved = writeTemp(d, 'rp.json', made.stdout);
    const [all, noProgress] = [await cliInProcess(['validate', saved, ev, plan, progress, '--quiet']), await cliInProcess(['validate', saved, ev, plan, '--lang', 'en'])];
    expect(all.code, all.stdout).toBe(0);
    expect(all.stdout).toContain(`rp.json: chấm lại từ ${ev} cho đúng kết quả này, khớp từng con số.`);
    expect(noProgress.stdout).toContain(
      `RESULT_UNVERIFIED  /provenance  warning: Only this saved result's format was checked: to check its figures, give its progress file (SHA-256 ${sha(progress)})`,
    );
    // The official table says where its figures came from.
    const html = await cliInProcess(['score', ev, '--plan', plan, '--progress', progress, '--format', 'html', '--quiet', '--lang', 'en']);
    expect(html.stdout).toContain(
      `(the evidence file, SHA-256 ${sha(ev)}, with the figures derived from the plan kien-tho.2026-cchc, SHA-256 ${sha(plan)}, and its progress file, SHA-256 ${sha(progress)})`,
    );
  });

  it('sets, evidence and appraisals at once; exit 0 when all are valid', async () => {
    const r = await cliInProcess(['validate', 'rules/sets/model.commune-par/2026.json', VB, VB_APPRAISAL, '--quiet', '--lang', 'en']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('3 files: 3 valid, 0 with errors');
    const j = await cliInProcess(['validate', 'rules/sets/model.commune-par/2026.json', VB, '--format', 'json']);
    expect((JSON.parse(j.stdout) as Array<{ kind: string }>).map((x) => x.kind)).toEqual(['set', 'evidence']);
  });

  it('prints the SHA-256 of a valid set to pin in the scoring entry, in both languages and in the JSON report', async () => {
    const set = read('rules/sets/model.commune-par/2026.json');
    // Keys reordered and indented otherwise: the same canonical hash (the one every result's provenance carries).
    const { fields, ...head } = set;
    const file = writeTemp(dir, 'my-set.json', { fields, ...head });
    const sha = compile(set).sha256;
    const [vi, en, json, bad] = await Promise.all([
      cliInProcess(['validate', file]),
      cliInProcess(['validate', file, '--lang', 'en']),
      cliInProcess(['validate', file, VB, '--format', 'json']),
      cliInProcess(['validate', writeTemp(dir, 'not-a-set.json', { ...set, version: 'next' })]),
    ]);
    expect(vi.stdout).toContain(`my-set.json: mã SHA-256 của bộ tiêu chí là ${sha}. Để chấm bằng bộ này trên trang web (@parindex/engine/scoring), hãy ghim mã đó`);
    expect(en.stdout).toContain(`my-set.json: the criteria set's SHA-256 is ${sha}. To score with it in a page (@parindex/engine/scoring), pin that hash`);
    expect((JSON.parse(json.stdout) as Array<{ kind: string; sha256?: string }>).map((x) => [x.kind, x.sha256])).toEqual([
      ['set', sha],
      ['evidence', score(compile(set), read(VB)).provenance.evidence.sha256],
    ]);
    // No hash for a set with errors: nothing to pin.
    expect(bad.code).toBe(1);
    expect(bad.stdout).not.toContain('SHA-256');
    const { compile: compilePinned } = await import('@parindex/engine/scoring');
    expect(compilePinned(set, { sha256: sha }).sha256).toBe(sha);
  });

  it("prints the evidence's and the appraisal's hashes a result's provenance carries, and finds evidence changed since its appraisal", async () => {
    const provenance = score(compile(read('rules/sets/model.commune-par/2026.json')), read(VB), { appraisal: read(VB_APPRAISAL) }).provenance;
    const evidence = read(VB);
    const changed = writeTemp(dir, 'changed-evidence.json', { ...evidence, unit: { ...(evidence.unit as object), name: 'UBND xã Vĩnh Bảo (sửa)' } });
    const [vi, en, after] = await Promise.all([
      cliInProcess(['validate', VB, VB_APPRAISAL, '--quiet']),
      cliInProcess(['validate', VB, VB_APPRAISAL, '--quiet', '--lang', 'en']),
      cliInProcess(['validate', changed, VB_APPRAISAL, '--quiet']),
    ]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain(`par-2026.json: mã SHA-256 của minh chứng là ${provenance.evidence.sha256}, mã mà tệp thẩm định ghi ở "evidence.sha256"`);
    expect(vi.stdout).toContain(`appraisal-2026.json: mã SHA-256 của tệp thẩm định là ${provenance.appraisal!.sha256}, mã mà kết quả chấm ghi ở "provenance.appraisal.sha256".`);
    expect(en.stdout).toContain(`appraisal-2026.json: the appraisal file's SHA-256 is ${provenance.appraisal!.sha256}`);
    // Before, the appraisal was checked alone against its set and called valid.
    expect(after.code).toBe(1);
    expect(after.stderr + after.stdout).toMatch(/appraisal-2026\.json:5:3 {2}APPRAISAL_EVIDENCE_MISMATCH {2}\/evidence {2}lỗi: Minh chứng của HP-VINHBAO đã thay đổi sau khi thẩm định/);
  });

  it('calls evidence changed only when no file of its unit has the hash the appraisal names', async () => {
    // The appraisal of a file with an error (an unknown criterion), given after a changed copy of the same unit.
    const evidence = read(VB);
    const entries = evidence.entries as Array<Record<string, unknown>>;
    const withError = { ...evidence, entries: [{ ...entries[0], criterion: '77' }, ...entries.slice(1)] };
    const appraised = writeTemp(dir, 'appraised-with-error.json', withError);
    const changed = writeTemp(dir, 'changed-copy.json', { ...evidence, unit: { ...(evidence.unit as object), name: 'UBND xã Vĩnh Bảo (sửa)' } });
    const appraisal = writeTemp(dir, 'of-the-erroneous.json', { ...read(VB_APPRAISAL), evidence: { unit: 'HP-VINHBAO', sha256: hashJson(withError) } });
    const r = await cliInProcess(['validate', changed, appraised, appraisal, '--format', 'json', '--quiet']);
    const codes = (JSON.parse(r.stdout) as Array<{ file: string; diagnostics: Array<{ code: string }> }>).map((f) => [f.file.slice(dir.length + 1), f.diagnostics.map((d) => d.code)]);
    // Only the erroneous evidence's own error; the appraisal's evidence is there (with its error), not changed.
    expect(codes).toEqual([
      ['changed-copy.json', expect.not.arrayContaining(['APPRAISAL_EVIDENCE_MISMATCH'])],
      ['appraised-with-error.json', expect.arrayContaining(['EVIDENCE_UNKNOWN_CRITERION'])],
      ['of-the-erroneous.json', expect.not.arrayContaining(['APPRAISAL_EVIDENCE_MISMATCH'])],
    ]);
  });

  it('reports every problem of every file with file:line:column and exits 1', async () => {
    const set = read('rules/sets/model.commune-par/2026.json');
    const badSet = writeTemp(dir, 'bad-set.json', { ...set, version: 'next', fields: [{ ...(set.fields as object[])[0]!, code: 'x1' }] });
    const evidence = read(VB);
    const entries = evidence.entries as Array<Record<string, unknown>>;
    const badEv = writeTemp(dir, 'bad-evidence.json', { ...evidence, entries: [{ ...entries[0], criterion: '77' }, ...entries.slice(1)] });
    const appraisal = read(VB_APPRAISAL);
    const rounds = appraisal.rounds as Array<{ items: Array<Record<string, unknown>> }>;
    const badApp = writeTemp(dir, 'bad-appraisal.json', { ...appraisal, rounds: [{ ...rounds[0], items: [{ ...rounds[0]!.items[0], criterion: '1.4' }] }] });
    const kindless = writeTemp(dir, 'what.json', { hello: 1 });
    const r = await cliInProcess(['validate', badSet, badEv, badApp, kindless, VB]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad-set\.json:\d+:\d+ {2}SET_SCHEMA {2}\/version/);
    expect(r.stdout).toMatch(/bad-set\.json:\d+:\d+ {2}SET_SCHEMA {2}\/fields\/0\/code/);
    expect(r.stdout).toMatch(/bad-evidence\.json:\d+:\d+ {2}EVIDENCE_UNKNOWN_CRITERION {2}\/entries\/0\/criterion/);
    expect(r.stdout).toMatch(/bad-appraisal\.json:\d+:\d+ {2}APPRAISAL_UNKNOWN_CRITERION {2}\/rounds\/0\/items\/0\/criterion/);
    expect(r.stdout).toMatch(/what\.json:1:1 {2}FILE_KIND_UNKNOWN/);
    expect(r.stdout).toMatch(/5 tệp: 1 hợp lệ, 4 có lỗi/);
  });

  it('an appraisal given to score or explain where the evidence goes: FILE_KIND_UNKNOWN says it goes after --appraisal', async () => {
    for (const command of ['score', 'explain']) {
      const r = await cliInProcess([command, VB_APPRAISAL, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `${VB_APPRAISAL}:1:1  FILE_KIND_UNKNOWN  /  error: Expected an evidence file (with "entries"); this is an appraisal file: give the unit's evidence file, and this appraisal after --appraisal.\n`,
      );
    }
    // The evidence and the appraisal, as the sentence says: scored.
    expect((await cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--quiet'])).code).toBe(0);
  });

  it('--rules uses a set file instead of the bundled set', async () => {
    const r = await cliInProcess(['validate', VB, '--rules', 'rules/sets/targets.kien-tho/2026.json', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('EVIDENCE_SET_MISMATCH');
  });
});

describe.concurrent('diff', () => {
  it('self-score against the appraisal: what changed and why', async () => {
    const [t, j] = await Promise.all([
      cliInProcess(['diff', VB, '--appraisal', VB_APPRAISAL, '--round', 'round1', '--quiet']),
      cliInProcess(['diff', VB, '--appraisal', VB_APPRAISAL, '--format', 'json', '--quiet']),
    ]);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/3\.7\.2\s+Tỷ lệ giao dịch thanh toán trực tuyến\s+1,5\s+0,75\s+-0,75\s+Số giao dịch thanh toán trực tuyến: 352 → 320/);
    expect(t.stdout).toContain('thẩm định vòng 1');
    const d = JSON.parse(j.stdout);
    expect(d.a.stage).toBe('self');
    expect(d.b.stage).toBe('round2');
    expect(d.totals.index).toEqual({ from: '83.6', to: '83.35', delta: '-0.25' });
    expect(d.nodes.find((n: { code: string }) => n.code === '7.6').reasons.some((r: { kind: string }) => r.kind === 'input')).toBe(true);
    // A corrected value names the round, its reason and who corrected it.
    const corrected = d.nodes.find((n: { code: string }) => n.code === '3.7.2').reasons.find((r: { kind: string }) => r.kind === 'input');
    expect(corrected.corrected).toEqual({ round: 'round1', reason: expect.stringContaining('không phải 352.'), by: 'Thẩm định viên B' });
    // 1.4.1 is overridden in round 1 and given back in round 2: changed (its status), not its points.
    expect(d.counts).toEqual({ changedLeaves: 3, raised: 1, lowered: 1, samePoints: 1, oneSide: 0 });
  });

  it('counts every changed criterion, and writes the tiers of a percentage with %, in both languages', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['diff', VB, '--appraisal', VB_APPRAISAL, '--quiet']), cliInProcess(['diff', VB, '--appraisal', VB_APPRAISAL, '--quiet', '--lang', 'en'])]);
    // Table cells wrap: compared with the spaces collapsed.
    const [v, e] = [vi, en].map((r) => r.stdout.replace(/\s+/g, ' '));
    expect(v).toContain('3 tiêu chí thay đổi: 1 tăng điểm, 1 giảm điểm, 1 không đổi điểm.');
    expect(e).toContain('3 criteria changed: 1 up, 1 down, 1 with the same points.');
    expect(v).toContain('Bậc: từ 55% đến 100% (1,5 điểm) → từ 30% đến dưới 55% (0,75 điểm)');
    expect(e).toContain('Tier: from 55% up to 100% (1.5 points) → from 30% to under 55% (0.75 points)');
    // 7.6's tiers are on posts per week, not a percentage.
    expect(v).toContain('Bậc: từ 1 đến dưới 2 (0,5 điểm) → từ 2 trở lên (1 điểm)');
    expect(e).toContain('Tier: from 1 to under 2 (0.5 points) → 2 or more (1 point)');
  });

  it('one round against the next, via the appraisal options of a and b', async () => {
    const r = await cliInProcess(['diff', VB, VB, '--appraisal-a', VB_APPRAISAL, '--round-a', 'round1', '--appraisal-b', VB_APPRAISAL, '--round-b', 'round2', '--lang', 'en', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\.4\.1\s+.*\s+0\s+0\.5\s+\+0\.5/);
    expect(r.stdout).toContain('appraisal round 2');
  });

  it('the same evidence on both sides says its warnings once', async () => {
    const r = await cliInProcess(['diff', VB, VB, '--appraisal-b', VB_APPRAISAL, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(
      r.stderr
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/^\S+ {2}(\w+) .*$/, '$1')),
    ).toEqual(['SCORE_MISSING_DOCUMENT', 'SCORE_CLAIM_MISMATCH']);
  });

  it('this year against last year: saved results of two set versions, matched by code', async () => {
    const set = read('rules/sets/model.commune-par/2026.json') as Record<string, unknown> & { fields: Array<{ code: string; title: string; children?: Array<{ code: string; title: string }> }> };
    set.version = '2027';
    set.period = { from: '2027-01-01', to: '2027-12-31' };
    set.fields[0]!.children!.find((c) => c.code === '1.2')!.title = 'Báo cáo CCHC định kỳ đúng hạn (tiêu đề mới)';
    const setFile = writeTemp(dir, 'set-2027.json', set);
    const ev = { ...read(VB), criteriaSet: 'model.commune-par@2027', period: { from: '2027-01-01', to: '2027-12-31' } };
    const evFile = writeTemp(dir, 'vb-2027.json', ev);
    const a = join(dir, 'vb-2026-result.json');
    const b = join(dir, 'vb-2027-result.json');
    const [ra, rb] = await Promise.all([
      cliInProcess(['score', VB, '--format', 'json', '--out', a, '--quiet']),
      cliInProcess(['score', evFile, '--rules', setFile, '--format', 'json', '--out', b, '--quiet']),
    ]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    const [t, j] = await Promise.all([cliInProcess(['diff', a, b]), cliInProcess(['diff', a, b, '--format', 'json'])]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Hai kết quả dùng hai bộ tiêu chí khác nhau (model.commune-par@2026 → model.commune-par@2027)');
    expect(t.stdout).toContain('Tên tiêu chí đổi');
    const d = JSON.parse(j.stdout);
    expect(d.sameSet).toBe(false);
    expect(d.setChanges).toEqual(['1.2']);
  });

  it("a survey's answers by their labels; points as the score table shows them, the exact decimals in the CSV", async () => {
    const ev = read(VB) as { entries: Array<{ criterion: string; values?: Record<string, Record<string, number>> }> };
    ev.entries.find((e) => e.criterion === '8.1')!.values!.survey_access!.rat_hai_long = 150;
    const b = writeTemp(dir, 'vb-more-answers.json', ev);
    const saved = join(dir, 'vb-more-answers-result.json');
    const savedA = join(dir, 'vb-answers-result.json');
    const [vi, en, csv, s, sa] = await Promise.all([
      cliInProcess(['diff', VB, b, '--quiet']),
      cliInProcess(['diff', VB, b, '--quiet', '--lang', 'en']),
      cliInProcess(['diff', VB, b, '--quiet', '--format', 'csv']),
      cliInProcess(['score', b, '--quiet', '--format', 'json', '--out', saved]),
      cliInProcess(['score', VB, '--quiet', '--format', 'json', '--out', savedA]),
    ]);
    expect([s.code, sa.code]).toEqual([0, 0]);
    const [v, e] = [vi, en].map((r) => r.stdout.replace(/\s+/g, ' '));
    expect(v).toContain('Số phiếu về tiếp cận dịch vụ: A. Rất hài lòng: 120, B. Hài lòng: 60, C. Bình thường: 16, D. Không hài lòng: 4 → A. Rất hài lòng: 150,');
    expect(e).toContain('Answers on access: A. Very satisfied: 120, B. Satisfied: 60, C. Neutral: 16, D. Dissatisfied: 4 → A. Very satisfied: 150,');
    expect(e).not.toContain('rat_hai_long');
    // 83.3456521739…: 83,3457 as `score` shows the total, not 83,345652… (the sentences' cut).
    expect(v).toMatch(/Tổng điểm\s+83,186\s+83,3457\s+\+0,1597/);
    expect(v).toMatch(/8\.1 Tiếp cận dịch vụ hành chính công 4,776 4,9357 \+0,1597/);
    expect(csv.stdout).toContain('Tổng điểm;83,186;83,3456521739130434782608695652173913043478260869565217391304;0,1596521739130434782608695652173913043478260869565217391304');
    // Two saved results find their set for the labels too.
    const fromSaved = await cliInProcess(['diff', savedA, saved, '--quiet', '--lang', 'en']);
    expect(fromSaved.stdout.replace(/\s+/g, ' ')).toContain('A. Very satisfied: 150');
  });

  it('needs two files or --appraisal', async () => {
    const r = await cliInProcess(['diff', VB]);
    expect(r.code).toBe(2);
  });
});

describe.concurrent('rank', () => {
  it('nothing ranked (a mistyped path, every file refused): no empty ranking printed or written, the problems said, exit 1', async () => {
    const out = join(dir, 'nothing.xlsx');
    const [table, xlsx, json] = await Promise.all([
      cliInProcess(['rank', 'no-such-folder']),
      cliInProcess(['rank', 'no-such-folder', '--format', 'xlsx', '--out', out]),
      cliInProcess(['rank', 'no-such-folder', '--format', 'json']),
    ]);
    for (const r of [table, xlsx]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('no-such-folder  FILE_NOT_FOUND  /  lỗi: Không tìm thấy tệp: no-such-folder. Hãy kiểm tra đường dẫn.\n');
    }
    expect(() => readFileSync(out)).toThrow();
    // JSON is data: the failure is there, with nothing ranked.
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ranking: [], failed: [{ file: 'no-such-folder' }] });
  });
  it('ranks a folder with ONE set: ties share a rank, failures are reported and skipped, exit 1', async () => {
    const folder = join(dir, 'units');
    const ev = read(VB) as Record<string, unknown> & { unit: Record<string, unknown> };
    writeTemp(tempDirIn(folder), 'a.json', { ...ev, unit: { ...ev.unit, code: 'U-A', name: 'Xã A' } });
    // A name with spaces around it, as typed: shown trimmed (the band's list read "Xã B ,").
    writeTemp(folder, 'b.json', { ...ev, unit: { ...ev.unit, code: 'U-B', name: ' Xã B ' } });
    writeTemp(folder, 'c.json', read('examples/kien-tho/par-2026.json'));
    writeTemp(folder, 'd.json', read('examples/nguyen-luong-bang/par-2026.json'));
    writeTemp(folder, 'broken.json', '{ "formatVersion": 1, ');
    writeTemp(folder, 'bad-unit.json', { ...ev, unit: { ...ev.unit, code: 'U-X' }, entries: [{ criterion: '42' }] });
    const [t, j, en] = await Promise.all([
      cliInProcess(['rank', folder]),
      cliInProcess(['rank', folder, '--format', 'json', '--quiet']),
      cliInProcess(['rank', folder, '--lang', 'en', '--format', 'md', '--quiet']),
    ]);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/broken\.json:1:\d+ {2}JSON_SYNTAX/);
    expect(t.stderr).toMatch(/bad-unit\.json:\d+:\d+ {2}EVIDENCE_UNKNOWN_CRITERION/);
    expect(t.stdout).toContain('đơn vị kế tiếp nhận hạng liền sau (1, 2, 3, 3, 4)');
    expect(t.stdout).toMatch(/1\s+TH-KIENTHO\s+UBND xã Kiên Thọ\s+94,582\s+100\s+94,58\s+A — Xuất sắc/);
    expect(t.stdout).toMatch(/2\s+có\s+U-A\s+Xã A/);
    expect(t.stdout).toMatch(/2\s+có\s+U-B\s+Xã B/);
    expect(t.stdout).toMatch(/3\s+HP-NLBANG/);
    expect(t.stdout).toContain('Không xếp hạng được (2 tệp có lỗi)');
    expect(t.stdout).toMatch(/Xã A, Xã B\n/);
    const data = JSON.parse(j.stdout);
    expect(data.policy).toBe('dense');
    expect(data.ranking.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 2, 3]);
    // Plain mean of the unit indices: (94.58 + 83.6 + 83.6 + 49.29) / 4
    expect(data.summary.index.mean).toBe('77.7675');
    // The field means, each mean and percentage with its two decimals ("7,30", "91,25%"), so that the column lines up.
    expect(data.summary.fields.length).toBe(8);
    for (const f of data.summary.fields) expect(t.stdout).toMatch(new RegExp(`\\n${f.code} .* \\d+,\\d\\d +\\d+,\\d\\d%\\n`));
    expect(data.failed.map((f: { file: string }) => f.file.split('/').pop()).sort()).toEqual(['bad-unit.json', 'broken.json']);
    expect(en.stdout).toContain('| Rank | Tied | Code |');
    expect(en.stdout).toContain('Mean index');
  });

  it('ranks a unit with an appraisal file on the appraisal (its last round, or --round), the others on their own score', async () => {
    const [last, round1, scoreLast, scoreRound1, text] = await Promise.all([
      cliInProcess(['rank', VB, VB_APPRAISAL, 'examples/nguyen-luong-bang/par-2026.json', '--format', 'json']),
      cliInProcess(['rank', VB, VB_APPRAISAL, 'examples/nguyen-luong-bang/par-2026.json', '--format', 'json', '--round', 'round1']),
      cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--format', 'json']),
      cliInProcess(['score', VB, '--appraisal', VB_APPRAISAL, '--round', 'round1', '--format', 'json']),
      cliInProcess(['rank', VB, VB_APPRAISAL, 'examples/nguyen-luong-bang/par-2026.json']),
    ]);
    for (const r of [last, round1, text]) expect(r.code).toBe(0);
    const index = (r: { stdout: string }, code: string) => JSON.parse(r.stdout).ranking.find((x: { unit: { code: string } }) => x.unit.code === code);
    // The same figures as `score --appraisal` for that round.
    const roundOf = (r: { stdout: string }) => JSON.parse(r.stdout).totals.index as string;
    expect(index(last, 'HP-VINHBAO')).toMatchObject({ stage: 'round2', index: roundOf(scoreLast) });
    expect(index(round1, 'HP-VINHBAO')).toMatchObject({ stage: 'round1', index: roundOf(scoreRound1) });
    expect(index(last, 'HP-VINHBAO').index).not.toBe(index(round1, 'HP-VINHBAO').index);
    expect(index(last, 'HP-NLBANG')).toMatchObject({ stage: 'self', index: '49.29' });
    expect(JSON.parse(last.stdout).unusedAppraisals).toEqual([]);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('1 đơn vị được xếp hạng theo kết quả thẩm định (vòng cuối của từng tệp); các đơn vị khác theo điểm tự chấm.');
    expect(text.stdout).toMatch(/HP-VINHBAO\s+UBND xã Vĩnh Bảo\s+thẩm định vòng 2\s+82,936/);
    expect(text.stdout).toMatch(/HP-NLBANG\s+UBND xã Nguyễn Lương Bằng\s+tự chấm/);
  });

  it('reports an appraisal it cannot use (no evidence for it, or a second one for the same evidence), and a round the appraisal does not have', async () => {
    const copy = writeTemp(tempDir(), 'copy.json', read(VB_APPRAISAL));
    const [alone, twice, noRound, roundWithout] = await Promise.all([
      cliInProcess(['rank', 'examples/dai-son/par-2026.json', VB_APPRAISAL, '--format', 'json', '--lang', 'en']),
      cliInProcess(['rank', VB, VB_APPRAISAL, copy, '--format', 'json']),
      cliInProcess(['rank', VB, VB_APPRAISAL, '--round', 'round9']),
      cliInProcess(['rank', VB, '--round', 'round1']),
    ]);
    // Warnings: the ranking stands, exit 0.
    expect(alone.code).toBe(0);
    expect(alone.stderr).toMatch(
      /appraisal-2026\.json:\d+:\d+ {2}RANK_APPRAISAL_UNUSED {2}\/evidence {2}warning: This appraisal \(unit HP-VINHBAO\) was not used: the evidence it names is not among the files ranked\./,
    );
    expect(JSON.parse(alone.stdout).ranking.map((r: { stage: string }) => r.stage)).toEqual(['self']);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toContain(
      `copy.json:5:3  RANK_APPRAISAL_UNUSED  /evidence  cảnh báo: Tệp thẩm định này (đơn vị HP-VINHBAO) không được dùng: ${VB_APPRAISAL} đã thẩm định cùng minh chứng này.`,
    );
    expect(JSON.parse(twice.stdout).ranking[0].stage).toBe('round2');
    // A round the appraisal does not have: that unit is not ranked (exit 1), the error points into the appraisal.
    expect(noRound.code).toBe(1);
    expect(noRound.stderr).toMatch(/appraisal-2026\.json:\d+:\d+ {2}APPRAISAL_UNKNOWN_ROUND/);
    expect(roundWithout.code).toBe(2);
    expect(roundWithout.stderr).toContain('--round cần có tệp thẩm định trong các đường dẫn');
  });

  it('names the appraisal file when its own content is at fault, and says when the evidence changed since the appraisal', async () => {
    const tmp = tempDir();
    const appraisal = read(VB_APPRAISAL) as { evidence: { sha256: string }; rounds: Array<{ items: Array<{ criterion: string }> }> };
    appraisal.rounds[0]!.items[0]!.criterion = '9.9.9';
    const badAppraisal = writeTemp(tmp, 'bad-appraisal.json', appraisal);
    const evidence = read(VB) as { entries: Array<{ input?: string; value?: unknown }> };
    evidence.entries.find((e) => e.input === 'dossiers_received')!.value = 1350;
    const changed = writeTemp(tmp, 'changed.json', evidence);
    const [bad, badJson, edited] = await Promise.all([
      cliInProcess(['rank', VB, badAppraisal]),
      cliInProcess(['rank', VB, badAppraisal, '--format', 'json']),
      cliInProcess(['rank', changed, VB_APPRAISAL, '--format', 'json', '--lang', 'en']),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad-appraisal\.json:\d+:\d+ {2}APPRAISAL_UNKNOWN_CRITERION/);
    // The unit the failed appraisal leaves out is named, not only the file.
    expect(bad.stdout).toContain(`• ${badAppraisal}: UBND xã Vĩnh Bảo (HP-VINHBAO) không được xếp hạng; 1 lỗi — Tệp thẩm định nhắc tới "9.9.9", không phải tiêu chí lá của bộ model.commune-par@2026.`);
    expect(bad.stdout).not.toContain(`• ${VB}:`);
    expect(JSON.parse(badJson.stdout).failed.map((f: { file: string; unit?: unknown }) => [f.file, f.unit])).toEqual([[badAppraisal, { code: 'HP-VINHBAO', name: 'UBND xã Vĩnh Bảo' }]]);
    // The unit is ranked on its own score; the appraisal, of the evidence before the edit, is not used, and says why.
    expect(edited.code).toBe(0);
    const ranked = score(compile(bundledSets().get('model.commune-par@2026')), evidence).provenance.evidence.sha256;
    const given = appraisal.evidence.sha256;
    expect(ranked).not.toBe(given);
    const out = JSON.parse(edited.stdout);
    expect(out.ranking.map((r: { stage: string }) => r.stage)).toEqual(['self']);
    expect(out.unusedAppraisals[0].diagnostics[0].params).toEqual({ unit: 'HP-VINHBAO', reason: 'evidenceChanged', file: changed, sha256: given, ranked });
    expect(edited.stderr).toContain(
      `RANK_APPRAISAL_UNUSED  /evidence  warning: This appraisal (unit HP-VINHBAO) was not used: the evidence changed since it was appraised (the appraisal names SHA-256 ${given.slice(0, 12)}…; ${changed}, ranked for this unit, has ${ranked.slice(0, 12)}…): appraise the changed evidence again, or rank the evidence that was appraised.`,
    );
  });

  it('an appraisal of evidence left out as a repeated unit code: the file left out and the one ranked instead, not "changed since appraised"', async () => {
    const tmp = tempDir();
    const copy = read(VB) as { unit: { code: string; name: string } };
    copy.unit.name = 'UBND xã Vĩnh Bảo (bản sao)';
    // Sorted before the appraised file, with the same code: it is ranked, the appraised one is the repeat.
    const first = writeTemp(tmp, 'a-copy.json', copy);
    const r = await cliInProcess(['rank', first, VB, VB_APPRAISAL, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.failed.map((f: { file: string; diagnostics: Array<{ code: string }> }) => [f.file, f.diagnostics[0]!.code])).toEqual([[VB, 'RANK_DUPLICATE_UNIT']]);
    expect(out.unusedAppraisals[0].diagnostics[0].params).toEqual({ unit: 'HP-VINHBAO', reason: 'evidenceDuplicate', file: VB, first });
    const vi = await cliInProcess(['rank', first, VB, VB_APPRAISAL, '--format', 'json']);
    expect(vi.stderr).toContain(
      `Tệp thẩm định này (đơn vị HP-VINHBAO) không được dùng: minh chứng được thẩm định (${VB}) bị bỏ vì đơn vị đã được xếp hạng từ ${first}; hãy giữ một tệp minh chứng cho mỗi đơn vị để xếp hạng theo thẩm định này.`,
    );
  });
});

function tempDirIn(folder: string): string {
  mkdirSync(folder, { recursive: true });
  return folder;
}
