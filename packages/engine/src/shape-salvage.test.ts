/**
 * Every problem at once, as before: checkEvidence() (the schema's problems, salvage, then the later
 * stages) and score() give the same diagnostics with the zod-free checks as with the zod schemas in
 * their place. The engine is loaded twice: as it is, and with parseEvidence, readEvidence and
 * parseAppraisal answered by the zod oracle (the fast path in front, as the engine read evidence
 * before), so salvage's rounds of taking out and checking again run on both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findForbiddenKeysPublic, PARSE_OPTIONS, zodDiagnostics, type Diagnostic } from './deps.js';
import { Appraisal } from './appraisal-zod.js';
import { Evidence } from './evidence-zod.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8')) as Record<string, unknown>;
const SET = read('rules/sets/model.commune-par/2026.json');
const EVIDENCE = read('examples/vinh-bao/par-2026.json');
const APPRAISAL = read('examples/vinh-bao/appraisal-2026.json');
const LONG = Number(process.env.PARINDEX_FUZZ_RUNS ?? 0);
const RUNS = LONG > 0 ? Math.max(1, Math.floor(LONG / 50)) : 75;

function oracle(schema: typeof Evidence | typeof Appraisal, code: 'EVIDENCE_SCHEMA' | 'APPRAISAL_SCHEMA', value: unknown): { value: never; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  findForbiddenKeysPublic(value, diagnostics);
  if (diagnostics.length) return { value: undefined as never, diagnostics };
  const parsed = schema.safeParse(value, PARSE_OPTIONS);
  return parsed.success ? { value: parsed.data as never, diagnostics: [] } : { value: undefined as never, diagnostics: zodDiagnostics(parsed.error, code) };
}

type Engine = typeof import('./score.js') & typeof import('./compile.js');
const load = async (): Promise<Engine> => ({ ...(await import('./score.js')), ...(await import('./compile.js')) });
const zodFree = await load();
vi.resetModules();
vi.doMock('./evidence.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./evidence.js')>();
  const parse = (value: unknown) => {
    const fast = actual.fastEvidenceRead(value);
    return fast ? { value: fast.evidence, diagnostics: [] } : oracle(Evidence, 'EVIDENCE_SCHEMA', value);
  };
  const readEvidence = (value: unknown) => {
    const fast = actual.fastEvidenceRead(value);
    return fast ? { ...parse(value), sha256: actual.readEvidence(value).sha256 } : { ...oracle(Evidence, 'EVIDENCE_SCHEMA', value), sha256: undefined };
  };
  return { ...actual, parseEvidence: parse, readEvidence };
});
vi.doMock('./appraisal.js', async (importOriginal) => ({ ...(await importOriginal<typeof import('./appraisal.js')>()), parseAppraisal: (v: unknown) => oracle(Appraisal, 'APPRAISAL_SCHEMA', v) }));
const withZod = await load();
vi.doUnmock('./evidence.js');
vi.doUnmock('./appraisal.js');

const compiled = { zodFree: zodFree.compile(SET), withZod: withZod.compile(SET) };

/** What an engine says of the evidence (and appraisal): checkEvidence's diagnostics and score()'s result or error. */
function said(engine: Engine, set: typeof compiled.zodFree, evidence: unknown, appraisal?: unknown): string {
  const options = appraisal === undefined ? {} : { appraisal };
  let scored: string;
  try {
    scored = JSON.stringify(engine.score(set, structuredClone(evidence), structuredClone(options)));
  } catch (e) {
    scored = `throws ${JSON.stringify((e as { diagnostics?: unknown }).diagnostics ?? String(e))}`;
  }
  return `${scored}\n${JSON.stringify(engine.checkEvidence(set, structuredClone(evidence), structuredClone(options)))}`;
}
const same = (evidence: unknown, appraisal?: unknown) => expect(said(zodFree, compiled.zodFree, evidence, appraisal)).toBe(said(withZod, compiled.withZod, evidence, appraisal));

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const junk = fc.constantFrom<unknown>(
  null,
  true,
  0,
  -1,
  1.5,
  'x',
  '',
  '2026-02-30',
  '15/01/2026',
  '12,5',
  [],
  {},
  { a: 'x' },
  { Bad: 1 },
  'a'.repeat(300),
  [1, 2, 3],
  { length: 500 },
  '1.1',
  'round1',
  'answer',
);
const entryKey = fc.constantFrom('value', 'values', 'criterion', 'input', 'claimedPoints', 'explanation', 'note', 'documents', 'extra');

describe('checkEvidence and score: the same with the zod-free checks as with zod (salvage included)', () => {
  it('the oracle engine is another module graph, answering with zod', () => {
    expect(withZod.checkEvidence).not.toBe(zodFree.checkEvidence);
  });

  it('for hostile edits of entries, documents and the head of the evidence file', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(200), entryKey, junk, fc.nat(8)), { minLength: 1, maxLength: 5 }), (edits) => {
        const e = structuredClone(EVIDENCE) as { entries: Array<Record<string, unknown>>; unit: Record<string, unknown>; period: Record<string, unknown> } & Record<string, unknown>;
        for (const [n, key, value, where] of edits) {
          const entry = e.entries[n % e.entries.length]!;
          if (!isObj(entry)) continue;
          const docs = Array.isArray(entry.documents) ? (entry.documents as Array<Record<string, unknown>>) : undefined;
          if (where === 0) e.unit[key === 'extra' ? 'extra' : 'code'] = value;
          else if (where === 1) e.period[n % 2 ? 'from' : 'to'] = value;
          else if (where === 2 && docs?.length && isObj(docs[0])) docs[0][n % 2 ? 'date' : 'for'] = value;
          else if (where === 3) e.entries[n % e.entries.length] = value as never;
          else if (where === 4 && isObj(entry.values)) entry.values[Object.keys(entry.values)[0] ?? 'x'] = value;
          else entry[key] = value;
        }
        same(e);
      }),
      { numRuns: RUNS },
    );
  });

  it('for hostile edits of the appraisal, at every round', () => {
    const rounds = (APPRAISAL.rounds as Array<{ items: unknown[] }>).length;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(rounds - 1), fc.nat(20), fc.constantFrom('criterion', 'values', 'points', 'reason', 'id', 'kind', 'items', 'unit', 'sha256', 'extra'), junk), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const a = structuredClone(APPRAISAL) as { rounds: Array<Record<string, unknown>>; evidence: Record<string, unknown> };
          for (const [r, i, key, value] of edits) {
            const round = a.rounds[r]!;
            const item: unknown = Array.isArray(round.items) && round.items.length ? round.items[i % round.items.length] : undefined;
            if (key === 'unit' || key === 'sha256') a.evidence[key] = value;
            else if (key === 'id' || key === 'kind' || key === 'items') round[key] = value;
            else if (isObj(item)) item[key] = value;
          }
          same(EVIDENCE, a);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
