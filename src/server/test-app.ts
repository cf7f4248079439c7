import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { createUser } from '../auth/accounts.js';
import type { RoleAssignment } from '../access/index.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Protocol } from '../protocol/schema.js';
import type { Db } from '../store/db.js';
import { createStudy } from '../store/studies.js';
import { buildServer } from './app.js';

export const testNow = new Date('2025-06-02T09:00:00.000Z');

/** The ALS study (open, single arm) with a second site, so site isolation can be tested. */
export function twoSiteProtocol(): Protocol {
  const p = getBuiltinProtocol('als-il2');
  return { ...p, sites: [...p.sites, { id: 'site-b', name: 'Second site', contacts: [] }] };
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly siteA: string;
  /** Log in and return the cookie header value. */
  login(username: string, password?: string): Promise<string>;
  user(username: string, roles: readonly RoleAssignment[]): Promise<string>;
}

export const testPassword = 'correct horse battery staple';

export interface TestAppOptions {
  readonly logger?: FastifyBaseLogger;
  readonly secureCookies?: boolean;
  /** The server's clock; `testNow` unless a test needs visits after it (edit checks refuse future dates). */
  readonly now?: () => Date;
}

export async function testApp(db: Db, options: TestAppOptions = {}): Promise<TestApp> {
  const protocol = twoSiteProtocol();
  await createStudy(db, { actor: 'system', at: testNow }, protocol);
  await createStudy(db, { actor: 'system', at: testNow }, getBuiltinProtocol('sle-il2'));
  const app = await buildServer({ db, now: options.now ?? (() => testNow), checkResponses: true, secureCookies: options.secureCookies ?? false }, options.logger ? { logger: options.logger } : {});
  const ctx = { actor: 'system', at: testNow, studyId: null };
  return {
    app,
    siteA: protocol.sites[0]!.id,
    user: (username, roles) => createUser(db, ctx, { username, displayName: username, password: testPassword, roles }),
    async login(username, password = testPassword) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
      const c = r.cookies.find((x) => x.name === 'sid');
      return `sid=${c?.value}`;
    },
  };
}
