/**
 * @internal A criteria set of one field with one leaf, for tests that vary one rule: the set's id is
 * `test.<name>@2026`, the field "1" and the leaf "1.1" both have the given maximum.
 */
export function oneLeafSet(name: string, max: string | number, leaf: { inputs: unknown[]; rule: unknown; documents?: unknown[] }) {
  return {
    formatVersion: 1,
    id: `test.${name}`,
    version: '2026',
    title: name,
    status: 'draft',
    issuer: 'parindex tests',
    decision: { number: '0/TEST', date: '2026-01-01' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    scale: 100,
    policies: { notApplicable: 'reduceMaximum', missingEvidence: 'zero', ranking: 'dense' },
    fields: [{ code: '1', title: 'Field', max, children: [{ code: '1.1', title: name, max, source: { document: 'test' }, ...leaf }] }],
  };
}
