/**
 * The criteria sets shipped in rules/sets/, by ref, each with its canonical SHA-256 (CompiledSet.sha256,
 * the hash the provenance carries), checked in full by compile() when this table was written. Generated
 * by packages/engine/scripts/write-shipped-sets.mjs (`pnpm schema`); a test fails when it and the sets drift.
 */
export const SHIPPED_SETS: Readonly<Record<string, string>> = Object.freeze({
  'model.commune-dti@2026': '452874de381a06181cdb1c1b7f10f0113fe1d35c2d532255a4c1f4fe3d68a8f9',
  'model.commune-par@2026': 'eff37827a269c0e4ea7cb510884734eba06169b5cb5361ffe19818957fc7cecb',
  'model.commune-sipas@2026': '962554901c768fcf5be34f81ea61dfb33e651b97f6675ef69e15b584bf50d95c',
  'targets.dai-son@2026': '99f8c219e49c4e38d8e9e12ce0605e0c989f88d23430aab45c064b828ef454d5',
  'targets.dai-son@2028': '36b67890554ed6b760377de8c314062df22af2ac9bad9ca176f134e7941308f4',
  'targets.kien-tho@2026': 'f3c54fa0d826de983f4039b9c01dbedae276785b600193b461a8fbc6a145e672',
  'targets.tran-lieu@2025.2': '05e77bd2c60c839092668e2d83afa91d3d633d95496e5f4eb393873254c98f26',
});
