/**
 * The engine changes no global state: a host that uses json-logic-js and decimal.js itself sees the same
 * operations and the same Decimal configuration before and after loading the engine and scoring hostile
 * input, and no prototype gains a property.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import jsonLogic from 'json-logic-js';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SET = readFileSync(here('../../../test/conformance/engine/shapes.set.json'), 'utf8');
const EVIDENCE = readFileSync(here('../../../test/conformance/engine/full.evidence.json'), 'utf8');

const CANDIDATES = [
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'and',
  'or',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'in',
  'cat',
  'substr',
  'merge',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'method',
  'constructor',
  '__proto__',
  'toString',
];

/** What json-logic-js does with each candidate operator (the result, or the error message). */
function logicBehaviour(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const op of CANDIDATES) {
    try {
      out[op] = JSON.stringify(jsonLogic.apply({ [op]: [1, 2] } as never, { a: 1 })) ?? 'undefined';
    } catch (e) {
      out[op] = `throws: ${(e as Error).message}`;
    }
  }
  try {
    out['method:toUpperCase'] = JSON.stringify(jsonLogic.apply({ method: ['abc', 'toUpperCase'] } as never));
  } catch (e) {
    out['method:toUpperCase'] = `throws: ${(e as Error).message}`;
  }
  return out;
}

function decimalConfig() {
  return {
    precision: Decimal.precision,
    rounding: Decimal.rounding,
    toExpNeg: Decimal.toExpNeg,
    toExpPos: Decimal.toExpPos,
    minE: Decimal.minE,
    maxE: Decimal.maxE,
    modulo: Decimal.modulo,
    crypto: Decimal.crypto,
  };
}

const protoNames = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  func: Object.getOwnPropertyNames(Function.prototype).sort(),
  string: Object.getOwnPropertyNames(String.prototype).sort(),
});

describe('global state', () => {
  it('loading the engine and scoring hostile input leaves json-logic-js, decimal.js and the prototypes as they were', async () => {
    // The host configures its own Decimal, and adds its own json-logic operation.
    Decimal.set({ precision: 7, rounding: Decimal.ROUND_DOWN });
    jsonLogic.add_operation('host_op', (a: number) => a * 2);
    const logicBefore = logicBehaviour();
    const decimalBefore = decimalConfig();
    const protoBefore = protoNames();
    expect(logicBefore['host_op' as never]).toBeUndefined();
    expect(jsonLogic.apply({ host_op: [21] } as never)).toBe(42);

    const { compile, score, checkEvidence, evaluateLogic, ParindexError } = await import('@parindex/engine');

    // Exact arithmetic inside, whatever the host's precision: 1234567 ÷ 1234690 ≥ 0.9999 needs more than 7 digits.
    const compiled = compile(JSON.parse(SET));
    const result = score(compiled, JSON.parse(EVIDENCE));
    expect(result.fields[1]!.children!.find((c) => c.code === '2.5')!.points).toBe('1');

    // Hostile input: forbidden keys as JSON.parse makes them, prototype-reading expressions, the old "method".
    const hostileEvidence = JSON.parse(
      EVIDENCE.replace('"entries": [', '"__proto__": {"polluted": true}, "entries": [{"criterion": "1.1", "values": {"constructor": {"prototype": {"polluted": true}}}},'),
    );
    expect(() => score(compiled, hostileEvidence)).toThrow(ParindexError);
    expect(checkEvidence(compiled, hostileEvidence).map((d) => d.code)).toContain('JSON_FORBIDDEN_KEY');
    for (const logic of [{ var: '__proto__' }, { var: 'constructor.name' }, { var: 'resolved.constructor' }, { method: [{ var: 'dossiers' }, 'toString'] }, { var: '__proto__.polluted' }]) {
      const s = JSON.parse(SET);
      s.fields[1].children[4].rule.logic = logic;
      expect(() => compile(s)).toThrow(ParindexError);
      // The evaluator itself, given an expression compile() would refuse, reads nothing from prototypes.
      const scope = (name: string) => (({ a: 1 }) as Record<string, unknown>)[name] as never;
      try {
        const v = evaluateLogic(logic, (name, option) => (Object.hasOwn({ a: 1 }, name) && option === undefined ? scope(name) : undefined));
        expect(v).toBeNull();
      } catch (e) {
        expect((e as Error).name).toBe('LogicError');
      }
    }

    expect(logicBehaviour()).toEqual(logicBefore);
    expect(jsonLogic.apply({ host_op: [21] } as never)).toBe(42);
    expect(decimalConfig()).toEqual(decimalBefore);
    expect(new Decimal(1).div(3).toString()).toBe('0.3333333');
    expect(protoNames()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it("registers no schema in zod's global registry (the format's ids live in a registry of its own)", async () => {
    const ids = (z.globalRegistry as unknown as { _idmap: Map<string, unknown> })._idmap;
    const before = [...ids.keys()];
    const engine = await import('@parindex/engine');
    const { SCHEMA_REGISTRY } = await import('@parindex/rules');
    engine.compile(JSON.parse(SET));
    expect([...ids.keys()]).toEqual(before);
    expect((SCHEMA_REGISTRY as unknown as { _idmap: Map<string, unknown> })._idmap.has('CriteriaSet')).toBe(true);
  });
});
