/**
 * Sets and rankings as officers meet them, end to end (main() in this process): classification shares in
 * every format of `rank`, a district-level set of an old year read with --rules by `rules show`,
 * `template` and `rank`, unit levels, and decision dates that are not known.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, cliInProcess, tempDir, writeTemp } from './helpers.js';

/** A district-level set of 2019 (one leaf of 100 points: the plan issued or not), bands A–D, its decision's date unknown. */
function districtSet(extra: Record<string, unknown> = {}) {
  return {
    formatVersion: 1,
    id: 'test.district-par',
    version: '2019',
    title: 'Bộ tiêu chí thử cấp huyện năm 2019',
    titleEn: 'Test district set, 2019',
    status: 'draft',
    issuer: 'UBND tỉnh (thử)',
    decision: { number: 'Quyết định số …/QĐ-UBND (số chưa rõ)', date: null },
    period: { from: '2019-01-01', to: '2019-12-31' },
    unitLevels: ['district', 'urbanDistrict', 'town', 'provincialCity'],
    scale: 100,
    policies: { notApplicable: 'reduceMaximum', missingEvidence: 'scoreAndFlag', ranking: 'dense' },
    rounding: [{ level: 'index', places: 2, mode: 'halfUp' }],
    classification: [
      { code: 'A', label: 'Xuất sắc', labelEn: 'Excellent', min: 90, minInclusive: true },
      { code: 'B', label: 'Tốt', labelEn: 'Good', min: 80, minInclusive: true, max: 90, maxInclusive: false },
      { code: 'C', label: 'Khá', labelEn: 'Fair', min: 70, minInclusive: true, max: 80, maxInclusive: false },
      { code: 'D', label: 'Trung bình', labelEn: 'Average', max: 70, maxInclusive: false },
    ],
    fields: [
      {
        code: '1',
        title: 'Ban hành kế hoạch CCHC năm',
        titleEn: 'Annual reform plan issued',
        max: 100,
        source: { model: true, note: 'Quy tắc thử, không có văn bản.', noteEn: 'A test rule, no document.' },
        inputs: [{ id: 'plan_issued', type: 'boolean', label: 'Đã ban hành kế hoạch', labelEn: 'Plan issued' }],
        rule: { type: 'boolean', input: 'plan_issued' },
      },
    ],
    ...extra,
  };
}

function unitEvidence(i: number, issued: boolean, level = 'district') {
  return {
    formatVersion: 1,
    criteriaSet: 'test.district-par@2019',
    unit: { code: `H-${String(i).padStart(2, '0')}`, name: `UBND huyện ${i}`, level },
    period: { from: '2019-01-01', to: '2019-12-31' },
    entries: [{ criterion: '1', values: { plan_issued: issued } }],
  };
}

let dir: string;
let setFile: string;
let units: string;
beforeAll(() => {
  dir = tempDir();
  setFile = writeTemp(dir, 'district-2019.json', districtSet());
  // 40 districts, 7 of them issued the plan (index 100, band A), 33 did not (index 0, band D).
  units = join(dir, 'units');
  mkdirSync(units);
  for (let i = 1; i <= 40; i++) writeTemp(dir, `units/h${i}.json`, unitEvidence(i, i <= 7));
});

describe.concurrent('rank: classification shares', () => {
  it('7 of 40 is 17,50% in Vietnamese and 17.50% in English; bands nobody reached count 0; the mean index rounded (2 places)', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['rank', units, '--rules', setFile]), cliInProcess(['rank', units, '--rules', setFile, '--lang', 'en'])]);
    expect(vi.code, vi.stderr).toBe(0);
    expect(vi.stdout).toMatch(/A — Xuất sắc\s+7\s+17,50%\s+UBND huyện 1, UBND huyện 2/);
    expect(vi.stdout).toMatch(/B — Tốt\s+0\s+0,00%/);
    expect(vi.stdout).toMatch(/C — Khá\s+0\s+0,00%/);
    expect(vi.stdout).toMatch(/D — Trung bình\s+33\s+82,50%/);
    expect(vi.stdout).toMatch(/Cộng\s+40\s+100,00%/);
    expect(vi.stdout).toContain('Chỉ số bình quân (bình quân cộng chỉ số của 40 đơn vị): 17,50');
    expect(vi.stdout).toMatch(/Xếp loại\s+Số đơn vị\s+Tỉ lệ\s+Các đơn vị/);
    expect(en.stdout).toMatch(/A — Excellent\s+7\s+17\.50%/);
    expect(en.stdout).toMatch(/D — Average\s+33\s+82\.50%/);
    expect(en.stdout).toContain('Mean index (plain mean of 40 units): 17.50');
  });

  it('json keeps the exact values: counts, the sum and count of the indices, the rounded figures and the rounding used', async () => {
    const r = await cliInProcess(['rank', units, '--rules', setFile, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.summary.ranked).toBe(40);
    expect(out.summary.index).toEqual({ count: 40, sum: '700', mean: '17.5', rounded: '17.5' });
    expect(out.summary.rounding).toEqual({ meanIndex: { places: 2, mode: 'halfUp' }, share: { places: 2, mode: 'halfUp' } });
    expect(out.summary.bands.map((b: { code: string; count: number; share: string }) => [b.code, b.count, b.share])).toEqual([
      ['A', 7, '17.5'],
      ['B', 0, '0'],
      ['C', 0, '0'],
      ['D', 33, '82.5'],
    ]);
    expect(out.summary.bands[0].units).toEqual(['H-01', 'H-02', 'H-03', 'H-04', 'H-05', 'H-06', 'H-07']);
  });

  it('md, html and csv show the same table', async () => {
    const [md, html, csv] = await Promise.all(['md', 'html', 'csv'].map((f) => cliInProcess(['rank', units, '--rules', setFile, '--format', f])));
    expect(md!.stdout).toContain('| Xếp loại | Số đơn vị | Tỉ lệ | Các đơn vị |');
    expect(md!.stdout).toMatch(/\| A — Xuất sắc \| 7 \| 17,50% \|/);
    expect(html!.stdout).toMatch(/<td[^>]*>A — Xuất sắc<\/td><td[^>]*>7<\/td><td[^>]*>17,50%<\/td>/);
    expect(csv!.stdout).toContain('A — Xuất sắc;7;17,50%;');
    expect(csv!.stdout).toContain('D — Trung bình;33;82,50%;');
  });

  it('the set declares the rounding of the shares and of the mean index (levels share and meanIndex)', async () => {
    const file = writeTemp(
      dir,
      'district-rounded.json',
      districtSet({
        rounding: [
          { level: 'index', places: 2, mode: 'halfUp' },
          { level: 'share', places: 1, mode: 'down' },
          { level: 'meanIndex', places: 0, mode: 'halfUp' },
        ],
      }),
    );
    // 1 of 3 units in A: 33.333…% cut to 33.3; 2 of 3 in D: 66.666…% cut to 66.6; mean 33.333… → 33.
    const three = join(dir, 'three');
    mkdirSync(three);
    for (let i = 1; i <= 3; i++) writeTemp(dir, `three/h${i}.json`, unitEvidence(i, i === 1));
    const [table, json] = await Promise.all([cliInProcess(['rank', three, '--rules', file]), cliInProcess(['rank', three, '--rules', file, '--format', 'json'])]);
    expect(table.stdout).toMatch(/A — Xuất sắc\s+1\s+33,3%/);
    expect(table.stdout).toMatch(/D — Trung bình\s+2\s+66,6%/);
    expect(table.stdout).toContain('(bình quân cộng chỉ số của 3 đơn vị): 33\n');
    const out = JSON.parse(json.stdout);
    expect(out.summary.index).toMatchObject({ sum: '100', rounded: '33' });
    expect(out.summary.bands.map((b: { share: string }) => b.share)).toEqual(['33.3', '0', '0', '66.6']);
  });
});

describe.concurrent('--rules for rules show and template, unit levels, unknown dates', () => {
  it('rules show --rules: the district set with its levels and its decision "không rõ ngày" / "date unknown"', async () => {
    const [vi, en, json] = await Promise.all([
      cliInProcess(['rules', 'show', '--rules', setFile]),
      cliInProcess(['rules', 'show', '--rules', setFile, '--lang', 'en']),
      cliInProcess(['rules', 'show', '--rules', setFile, '--format', 'json']),
    ]);
    expect(vi.code, vi.stderr).toBe(0);
    expect(vi.stdout).toContain('Bộ tiêu chí thử cấp huyện năm 2019');
    expect(vi.stdout).toContain('Quyết định số …/QĐ-UBND (số chưa rõ) (không rõ ngày)');
    expect(vi.stdout).toContain('huyện (district), quận (urbanDistrict), thị xã (town), thành phố thuộc tỉnh (provincialCity)');
    expect(en.stdout).toContain('(date unknown)');
    expect(en.stdout).toContain('rural district (district), urban district (urbanDistrict), district-level town (town), provincial city (provincialCity)');
    expect(JSON.parse(json.stdout).decision).toEqual({ number: 'Quyết định số …/QĐ-UBND (số chưa rõ)', date: null });
  });

  it('a broken --rules file: rules show, template and score report the same problems, located, exit 1', async () => {
    const bad = districtSet();
    (bad.fields[0] as Record<string, unknown>).max = 90;
    bad.unitLevels = ['district', 'county'];
    const file = writeTemp(dir, 'bad-set.json', JSON.stringify(bad, null, 2));
    const ev = writeTemp(dir, 'bad-ev.json', unitEvidence(1, true));
    const [show, tpl, sc] = await Promise.all([cliInProcess(['rules', 'show', '--rules', file]), cliInProcess(['template', '--rules', file]), cliInProcess(['score', ev, '--rules', file])]);
    for (const r of [show, tpl, sc]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
    }
    expect(show.stderr).toMatch(/bad-set\.json:\d+:\d+ {2}SET_SCHEMA {2}\/unitLevels\/1 /);
    expect(tpl.stderr).toBe(show.stderr);
    expect(sc.stderr).toBe(show.stderr);
  });

  it('template --rules --level writes the level into the unit; a level the set is not for is refused', async () => {
    const out = join(dir, 'quan.json');
    const [ok, def, wrong, bogus, none, both] = await Promise.all([
      cliInProcess(['template', '--rules', setFile, '--level', 'urbanDistrict', '--unit', 'HP-Q1', '--out', out]),
      cliInProcess(['template', '--rules', setFile]),
      cliInProcess(['template', '--rules', setFile, '--level', 'commune']),
      cliInProcess(['template', '--rules', setFile, '--level', 'county']),
      cliInProcess(['template']),
      cliInProcess(['template', 'model.commune-par', '--rules', setFile]),
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const blank = JSON.parse(readFileSync(out, 'utf8'));
    expect(blank.unit).toEqual({ code: 'HP-Q1', name: '', level: 'urbanDistrict' });
    expect(blank.criteriaSet).toBe('test.district-par@2019');
    expect(JSON.parse(def.stdout).unit.level).toBe('district');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('EVIDENCE_LEVEL_NOT_IN_SET');
    expect(wrong.stderr).toContain('Đơn vị cấp xã ("commune") không thuộc phạm vi của bộ tiêu chí test.district-par@2019');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain(
      '"county" không phải là giá trị của --level; các giá trị được phép: province, department, ministry, district, urbanDistrict, town, provincialCity, commune, ward, township, specialZone.',
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('SET');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('"model.commune-par"');
  });

  it('template of a bundled set takes --level among its levels: a special zone for the commune set', async () => {
    const r = await cliInProcess(['template', 'model.commune-par', '--level', 'specialZone', '--name', 'UBND đặc khu Cát Hải']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).unit).toEqual({ code: '', name: 'UBND đặc khu Cát Hải', level: 'specialZone' });
    const d = await cliInProcess(['template', 'model.commune-par', '--level', 'district', '--lang', 'en']);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain(
      'A unit of level rural district ("district") is outside the criteria set model.commune-par@2026, which is for: commune ("commune"), ward ("ward"), special zone ("specialZone").',
    );
  });

  it('evidence of a level the set is not for: validate and score report EVIDENCE_LEVEL_NOT_IN_SET at the unit level', async () => {
    const ev = writeTemp(dir, 'xa.json', JSON.stringify(unitEvidence(2, true, 'commune'), null, 2));
    const [v, s] = await Promise.all([cliInProcess(['validate', ev, '--rules', setFile]), cliInProcess(['score', ev, '--rules', setFile])]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/xa\.json:7:5 {2}EVIDENCE_LEVEL_NOT_IN_SET {2}\/unit\/level {2}lỗi: Đơn vị cấp xã \("commune"\)/);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('EVIDENCE_LEVEL_NOT_IN_SET');
  });

  it('rules list says which sets have no known decision date', async () => {
    const [vi, en] = await Promise.all([cliInProcess(['rules', 'list', '--format', 'md']), cliInProcess(['rules', 'list', '--format', 'json'])]);
    expect(vi.stdout).toMatch(/targets\.dai-son@2026 \|[^\n]*\(không rõ ngày\)/);
    const list = JSON.parse(en.stdout) as Array<{ ref: string; decision: { date: string | null } }>;
    expect(list.find((e) => e.ref === 'targets.kien-tho@2026')!.decision.date).toBeNull();
    expect(list.find((e) => e.ref === 'model.commune-par@2026')!.decision.date).toBe('2021-07-15');
  });

  it('explain shows a source as cited: document, issuer, "không số", "không rõ ngày", article and the quoted words', async () => {
    const [vi, en] = await Promise.all([
      cliInProcess(['explain', 'examples/kien-tho/targets-2026.json', '1.1', '--quiet']),
      cliInProcess(['explain', 'examples/kien-tho/targets-2026.json', '1.1', '--quiet', '--lang', 'en']),
    ]);
    expect(vi.code, vi.stderr).toBe(0);
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    expect(flat(vi.stdout)).toContain(
      'Nguồn: Kế hoạch cải cách hành chính trên địa bàn xã Kiên Thọ năm 2026 (UBND xã Kiên Thọ, tỉnh Thanh Hóa), không số, không rõ ngày, Mục II.2.2 (Cải cách thủ tục hành chính); Phụ lục 02, mục 2; “Bảo đảm trên 98% hồ sơ TTHC',
    );
    expect(flat(en.stdout)).toContain('no number, date unknown, Mục II.2.2');
  });

  // Not in test:fast (PARINDEX_TEST_FAST=1), which runs from the sources without a build.
  it.skipIf(process.env.PARINDEX_TEST_FAST === '1')('the built CLI (the bundle users run) prints the same for rules show --rules, template --rules --level and rank --rules', async () => {
    const cases = [
      ['rules', 'show', '--rules', setFile, '--lang', 'en'],
      ['template', '--rules', setFile, '--level', 'town', '--unit', 'TX-1'],
      ['rank', units, '--rules', setFile, '--format', 'csv'],
    ];
    const spawned = await Promise.all(cases.map((args) => cli(args)));
    for (let i = 0; i < cases.length; i++) expect(spawned[i], cases[i]!.join(' ')).toEqual(await cliInProcess(cases[i]!));
    expect(spawned[1]!.stdout).toContain('"level": "town"');
    expect(spawned[2]!.stdout).toContain('A — Xuất sắc;7;17,50%;');
  });
});

describe.concurrent('rank: mean points by field', () => {
  it("the last column says it is the mean of the units' own shares (not mean ÷ maximum), in every format and both languages", async () => {
    const [vi, en, md, csv, json] = await Promise.all([
      cliInProcess(['rank', 'examples', '--quiet']),
      cliInProcess(['rank', 'examples', '--quiet', '--lang', 'en']),
      cliInProcess(['rank', 'examples', '--quiet', '--format', 'md']),
      cliInProcess(['rank', 'examples', '--quiet', '--format', 'csv', '--lang', 'en']),
      cliInProcess(['rank', 'examples', '--quiet', '--format', 'json']),
    ]);
    // Field 6: 29 points over 5 units is 5,80 of 7 (82,86%); the units' own shares of their applicable maxima average 88,57%.
    const f6 = JSON.parse(json.stdout).summary.fields.find((f: { code: string }) => f.code === '6');
    expect(f6).toMatchObject({ nominalMax: '7', points: { count: 5, sum: '29', mean: '5.8' }, percent: { count: 5, mean: '88.5714285714' } });
    expect(vi.stdout).toMatch(/Mã\s+Lĩnh vực\s+Điểm tối đa\s+Bình quân\s+Tỉ lệ bình quân của các đơn vị\n/);
    expect(vi.stdout).toMatch(/6\s+Cải cách tài chính công\s+7\s+5,80\s+88,57%/);
    expect(vi.stdout.replace(/\s+/g, ' ')).toContain(
      'Tỉ lệ bình quân của các đơn vị: bình quân cộng tỉ lệ điểm đạt trên điểm tối đa áp dụng của từng đơn vị (các đơn vị có lĩnh vực áp dụng), tính như chỉ số bình quân.',
    );
    expect(en.stdout).toMatch(/Code\s+Field\s+Maximum\s+Mean\s+Mean of units' shares\n/);
    expect(en.stdout).toMatch(/6\s+Public finance\s+7\s+5\.80\s+88\.57%/);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain("Mean of units' shares: the plain mean of each unit's points as a share of its own applicable maximum");
    expect(md.stdout).toContain('| Mã | Lĩnh vực | Điểm tối đa | Bình quân | Tỉ lệ bình quân của các đơn vị |');
    expect(md.stdout).toContain('| 6 | Cải cách tài chính công | 7 | 5,80 | 88,57% |');
    expect(csv.stdout).toContain("\r\nCode,Field,Maximum,Mean,Mean of units' shares\r\n");
    expect(csv.stdout).toContain('\r\n6,Public finance,7,5.80,88.57%\r\n');
  });
});
