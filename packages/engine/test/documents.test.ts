/**
 * Documents as officers list them: without "for" in a criterion that asks for several (matched to the
 * one requirement it can be, or a warning that says to add "for"), and dated after the deadline that
 * the typed date claims was met (a warning at both).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticText } from '../../explain/src/index.js';
import { compile, score, type NodeResult } from '@parindex/engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SET = readFileSync(here('../../../test/conformance/engine/shapes.set.json'), 'utf8');
const EVIDENCE = readFileSync(here('../../../test/conformance/engine/full.evidence.json'), 'utf8');

/** The test set with 1.1 asking for a plan and a decision, scored "zero" without them. */
function twoDocuments(): J {
  const s = JSON.parse(SET);
  s.policies = { ...s.policies, missingEvidence: 'zero' };
  s.fields[0].children[0].documents.push({ id: 'budget_doc', kind: 'Quyết định', kindEn: 'Decision', label: 'Quyết định giao kinh phí', labelEn: 'Budget decision' });
  return s;
}
const node = (r: { fields: NodeResult[] }, code: string) => r.fields.flatMap((f) => [f, ...(f.children ?? [])]).find((n) => n.code === code)!;
const withDocs = (docs: J[]) => {
  const e = JSON.parse(EVIDENCE);
  e.entries[2].documents = docs;
  return e;
};

describe('a document without "for"', () => {
  const c = compile(twoDocuments());
  it('is matched by its symbol (KH: a plan, QĐ: a decision) when it can be only one requirement', () => {
    const r = score(
      c,
      withDocs([
        { number: '15/KH-UBND', date: '2026-01-10', title: 'Kế hoạch CCHC năm 2026' },
        { number: '7/QĐ-UBND', date: '2026-01-12', title: 'Giao dự toán' },
      ]),
    );
    expect(r.diagnostics.filter((d) => d.code.startsWith('EVIDENCE_DOCUMENT') || d.code === 'SCORE_MISSING_DOCUMENT')).toEqual([]);
    const n = node(r, '1.1');
    expect(n.points).toBe('1');
    expect(n.trace!.documents.map((d) => [d.id, d.provided, d.by.map((b) => b.number)])).toEqual([
      ['plan_doc', true, ['15/KH-UBND']],
      ['budget_doc', true, ['7/QĐ-UBND']],
    ]);
  });
  it('is matched by its title naming the requirement when its symbol says nothing', () => {
    const r = score(
      c,
      withDocs([
        { for: 'plan_doc', number: '15/KH-UBND', date: '2026-01-10' },
        { number: '7/UBND', date: '2026-01-12', title: 'Quyết định giao kinh phí CCHC' },
      ]),
    );
    expect(node(r, '1.1').points).toBe('1');
  });
  it('that can be none of them: a warning that says to add "for", and the requirement is missing', () => {
    const r = score(
      c,
      withDocs([
        { for: 'plan_doc', number: '15/KH-UBND', date: '2026-01-10' },
        { number: '9/TB-UBND', date: '2026-01-12', title: 'Thông báo' },
      ]),
    );
    const w = r.diagnostics.find((d) => d.code === 'EVIDENCE_DOCUMENT_WITHOUT_FOR')!;
    expect(w).toMatchObject({ severity: 'warning', path: '/entries/2/documents/1', params: { code: '1.1', number: '9/TB-UBND', known: ['plan_doc', 'budget_doc'], candidates: [] } });
    expect(diagnosticText(w, 'vi')).toContain('hãy thêm "for" với một trong plan_doc, budget_doc');
    expect(diagnosticText(w, 'en')).toContain('add "for" with one of plan_doc, budget_doc');
    expect(node(r, '1.1').points).toBe('0');
    expect(r.diagnostics.map((d) => d.code)).toContain('SCORE_MISSING_DOCUMENT');
  });
  it('that could be either: the warning names both, and nothing is guessed', () => {
    const r = score(c, withDocs([{ number: '1/UBND', date: '2026-01-10', title: 'Kế hoạch CCHC năm và Quyết định giao kinh phí' }]));
    expect(r.diagnostics.find((d) => d.code === 'EVIDENCE_DOCUMENT_WITHOUT_FOR')?.params).toMatchObject({ candidates: ['plan_doc', 'budget_doc'] });
    expect(node(r, '1.1').points).toBe('0');
  });
});

describe('a document dated after the deadline that the typed date claims was met', () => {
  const s = JSON.parse(SET);
  s.fields[0].children[2].rule.items = s.fields[0].children[2].rule.items.slice(0, 1); // 1.3: the Q1 report by 2026-03-20
  const c = compile(s);
  const e = (docDate: string, typed = '2026-03-18'): J => {
    const x = JSON.parse(EVIDENCE);
    x.entries[4].values = { q1_sent: typed };
    x.entries[4].documents = [{ number: '5/BC-UBND', date: docDate, title: 'Báo cáo CCHC quý I' }];
    return x;
  };
  it('is a warning at the document and at the date typed; the points stay those of the date typed', () => {
    const r = score(c, e('2026-03-25'));
    const found = r.diagnostics.filter((d) => d.code === 'EVIDENCE_DOCUMENT_AFTER_DEADLINE');
    expect(found.map((d) => d.path)).toEqual(['/entries/4/documents/0/date', '/entries/4/values/q1_sent']);
    expect(found[0]!.params).toEqual({ code: '1.3', input: 'q1_sent', typed: '2026-03-18', deadline: '2026-03-20', number: '5/BC-UBND', date: '2026-03-25', label: 'Ngày gửi báo cáo quý I' });
    expect(diagnosticText(found[0]!, 'vi')).toBe(
      '"1.3" ghi "Ngày gửi báo cáo quý I" (q1_sent) là 18/03/2026, đúng hạn 20/03/2026, nhưng tài liệu 5/BC-UBND ghi ngày 25/03/2026, sau thời hạn: hãy kiểm tra lại ngày đã nhập hoặc tài liệu.',
    );
    expect(node(r, '1.3').points).toBe('1');
  });
  it('is nothing when the document is on time, or when the date typed is late already', () => {
    expect(score(c, e('2026-03-18')).diagnostics.filter((d) => d.code === 'EVIDENCE_DOCUMENT_AFTER_DEADLINE')).toEqual([]);
    expect(score(c, e('2026-03-25', '2026-03-24')).diagnostics.filter((d) => d.code === 'EVIDENCE_DOCUMENT_AFTER_DEADLINE')).toEqual([]);
  });
});
