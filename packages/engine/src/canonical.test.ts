import { describe, expect, it } from 'vitest';
import { canonicalJson, hashJson, sha256Hex } from './canonical.js';
import { sha256Utf8Hex } from './sha256.js';

describe('canonical JSON and SHA-256', () => {
  it("Node's native SHA-256 (used when available) gives the same hex as our own (used in browsers)", () => {
    const texts = ['', 'a', 'Chỉ số cải cách hành chính', '\u{1F600}', 'lone \ud800 surrogate', 'x'.repeat(100_000), JSON.stringify({ a: [1, 2.5, 'ư'] })];
    for (const t of texts) expect(sha256Hex(t)).toBe(sha256Utf8Hex(t));
  });

  it('sorts keys, drops undefined members, writes undefined items as null', () => {
    expect(canonicalJson({ b: 1, a: [undefined, 'x', { d: undefined, c: true }], e: null })).toBe('{"a":[null,"x",{"c":true}],"b":1,"e":null}');
    expect(canonicalJson({ '"q"': 1, 'a\nb': 2 })).toBe('{"\\"q\\"":1,"a\\nb":2}');
    expect(hashJson({ b: 1, a: 2 })).toBe(hashJson({ a: 2, b: 1 }));
  });
});
