import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { resolveMatchingPlacebo } from './matching-placebo.js';
import { protocolSchema, type Protocol } from './schema.js';
import { protocolErrors } from './errors.js';

/** One problem found in a protocol, with the path of the field it is about. */
export interface ProtocolIssue {
  readonly path: string;
  readonly message: string;
}

/** `arms[0].interventions[0].regimen` from zod's `['arms', 0, 'interventions', 0, 'regimen']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

// A missing field reads better as "is required" than as zod's "expected string, received undefined".
const requiredFieldError: z.core.$ZodErrorMap = (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined);

function toIssues(error: z.ZodError): ProtocolIssue[] {
  return error.issues.map((i) => ({ path: formatPath(i.path) || '(protocol)', message: i.message }));
}

/** Every problem in a protocol, each with its path; empty when the protocol is valid. */
export function protocolIssues(input: unknown): readonly ProtocolIssue[] {
  const result = protocolSchema.safeParse(resolveMatchingPlacebo(input), { error: requiredFieldError });
  return result.success ? [] : toIssues(result.error);
}

/** Validate a protocol (applying defaults); throws `PROTOCOL_INVALID_PROTOCOL` naming the first bad field. */
export function parseProtocol(input: unknown): Protocol {
  const result = protocolSchema.safeParse(resolveMatchingPlacebo(input), { error: requiredFieldError });
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  const first = issues[0] as ProtocolIssue;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new AppError(protocolErrors.INVALID_PROTOCOL, `${first.path}: ${first.message}${more}`, first.path);
}
