/**
 * How fast bad evidence is checked: this checkout's built engine against a reference checkout's, on
 * seeded hostile edits of the example evidence files (wrong types, unknown keys, bad dates, long
 * strings, lists for objects …) and of the example appraisal, each of them refused by the schema.
 * Times parseEvidence (the shape alone), checkEvidence (every problem at once: shape, salvage, the
 * set's checks) and parseAppraisal, in CPU time (process.cpuUsage), the two engines interleaved in
 * alternating order, several rounds; prints the median per file and the ratio.
 *
 *   node test/bench/evidence-check.mjs --ref ../ref [--edits 2000] [--rounds 9]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const refRoot = resolve(arg('ref', join(root, '../ref')));
const EDITS = Number(arg('edits', 2000));
const ROUNDS = Number(arg('rounds', 9));

const load = (base) => import(pathToFileURL(join(base, 'packages/engine/dist/index.js')).href);
const engines = { this: await load(root), ref: await load(refRoot) };

const readJson = (p) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const sets = new Map();
for (const id of readdirSync(join(root, 'rules/sets'))) {
  for (const f of readdirSync(join(root, 'rules/sets', id))) {
    const json = readJson(`rules/sets/${id}/${f}`);
    sets.set(`${json.id}@${json.version}`, { this: engines.this.compile(json), ref: engines.ref.compile(json) });
  }
}
const examples = readdirSync(join(root, 'examples'))
  .filter((d) => existsSync(join(root, 'examples', d, 'par-2026.json')))
  .map((d) => readJson(`examples/${d}/par-2026.json`));

let seed = 4242;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const junk = () => pick([null, true, 0, -1, 1.5, 'x', '', '2026-02-30', '15/01/2026', '12,5', [], {}, { a: 'x' }, { Bad: 1 }, 'a'.repeat(300), 'b'.repeat(10_001), [1, 2, 3], { length: 500 }]);

/** One hostile edit of an evidence file, in place. */
const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function editEvidence(u) {
  const e = pick(u.entries);
  if (!isObj(e) || !isObj(u.unit) || !isObj(u.period)) return;
  const what = Math.floor(rnd() * 8);
  if (what === 0) e[pick(['value', 'values', 'criterion', 'input', 'claimedPoints', 'explanation', 'note', 'documents'])] = junk();
  else if (what === 1 && e.values) e.values[pick(Object.keys(e.values))] = junk();
  else if (what === 2 && e.documents?.length) e.documents[0][pick(['number', 'date', 'for', 'title', 'sha256'])] = junk();
  else if (what === 3) e[pick(['unknownKey', 'Values', 'comment'])] = junk();
  else if (what === 4) u.unit[pick(['code', 'name', 'level', 'extra'])] = junk();
  else if (what === 5) u.period[pick(['from', 'to'])] = junk();
  else if (what === 6) u.entries[u.entries.indexOf(e)] = junk();
  else u[pick(['formatVersion', 'criteriaSet', 'preparedBy', 'sample', 'extra'])] = junk();
}

const appraisal = readJson('examples/vinh-bao/appraisal-2026.json');
/** One hostile edit of the appraisal, in place. */
function editAppraisal(a) {
  const r = Array.isArray(a.rounds) ? pick(a.rounds) : undefined;
  const it = isObj(r) && Array.isArray(r.items) ? pick(r.items) : undefined;
  if (!isObj(it) || !isObj(a.evidence)) return;
  const what = Math.floor(rnd() * 4);
  if (what === 0) it[pick(['criterion', 'values', 'points', 'reason', 'by', 'date', 'extra'])] = junk();
  else if (what === 1) r[pick(['id', 'kind', 'label', 'date', 'items', 'extra'])] = junk();
  else if (what === 2) a.evidence[pick(['unit', 'sha256', 'file', 'extra'])] = junk();
  else a[pick(['formatVersion', 'criteriaSet', 'rounds', 'extra'])] = junk();
}

const bad = [];
while (bad.length < EDITS) {
  const u = structuredClone(pick(examples));
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) editEvidence(u);
  if (engines.ref.parseEvidence(u).diagnostics.length) bad.push(u);
}
const badAppraisals = [];
while (badAppraisals.length < EDITS) {
  const a = structuredClone(appraisal);
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) editAppraisal(a);
  if (engines.ref.parseAppraisal(a).diagnostics.length) badAppraisals.push(a);
}
const setOf = (u) => sets.get(typeof u.criteriaSet === 'string' ? u.criteriaSet : '') ?? sets.get('model.commune-par@2026');

const tasks = {
  parseEvidence: (eng) => {
    for (const u of bad) engines[eng].parseEvidence(u);
  },
  checkEvidence: (eng) => {
    for (const u of bad) engines[eng].checkEvidence(setOf(u)[eng], u);
  },
  parseAppraisal: (eng) => {
    for (const a of badAppraisals) engines[eng].parseAppraisal(a);
  },
};

const cpuMs = (f) => {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`${EDITS} refused evidence files, ${EDITS} refused appraisals; ${ROUNDS} rounds, CPU time; ref: ${refRoot}`);
for (const [name, run] of Object.entries(tasks)) {
  run('this');
  run('ref');
  const times = { this: [], ref: [] };
  for (let r = 0; r < ROUNDS; r++) for (const eng of r % 2 ? ['ref', 'this'] : ['this', 'ref']) times[eng].push(cpuMs(() => run(eng)));
  const per = (eng) => (median(times[eng]) * 1000) / EDITS;
  console.log(`${name.padEnd(15)} this ${per('this').toFixed(1).padStart(7)} µs/file   ref ${per('ref').toFixed(1).padStart(7)} µs/file   this/ref ${(per('this') / per('ref')).toFixed(2)}`);
}
