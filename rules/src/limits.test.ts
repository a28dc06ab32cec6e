/**
 * Every limit of limits.ts, just under and just over, on both validation paths where it applies:
 * the file path (readJson / validateSetText) and the value path (parseCriteriaSet, for values that never
 * were text). docs/limits.md documents the same table.
 */
import { diagnosticText } from '../../packages/explain/src/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostics.js';
import { readJson } from './json.js';
import { LIMITS } from './limits.js';
import { parseCriteriaSet } from './parse.js';
import { validateSetText } from './validate-file.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const BASE = readFileSync(here('../../test/conformance/engine/shapes.set.json'), 'utf8');
const base = (): Record<string, any> => JSON.parse(BASE);
const codes = (ds: Diagnostic[]) => [...new Set(ds.map((d) => d.code))].sort();
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 'error');

/** A set whose first leaf (1.1) scores with the expression `logic`. */
function withLogic(logic: unknown): Record<string, any> {
  const s = base();
  s.fields[0].children[0].rule = { type: 'expression', logic };
  return s;
}
function bothPaths(value: unknown): { file: Diagnostic[]; value: Diagnostic[] } {
  return { file: validateSetText(JSON.stringify(value), 'x.json').diagnostics, value: parseCriteriaSet(value).diagnostics };
}

/** A valid set with `leaves` leaves spread over fields of at most 199 children (each leaf: 1 point, own input). */
function bigSet(nodes: number, inputsPerLeaf = 1): Record<string, any> {
  const s = base();
  delete s.inputs;
  delete s.bonus;
  delete s.penalty;
  s.classification = undefined;
  const fields: any[] = [];
  let left = nodes;
  let f = 0;
  while (left > 0) {
    f++;
    const children = Math.min(199, left - 1);
    left -= 1 + children;
    const kids = Array.from({ length: children }, (_, i) => ({
      code: `${f}.${i + 1}`,
      title: 't',
      max: 1,
      source: { document: 'Kế hoạch 1/KH-UBND' },
      inputs: Array.from({ length: inputsPerLeaf }, (_, k) => ({ id: `i${f}_${i}_${k}`, type: 'boolean', label: 'l' })),
      rule: { type: 'boolean', input: `i${f}_${i}_0` },
    }));
    fields.push(
      children > 0
        ? { code: String(f), title: 't', max: children, children: kids }
        : { code: String(f), title: 't', max: 1, source: { document: 'Kế hoạch 1/KH-UBND' }, inputs: [{ id: `i${f}`, type: 'boolean', label: 'l' }], rule: { type: 'boolean', input: `i${f}` } },
    );
  }
  s.fields = fields;
  return s;
}

describe('LIMITS.fileBytes', () => {
  it('reads a file of exactly the limit and refuses one byte more (UTF-8 bytes, not characters)', () => {
    const at = '{}' + ' '.repeat(LIMITS.fileBytes - 2);
    expect(readJson(at).diagnostics).toEqual([]);
    expect(readJson(at + ' ').diagnostics).toMatchObject([{ code: 'FILE_TOO_LARGE', params: { size: LIMITS.fileBytes + 1, limit: LIMITS.fileBytes } }]);
    // "ế" is 3 bytes in UTF-8.
    const vi = '{}' + ' '.repeat(LIMITS.fileBytes - 4) + 'ế';
    expect(readJson(vi).diagnostics.map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
  });
});

describe('LIMITS.jsonDepth', () => {
  const nest = (n: number) => '{"a":' + '['.repeat(n - 1) + ']'.repeat(n - 1) + '}';
  it('file: depth 64 reads, 65 is JSON_TOO_DEEP with line and column', () => {
    expect(readJson(nest(LIMITS.jsonDepth)).diagnostics).toEqual([]);
    expect(readJson(nest(LIMITS.jsonDepth + 1)).diagnostics).toMatchObject([{ code: 'JSON_TOO_DEEP', line: 1, column: 5 + LIMITS.jsonDepth }]);
    expect(validateSetText('[' + nest(100_000) + ']').diagnostics.map((d) => d.code)).toEqual(['JSON_TOO_DEEP']);
  });
  it('value: the same limit before zod (100,000 levels would overflow its stack)', () => {
    const deep = (n: number) => {
      let v: unknown = 1;
      for (let i = 1; i < n; i++) v = { a: v };
      return v;
    };
    const at = base();
    at.notes = deep(LIMITS.jsonDepth); // the set object itself is level 1: 63 more objects
    expect(codes(parseCriteriaSet(at).diagnostics)).toEqual(['SET_SCHEMA']);
    const over = base();
    over.notes = deep(LIMITS.jsonDepth + 1);
    expect(parseCriteriaSet(over).diagnostics).toMatchObject([{ code: 'JSON_TOO_DEEP', path: '/notes' + '/a'.repeat(LIMITS.jsonDepth - 1) }]);
    const hostile = base();
    let v: any = { input: 'plan_ok', is: true };
    for (let i = 0; i < 100_000; i++) v = { not: v };
    hostile.fields[0].children[0].rule = { type: 'allOf', conditions: [v] };
    expect(codes(parseCriteriaSet(hostile).diagnostics)).toEqual(['JSON_TOO_DEEP']);
  });
  it('value: a cycle is reported as too deep, not a hang', () => {
    const s = base();
    const loop: any = { not: null };
    loop.not = loop;
    s.fields[0].children[0].applicability = { notApplicableWhen: loop };
    expect(codes(parseCriteriaSet(s).diagnostics)).toEqual(['JSON_TOO_DEEP']);
  });
});

describe('LIMITS.textLength', () => {
  it('a string of 20,000 characters passes the pre-check, 20,001 is LIMIT_EXCEEDED, on both paths', () => {
    const at = base();
    at.notes = 'x'.repeat(LIMITS.textLength);
    expect(errors(bothPaths(at).file)).toEqual([]);
    expect(errors(bothPaths(at).value)).toEqual([]);
    const over = base();
    over.notes = 'x'.repeat(LIMITS.textLength + 1);
    const r = bothPaths(over);
    // line and column of the "notes" property in the (one-line) text
    expect(r.file).toMatchObject([{ code: 'LIMIT_EXCEEDED', path: '/notes', line: 1, column: JSON.stringify(over).indexOf('"notes"') + 1 }]);
    expect(r.value).toMatchObject([{ code: 'LIMIT_EXCEEDED', path: '/notes' }]);
  });
  it('a 10 MB string in an expression is refused before the schema', () => {
    const r = bothPaths(withLogic('x'.repeat(10 * 1024 * 1024)));
    expect(codes(r.file)).toEqual(['LIMIT_EXCEEDED']);
    expect(codes(r.value)).toEqual(['LIMIT_EXCEEDED']);
  });
  it('applies to keys too', () => {
    const over = base();
    over['k'.repeat(LIMITS.textLength + 1)] = 1;
    expect(codes(parseCriteriaSet(over).diagnostics)).toEqual(['LIMIT_EXCEEDED']);
  });
});

describe('LIMITS.arrayItems and LIMITS.setArrayItems', () => {
  it('any file: 20,000 items read, 20,001 is LIMIT_EXCEEDED', () => {
    expect(readJson(JSON.stringify({ a: new Array(LIMITS.arrayItems).fill(0) })).diagnostics).toEqual([]);
    expect(readJson(JSON.stringify({ a: new Array(LIMITS.arrayItems + 1).fill(0) })).diagnostics).toMatchObject([{ code: 'LIMIT_EXCEEDED', path: '/a', params: { count: LIMITS.arrayItems + 1 } }]);
  });
  it('a criteria set: 2,000 items reach the schema, 2,001 do not (both paths)', () => {
    // (no list of a valid set is that long: an expression's arguments come closest; here the expression
    // check, past the schema, is what refuses it)
    const at = bothPaths(withLogic({ '+': new Array(LIMITS.setArrayItems - 1).fill(1).concat([{ var: 'plan_ok' }]) }));
    // (errors: the fixture's sources, "test", are SET_SOURCE_NOT_DOCUMENT warnings)
    expect(codes(at.file.filter((d) => d.severity === 'error'))).toEqual(['SET_EXPRESSION_SIZE']);
    expect(codes(at.value.filter((d) => d.severity === 'error'))).toEqual(['SET_EXPRESSION_SIZE']);
    const over = bothPaths(withLogic({ '+': new Array(LIMITS.setArrayItems + 1).fill(1) }));
    expect(over.file).toMatchObject([{ code: 'LIMIT_EXCEEDED', path: '/fields/0/children/0/rule/logic/+', line: expect.any(Number) }]);
    expect(over.value).toMatchObject([{ code: 'LIMIT_EXCEEDED', path: '/fields/0/children/0/rule/logic/+' }]);
  });
  it('a million items are refused by the pre-check alone', () => {
    const s = base();
    s.fields = new Array(1_000_000).fill(s.fields[0]);
    expect(codes(parseCriteriaSet(s).diagnostics)).toEqual(['LIMIT_EXCEEDED']);
    const text = BASE.replace('"fields": [', '"fields": [' + '1,'.repeat(1_000_000));
    expect(codes(validateSetText(text).diagnostics)).toEqual(['LIMIT_EXCEEDED']);
  });
});

describe('LIMITS.objectKeys', () => {
  it('10,000 properties pass the pre-check, 10,001 is LIMIT_EXCEEDED', () => {
    const obj = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]));
    expect(readJson(JSON.stringify({ a: obj(LIMITS.objectKeys) })).diagnostics).toEqual([]);
    expect(readJson(JSON.stringify({ a: obj(LIMITS.objectKeys + 1) })).diagnostics).toMatchObject([{ code: 'LIMIT_EXCEEDED', path: '/a' }]);
    const s = base();
    s.fields[0].children[1].rule.points = obj(LIMITS.objectKeys + 1);
    expect(codes(parseCriteriaSet(s).diagnostics)).toEqual(['LIMIT_EXCEEDED']);
  });
});

describe('LIMITS.jsonValues', () => {
  it('5,000,000 values pass the pre-check, one more is LIMIT_EXCEEDED', () => {
    // The root object is 1 value, the list 1, each row 1 + its items.
    const rows = (total: number) => {
      const list: number[][] = [];
      let left = total - 2;
      while (left > 0) {
        const n = Math.min(LIMITS.arrayItems, left - 1);
        list.push(new Array(n).fill(0));
        left -= n + 1;
      }
      return { list };
    };
    expect(readJson(JSON.stringify(rows(LIMITS.jsonValues))).diagnostics).toEqual([]);
    const over = readJson(JSON.stringify(rows(LIMITS.jsonValues + 1))).diagnostics;
    expect(codes(over)).toEqual(['LIMIT_EXCEEDED']);
    expect(over[0]!.params).toEqual({ what: 'fileValues', count: null, limit: LIMITS.jsonValues });
    expect(diagnosticText(over[0]!, 'en')).toBe('Too many values in one file: more than 5,000,000; the limit is 5,000,000.');
    expect(diagnosticText(over[0]!, 'vi')).toBe('Quá nhiều giá trị trong một tệp: hơn 5.000.000; giới hạn là 5.000.000.');
  });
});

describe('LIMITS.diagnostics', () => {
  it('the pre-check stops after 100 problems', () => {
    const list = Array.from({ length: 1000 }, () => JSON.parse('{"__proto__": 1}'));
    expect(readJson(JSON.stringify({ list })).diagnostics).toHaveLength(LIMITS.diagnostics);
  });
});

describe('LIMITS.treeDepth', () => {
  const chain = (levels: number, lastCode?: string) => {
    const s = base();
    let leaf: any = { code: '', title: 't', max: 1, source: { document: 'Kế hoạch 1/KH-UBND' }, rule: { type: 'boolean', input: 'plan_ok' } };
    const codeAt = (l: number) => ['1', ...new Array(l - 1).fill('1')].join('.');
    leaf.code = lastCode ?? codeAt(levels);
    for (let l = levels - 1; l >= 1; l--) leaf = { code: codeAt(l), title: 't', max: 1, children: [leaf] };
    s.fields[0].children[0] = { ...s.fields[0].children[0], max: 1 };
    s.fields = [leaf, ...s.fields.slice(1)];
    s.fields[0].max = 1;
    // keep plan_ok declared at set level
    s.inputs.push({ id: 'plan_ok', type: 'boolean', label: 'l' });
    return s;
  };
  it('6 levels are accepted, a 7th is SET_DEPTH', () => {
    const at = chain(LIMITS.treeDepth);
    const r = bothPaths(at);
    expect(errors(r.file)).toEqual([]);
    expect(errors(r.value)).toEqual([]);
    const over = chain(LIMITS.treeDepth + 1, '2');
    expect(codes(errors(parseCriteriaSet(over).diagnostics))).toContain('SET_DEPTH');
    expect(codes(errors(validateSetText(JSON.stringify(over)).diagnostics))).toContain('SET_DEPTH');
  });
});

describe('LIMITS.criteria and LIMITS.inputs', () => {
  it('5,000 criteria are accepted, 5,001 are LIMIT_EXCEEDED', () => {
    expect(errors(parseCriteriaSet(bigSet(LIMITS.criteria)).diagnostics)).toEqual([]);
    expect(parseCriteriaSet(bigSet(LIMITS.criteria + 1)).diagnostics).toMatchObject([{ code: 'LIMIT_EXCEEDED', params: { what: 'criteria', count: LIMITS.criteria + 1 } }]);
    expect(validateSetText(JSON.stringify(bigSet(LIMITS.criteria + 1))).diagnostics).toMatchObject([{ code: 'LIMIT_EXCEEDED', params: { what: 'criteria' } }]);
  });
  it('10,000 inputs are accepted, 10,001 are LIMIT_EXCEEDED', () => {
    // 201 nodes = 1 field + 200 leaves… fields hold 199 children, so: 2 fields, 200 leaves, 50 inputs each.
    const at = bigSet(202, 50);
    const count = (s: any) => s.fields.reduce((n: number, f: any) => n + (f.children ?? [f]).reduce((m: number, c: any) => m + c.inputs.length, 0), 0);
    expect(count(at)).toBe(LIMITS.inputs);
    expect(errors(parseCriteriaSet(at).diagnostics)).toEqual([]);
    const over = bigSet(202, 50);
    over.inputs = [{ id: 'one_more', type: 'boolean', label: 'l' }];
    expect(parseCriteriaSet(over).diagnostics).toMatchObject([{ code: 'LIMIT_EXCEEDED', params: { what: 'inputs', count: LIMITS.inputs + 1 } }]);
  });
});

describe('LIMITS.expressionDepth and LIMITS.expressionNodes', () => {
  const nested = (n: number) => {
    let v: unknown = { var: 'plan_ok' };
    for (let i = 0; i < n; i++) v = { '!!': v };
    return v;
  };
  it('an expression nesting 32 operators deep is accepted, 33 is SET_EXPRESSION_DEPTH', () => {
    // 32 operations around {"var": …} (which is then at depth 32) are accepted.
    expect(errors(bothPaths(withLogic(nested(LIMITS.expressionDepth))).value)).toEqual([]);
    expect(errors(bothPaths(withLogic(nested(LIMITS.expressionDepth))).file)).toEqual([]);
    const over = bothPaths(withLogic(nested(LIMITS.expressionDepth + 1)));
    expect(codes(errors(over.value))).toEqual(['SET_EXPRESSION_DEPTH']);
    expect(codes(errors(over.file))).toEqual(['SET_EXPRESSION_DEPTH']);
  });
  it('an expression of 2,000 nodes is accepted, 2,001 is SET_EXPRESSION_SIZE', () => {
    // {"+": [a, b, …]} is 1 node for the operation and 1 per argument ({"var": "x"} is 1 node).
    const sum = (nodes: number) => ({ '+': [{ var: 'plan_ok' }, ...new Array(nodes - 2).fill(1)] });
    expect(errors(bothPaths(withLogic(sum(LIMITS.expressionNodes))).value)).toEqual([]);
    expect(codes(errors(bothPaths(withLogic(sum(LIMITS.expressionNodes + 1))).value))).toEqual(['SET_EXPRESSION_SIZE']);
  });
});
