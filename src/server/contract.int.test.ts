import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isAction } from '../access/index.js';
import { contract } from '../api/routes.js';
import { testDatabases } from '../store/test-databases.js';
import { installContract } from './contract.js';
import { testApp } from './test-app.js';

const [pglite] = testDatabases();

interface Operation {
  readonly 'x-action'?: unknown;
  readonly responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the API contract', () => {
  it('walks every route of the OpenAPI document: each declares an action of the policy and a success response schema', async () => {
    const t = await testApp(await pglite!.fresh());
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const problems: string[] = [];
    let routes = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        routes++;
        const name = `${method.toUpperCase()} ${path}`;
        if (!isAction(op['x-action'])) problems.push(`${name}: no action of the access policy`);
        const success = Object.entries(op.responses ?? {}).filter(([status]) => status === '200' || status === '201');
        if (success.length === 0 || success.some(([, r]) => r.content === undefined)) problems.push(`${name}: no success response schema`);
        if (!op.responses?.['4XX'] && !op.responses?.['4xx']) problems.push(`${name}: no error response schema`);
      }
    }
    expect(problems).toEqual([]);
    // The document lists every route of the contract, and nothing the contract lacks.
    expect(routes).toBe(Object.keys(contract).length - 1); // the document itself is hidden from it
  });

  it('fails an answer that drifts from its schema in a test run, naming the field, and passes a true one untouched', async () => {
    const app = Fastify();
    installContract(app, { check: true });
    // Two handlers at contract paths: one answers the session schema, one does not.
    app.get('/api/auth/me', async () => ({ user: { id: 'u1', username: 'ana', displayName: 'Ana', mustChangePassword: false }, roles: [] }));
    app.get('/api/auth/sessions', async () => [{ id: 's1', createdAt: '2025-06-02T09:00:00.000Z', current: true }]);
    const good = await app.inject({ url: '/api/auth/me' });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ user: { id: 'u1', username: 'ana', displayName: 'Ana', mustChangePassword: false }, roles: [] });
    const bad = await app.inject({ url: '/api/auth/sessions' });
    expect(bad.statusCode).toBe(500);
    expect(bad.json().error.message).toMatch(/^GET \/api\/auth\/sessions answered 200 against its contract: 0\.expiresAt: /);
    await app.close();
  });
});
