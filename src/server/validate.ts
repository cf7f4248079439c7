import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { requestErrors } from '../errors/request-errors.js';

const formatPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

// Our own phrasing of zod's default issues starts with this mark, so that a message a schema wrote
// itself (`.refine(…, 'a grade 5 …')`) keeps the form `Field "x" is invalid: its message.`.
const PHRASED = '\u0001';

const NOUNS: Readonly<Record<string, string>> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  bigint: 'a whole number',
};

const FORMATS: Readonly<Record<string, string>> = {
  date: 'a date as YYYY-MM-DD',
  datetime: 'a date and time (ISO 8601)',
  time: 'a time as HH:MM',
  email: 'an e-mail address',
  url: 'a web address',
  uuid: 'a UUID',
};

const quoteAll = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');
const plural = (n: number | bigint, one: string): string => `${n} ${one}${Number(n) === 1 ? '' : 's'}`;

function sizePhrase(origin: string, bound: number | bigint, atLeast: boolean, inclusive: boolean): string {
  if (origin === 'string') {
    if (atLeast && Number(bound) <= 1) return 'is required';
    return `must have ${atLeast ? 'at least' : 'at most'} ${plural(inclusive ? bound : Number(bound) + (atLeast ? 1 : -1), 'character')}`;
  }
  if (origin === 'array' || origin === 'set') {
    if (atLeast && Number(bound) <= 1) return 'needs at least one entry';
    return `must have ${atLeast ? 'at least' : 'at most'} ${plural(inclusive ? bound : Number(bound) + (atLeast ? 1 : -1), 'entry')}`.replace(/entrys$/, 'entries');
  }
  if (inclusive) return `must be ${atLeast ? 'at least' : 'at most'} ${bound}`;
  return `must be ${atLeast ? 'greater' : 'less'} than ${bound}`;
}

/** One phrase for zod's default issues ("is required", "must be at least 1"); the field is named by the caller. */
function phrase(issue: z.core.$ZodRawIssue): string {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${NOUNS[issue.expected] ?? issue.expected}${issue.input === null ? ', not empty' : ''}`;
    case 'too_small':
      return sizePhrase(issue.origin, issue.minimum, true, issue.inclusive ?? true);
    case 'too_big':
      return sizePhrase(issue.origin, issue.maximum, false, issue.inclusive ?? true);
    case 'invalid_format':
      return `${issue.format === 'regex' ? 'is not in the expected format' : `must be ${FORMATS[issue.format] ?? `in ${issue.format} format`}`}${typeof issue.input === 'string' ? `, not ${JSON.stringify(issue.input)}` : ''}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoteAll(issue.values)}` : `must be one of ${quoteAll(issue.values)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} this request does not take: ${quoteAll(issue.keys)}`;
    case 'invalid_union':
      return 'does not match any of the accepted shapes';
    default:
      return 'is invalid';
  }
}

const inputErrorMap: z.core.$ZodErrorMap = (issue) => PHRASED + phrase(issue);

/** `Field "term" is required.` / `Field "x" is invalid: the schema's own message.` */
function sentence(where: 'body' | 'query' | 'params', path: string, message: string): string {
  const field = path === '' ? `The request ${where}` : `Field "${path}"`;
  return message.startsWith(PHRASED) ? `${field} ${message.slice(PHRASED.length)}` : `${field} is invalid: ${message}`;
}

/**
 * Validate request input with zod. On failure: a 400 whose message is one sentence naming the first
 * bad field (`Field "term" is required.`), with every problem listed in `issues`, each a sentence too.
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, where: 'body' | 'query' | 'params' = 'body'): z.output<S> {
  const r = schema.safeParse(data ?? {}, { error: inputErrorMap });
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const path = formatPath(i.path);
    const text = sentence(where, path, i.message);
    return { path, message: text.endsWith('.') ? text : `${text}.` };
  });
  const first = issues[0] as { path: string; message: string };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const err = new AppError(where === 'body' ? requestErrors.INVALID_BODY : requestErrors.INVALID_QUERY, `${first.message.slice(0, -1)}${more}.`, first.path);
  throw Object.assign(err, { issues });
}
