/**
 * An unquoted "1.300" in evidence text: JSON reads 1.3, the officer meant 1300. The engine checks the
 * number's text (numberTokensOf) against the input's type: an error naming both readings where both are
 * possible, the value as JSON reads it where the thousands reading is above the maximum.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readJson } from '@parindex/rules';
import { checkEvidence, compile, ParindexError, score } from '@parindex/engine';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const compiled = compile(JSON.parse(readFileSync(here('../../../test/conformance/engine/shapes.set.json'), 'utf8')));
const text = readFileSync(here('../../../test/conformance/engine/full.evidence.json'), 'utf8');
const withText = (from: string, to: string) => {
  const t = text.replace(from, to);
  expect(t).not.toBe(text);
  return readJson(t).value;
};

describe('unquoted numbers written with a thousands dot', () => {
  it('a count 1.300 (1300 or 1.3?) is an error naming both, not a silent 1.3', () => {
    const e = withText('"resolved": 1300', '"resolved": 1.300');
    expect(checkEvidence(compiled, e).filter((d) => d.severity === 'error')).toEqual([
      {
        code: 'EVIDENCE_NUMBER_AMBIGUOUS',
        severity: 'error',
        path: '/entries/7/values/resolved',
        params: { input: 'resolved', got: '1.300', thousands: '1300', decimal: null, label: 'Số hồ sơ đã giải quyết' },
      },
    ]);
    expect(() => score(compiled, e)).toThrow(ParindexError);
  });
  it('a count 3.000 may be 3 or 3000: both named', () => {
    const e = withText('"late_reports": 0', '"late_reports": 3.000');
    expect(checkEvidence(compiled, e).find((d) => d.code === 'EVIDENCE_NUMBER_AMBIGUOUS')?.params).toMatchObject({ input: 'late_reports', got: '3.000', thousands: '3000', decimal: '3' });
  });
  it('a percent 85.500 can only be 85.5 (85500 is above 100): scored as JSON reads it', () => {
    const e = withText('"online_rate": 85', '"online_rate": 85.500');
    const r = score(compiled, e);
    expect(r.diagnostics).toEqual([]);
    expect(r.fields.flatMap((f) => f.children ?? []).find((n) => n.code === '2.2')?.trace?.inputs).toMatchObject([{ id: 'online_rate', value: '85.5' }]);
  });
  it('the same value given as data (no text) is what the caller says it is', () => {
    const e = JSON.parse(text);
    e.entries[8].values.online_rate = 85.5;
    expect(checkEvidence(compiled, e)).toEqual([]);
  });
});
