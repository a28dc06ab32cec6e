/**
 * The criteria sets shipped in rules/sets/, by ref, each with its canonical SHA-256 (CompiledSet.sha256,
 * the hash the provenance carries), checked in full by compile() when this table was written. Generated
 * by packages/engine/scripts/write-shipped-sets.mjs (`pnpm schema`); a test fails when it and the sets drift.
 */
export const SHIPPED_SETS: Readonly<Record<string, string>> = Object.freeze({
  'model.commune-dti@2026': '209211dc0a584d44f54ffbfd5bea443b41ed5c2c417eb3f5137d9a436654ce97',
  'model.commune-par@2026': '69cdb4b5d94c28e3000babe4b9b354f2ca5be2e4e31edf8dd3cfd9b2e8f76035',
  'model.commune-sipas@2026': '214439e95cb223f61a287a20bbd5f6e216971ae85f0eb0ad6863c9c3f1f3bbea',
  'targets.dai-son@2026': '4baa3e1b9d4aca5c671c34a3e796344207329a769219ed723abf9c15419cd2e9',
  'targets.dai-son@2028': '48018b41a0a31601c074bbb17505e79dbb96c83274cd4f3b9fcdb3882f92eeab',
  'targets.kien-tho@2026': 'a1ab70059763548573e0bd4e2cddad67de865894f1383a8072c41da4a5b4f798',
  'targets.tran-lieu@2025.2': 'a58a2bdd938b03f20d4dd0a35b5b9025697490778802f158eb824f469e749088',
});
