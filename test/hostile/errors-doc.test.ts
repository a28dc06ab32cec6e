/** docs/errors.md is generated from the codes, their example params and the locales; this fails when they differ. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, SEVERITY, diag } from '@parindex/rules';
import { diagnosticText } from '@parindex/explain';
import { DIAGNOSTIC_EXAMPLES } from '../../rules/src/diagnostic-examples.js';
// @ts-expect-error: a plain ES module script without types
import { renderErrorsDoc } from '../../scripts/errors-doc.mjs';
import { ROOT } from './helpers.js';

const doc: string = renderErrorsDoc({ codes: DIAGNOSTIC_CODES, severity: SEVERITY, examples: DIAGNOSTIC_EXAMPLES, diag, diagnosticText });

describe('docs/errors.md', () => {
  it('is what scripts/errors-doc.mjs makes of the sources (run `npx tsc -b && node scripts/errors-doc.mjs`)', () => {
    expect(readFileSync(`${ROOT}docs/errors.md`, 'utf8')).toBe(doc);
  });
  it('lists every code once, with its params and both sentences filled in', () => {
    for (const code of DIAGNOSTIC_CODES) expect(doc.split(`| \`${code}\` |`).length - 1, code).toBe(1);
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(DIAGNOSTIC_CODES.length);
    for (const row of rows) expect(row.split(' | ').slice(3).join(' | ')).not.toMatch(/\{[A-Za-z]+\}|undefined/);
  });
});
