import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { principalFromToken } from '../auth/api-tokens.js';
import { principalFromSession } from '../auth/sessions.js';
import { AppError } from '../errors/app-error.js';
import { installAccess } from './access.js';
import { installContract } from './contract.js';
import type { ServerDeps } from './context.js';
import { toErrorResponse } from './errors.js';
import { requestIdOptions } from './hardening/logger.js';
import { checkOrigin } from './hardening/origin-check.js';
import { registerSecurityHeaders } from './hardening/security-headers.js';
import { refuseBadStrings } from './hardening/text-check.js';
import { sessionCookie } from './routes/auth.js';
import { routeModules } from './routes/index.js';
import { accountErrors } from '../accounts/errors.js';
import { authErrors } from '../auth/errors.js';
import { requestErrors } from '../errors/request-errors.js';

/** What a user whose password must be changed may still call. */
const passwordChangeRoutes = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);

/** Build the HTTP API (and the web app's static files) over a migrated database; `logger` from hardening/logger.ts. */
export async function buildServer(deps: ServerDeps, options: { logger?: FastifyBaseLogger; trustProxy?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ ...(options.logger ? { loggerInstance: options.logger } : { logger: false }), ...requestIdOptions, trustProxy: options.trustProxy ?? false });
  await app.register(cookie);
  await registerSecurityHeaders(app, { secure: deps.secureCookies ?? false });
  await app.register(swagger, {
    openapi: { info: { title: 'il2trials API', version: '0.1.0', description: 'Run low-dose IL-2 immunotherapy trials end to end.' } },
  });
  // Route schemas document the API; zod validates in the handlers (one validator, one error body).
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.decorateRequest('principal', undefined);

  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    checkOrigin(req);
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.principal = await principalFromToken(deps.db, auth.slice('Bearer '.length).trim(), deps.now());
      if (req.principal?.token?.readOnly && req.method !== 'GET' && req.method !== 'HEAD') {
        throw new AppError(authErrors.TOKEN_READ_ONLY, `This API token is read-only: it cannot ${req.method} ${req.url.split('?')[0]}.`);
      }
      return;
    }
    const sid = req.cookies[sessionCookie];
    if (sid) req.principal = await principalFromSession(deps.db, sid, deps.now());
  });
  // After the password was issued (first start, added user, reset), the only thing its user may do through the API is change it
  // (the web app's own files are still served, or the page that asks for the change could not load).
  app.addHook('preHandler', async (req) => {
    const route = req.routeOptions.url ?? '';
    if (req.principal?.mustChangePassword && route.startsWith('/api/') && !passwordChangeRoutes.has(`${req.method} ${route}`)) {
      throw new AppError(accountErrors.PASSWORD_CHANGE_REQUIRED, 'Your password was issued to you (at first start or by an administrator): change it (POST /api/auth/password) before anything else.');
    }
  });

  app.addHook('preValidation', async (req) => refuseBadStrings(req));

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) req.log.error({ err }, `answered ${status} ${body.error.code}`);
    const retryAfter = (err as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(status).send(body);
  });

  installContract(app, { check: deps.checkResponses ?? false });
  installAccess(app, deps.db);
  for (const register of routeModules) register(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { action: 'api.describe' } }, async () => app.swagger());

  const webDist = deps.webDist;
  const hasWeb = webDist !== undefined && existsSync(`${webDist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    const { status, body } = toErrorResponse(new AppError(requestErrors.ROUTE_NOT_FOUND, `No API endpoint ${req.method} ${req.url.split('?')[0]} exists.`));
    return reply.status(status).send(body);
  });
  return app;
}
