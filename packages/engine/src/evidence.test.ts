/**
 * The evidence fast path (fastEvidence) must agree with the zod schema: for every value it accepts,
 * zod accepts it too and returns the same copy (same keys, same order); anything else goes to zod.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evidence, fastEvidence } from './evidence.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const examples = readdirSync(`${ROOT}examples`)
  .filter((d) => existsSync(`${ROOT}examples/${d}/par-2026.json`))
  .map((d) => JSON.parse(readFileSync(`${ROOT}examples/${d}/par-2026.json`, 'utf8')) as Record<string, unknown>);

function agree(value: unknown): void {
  const fast = fastEvidence(value);
  if (fast === undefined) return; // zod decides
  const parsed = Evidence.safeParse(value);
  expect(parsed.success).toBe(true);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
}

describe('fastEvidence agrees with the zod schema', () => {
  it('accepts the example files and copies them as zod does', () => {
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) {
      expect(fastEvidence(e)).toBeDefined();
      agree(e);
    }
  });

  it('never accepts what zod rejects (random edits of an example)', () => {
    const weird = fc.oneof(
      fc.constantFrom(
        null,
        true,
        false,
        0,
        -1,
        1.5,
        '',
        'x',
        '1,5',
        '2026-02-30',
        '2026-13-01',
        [],
        {},
        'A'.repeat(201),
        'Z'.repeat(10_001),
        '__proto__',
        'constructor',
        { rat_hai_long: 1.5 },
        { Bad: 1 },
      ),
      fc.string(),
      fc.double(),
      fc.dictionary(fc.string(), fc.integer()),
    );
    const paths = fc.array(
      fc.oneof(
        fc.constantFrom(
          'entries',
          'unit',
          'period',
          'preparedBy',
          'values',
          'documents',
          'value',
          'criterion',
          'input',
          'claimedPoints',
          'note',
          'code',
          'level',
          'from',
          'date',
          'number',
          'for',
          'sha256',
          'extra',
        ),
        fc.nat(80),
      ),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.nat(examples.length - 1), paths, weird, (which, path, value) => {
        const e = structuredClone(examples[which]!) as Record<string, unknown>;
        let at: unknown = e;
        for (let i = 0; i < path.length - 1; i++) {
          const next = (at as Record<string | number, unknown>)[path[i]!];
          if (next === null || typeof next !== 'object') break;
          at = next;
        }
        if (at !== null && typeof at === 'object') (at as Record<string | number, unknown>)[path[path.length - 1]!] = value;
        agree(e);
      }),
      { numRuns: 2000 },
    );
  });
});
