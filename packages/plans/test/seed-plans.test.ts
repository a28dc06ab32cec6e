/**
 * The plans shipped under plans/: each validates (schema and checks), and every text it quotes — task
 * content, lead unit, partners, product, deadline, field title — occurs word for word in its source
 * document (plans/sources/), after whitespace is normalised (the extraction broke lines and columns).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parsePlan, planJsonSchemas, type Plan } from '@parindex/plans';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

function planFiles(): string[] {
  const dir = join(root, 'plans');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'sources')
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(dir, d.name, f)),
    )
    .sort();
}

function quoted(plan: Plan): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const t of plan.tasks) {
    // A content the extraction split (a table row across pages) is checked piece by piece.
    if (t.quote) t.quote.forEach((q, i) => out.push([`${t.id} content (${i + 1})`, q]));
    else out.push([`${t.id} content`, t.content]);
    if (typeof t.lead === 'string') out.push([`${t.id} lead`, t.lead]);
    if (typeof t.partners === 'string') out.push([`${t.id} partners`, t.partners]);
    if (typeof t.product === 'string') out.push([`${t.id} product`, t.product]);
    if (t.deadline.kind !== 'none') out.push([`${t.id} deadline`, t.deadline.text]);
  }
  return out;
}

const files = planFiles();

describe('the seed plans', () => {
  it('are there', () => {
    expect(files.map((f) => f.slice(root.length))).toEqual([
      'plans/dai-son/2026-2030-cchc.json',
      'plans/kien-tho/2026-cchc.json',
      'plans/nguyen-luong-bang/2025-tuyen-truyen.json',
      'plans/tran-lieu/2025-h2-cchc.json',
      'plans/vinh-bao/2025-h2-cchc.json',
      'plans/vinh-bao/2025-h2-tuyen-truyen.json',
    ]);
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(planJsonSchemas()['plan.schema.json']!);

  for (const file of files) {
    describe(file.slice(root.length), () => {
      const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const parsed = parsePlan(value);
      it('validates with no diagnostic, by zod and by the JSON Schema', () => {
        expect(parsed.diagnostics).toEqual([]);
        expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      });
      it('quotes its source word for word', () => {
        const plan = parsed.value!;
        const source = norm(readFileSync(join(root, plan.source.file!), 'utf8'));
        const missing = quoted(plan).filter(([, text]) => !source.includes(norm(text)));
        expect(missing).toEqual([]);
      });
      it('numbers its tasks by their place in the document', () => {
        const plan = parsed.value!;
        expect(plan.tasks.every((t) => t.source.length > 0)).toBe(true);
        expect(new Set(plan.tasks.map((t) => t.id)).size).toBe(plan.tasks.length);
      });
    });
  }
});

describe('JSON Schemas of the plan formats', () => {
  it('the committed files are what the zod schemas generate (pnpm schema after a change)', () => {
    for (const [name, schema] of Object.entries(planJsonSchemas())) {
      expect(readFileSync(join(root, 'packages/plans/schema', name), 'utf8'), name).toBe(JSON.stringify(schema, null, 2) + '\n');
    }
  });
});

describe('the word-for-word check', () => {
  it('catches a changed word, a dropped diacritic and an invented deadline text', () => {
    const plan = parsePlan(JSON.parse(readFileSync(join(root, 'plans/kien-tho/2026-cchc.json'), 'utf8'))).value!;
    const source = norm(readFileSync(join(root, plan.source.file!), 'utf8'));
    const t = plan.tasks[1]!;
    const changed: Plan = {
      ...plan,
      tasks: [
        { ...t, content: t.content.replace('Kế hoạch', 'Chương trình') },
        { ...t, id: 'X.2', content: t.content.replace('rà soát', 'ra soat') },
        { ...t, id: 'X.3', deadline: { kind: 'date', date: '2026-06-30', text: 'Trước ngày 30/6/2026' } },
      ],
    };
    const missing = quoted(changed).filter(([, text]) => !source.includes(norm(text)));
    expect(missing.map(([what]) => what)).toEqual(['PL01.2 content', 'X.2 content', 'X.3 deadline']);
  });
});
