/** @internal What bundles for the browser take for ./native-sha256.ts (package.json "browser"): no native SHA-256, ./sha256.ts hashes. */
export const nativeSha256: ((text: string) => string) | undefined = undefined;
