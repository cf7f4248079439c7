import type { LightMyRequestResponse } from 'fastify';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../audit/verify-audit.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { Db } from '../../store/db.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, testPassword } from '../test-app.js';

const databases = testDatabases();
const study = 'sle-il2';
const site = getBuiltinProtocol(study).sites[0]!.id;

interface TrailRecord {
  seq: number;
  entity: string;
  entityId: string;
  action: string;
  changes: { field: string; old: unknown; new: unknown }[];
  hash?: string;
}

/** Reviewers of sle-il2 (blinded while it is open) and one randomized participant, through the API. */
async function randomizedStudy(db: Db) {
  const t = await testApp(db);
  await t.user('inv', [{ studyId: study, siteId: site, role: 'investigator' }]);
  await t.user('mon', [{ studyId: study, siteId: null, role: 'monitor' }]);
  await t.user('site-mon', [{ studyId: study, siteId: site, role: 'monitor' }]);
  await t.user('dm', [{ studyId: study, siteId: null, role: 'data-manager' }]);
  await t.user('stat', [{ studyId: study, siteId: null, role: 'statistician' }]);
  await t.user('als-mon', [{ studyId: 'als-il2', siteId: null, role: 'monitor' }]);
  const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<LightMyRequestResponse> =>
    t.app.inject({ method, url, headers: { cookie: await t.login(user) }, ...(payload ? { payload } : {}) });
  const created = await call('inv', 'POST', `/api/studies/${study}/participants`, { siteId: site, code: 'SLE-001', sex: 'female', birthDate: '1980-01-01' });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  for (const to of ['eligible', 'consented', 'enrolled']) {
    expect((await call('inv', 'POST', `/api/participants/${id}/transition`, { to, date: '2025-03-01', reason: 'screened on paper' })).statusCode).toBe(200);
  }
  expect((await call('inv', 'POST', `/api/participants/${id}/randomize`)).statusCode).toBe(200);
  const lock = async () => expect((await call('dm', 'POST', `/api/studies/${study}/lock`, { reason: 'final analysis', password: testPassword })).statusCode).toBe(200);
  return { call, id, lock };
}

describe.each(databases)('study review API (audit trail, exports) on $kind', (database) => {
  it('pages a study trail newest first; a blinded monitor sees no arm and no hash, the statistician after lock sees both', async () => {
    const db = await database.fresh();
    const { call, id, lock } = await randomizedStudy(db);

    // The stored trail of this participant: insert, three transitions and the randomization, one record each.
    const stored = await db.query<AuditRow>("SELECT * FROM audit WHERE entity = 'participants' AND entity_id = $1 ORDER BY seq DESC", [id]);
    expect(stored).toHaveLength(5);
    const randomization = stored[0]!;
    expect(randomization.changes.map((c) => c.field)).toContain('arm_id');

    const url = `/api/studies/${study}/audit?entity=participants&entityId=${id}`;
    const blind = await call('mon', 'GET', url);
    expect(blind.statusCode, blind.body).toBe(200);
    const records = blind.json().records as TrailRecord[];
    expect(records.map((r) => r.seq)).toEqual(stored.map((r) => r.seq));
    expect(records[0]!.changes.map((c) => c.field)).toEqual(randomization.changes.map((c) => c.field).filter((f) => f !== 'arm_id'));
    expect(records.every((r) => r.hash === undefined && !('prevHash' in r))).toBe(true);
    expect(blind.body).not.toMatch(/"(active|placebo)"/);
    expect(blind.json().next).toBeNull();
    // The randomization row has no id column: its record is named by its key, the participant, and by nothing
    // else of the row (the arm would otherwise be part of the name, where no masking of changes reaches).
    const [allocation] = (await call('mon', 'GET', `/api/studies/${study}/audit?entity=randomizations`)).json().records as TrailRecord[];
    expect(allocation).toMatchObject({ entityId: id, action: 'insert', actorName: 'inv' });

    // Two at a time: 5 records make pages of 2, 2 and 1; `next` is the last seq of a page.
    const pages: number[][] = [];
    let before: number | null | undefined;
    do {
      const page = (await call('mon', 'GET', `${url}&limit=2${before ? `&before=${before}` : ''}`)).json();
      pages.push(page.records.map((r: TrailRecord) => r.seq));
      before = page.next;
    } while (before !== null);
    expect(pages).toEqual([stored.slice(0, 2), stored.slice(2, 4), stored.slice(4)].map((p) => p.map((r) => r.seq)));

    // Refused: a site-level role, another study's monitor, a bad limit.
    expect((await call('site-mon', 'GET', url)).json().error.code).toBe('AUTH_FORBIDDEN');
    expect((await call('inv', 'GET', url)).statusCode).toBe(403);
    expect((await call('als-mon', 'GET', url)).statusCode).toBe(404);
    expect((await call('mon', 'GET', `/api/studies/${study}/audit?limit=0`)).json().error).toMatchObject({ code: 'HTTP_INVALID_QUERY', path: 'limit' });

    // Before lock the statistician is blind too; after lock, unblinded, the arm and the hashes are there.
    expect(((await call('stat', 'GET', url)).json().records as TrailRecord[])[0]!.hash).toBeUndefined();
    await lock();
    const open = (await call('stat', 'GET', url)).json().records as TrailRecord[];
    expect(open[0]!.hash).toBe(randomization.hash);
    expect(open[0]!.changes).toContainEqual({ field: 'arm_id', old: null, new: expect.stringMatching(/^(active|placebo)$/) });
  });

  it('exports a table as CSV: no arm column for a blinded reviewer, the arm after lock; refuses site roles and unknown files', async () => {
    const db = await database.fresh();
    const { call, id, lock } = await randomizedStudy(db);
    const url = `/api/studies/${study}/export/participants.csv`;
    const blind = await call('mon', 'GET', url);
    expect(blind.statusCode, blind.body).toBe(200);
    expect(blind.headers['content-type']).toMatch(/^text\/csv/);
    expect(blind.headers['content-disposition']).toBe(`attachment; filename="${study}-participants.csv"`);
    const [row] = parse(blind.body, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ participant_code: 'SLE-001', site_id: site, status: 'randomized', enrolled_on: '2025-03-01', kit_number: expect.stringMatching(/^K\d{4}$/) });
    expect(Object.keys(row!)).not.toContain('arm_id');

    expect((await call('site-mon', 'GET', url)).statusCode).toBe(403);
    expect((await call('inv', 'GET', url)).statusCode).toBe(403);
    expect((await call('als-mon', 'GET', url)).statusCode).toBe(404);
    const unknown = await call('mon', 'GET', `/api/studies/${study}/export/randomization-list.csv`);
    expect(unknown.json().error).toMatchObject({ code: 'RECORD_NOT_FOUND', path: 'file' });

    await lock();
    const [stored] = await db.query<{ arm_id: string }>('SELECT arm_id FROM participants WHERE id = $1', [id]);
    const [open] = parse((await call('stat', 'GET', url)).body, { columns: true }) as Record<string, string>[];
    expect(open!['arm_id']).toBe(stored!.arm_id);
    // The monitor stays blinded after lock.
    expect(Object.keys((parse((await call('mon', 'GET', url)).body, { columns: true }) as Record<string, string>[])[0]!)).not.toContain('arm_id');
  });
});
