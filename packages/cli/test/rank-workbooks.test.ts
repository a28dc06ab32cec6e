/** `rank` of a folder that holds the communes' workbooks: each read as its evidence, as a workbook named is. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '@parindex/engine';
import { rankable } from '../src/commands/rank.js';
import { fillWorkbook } from './workbook-fill.js';
import { cliInProcess, ROOT, tempDir, VB } from './helpers.js';

const read = (f: string) => JSON.parse(readFileSync(join(ROOT, f), 'utf8'));

describe('rank of a folder of workbooks', () => {
  it('takes *.json and *.xlsx, not the owner file Excel leaves beside an open workbook', () => {
    expect(['a.json', 'b.xlsx', 'C.XLSX', '~$b.xlsx', 'notes.txt', 'a.json.bak', 'x.xls'].filter(rankable)).toEqual(['a.json', 'b.xlsx', 'C.XLSX']);
  });

  it('ranks the units of the workbooks beside those of the JSON files, and says nothing of the owner file', async () => {
    const dir = tempDir();
    const folder = join(dir, 'tinh');
    mkdirSync(folder);
    const template = join(dir, 'ke-khai.xlsx');
    expect((await cliInProcess(['template', 'model.commune-par', '--format', 'xlsx', '--out', template])).code).toBe(0);
    const evidence = read('examples/vinh-bao/par-2026.json');
    const compiled = compile(read('rules/sets/model.commune-par/2026.json'));
    writeFileSync(join(folder, 'Vĩnh Bảo 2026.xlsx'), await fillWorkbook(readFileSync(template), compiled, evidence, 'vi'));
    writeFileSync(join(folder, '~$Vĩnh Bảo 2026.xlsx'), 'owner');
    writeFileSync(join(folder, 'dai-son.json'), readFileSync(join(ROOT, 'examples/dai-son/par-2026.json')));
    const [r, fromJson] = await Promise.all([cliInProcess(['rank', folder, '--format', 'json']), cliInProcess(['rank', VB, join(folder, 'dai-son.json'), '--format', 'json'])]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ranking.map((x: { file: string; unit: { code: string } }) => [x.file.slice(folder.length + 1), x.unit.code])).toEqual([
      ['dai-son.json', 'HP-DAISON'],
      ['Vĩnh Bảo 2026.xlsx', 'HP-VINHBAO'],
    ]);
    expect([out.failed, out.skipped]).toEqual([[], []]);
    // The workbook's unit has the points of its evidence file.
    const points = (o: { ranking: Array<{ unit: { code: string }; points: string; index: string }> }) => o.ranking.map((x) => `${x.unit.code} ${x.points} ${x.index}`);
    expect(points(out)).toEqual(points(JSON.parse(fromJson.stdout)));
  });
});
