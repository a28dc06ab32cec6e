/**
 * Our own SHA-256 (the engine's hash outside Node) held to node:crypto: known vectors, every padding
 * boundary, and random strings of any code points, astral characters and lone surrogates included
 * (both encode a lone surrogate as U+FFFD).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './canonical.js';
import { nativeSha256 } from './native-sha256.js';
import { nativeSha256 as browserSha256 } from './native-sha256.browser.js';
import { sha256Utf8Hex } from './sha256.js';

/** Random strings per run: a few hundred in the test run, many more in `pnpm test:fuzz-long`. */
const RUNS = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0) > 20_000 ? 50_000 : 500;

const node = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Utf8Hex', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Utf8Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Utf8Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Utf8Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Utf8Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto at every length around the block and padding boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      expect(sha256Utf8Hex('a'.repeat(n))).toBe(node('a'.repeat(n)));
      // Two, three and four bytes per character: the bytes end at every offset within a word.
      expect(sha256Utf8Hex('ư'.repeat(n) + 'x')).toBe(node('ư'.repeat(n) + 'x'));
      expect(sha256Utf8Hex('ả'.repeat(n))).toBe(node('ả'.repeat(n)));
      expect(sha256Utf8Hex('\u{1F600}'.repeat(n))).toBe(node('\u{1F600}'.repeat(n)));
    }
  });

  it('agrees with node:crypto on random strings of any code points, lone surrogates included', () => {
    const surrogateHalf = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
    const piece = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: surrogateHalf, maxLength: 4 }), fc.string({ maxLength: 80 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(sha256Utf8Hex(text)).toBe(node(text));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('nativeSha256 (Node) and its browser stub', () => {
  it('is node:crypto in Node, and gives the same hex as our own on strings with lone surrogates', () => {
    expect(nativeSha256).toBeTypeOf('function');
    for (const text of ['', 'abc', 'ư\u{1F600}x', 'a\ud800b\udc00', 'x'.repeat(1000)]) {
      expect(nativeSha256!(text)).toBe(node(text));
      expect(sha256Hex(text)).toBe(sha256Utf8Hex(text));
    }
  });

  it('is absent in the browser stub (package.json "browser"), which leaves hashing to sha256Utf8Hex', () => {
    expect(browserSha256).toBeUndefined();
  });
});
