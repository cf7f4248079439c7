import { z } from 'zod';

/**
 * A zod schema as JSON Schema for the route's OpenAPI documentation (validation stays with zod):
 * what a request may send (`input`, the default) or what a response holds (`output`).
 */
export function doc(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
