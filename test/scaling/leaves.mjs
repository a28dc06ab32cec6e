#!/usr/bin/env node
/**
 * How the cost of large sets grows (issue 12, items 3 and 6): sets of 1 and 100 leaves whose rule is a
 * maximal expression (2,000 nodes multiplying 1e15: every product is bounded, so each stops at the
 * bound with a coded warning), and sets of 980 and 4,900 yes/no leaves (4,900 and its fields are just under the 5,000 criteria of a set) scored and explained (the
 * document of every leaf, in Vietnamese). Prints each time and the ratios: about 100 and 5 are linear.
 * Not a test (nothing here may depend on timing): run it by hand after `npx tsc -b`.
 *
 *   node test/scaling/leaves.mjs
 */
const ROOT = new URL('../../', import.meta.url);
const { compile, score } = await import(new URL('packages/engine/dist/index.js', ROOT).href);
const { createExplainer, explainDocument } = await import(new URL('packages/explain/dist/index.js', ROOT).href);

/** A set of `n` leaves in fields of at most 200, each with the given rule over its own input. */
function setOf(n, rule, input) {
  const fields = [];
  for (let f = 0; f * 200 < n; f++) {
    const children = [];
    for (let i = f * 200; i < Math.min(n, (f + 1) * 200); i++)
      children.push({ code: `${f + 1}.${i - f * 200 + 1}`, title: `t${i}`, max: 1, source: { document: 'scaling' }, inputs: [{ ...input, id: `x${i}` }], rule: rule(`x${i}`) });
    fields.push({ code: String(f + 1), title: `f${f}`, max: children.length, children });
  }
  const set = {
    formatVersion: 1,
    id: 'test.scaling',
    version: '2026',
    title: 'scaling',
    status: 'draft',
    issuer: 't',
    decision: { number: '1', date: '2026-01-01' },
    period: { from: '2026-01-01', to: '2026-12-31' },
    scale: 100,
    policies: { notApplicable: 'reduceMaximum', missingEvidence: 'zero', ranking: 'dense' },
    fields,
  };
  const entries = fields.flatMap((f) => f.children.map((c) => ({ criterion: c.code, values: { [c.inputs[0].id]: input.type === 'boolean' ? true : 3 } })));
  return { set, evidence: { formatVersion: 1, criteriaSet: 'test.scaling@2026', unit: { code: 'X', name: 'X', level: 'commune' }, period: set.period, entries } };
}

function best(f) {
  let t = Infinity;
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    f();
    t = Math.min(t, performance.now() - s);
  }
  return t;
}

const maximal = (id) => ({ type: 'expression', logic: { '*': [{ var: id }, ...new Array(1998).fill(1e15)] } });
const times = {};
for (const n of [1, 100]) {
  const { set, evidence } = setOf(n, maximal, { type: 'count', label: 'n' });
  const c = compile(set);
  times[`expressions ${n}`] = best(() => score(c, evidence));
}
for (const n of [980, 4900]) {
  const { set, evidence } = setOf(n, (id) => ({ type: 'boolean', input: id }), { type: 'boolean', label: 'b' });
  const c = compile(set);
  const ex = createExplainer(c, 'vi');
  times[`explained ${n}`] = best(() => explainDocument(score(c, evidence), undefined, c, ex));
}
for (const [k, v] of Object.entries(times)) console.log(`${k.padEnd(18)} ${v.toFixed(1)} ms`);
console.log(`ratio 100 ÷ 1 maximal expressions: ${(times['expressions 100'] / times['expressions 1']).toFixed(1)} (linear: about 100)`);
console.log(`ratio 4,900 ÷ 980 leaves explained: ${(times['explained 4900'] / times['explained 980']).toFixed(1)} (linear: about 5)`);
