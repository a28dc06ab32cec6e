/**
 * The JSON Schema of a criteria set, generated from the zod schema. `pnpm schema` writes it to
 * rules/criteria-set.schema.json; a test fails when the committed file differs.
 */
import * as z from 'zod/mini';
import { CriteriaSet, SCHEMA_REGISTRY } from './schema.js';

let cached: Record<string, unknown> | undefined;

export function criteriaSetJsonSchema(): Record<string, unknown> {
  cached ??= {
    ...(z.toJSONSchema(CriteriaSet, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', metadata: SCHEMA_REGISTRY }) as Record<string, unknown>),
    $id: 'https://parindex.dev/schema/criteria-set-1.json',
    title: 'parindex criteria set (format 1)',
  };
  return cached;
}
