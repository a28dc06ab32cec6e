/**
 * A saved result (`score --format json`, `--compact` too) checked against the files it was made from. Its
 * schema says only that it is well formed: a total or a leaf edited by hand passes it. Given in the same
 * `validate` call as its evidence file (and, for an appraisal round, its appraisal file), found by the
 * SHA-256s of its provenance, it is scored again and must be the same result: the first difference is
 * RESULT_NOT_REPRODUCED at its place in the result file. Without them, RESULT_UNVERIFIED says that only
 * its form was checked and which file to give.
 */
import { diag, type Diagnostic } from '@parindex/rules';
import { ParindexError, score, toCompact, type CompiledSet, type ScoreResult } from '../engine.js';
import { CliError, locateIn, type JsonFile } from '../io.js';
import { planProvenance } from '../load.js';
import { withPlanFiles } from '../plan-files.js';

/** The files of the run a result can be scored again from, by their SHA-256: valid evidence, appraisals, plans and progress files. */
export interface Sources {
  evidence: ReadonlyMap<string, { file: JsonFile; compiled: CompiledSet }>;
  appraisals: ReadonlyMap<string, unknown>;
  plans: ReadonlyMap<string, JsonFile>;
  progress: ReadonlyMap<string, JsonFile>;
}

type Provenance = Partial<ScoreResult['provenance']>;
type Missing = { missing: 'evidence' | 'appraisal' | 'plan' | 'progress'; sha256: string };

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** A JSON pointer's segment (RFC 6901). */
const segment = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** The places where two JSON values differ, in the order of the first one's members. */
function differences(a: Json, b: Json, at: string, out: string[]): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) differences(a[i], b[i], `${at}/${i}`, out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    // In the saved file's order (the totals before the fields), then what only the result scored again has.
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], `${at}/${segment(k)}`, out);
    return;
  }
  if (a !== b) out.push(at);
}

/** The value at a pointer of a JSON value (undefined when absent). */
function at(v: Json, pointer: string): Json {
  let x = v;
  for (const s of pointer.split('/').slice(1)) {
    const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
    x = Array.isArray(x) ? x[Number(k)] : isObject(x) ? x[k] : undefined;
  }
  return x;
}

/** A value as the sentence quotes it: its JSON, cut short; null when the place is absent. */
function quoted(v: Json): string | null {
  if (v === undefined) return null;
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/**
 * The evidence a result scored: the evidence file its provenance names, or with a plan, that file with the
 * inputs derived from the plan and progress files it names; or the file that is missing.
 */
function scoredEvidence(p: Provenance, sources: Sources): { compiled: CompiledSet; file: JsonFile; value: unknown; plan?: NonNullable<Provenance['plan']> } | Missing {
  const plan = p.plan;
  const evidenceSha = String((plan ? plan.evidenceSha256 : p.evidence?.sha256) ?? '');
  const ev = sources.evidence.get(evidenceSha);
  if (!ev) return { missing: 'evidence', sha256: evidenceSha };
  if (!plan) return { compiled: ev.compiled, file: ev.file, value: ev.file.value };
  const planFile = sources.plans.get(plan.sha256);
  if (!planFile) return { missing: 'plan', sha256: plan.sha256 };
  const progressFile = plan.progressSha256 === null ? undefined : sources.progress.get(plan.progressSha256);
  if (plan.progressSha256 !== null && !progressFile) return { missing: 'progress', sha256: plan.progressSha256 };
  const derived = withPlanFiles(ev.file, ev.compiled, planFile, progressFile);
  return { compiled: ev.compiled, file: ev.file, value: derived.evidence, plan: planProvenance(derived, ev.file) };
}

/** The result scored again from its sources, in its own form; or what is missing to do it. */
function scoredAgain(saved: Record<string, Json>, sources: Sources): { result: Json; file: string } | Missing {
  const p = (saved.provenance ?? {}) as Provenance;
  const ev = scoredEvidence(p, sources);
  if ('missing' in ev) return ev;
  let options = {};
  if (p.appraisal !== undefined) {
    const appraisalSha = String(p.appraisal.sha256 ?? '');
    const appraisal = sources.appraisals.get(appraisalSha);
    if (appraisal === undefined) return { missing: 'appraisal', sha256: appraisalSha };
    options = { appraisal, round: String(p.appraisal.round ?? '') };
  }
  const full = score(ev.compiled, ev.value, options);
  if (ev.plan) full.provenance.plan = ev.plan;
  return { result: JSON.parse(JSON.stringify(saved.form === 'compact' ? toCompact(full) : full)) as Json, file: ev.file.file };
}

/**
 * What stands against a saved result that passed its schema: scored again, any difference; or that it
 * could not be. `from`: the evidence file it was scored again from, when it is the same result.
 */
export function reproduced(f: JsonFile, sources: Sources): { diagnostics: Diagnostic[]; from?: string } {
  const saved = f.value as Record<string, Json>;
  let again: ReturnType<typeof scoredAgain>;
  try {
    again = scoredAgain(saved, sources);
  } catch (e) {
    if (!(e instanceof ParindexError) && !(e instanceof CliError)) throw e;
    // The files it names no longer score (its round is not in the appraisal, its plan serves another set): it was not made from them.
    const where = e instanceof CliError ? '/provenance/plan/id' : '/provenance/appraisal/round';
    return { diagnostics: locateIn([diag('RESULT_NOT_REPRODUCED', where, { at: where, saved: quoted(at(saved, where)), scored: null, more: 0, evidence: '', engine: null })], f) };
  }
  if ('missing' in again) return { diagnostics: locateIn([diag('RESULT_UNVERIFIED', '/provenance', { missing: again.missing, sha256: again.sha256 }, 'warning')], f) };
  const engine = (saved.provenance as Provenance | undefined)?.engine;
  const scoredEngine = (again.result as { provenance: { engine: string } }).provenance.engine;
  // Another version of the engine is said in the sentence, not as the first difference (it would hide the figures').
  (again.result as { provenance: { engine: Json } }).provenance.engine = engine;
  const found: string[] = [];
  differences(saved, again.result, '', found);
  if (!found.length) return { diagnostics: [], from: again.file };
  const first = found[0]!;
  const params = {
    at: first,
    saved: quoted(at(saved, first)),
    scored: quoted(at(again.result, first)),
    more: found.length - 1,
    evidence: again.file,
    engine: typeof engine === 'string' && engine !== scoredEngine ? engine : null,
  };
  return { diagnostics: locateIn([diag('RESULT_NOT_REPRODUCED', first, params)], f) };
}
