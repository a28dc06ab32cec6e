/**
 * @parindex/plans: reform plans as data (tasks, deadlines, products), progress as evidence, and the
 * inputs of the plan criteria derived from them. Pure and browser-safe: no I/O, no clock, no sentence.
 */
export * from './schema.js';
export { addDays, dueDate, lastDayOfMonth, type Undated, type Window } from './deadline.js';
export { derive, planWindow, taskStatus, type Derivation, type DerivedInput, type Outcome, type TaskStatusRow } from './derive.js';
export { checkPlan, checkProgress, nearestId, parsePlan, parseProgress, type Parsed } from './check.js';
export { applyDerived, type Applied } from './apply.js';
export { planJsonSchemas } from './json-schema.js';
export { advicePicks, type AdvicePick } from './advice.js';
