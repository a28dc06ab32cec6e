/** docs/errors.md is generated from the diagnostics catalog; this fails when the two differ. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '@parindex/rules';
// @ts-expect-error: a plain ES module script without types
import { EXAMPLE_OVERRIDES, EXAMPLE_PARAMS, renderErrorsDoc } from '../../scripts/errors-doc.mjs';
import { ROOT } from './helpers.js';

describe('docs/errors.md', () => {
  it('is what scripts/errors-doc.mjs makes of the catalog (run `npx tsc -b && node scripts/errors-doc.mjs`)', () => {
    expect(readFileSync(`${ROOT}docs/errors.md`, 'utf8')).toBe(renderErrorsDoc(CATALOG));
  });
  it('lists every code once, with both examples fully filled in', () => {
    const doc: string = renderErrorsDoc(CATALOG);
    for (const code of Object.keys(CATALOG)) expect(doc.split(`| \`${code}\` |`).length - 1, code).toBe(1);
    const examples = doc.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split(' | ').slice(3).join(' | '));
    for (const e of examples) expect(e).not.toMatch(/\{[A-Za-z]+\}/);
    // No example values for codes that are gone.
    for (const code of Object.keys(EXAMPLE_OVERRIDES as object)) expect(Object.keys(CATALOG)).toContain(code);
    expect(Object.keys(EXAMPLE_PARAMS as object).length).toBeGreaterThan(0);
  });
});
