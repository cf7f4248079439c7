import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Db } from '../store/db.js';
import { createStudy } from '../store/studies.js';
import { testDatabases } from '../store/test-databases.js';
import { testApp, testNow, testPassword } from './test-app.js';

const databases = testDatabases();
/** The double-blind SLE protocol at two sites, so that one site's notice can be kept from the other. */
const sle = getBuiltinProtocol('sle-il2');
const study = 'sle-two-sites';
const siteA = sle.sites[0]!.id;
const siteB = 'site-b';

async function setup(db: Db) {
  await createStudy(db, { actor: 'system', at: testNow }, { ...sle, id: study, sites: [...sle.sites, { id: siteB, name: 'Second site', contacts: [] }] });
  const t = await testApp(db);
  await t.user('inv-a', [{ studyId: study, siteId: siteA, role: 'investigator' }]);
  await t.user('inv-b', [{ studyId: study, siteId: siteB, role: 'investigator' }]);
  await t.user('pharm-a', [{ studyId: study, siteId: siteA, role: 'unblinded-pharmacist' }]);
  await t.user('pharm-b', [{ studyId: study, siteId: siteB, role: 'unblinded-pharmacist' }]);
  await t.user('pharm', [{ studyId: study, siteId: null, role: 'unblinded-pharmacist' }]);
  const cookies: Record<string, string> = {};
  for (const u of ['inv-a', 'inv-b', 'pharm-a', 'pharm-b', 'pharm']) cookies[u] = await t.login(u);
  const [{ id }] = (await db.query<{ id: string }>(
    `INSERT INTO participants (study_id, site_id, code, sex, birth_date, status) VALUES ($1, $2, 'A-001', 'female', '1980-01-01', 'enrolled') RETURNING id`,
    [study, siteA],
  )) as [{ id: string }];
  const call = (user: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  expect((await call('inv-a', 'POST', `/api/participants/${id}/randomize`)).statusCode).toBe(200);
  return { t, call, id };
}

describe.each(databases)('the access policy over HTTP on $kind', (database) => {
  it('refuses the unblinded pharmacist every visit, efficacy and safety record of their own site, and shows the kits to dispense', async () => {
    const db = await database.fresh();
    const { call, id } = await setup(db);
    const clinical = [
      `/api/participants/${id}`,
      `/api/participants/${id}/visits`,
      `/api/participants/${id}/observations`,
      `/api/participants/${id}/immune-panels`,
      `/api/participants/${id}/adverse-events`,
      `/api/participants/${id}/screening`,
      `/api/studies/${study}/participants`,
      `/api/studies/${study}/dashboard`,
      `/api/studies/${study}/adverse-events`,
      `/api/studies/${study}/queries`,
      `/api/studies/${study}/analysis`,
      `/api/studies/${study}/report`,
    ];
    for (const url of clinical) {
      const r = await call('pharm-a', 'GET', url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(403);
      expect(r.json().error.code).toBe('AUTH_FORBIDDEN');
      // The investigator of the site reads them (the refusal is the pharmacist's, not the record's).
      if (url.startsWith('/api/participants/')) expect((await call('inv-a', 'GET', url)).statusCode, url).toBe(200);
    }
    const kits = await call('pharm-a', 'GET', `/api/studies/${study}/dispensing`);
    expect(kits.statusCode).toBe(200);
    expect(kits.json()).toEqual([expect.objectContaining({ participantId: id, code: 'A-001', siteId: siteA, dispensed: false })]);
    // The other site's pharmacist dispenses nothing here.
    expect((await call('pharm-b', 'GET', `/api/studies/${study}/dispensing`)).json()).toEqual([]);
  });

  it("keeps site A's emergency-unblinding notice from site B's unblinded pharmacist", async () => {
    const db = await database.fresh();
    const { call, id } = await setup(db);
    const broken = await call('inv-a', 'POST', `/api/participants/${id}/unblind`, { reason: 'anaphylaxis', password: testPassword });
    expect(broken.statusCode, broken.body).toBe(200);
    const notices = (user: string) => call(user, 'GET', `/api/studies/${study}/notifications`);
    expect((await notices('pharm-a')).json()).toEqual([expect.objectContaining({ kind: 'emergency-unblinding', participantId: id })]);
    expect((await notices('pharm')).json()).toHaveLength(1);
    const other = await notices('pharm-b');
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual([]);
    // A blinded investigator, at either site, reads no notice at all.
    for (const u of ['inv-a', 'inv-b']) expect((await notices(u)).statusCode).toBe(403);
  });
});
