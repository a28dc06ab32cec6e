/**
 * `parindex validate` reports every problem of every stage of an evidence file in one run (syntax
 * aside): the schema's, the values', and the scoring's, each with its line and column, and no warning
 * that only repeats an error. The built CLI, as an officer runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempDir, VB, VB_APPRAISAL, writeTemp } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
type D = { code: string; severity: string; path: string; line?: number; column?: number };

const example = (): J => JSON.parse(readFileSync(join(ROOT, VB), 'utf8'));
const diagnosticsOf = async (file: string): Promise<D[]> => JSON.parse((await cli(['validate', file, '--format', 'json'])).stdout)[0].diagnostics;
const key = (d: D) => `${d.code} ${d.path}`;

/** Six mistakes of four stages, as an officer makes them. */
function sixMistakes(): J {
  const e = example();
  const find = (c: string) => e.entries.find((x: J) => x.criterion === c);
  e.unit.level = 'xã'; // the schema: not a level id
  find('1.1.1').documents[0].date = '15/01/2026'; // a document's date day first: read, with a warning
  find('1.1.2').claimedPoint = 1; // the schema: a key the format does not know
  find('3.7.1').criterion = '3.71'; // the values: no such criterion (did you mean 3.7.1?)
  find('3.7.2').values.payment_transactions = '1,640'; // the values: 1.64 or 1640?
  find('2.1').claimedPoints = 1.5; // the scoring: the claim does not match
  return e;
}

describe('validate: every problem of every stage at once', () => {
  it('a file with six mistakes gets six more diagnostics than the clean file, each located', async () => {
    const dir = tempDir();
    const clean = writeTemp(dir, 'clean.json', JSON.stringify(example(), null, 2));
    const text = JSON.stringify(sixMistakes(), null, 2);
    const six = writeTemp(dir, 'six.json', text);
    const [before, after] = await Promise.all([diagnosticsOf(clean), diagnosticsOf(six)]);
    const known = new Set(before.map(key));
    const added = after.filter((d) => !known.has(key(d)));
    expect(added.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['EVIDENCE_SCHEMA', 'error', '/unit/level'],
      ['EVIDENCE_DATE_READ', 'warning', '/entries/3/documents/0/date'],
      ['EVIDENCE_SCHEMA', 'error', '/entries/4'],
      // In the order of the file's lines, whichever stage found them.
      ['SCORE_CLAIM_MISMATCH', 'warning', '/entries/15/claimedPoints'],
      ['EVIDENCE_UNKNOWN_CRITERION', 'error', '/entries/31/criterion'],
      ['EVIDENCE_NUMBER_AMBIGUOUS', 'error', '/entries/32/values/payment_transactions'],
    ]);
    // Nothing of the clean file's is lost either (the mistyped 3.7.1's own warnings aside: it has none).
    expect(after.length).toBe(before.length + 6);
    const lines = text.split('\n');
    for (const d of added) {
      expect(d.line, key(d)).toBeGreaterThan(0);
      const at = lines[d.line! - 1]!.slice(d.column! - 1);
      const last = d.path.split('/').pop()!;
      // Each points at its own key (or, for an item of a list, at the item's opening brace).
      expect(/^[0-9]+$/.test(last) ? at.startsWith('{') : at.startsWith(`"${last}"`), `${key(d)} at ${d.line}:${d.column}: ${at}`).toBe(true);
    }
  });

  it('past a forbidden or repeated key: those, and every other problem of the file; score still refuses it', async () => {
    const dir = tempDir();
    // The six mistakes' text with a forbidden key and a repeated one written into it.
    const text = JSON.stringify(sixMistakes(), null, 2).replace('\n  "formatVersion": 1,', '\n  "__proto__": { "polluted": true },\n  "formatVersion": 1,\n  "formatVersion": 1,');
    const file = writeTemp(dir, 'hostile.json', text);
    const found = await diagnosticsOf(file);
    expect(found.filter((d) => d.code.startsWith('JSON_')).map((d) => [d.code, d.path, d.line])).toEqual([
      ['JSON_FORBIDDEN_KEY', '/__proto__', 3],
      ['JSON_DUPLICATE_KEY', '/formatVersion', 5],
    ]);
    const six = found.map((d) => `${d.code} ${d.path}`);
    for (const k of [
      'EVIDENCE_SCHEMA /unit/level',
      'EVIDENCE_SCHEMA /entries/4',
      'EVIDENCE_UNKNOWN_CRITERION /entries/31/criterion',
      'EVIDENCE_NUMBER_AMBIGUOUS /entries/32/values/payment_transactions',
    ])
      expect(six).toContain(k);
    const scored = await cli(['score', file, '--format', 'json']);
    expect(scored.code).toBe(1);
    expect(scored.stdout).toBe('');
    expect(
      scored.stderr
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('  ')[1]),
    ).toEqual(['JSON_DUPLICATE_KEY', 'JSON_FORBIDDEN_KEY']);
  });

  it('words them in Vietnamese, and in English with --lang en, with the suggestion for the typo', async () => {
    const six = writeTemp(tempDir(), 'six.json', JSON.stringify(sixMistakes(), null, 2));
    const [vi, en] = await Promise.all([cli(['validate', six]), cli(['validate', six, '--lang', 'en'])]);
    expect(vi.code).toBe(1);
    expect(vi.stdout).toMatch(/six\.json:\d+:\d+ {2}EVIDENCE_UNKNOWN_CRITERION .*có phải là "3\.7\.1"\?\)/);
    expect(vi.stdout).toContain('được đọc là 2026-01-15');
    expect(vi.stdout).toContain('4 lỗi');
    expect(en.stdout).toContain('did you mean "3.7.1"?)');
    expect(en.stdout).toContain('which can mean 1640 (a thousands separator) or 1.64');
  });

  it('a file whose only problem is a day-first document date scores, with the warning', async () => {
    const e = example();
    e.entries.find((x: J) => x.criterion === '1.1.1').documents[0].date = '12/01/2026';
    const file = writeTemp(tempDir(), 'dmy.json', JSON.stringify(e, null, 2));
    const [validated, scored, original] = await Promise.all([cli(['validate', file, '--format', 'json']), cli(['score', file, '--format', 'json']), cli(['score', VB, '--format', 'json'])]);
    expect(JSON.parse(validated.stdout)[0].valid).toBe(true);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout).totals).toEqual(JSON.parse(original.stdout).totals);
  });

  it('an appraisal file with four mistakes of two stages, given with its evidence: four diagnostics, each in the appraisal file', async () => {
    const a: J = JSON.parse(readFileSync(join(ROOT, VB_APPRAISAL), 'utf8'));
    a.rounds[0].items[0].date = 'cuối tháng 1'; // the schema: not a date (one written day first would be read, APPRAISAL_DATE_READ)
    delete a.rounds[0].items[1].reason; // the schema: no reason (the item is refused)
    a.rounds[0].items[2].criterion = '7.66'; // the rounds: no such criterion
    a.rounds[0].items.push({ criterion: '3.2', points: 9, reason: 'x' }); // the rounds: above the maximum
    const file = writeTemp(tempDir(), 'appraisal.json', JSON.stringify(a, null, 2));
    const r = await cli(['validate', VB, file, '--format', 'json']);
    const report = JSON.parse(r.stdout)[1];
    expect(report.diagnostics.map((d: D) => [d.code, d.path, d.line !== undefined])).toEqual([
      ['APPRAISAL_SCHEMA', '/rounds/0/items/0/date', true],
      ['APPRAISAL_SCHEMA', '/rounds/0/items/1/reason', true],
      ['APPRAISAL_UNKNOWN_CRITERION', '/rounds/0/items/2/criterion', true],
      ['APPRAISAL_OVERRIDE_RANGE', '/rounds/0/items/3/points', true],
    ]);
    expect(report.diagnostics.every((d: D & { file?: string }) => d.file === file)).toBe(true);
    // Without its evidence: the schema's problems and the criteria of the items it accepts.
    const alone = JSON.parse((await cli(['validate', file, '--format', 'json'])).stdout)[0];
    expect(alone.diagnostics.map((d: D) => d.code)).toEqual(['APPRAISAL_SCHEMA', 'APPRAISAL_SCHEMA', 'APPRAISAL_UNKNOWN_CRITERION']);
  });

  it('explain with a mistyped code suggests the one it was meant for', async () => {
    const r = await cli(['explain', VB, '3.71', '--lang', 'en']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('There is no criterion "3.71" in model.commune-par@2026 (did you mean "3.7.1"?).');
  });
});
