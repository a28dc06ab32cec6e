/**
 * The derived inputs into an evidence value (the evidence format of @parindex/engine, read as plain
 * JSON here). Policy (docs/plans.md): the plan and its progress are the evidence of record for the
 * inputs they derive. A derived value fills an input the evidence leaves out; where the evidence
 * already has a different value, the derived value replaces it and a warning PLAN_INPUT_OVERRIDDEN
 * names both. A derived "no value" (a task not done) removes a typed value the same way. The evidence
 * given is never changed: a new value is returned.
 */
import { diag, pointer, type Diagnostic } from '@parindex/rules';
import type { Derivation } from './derive.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const textOf = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));

export interface Applied {
  evidence: Json;
  diagnostics: Diagnostic[];
}

/** Find where the evidence gives `input` for `criterion`: its values object and the pointer to it. */
function placeOf(entries: Json[], criterion: string, input: string): { entry: number; shared: boolean } | undefined {
  const i = entries.findIndex((e) => e.criterion === criterion && isObj(e.values) && input in e.values);
  if (i >= 0) return { entry: i, shared: false };
  const j = entries.findIndex((e) => e.input === input && e.criterion === undefined);
  return j >= 0 ? { entry: j, shared: true } : undefined;
}

/** Evidence with the derived inputs of a plan in it, and a warning for every typed value replaced. */
export function applyDerived(evidence: Json, derivation: Derivation, planId: string): Applied {
  const entries = (Array.isArray(evidence.entries) ? evidence.entries : []).map((e) => (isObj(e) ? { ...e, ...(isObj(e.values) ? { values: { ...e.values } } : {}) } : e)) as Json[];
  const diagnostics: Diagnostic[] = [];
  const added = new Map<string, Json>();
  for (const d of derivation.inputs) {
    // A plan whose own date is unknown says nothing about the date typed in the evidence.
    if (d.value === null && d.derive === 'planIssued') continue;
    const at = placeOf(entries, d.criterion, d.input);
    if (at) {
      const e = entries[at.entry]!;
      const typed = at.shared ? e.value : (e.values as Json)[d.input];
      if (textOf(typed) !== textOf(d.value)) {
        const path = at.shared ? pointer('entries', at.entry, 'value') : pointer('entries', at.entry, 'values', d.input);
        diagnostics.push(diag('PLAN_INPUT_OVERRIDDEN', path, { criterion: d.criterion, input: d.input, typed: textOf(typed), derived: textOf(d.value), plan: planId }, 'warning'));
      }
      if (at.shared) {
        if (d.value === null) delete e.value;
        else e.value = d.value;
      } else if (d.value === null) delete (e.values as Json)[d.input];
      else (e.values as Json)[d.input] = d.value;
      continue;
    }
    if (d.value === null) continue;
    const own = entries.find((e) => e.criterion === d.criterion && isObj(e.values));
    if (own) {
      (own.values as Json)[d.input] = d.value;
      continue;
    }
    let entry = added.get(d.criterion);
    if (!entry) {
      entry = { criterion: d.criterion, values: {} };
      added.set(d.criterion, entry);
    }
    (entry.values as Json)[d.input] = d.value;
  }
  return { evidence: { ...evidence, entries: [...entries, ...added.values()] }, diagnostics };
}
