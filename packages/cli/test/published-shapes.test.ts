/**
 * The published shapes of issue 13 end to end, through the built CLI: a set with two leaf parts whose
 * total is computed from the exact parts (explain says why it is 0,01 below the printed parts), points
 * given as published, and a ratio rounded before it is compared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir, writeTemp } from './helpers.js';

const fixture = (f: string) => join(ROOT, 'test/conformance/engine', f);
const leafParts = JSON.parse(readFileSync(fixture('leaf-parts.set.json'), 'utf8'));
const dir = tempDir();
const exactParts = writeTemp(dir, 'exact-parts.json', {
  ...leafParts,
  policies: { ...leafParts.policies, partsInTotal: 'exactParts' },
  rounding: [
    { level: 'part', places: 2, mode: 'halfUp' },
    { level: 'total', places: 2, mode: 'halfUp' },
  ],
});

describe('published shapes through the built CLI', () => {
  it('explain: the parts as published, the rule of the total, and why 85,37 is not 52,13 + 33,25', async () => {
    const vi = await cli(['explain', fixture('leaf-parts.evidence.json'), '--rules', exactParts]);
    expect(vi.code).toBe(0);
    const flat = vi.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('1. Kết quả thẩm định: 52,13 / 60 (chưa làm tròn: 52,125)');
    expect(flat).toContain('Tổng điểm 85,37 khác tổng các phần đã công bố (52,13 + 33,25 = 85,38) 0,01 điểm');
    const en = await cli(['explain', fixture('leaf-parts.evidence.json'), '--rules', exactParts, '--lang', 'en']);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('The total 85.37 differs by 0.01 from the sum of the published parts (52.13 + 33.25 = 85.38)');
  });

  it('score --format json: both parts, their exact points and the partsTotal step', async () => {
    const r = await cli(['score', fixture('leaf-parts.evidence.json'), '--rules', exactParts, '--format', 'json']);
    expect(r.code).toBe(0);
    const totals = JSON.parse(r.stdout).totals;
    expect(totals.parts.map((p: { part: string; points: string; exact: string }) => [p.part, p.points, p.exact])).toEqual([
      ['assessment', '52.13', '52.125'],
      ['survey', '33.25', '33.245'],
    ]);
    expect(totals.points).toBe('85.37');
    expect(totals.steps.find((s: { kind: string }) => s.kind === 'partsTotal')).toEqual({ kind: 'partsTotal', rule: 'exactParts', printed: '85.38', exact: '85.37' });
  });

  it('a ratio rounded before it is compared, and points given above the maximum, in both languages', async () => {
    const r = await cli(['explain', fixture('published-shapes.evidence.json'), '1.1', '--rules', fixture('published-shapes.set.json')]);
    expect(r.stdout).toContain('Giá trị dùng để so sánh, làm tròn 2 chữ số thập phân (làm tròn nửa lên): 89,995% → 90,00%');
    const over = writeTemp(dir, 'over.json', { ...JSON.parse(readFileSync(fixture('leaf-parts.evidence.json'), 'utf8')), entries: [{ criterion: '2', values: { survey_points: 42 } }] });
    const s = await cli(['score', over, '--rules', fixture('leaf-parts.set.json'), '--lang', 'en']);
    expect(s.stderr).toContain('SCORE_GIVEN_OUT_OF_RANGE');
    expect(s.stderr).toContain('42 is outside 0–40');
  });
});
