import { z } from 'zod';
import { formObjectSchema } from './form-schema.js';

/**
 * JSON Schema of a form definition file, beside schema/protocol.schema.json. It describes the input
 * side (defaults optional); the checks across fields (ids, expressions, circular dependencies) run
 * only in `parseFormDefinition`. Regenerate: `node --import tsx src/cli/main.ts forms schema > schema/form.schema.json`.
 */
export function formJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(formObjectSchema, { io: 'input' });
}
