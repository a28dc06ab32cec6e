/**
 * @parindex/rules: the criteria-set format (zod schema and inferred types), its cross-field checks,
 * the diagnostics catalog and safe JSON reading. Browser-safe. File loading and JSON Schema validation
 * live in "@parindex/rules/node".
 */
export * from './schema.js';
export * from './diagnostics.js';
export { LIMITS } from './limits.js';
export { Decimal, dec, decText, cmpDec, addDec, mulDec, smallInt, quotientText, isExactQuotient, ZERO, ONE } from './decimal.js';
export { readJson, type JsonDocument } from './json.js';
export { numberTokensOf } from './number-tokens.js';
export { FORBIDDEN_KEYS, findForbiddenKeys as findForbiddenKeysPublic } from './forbidden.js';
export { checkSet, SET_CHECKS } from './checks.js';
export { intervalContains, intervalOf, toInterval, scanIntervals, type Interval } from './intervals.js';
export { isRealDate, daysBetween } from './dates.js';
export { evaluateLogic, logicTruthy, LogicError, type LogicValue, type LogicScope } from './expression.js';
export * from './kinds/index.js';
export { LOGIC_OPERATORS, isLogicOperator, checkLogic, splitVarName } from './logic.js';
export { parseCriteriaSet, zodDiagnostics, PARSE_OPTIONS, type ParseResult } from './parse.js';
export { codePoints } from './code-points.js';
export { criteriaSetJsonSchema } from './json-schema.js';
export {
  readValueText,
  readDateText,
  valueTextDiagnostic,
  nearestWord,
  nearestCode,
  editDistance,
  foldText,
  type ValueTextCode,
  type ValueTextProblem,
  type ValueTextResult,
  type ValueTextSource,
} from './value-text.js';
