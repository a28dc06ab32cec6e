/**
 * The officer's workbook end to end: template → cells filled as an officer types them → import → score,
 * for every example (examples/*) and, as a property over random evidence, for every shipped set
 * (rules/sets/*). The import must give exactly the evidence the filled cells stand for, and its score
 * must be byte for byte the score of that evidence as JSON, and the same points as the example itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkEvidence, compile, score, toSummary, type CompiledSet } from '@parindex/engine';
import type { InputDef } from '@parindex/rules';
import { bundledSets } from '@parindex/rules/node';
import { walkJsonFiles } from '@parindex/rules/files';
import { diagnosticText, LOCALES } from '@parindex/explain';
import { readWorkbookFile } from '../src/workbook/load.js';
import { appraisalWorkbook, evidenceWorkbook } from '@parindex/workbook';
import { cellValueFor, expectedImport, fillAppraisal, fillWorkbook } from './workbook-fill.js';
import { typedWorkbook } from './workbook-cases.js';
import { cliInProcess, ROOT, tempDir } from './helpers.js';

type Json = Record<string, any>;
const LONG = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000;
const RUNS = LONG ? 60 : 3;

let dir: string;
const templates = new Map<string, Buffer>();
const compiledSets = new Map<string, CompiledSet>();
beforeAll(() => {
  dir = tempDir();
  const lib = bundledSets();
  for (const e of lib.entries) compiledSets.set(e.ref, compile(lib.get(e.ref)));
});

async function template(ref: string, lang: 'vi' | 'en' = 'vi'): Promise<Buffer> {
  const key = `${ref}|${lang}`;
  if (!templates.has(key)) templates.set(key, Buffer.from(await evidenceWorkbook(compiledSets.get(ref)!, lang)));
  return templates.get(key)!;
}

let n = 0;
async function importBytes(bytes: Buffer): Promise<Awaited<ReturnType<typeof readWorkbookFile>>> {
  const file = join(dir, `w${n++}.xlsx`);
  writeFileSync(file, bytes);
  return readWorkbookFile(file, undefined, true);
}

const examples = walkJsonFiles(join(ROOT, 'examples'))
  .files.map((f) => ({ file: f, value: JSON.parse(readFileSync(f, 'utf8')) as Json }))
  .filter((f) => Array.isArray(f.value.entries));

describe('round trip of every example through the workbook', () => {
  it.each(examples.map((e) => [e.file.slice(ROOT.length), e] as const))('%s', async (_name, example) => {
    const compiled = compiledSets.get(example.value.criteriaSet)!;
    // English on one example (the same reader; the words differ), Vietnamese on all.
    for (const lang of example.file.endsWith('vinh-bao/par-2026.json') ? (['vi', 'en'] as const) : (['vi'] as const)) {
      const filled = await fillWorkbook(await template(compiled.ref, lang), compiled, example.value, lang);
      const imported = await importBytes(filled);
      expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const expected = expectedImport(compiled, example.value);
      expect(imported.value).toEqual(expected);
      // Byte for byte the score of the equivalent JSON; the same points as the example as written.
      expect(JSON.stringify(score(compiled, imported.value))).toBe(JSON.stringify(score(compiled, expected)));
      const summary = (ev: unknown) => {
        const s = toSummary(score(compiled, ev)) as Json;
        return JSON.stringify({ ...s, evidenceSha256: undefined, sha256: undefined });
      };
      expect(summary(imported.value)).toBe(summary(example.value));
    }
  });
});

/** A value of an input, within its declared bounds. */
function valueArb(def: InputDef, period: { from: string; to: string }): fc.Arbitrary<unknown> {
  const min = def.min !== undefined ? Number(def.min) : 0;
  if (def.type === 'boolean') return fc.boolean();
  if (def.type === 'level') return fc.constantFrom(...(def.options ?? []).map((o) => o.id));
  if (def.type === 'count') return fc.integer({ min, max: def.max !== undefined ? Number(def.max) : 5000 });
  if (def.type === 'percent' || def.type === 'decimal') {
    const max = def.max !== undefined ? Number(def.max) : def.type === 'percent' ? 100 : 10_000;
    return fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((x) => x / 100);
  }
  if (def.type === 'date') {
    const from = Date.parse(period.from);
    const days = Math.round((Date.parse(period.to) - from) / 86_400_000);
    return fc.integer({ min: 0, max: days }).map((d) => new Date(from + d * 86_400_000).toISOString().slice(0, 10));
  }
  return fc.record(Object.fromEntries((def.options ?? []).map((o) => [o.id, fc.integer({ min: 0, max: 500 })])));
}

/** Random evidence of a set: some inputs given, some documents, some self-scores. */
function evidenceArb(compiled: CompiledSet): fc.Arbitrary<Json> {
  const period = compiled.set.period;
  const shared = (compiled.set.inputs ?? []).map((def) => fc.option(valueArb(def, period), { nil: undefined }).map((v) => (v === undefined ? [] : [{ input: def.id, value: v }])));
  const leaves = compiled.leaves.map((leaf) =>
    fc
      .record({
        values: fc.tuple(...(leaf.node.inputs ?? []).map((def) => fc.option(valueArb(def, period), { nil: undefined }))),
        doc: fc.boolean(),
        claimed: fc.option(
          fc.integer({ min: 0, max: Math.floor(Number(leaf.maxText) * 4) }).map((x) => x / 4),
          { nil: undefined },
        ),
      })
      .map(({ values, doc, claimed }) => {
        const entry: Json = { criterion: leaf.code };
        const v: Json = {};
        (leaf.node.inputs ?? []).forEach((def, i) => {
          if (values[i] !== undefined) v[def.id] = values[i];
        });
        if (Object.keys(v).length) entry.values = v;
        const req = leaf.documents[0];
        if (doc && req) entry.documents = [{ for: req.id, number: `${leaf.code}/KH-UBND`, date: period.to, title: 'Văn bản' }];
        if (claimed !== undefined) entry.claimedPoints = claimed;
        return Object.keys(entry).length > 1 ? [entry] : [];
      }),
  );
  return fc.tuple(fc.tuple(...shared), fc.tuple(...leaves), fc.boolean()).map(([s, l, sample]) => ({
    formatVersion: 1,
    ...(sample ? { sample: true } : {}),
    criteriaSet: compiled.ref,
    unit: { code: 'HP-TEST', name: 'UBND xã Thử', level: compiled.set.unitLevels?.[0] ?? 'commune' },
    period: { from: period.from, to: period.to },
    entries: withinAtMost(compiled, [...s.flat(), ...l.flat()]),
  }));
}

/** Values kept within their atMost input (on-time ≤ resolved), as an honest unit's are; a few cases keep the error. */
function withinAtMost(compiled: CompiledSet, entries: Json[]): Json[] {
  const given = new Map<string, number>();
  for (const e of entries) for (const [k, v] of Object.entries(e.input ? { [e.input]: e.value } : (e.values ?? {}))) if (typeof v === 'number') given.set(k, v);
  for (const e of entries)
    for (const [k, v] of Object.entries((e.input ? { [e.input]: e.value } : (e.values ?? {})) as Json)) {
      const other = compiled.inputs.get(k)?.def.atMost;
      const cap = other === undefined ? undefined : given.get(other);
      if (cap === undefined || typeof v !== 'number' || v <= cap) continue;
      if (e.input) e.value = cap;
      else e.values[k] = cap;
    }
  return entries;
}

/** Numbers typed as text the Vietnamese way, now and then: "95,5" (decimal comma), "3.000" (thousands of a count). */
function typedSometimes(compiled: CompiledSet, textual: boolean): (def: InputDef, v: unknown) => ExcelJS.CellValue {
  return (def, v) => {
    if (textual && (def.type === 'decimal' || def.type === 'percent') && !Number.isInteger(v)) return String(v).replace('.', ',');
    if (textual && def.type === 'count' && Number(v) >= 1000) return Number(v).toLocaleString('de-DE');
    if (textual && def.type === 'date') return String(v).split('-').reverse().join('/');
    return cellValueFor(def, v, compiled, 'vi');
  };
}

describe('round trip of random evidence of every shipped set', () => {
  it.each(bundledSets().entries.map((e) => e.ref))('%s', async (ref) => {
    const compiled = compiledSets.get(ref)!;
    const bytes = await template(ref);
    await fc.assert(
      fc.asyncProperty(evidenceArb(compiled), fc.boolean(), async (evidence, textual) => {
        const imported = await importBytes(await fillWorkbook(bytes, compiled, evidence, 'vi', typedSometimes(compiled, textual)));
        const expected = expectedImport(compiled, evidence);
        const errors = imported.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length) {
          // Random figures may break a cross-input rule (on-time above resolved): the same errors as the JSON.
          expect(imported.value).toBeUndefined();
          expect(errors.map((d) => d.code)).toEqual(
            checkEvidence(compiled, expected)
              .filter((d) => d.severity === 'error')
              .map((d) => d.code),
          );
          return;
        }
        expect(imported.value).toEqual(expected);
        expect(JSON.stringify(score(compiled, imported.value))).toBe(JSON.stringify(score(compiled, expected)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the CLI with a workbook', () => {
  it('template → fill → import → score and validate, the same bytes as the JSON', async () => {
    const example = examples.find((e) => e.file.endsWith('vinh-bao/par-2026.json'))!;
    const compiled = compiledSets.get(example.value.criteriaSet)!;
    const out = join(dir, 'ke-khai-2026.xlsx');
    const t = await cliInProcess(['template', 'model.commune-par', '--format', 'xlsx', '--out', out]);
    expect(t.code).toBe(0);
    const filled = join(dir, 'filled.xlsx');
    writeFileSync(filled, await fillWorkbook(readFileSync(out), compiled, example.value, 'vi'));
    const json = join(dir, 'evidence.json');
    const imp = await cliInProcess(['import', filled, '--out', json]);
    expect(imp.code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(expectedImport(compiled, example.value));
    const [fromXlsx, fromJson] = [await cliInProcess(['score', filled, '--format', 'json']), await cliInProcess(['score', json, '--format', 'json'])];
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stdout).toBe(fromJson.stdout);
    // Warnings point at the cell to look at: the claim, the document's row, the criterion's row.
    const warnings = fromXlsx.stderr.split('\n').map((l) => l.replace(/^.*filled\.xlsx:(\S+ ?\S*) {2}(\w+) {2}.*$/, '$2@$1'));
    expect(warnings).toEqual(expect.arrayContaining(['SCORE_CLAIM_MISMATCH@Số liệu!I71', 'SCORE_MISSING_DOCUMENT@Tài liệu!D5']));
    const v = await cliInProcess(['validate', filled]);
    expect(v.code).toBe(0);
    const explain = await cliInProcess(['explain', filled, '3.2', '--lang', 'en']);
    expect(explain.stdout).toContain('Dossiers resolved on time');
    // The trail names the cells the officer typed, not entries of an evidence file they never saw.
    expect(explain.stdout).toMatch(/Dossiers resolved on time: 1,170 dossiers \[dossiers_on_time; cell Số liệu!D\d+\]/);
    const vi = await cliInProcess(['explain', filled, '1.1.1']);
    expect(vi.stdout).toMatch(/\[plan_issued_on; ô Số liệu!D9\]/);
    expect(vi.stdout).toMatch(/\[ô Tài liệu!D\d+\]/);
    expect(vi.stdout).not.toMatch(/mục \d+/);
  });

  it('explain cites every document at its own row of the documents sheet, not at the row of the requirement it proves', async () => {
    const file = join(dir, 'ba-tai-lieu.xlsx');
    const day = (d: number) => new Date(Date.UTC(2026, 11, d));
    writeFileSync(
      file,
      await typedWorkbook('vi', { dossiers_resolved: 1300, dossiers_on_time: 1200 }, [
        // 3.2's report on its own row (11), and two more on new rows: one without its requirement, one with it.
        ['Tài liệu', 'D11', '98/BC-UBND'],
        ['Tài liệu', 'E11', day(19)],
        ['Tài liệu', 'A30', '3.2'],
        ['Tài liệu', 'D30', '99/BC-UBND'],
        ['Tài liệu', 'E30', day(20)],
        ['Tài liệu', 'A31', '3.2'],
        ['Tài liệu', 'B31', 'tthc_report'],
        ['Tài liệu', 'D31', '100/BC-UBND'],
        ['Tài liệu', 'E31', day(21)],
      ]),
    );
    const vi = await cliInProcess(['explain', file, '3.2']);
    expect(vi.stdout).toContain(
      'Báo cáo: Số 98/BC-UBND ngày 19/12/2026; Báo cáo: Số 99/BC-UBND ngày 20/12/2026; Báo cáo: Số 100/BC-UBND ngày 21/12/2026 [ô Tài liệu!D11; ô Tài liệu!D30; ô Tài liệu!D31]',
    );
    const en = await cliInProcess(['explain', file, '3.2', '--lang', 'en']);
    expect(en.stdout).toMatch(/\[cell Tài liệu!D11; cell Tài liệu!D30; cell Tài liệu!D31\]/);
  });

  it('the same set and language give the same bytes; --lang en words every sheet in English', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    await cliInProcess(['template', 'model.commune-sipas', '--format', 'xlsx', '--out', a, '--lang', 'en']);
    await cliInProcess(['template', 'model.commune-sipas', '--format', 'xlsx', '--out', b, '--lang', 'en']);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(a) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual(['Unit:visible', 'Figures:visible', 'Documents:visible', 'Explanations:visible', 'parindex:veryHidden']);
  });

  it("an input's help stands beside it, in the workbook's language", async () => {
    const helpOf = async (lang: 'vi' | 'en') => {
      const out = join(dir, `help-${lang}.xlsx`);
      expect((await cliInProcess(['template', 'model.commune-par', '--format', 'xlsx', '--out', out, '--lang', lang])).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      const rows: string[] = [];
      wb.worksheets[1]!.eachRow((row) => void (row.getCell(3).value === 'dossiers_resolved' && rows.push(String(row.getCell(7).value))));
      return rows;
    };
    expect(await helpOf('vi')).toEqual(['Mẫu số của tỷ lệ đúng hạn là số hồ sơ ĐÃ GIẢI QUYẾT, không phải số hồ sơ tiếp nhận.']);
    expect(await helpOf('en')).toEqual(['The on-time rate is out of the dossiers RESOLVED, not the dossiers received.']);
  });
});

describe("the appraisers' workbook", () => {
  /** Round 1 items past their bounds: 2 points for a criterion of at most 1, more dossiers on time than resolved. */
  const outOfBounds = (): Json[] => [
    { criterion: '1.1.1', points: 2, reason: 'Cộng thêm', by: 'Thẩm định viên A', date: '2027-01-20' },
    { criterion: '3.2', values: { dossiers_on_time: 5000 }, reason: 'Đối chiếu sổ theo dõi', by: 'Thẩm định viên A', date: '2027-01-22' },
  ];
  it('template --appraisal → fill the three rounds → import: the example appraisal, bound to the evidence, the same scores', async () => {
    const ev = JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8')) as Json;
    const ap = JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/appraisal-2026.json'), 'utf8')) as Json;
    const compiled = compiledSets.get(ev.criteriaSet)!;
    const out = join(dir, 'tham-dinh.xlsx');
    const t = await cliInProcess(['template', '--appraisal', 'examples/vinh-bao/par-2026.json', '--format', 'xlsx', '--out', out]);
    expect(t.code).toBe(0);
    expect(readFileSync(out).equals(await appraisalWorkbook(compiled, ev, 'vi'))).toBe(true);
    const filled = join(dir, 'tham-dinh-filled.xlsx');
    writeFileSync(filled, await fillAppraisal(readFileSync(out), compiled, ap, 'vi'));
    const imported = await readWorkbookFile(filled, undefined, true);
    expect(imported.diagnostics).toEqual([]);
    const value = imported.value as Json;
    expect(value.evidence).toEqual({ unit: 'HP-VINHBAO', sha256: ap.evidence.sha256 });
    const strip = (rounds: Json[]) => rounds.map((r) => ({ id: r.id, kind: r.kind, items: r.items }));
    expect(strip(value.rounds)).toEqual(strip(ap.rounds));
    for (const round of ['round1', 'answer', 'round2']) {
      const a = score(compiled, ev, { appraisal: value, round });
      const b = score(compiled, ev, { appraisal: ap, round });
      expect(JSON.stringify(a.totals)).toBe(JSON.stringify(b.totals));
    }
    // The CLI takes the workbook as the appraisal too.
    const s = await cliInProcess(['score', 'examples/vinh-bao/par-2026.json', '--appraisal', filled, '--format', 'json']);
    expect(JSON.parse(s.stdout).totals).toEqual(score(compiled, ev, { appraisal: ap }).totals);
  });

  it("heads the bonus and penalty rows as the officer's workbook does, in both languages", async () => {
    const ev = JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8')) as Json;
    const compiled = compiledSets.get(ev.criteriaSet)!;
    const headings = async (lang: 'vi' | 'en') => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await appraisalWorkbook(compiled, ev, lang)) as unknown as ArrayBuffer);
      const out: string[] = [];
      wb.worksheets[1]!.eachRow((row) => {
        const title = String(row.getCell(2).value ?? '');
        if (row.getCell(1).value === '' && row.getCell(3).value === null && title !== '') out.push(title);
      });
      return out;
    };
    expect(await headings('vi')).toEqual(['Số liệu chung của đơn vị (dùng cho nhiều tiêu chí)', 'Điểm thưởng (tối đa 1,5 điểm)', 'Điểm trừ (tối đa 2 điểm)']);
    expect((await headings('en')).slice(1)).toEqual([expect.stringMatching(/^Bonus.*1\.5 points/), expect.stringMatching(/^Penalt.*2 points/)]);
  });

  it("import checks the rounds against the evidence the workbook was made for, at their cells; a round signs with its items' date and author", async () => {
    const ev = JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8')) as Json;
    const compiled = compiledSets.get(ev.criteriaSet)!;
    const bytes = await appraisalWorkbook(compiled, ev, 'vi');
    const bad = { rounds: [{ id: 'round1', kind: 'appraisal', items: outOfBounds() }] };
    const file = join(dir, 'tham-dinh-sai.xlsx');
    writeFileSync(file, await fillAppraisal(bytes, compiled, bad, 'vi'));
    const r = await cliInProcess(['import', file, '--out', join(dir, 'sai.json')]);
    expect(r.code).toBe(1);
    const errors = r.stderr
      .split('\n')
      .filter((l) => l.includes('  lỗi: '))
      .map((l) => l.replace(/^.*tham-dinh-sai\.xlsx:(\S+ ?\S*) {2}(\w+) {2}.*$/, '$2@$1'));
    expect(errors).toEqual([expect.stringMatching(/^APPRAISAL_OVERRIDE_RANGE@Thẩm định!H\d+$/), expect.stringMatching(/^EVIDENCE_EXCEEDS_OTHER@Thẩm định!G\d+$/)]);
    // The same rounds within bounds: imported, the round dated by its latest item and signed by its one appraiser.
    bad.rounds[0]!.items[0]!.points = 0.5;
    bad.rounds[0]!.items[1]!.values = { dossiers_on_time: 1100 };
    writeFileSync(file, await fillAppraisal(bytes, compiled, bad, 'vi'));
    const ok = await readWorkbookFile(file, undefined, true);
    expect(ok.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((ok.value as Json).rounds[0]).toMatchObject({ id: 'round1', date: '2027-01-22', by: 'Thẩm định viên A' });
    // Evidence changed after the workbook was made: said at the cell that shows the hash it was made on.
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify({ ...ev, unit: { ...ev.unit, name: 'UBND xã Vĩnh Bảo (sửa)' } }));
    const stale = await cliInProcess(['score', changed, '--appraisal', file]);
    expect(stale.stderr).toMatch(/tham-dinh-sai\.xlsx:Đơn vị!B\d+ {2}APPRAISAL_EVIDENCE_MISMATCH {2}lỗi: /);
  });

  it("import says every problem of an appraisers' workbook at once: the reader's (a reason missing, a date not read) and the rounds' checks", async () => {
    const ev = JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8')) as Json;
    const compiled = compiledSets.get(ev.criteriaSet)!;
    const rounds = { rounds: [{ id: 'round1', kind: 'appraisal', items: [...outOfBounds(), { criterion: '3.7.2', values: { online_payments: 320 }, reason: '' }] }] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fillAppraisal(await appraisalWorkbook(compiled, ev, 'vi'), compiled, rounds, 'vi')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Thẩm định')!;
    const { A, ROUNDS } = await import('@parindex/workbook');
    // 3.2's date typed as a day that does not exist.
    ws.eachRow((row) => {
      if (row.getCell(A.input).value === 'dossiers_on_time') row.getCell(ROUNDS[0].date).value = '31/02/2027';
    });
    const file = join(dir, 'tham-dinh-nhieu-loi.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await cliInProcess(['import', file, '--out', join(dir, 'nhieu-loi.json')]);
    expect(r.code).toBe(1);
    const errors = r.stderr
      .split('\n')
      .filter((l) => l.includes('  lỗi: '))
      .map((l) => l.replace(/^.*nhieu-loi\.xlsx:(\S+ ?\S*) {2}(\w+) {2}.*$/, '$2@$1'));
    // The reader's first, then the rounds' checks: 3.2's corrected figure is still checked, though its date was refused.
    expect(errors).toEqual([
      expect.stringMatching(/^EVIDENCE_DATE_NOT_REAL@Thẩm định!K\d+$/),
      expect.stringMatching(/^WORKBOOK_APPRAISAL_REASON@Thẩm định!I\d+$/),
      expect.stringMatching(/^APPRAISAL_OVERRIDE_RANGE@Thẩm định!H\d+$/),
      expect.stringMatching(/^EVIDENCE_EXCEEDS_OTHER@Thẩm định!G\d+$/),
    ]);
  });

  it("a round's points that are not a number are said of the round's column and the criterion, as the sheet shows them", async () => {
    const ev = JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/par-2026.json'), 'utf8')) as Json;
    const compiled = compiledSets.get(ev.criteriaSet)!;
    const { A, ROUNDS } = await import('@parindex/workbook');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await appraisalWorkbook(compiled, ev, 'vi')) as unknown as ArrayBuffer);
    wb.getWorksheet('Thẩm định')!.eachRow((row) => {
      if (row.getCell(A.code).value !== '1.1.1' || row.getCell(A.input).value) return;
      row.getCell(ROUNDS[0].points).value = 'nửa điểm';
      row.getCell(ROUNDS[0].reason).value = 'Kế hoạch ban hành muộn';
    });
    const file = join(dir, 'tham-dinh-chu.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const errors = (await readWorkbookFile(file, undefined, true)).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, diagnosticText(d, 'vi')])).toEqual([['WORKBOOK_CELL_TYPE', 'Ô "Vòng 1: điểm điều chỉnh" của tiêu chí 1.1.1 cần một số điểm, nhưng chứa văn bản ("nửa điểm").']]);
  });

  it("what is typed where the appraisers' workbook does not read is said at its cell, not dropped", async () => {
    const { appraisalIgnoredCase } = await import('./workbook-appraisal-case.js');
    const found = (await appraisalIgnoredCase(dir)).filter((d) => d.code === 'WORKBOOK_CELL_IGNORED');
    expect(found.map((d) => [d.cell, d.severity, (d.params as { what: string }).what])).toEqual([
      [expect.stringMatching(/^Thẩm định!L\d+$/), 'warning', 'answerOnFigure'],
      [expect.stringMatching(/^Thẩm định!F\d+$/), 'warning', 'unitFigure'],
    ]);
    expect(diagnosticText(found[1]!, 'vi')).toBe(
      'Giá trị đơn vị báo cáo của số liệu "Số hồ sơ giải quyết trước và đúng hạn" của tiêu chí 3.2 đã bị sửa ("1.170" → "2000") và không được đọc: cột này là của đơn vị; số liệu đã sửa ghi ở cột số liệu của vòng, kèm lý do.',
    );
  });

  it('a template or a new appraisal never replaces a file at --out (it may be the filled one) unless --force', async () => {
    const out = join(dir, 'da-dien.json');
    writeFileSync(out, '{"filled": true}');
    const init = await cliInProcess(['appraisal', 'init', 'examples/vinh-bao/par-2026.json', '--out', out]);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain(`Không ghi được ${out}: tệp đã có, và tệp mới sẽ thay thế những gì đã điền trong đó; hãy chọn --out khác, hoặc thêm --force để thay thế.`);
    const xlsx = await cliInProcess(['template', 'model.commune-par', '--format', 'xlsx', '--out', out, '--lang', 'en']);
    expect([xlsx.code, xlsx.stderr.includes('add --force to replace it')]).toEqual([1, true]);
    expect(readFileSync(out, 'utf8')).toBe('{"filled": true}');
    expect((await cliInProcess(['appraisal', 'init', 'examples/vinh-bao/par-2026.json', '--out', out, '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).rounds).toEqual([{ id: 'round1', kind: 'appraisal', items: [] }]);
  });

  it('appraisal init: a JSON appraisal with an empty first round, bound to the evidence (JSON or workbook)', async () => {
    const out = join(dir, 'init.json');
    const r = await cliInProcess(['appraisal', 'init', 'examples/vinh-bao/par-2026.json', '--out', out]);
    expect(r.code).toBe(0);
    const ap = JSON.parse(readFileSync(join(ROOT, 'examples/vinh-bao/appraisal-2026.json'), 'utf8')) as Json;
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({
      formatVersion: 1,
      criteriaSet: 'model.commune-par@2026',
      evidence: { unit: 'HP-VINHBAO', sha256: ap.evidence.sha256, file: 'examples/vinh-bao/par-2026.json' },
      rounds: [{ id: 'round1', kind: 'appraisal', items: [] }],
    });
    expect((await cliInProcess(['validate', 'examples/vinh-bao/par-2026.json', out])).code).toBe(0);
  });
});

describe('one language per workbook', () => {
  const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
  it.each(bundledSets().entries.map((e) => e.ref))('%s in English has no Vietnamese word (the set words it in English)', async (ref) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template(ref, 'en')) as unknown as ArrayBuffer);
    const set = compiledSets.get(ref)!.set;
    // The set's English title keeps its place names (Đại Sơn); the period label is the evidence's own (Vietnamese) text.
    const own = (v: string) => v === set.period.label || (set.titleEn !== undefined && v.endsWith(set.titleEn));
    const found: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && VIETNAMESE.test(cell.value) && !own(cell.value)) found.push(`${ws.name}!${cell.address}: ${cell.value}`);
        }),
      );
    expect(found).toEqual([]);
  });
});

describe('data validation', () => {
  it.each(bundledSets().entries.map((e) => e.ref))('%s: every cell to fill has one, of its input type', async (ref) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template(ref)) as unknown as ArrayBuffer);
    const compiled = compiledSets.get(ref)!;
    const missing: string[] = [];
    let yellow = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
          if (fill?.fgColor?.argb !== 'FFFFF2CC') return;
          yellow++;
          if (!cell.dataValidation?.type) missing.push(`${ws.name}!${cell.address}`);
        }),
      );
    expect(yellow).toBeGreaterThan(compiled.inputs.size);
    expect(missing).toEqual([]);
    const figures = wb.getWorksheet('Số liệu')!;
    const kinds = new Map<string, string>();
    figures.eachRow((row) => {
      const key = row.getCell(3).value;
      if (typeof key !== 'string' || key === '' || key === 'Mã số liệu') return;
      const def = compiled.inputs.get(key.split('.')[0]!)!.def;
      const v = row.getCell(4).dataValidation;
      kinds.set(
        def.type,
        `${v.type}${v.operator ? ' ' + v.operator : ''} ${JSON.stringify(v.formulae?.map((f: unknown) => (f instanceof Date ? f.toISOString().slice(0, 10) : typeof f === 'string' ? f.replace(/\$[A-Z]+\$[0-9]+:\$[A-Z]+\$[0-9]+/, 'RANGE') : f)))}`,
      );
    });
    const want: Record<string, RegExp> = {
      count: /^whole (greaterThanOrEqual \[0\]|between \[\d+,\d+\])$/,
      tally: /^whole greaterThanOrEqual \[0\]$/,
      percent: /^decimal between \[0,100\]$/,
      decimal: /^decimal /,
      date: /^date greaterThan \["1900-01-01"\]$/,
      level: /^list \["parindex!RANGE"\]$/,
      boolean: /^list \["parindex!RANGE"\]$/,
    };
    for (const [type, text] of kinds) expect(text, type).toMatch(want[type]!);
  });
});

describe('yes/no', () => {
  const WORDS = { vi: { list: ['Có', 'Không'], type: 'Có / Không', prompt: 'Chọn Có hoặc Không.' }, en: { list: ['Yes', 'No'], type: 'Yes / No', prompt: 'Pick Yes or No.' } } as const;
  it.each(['vi', 'en'] as const)('%s: the drop-down lists the words the type column and the prompt write (and docs/cli.md)', async (lang) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template('model.commune-par@2026', lang)) as unknown as ArrayBuffer);
    const listOf = (v: ExcelJS.DataValidation) => {
      const [, col, from, to] = /^parindex!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(String(v.formulae?.[0]))!;
      return Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => wb.getWorksheet('parindex')!.getCell(`${col}${Number(from) + i}`).value);
    };
    let row: ExcelJS.Row | undefined;
    wb.worksheets[1]!.eachRow((r) => void (r.getCell(3).value === 'plan_tasks_identified' && (row = r)));
    const v = row!.getCell(4).dataValidation;
    expect([listOf(v), row!.getCell(6).value, v.prompt, v.error]).toEqual([WORDS[lang].list, WORDS[lang].type, WORDS[lang].prompt, WORDS[lang].prompt]);
    // The unit sheet's "sample figures" cell: the same drop-down, prefilled with its No.
    const sample = wb.worksheets[0]!.getCell('B21');
    expect([listOf(sample.dataValidation), sample.value]).toEqual([WORDS[lang].list, WORDS[lang].list[1]]);
    if (lang === 'vi') expect(readFileSync(join(ROOT, 'docs/cli.md'), 'utf8')).toContain('a drop-down of yes/no (`Có`/`Không`; `Yes`/`No` in English)');
  });

  it.each([
    ['vi', ['có', 'CÓ', 'Có', 'không', 'KHÔNG', 'Không', 'x', 'yes', 'false', true, false], [true, true, true, false, false, false, true, true, false, true, false]],
    ['en', ['yes', 'YES', 'Yes', 'no', 'NO', 'No', 'có', 'true', '0', true, false], [true, true, true, false, false, false, true, true, false, true, false]],
  ] as const)('%s: the spellings read before still read (any case, TRUE/FALSE, the words the JSON rules take)', async (lang, typed, want) => {
    const values: unknown[] = [];
    for (const t of typed) {
      const file = join(dir, `yes-no-${lang}-${n++}.xlsx`);
      writeFileSync(file, await typedWorkbook(lang, { plan_tasks_identified: t }));
      const read = await readWorkbookFile(file, undefined, true);
      expect(
        read.diagnostics.filter((d) => d.severity === 'error'),
        String(t),
      ).toEqual([]);
      values.push((read.value as Json).entries.find((e: Json) => e.criterion === '1.1.2').values.plan_tasks_identified);
    }
    expect(values).toEqual(want);
    // The unit sheet's sample cell: its Yes in any case.
    const sheet = LOCALES[lang].workbook.sheets.unit;
    const sampleOf = async (t: string) => {
      const file = join(dir, `sample-${lang}-${n++}.xlsx`);
      writeFileSync(file, await typedWorkbook(lang, {}, [[sheet, 'B21', t]]));
      return ((await readWorkbookFile(file, undefined, true)).value as Json).sample;
    };
    const yes = LOCALES[lang].workbook.yesNo.yes;
    expect([await sampleOf(yes), await sampleOf(yes.toLowerCase()), await sampleOf(yes.toUpperCase()), await sampleOf(LOCALES[lang].workbook.yesNo.no)]).toEqual([true, true, true, undefined]);
  });
});
