import { defineErrors } from './define-errors.js';

/** Errors of a request as a whole, from the API or the command line (its body, query or options), and the unexpected failure. */
export const requestErrors = defineErrors('HTTP', {
  INVALID_BODY: { status: 400, doc: 'The request body failed validation; `path` names the first bad field.' },
  INVALID_QUERY: { status: 400, doc: 'A query-string or path parameter failed validation; `path` names it.' },
  BAD_REQUEST: { status: 400, doc: 'The request could not be read (malformed JSON, wrong content type).' },
  ROUTE_NOT_FOUND: { status: 404, doc: 'No API endpoint has this method and path.' },
  INVALID_OPTION: { status: 400, doc: 'A command-line option or argument has a bad value (a port, a seed, a format, a date).' },
  INTERNAL_ERROR: { status: 400, doc: 'An unexpected error on the server; it is logged, and the request wrote nothing.' },
});
