/**
 * The JSON Schemas of the plan and progress formats, generated from the zod schemas. `pnpm schema`
 * writes them to packages/plans/schema/; a test fails when the committed files differ.
 */
import * as z from 'zod/mini';
import { SCHEMA_REGISTRY } from '@parindex/rules';
import { Plan, Progress } from './schema.js';

const of = (schema: z.ZodMiniType, id: string, title: string): Record<string, unknown> => ({
  ...(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', metadata: SCHEMA_REGISTRY }) as Record<string, unknown>),
  $id: `https://parindex.dev/schema/${id}-1.json`,
  title,
});

/** File name → JSON Schema. */
export function planJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    'plan.schema.json': of(Plan, 'plan', 'parindex reform plan (format 1)'),
    'progress.schema.json': of(Progress, 'progress', 'parindex plan progress (format 1)'),
  };
}
