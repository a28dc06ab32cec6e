/**
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, for the engine outside Node (Node's own crypto is used
 * when there is one, canonical.ts). Our own rather than @noble/hashes for size alone: the scoring entry a
 * dashboard bundles has a 35 KB gzip budget, and @noble/hashes brings its generic hash framework (~2.3 KB
 * gzip) for this one function; this file is ~0.7 KB. It is held to node:crypto by property tests on random
 * strings, astral characters and lone surrogates included (sha256.test.ts).
 */

/**
 * The constants of FIPS 180-4 (4.2.2, 5.3.3), computed rather than written out (fewer bytes): K[i] is the
 * first 32 bits of the fractional part of the cube root of the i-th prime, H0[i] of the square root of the
 * first 8. Floating point gives them exactly: each of these fractions × 2^32 is at least 0.0055 away from a
 * whole number, and a root even a hundred ulps off moves it by less than 0.0004. The test vectors pin them.
 */
const [K, H0] = /* @__PURE__ */ (() => {
  const k = new Int32Array(64);
  const h = new Int32Array(8);
  for (let p = 2, i = 0; i < 64; p++) {
    let prime = true;
    for (let q = 2; q * q <= p; q++) if (p % q === 0) prime = false;
    if (!prime) continue;
    if (i < 8) h[i] = (Math.sqrt(p) % 1) * 2 ** 32;
    k[i++] = (Math.cbrt(p) % 1) * 2 ** 32;
  }
  return [k, h];
})();

/** TextEncoder, as browsers and Node (≥ 11) have it; the engine is built without DOM or Node types. */
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/**
 * Lowercase hex SHA-256 of the UTF-8 bytes of `text` (TextEncoder: a lone surrogate is encoded as U+FFFD,
 * as Node encodes it).
 */
export function sha256Utf8Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const n = bytes.length;
  // The message padded: a 1 bit, zeros, the length in bits as a 64-bit big-endian number; a whole
  // number of 64-byte blocks, read as big-endian words.
  const size = (((n + 8) >> 6) + 1) << 6;
  const m = new Uint8Array(size);
  m.set(bytes);
  m[n] = 0x80;
  const view = new DataView(m.buffer);
  view.setUint32(size - 8, n / 0x20000000); // the high word of 8n (n < 2^53), truncated to a whole number
  view.setUint32(size - 4, n << 3);
  const h = H0.slice();
  const w = new Int32Array(64);
  for (let block = 0; block < size; block += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(block + 4 * t);
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!;
      const y = w[t - 2]!;
      w[t] = (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10)) + w[t - 7]! + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[t - 16]!;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let k = h[7]!;
    for (let t = 0; t < 64; t++) {
      const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0]! += a;
    h[1]! += b;
    h[2]! += c;
    h[3]! += d;
    h[4]! += e;
    h[5]! += f;
    h[6]! += g;
    h[7]! += k;
  }
  let hex = '';
  for (const x of h) hex += (x >>> 0).toString(16).padStart(8, '0');
  return hex;
}
