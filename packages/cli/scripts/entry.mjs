// dist/parindex.js, for `node dist/parindex.js`. In the repository (scripts/bundle.mjs): a symbolic link
// to launch.cjs. Node takes the format of its entry from the real path (launch.cjs: CommonJS), so that it
// starts without its ES module loader, ~5 ms of a cold start, as the installed bin does. In a packed
// package (prepack; postpack puts the link back), and where no link can be made (Windows without the
// right): an ES module that imports the launcher, since a pack leaves symbolic links out. The same
// program either way, the module a little slower to start.
import { chmodSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const STUB = "#!/usr/bin/env node\n// The parindex command: dist/launch.cjs (see src/launch.cts).\nimport './launch.cjs';\n";

/** Write dist/parindex.js as a link to launch.cjs (`link`) or as the ES module (`module`), atomically. */
export function writeEntry(dist, kind) {
  const file = `${dist}parindex.js`;
  rmSync(`${file}.tmp`, { force: true });
  try {
    if (kind !== 'link') throw new Error('module asked for');
    symlinkSync('launch.cjs', `${file}.tmp`);
  } catch {
    writeFileSync(`${file}.tmp`, STUB);
    chmodSync(`${file}.tmp`, 0o755);
  }
  renameSync(`${file}.tmp`, file);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeEntry(fileURLToPath(new URL('../dist/', import.meta.url)), process.argv[2]);
