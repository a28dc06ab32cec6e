/**
 * Errors as data. Every problem found in a rule file, an evidence file, while scoring or on the command
 * line is a `Diagnostic`: a stable code, a severity, a JSON pointer and parameters typed per code (as
 * zod types its issues). Diagnostics carry no sentence: @parindex/explain words them in Vietnamese and
 * English (`diagnosticText(d, 'vi')`) from the code and the params, so the same data reads correctly in
 * either language. Params hold only data: ids and codes as written, decimals as exact decimal text,
 * dates as YYYY-MM-DD, JSON pointers, counts as numbers and reasons as codes.
 */
import type { InputType } from './primitives.js';

export type Severity = 'error' | 'warning';

/** A scalar as a param may hold it (lists of them are allowed too). */
export type ParamScalar = string | number | boolean | null;

/** The kind of a JSON value, as a sentence names it ("received a list"). */
export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'other';

/**
 * What a schema says a value must be: the JSON types, "integer" (a whole number) and "finiteNumber"
 * (NaN and ±Infinity are numbers to JavaScript, not to JSON).
 */
export type ExpectedType = 'string' | 'number' | 'finiteNumber' | 'integer' | 'boolean' | 'object' | 'array' | 'null' | 'other';

/**
 * The meaning of a pattern the formats check (a criterion code, a date, a decimal …). The schemas
 * attach the code to the pattern (see ./patterns.ts); the sentence for each is in the locales.
 */
export type PatternCode = 'decimalText' | 'decimal' | 'nonNegativeDecimal' | 'identifier' | 'criterionCode' | 'isoDate' | 'setId' | 'setVersion' | 'setRef' | 'sha256';

/**
 * Where in the file a schema problem is, for the sentence: the name of the property (the last key of
 * the pointer; null for the whole file) and, when the place is an item of a list, its index (0-based).
 */
export type SchemaPlace = {
  field: string | null;
  item: number | null;
};

/** The value a schema problem is about: its kind, and its text when it is short enough to quote. */
export type Received = {
  /** null when the validator did not say what it received. */
  received: ValueKind | null;
  /** A string as given (up to 40 characters), a number as decimal text, true/false; else null. */
  value: string | null;
};

/**
 * A schema problem, as data: the shape issues of zod and of the JSON Schema validator mapped to one
 * vocabulary, and the few rules of the formats the schemas cannot say (a real calendar date, "cap" only on
 * a parent …). The sentence for each is in the locales.
 */
export type SchemaIssue = SchemaPlace &
  (
    | ({ issue: 'type'; expected: ExpectedType[] } & Received)
    /** A required value is missing: what it would be (types, or the allowed values). */
    | { issue: 'missing'; expected: ExpectedType[]; allowed: ParamScalar[] }
    /** Not one of the allowed values; `more` counts the allowed values not listed. */
    | ({ issue: 'value'; allowed: ParamScalar[]; more: number } & Received)
    /** Above or below a limit; `actual` is the length of a string or list, when known. */
    | ({ issue: 'tooBig' | 'tooSmall'; origin: 'string' | 'array' | 'number'; limit: string; inclusive: boolean; actual: number | null } & Received)
    /** A pattern: its meaning when the format gave one, else the regular expression's source. */
    | { issue: 'pattern'; pattern: PatternCode | null; regex: string | null }
    /** A string format the validator checks by name (e.g. "email"). */
    | { issue: 'format'; format: string }
    | { issue: 'multipleOf'; divisor: string }
    | { issue: 'unknownKeys'; keys: string[] }
    /** A key of a record that is not allowed (its pattern, when that is why). */
    | { issue: 'key'; key: string; pattern: PatternCode | null }
    | { issue: 'noForm' }
    | { issue: 'element' }
    /** Any other check; `check` is the validator's name for it, when known. */
    | { issue: 'invalid'; check: string | null }
    // Rules of the formats that the schemas cannot express:
    | { issue: 'notCalendarDate'; value: string }
    | { issue: 'comparisonValue'; op: string; list: boolean }
    | { issue: 'applicabilityOnParent'; code: string }
    | { issue: 'capOnLeaf'; code: string }
    | { issue: 'adjustmentWithChildren'; block: 'bonus' | 'penalty' }
    | { issue: 'partPointsAndFraction' }
    | { issue: 'entryWithoutTarget' }
    | { issue: 'inputWithValues' }
    | { issue: 'inputWithoutValue'; input: string }
    | { issue: 'valueWithoutInput' }
    | { issue: 'noCriteriaSet' }
  );

/** A problem with an interval's bounds (a tier or a classification band). */
export type BoundsProblem = 'minWithoutInclusive' | 'maxWithoutInclusive' | 'inclusiveWithoutMin' | 'inclusiveWithoutMax' | 'empty';

/** What a size limit counts. */
export type LimitSubject = 'textCharacters' | 'fileValues' | 'listItems' | 'objectProperties' | 'criteria' | 'inputs';

/** Why an expression could not be evaluated (rules/src/expression.ts LogicError). */
export type ExpressionFailure = 'notANumber' | 'notAllowed' | 'result' | 'tooLarge';

/** A problem of an expression's shape that the static check finds. */
export type ExpressionShape =
  | { problem: 'notFinite' }
  | { problem: 'notJson' }
  | { problem: 'operatorKeys'; keys: number }
  | { problem: 'arity'; op: string; found: number; min: number; max: number | null }
  | { problem: 'varName' };

// Type aliases, not interfaces, for params: a param type must fit a record of JSON values.
/** Where two intervals meet: a value (decimal text) and whether it belongs to both; null = unbounded below. */
export type OverlapAt = {
  at: string | null;
  /** false: the overlap starts just above `at` (it excludes `at` itself). */
  included: boolean;
};

type Empty = Record<string, never>;
/**
 * Where a cell of a workbook belongs: the criterion (code) and the figure (input id, labels), when it is
 * one; column: the heading of a cell's column as the sheet shows it, when the criterion alone does not say
 * which of its cells it is (its self-score, a round's points).
 */
export type WorkbookPlace = {
  criterion: string | null;
  input: string | null;
  label: string | null;
  labelEn: string | null;
  column?: string;
};

/**
 * The label of the input a diagnostic is about, as the set declares it (Vietnamese, and English when
 * given): the engine adds it to every diagnostic of an input of the set, so that the sentence names the
 * input as the officer knows it, with its id.
 */
export type InputLabel = { label?: string; labelEn?: string };
type Code = { code: string };

/** Every diagnostic code and the params it carries. Adding a code here asks for its severity and its sentences. */
export interface DiagnosticParams {
  // Reading files
  FILE_NOT_FOUND: { file: string };
  /** errno: the system's code of the failure (e.g. "EACCES", "EIO"), null when it gave none. */
  FILE_UNREADABLE: { file: string; errno: string | null };
  FILE_IS_FOLDER: { file: string };
  /** kind: what the path is instead of a regular file. */
  FILE_NOT_REGULAR: { file: string; kind: 'fifo' | 'characterDevice' | 'blockDevice' | 'socket' | 'special' };
  FILE_LINK_BROKEN: { file: string; target: string };
  FILE_LINK_LOOP: { file: string };
  /** size: null when the file grew past the limit while it was read. */
  FILE_TOO_LARGE: { size: number | null; limit: number };
  /** offset: the first byte (0-based) that is not UTF-8. */
  FILE_ENCODING: { offset: number };
  /** A file that is not JSON text: UTF-16 text, an Excel workbook (xlsx, or the older xls), a Word document, a zip archive, a PDF, a CSV table, other binary data. */
  FILE_NOT_JSON: { kind: 'utf16' | 'xlsx' | 'xls' | 'docx' | 'zip' | 'pdf' | 'csv' | 'binary' };
  /**
   * cause: a system error (errno), a symbolic link to nothing or a device or socket in the way, a file
   * where a folder of the path must be, or a folder of the path that could not be created.
   */
  FILE_WRITE_FAILED:
    | { file: string; cause: 'system'; errno: string | null }
    | { file: string; cause: 'brokenLink' | 'notFile' | 'exists' }
    | { file: string; cause: 'folderIsFile'; folder: string }
    | { file: string; cause: 'folderNotCreated'; folder: string; errno: string | null };
  STDOUT_WRITE_FAILED: { errno: string | null };
  /** of "body": a request's body (the JSON API), not a file. */
  FILE_EMPTY: { of?: 'body' };
  FILE_BOM: Empty;
  /** What the command needs: any of a set, evidence or appraisal; a saved result; evidence for scoring; rank's files. */
  FILE_KIND_UNKNOWN:
    | { need: 'setEvidenceOrAppraisal' | 'savedResult' | 'rankInputs' }
    /** with: the command takes an appraisal file too, after --appraisal (said when one was given instead of the evidence). */
    | { need: 'evidence'; found: 'set' | 'appraisal' | 'result' | null; with?: 'appraisal' };
  /** error: the JSON parser's code (jsonc-parser's names, e.g. "CommaExpected"), or "NotJson"; offset: where, in characters. */
  JSON_SYNTAX: { error: string; offset: number };
  JSON_NOT_OBJECT: { found: ValueKind; of?: 'body' };
  JSON_TOO_DEEP: { limit: number };
  /** firstLine: the line (1-based) of the key's first occurrence. */
  JSON_DUPLICATE_KEY: { key: string; firstLine: number };
  JSON_NUMBER_INEXACT: { text: string; read: string };
  JSON_FORBIDDEN_KEY: { key: string };
  /** A number written the Vietnamese way without quotes, which is not JSON: "42,5" (decimalComma), "3.000.000" (thousands); suggest: the number to write. */
  JSON_NUMBER_FORM: { text: string; suggest: string; form: 'decimalComma' | 'thousands' };
  /** count: null when counting stopped above the limit. */
  LIMIT_EXCEEDED: { what: LimitSubject; count: number | null; limit: number };

  // Criteria sets
  SET_SCHEMA: SchemaIssue;
  SET_PERIOD: { from: string; to: string };
  SET_DUPLICATE_CODE: Code;
  SET_CODE_NOT_NESTED: { code: string; parent: string };
  SET_CHILDREN_EXCEED_MAX: { code: string; sum: string; max: string };
  SET_CHILDREN_BELOW_MAX: { code: string; sum: string; max: string };
  SET_CAP_ABOVE_MAX: { code: string; cap: string; max: string };
  SET_FLOOR_ABOVE_MAX: { code: string; floor: string; max: string };
  SET_POINTS_ABOVE_MAX: { code: string; points: string; max: string };
  SET_POINTS_BELOW_FLOOR: { code: string; points: string; floor: string };
  SET_LEAF_WITHOUT_RULE: Code;
  SET_PARENT_WITH_RULE: Code;
  SET_LEAF_WITHOUT_SOURCE: Code;
  SET_DUPLICATE_INPUT: { input: string };
  /** among: the list the id repeats in; owner: its input (options) or criterion (documents, parts). */
  SET_DUPLICATE_ID: { id: string; among: 'inputOptions' | 'documents' | 'parts'; owner: string } | { id: string; among: 'classificationBands' | 'roundingLevels' };
  SET_UNDECLARED_INPUT: { input: string };
  /**
   * declaredType: the rule (or "atMost") needs one of `expected`, the input is declared `actual`;
   * comparedValue: a condition compares the input with a value of another type; orderingOperator: an
   * ordering (gt, lt …) on an input that has no order.
   */
  SET_INPUT_TYPE:
    | { input: string; check: 'declaredType'; expected: InputType[]; actual: InputType }
    | { input: string; check: 'comparedValue'; inputType: InputType; valueKind: ValueKind }
    | { input: string; check: 'orderingOperator'; op: string; inputType: InputType };
  SET_INPUT_OPTIONS: { input: string; type: 'level' | 'tally' };
  SET_UNKNOWN_OPTION: { option: string; input: string; options: string[] };
  SET_MISSING_OPTION: { option: string; input: string; map: 'points' | 'fractions' | 'weights' };
  SET_FRACTION_RANGE: { what: 'fraction' | 'weight'; value: string };
  SET_TIER_BOUNDS: { tier: number; problem: BoundsProblem; min?: string; max?: string };
  SET_TIER_OVERLAP: { a: number; b: number } & OverlapAt;
  /** The uncovered values from `from` to `to` (null: unbounded); from = to: that one value. */
  SET_TIER_GAP: { from: string | null; to: string | null };
  SET_BAND_OVERLAP: { a: string; b: string } & OverlapAt;
  SET_BAND_BOUNDS: { band: string; problem: BoundsProblem; min?: string; max?: string };
  SET_ZERO_RANGE: { value: string };
  SET_EXPRESSION_OPERATOR: { operator: string; allowed: string[] };
  SET_EXPRESSION_SHAPE: ExpressionShape;
  SET_EXPRESSION_DEPTH: { limit: number };
  SET_EXPRESSION_SIZE: { limit: number };
  SET_DEPTH: { limit: number };
  /**
   * suggest: the bundled set's id (or id@version) nearest to a mistyped one. list: where the reader
   * finds the list of sets: "api" for a client of the JSON API (GET /v1/sets); "cli" or absent, the
   * command line's `parindex rules list`.
   */
  SET_NOT_FOUND: { ref: string; suggest?: string; list?: 'cli' | 'api' | 'page' };
  /** A `part` on a node that is not a top-level field (a sub-criterion, or a bonus or penalty item). */
  SET_PART_NOT_ON_FIELD: { code: string };
  /** A rounding with `part`: on a level other than "part" (notPartLevel), or naming a part no field declares (unknownPart). */
  SET_ROUNDING_PART: { part: string; problem: 'notPartLevel' | 'unknownPart'; parts: string[] };
  /** A `given` rule reads an input that may hold more (inputMax: its declared max, or 100 for a percent) than the criterion's maximum. */
  SET_GIVEN_RANGE: { code: string; input: string; inputMax: string; max: string };
  SET_AMBIGUOUS: { ref: string; files: string[] };
  /**
   * The scoring entry (@parindex/engine/scoring) compiles only a set shown to be checked: a shipped set, or one
   * whose canonical SHA-256 the caller pinned. ref: the set's id@version as written ('' when it has none);
   * sha256: its canonical SHA-256 (null when it is not a JSON object); pinned: the hash the caller pinned, if any.
   */
  SET_NOT_PINNED: { ref: string; sha256: string | null; pinned: string | null };
  /** file: the file name or path a criterion's source cites (a file of a repository is not a public document). */
  SET_SOURCE_CITES_FILE: { code: string; file: string };
  /** document: the source's document, which neither names a kind of document nor carries a document number. */
  SET_SOURCE_NOT_DOCUMENT: { code: string; document: string };
  /**
   * A quoted bound that is not its tier's (mismatch: words, side, value and inclusivity as quoted), or a
   * quote with no bound in it (noBound). tier: the tier's index (0-based).
   */
  SET_SOURCE_QUOTE_BOUND: { code: string; tier: number; problem: 'mismatch' | 'noBound'; words: string | null; side: 'min' | 'max' | null; value: string | null; inclusive: boolean | null };
  /** A tier's label states a bound (words, side, value, inclusivity as written) that is not the tier's. */
  SET_TIER_LABEL_BOUND: { code: string; tier: number; words: string; side: 'min' | 'max'; value: string; inclusive: boolean };
  /** quoteTier names no tier of the rule (tiers: how many it has; null: the rule has no tiers, or no quote is given). */
  SET_SOURCE_QUOTE_TIER: { code: string; tier: number; tiers: number | null };

  // Evidence
  EVIDENCE_SCHEMA: SchemaIssue;
  EVIDENCE_SET_MISMATCH: { given: string; expected: string };
  EVIDENCE_PERIOD_MISMATCH: { givenFrom: string; givenTo: string; expectedFrom: string; expectedTo: string };
  /** level: the unit's level; levels: the levels the set is for (its unitLevels). */
  EVIDENCE_LEVEL_NOT_IN_SET: { level: string; levels: string[]; set: string };
  /** The unit's code or name is empty (or spaces): a ranking, an appraisal and a table name the unit by them. */
  EVIDENCE_UNIT_BLANK: { field: 'code' | 'name' };
  /** suggest: the one code nearest to a mistyped one ("3.71" → "3.7.1"), when there is one. */
  EVIDENCE_UNKNOWN_CRITERION: { code: string; set: string; suggest?: string };
  /** criterion: the criterion whose values name the input (null for an input entry or an appraisal); suggest: the nearest input id. */
  EVIDENCE_UNKNOWN_INPUT: { input: string; criterion: string | null; set: string; suggest?: string };
  EVIDENCE_DUPLICATE_VALUE: { input: string; first: string } & InputLabel;
  EVIDENCE_DUPLICATE_CLAIM: { code: string; first: string };
  /** option: the answer option of a tally whose count is wrong. */
  EVIDENCE_VALUE_TYPE: ({ input: string; option: string | null; expected: InputType } & Received) & InputLabel;
  EVIDENCE_DECIMAL_COMMA: { input: string; got: string; suggest: string } & InputLabel;
  EVIDENCE_VALUE_RANGE: { input: string; value: string; min: string | null; max: string | null } & InputLabel;
  /** suggest: the option nearest to a mistyped one, when only one is near. */
  EVIDENCE_UNKNOWN_OPTION: { value: string; input: string; options: string[]; suggest?: string } & InputLabel;
  /** other: the input it may not exceed (atMost), with its labels (otherLabel, otherLabelEn) as the input's. */
  EVIDENCE_EXCEEDS_OTHER: { input: string; value: string; other: string; otherValue: string; otherLabel?: string; otherLabelEn?: string } & InputLabel;
  EVIDENCE_DATE_OUTSIDE_PERIOD: { value: string; input: string; from: string; to: string } & InputLabel;
  EVIDENCE_DOCUMENT_INCOMPLETE: { code: string; missing: Array<'number' | 'date'> };
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: { number: string | null; code: string; date: string; from: string; to: string };
  EVIDENCE_UNKNOWN_REQUIREMENT: { requirement: string; code: string; known: string[] };
  /** reason, reasonEn: the set's own words for why the criterion does not apply, when it has them. */
  EVIDENCE_NOT_APPLICABLE_VALUE: { code: string; reason: string | null; reasonEn: string | null };
  EVIDENCE_UNUSED_ENTRY: { at: string };
  /** A document without "for" that could prove none or several of the criterion's requirements (candidates: the several). */
  EVIDENCE_DOCUMENT_WITHOUT_FOR: { code: string; number: string | null; known: string[]; candidates: string[] };
  /** An on-time criterion's typed date meets its deadline, but a document proving it is dated after the deadline. */
  EVIDENCE_DOCUMENT_AFTER_DEADLINE: { code: string; input: string; typed: string; deadline: string; number: string | null; date: string } & InputLabel;
  /** A number written with a thousands separator ("3.000", "1 170") where it can mean only one number: read as `read`. */
  EVIDENCE_THOUSANDS_READ: { input: string; got: string; read: string } & InputLabel;
  /**
   * A number that reads as two ("1.170": 1.17 or 1170; "1,170"); decimal: null when only the thousands reading is a number.
   * sheet: the language of the workbook whose cell holds the text, whose sheet asks for numbers as that
   * language's Excel writes them (vi: 1.500 and 1,5; en: 1,500 and 1.5), so the hint says how to type it
   * there; absent for a JSON evidence file (write 1500 or 1.5).
   */
  EVIDENCE_NUMBER_AMBIGUOUS: { input: string; got: string; thousands: string; decimal: string | null; sheet?: 'vi' | 'en' } & InputLabel;
  /** A date written otherwise than YYYY-MM-DD ("15/01/2026"), read as `read`; input: null for a document's date. */
  EVIDENCE_DATE_READ: { input: string | null; got: string; read: string } & InputLabel;
  /** A date that does not exist ("2026-02-30"); input: null for a document's date. */
  EVIDENCE_DATE_NOT_REAL: { input: string | null; got: string } & InputLabel;
  /** A level written by its label ("Đúng hạn"), read as its id. */
  EVIDENCE_LEVEL_BY_LABEL: { input: string; got: string; read: string } & InputLabel;

  // Scoring
  SCORE_MISSING_INPUT: { code: string; input: string } & InputLabel;
  /** document: the requirement's id; label, labelEn: its name in the set. */
  SCORE_MISSING_DOCUMENT: { code: string; document: string; label: string; labelEn: string | null };
  SCORE_DIVISION_BY_ZERO: { code: string; reason: 'divisionByZero' };
  /** op: the operator that failed; got: what it got (a value's text, "none" for no value, "list"). */
  SCORE_EXPRESSION: { code: string; reason: ExpressionFailure; op?: string; got?: string };
  /** answers: how many answers the tally has (decimal text); minAnswers: how many the rule needs. */
  SCORE_TOO_FEW_ANSWERS: { code: string; input: string; answers: string; minAnswers: number } & InputLabel;
  SCORE_NOT_APPLICABLE_BY_VALUE: { code: string; input: string; max: string } & InputLabel;
  SCORE_NO_TIER: { code: string; value: string };
  /** A `given` rule's points outside the criterion's floor (min) and maximum (max). */
  SCORE_GIVEN_OUT_OF_RANGE: { code: string; input: string; value: string; min: string; max: string };
  /** max: the criterion's maximum, when the claim is above it. */
  SCORE_CLAIM_MISMATCH: { code: string; claimed: string; computed: string; max?: string };
  SCORE_CLAIM_ON_PARENT: { code: string; claimed: string; computed: string };
  SCORE_NEEDS_EXPLANATION: Code;
  /**
   * A full result was asked of a set compiled by the dashboard entry (@parindex/engine/scoring), which
   * scores in the compact form until the page attaches the advice (withAdvice of @parindex/engine/advice).
   */
  SCORE_NEEDS_ADVICE: Empty;

  // Appraisal
  APPRAISAL_SCHEMA: SchemaIssue;
  /**
   * reason: the evidence it names is not ranked, another appraisal names the same evidence (`first`),
   * nothing was ranked, or the unit is ranked from `file` whose SHA-256 (`ranked`) is not the one the
   * appraisal names (`sha256`): the evidence changed since it was appraised.
   */
  RANK_APPRAISAL_UNUSED:
    | { unit: string | null; reason: 'evidenceNotRanked' | 'nothingRanked' }
    | { unit: string | null; reason: 'sameEvidence'; first: string }
    /** The evidence it appraises (`file`) was left out as a unit ranked already, from `first`. */
    | { unit: string | null; reason: 'evidenceDuplicate'; file: string; first: string }
    | { unit: string; reason: 'evidenceChanged'; file: string; sha256: string; ranked: string };
  RANK_DUPLICATE_UNIT: { unit: string; first: string };
  /** unit, first: the two spellings (invisible characters shown as escapes); file: where `first` was ranked from. */
  RANK_UNIT_LOOKALIKE: { unit: string; first: string; file: string };
  /** asked: the --threads value as given; cores: the processor cores, the threads used. */
  RANK_THREADS_CAPPED: { asked: string; cores: number };
  RESULT_SCHEMA: SchemaIssue;
  /** A saved result in the compact form (no trace) where the full result is needed (diff). */
  RESULT_COMPACT: Empty;
  /**
   * A saved result scored again from the files of its provenance (validate, given with them) is not the
   * same: at, the first place that differs; saved and scored, the values there (JSON, cut short; null:
   * absent; scored null with evidence '': the files no longer score it, its round is not in the appraisal or
   * its plan does not serve the evidence's set, `at` says which);
   * more: how many other places differ; evidence: the evidence file; engine: the engine the result names
   * when it is not this one.
   */
  RESULT_NOT_REPRODUCED: { at: string; saved: string | null; scored: string | null; more: number; evidence: string; engine: string | null };
  /** A saved result validated without the file of its provenance it needs to be scored again (its SHA-256): its form only was checked. */
  RESULT_UNVERIFIED: { missing: 'evidence' | 'appraisal' | 'plan' | 'progress'; sha256: string };
  APPRAISAL_EVIDENCE_MISMATCH: { field: 'criteriaSet'; expected: string; given: string } | { field: 'evidence'; expectedUnit: string; expectedSha256: string; givenUnit: string; givenSha256: string };
  APPRAISAL_UNKNOWN_ROUND: { round: string; rounds: string[] };
  APPRAISAL_OVERRIDE_RANGE: { code: string; points: string; floor: string; max: string };
  APPRAISAL_ANSWER_CHANGES_SCORE: { code: string; round: string };
  APPRAISAL_UNKNOWN_CRITERION: { code: string; set: string; suggest?: string };
  /** Two rounds with one id: `--round` and every report name a round by it. `first`: the 1-based number of the round that has it first; `at`: this one's. */
  APPRAISAL_DUPLICATE_ROUND: { round: string; first: number; at: number };
  /** A criterion with two items in one round: one item corrects its values, overrides its points, or both. `first`, `at`: 1-based item numbers. */
  APPRAISAL_REPEATED_ITEM: { code: string; round: string; first: number; at: number };
  /** A reason of only spaces: every correction needs one the unit can read. */
  APPRAISAL_BLANK_REASON: { code: string; round: string };
  /** A round dated before the round before it: rounds apply in file order, so one of the two is likely wrong. */
  APPRAISAL_ROUND_DATE_ORDER: { round: string; date: string; previous: string; previousDate: string };
  /** A round numbered below one before it in the file ("round1" after "round2"): rounds apply in file order. */
  APPRAISAL_ROUND_ID_ORDER: { round: string; previous: string };
  /** A round's or an item's date written day first ("20/01/2027"), read as the ISO date. */
  APPRAISAL_DATE_READ: { of: 'round' | 'item'; got: string; read: string };
  /** An item's points written as Vietnamese text ("0,5"), read as the decimal `read` ("0.5"). */
  APPRAISAL_POINTS_READ: { got: string; read: string };

  // Reform plans and their progress (@parindex/plans)
  PLAN_SCHEMA: SchemaIssue;
  PROGRESS_SCHEMA: SchemaIssue;
  /** need: the file the command needs; found: what the file is instead (null: not known). Evidence with a plan or progress file in its place. */
  PLAN_FILE_KIND: { need: 'plan' | 'progress' | 'evidence'; found: 'plan' | 'progress' | 'set' | 'evidence' | 'appraisal' | 'result' | null };
  PLAN_DUPLICATE_TASK: { task: string; first: string };
  /** task: null when the field is named by an input mapping; suggestion: the nearest declared field id. */
  PLAN_UNKNOWN_FIELD: { task: string | null; field: string; suggestion: string | null };
  /** task: null when the mapping names none. */
  PLAN_MAPPING_TASK: { input: string; derive: string; task: string | null; suggestion: string | null };
  PLAN_PERIOD: { from: string; to: string };
  PLAN_NO_TARGETS: { plan: string };
  /** A task's quote pieces, joined, are not its content. */
  PLAN_QUOTE: { task: string };
  /** The plan serves another set than the evidence uses. */
  PLAN_SET_MISMATCH: { plan: string; planSet: string | null; evidenceSet: string };
  /** A mapping names an input that the criterion of the set does not have. */
  PLAN_UNKNOWN_INPUT: { criterion: string; input: string; set: string };
  /** typed, derived: the values as text (null: none). */
  PLAN_INPUT_OVERRIDDEN: { criterion: string; input: string; typed: string | null; derived: string | null; plan: string };
  PROGRESS_PLAN_MISMATCH: { expected: string; given: string };
  PROGRESS_UNKNOWN_TASK: { task: string; plan: string; suggestion: string | null };
  PROGRESS_DUPLICATE_TASK: { task: string; first: string };
  PROGRESS_DONE_WITHOUT_PRODUCT: { task: string };
  /** A task not marked done that has a product (a dropped task any, one in progress or not started a dated one): the product is not counted. */
  PROGRESS_PRODUCT_NOT_DONE: { task: string; status: 'inProgress' | 'notStarted' | 'dropped' };
  /** date: the date of the product that proves the task done (its earliest dated); deadline: the date the task fell due. */
  PROGRESS_LATE: { task: string; date: string; deadline: string };
  /** A progress file validated without the plan it names: its schema only was checked. */
  PROGRESS_PLAN_NOT_GIVEN: { plan: string };

  // The command line (exit code 2)
  USAGE_UNKNOWN_COMMAND: { command: string; commands: string[] };
  USAGE_UNKNOWN_OPTION: { option: string };
  USAGE_OPTION_VALUE: { option: string };
  USAGE_INVALID_VALUE: { option: string; value: string; allowed: string[] };
  /** argument: its name as the usage shows it ("EVIDENCE"). */
  /** argument: as the usage line of --help writes it, in the run's language ("<tệp.xlsx>"). */
  USAGE_MISSING_ARGUMENT: { argument: string };
  USAGE_UNEXPECTED_ARGUMENT: { argument: string };
  /** An option that only works with another one (--round with --appraisal). */
  USAGE_OPTION_REQUIRES: { option: string; requires: string };
  USAGE_DIFF_FILES: Empty;
  USAGE_DIFF_SIDES: Empty;
  USAGE_APPRAISAL_ON_RESULT: { file: string };
  USAGE_NO_FILES: Empty;
  USAGE_ROUND_WITHOUT_APPRAISAL: Empty;
  USAGE_THREADS: { got: string };
  /** A binary format (docx, xlsx) asked for without --out while stdout is a terminal. */
  USAGE_BINARY_TERMINAL: { format: string };

  // Workbooks (template --format xlsx, import)
  /** reason: not a zip archive, a zip without a workbook, a part that is not well-formed XML, or a part exceljs could not read. */
  WORKBOOK_UNREADABLE: { reason: 'notZip' | 'notWorkbook' | 'xml' | 'reader'; part: string | null };
  /** what: the limit (WORKBOOK_LIMITS in packages/workbook/src/limits.ts, or "grid": a cell beyond Excel's last row or column); part: where it was passed. */
  WORKBOOK_LIMIT: { what: 'fileBytes' | 'zipEntries' | 'inflatedBytes' | 'sheets' | 'rows' | 'cells' | 'rangeCells' | 'grid'; part: string | null; limit: number };
  WORKBOOK_XML_DOCTYPE: { part: string };
  WORKBOOK_EXTERNAL_LINK: { part: string };
  /** No binding sheet (not made by parindex template, or the sheet was removed). */
  WORKBOOK_NOT_BOUND: Empty;
  WORKBOOK_LAYOUT_VERSION: { version: string; supported: number };
  /** kind: what the workbook is; need: what the command reads. */
  WORKBOOK_KIND: { kind: string; need: 'evidence' | 'appraisal' };
  /** The workbook was made for another set, version or set text (its SHA-256). */
  WORKBOOK_SET_MISMATCH: { given: string; givenSha256: string; expected: string; expectedSha256: string };
  WORKBOOK_SHEET_MISSING: { sheet: string };
  /** A cell that parindex reads holds a formula (refused: see docs/cli.md "import"). */
  WORKBOOK_FORMULA: WorkbookPlace & { formula: string };
  /** A cell holds one of Excel's error values (#DIV/0!, #N/A …). */
  WORKBOOK_CELL_ERROR: WorkbookPlace & { error: string };
  /** expected: what the cell must hold; got: what it holds; value: its text. */
  WORKBOOK_CELL_TYPE: WorkbookPlace & { expected: InputType | 'points' | 'text' | 'yesNo' | 'unitLevel'; got: 'number' | 'date' | 'boolean' | 'text' | 'other'; value: string };
  /**
   * A number typed as text with a decimal comma ("1,5", "86,5%") in an English workbook, whose sheet writes
   * decimals with a dot and thousands with a comma: refused; suggest: what to type ("1.5", "86.5%").
   */
  WORKBOOK_DECIMAL_COMMA: WorkbookPlace & { got: string; suggest: string };
  /**
   * A percent's cell holds a number between 0 and 1 (not formatted as a percentage, no "%" typed): read as
   * typed (value: 0.42 is 0.42%), though it may be a fraction; percent: the percent it would be (42).
   * sheet: the workbook's language, in whose way of writing numbers the sentence says what to type.
   */
  WORKBOOK_PERCENT_FRACTION: WorkbookPlace & { value: string; percent: string; sheet: 'vi' | 'en' };
  /** A level, unit level or yes/no not among the drop-down's choices (its labels); suggest: the one nearest. */
  WORKBOOK_UNKNOWN_CHOICE: WorkbookPlace & { value: string; choices: string[]; suggest?: string };
  /**
   * of "figure": a row of the figures sheet (or the appraisal's) whose figure id (key) is not an input of the
   * set (criterion: the row's criterion); of "criterion": a row of the explanations sheet whose criterion
   * code (key) is not a criterion of the set. suggest: the nearest code, when there is one.
   */
  WORKBOOK_UNKNOWN_ROW: { key: string; criterion: string | null; of: 'figure' | 'criterion'; suggest?: string };
  /** first: the cell of the first row of the same figure. */
  WORKBOOK_DUPLICATE_ROW: { key: string; first: string };
  /** A figure of the set whose row is not in the figures sheet (deleted): its value is not given. */
  WORKBOOK_MISSING_ROW: WorkbookPlace;
  /** A document row without a criterion, or with a code that is not a criterion (leaf) of the set. */
  WORKBOOK_DOCUMENT_CRITERION: { code: string | null; suggest?: string };
  /**
   * The date cell of a document row holds no date: a day that does not exist (problem "notReal": 32/13/2026)
   * or something else ("notDate": text, a number, a yes/no). criterion: the row's code; requirement: the
   * required document it is for (column "Tài liệu yêu cầu"), label, labelEn: that requirement's name in the
   * set (null when the row names none of the criterion's); number: the document's number/symbol; value: the cell's text.
   */
  WORKBOOK_DOCUMENT_DATE: {
    criterion: string | null;
    requirement: string | null;
    label: string | null;
    labelEn: string | null;
    number: string | null;
    value: string;
    problem: 'notReal' | 'notDate';
  };
  /**
   * A cell of the appraisers' workbook that is not read, with something typed in it: the unit's self-score
   * or figure changed (what: unitScore, unitFigure; was, now: the cell as made and as found), or the unit's
   * answer written on a figure's row (answerOnFigure; answers are read on the criterion's row); in the
   * officer's workbook, the unit sheet's criteria set or its SHA-256 changed (criteriaSet, setHash: the
   * binding sheet decides which set the workbook is read with).
   */
  WORKBOOK_CELL_IGNORED: WorkbookPlace & { what: 'unitScore' | 'unitFigure' | 'answerOnFigure' | 'criteriaSet' | 'setHash'; was: string; now: string };
  /** An appraisal row that corrects a value or points without a reason. */
  WORKBOOK_APPRAISAL_REASON: WorkbookPlace & { round: string };
  /** A number option out of its range, or not a whole number (serve's --port, --timeout …). */
  USAGE_NUMBER: { option: string; got: string; min: number; max: number };

  // The JSON API (parindex serve, @parindex/server)
  /** size: the body's bytes when the request said them (content-length), null when it did not. */
  API_BODY_TOO_LARGE: { size: number | null; limit: number };
  /** limit: the time limit of one request, in milliseconds. */
  API_TIMEOUT: { limit: number };
  API_NOT_FOUND: { method: string; path: string };
  /** A route of the API asked with a method it does not answer (405, with the Allow header). */
  API_METHOD_NOT_ALLOWED: { method: string; path: string; allow: string[] };
  /** type: the request's content-type, null when it sent none. */
  API_CONTENT_TYPE: { type: string | null };
  /** What the route's body must be (docs/api.md). */
  /** part: the member of the body that must be so ("/a" of a diff, "/evidence/3" of a rank), when not the whole body. */
  API_BODY_SHAPE: { route: string; need: 'setEvidenceOrAppraisal' | 'evidence' | 'diffPair' | 'rankBody' | 'evidenceList' | 'appraisalForRound'; part?: string };
  /** `allowed`: the values a parameter takes; `min`/`max`: the whole numbers it takes (a range, such as ?timeout=). */
  API_QUERY_VALUE: { name: string; value: string; allowed: string[] } | { name: string; value: string; min: number; max: number };
  API_INTERNAL: Empty;
  /** pending: the requests already waiting for a worker. */
  API_BUSY: { pending: number };
  /** The static web page (packages/web/dist) is not built, so `/` has nothing to serve. */
  API_PAGE_NOT_BUILT: Empty;
  /** The server could not listen (errno: the system's code, e.g. EADDRINUSE). */
  API_LISTEN_FAILED: { host: string; port: number; errno: string | null };
  /** A request to a server on this machine only, naming another host (a page of another site reaching it by DNS rebinding). */
  API_HOST_REFUSED: { host: string | null };
}

export type DiagnosticCode = keyof DiagnosticParams;

/** A diagnostic of one code, its params typed by it. */
export interface DiagnosticOf<C extends DiagnosticCode> {
  code: C;
  severity: Severity;
  /** JSON pointer into the file, e.g. "/fields/0/children/2/rule/tiers/1". "" for the whole file. */
  path: string;
  params: DiagnosticParams[C];
  file?: string;
  line?: number;
  column?: number;
  /** In a workbook: the sheet and cell, as Excel writes them ("Số liệu!D14"). */
  cell?: string;
}

/** Any diagnostic: a union over the codes, so that checking `code` narrows `params`. */
export type Diagnostic = { [C in DiagnosticCode]: DiagnosticOf<C> }[DiagnosticCode];

/**
 * The severity of every code. An error stops validation or scoring; a warning is reported and scoring
 * goes on. A caller may report a code at another severity (diag's last argument).
 */
export const SEVERITY = {
  FILE_NOT_FOUND: 'error',
  FILE_UNREADABLE: 'error',
  FILE_IS_FOLDER: 'error',
  FILE_NOT_REGULAR: 'error',
  FILE_LINK_BROKEN: 'error',
  FILE_LINK_LOOP: 'error',
  FILE_TOO_LARGE: 'error',
  FILE_ENCODING: 'error',
  FILE_NOT_JSON: 'error',
  FILE_WRITE_FAILED: 'error',
  STDOUT_WRITE_FAILED: 'error',
  FILE_EMPTY: 'error',
  FILE_BOM: 'warning',
  FILE_KIND_UNKNOWN: 'error',
  JSON_SYNTAX: 'error',
  JSON_NOT_OBJECT: 'error',
  JSON_TOO_DEEP: 'error',
  JSON_DUPLICATE_KEY: 'error',
  JSON_NUMBER_INEXACT: 'error',
  JSON_FORBIDDEN_KEY: 'error',
  JSON_NUMBER_FORM: 'error',
  LIMIT_EXCEEDED: 'error',

  SET_SCHEMA: 'error',
  SET_PERIOD: 'error',
  SET_DUPLICATE_CODE: 'error',
  SET_CODE_NOT_NESTED: 'error',
  SET_CHILDREN_EXCEED_MAX: 'error',
  SET_CHILDREN_BELOW_MAX: 'error',
  SET_CAP_ABOVE_MAX: 'error',
  SET_FLOOR_ABOVE_MAX: 'error',
  SET_POINTS_ABOVE_MAX: 'error',
  SET_POINTS_BELOW_FLOOR: 'error',
  SET_LEAF_WITHOUT_RULE: 'error',
  SET_PARENT_WITH_RULE: 'error',
  SET_LEAF_WITHOUT_SOURCE: 'error',
  SET_DUPLICATE_INPUT: 'error',
  SET_DUPLICATE_ID: 'error',
  SET_UNDECLARED_INPUT: 'error',
  SET_INPUT_TYPE: 'error',
  SET_INPUT_OPTIONS: 'error',
  SET_UNKNOWN_OPTION: 'error',
  SET_MISSING_OPTION: 'error',
  SET_FRACTION_RANGE: 'error',
  SET_TIER_BOUNDS: 'error',
  SET_TIER_OVERLAP: 'error',
  SET_TIER_GAP: 'error',
  SET_BAND_OVERLAP: 'error',
  SET_BAND_BOUNDS: 'error',
  SET_ZERO_RANGE: 'error',
  SET_PART_NOT_ON_FIELD: 'error',
  SET_ROUNDING_PART: 'error',
  SET_GIVEN_RANGE: 'warning',
  SET_EXPRESSION_OPERATOR: 'error',
  SET_EXPRESSION_SHAPE: 'error',
  SET_EXPRESSION_DEPTH: 'error',
  SET_EXPRESSION_SIZE: 'error',
  SET_DEPTH: 'error',
  SET_NOT_FOUND: 'error',
  SET_AMBIGUOUS: 'error',
  SET_NOT_PINNED: 'error',
  SET_SOURCE_CITES_FILE: 'error',
  SET_SOURCE_NOT_DOCUMENT: 'warning',
  SET_SOURCE_QUOTE_BOUND: 'error',
  SET_SOURCE_QUOTE_TIER: 'error',
  SET_TIER_LABEL_BOUND: 'error',

  EVIDENCE_SCHEMA: 'error',
  EVIDENCE_SET_MISMATCH: 'error',
  EVIDENCE_PERIOD_MISMATCH: 'warning',
  EVIDENCE_LEVEL_NOT_IN_SET: 'error',
  EVIDENCE_UNIT_BLANK: 'warning',
  EVIDENCE_UNKNOWN_CRITERION: 'error',
  EVIDENCE_UNKNOWN_INPUT: 'error',
  EVIDENCE_DUPLICATE_VALUE: 'error',
  EVIDENCE_DUPLICATE_CLAIM: 'error',
  EVIDENCE_VALUE_TYPE: 'error',
  EVIDENCE_DECIMAL_COMMA: 'warning',
  EVIDENCE_VALUE_RANGE: 'error',
  EVIDENCE_UNKNOWN_OPTION: 'error',
  EVIDENCE_EXCEEDS_OTHER: 'error',
  EVIDENCE_DATE_OUTSIDE_PERIOD: 'warning',
  EVIDENCE_DOCUMENT_INCOMPLETE: 'warning',
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: 'warning',
  EVIDENCE_UNKNOWN_REQUIREMENT: 'warning',
  EVIDENCE_NOT_APPLICABLE_VALUE: 'warning',
  EVIDENCE_UNUSED_ENTRY: 'warning',
  EVIDENCE_DOCUMENT_WITHOUT_FOR: 'warning',
  EVIDENCE_DOCUMENT_AFTER_DEADLINE: 'warning',
  EVIDENCE_THOUSANDS_READ: 'warning',
  EVIDENCE_NUMBER_AMBIGUOUS: 'error',
  EVIDENCE_DATE_READ: 'warning',
  EVIDENCE_DATE_NOT_REAL: 'error',
  EVIDENCE_LEVEL_BY_LABEL: 'warning',

  SCORE_MISSING_INPUT: 'warning',
  SCORE_MISSING_DOCUMENT: 'warning',
  SCORE_DIVISION_BY_ZERO: 'warning',
  SCORE_EXPRESSION: 'warning',
  SCORE_TOO_FEW_ANSWERS: 'warning',
  SCORE_NOT_APPLICABLE_BY_VALUE: 'warning',
  SCORE_NO_TIER: 'warning',
  SCORE_GIVEN_OUT_OF_RANGE: 'warning',
  SCORE_CLAIM_MISMATCH: 'warning',
  SCORE_CLAIM_ON_PARENT: 'warning',
  SCORE_NEEDS_EXPLANATION: 'warning',
  SCORE_NEEDS_ADVICE: 'error',

  APPRAISAL_SCHEMA: 'error',
  RANK_APPRAISAL_UNUSED: 'warning',
  RANK_DUPLICATE_UNIT: 'error',
  RANK_UNIT_LOOKALIKE: 'warning',
  RANK_THREADS_CAPPED: 'warning',
  RESULT_SCHEMA: 'error',
  RESULT_COMPACT: 'error',
  RESULT_NOT_REPRODUCED: 'error',
  RESULT_UNVERIFIED: 'warning',
  APPRAISAL_EVIDENCE_MISMATCH: 'error',
  APPRAISAL_UNKNOWN_ROUND: 'error',
  APPRAISAL_OVERRIDE_RANGE: 'error',
  APPRAISAL_ANSWER_CHANGES_SCORE: 'error',
  APPRAISAL_UNKNOWN_CRITERION: 'error',
  APPRAISAL_DUPLICATE_ROUND: 'error',
  APPRAISAL_REPEATED_ITEM: 'error',
  APPRAISAL_BLANK_REASON: 'error',
  APPRAISAL_ROUND_DATE_ORDER: 'warning',
  APPRAISAL_ROUND_ID_ORDER: 'warning',
  APPRAISAL_DATE_READ: 'warning',
  APPRAISAL_POINTS_READ: 'warning',
  PLAN_SCHEMA: 'error',
  PROGRESS_SCHEMA: 'error',
  PLAN_FILE_KIND: 'error',
  PLAN_DUPLICATE_TASK: 'error',
  PLAN_UNKNOWN_FIELD: 'error',
  PLAN_MAPPING_TASK: 'error',
  PLAN_PERIOD: 'error',
  PLAN_NO_TARGETS: 'error',
  PLAN_QUOTE: 'error',
  PLAN_SET_MISMATCH: 'error',
  PLAN_UNKNOWN_INPUT: 'error',
  PLAN_INPUT_OVERRIDDEN: 'warning',
  PROGRESS_PLAN_MISMATCH: 'error',
  PROGRESS_UNKNOWN_TASK: 'error',
  PROGRESS_DUPLICATE_TASK: 'error',
  PROGRESS_DONE_WITHOUT_PRODUCT: 'warning',
  PROGRESS_PRODUCT_NOT_DONE: 'warning',
  PROGRESS_LATE: 'warning',
  PROGRESS_PLAN_NOT_GIVEN: 'warning',

  USAGE_UNKNOWN_COMMAND: 'error',
  USAGE_UNKNOWN_OPTION: 'error',
  USAGE_OPTION_VALUE: 'error',
  USAGE_INVALID_VALUE: 'error',
  USAGE_MISSING_ARGUMENT: 'error',
  USAGE_UNEXPECTED_ARGUMENT: 'error',
  USAGE_OPTION_REQUIRES: 'error',
  USAGE_DIFF_FILES: 'error',
  USAGE_DIFF_SIDES: 'error',
  USAGE_APPRAISAL_ON_RESULT: 'error',
  USAGE_NO_FILES: 'error',
  USAGE_ROUND_WITHOUT_APPRAISAL: 'error',
  USAGE_THREADS: 'error',
  USAGE_BINARY_TERMINAL: 'error',

  WORKBOOK_UNREADABLE: 'error',
  WORKBOOK_LIMIT: 'error',
  WORKBOOK_XML_DOCTYPE: 'error',
  WORKBOOK_EXTERNAL_LINK: 'error',
  WORKBOOK_NOT_BOUND: 'error',
  WORKBOOK_LAYOUT_VERSION: 'error',
  WORKBOOK_KIND: 'error',
  WORKBOOK_SET_MISMATCH: 'error',
  WORKBOOK_SHEET_MISSING: 'error',
  WORKBOOK_FORMULA: 'error',
  WORKBOOK_CELL_ERROR: 'error',
  WORKBOOK_CELL_TYPE: 'error',
  WORKBOOK_DECIMAL_COMMA: 'error',
  WORKBOOK_PERCENT_FRACTION: 'warning',
  WORKBOOK_UNKNOWN_CHOICE: 'error',
  WORKBOOK_UNKNOWN_ROW: 'error',
  WORKBOOK_DUPLICATE_ROW: 'error',
  WORKBOOK_MISSING_ROW: 'warning',
  WORKBOOK_CELL_IGNORED: 'warning',
  WORKBOOK_DOCUMENT_CRITERION: 'error',
  WORKBOOK_DOCUMENT_DATE: 'error',
  WORKBOOK_APPRAISAL_REASON: 'error',
  USAGE_NUMBER: 'error',
  API_BODY_TOO_LARGE: 'error',
  API_TIMEOUT: 'error',
  API_NOT_FOUND: 'error',
  API_METHOD_NOT_ALLOWED: 'error',
  API_CONTENT_TYPE: 'error',
  API_BODY_SHAPE: 'error',
  API_QUERY_VALUE: 'error',
  API_INTERNAL: 'error',
  API_BUSY: 'error',
  API_PAGE_NOT_BUILT: 'warning',
  API_LISTEN_FAILED: 'error',
  API_HOST_REFUSED: 'error',
} as const satisfies { readonly [C in DiagnosticCode]: Severity };

/** Every code, in the order of the severity table (the order of docs/errors.md). */
export const DIAGNOSTIC_CODES = /* @__PURE__ */ Object.keys(SEVERITY) as DiagnosticCode[];

type WarningCode = { [C in DiagnosticCode]: (typeof SEVERITY)[C] extends 'warning' ? C : never }[DiagnosticCode];

/** A list of warning codes, checked: a code that is not a warning of the table does not compile. */
type Warnings<T extends WarningCode> = T;

/**
 * The warnings of the tools around the engine (reading a file, a set's checks, rank, plans, the workbook,
 * the server): their callers pass the severity (`diag(code, path, params, 'warning')`, which the type of
 * diag asks for), so that diag() does not carry them and the browser scoring entry, which never gives
 * them, is smaller.
 */
type ToolWarning = Warnings<
  | 'FILE_BOM'
  | 'SET_GIVEN_RANGE'
  | 'SET_SOURCE_NOT_DOCUMENT'
  | 'RANK_APPRAISAL_UNUSED'
  | 'RANK_UNIT_LOOKALIKE'
  | 'RANK_THREADS_CAPPED'
  | 'PLAN_INPUT_OVERRIDDEN'
  | 'PROGRESS_DONE_WITHOUT_PRODUCT'
  | 'PROGRESS_PRODUCT_NOT_DONE'
  | 'PROGRESS_LATE'
  | 'PROGRESS_PLAN_NOT_GIVEN'
  | 'RESULT_UNVERIFIED'
  | 'WORKBOOK_MISSING_ROW'
  | 'WORKBOOK_CELL_IGNORED'
  | 'WORKBOOK_PERCENT_FRACTION'
  | 'API_PAGE_NOT_BUILT'
>;

/**
 * The other warnings of the table above, which diag() reads (every other code is an error): a bundle that
 * builds diagnostics then carries these few codes, not the whole table (the browser scoring entry's size).
 * Its type makes it exactly the table's warnings but the tools': a missing one or an error here does not compile.
 */
const WARNINGS: { readonly [C in Exclude<WarningCode, ToolWarning>]: true } = {
  EVIDENCE_PERIOD_MISMATCH: true,
  EVIDENCE_UNIT_BLANK: true,
  EVIDENCE_DECIMAL_COMMA: true,
  EVIDENCE_DATE_OUTSIDE_PERIOD: true,
  EVIDENCE_DOCUMENT_INCOMPLETE: true,
  EVIDENCE_DOCUMENT_DATE_OUTSIDE_PERIOD: true,
  EVIDENCE_UNKNOWN_REQUIREMENT: true,
  EVIDENCE_NOT_APPLICABLE_VALUE: true,
  EVIDENCE_UNUSED_ENTRY: true,
  EVIDENCE_DOCUMENT_WITHOUT_FOR: true,
  EVIDENCE_DOCUMENT_AFTER_DEADLINE: true,
  EVIDENCE_THOUSANDS_READ: true,
  EVIDENCE_DATE_READ: true,
  EVIDENCE_LEVEL_BY_LABEL: true,
  SCORE_MISSING_INPUT: true,
  SCORE_MISSING_DOCUMENT: true,
  SCORE_DIVISION_BY_ZERO: true,
  SCORE_EXPRESSION: true,
  SCORE_TOO_FEW_ANSWERS: true,
  SCORE_NOT_APPLICABLE_BY_VALUE: true,
  SCORE_NO_TIER: true,
  SCORE_GIVEN_OUT_OF_RANGE: true,
  SCORE_CLAIM_MISMATCH: true,
  SCORE_CLAIM_ON_PARENT: true,
  SCORE_NEEDS_EXPLANATION: true,
  APPRAISAL_ROUND_DATE_ORDER: true,
  APPRAISAL_ROUND_ID_ORDER: true,
  APPRAISAL_DATE_READ: true,
  APPRAISAL_POINTS_READ: true,
};

/** Build a diagnostic; its params are checked against its code at compile time (and a tool's warning is passed its severity). */
export function diag<C extends DiagnosticCode>(code: C, path: string, params: DiagnosticParams[C], ...[severity]: C extends ToolWarning ? ['warning'] : [Severity?]): DiagnosticOf<C> {
  return { code, severity: severity ?? (Object.hasOwn(WARNINGS, code) ? 'warning' : 'error'), path, params };
}

/** Escape one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Join segments into a JSON pointer. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + pointerSegment(s)).join('');
}

/**
 * The place a schema sentence names, from a pointer's segments (numbers are list indexes): the last
 * property name, and the index when the place is an item of a list.
 */
export function schemaPlace(segments: ReadonlyArray<string | number>): SchemaPlace {
  const last = segments[segments.length - 1];
  if (typeof last === 'number') {
    const named = [...segments].reverse().find((s): s is string => typeof s === 'string');
    return { field: named ?? null, item: last };
  }
  return { field: last ?? null, item: null };
}

/** The segments of a JSON pointer; a segment of digits is taken as a list index. */
export function pointerSegments(path: string): Array<string | number> {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** A schema issue without its place (the place comes from the pointer it is reported at). */
export type SchemaIssueBody = SchemaIssue extends infer T ? (T extends SchemaIssue ? Omit<T, 'field' | 'item'> : never) : never;
/** The codes whose params are a SchemaIssue. */
export type SchemaCode = 'SET_SCHEMA' | 'EVIDENCE_SCHEMA' | 'APPRAISAL_SCHEMA' | 'RESULT_SCHEMA' | 'PLAN_SCHEMA' | 'PROGRESS_SCHEMA';

/** A schema diagnostic at a pointer, its place (field, item) taken from the pointer. */
export function schemaDiag<C extends SchemaCode>(code: C, path: string, issue: SchemaIssueBody, place: SchemaPlace = schemaPlace(pointerSegments(path))): DiagnosticOf<C> {
  return diag<SchemaCode>(code, path, { ...place, ...issue } as SchemaIssue) as DiagnosticOf<C>;
}

/**
 * Thrown by APIs that cannot return a result; carries every diagnostic. Its message is for developers
 * ("SET_NOT_FOUND at /criteriaSet"): people read the diagnostics through @parindex/explain.
 */
export class ParindexError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly code: DiagnosticCode;
  constructor(diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    super(first ? `${first.code}${first.path ? ' at ' + first.path : ''}${diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''}` : 'Unknown parindex error');
    this.name = 'ParindexError';
    this.diagnostics = diagnostics;
    this.code = first?.code ?? 'JSON_SYNTAX';
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Every problem once per cell of a workbook: a figure of the unit that several criteria read and that is
 * not given is "missing" to each of them, at the one cell to fill; the first says it. Diagnostics without
 * a cell are all kept. Problems are the same when their
 * code and their params but the criterion's code are (two documents a criterion lacks are two problems).
 */
export function saidOnce(list: readonly Diagnostic[], cellOf: (d: Diagnostic) => string | undefined): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const cell = d.cell ?? cellOf(d);
    if (cell === undefined) return true;
    const { code: _criterion, ...rest } = d.params as Record<string, unknown>;
    const key = `${d.code}\u0000${cell}\u0000${JSON.stringify(rest)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
