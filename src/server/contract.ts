import type { FastifyInstance } from 'fastify';
import { contract, type RouteContract } from '../api/routes.js';
import { errorBody } from '../api/common.js';
import { frozenJson } from './frozen-json.js';
import { doc } from './openapi.js';

/** The contract entry of a route, by Fastify's method and path. */
export function contractOf(method: string, url: string): RouteContract | undefined {
  return (contract as Readonly<Record<string, RouteContract>>)[`${method} ${url}`];
}

/**
 * Every route's responses from the one contract (src/api/routes.ts): its success schemas and the one
 * error body for 4xx/5xx, in the OpenAPI document. Answers are written as the handlers return them
 * (the schemas document and check; they do not reshape). With `check`, as the tests run the server,
 * every JSON answer is parsed against its schema and a mismatch fails the request with a 500.
 */
export function installContract(app: FastifyInstance, options: { check: boolean }): void {
  app.setSerializerCompiler(() => frozenJson);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const entry = contractOf(String(route.method), route.url);
    if (!entry) return;
    const response: Record<string, unknown> = { '4xx': doc(errorBody, 'output'), '5xx': doc(errorBody, 'output') };
    for (const [status, schema] of Object.entries(entry.response)) {
      response[status] = entry.file ? { description: 'a file', type: 'string' } : doc(schema, 'output');
    }
    route.schema = { ...route.schema, response };
  });
  if (!options.check) return;
  app.addHook('onSend', async (req, reply, payload) => {
    const entry = contractOf(req.method, req.routeOptions.url ?? '');
    const schema = entry?.response[reply.statusCode as 200 | 201];
    if (!entry || entry.file || !schema || typeof payload !== 'string') return payload;
    const result = schema.safeParse(JSON.parse(payload));
    if (result.success) return payload;
    // Test runs only: the answer becomes a 500 that says which field broke the contract, so the failing test shows it.
    const issue = result.error.issues[0]!;
    const status = reply.statusCode;
    void reply.code(500);
    return JSON.stringify({
      error: { code: 'HTTP_INTERNAL_ERROR', message: `${req.method} ${req.routeOptions.url} answered ${status} against its contract: ${issue.path.join('.')}: ${issue.message}` },
    });
  });
}
