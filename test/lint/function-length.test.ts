/**
 * Functions stay short: none over 80 lines in the engine, the rules package, the explanation package
 * the command line, the workbooks and the web page (DEVELOPERS.md). Measured with the TypeScript parser: every function declaration, method,
 * arrow function and function expression, from its first line to its last.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIMIT = 80;
const TREES = ['rules/src', 'packages/engine/src', 'packages/explain/src', 'packages/cli/src', 'packages/web/src', 'packages/server/src', 'packages/workbook/src'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    // Generated code (ajv's validator of the set file: rules/src/set-validator.generated.ts) is not written by hand.
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.generated.ts') ? [p] : [];
  });
}

/** Every function longer than the limit, as "file:line name (N lines)". */
function longFunctions(file: string, limit: number): string[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : '(anonymous)';
      if (lines > limit) out.push(`${relative(ROOT, file)}:${start + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe('function length', () => {
  it(`no function over ${LIMIT} lines in ${TREES.join(', ')}`, () => {
    const long = TREES.flatMap((t) => sources(join(ROOT, t))).flatMap((f) => longFunctions(f, LIMIT));
    expect(long).toEqual([]);
  });
});
