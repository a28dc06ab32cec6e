/**
 * The criteria sets shipped in rules/sets/, by ref, each with its canonical SHA-256 (CompiledSet.sha256,
 * the hash the provenance carries), checked in full by compile() when this table was written. Generated
 * by packages/engine/scripts/write-shipped-sets.mjs (`pnpm schema`); a test fails when it and the sets drift.
 */
export const SHIPPED_SETS: Readonly<Record<string, string>> = Object.freeze({
  'model.commune-dti@2026': '2fd4b5e190e75c9231765bf1e5e13ad5987e83349c5dd0dec9040ffe7db456fb',
  'model.commune-par@2026': '78e87b66f2f8fbff0089d6580d52cded0f0454e78f2f632e8299de7cbb296791',
  'model.commune-sipas@2026': '25ff69f9a9283993430364903483780b009c7a23c5622632f04b80e27a5feb1c',
  'targets.dai-son@2026': '4baa3e1b9d4aca5c671c34a3e796344207329a769219ed723abf9c15419cd2e9',
  'targets.dai-son@2028': '48018b41a0a31601c074bbb17505e79dbb96c83274cd4f3b9fcdb3882f92eeab',
  'targets.kien-tho@2026': 'a1ab70059763548573e0bd4e2cddad67de865894f1383a8072c41da4a5b4f798',
  'targets.tran-lieu@2025.2': 'a58a2bdd938b03f20d4dd0a35b5b9025697490778802f158eb824f469e749088',
});
