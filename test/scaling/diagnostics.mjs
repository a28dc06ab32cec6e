#!/usr/bin/env node
/**
 * How the cost of diagnostics grows with their number (issue 12, item 2): evidence files whose every
 * added entry draws a warning (an unused entry) are read, scored and every warning located in its file
 * (line and column), as `parindex score` does. Prints the time for 1,000 and 4,000 diagnostics and the
 * ratio: about 4 is linear growth (it was about 16, quadratic, when each diagnostic scanned the text).
 * Not a test (nothing here may depend on timing): run it by hand after `npx tsc -b`.
 *
 *   node test/scaling/diagnostics.mjs [count…]      (default: 1000 4000)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url);
const { scoreFiles } = await import(new URL('packages/cli/dist/load.js', ROOT).href);
const base = JSON.parse(readFileSync(new URL('examples/vinh-bao/par-2026.json', ROOT), 'utf8'));
delete base.$schema;
const dir = mkdtempSync(join(tmpdir(), 'parindex-scaling-'));

/** An evidence file with `count` more entries that no criterion uses (each an EVIDENCE_UNUSED_ENTRY warning). */
function evidenceFile(count) {
  const e = structuredClone(base);
  for (let i = 0; i < count; i++) e.entries.push({ criterion: '1', documents: [{ number: `${i + 1}/QĐ-UBND`, date: '2026-02-01' }] });
  const file = join(dir, `evidence-${count}.json`);
  writeFileSync(file, JSON.stringify(e, null, 2));
  return file;
}

/** Best of three runs, in ms, and the number of located warnings. */
async function measure(file) {
  let best = Infinity;
  let located = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const s = await scoreFiles(file, {});
    best = Math.min(best, performance.now() - t0);
    located = s.warnings.filter((d) => d.code === 'EVIDENCE_UNUSED_ENTRY' && d.line !== undefined).length;
  }
  return { ms: best, located };
}

const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const sizes = counts.length ? counts : [1000, 4000];
await measure(evidenceFile(100)); // warm up: the set compiled, the code optimised
const rows = [];
for (const n of sizes) rows.push({ n, ...(await measure(evidenceFile(n))) });
for (const r of rows) console.log(`${String(r.n).padStart(6)} diagnostics: ${r.ms.toFixed(1).padStart(8)} ms (${r.located} located with line and column)`);
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1];
  const b = rows[i];
  console.log(`ratio ${b.n} / ${a.n}: time ×${(b.ms / a.ms).toFixed(2)} for ×${(b.n / a.n).toFixed(2)} diagnostics`);
}
rmSync(dir, { recursive: true, force: true });
