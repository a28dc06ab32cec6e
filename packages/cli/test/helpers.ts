import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'packages/cli/dist/parindex.js');
export const VB = 'examples/vinh-bao/par-2026.json';
export const VB_APPRAISAL = 'examples/vinh-bao/appraisal-2026.json';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the BUILT CLI (dist/parindex.js) as a user would, from the repository root: a new process each
 * time, so keep these for what needs one (the bundle itself, worker threads, exit codes of the bin).
 */
export function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run the CLI's main() in this process, from its TypeScript sources (no build needed), with stdout and
 * stderr captured, not a terminal, from the repository root and with `env` set: what a spawned `cli()`
 * prints, without a process start each. Calls run one after the other (stdout and stderr are this
 * process's own), so `Promise.all([cliInProcess(…), cliInProcess(…)])` is fine.
 */
export function cliInProcess(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const next = queue.then(() => runNow(args, env));
  queue = next.catch(() => undefined);
  return next;
}

type Write = typeof process.stdout.write;

async function runNow(args: string[], env: Record<string, string>): Promise<Run> {
  const { main } = await import('../src/main.js');
  // Relative paths in the arguments and in the output are from the root, as for cli().
  if (resolve(process.cwd()) !== resolve(ROOT)) process.chdir(ROOT);
  let stdout = '';
  let stderr = '';
  const capture = (add: (s: string) => void): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      add(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      if (done) queueMicrotask(done);
      return true;
    }) as Write;
  const saved = { out: process.stdout.write, err: process.stderr.write, outTty: process.stdout.isTTY, errTty: process.stderr.isTTY };
  const savedEnv = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries({ NO_COLOR: '1', ...env })) {
    savedEnv.set(k, process.env[k]);
    process.env[k] = v;
  }
  process.stdout.write = capture((s) => {
    stdout += s;
  });
  process.stderr.write = capture((s) => {
    stderr += s;
  });
  process.stdout.isTTY = false;
  process.stderr.isTTY = false;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.stdout.isTTY = saved.outTty;
    process.stderr.isTTY = saved.errTty;
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parindex-cli-'));
}

export function writeTemp(dir: string, name: string, content: string | object): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
