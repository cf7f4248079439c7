import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/app-error.js';
import type { Db } from '../store/db.js';
import { authErrors } from '../auth/errors.js';

/** What routes are given: the database and the clock (read only here, in the adapter). */
export interface ServerDeps {
  readonly db: Db;
  readonly now: () => Date;
  /** The built web app to serve at `/`, when it exists. */
  readonly webDist?: string | undefined;
  /** Mark the session cookie Secure (and send HSTS): set when users reach the server over TLS. */
  readonly secureCookies?: boolean;
  /** Check every JSON answer against the API contract (src/api): set by the tests, so a drift fails them. */
  readonly checkResponses?: boolean;
}

/** A route module: registers its routes on the app. Add new modules to src/server/routes/index.ts. */
export type RouteModule = (app: FastifyInstance, deps: ServerDeps) => void;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
}

/** The logged-in user, or a 401. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError(authErrors.NOT_AUTHENTICATED, 'You are not logged in: send the session cookie or an API token.');
  return req.principal;
}
