/**
 * The JSON API over a real HTTP server on 127.0.0.1 (port 0; each server closes itself): every route
 * with real values checked against the engine in this process, the answers against the zod schemas the
 * OpenAPI document is generated from, bad and oversized bodies, the time limit, CORS, the web page, and
 * errors in both languages. Runs the built server (dist/, its worker thread is dist/worker.js).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, diffResults, rank, score, toSummary } from '@parindex/engine';
import { CompactResultSchema, ScoreResultSchema } from '@parindex/engine/result-schema';
import { diagnosticText } from '@parindex/explain';
import { diag, PARSE_OPTIONS } from '@parindex/rules';
import { openApiDocument, startServer, type RunningServer, type StartOptions } from '../dist/index.js';
import { preferredLang } from '../dist/app.js';
import { DiffAnswer, ErrorAnswer, ExplainAnswer, HealthAnswer, RankAnswer, RankBody, SetListAnswer, ValidateAnswer } from '../dist/schemas.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const text = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const json = (p: string) => JSON.parse(text(p)) as Record<string, any>;
const SET = json('rules/sets/model.commune-par/2026.json');
const EVIDENCE = text('examples/vinh-bao/par-2026.json');
const APPRAISAL = text('examples/vinh-bao/appraisal-2026.json');
/** The Vĩnh Bảo evidence as JSON.stringify writes it: where it starts in a one-line body. */
const EVIDENCE_LINE = JSON.stringify(JSON.parse(EVIDENCE));
const UNITS = ['vinh-bao', 'dai-son', 'kien-tho', 'nguyen-luong-bang', 'tran-lieu'].map((u) => json(`examples/${u}/par-2026.json`));

async function withServer(options: StartOptions, f: (s: RunningServer) => Promise<void>): Promise<void> {
  const s = await startServer({ port: 0, threads: 1, ...options });
  try {
    await f(s);
  } finally {
    await s.close();
  }
}

interface Answer {
  status: number;
  headers: Headers;
  body: any;
  raw: string;
}

async function call(s: RunningServer, path: string, body?: string, init: RequestInit = {}): Promise<Answer> {
  const r = await fetch(s.url + path, body === undefined ? init : { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...init });
  const raw = await r.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  return { status: r.status, headers: r.headers, body: parsed, raw };
}

/** A diagnostic answer: codes, and never a stack trace. */
function codes(a: Answer): string[] {
  expect(a.raw).not.toMatch(/\n\s+at |node:internal|\.ts:\d+|\.js:\d+/);
  expect(ErrorAnswer.safeParse(a.body, PARSE_OPTIONS).success).toBe(true);
  return (a.body.diagnostics as Array<{ code: string }>).map((d) => d.code);
}

describe('the JSON API', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ port: 0, threads: 1 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('listens on 127.0.0.1 by default and answers /v1/health with the engine version and its limits', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const a = await call(s, '/v1/health');
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ status: 'ok', engine: '0.1.0', threads: 1, timeoutMs: 10000, maxBodyBytes: 20 * 1024 * 1024 });
    expect(HealthAnswer.safeParse(a.body, PARSE_OPTIONS).success).toBe(true);
    expect(a.headers.get('access-control-allow-origin')).toBeNull();
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('POST /v1/score answers the engine result, byte for byte what score() gives in this process', async () => {
    const a = await call(s, '/v1/score', EVIDENCE);
    expect(a.status).toBe(200);
    expect(a.raw).toBe(JSON.stringify(score(compile(SET), JSON.parse(EVIDENCE))));
    expect(a.body.totals.index).toBe('83.6');
    expect(ScoreResultSchema.safeParse(a.body, PARSE_OPTIONS).success).toBe(true);
  });

  it('POST /v1/score?form=compact answers the compact form (the same totals, no trace); another form is refused', async () => {
    const a = await call(s, '/v1/score?form=compact', EVIDENCE);
    expect(a.status).toBe(200);
    expect(a.raw).toBe(JSON.stringify(score(compile(SET), JSON.parse(EVIDENCE), { form: 'compact' })));
    expect(a.body.form).toBe('compact');
    expect(a.body.totals.index).toBe('83.6');
    expect(a.body.criteria.find((c: { code: string }) => c.code === '3.2')).toMatchObject({ points: '1', applicableMax: '3', status: 'scored' });
    expect(CompactResultSchema.safeParse(a.body, PARSE_OPTIONS).success).toBe(true);
    const bad = await call(s, '/v1/score?form=short&lang=en', EVIDENCE);
    expect(bad.status).toBe(400);
    expect(bad.body.diagnostics[0]).toMatchObject({ code: 'API_QUERY_VALUE', params: { name: 'form', value: 'short', allowed: ['full', 'compact'] } });
  });

  it('POST /v1/score with an appraisal and a round scores the round; a set given in the body is used instead of the bundled one', async () => {
    const a = await call(s, '/v1/score', JSON.stringify({ evidence: JSON.parse(EVIDENCE), appraisal: JSON.parse(APPRAISAL) }));
    expect(a.status).toBe(200);
    expect(a.body.stage).toBe('round2');
    expect(a.body.totals.points).toBe('82.936');
    const r1 = await call(s, '/v1/score', JSON.stringify({ evidence: JSON.parse(EVIDENCE), appraisal: JSON.parse(APPRAISAL), round: 'round1' }));
    expect(r1.body.stage).toBe('round1');
    const own = structuredClone(SET);
    own.title = 'Bộ tiêu chí của tỉnh';
    const withSet = await call(s, '/v1/score', JSON.stringify({ evidence: JSON.parse(EVIDENCE), set: own }));
    expect(withSet.status).toBe(200);
    expect(withSet.body.provenance.criteriaSet.sha256).not.toBe(a.body.provenance.criteriaSet.sha256);
    expect(withSet.body.totals.points).toBe('83.186');
    // /v1/explain with the appraisal: the unit's answers under the criterion, in the document model, dated as
    // the engine reads a day-first date.
    const answered = JSON.parse(APPRAISAL);
    answered.rounds[1].date = '27/01/2027';
    const ex = await call(s, '/v1/explain?code=3.7.2&lang=en', JSON.stringify({ evidence: JSON.parse(EVIDENCE), appraisal: answered }));
    expect(ex.status).toBe(200);
    const lists = ex.body.document.filter((b: { kind: string }) => b.kind === 'list').flatMap((b: { items: string[] }) => b.items);
    expect(lists).toContain("Unit's answer (2027-01-27, UBND xã Vĩnh Bảo): Thống nhất số liệu thẩm định 320 giao dịch; 32 giao dịch là thanh toán qua ngân hàng tại quầy, không tính là trực tuyến.");
  });

  it('without ?lang= the sentences follow Accept-Language; ?lang= wins over it', async () => {
    const step = async (path: string, acceptLanguage?: string) => {
      const a = await call(s, path, EVIDENCE, acceptLanguage === undefined ? {} : { headers: { 'content-type': 'application/json', 'accept-language': acceptLanguage } });
      expect(a.status).toBe(200);
      expect(a.headers.get('vary')?.toLowerCase()).toContain('accept-language');
      return a.body.criteria[0].steps[0] as string;
    };
    const vi = 'Tỉ lệ = 1.170 ÷ 1.300 × 100 = 90';
    const en = 'Ratio = 1,170 ÷ 1,300 × 100 = 90';
    expect(await step('/v1/explain?code=3.2', 'en-GB,en;q=0.9,vi;q=0.5')).toBe(en);
    expect(await step('/v1/explain?code=3.2', 'fr-FR, vi;q=0.4, en;q=0.3')).toBe(vi);
    expect(await step('/v1/explain?code=3.2', 'de, en;q=0')).toBe(vi);
    expect(await step('/v1/explain?code=3.2', 'fr')).toBe(vi);
    expect(await step('/v1/explain?code=3.2')).toBe(vi);
    expect(await step('/v1/explain?code=3.2&lang=vi', 'en')).toBe(vi);
    // An error answer too.
    const bad = await call(s, '/v1/score', '{not json', { headers: { 'content-type': 'application/json', 'accept-language': 'en-US' } });
    expect(bad.status).toBe(400);
    expect(bad.body.diagnostics[0].text).toMatch(/^Invalid JSON: /);
  });

  it('preferredLang reads weights as RFC 9110 says', () => {
    expect(preferredLang(undefined)).toBe('vi');
    expect(preferredLang('')).toBe('vi');
    expect(preferredLang('en')).toBe('en');
    expect(preferredLang('EN-us')).toBe('en');
    expect(preferredLang('vi-VN,vi;q=0.9,en-US;q=0.8')).toBe('vi');
    expect(preferredLang('en;q=0.5, vi;q=0.6')).toBe('vi');
    expect(preferredLang('en;q=0.5, vi;q=0.5')).toBe('en');
    expect(preferredLang('en;q=2, vi;q=0.1')).toBe('vi');
    expect(preferredLang('*')).toBe('vi');
    expect(preferredLang(`${'fr,'.repeat(40)}en`)).toBe('vi');
  });

  it('POST /v1/explain words every criterion in Vietnamese by default and in English with ?lang=en', async () => {
    const vi = await call(s, '/v1/explain?code=3.2', EVIDENCE);
    expect(vi.status).toBe(200);
    expect(ExplainAnswer.safeParse(vi.body, PARSE_OPTIONS).success).toBe(true);
    expect(vi.body.criteria).toHaveLength(1);
    const c = vi.body.criteria[0];
    expect(c).toMatchObject({ code: '3.2', points: '1', applicableMax: '3', lost: true });
    expect(c.steps[0]).toBe('Tỉ lệ = 1.170 ÷ 1.300 × 100 = 90');
    expect(c.improve[0]).toBe('Thêm 65 hồ sơ giải quyết trước và đúng hạn để đạt 2 điểm (+1) (1.170 → 1.235; tỉ lệ 95%)');
    const en = await call(s, '/v1/explain?lang=en', EVIDENCE);
    expect(en.body.lang).toBe('en');
    const c32 = en.body.criteria.find((x: { code: string }) => x.code === '3.2');
    expect(c32.steps[0]).toBe('Ratio = 1,170 ÷ 1,300 × 100 = 90');
    // The criteria that lost points come first.
    const lostFlags = en.body.criteria.map((x: { lost: boolean }) => x.lost);
    expect(lostFlags.indexOf(false)).toBeGreaterThan(0);
    expect(lostFlags.slice(lostFlags.indexOf(false))).not.toContain(true);
    expect(en.body.document[0]).toMatchObject({ kind: 'title' });
    expect(en.body.diagnostics.every((d: { text: string }) => /^[\x20-\x7e\u00a0-\u024f\u1e00-\u1eff–—…→≥≤×÷“”‘’]*$/.test(d.text))).toBe(true);
  });

  it('POST /v1/explain?code= of an unknown criterion is a coded 404', async () => {
    const a = await call(s, '/v1/explain?code=9.9', EVIDENCE);
    expect(a.status).toBe(404);
    expect(codes(a)).toEqual(['EVIDENCE_UNKNOWN_CRITERION']);
  });

  it('POST /v1/validate reports every problem of a set, an evidence file and an appraisal file, with line and column in the body', async () => {
    const ok = await call(s, '/v1/validate', EVIDENCE);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ kind: 'evidence', valid: true, errors: 0 });
    expect(ValidateAnswer.safeParse(ok.body, PARSE_OPTIONS).success).toBe(true);
    const broken = EVIDENCE.replace('"dossiers_on_time": 1170', '"dossiers_on_time": "1170,5"');
    expect(broken).not.toBe(EVIDENCE);
    const bad = await call(s, '/v1/validate?lang=en', broken);
    expect(bad.body.valid).toBe(false);
    // A whole count written 1170,5 is not a count: an error at the value, with its line and the sentence in English.
    const d = bad.body.diagnostics.find((x: { code: string }) => x.code === 'EVIDENCE_VALUE_TYPE');
    expect(d).toMatchObject({ severity: 'error', path: expect.stringMatching(/^\/entries\/\d+\/values\/dossiers_on_time$/) });
    expect(d.line).toBe(broken.split('\n').findIndex((l) => l.includes('"1170,5"')) + 1);
    expect(d.text).toBe('The input "Dossiers resolved on time" (dossiers_on_time) needs a whole number ≥ 0; got "1170,5".');
    expect(bad.body).toMatchObject({ errors: 1, warnings: 2 });
    // A decimal comma where decimals are allowed (a percentage) is read, with a warning: the file stays valid (docs/api.md).
    const comma = await call(s, '/v1/validate?lang=en', EVIDENCE.replace('"work_files_online_rate": 86.5', '"work_files_online_rate": "86,5"'));
    expect(comma.body).toMatchObject({ kind: 'evidence', valid: true, errors: 0, warnings: 3 });
    expect(comma.body.diagnostics[0]).toMatchObject({
      code: 'EVIDENCE_DECIMAL_COMMA',
      severity: 'warning',
      path: '/entries/52/values/work_files_online_rate',
      params: { input: 'work_files_online_rate', got: '86,5', suggest: '86.5' },
      text: 'The input "Work files handled online (%)" (work_files_online_rate) is written "86,5" with a decimal comma and was read as 86.5; in the file, write the number with a dot: 86.5.',
    });
    const set = await call(s, '/v1/validate', JSON.stringify(SET));
    expect(set.body).toMatchObject({ kind: 'set', valid: true });
    const appraisal = await call(s, '/v1/validate', APPRAISAL);
    expect(appraisal.body).toMatchObject({ kind: 'appraisal', valid: true });
    // A round's date written day first is read, with a warning, as score reads it; a criterion unknown to the set is still found.
    const dayFirst = JSON.parse(APPRAISAL);
    dayFirst.rounds[0].date = '20/01/2027';
    const read = await call(s, '/v1/validate?lang=en', JSON.stringify(dayFirst));
    expect(read.body).toMatchObject({ kind: 'appraisal', valid: true, errors: 0 });
    expect(read.body.diagnostics.map((x: { code: string; path: string }) => [x.code, x.path])).toEqual([['APPRAISAL_DATE_READ', '/rounds/0/date']]);
    dayFirst.rounds[0].items[0].criterion = '9.9.9';
    const unknown = await call(s, '/v1/validate', JSON.stringify(dayFirst));
    expect(unknown.body.diagnostics.map((x: { code: string }) => x.code)).toEqual(['APPRAISAL_DATE_READ', 'APPRAISAL_UNKNOWN_CRITERION']);
    const noSet = await call(s, '/v1/validate', JSON.stringify({ ...JSON.parse(EVIDENCE), criteriaSet: 'model.nothing@2026' }));
    expect(noSet.body).toMatchObject({ kind: 'evidence', valid: false });
    expect(noSet.body.diagnostics[0]).toMatchObject({ code: 'SET_NOT_FOUND', path: '/criteriaSet', line: expect.any(Number) });
  });

  it('POST /v1/diff compares self-score and appraisal, and two sides given as evidence or saved results', async () => {
    const compiled = compile(SET);
    const ev = JSON.parse(EVIDENCE);
    const expected = diffResults(score(compiled, ev), score(compiled, ev, { appraisal: JSON.parse(APPRAISAL) }));
    const a = await call(s, '/v1/diff', JSON.stringify({ evidence: ev, appraisal: JSON.parse(APPRAISAL) }));
    expect(a.status).toBe(200);
    expect(a.raw).toBe(JSON.stringify(expected));
    expect(a.body.totals.points.delta).toBe('-0.25');
    expect(DiffAnswer.safeParse(a.body, PARSE_OPTIONS).success).toBe(true);
    const saved = score(compiled, UNITS[1]);
    const b = await call(s, '/v1/diff', JSON.stringify({ a: saved, b: UNITS[1] }));
    expect(b.status).toBe(200);
    expect(b.body.counts.changedLeaves).toBe(0);
    const brokenSaved = await call(s, '/v1/diff', JSON.stringify({ a: { ...saved, totals: { points: 1 } }, b: UNITS[1] }));
    expect(brokenSaved.status).toBe(400);
    expect(codes(brokenSaved)).toContain('RESULT_SCHEMA');
    expect(brokenSaved.body.diagnostics[0].path).toMatch(/^\/a\/totals/);
  });

  it('POST /v1/rank ranks many units in one request as rank() does, and lists the units that fail', async () => {
    const compiled = compile(SET);
    const par = UNITS.filter((u) => u.criteriaSet === 'model.commune-par@2026');
    const bad = { ...par[0], entries: 'none' };
    const a = await call(s, '/v1/rank', JSON.stringify({ evidence: [...par, bad, json('examples/kien-tho/dti-2026.json')] }));
    expect(a.status).toBe(200);
    expect(RankAnswer.safeParse(a.body, PARSE_OPTIONS).success).toBe(true);
    const expected = rank(
      par.map((u) => toSummary(score(compiled, u))),
      'dense',
    );
    expect(a.body.ranking.map((r: { input: number; index: string; rank: number }) => [r.input, r.index, r.rank])).toEqual(expected.map((r) => [r.input, r.index, r.rank]));
    expect(a.body.failed.map((f: { input: number; diagnostics: Array<{ code: string }> }) => [f.input, f.diagnostics[0]!.code])).toEqual([
      [par.length, 'EVIDENCE_SCHEMA'],
      [par.length + 1, 'EVIDENCE_SET_MISMATCH'],
    ]);
    expect(a.body.failed[0].diagnostics[0].path).toBe(`/evidence/${par.length}/entries`);
    expect(a.body.summary.index.count).toBe(par.length);
    // Streamed: the progress of each unit, then the same answer.
    const streamed = await call(s, '/v1/rank?stream=1', JSON.stringify({ evidence: [...par, bad, json('examples/kien-tho/dti-2026.json')] }));
    expect(streamed.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = streamed.raw
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const total = par.length + 2;
    expect(lines.slice(0, -1)).toEqual(Array.from({ length: total }, (_, i) => ({ progress: { done: i + 1, total } })));
    expect(lines.at(-1)).toEqual({ status: 200, answer: a.body });
    const shape = await call(s, '/v1/rank', JSON.stringify({ evidence: 'all' }));
    expect(shape.status).toBe(400);
    expect(codes(shape)).toEqual(['API_BODY_SHAPE']);
    // The member at fault, with its line and column.
    const ties = await call(s, '/v1/rank?lang=en', `{\n  "evidence": [],\n  "ties": "olympic"\n}`);
    expect(ties.body.diagnostics.map((d: { path: string; line: number; column: number }) => [d.path, d.line, d.column])).toEqual([['/ties', 3, 3]]);
    expect(ties.body.diagnostics[0].text).toMatch(/^The body sent to \/v1\/rank must be \{"evidence": \[\.\.\.evidence files\]/);
  });

  /** Line and column of `needle` (its first occurrence from `from`) in a one-line body: where the body's reader locates a member. */
  const at = (body: string, needle: string, from = 0) => {
    const i = body.indexOf(needle, from);
    expect(i, needle).toBeGreaterThanOrEqual(0);
    return { line: 1, column: i + 1 };
  };
  type Row = { input: number; unit: { code: string }; rank: number; stage: string; index: string };
  type Reported = { input: number; diagnostics: Array<{ code: string; severity: string; path: string; params: object; line: number; column: number; text: string }> };
  const rows = (a: Answer) => a.body.ranking.map((r: Row) => [r.input, r.unit.code, r.rank, r.stage, r.index]);
  const located = (list: Reported[]) => list.map((f) => [f.input, f.diagnostics.map((d) => [d.code, d.severity, d.path, d.line, d.column])]);
  const FIVE = [
    [2, 'TH-KIENTHO', 1, 'self', '94.58'],
    [1, 'HP-DAISON', 2, 'self', '84.94'],
    [4, 'HP-TRANLIEU', 3, 'self', '84.63'],
  ];

  it('POST /v1/rank ranks a unit given twice once (the first in the body), the other RANK_DUPLICATE_UNIT at its code, as parindex rank', async () => {
    const body = JSON.stringify({ evidence: [...UNITS, UNITS[0]] });
    const a = await call(s, '/v1/rank?lang=en', body);
    expect(a.status).toBe(200);
    expect(RankAnswer.safeParse(a.body, PARSE_OPTIONS).success).toBe(true);
    expect(rows(a)).toEqual([...FIVE, [0, 'HP-VINHBAO', 4, 'self', '83.6'], [3, 'HP-NLBANG', 5, 'self', '49.29']]);
    // At the code of the sixth evidence file in the body.
    const sixth = body.indexOf(EVIDENCE_LINE, body.indexOf(EVIDENCE_LINE) + 1);
    const code = at(body, '"code"', body.indexOf('"unit":', sixth));
    expect(located(a.body.failed)).toEqual([[5, [['RANK_DUPLICATE_UNIT', 'error', '/evidence/5/unit/code', code.line, code.column]]]]);
    expect(a.body.failed[0].diagnostics[0].params).toEqual({ unit: 'HP-VINHBAO', first: '/evidence/0' });
    expect(a.body.failed[0].diagnostics[0].text).toBe('The unit HP-VINHBAO is already ranked from /evidence/0; each unit is ranked once.');
    expect(a.body.summary.ranked).toBe(5);
    expect(a.body.unusedAppraisals).toEqual([]);
    // A code that only looks like the first: the same unit, both spellings named.
    const lookalike = structuredClone(UNITS[0]!);
    lookalike.unit.code = 'HP\u2011VINHBAO';
    const b = await call(s, '/v1/rank?lang=en', JSON.stringify({ evidence: [UNITS[0], lookalike] }));
    expect(rows(b)).toEqual([[0, 'HP-VINHBAO', 1, 'self', '83.6']]);
    expect(b.body.failed.map((f: Reported) => [f.input, f.diagnostics.map((d) => [d.code, d.severity, d.path, d.params])])).toEqual([
      [
        1,
        [
          ['RANK_DUPLICATE_UNIT', 'error', '/evidence/1/unit/code', { unit: 'HP\\u{2011}VINHBAO', first: '/evidence/0' }],
          ['RANK_UNIT_LOOKALIKE', 'warning', '/evidence/1/unit/code', { unit: 'HP\\u{2011}VINHBAO', first: 'HP-VINHBAO', file: '/evidence/0' }],
        ],
      ],
    ]);
  });

  it('POST /v1/rank reports each appraisal it does not use (RANK_APPRAISAL_UNUSED at /appraisals/N/evidence, with the reason), as parindex rank', async () => {
    const appraisal = JSON.parse(APPRAISAL);
    const body = JSON.stringify({ evidence: [UNITS[1], UNITS[2]], appraisals: [appraisal] });
    const a = await call(s, '/v1/rank?lang=en', body);
    expect(a.status).toBe(200);
    expect(RankAnswer.safeParse(a.body, PARSE_OPTIONS).success).toBe(true);
    expect(rows(a)).toEqual([
      [1, 'TH-KIENTHO', 1, 'self', '94.58'],
      [0, 'HP-DAISON', 2, 'self', '84.94'],
    ]);
    expect(a.body.failed).toEqual([]);
    const where = at(body, '"evidence":', body.indexOf('"appraisals":'));
    expect(located(a.body.unusedAppraisals)).toEqual([[0, [['RANK_APPRAISAL_UNUSED', 'warning', '/appraisals/0/evidence', where.line, where.column]]]]);
    expect(a.body.unusedAppraisals[0].diagnostics[0].text).toBe('This appraisal (unit HP-VINHBAO) was not used: the evidence it names is not among the files ranked.');
    // Its unit ranked from changed evidence, and a second appraisal of the same evidence.
    const changed = structuredClone(UNITS[0]!);
    changed.entries[0].note = 'sửa sau thẩm định';
    const b = await call(s, '/v1/rank?lang=en', JSON.stringify({ evidence: [changed], appraisals: [appraisal, appraisal] }));
    expect(rows(b)).toEqual([[0, 'HP-VINHBAO', 1, 'self', '83.6']]);
    const params = b.body.unusedAppraisals.map((f: Reported) => [f.input, f.diagnostics[0]!.path, f.diagnostics[0]!.params]);
    expect(params).toEqual([
      [0, '/appraisals/0/evidence', { unit: 'HP-VINHBAO', reason: 'evidenceChanged', file: '/evidence/0', sha256: appraisal.evidence.sha256, ranked: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      [1, '/appraisals/1/evidence', { unit: 'HP-VINHBAO', reason: 'sameEvidence', first: '/appraisals/0' }],
    ]);
    expect(params[0][2].ranked).not.toBe(appraisal.evidence.sha256);
    // Its evidence given twice, the appraised copy second: left out as the repeat, and the reason says so.
    const copy = structuredClone(UNITS[0]!);
    copy.unit.name = 'UBND xã Vĩnh Bảo (bản sao)';
    const d = await call(s, '/v1/rank?lang=en', JSON.stringify({ evidence: [copy, UNITS[0]], appraisals: [appraisal] }));
    expect(d.body.unusedAppraisals.map((f: Reported) => f.diagnostics[0]!.params)).toEqual([{ unit: 'HP-VINHBAO', reason: 'evidenceDuplicate', file: '/evidence/1', first: '/evidence/0' }]);
    expect(d.body.unusedAppraisals[0].diagnostics[0].text).toBe(
      'This appraisal (unit HP-VINHBAO) was not used: the evidence it appraises (/evidence/1) was left out, its unit being ranked from /evidence/0; keep one evidence file per unit to rank on this appraisal.',
    );
    // Used, it is not reported: the unit is ranked on its last round.
    const c = await call(s, '/v1/rank', JSON.stringify({ evidence: [UNITS[0]], appraisals: [appraisal] }));
    expect([rows(c), c.body.unusedAppraisals]).toEqual([[[0, 'HP-VINHBAO', 1, 'round2', '83.35']], []]);
  });

  it("POST /v1/rank's summary lists every band of the set, one no unit reached with count 0, and rounds as the set says, as parindex rank", async () => {
    const a = await call(s, '/v1/rank', JSON.stringify({ evidence: UNITS, appraisals: [JSON.parse(APPRAISAL)] }));
    expect(rows(a)).toEqual([...FIVE, [0, 'HP-VINHBAO', 4, 'round2', '83.35'], [3, 'HP-NLBANG', 5, 'self', '49.29']]);
    expect(SET.classification.map((b: { code: string }) => b.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(a.body.summary.bands.map((b: { code: string; count: number; share: string; units: string[] }) => [b.code, b.count, b.share, b.units])).toEqual([
      ['A', 1, '20', ['TH-KIENTHO']],
      ['B', 3, '60', ['HP-DAISON', 'HP-TRANLIEU', 'HP-VINHBAO']],
      ['C', 0, '0', []],
      ['D', 1, '20', ['HP-NLBANG']],
    ]);
    expect(a.body.summary.index).toEqual({ count: 5, sum: '396.79', mean: '79.358', rounded: '79.36' });
  });

  it('POST /v1/rank with no evidence is refused, as parindex rank refuses a folder without files: 400 API_BODY_SHAPE at /evidence, in both languages', async () => {
    const body = '{\n  "evidence": [],\n  "ties": "dense"\n}';
    for (const [lang, text] of [
      ['vi', 'Phần "/evidence" của nội dung gửi tới /v1/rank phải là danh sách có ít nhất một tệp minh chứng: không có tệp nào để xếp hạng.'],
      ['en', '"/evidence" of the body sent to /v1/rank must be a list of at least one evidence file: there are no files to rank.'],
    ]) {
      const a = await call(s, `/v1/rank?lang=${lang}`, body);
      expect(a.status, lang).toBe(400);
      expect(codes(a)).toEqual(['API_BODY_SHAPE']);
      expect(a.body.diagnostics).toEqual([
        { code: 'API_BODY_SHAPE', severity: 'error', path: '/evidence', params: { route: '/v1/rank', need: 'evidenceList', part: '/evidence' }, line: 2, column: 3, text },
      ]);
    }
    // Streamed, the same refusal is the last line, with the status it would have had.
    const streamed = await call(s, '/v1/rank?stream=1', body);
    expect(JSON.parse(streamed.raw.trimEnd().split('\n').at(-1)!)).toEqual({ status: 400, answer: (await call(s, '/v1/rank', body)).body });
    // One evidence file is enough, and the schema of the body says so.
    expect((await call(s, '/v1/rank', JSON.stringify({ evidence: [UNITS[0]] }))).body.ranking.length).toBe(1);
    expect(RankBody.safeParse({ evidence: [] }, PARSE_OPTIONS).success).toBe(false);
  });

  it('a round the appraisal does not have is APPRAISAL_UNKNOWN_ROUND at /round, the member at fault, in /v1/rank and /v1/score', async () => {
    const appraisal = JSON.parse(APPRAISAL);
    const body = JSON.stringify({ evidence: [UNITS[0], UNITS[1]], appraisals: [appraisal], round: 'round9' });
    const a = await call(s, '/v1/rank?lang=en', body);
    expect(a.status).toBe(200);
    // The appraised unit is left out (as rank leaves it), the other ranked.
    expect(rows(a)).toEqual([[1, 'HP-DAISON', 1, 'self', '84.94']]);
    const round = at(body, '"round":');
    expect(located(a.body.failed)).toEqual([[0, [['APPRAISAL_UNKNOWN_ROUND', 'error', '/round', round.line, round.column]]]]);
    expect(a.body.failed[0].diagnostics[0].text).toBe('There is no round "round9" in the appraisal file (rounds: round1, answer, round2).');
    const one = JSON.stringify({ evidence: UNITS[0], appraisal, round: 'nope' });
    const b = await call(s, '/v1/score', one);
    expect(b.status).toBe(400);
    expect(codes(b)).toEqual(['APPRAISAL_UNKNOWN_ROUND']);
    const nope = at(one, '"round":');
    expect(b.body.diagnostics.map((d: { path: string; line: number; column: number }) => [d.path, d.line, d.column])).toEqual([['/round', nope.line, nope.column]]);
    // Another problem of the appraisal is still in the appraisal, at its place in the body.
    const unknown = structuredClone(appraisal);
    unknown.rounds[0].items[0].criterion = '9.9.9';
    const c = await call(s, '/v1/rank', JSON.stringify({ evidence: [UNITS[0]], appraisals: [unknown] }));
    expect(c.body.failed.map((f: Reported) => f.diagnostics.map((d) => [d.code, d.path]))).toEqual([[['APPRAISAL_UNKNOWN_CRITERION', '/appraisals/0/rounds/0/items/0/criterion']]]);
  });

  it('GET /v1/sets lists the bundled sets (no file paths); /v1/sets/{id}@{version} gives one; an unknown one is 404', async () => {
    const list = await call(s, '/v1/sets');
    expect(SetListAnswer.safeParse(list.body, PARSE_OPTIONS).success).toBe(true);
    expect(list.body.sets.map((x: { ref: string }) => x.ref)).toContain('model.commune-par@2026');
    expect(list.raw).not.toContain('"file"');
    const one = await call(s, '/v1/sets/model.commune-par@2026');
    expect(one.body).toEqual(SET);
    const latest = await call(s, '/v1/sets/model.commune-par');
    expect(latest.body.version).toBe('2026');
    const missing = await call(s, '/v1/sets/model.nothing@2026?lang=en');
    expect(missing.status).toBe(404);
    expect(codes(missing)).toEqual(['SET_NOT_FOUND']);
    expect(missing.body.diagnostics[0].text).toMatch(/model\.nothing@2026/);
    // Its 404 is worded: a language it does not speak is refused, as on the POST routes.
    const fr = await call(s, '/v1/sets/model.commune-par@2026?lang=fr');
    expect(fr.status).toBe(400);
    expect(fr.body.diagnostics.map((d: { code: string; params: object }) => [d.code, d.params])).toEqual([['API_QUERY_VALUE', { name: 'lang', value: 'fr', allowed: ['vi', 'en'] }]]);
  });

  it('SET_NOT_FOUND over the API points at GET /v1/sets (list: "api"), in both languages, wherever the set is named; the command line keeps its hint', async () => {
    const en = await call(s, '/v1/sets/model.commune-pa@2026?lang=en');
    expect(en.status).toBe(404);
    expect(en.body.diagnostics[0]).toEqual({
      code: 'SET_NOT_FOUND',
      severity: 'error',
      path: '',
      params: { ref: 'model.commune-pa@2026', suggest: 'model.commune-par@2026', list: 'api' },
      text: 'No criteria set "model.commune-pa@2026" is known (did you mean "model.commune-par@2026"?). The sets are listed by GET /v1/sets.',
    });
    const vi = await call(s, '/v1/sets/model.nothing@2026');
    expect(vi.body.diagnostics[0].text).toBe('Không có bộ tiêu chí "model.nothing@2026". Xem danh sách các bộ tiêu chí tại "GET /v1/sets".');
    // The set an evidence file names (/v1/score, /v1/validate, /v1/rank): the same data, located in the body.
    const named = JSON.stringify({ ...JSON.parse(EVIDENCE), criteriaSet: 'model.nothing@2026' });
    const scored = await call(s, '/v1/score?lang=en', named);
    expect([scored.status, scored.body.diagnostics[0].params, scored.body.diagnostics[0].path]).toEqual([404, { ref: 'model.nothing@2026', list: 'api' }, '/criteriaSet']);
    expect(scored.body.diagnostics[0].text).toBe('No criteria set "model.nothing@2026" is known. The sets are listed by GET /v1/sets.');
    const validated = await call(s, '/v1/validate?lang=en', named);
    expect(validated.body.diagnostics.map((d: { code: string; params: object }) => [d.code, d.params])).toEqual([['SET_NOT_FOUND', { ref: 'model.nothing@2026', list: 'api' }]]);
    const ranked = await call(s, '/v1/rank?lang=en', JSON.stringify({ evidence: [JSON.parse(named)] }));
    expect(ranked.body.failed[0].diagnostics.map((d: { path: string; params: object }) => [d.path, d.params])).toEqual([['/evidence/0/criteriaSet', { ref: 'model.nothing@2026', list: 'api' }]]);
    // Without list (the command line, a workbook): the command to type.
    expect(diagnosticText(diag('SET_NOT_FOUND', '', { ref: 'x@2026' }), 'en')).toBe('No criteria set "x@2026" is known. Run "parindex rules list" to see the sets.');
    expect(diagnosticText(diag('SET_NOT_FOUND', '', { ref: 'x@2026' }), 'vi')).toBe('Không có bộ tiêu chí "x@2026". Chạy "parindex rules list" để xem các bộ tiêu chí.');
  });

  it("GET /v1/sets/{ref} answers the set's file with its $schema, which the set's SHA-256 covers: sent back as `set`, it scores as the bundled set, with the same provenance", async () => {
    const fetched = (await call(s, '/v1/sets/model.commune-par@2026')).body;
    expect(fetched.$schema).toBe('../../criteria-set.schema.json');
    const bundled = await call(s, '/v1/score', EVIDENCE);
    const given = await call(s, '/v1/score', JSON.stringify({ evidence: JSON.parse(EVIDENCE), set: fetched }));
    expect(given.status).toBe(200);
    expect(given.body.provenance).toEqual(bundled.body.provenance);
    expect(given.body.provenance.criteriaSet.sha256).toBe(compile(SET).sha256);
    expect(given.body.totals).toEqual(bundled.body.totals);
    expect(given.raw).toBe(bundled.raw);
    // Without its $schema the same rules are another file: another SHA-256 (why the answer keeps it).
    const { $schema: _schema, ...bare } = fetched;
    const stripped = await call(s, '/v1/score', JSON.stringify({ evidence: JSON.parse(EVIDENCE), set: bare }));
    expect(stripped.body.totals).toEqual(bundled.body.totals);
    expect(stripped.body.provenance.criteriaSet.sha256).not.toBe(bundled.body.provenance.criteriaSet.sha256);
  });

  it("a 200 ScoreResult's own warnings are the engine's (pointers into the evidence, no sentence); /v1/explain of the same body words them at their place in the body", async () => {
    const body = JSON.stringify({ evidence: JSON.parse(EVIDENCE) }, null, 2);
    const result = await call(s, '/v1/score', body);
    expect(result.body.diagnostics.map((d: { code: string; path: string }) => [d.code, d.path])).toEqual([
      ['SCORE_MISSING_DOCUMENT', '/entries/10'],
      ['SCORE_CLAIM_MISMATCH', '/entries/24/claimedPoints'],
    ]);
    expect(result.body.diagnostics.some((d: object) => 'text' in d || 'line' in d)).toBe(false);
    const explained = await call(s, '/v1/explain?lang=en&code=3.2', body);
    type Worded = { code: string; path: string; line: number; column: number; text: string };
    expect(explained.body.diagnostics.map((d: Worded) => [d.code, d.path, d.text])).toEqual([
      ['SCORE_MISSING_DOCUMENT', '/evidence/entries/10', '"1.4.1" lacks the document "Propaganda plan 2026".'],
      ['SCORE_CLAIM_MISMATCH', '/evidence/entries/24/claimedPoints', '"3.2" claims 2 points; the evidence supports 1.'],
    ]);
    // Line and column in the body: the entry's "{", the member "claimedPoints".
    const lines = body.split('\n');
    const atText = (d: Worded) => lines[d.line - 1]!.slice(d.column - 1);
    expect(explained.body.diagnostics.map(atText).map((t: string) => t.slice(0, 16))).toEqual(['{', '"claimedPoints":']);
  });

  it('GET /v1/openapi.json is the document generated from the zod schemas, the committed packages/server/openapi.json', async () => {
    const a = await call(s, '/v1/openapi.json');
    expect(a.body).toEqual(openApiDocument());
    expect(JSON.parse(text('packages/server/openapi.json'))).toEqual(a.body);
    // Relative: the server this document came from, whatever its port.
    expect(a.body.servers.map((x: { url: string }) => x.url)).toEqual(['/']);
    expect(Object.keys(a.body.paths).sort()).toEqual(['/v1/diff', '/v1/explain', '/v1/health', '/v1/openapi.json', '/v1/rank', '/v1/score', '/v1/sets', '/v1/sets/{ref}', '/v1/validate']);
    // Every reference points at a component that exists.
    const refs = [...a.raw.matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const r of new Set(refs)) expect(a.body.components.schemas[r.replace('#/components/schemas/', '')], r).toBeDefined();
    // No component is only a reference to itself (which would leave it empty for a client generator).
    for (const [name, schema] of Object.entries(a.body.components.schemas as Record<string, { $ref?: string }>)) expect(schema.$ref, name).not.toBe(`#/components/schemas/${name}`);
  });

  it('every path of openapi.json lists the 405 the server answers to another method, with its Allow header', async () => {
    const doc = JSON.parse(text('packages/server/openapi.json'));
    const concrete = (path: string) => path.replace('{ref}', 'model.commune-par@2026');
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, any> }>>)) {
      const methods = Object.keys(operations);
      for (const m of methods) {
        expect(operations[m]!.responses['405'], `${m} ${path}`).toMatchObject({
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorAnswer' } } },
          headers: { Allow: { schema: { type: 'string' } } },
        });
      }
      // What the server answers: a GET route asked with POST, a POST route with GET.
      const other = methods.includes('post') ? await call(s, concrete(path)) : await call(s, concrete(path), '{}');
      expect([other.status, other.headers.get('allow')], path).toEqual([405, methods.includes('post') ? 'POST' : 'GET, HEAD']);
      expect(codes(other)).toEqual(['API_METHOD_NOT_ALLOWED']);
    }
  });

  it("every route's body and answer validate against their schemas in the committed openapi.json (ajv, JSON Schema 2020-12)", async () => {
    const doc = JSON.parse(text('packages/server/openapi.json'));
    const ajv = new Ajv2020({ strict: false, allErrors: true, allowUnionTypes: true });
    ajv.addSchema({ $id: 'openapi', components: doc.components });
    const valid = (name: string, value: unknown) => {
      const v = ajv.getSchema(`openapi#/components/schemas/${name}`)!;
      const ok = v(value);
      return ok ? true : `${name}: ${JSON.stringify(v.errors?.slice(0, 3))}`;
    };
    const bad = (name: string, value: unknown) => ajv.getSchema(`openapi#/components/schemas/${name}`)!(value) === false;
    const evidence = JSON.parse(EVIDENCE);
    const answers: Array<[string, unknown]> = [
      ['HealthAnswer', (await call(s, '/v1/health')).body],
      ['SetListAnswer', (await call(s, '/v1/sets')).body],
      ['CriteriaSet', (await call(s, '/v1/sets/model.commune-par@2026')).body],
      ['ScoreResult', (await call(s, '/v1/score', EVIDENCE)).body],
      ['CompactResult', (await call(s, '/v1/score?form=compact', EVIDENCE)).body],
      ['AnyResult', (await call(s, '/v1/score?form=compact', EVIDENCE)).body],
      ['ExplainAnswer', (await call(s, '/v1/explain?code=3.2', EVIDENCE)).body],
      ['ValidateAnswer', (await call(s, '/v1/validate', EVIDENCE)).body],
      ['DiffAnswer', (await call(s, '/v1/diff', JSON.stringify({ a: UNITS[0], b: UNITS[1] }))).body],
      ['RankAnswer', (await call(s, '/v1/rank', JSON.stringify({ evidence: UNITS }))).body],
      ['ErrorAnswer', (await call(s, '/v1/score', '{"hello": 1}')).body],
      ['ScoringBody', evidence],
      ['ScoringBody', { evidence, appraisal: JSON.parse(APPRAISAL) }],
      ['ValidateBody', SET],
      ['DiffBody', { a: UNITS[0], b: UNITS[1] }],
      ['RankBody', { evidence: UNITS }],
    ];
    for (const [name, value] of answers) expect(valid(name, value)).toBe(true);
    // And they do refuse: a schema that took anything would pass the lines above.
    expect(bad('HealthAnswer', { status: 'down' })).toBe(true);
    expect(bad('SetListAnswer', { sets: [{ id: 1 }] })).toBe(true);
    expect(bad('ScoreResult', { ...(answers[3]![1] as object), totals: 'many' })).toBe(true);
    expect(bad('RankBody', { evidence: 'all' })).toBe(true);
    expect(bad('RankBody', { evidence: [] })).toBe(true);
    expect(bad('ErrorAnswer', { diagnostics: 'none' })).toBe(true);
  });
});

describe('bad requests get 400 with diagnostics in the requested language, never a stack trace', () => {
  let s: RunningServer;
  beforeAll(async () => {
    s = await startServer({ port: 0, threads: 1 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('broken JSON: JSON_SYNTAX with its line and column, in Vietnamese and in English', async () => {
    const vi = await call(s, '/v1/score', '{\n  "entries": [,]\n}');
    expect(vi.status).toBe(400);
    expect(codes(vi)).toEqual(['JSON_SYNTAX']);
    expect(vi.body.diagnostics[0]).toMatchObject({ line: 2, column: 15, text: 'JSON không hợp lệ: thiếu giá trị.' });
    const en = await call(s, '/v1/score?lang=en', '{\n  "entries": [,]\n}');
    expect(en.body.diagnostics[0].text).toBe('Invalid JSON: a value was expected.');
  });

  it('not an object, an empty body, duplicate and forbidden keys, too deep: the limits of files', async () => {
    expect(codes(await call(s, '/v1/score', '[1, 2]'))).toEqual(['JSON_NOT_OBJECT']);
    expect(codes(await call(s, '/v1/score', ''))).toEqual(['FILE_EMPTY']);
    // Said of the body, not of a file.
    expect((await call(s, '/v1/score?lang=en', '[1, 2]')).body.diagnostics[0].text).toBe('The body of the request must be one JSON object {…}, not an array.');
    expect((await call(s, '/v1/score', '')).body.diagnostics[0].text).toBe('Nội dung yêu cầu rỗng. Nội dung phải là một đối tượng JSON.');
    expect(codes(await call(s, '/v1/score', '{"a": 1, "a": 2}'))).toEqual(['JSON_DUPLICATE_KEY']);
    expect(codes(await call(s, '/v1/score', '{"__proto__": {"x": 1}}'))).toEqual(['JSON_FORBIDDEN_KEY']);
    // /v1/validate looks past it: the forbidden key and the rest of the body's problems.
    const v = await call(s, '/v1/validate', EVIDENCE.replace('{', '{"__proto__": {"x": 1}, "zzz": 1, '));
    expect(v.status).toBe(200);
    expect(v.body.valid).toBe(false);
    expect(v.body.diagnostics.slice(0, 2).map((d: { code: string; path: string }) => `${d.code} ${d.path}`)).toEqual(['JSON_FORBIDDEN_KEY /__proto__', 'EVIDENCE_SCHEMA ']);
    expect(v.body.diagnostics[1].text).toContain('zzz');
    // And a body's own warnings, as `parindex validate` gives them.
    const bom = await call(s, '/v1/validate', `\uFEFF${EVIDENCE}`);
    expect(bom.body.diagnostics[0]).toMatchObject({ code: 'FILE_BOM', severity: 'warning', line: 1, column: 1 });
    expect(codes(await call(s, '/v1/score', '['.repeat(100) + ']'.repeat(100)))).toEqual(['JSON_TOO_DEEP']);
  });

  it('a body of the wrong shape, broken evidence and an unknown set: coded, located in the body', async () => {
    expect(codes(await call(s, '/v1/score', '{"hello": 1}'))).toEqual(['API_BODY_SHAPE']);
    expect(codes(await call(s, '/v1/diff', '{"a": 1}'))).toEqual(['API_BODY_SHAPE']);
    const side = await call(s, '/v1/diff?lang=en', '{"a": {"hello": 1}, "b": {"hello": 2}}');
    expect(side.body.diagnostics.map((d: { path: string; text: string }) => [d.path, d.text.slice(0, 44)])).toEqual([['/a', '"/a" of the body sent to /v1/diff must be an']]);
    expect(codes(await call(s, '/v1/validate', '{"hello": 1}'))).toEqual(['API_BODY_SHAPE']);
    const ev = JSON.parse(EVIDENCE);
    ev.unit.level = 'xa';
    const broken = await call(s, '/v1/score?lang=en', JSON.stringify({ evidence: ev }, null, 2));
    expect(broken.status).toBe(400);
    expect(codes(broken)).toContain('EVIDENCE_SCHEMA');
    expect(broken.body.diagnostics[0]).toMatchObject({ path: '/evidence/unit/level', line: expect.any(Number), column: expect.any(Number) });
    const unknown = await call(s, '/v1/score', JSON.stringify({ ...JSON.parse(EVIDENCE), criteriaSet: 'model.nothing@2026' }));
    expect(unknown.status).toBe(404);
    expect(codes(unknown)).toEqual(['SET_NOT_FOUND']);
    const set = structuredClone(SET);
    set.fields[0].children[0].children[0].max = -1;
    const badSet = await call(s, '/v1/score', JSON.stringify({ evidence: JSON.parse(EVIDENCE), set }));
    expect(badSet.status).toBe(400);
    expect(badSet.body.diagnostics[0].path).toMatch(/^\/set\/fields\/0/);
  });

  it('a member of the envelope a route does not take, a round that is not a string, an evidence that is not an object: API_BODY_SHAPE at that member, with its line and column', async () => {
    /** The body with the evidence inside, one member a line: `member` is on line 3, at column 3. */
    const envelope = (member: string) => `{\n  "evidence": ${EVIDENCE_LINE},\n  ${member}\n}`;
    const where = (a: Answer) => a.body.diagnostics.map((d: { code: string; path: string; line: number; column: number; params: object }) => [d.code, d.path, d.line, d.column, d.params]);
    for (const route of ['score', 'explain']) {
      const params = { route: `/v1/${route}`, need: 'evidence' };
      const extra = await call(s, `/v1/${route}`, envelope('"extra": 1'));
      expect(extra.status, route).toBe(400);
      expect(codes(extra)).toEqual(['API_BODY_SHAPE']);
      expect(where(extra)).toEqual([['API_BODY_SHAPE', '/extra', 3, 3, params]]);
      expect(where(await call(s, `/v1/${route}`, envelope('"round": 5')))).toEqual([['API_BODY_SHAPE', '/round', 3, 3, params]]);
      expect(where(await call(s, `/v1/${route}`, '{\n  "evidence": null\n}'))).toEqual([['API_BODY_SHAPE', '/evidence', 2, 3, params]]);
      // A member name with "/" or "~" is escaped as a JSON pointer says.
      expect(where(await call(s, `/v1/${route}`, envelope('"a/b~": 1')))[0].slice(0, 2)).toEqual(['API_BODY_SHAPE', '/a~1b~0']);
    }
    // The sentence still says what the body must be, in both languages.
    expect((await call(s, '/v1/score?lang=en', envelope('"extra": 1'))).body.diagnostics[0].text).toBe(
      'The body sent to /v1/score must be an evidence file (with "entries"), or {"evidence", "appraisal", "round", "set"}.',
    );
    expect((await call(s, '/v1/score', envelope('"round": 5'))).body.diagnostics[0].text).toBe(
      'Nội dung gửi tới /v1/score phải là một tệp minh chứng (có "entries"), hoặc {"evidence", "appraisal", "round", "set"}.',
    );
    // /v1/diff: its own envelope (the self-score against the round), and a member beside "a" and "b".
    const diff = { route: '/v1/diff', need: 'diffPair' };
    const appraised = `"appraisal": ${JSON.stringify(JSON.parse(APPRAISAL))}, "round": 5`;
    expect(where(await call(s, '/v1/diff', envelope(appraised)))).toEqual([['API_BODY_SHAPE', '/round', 3, 3 + appraised.indexOf('"round"'), diff]]);
    expect(where(await call(s, '/v1/diff', envelope('"appraisal": {}, "extra": 1'))).map((d: unknown[]) => d.slice(0, 2))).toEqual([['API_BODY_SHAPE', '/extra']]);
    expect(where(await call(s, '/v1/diff', `{\n  "a": ${EVIDENCE_LINE},\n  "b": ${EVIDENCE_LINE},\n  "c": 1\n}`))).toEqual([['API_BODY_SHAPE', '/c', 4, 3, diff]]);
    // A unit of /v1/rank in an envelope of its own: at its place in the body, that unit alone failed.
    const rank = await call(s, '/v1/rank', JSON.stringify({ evidence: [UNITS[1], { evidence: UNITS[0], round: 5 }] }));
    expect(rank.status).toBe(200);
    expect(rank.body.failed.map((f: { input: number; diagnostics: Array<{ code: string; path: string; params: object }> }) => [f.input, f.diagnostics.map((d) => [d.code, d.path, d.params])])).toEqual(
      [[1, [['API_BODY_SHAPE', '/evidence/1/round', { route: '/v1/rank', need: 'evidence', part: '/evidence/1' }]]]],
    );
    // A round without the appraisal it is a round of (it was ignored): at "round", saying why.
    const alone = await call(s, '/v1/score?lang=en', envelope('"round": "round1"'));
    expect(where(alone)).toEqual([['API_BODY_SHAPE', '/round', 3, 3, { route: '/v1/score', need: 'appraisalForRound' }]]);
    expect(alone.body.diagnostics[0].text).toBe('The body sent to /v1/score must be {"evidence", "appraisal", "round"}: "round" is a round of the appraisal file, so "appraisal" must be given too.');
    // The shapes that are right are scored as before.
    expect((await call(s, '/v1/score', envelope(`"round": "round1", "appraisal": ${APPRAISAL}`))).body.stage).toBe('round1');
  });

  it("?timeout= takes a whole number from 1 to the server's limit; another value, a longer one or a 20-digit one is 400 API_QUERY_VALUE with the range as data, its numbers written in each language", async () => {
    for (const value of ['soon', '0', '-5', '1e3', '10001', '12345678901234567890', '']) {
      const a = await call(s, `/v1/score?timeout=${value}&lang=en`, EVIDENCE);
      expect(a.status, value).toBe(400);
      expect(codes(a)).toEqual(['API_QUERY_VALUE']);
      expect(a.body.diagnostics[0]).toMatchObject({ path: '', params: { name: 'timeout', value, min: 1, max: 10000 } });
      expect(a.body.diagnostics[0].text).toBe(`The parameter "timeout" does not take "${value}"; it takes a whole number from 1 to 10,000.`);
    }
    expect((await call(s, '/v1/rank?timeout=soon', JSON.stringify({ evidence: [UNITS[0]] }))).body.diagnostics[0].text).toBe(
      'Tham số "timeout" không nhận giá trị "soon"; chỉ nhận một số nguyên từ 1 đến 10.000.',
    );
    // The server's own limit and below are taken.
    for (const value of ['10000', '9999']) expect((await call(s, `/v1/score?timeout=${value}`, EVIDENCE)).body.totals?.index, value).toBe('83.6');
  });

  it('?stream= of /v1/rank other than 1 is 400 API_QUERY_VALUE, as other values; on another route stream is ignored, as every query parameter a route does not take', async () => {
    const body = JSON.stringify({ evidence: [UNITS[0]] });
    for (const value of ['yes', '0', 'true', '']) {
      const a = await call(s, `/v1/rank?stream=${value}&lang=en`, body);
      expect(a.status, value).toBe(400);
      expect(codes(a)).toEqual(['API_QUERY_VALUE']);
      expect(a.body.diagnostics[0]).toMatchObject({ path: '', params: { name: 'stream', value, allowed: ['1'] }, text: `The parameter "stream" does not take "${value}"; it takes "1".` });
    }
    const vi = await call(s, '/v1/rank?stream=yes', body);
    expect(vi.body.diagnostics[0].text).toBe('Tham số "stream" không nhận giá trị "yes"; chỉ nhận "1".');
    // Not streamed, the plain answer: as ?stream=1's last line says it.
    const plain = await call(s, '/v1/rank', body);
    expect([plain.status, plain.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    const streamed = await call(s, '/v1/rank?stream=1', body);
    expect(JSON.parse(streamed.raw.trimEnd().split('\n').at(-1)!)).toEqual({ status: 200, answer: plain.body });
    // /v1/score takes no stream: ignored, as a parameter no route takes.
    const score = await call(s, '/v1/score?stream=yes', EVIDENCE);
    expect([score.status, score.raw]).toEqual([200, (await call(s, '/v1/score?colour=red', EVIDENCE)).raw]);
    expect(score.raw).toBe((await call(s, '/v1/score', EVIDENCE)).raw);
  });

  it('a body that is not UTF-8: FILE_ENCODING at its first bad byte, as a file would get', async () => {
    const bytes = Buffer.concat([Buffer.from('{"unit": "x'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const a = await call(s, '/v1/validate', undefined, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes });
    expect(a.status).toBe(400);
    expect(codes(a)).toEqual(['FILE_ENCODING']);
    expect(a.body.diagnostics[0].params).toEqual({ offset: 11 });
  });

  it('not JSON by content-type: 415; a bad ?lang=: 400; an unknown route: 404; a route asked with another method: 405 with Allow', async () => {
    const form = await call(s, '/v1/score', EVIDENCE, { headers: { 'content-type': 'text/plain' } });
    expect(form.status).toBe(415);
    expect(codes(form)).toEqual(['API_CONTENT_TYPE']);
    const lang = await call(s, '/v1/score?lang=fr', EVIDENCE);
    expect(lang.status).toBe(400);
    expect(codes(lang)).toEqual(['API_QUERY_VALUE']);
    const route = await call(s, '/v1/scores?lang=en', EVIDENCE);
    expect(route.status).toBe(404);
    expect(route.body.diagnostics[0].text).toBe('There is no POST "/v1/scores". The routes are listed in /v1/openapi.json.');
    const get = await call(s, '/v1/score?lang=en');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(codes(get)).toEqual(['API_METHOD_NOT_ALLOWED']);
    expect(get.body.diagnostics[0].text).toBe('"/v1/score" does not answer GET: send POST.');
    const post = await call(s, '/v1/sets/model.commune-par@2026', '{}');
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect((await call(s, '/v1/nothing')).status).toBe(404);
    const page = await call(s, '/?lang=en');
    expect(page.status).toBe(404);
    expect(page.raw).toMatch(/^The web page is not built/);
  });
});

/** A POST whose body is sent in chunks, without a content-length. */
function chunked(url: string, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('limits of the server', () => {
  it('a body over the limit is 413 API_BODY_TOO_LARGE, with or without content-length; one under it is scored', async () => {
    const bytes = Buffer.byteLength(EVIDENCE);
    await withServer({ maxBodyBytes: bytes + 10 }, async (s) => {
      expect((await call(s, '/v1/score', EVIDENCE)).status).toBe(200);
      const big = await call(s, '/v1/score?lang=en', EVIDENCE + ' '.repeat(100));
      expect(big.status).toBe(413);
      expect(codes(big)).toEqual(['API_BODY_TOO_LARGE']);
      expect(big.body.diagnostics[0].params).toEqual({ size: bytes + 100, limit: bytes + 10 });
      const streamed = await chunked(`${s.url}/v1/score`, [EVIDENCE, ' '.repeat(100)]);
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body).diagnostics[0].code).toBe('API_BODY_TOO_LARGE');
    });
  });

  it('a request past its time limit gets 503 API_TIMEOUT, its worker is replaced, and the server answers the next one', async () => {
    // 600 units take well over the 20 ms limit however fast a machine (about 1 s here).
    const many = JSON.stringify({ evidence: Array.from({ length: 600 }, () => UNITS[0]) });
    await withServer({ timeoutMs: 20 }, async (s) => {
      const slow = await call(s, '/v1/rank?lang=en', many);
      expect(slow.status).toBe(503);
      expect(codes(slow)).toEqual(['API_TIMEOUT']);
      expect(slow.body.diagnostics[0].text).toBe('The request did not finish within 20 milliseconds and was stopped; the server is still running. Send less in one request, or try again later.');
      expect((await call(s, '/v1/health')).status).toBe(200);
    });
    // A request may ask for a shorter limit (?timeout=, in ms, never above the server's): the same server then scores the next one.
    await withServer({ timeoutMs: 600_000 }, async (s) => {
      const slow = await call(s, '/v1/rank?timeout=20', many);
      expect(slow.status).toBe(503);
      expect(slow.body.diagnostics[0].params).toEqual({ limit: 20 });
      const ok = await call(s, '/v1/score', EVIDENCE);
      expect(ok.status).toBe(200);
      expect(ok.body.totals.index).toBe('83.6');
      expect(codes(await call(s, '/v1/score?timeout=soon', EVIDENCE))).toEqual(['API_QUERY_VALUE']);
    });
  });

  it('too many waiting requests: 503 API_BUSY', async () => {
    await withServer({ maxPending: 1, timeoutMs: 600_000 }, async (s) => {
      // A long rank runs first (its first progress line says it has started), so that however fast or
      // busy the machine, of three more requests sent then one waits and two are refused at once.
      const many = JSON.stringify({ evidence: Array.from({ length: 600 }, () => UNITS[0]) });
      const running = await fetch(`${s.url}/v1/rank?stream=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: many });
      const reader = running.body!.getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toMatch(/^\{"progress":/);
      const answers = await Promise.all(Array.from({ length: 3 }, () => call(s, '/v1/score', EVIDENCE)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 503, 503]);
      for (const b of answers.filter((a) => a.status === 503)) expect(codes(b)).toEqual(['API_BUSY']);
      expect(answers.find((a) => a.status === 200)!.body.totals.index).toBe('83.6');
      while (!(await reader.read()).done);
    });
  });

  it('a request addressed to another host than this machine is refused (DNS rebinding); 127.0.0.1 and localhost are answered', async () => {
    await withServer({}, async (s) => {
      const port = Number(new URL(s.url).port);
      const get = (host: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port, path: '/v1/health', headers: { host } }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      const evil = await get(`evil.example:${port}`);
      expect(evil.status).toBe(403);
      expect(JSON.parse(evil.body).diagnostics[0]).toMatchObject({ code: 'API_HOST_REFUSED', params: { host: `evil.example:${port}` } });
      expect((await get(`localhost:${port}`)).status).toBe(200);
      expect((await get(`127.0.0.1:${port}`)).status).toBe(200);
    });
  });

  it('CORS is off by default; --cors lets one origin in (preflight included), not another', async () => {
    await withServer({ corsOrigin: 'https://portal.example.vn' }, async (s) => {
      const pre = await fetch(`${s.url}/v1/score`, {
        method: 'OPTIONS',
        headers: { origin: 'https://portal.example.vn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://portal.example.vn');
      const a = await call(s, '/v1/score', EVIDENCE, { headers: { 'content-type': 'application/json', origin: 'https://portal.example.vn' } });
      expect(a.headers.get('access-control-allow-origin')).toBe('https://portal.example.vn');
      const other = await call(s, '/v1/health', undefined, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    });
  });
});

describe('the web page at /', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parindex-web-'));
  beforeAll(() => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>parindex</title><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'document.title = "ready";');
    writeFileSync(join(dir, '..', 'parindex-outside.txt'), 'TOP-SECRET-CONTENT');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(dir, '..', 'parindex-outside.txt'), { force: true });
  });

  it('serves index.html with a strict CSP and its assets; nothing outside the folder; the API beside it', async () => {
    await withServer({ webDir: dir }, async (s) => {
      const page = await call(s, '/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.raw).toContain('<title>parindex</title>');
      const js = await call(s, '/assets/app.js');
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      for (const p of ['/../parindex-outside.txt', '/%2e%2e/parindex-outside.txt', '/assets/%2e%2e/%2e%2e/parindex-outside.txt', '/..%2fparindex-outside.txt', '/%00']) {
        const a = await call(s, p);
        expect(a.status, p).toBe(404);
        expect(a.raw).not.toContain('TOP-SECRET-CONTENT');
      }
      expect((await call(s, '/v1/health')).status).toBe(200);
    });
  });
});
