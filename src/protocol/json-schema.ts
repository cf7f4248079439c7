import { z } from 'zod';
import { MATCHING_PLACEBO } from './matching-placebo.js';
import { regimenSchema } from './regimen-schema.js';
import { protocolSchema } from './schema.js';

/**
 * JSON Schema of a protocol file, for people who write protocol files by hand. It describes the
 * input side (fields with defaults are optional; a placebo's regimen may be the text "matching
 * placebo", which parsing resolves before the zod schema sees it); cross-field rules (visits within
 * the study, overlapping `days`) are checked only by `parseProtocol`. Kept in schema/protocol.schema.json,
 * regenerated with `node --import tsx src/cli/main.ts protocol schema > schema/protocol.schema.json`.
 */
export function protocolJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(protocolSchema, {
    io: 'input',
    override: (ctx) => {
      if (ctx.zodSchema !== regimenSchema) return;
      const regimen = { ...ctx.jsonSchema };
      for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[k];
      ctx.jsonSchema.anyOf = [regimen, { type: 'string', const: MATCHING_PLACEBO, description: 'for a placebo (placebo: true): the regimen of the first active intervention, every dose 0' }];
    },
  });
}
