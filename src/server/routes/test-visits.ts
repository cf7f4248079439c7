import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { Db } from '../../store/db.js';
import { createStudy } from '../../store/studies.js';
import { testApp, testNow, type TestApp, type TestAppOptions } from '../test-app.js';

/** Test studies: ALS (open, single arm, sites A and B) and the SS study (ESSDAI at week 0). */
export const als = 'als-il2';
export const ss = 'ss-il2';

export interface VisitTestApp extends TestApp {
  readonly db: Db;
  readonly ssSite: string;
  /** Call the API as `cookie`. */
  call(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object): Promise<LightMyRequestResponse>;
  /** A participant taken to on-treatment on `startDate` (ALS), or left in screening (SS, randomized). */
  participant(cookie: string, study: string, siteId: string, code: string, startDate?: string): Promise<string>;
  auditCount(): Promise<number>;
}

export async function visitTestApp(db: Db, options: TestAppOptions = {}): Promise<VisitTestApp> {
  const t = await testApp(db, options);
  const ssProtocol = getBuiltinProtocol(ss);
  await createStudy(db, { actor: 'system', at: testNow }, ssProtocol);
  const ssSite = ssProtocol.sites[0]!.id;
  await t.user('inv-a', [{ studyId: als, siteId: t.siteA, role: 'investigator' }]);
  await t.user('coord-a', [{ studyId: als, siteId: t.siteA, role: 'coordinator' }]);
  await t.user('coord-b', [{ studyId: als, siteId: 'site-b', role: 'coordinator' }]);
  await t.user('inv-b', [{ studyId: als, siteId: 'site-b', role: 'investigator' }]);
  await t.user('mon', [{ studyId: als, siteId: null, role: 'monitor' }]);
  await t.user('dm-b', [{ studyId: als, siteId: 'site-b', role: 'data-manager' }]);
  await t.user('stat', [{ studyId: als, siteId: null, role: 'statistician' }]);
  await t.user('coord-ss', [{ studyId: ss, siteId: ssSite, role: 'coordinator' }]);
  const call: VisitTestApp['call'] = (cookie, method, url, payload) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return {
    ...t,
    db,
    ssSite,
    call,
    async participant(cookie, study, siteId, code, startDate) {
      const r = await call(cookie, 'POST', `/api/studies/${study}/participants`, { siteId, code, sex: 'female', birthDate: '1970-05-04' });
      expect(r.statusCode, r.body).toBe(201);
      const id = r.json().id as string;
      if (startDate !== undefined) {
        // Eligibility outside a screening is the site investigator's override, with a reason.
        const investigator = await t.login(siteId === t.siteA ? 'inv-a' : 'inv-b');
        const eligible = await call(investigator, 'POST', `/api/participants/${id}/transition`, { to: 'eligible', date: startDate, reason: 'screened on paper' });
        expect(eligible.statusCode, eligible.body).toBe(200);
        for (const to of ['consented', 'enrolled', 'on-treatment']) {
          const m = await call(cookie, 'POST', `/api/participants/${id}/transition`, { to, date: startDate });
          expect(m.statusCode, m.body).toBe(200);
        }
      }
      return id;
    },
    async auditCount() {
      const [r] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit');
      return r!.n;
    },
  };
}
