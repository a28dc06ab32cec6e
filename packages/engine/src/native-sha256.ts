/**
 * @internal Node's native SHA-256 when the engine runs in Node (no import: the engine bundles for browsers
 * as is), else undefined (canonical.ts then hashes with ./sha256.ts). A browser has no synchronous native
 * SHA-256, so bundles for the browser take ./native-sha256.browser.ts instead (the package's "browser"
 * field, which esbuild, webpack and Vite follow): the same hashes, without this code.
 */
interface NodeHash {
  update(data: string, encoding: 'utf8'): NodeHash;
  digest(encoding: 'hex'): string;
}
type CreateHash = (algorithm: 'sha256') => NodeHash;
/** crypto.hash (Node ≥ 20.12): one-shot, a string is hashed as its UTF-8 bytes, like update(text, 'utf8'). */
type OneShotHash = (algorithm: 'sha256', data: string, encoding: 'hex') => string;

/** Lowercase hex SHA-256 of a string's UTF-8 bytes (lone surrogates as U+FFFD), by Node's crypto; undefined outside Node. */
export const nativeSha256: ((text: string) => string) | undefined = (() => {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = proc?.getBuiltinModule?.('crypto') as { createHash?: CreateHash; hash?: OneShotHash } | undefined;
    const { createHash, hash } = mod ?? {};
    if (typeof createHash !== 'function') return undefined;
    return typeof hash === 'function' ? (text: string) => hash('sha256', text, 'hex') : (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  } catch {
    return undefined;
  }
})();
