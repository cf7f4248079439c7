import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { principalFromSession, principalFromToken } from '../auth/sessions.js';
import { AppError } from '../errors/app-error.js';
import type { ServerDeps } from './context.js';
import { toErrorResponse } from './errors.js';
import { sessionCookie } from './routes/auth.js';
import { routeModules } from './routes/index.js';

/** Build the HTTP API (and the web app's static files) over a migrated database. */
export async function buildServer(deps: ServerDeps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: { info: { title: 'il2trials API', version: '0.1.0', description: 'Run low-dose IL-2 immunotherapy trials end to end.' } },
  });
  // Route schemas document the API; zod validates in the handlers (one validator, one error body).
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.decorateRequest('principal', undefined);

  app.addHook('onRequest', async (req) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.principal = await principalFromToken(deps.db, auth.slice('Bearer '.length).trim());
      return;
    }
    const sid = req.cookies[sessionCookie];
    if (sid) req.principal = await principalFromSession(deps.db, sid, deps.now());
  });

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) req.log.error(err);
    void reply.status(status).send(body);
  });

  for (const register of routeModules) register(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDist = deps.webDist;
  const hasWeb = webDist !== undefined && existsSync(`${webDist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    const { status, body } = toErrorResponse(new AppError('RouteNotFound', `No API endpoint ${req.method} ${req.url.split('?')[0]} exists.`, 404));
    return reply.status(status).send(body);
  });
  return app;
}
