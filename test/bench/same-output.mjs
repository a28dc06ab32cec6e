/**
 * Speed work must not change a single byte of what the engine says. This script scores the same
 * inputs with this checkout's built engine and with a reference checkout's (another git worktree,
 * built), and compares the JSON:
 *   - every example evidence file against its set, the Vĩnh Bảo appraisal at each round;
 *   - generated units (examples/generate.mjs) of two seeds;
 *   - random hostile edits of generated evidence (wrong types, unknown keys, bad dates, blanks, …)
 *     through checkEvidence() and score() (the error's diagnostics when it throws).
 *
 *   git worktree add --detach ../ref <rev> && (cd ../ref && npx --yes pnpm@10 install --offline)
 *   node test/bench/same-output.mjs --ref ../ref [--units 300] [--edits 3000]
 *
 * Exits 1 on any difference and prints the first ones.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const refRoot = resolve(arg('ref', join(root, '../ref')));
const UNITS = Number(arg('units', 300));
const EDITS = Number(arg('edits', 3000));

const load = (base) => import(pathToFileURL(join(base, 'packages/engine/dist/index.js')).href);
const mine = await load(root);
const ref = await load(refRoot);
const { generateEvidence } = await import(pathToFileURL(join(root, 'examples/generate.mjs')).href);

const setsDir = join(root, 'rules/sets');
const sets = new Map();
for (const id of readdirSync(setsDir)) {
  for (const f of readdirSync(join(setsDir, id))) {
    const json = JSON.parse(readFileSync(join(setsDir, id, f), 'utf8'));
    sets.set(`${json.id}@${json.version}`, { json, mine: mine.compile(json), ref: ref.compile(json) });
  }
}

function outcome(engine, compiled, evidence, options) {
  let scored;
  try {
    scored = JSON.stringify(engine.score(compiled, evidence, options));
  } catch (e) {
    scored = `throws ${e?.name}: ${JSON.stringify(e?.diagnostics ?? String(e))}`;
  }
  let checked;
  try {
    checked = JSON.stringify(engine.checkEvidence(compiled, evidence, options));
  } catch (e) {
    checked = `throws ${String(e)}`;
  }
  return scored + '\n' + checked;
}

let cases = 0;
const diffs = [];
function compare(label, evidence, options = {}) {
  const ref0 = evidence && typeof evidence === 'object' && typeof evidence.criteriaSet === 'string' ? evidence.criteriaSet : 'model.commune-par@2026';
  const set = sets.get(ref0) ?? sets.get('model.commune-par@2026');
  // Each engine gets its own copy: neither may see what the other did to the input.
  const a = outcome(mine, set.mine, structuredClone(evidence), structuredClone(options));
  const b = outcome(ref, set.ref, structuredClone(evidence), structuredClone(options));
  cases++;
  if (a !== b) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    diffs.push(`${label}: differs at char ${i}\n  this: …${a.slice(Math.max(0, i - 80), i + 120)}\n  ref:  …${b.slice(Math.max(0, i - 80), i + 120)}`);
  }
}

// Examples.
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.json') ? [join(d, f)] : []));
for (const file of walk(join(root, 'examples'))) {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  if (!json.entries) continue;
  compare(file, json);
}
const vb = JSON.parse(readFileSync(join(root, 'examples/vinh-bao/par-2026.json'), 'utf8'));
const appraisal = JSON.parse(readFileSync(join(root, 'examples/vinh-bao/appraisal-2026.json'), 'utf8'));
for (const r of appraisal.rounds) compare(`vinh-bao appraisal ${r.id}`, vb, { appraisal, round: r.id });

// Generated units.
const units = [...generateEvidence(UNITS, 1), ...generateEvidence(Math.ceil(UNITS * 0.7), 7)];
units.forEach((u, i) => compare(`generated #${i}`, u));

// Hostile edits (seeded).
let seed = 12345;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const junk = () => pick([null, true, false, 0, -1, 1.5, 1e21, 'x', '', '2026-02-30', '12,5', '1.234,5', ' 7 ', [], {}, { a: 1 }, '__proto__', 'a'.repeat(300), -0, 36, '36', 'yes']);
for (let n = 0; n < EDITS; n++) {
  const u = structuredClone(units[n % units.length]);
  const edits = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < edits; k++) {
    const e = pick(u.entries);
    const what = Math.floor(rnd() * 9);
    if (what === 0) e[pick(['value', 'criterion', 'input', 'claimedPoints', 'explanation', 'note'])] = junk();
    else if (what === 1 && e.values) e.values[pick(Object.keys(e.values))] = junk();
    else if (what === 2 && e.values) delete e.values[pick(Object.keys(e.values))];
    else if (what === 3) u.entries.splice(u.entries.indexOf(e), 1);
    else if (what === 4 && e.documents?.length) e.documents[0][pick(['number', 'date', 'for', 'title'])] = junk();
    else if (what === 5) e[pick(['unknownKey', '__proto__', 'constructor'])] = junk();
    else if (what === 6) u.entries.push(structuredClone(e));
    else if (what === 7) u.period[pick(['from', 'to'])] = junk();
    else if (e.values) e.values[pick(Object.keys(e.values))] = pick([0, 1, 2, 10, 100, 1000, 0.5, '0.25', true, false, 'full', 'partial', 'none']);
  }
  compare(`edit #${n}`, u);
}

console.log(`${cases} cases compared against ${refRoot}: ${diffs.length} differ`);
for (const d of diffs.slice(0, 5)) console.log(d);
process.exit(diffs.length ? 1 : 0);
