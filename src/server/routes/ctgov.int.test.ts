import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { testApp } from '../test-app.js';

const databases = testDatabases();
/** What a test reads of an injected response. */
type Injected = { statusCode: number; body: string; json: () => ReturnType<typeof JSON.parse> };
const fixture = (name: string) => readFileSync(new URL(`../../interop/ctgov/fixtures/${name}`, import.meta.url), 'utf8');

describe.each(databases)('ClinicalTrials.gov records into design-stage studies on $kind', (database) => {
  let call: (cookie: string, url: string, payload: object) => Promise<Injected>;
  let admin = '';
  let coord = '';
  let studyCount: () => Promise<number>;
  beforeAll(async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    await t.user('root', [{ studyId: null, siteId: null, role: 'admin' }]);
    await t.user('coord', [{ studyId: 'als-il2', siteId: t.siteA, role: 'coordinator' }]);
    admin = await t.login('root');
    coord = await t.login('coord');
    call = async (cookie, url, payload) => await t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    studyCount = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM studies'))[0]?.n);
  });

  it.each(['seed-NCT02464319.json', 'seed-NCT04952155.json', 'seed-sle-001.json', 'seed-ae-003.json', 'NCT00763412.json'])('%s is imported as a design and activated', async (file) => {
    const preview = await call(admin, '/api/studies/import/ctgov', { record: fixture(file), create: false });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().study).toBeUndefined();
    const id = preview.json().protocol.id as string;
    const created = await call(admin, '/api/studies/import/ctgov', { record: fixture(file) });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().study).toMatchObject({ id, status: 'design', protocolVersion: '1' });
    expect(created.json().report.entries.length).toBeGreaterThan(0);
    const live = await call(admin, `/api/studies/${id}/activate`, {});
    expect(live.statusCode, live.body).toBe(200);
    expect(live.json()).toMatchObject({ id, status: 'live' });
  });

  it('refuses a truncated file and a record without arms in one sentence, writing nothing, and a coordinator', async () => {
    const before = await studyCount();
    const cut = await call(admin, '/api/studies/import/ctgov', { record: fixture('NCT02210780.json').slice(0, 5000) });
    expect(cut.statusCode).toBe(422);
    expect(cut.json().error.code).toBe('CTGOV_RECORD_MALFORMED');
    expect(cut.json().error.message).toMatch(/^The uploaded record is not valid JSON: it breaks at .*line \d+, column \d+.*\.$/);
    const record = JSON.parse(fixture('NCT02210780.json'));
    record.protocolSection.armsInterventionsModule.armGroups = [];
    const noArms = await call(admin, '/api/studies/import/ctgov', { record: JSON.stringify(record) });
    expect(noArms.statusCode).toBe(422);
    expect(noArms.json().error).toMatchObject({ code: 'CTGOV_RECORD_INCOMPLETE', path: 'protocolSection.armsInterventionsModule.armGroups' });
    expect((await call(coord, '/api/studies/import/ctgov', { record: fixture('NCT02210780.json') })).json().error.code).toBe('AUTH_FORBIDDEN');
    expect(await studyCount()).toBe(before);
  });
});
