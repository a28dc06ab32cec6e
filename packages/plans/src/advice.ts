/**
 * Which tasks would win the points the engine's advice asks for. The engine says "raise the number of
 * tasks done by k to reach the next tier" (a raiseRatio or raise improvement on the derived count);
 * this picks the k tasks: those marked done without a product first (only the proof is missing), then
 * the overdue ones, earliest deadline first, in plan order among equals.
 */
import { dec } from '@parindex/rules';
import type { Derivation, Outcome } from './derive.js';

export interface AdvicePick {
  input: string;
  /** How many more tasks the advice needs. */
  needed: number;
  /** The tasks picked, at most `needed`. */
  tasks: string[];
  /** Enough tasks left to pick from. */
  feasible: boolean;
}

const ORDER: Partial<Record<Outcome, number>> = { noProduct: 0, overdue: 1, dropped: 2 };

/** The tasks behind an improvement that raises a derived "tasks done" count by `delta`; undefined for any other input. */
export function advicePicks(derivation: Derivation, numerator: string, delta: string): AdvicePick | undefined {
  const d = derivation.inputs.find((x) => x.input === numerator && x.derive === 'tasksDone');
  if (!d) return undefined;
  const needed = dec(delta).ceil().toNumber();
  const scope = d.fields ? new Set(d.fields) : undefined;
  const open = derivation.tasks
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.counted && !t.done && ORDER[t.outcome] !== undefined && (!scope || scope.has(t.field)))
    .sort((a, b) => ORDER[a.t.outcome]! - ORDER[b.t.outcome]! || (a.t.due ?? '').localeCompare(b.t.due ?? '') || a.i - b.i);
  const tasks = open.slice(0, needed).map(({ t }) => t.task);
  return { input: numerator, needed, tasks, feasible: tasks.length >= needed };
}
