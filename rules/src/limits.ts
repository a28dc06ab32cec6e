/**
 * Explicit limits on untrusted input. docs/limits.md documents them; tests check just under and just
 * over each one.
 */
export const LIMITS = {
  /** Largest rule, evidence or appraisal file, in bytes (UTF-8). */
  fileBytes: 20 * 1024 * 1024,
  /** Deepest JSON nesting of any file. */
  jsonDepth: 64,
  /** Deepest criteria tree (field = level 1). */
  treeDepth: 6,
  /** Most criteria (all nodes) in one set. */
  criteria: 5_000,
  /** Most inputs declared in one set. */
  inputs: 10_000,
  /** Deepest json-logic expression. */
  expressionDepth: 32,
  /** Most nodes in one json-logic expression. */
  expressionNodes: 2_000,
  /** Largest magnitude of any number an expression computes or writes: below 10^30. */
  expressionMagnitude: 30,
  /** Most integer digits of a number given as evidence (count, decimal, percent): below 10^15. */
  valueDigits: 15,
  /** Most entries in one evidence file. */
  evidenceEntries: 20_000,
  /** Most documents on one evidence entry. */
  documentsPerEntry: 200,
  /** Longest string value anywhere in an evidence entry. */
  stringLength: 10_000,
  /** Longest string (value or key) anywhere in any file or value, checked before the schema. */
  textLength: 20_000,
  /** Most items in one JSON array anywhere in any file or value, checked before the schema. */
  arrayItems: 20_000,
  /** Most items in one JSON array of a criteria set (its longest legitimate list is an expression's). */
  setArrayItems: 2_000,
  /** Most properties of one JSON object anywhere in any file or value, checked before the schema. */
  objectKeys: 10_000,
  /** Most JSON values (objects, arrays, strings, numbers, booleans, nulls) in one file or value. */
  jsonValues: 5_000_000,
  /** Most JSON Schema errors of one criteria-set file that are examined and reported. */
  schemaErrors: 1_000,
  /** Most diagnostics the size and key checks report for one file before they stop. */
  diagnostics: 100,
} as const;
