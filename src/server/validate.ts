import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { requestErrors } from '../errors/request-errors.js';

const formatPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * Validate request input with zod. On failure: a 400 whose message names the first bad field,
 * with every problem listed in `issues`.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where: 'body' | 'query' | 'params' = 'body'): z.output<S> {
  const r = schema.safeParse(data ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const first = issues[0] as { path: string; message: string };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const field = first.path === '' ? `The request ${where}` : `Field "${first.path}"`;
  const err = new AppError(where === 'body' ? requestErrors.INVALID_BODY : requestErrors.INVALID_QUERY, `${field} is invalid: ${first.message}${more}.`, first.path);
  throw Object.assign(err, { issues });
}
