/**
 * The scoring path carries no zod of the engine's: score() reads evidence and appraisals with the
 * zod-free checks (shape-check.ts); the zod definitions of the formats (evidence-zod.ts,
 * appraisal-zod.ts) are for the JSON Schema files and the tests. Checked on a bundle of the built
 * dist/score.js, as a browser bundler makes it (the rules package's own zod is counted apart).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

it('a bundle of score() has no engine module that imports zod, and neither zod definition of a format', async () => {
  const out = await build({ entryPoints: [`${dist}score.js`], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'error' });
  const inputs = out.metafile.inputs;
  const engine = Object.keys(inputs).filter((p) => p.includes('packages/engine/dist/'));
  expect(engine.some((p) => p.endsWith('/evidence.js'))).toBe(true);
  expect(engine.some((p) => p.endsWith('/appraisal.js'))).toBe(true);
  expect(engine.filter((p) => p.endsWith('-zod.js'))).toEqual([]);
  expect(engine.filter((p) => inputs[p]!.imports.some((i) => /(^|\/)zod(\/|$)/.test(i.path)))).toEqual([]);
});
