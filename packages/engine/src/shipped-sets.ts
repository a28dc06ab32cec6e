/**
 * The criteria sets shipped in rules/sets/, by ref, each with its canonical SHA-256 (CompiledSet.sha256,
 * the hash the provenance carries), checked in full by compile() when this table was written. Generated
 * by packages/engine/scripts/write-shipped-sets.mjs (`pnpm schema`); a test fails when it and the sets drift.
 */
export const SHIPPED_SETS: Readonly<Record<string, string>> = Object.freeze({
  'model.commune-dti@2026': 'abc59a5391c6e087fee1f8bb0760073fb582f66e3c52988bcd3ddf7da8baa856',
  'model.commune-par@2026': '32f65eab14d780dc045693ba3ca15f6ac771928b223109c77947a30dd2da3fec',
  'model.commune-sipas@2026': 'ed9dd9367b4eddcd408ca9f17f60519c07fbb74bf1bd0ab8f571ad7d75bc7516',
  'targets.dai-son@2026': 'acb7153d96514a506925b15fa5f080e4c5dcf9482d2dfc0907d4963aa7726fba',
  'targets.dai-son@2028': 'c26a08bffcd424d575f2e4aa4b4e277a0ff1d014d4a1e6ddd3f2e89a89c94bff',
  'targets.kien-tho@2026': 'dc4ba6750d190c88d73021f64e9755fb99ffdf69236aae5ec473195bf4a776f3',
  'targets.tran-lieu@2025.2': 'ee2abf37537c8080ce616d83e2ee73cd24bc2bb35de859ea16d133a761fcffa9',
});
