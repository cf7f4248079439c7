import { z } from 'zod';

/** A zod schema as JSON Schema for the route's OpenAPI documentation (validation stays with zod). */
export function doc(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
