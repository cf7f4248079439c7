import { z } from 'zod';
import { protocolSchema } from './schema.js';

/**
 * JSON Schema of a protocol file, for people who write protocol files by hand. It describes the
 * input side (fields with defaults are optional); cross-field rules (visits within the study,
 * overlapping `days`) are checked only by `parseProtocol`. Kept in schema/protocol.schema.json,
 * regenerated with `node --import tsx src/cli/main.ts protocol schema > schema/protocol.schema.json`.
 */
export function protocolJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(protocolSchema, { io: 'input' });
}
