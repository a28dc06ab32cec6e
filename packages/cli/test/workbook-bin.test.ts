/**
 * The built, bundled CLI (dist/parindex.js) and workbooks, as processes: exceljs and JSZip in the bundle's
 * lazy chunks, and no clock or local time in what is written or read (pnpm test builds it first).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '@parindex/engine';
import { bundledSets } from '@parindex/rules/node';
import { cli, ROOT, tempDir } from './helpers.js';
import { expectedImport, fillWorkbook } from './workbook-fill.js';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
const examples = [{ file: 'kien-tho/dti-2026.json', value: JSON.parse(readFileSync(join(ROOT, 'examples/kien-tho/dti-2026.json'), 'utf8')) }];
const compiledSets = new Map([['model.commune-dti@2026', compile(bundledSets().get('model.commune-dti@2026'))]]);

describe('the built CLI in other time zones', () => {
  it('writes the same workbook bytes and reads the same dates (no clock, no local time)', async () => {
    const outs = ['Asia/Ho_Chi_Minh', 'America/Los_Angeles'].map((tz) => [tz, join(dir, `tz-${tz.replace('/', '-')}.xlsx`)] as const);
    for (const [tz, out] of outs) expect((await cli(['template', 'model.commune-dti', '--format', 'xlsx', '--out', out], { TZ: tz })).code).toBe(0);
    const bytes = outs.map(([, out]) => readFileSync(out));
    expect(bytes[1]!.equals(bytes[0]!)).toBe(true);
    const example = examples.find((e) => e.file.endsWith('kien-tho/dti-2026.json'))!;
    const compiled = compiledSets.get(example.value.criteriaSet)!;
    const filled = join(dir, 'tz-filled.xlsx');
    writeFileSync(filled, await fillWorkbook(bytes[0]!, compiled, example.value, 'vi'));
    const [a, b] = [await cli(['import', filled, '--quiet'], { TZ: 'Pacific/Kiritimati' }), await cli(['import', filled, '--quiet'], { TZ: 'Pacific/Pago_Pago' })];
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toEqual(expectedImport(compiled, example.value));
  });
});
