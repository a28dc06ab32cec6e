/**
 * parsedTextLocator (walking the text along a pointer) gives the line and column pointerLocator (the
 * syntax tree of jsonc-parser) gives, for every pointer — of a value, of a key that is not there, of an
 * index past the end, into a number — in any JSON text JSON.parse accepts: any spacing, repeated keys
 * (the last one counts, as JSON.parse), escaped keys, keys such as "01" and "" — and after its walked
 * look-ups, when the tree answers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedTextLocator, pointerLocator, readJson } from './json.js';

const RUNS = Number(process.env.PARINDEX_FUZZ_RUNS ?? 400) > 20_000 ? 20_000 : 400;

const key = fc.oneof(fc.constantFrom('a', 'b', 'entries', '0', '01', '', 'a/b', 'm~n', 'é', '"q"', 'x\\y', '\u2028'), fc.string({ maxLength: 4 }));
const space = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n  ');

/** JSON text of a random value: random spacing, and now and then a key repeated in the same object. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.constant('null'),
      fc.constant('true'),
      fc.constant('false'),
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
      fc.string({ maxLength: 6 }).map((t) => JSON.stringify(t)),
    ),
    fc.tuple(fc.array(tie('value'), { maxLength: 5 }), space, space).map(([items, s1, s2]) => `[${s1}${items.join(`${s2},${s1}`)}${s2}]`),
    fc.tuple(fc.array(fc.tuple(key, tie('value'), space), { maxLength: 5 }), fc.boolean(), space).map(([members, repeat, s]) => {
      const list = repeat && members.length > 1 ? [...members, [members[0]![0], members[members.length - 1]![1], s] as const] : members;
      return `{${s}${list.map(([k, v, sp]) => `${JSON.stringify(k)}${sp}:${sp}${v}`).join(`,${s}`)}${s}}`;
    }),
  ),
})).value;

/** Pointers into a value: its own paths, and paths that leave it (a missing key, an index past the end, a bad index). */
function pointersOf(value: unknown, prefix = '', out: string[] = []): string[] {
  out.push(prefix, `${prefix}/missing`, `${prefix}/00`, `${prefix}/-1`, `${prefix}/9`);
  if (Array.isArray(value)) value.forEach((v, i) => pointersOf(v, `${prefix}/${i}`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pointersOf(v, `${prefix}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  return out;
}

describe('parsedTextLocator', () => {
  it('gives what the syntax tree gives, for every pointer of any text JSON.parse accepts', () => {
    fc.assert(
      fc.property(jsonText, space, space, (text, before, after) => {
        const full = `${before}${text}${after}`;
        const tree = pointerLocator(full);
        // A new locator for each pointer: its walk answers each one; the shared one walks, then uses the tree.
        const shared = parsedTextLocator(full);
        for (const p of pointersOf(JSON.parse(full))) {
          expect(parsedTextLocator(full)(p), p).toEqual(tree(p));
          expect(shared(p), p).toEqual(tree(p));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an evidence file: the warnings of the example at their entries, and readJson locates with it', () => {
    const text = '{\n  "criteriaSet": "x@1",\n  "entries": [\n    { "criterion": "1.1" },\n    {\n      "criterion": "1.2",\n      "criterion": "1.3"\n    }\n  ]\n}\n';
    const doc = readJson(text);
    expect(doc.locate('/entries/1')).toEqual({ line: 5, column: 5 });
    expect(doc.locate('/entries/1/criterion')).toEqual({ line: 7, column: 7 });
    expect(doc.locate('/entries/1/missing/deeper')).toEqual({ line: 5, column: 5 });
    expect(doc.locate('/entries/7')).toEqual({ line: 3, column: 3 });
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
  });
});
