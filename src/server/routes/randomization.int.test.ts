import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { Protocol } from '../../protocol/schema.js';
import { designFromProtocol, generateList, kitFor } from '../../randomization/index.js';
import type { Db, Queryable } from '../../store/db.js';
import { openPostgres } from '../../store/drivers/postgres/postgres-db.js';
import { lockStudy } from '../../use-cases/lock-study.js';
import { kitPoolSize } from '../../randomization/kits.js';
import { createStudy } from '../../store/studies.js';
import { testDatabases } from '../../store/test-databases.js';
import { createUser } from '../../auth/accounts.js';
import { buildServer } from '../app.js';
import { testApp, testNow, testPassword, type TestApp } from '../test-app.js';

const databases = testDatabases();
const study = 'sle-il2';
const sle = getBuiltinProtocol(study);
const site = sle.sites[0]!.id;

/** Enrolled participants written straight into the store (the lifecycle has its own tests). */
async function enrolled(q: Queryable, studyId: string, siteId: string, n: number, prefix = 'P'): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO participants (study_id, site_id, code, sex, birth_date, status)
     SELECT $1, $2, $3 || lpad(i::text, 4, '0'), 'female', '1980-01-01', 'enrolled' FROM generate_series(1, $4::int) i RETURNING id`,
    [studyId, siteId, prefix, n],
  );
  return rows.map((r) => r.id);
}

async function setup(db: Db) {
  const t = await testApp(db);
  await t.user('inv', [{ studyId: study, siteId: site, role: 'investigator' }]);
  await t.user('inv2', [{ studyId: study, siteId: site, role: 'investigator' }]);
  await t.user('pharm', [{ studyId: study, siteId: null, role: 'unblinded-pharmacist' }]);
  await t.user('stat', [{ studyId: study, siteId: null, role: 'statistician' }]);
  await t.user('mon', [{ studyId: study, siteId: null, role: 'monitor' }]);
  const cookies: Record<string, string> = {};
  for (const u of ['inv', 'inv2', 'pharm', 'stat', 'mon']) cookies[u] = await t.login(u);
  return { t, cookies };
}

const call = (t: TestApp, cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe.each(databases)('randomization API on $kind', (database) => {
  it('randomizes an enrolled participant once, showing the kit and not the arm to a blinded investigator', async () => {
    const db = await database.fresh();
    const { t, cookies } = await setup(db);
    const [id] = await enrolled(db, study, site, 1);
    expect((await call(t, cookies.mon!, 'POST', `/api/participants/${id}/randomize`)).statusCode).toBe(403);
    const r = await call(t, cookies.inv!, 'POST', `/api/participants/${id}/randomize`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).not.toHaveProperty('armId');
    expect(r.json()).toMatchObject({ status: 'randomized', kitNumber: expect.stringMatching(/^K\d{4}$/) });
    const again = await call(t, cookies.inv!, 'POST', `/api/participants/${id}/randomize`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RANDOMIZATION_ALREADY_RANDOMIZED');
  });

  it('dates the randomized status on the day of randomization, not the day the participant was enrolled', async () => {
    const db = await database.fresh();
    const { t, cookies } = await setup(db);
    const [id] = await enrolled(db, study, site, 1);
    await db.query(`UPDATE participants SET status_on = '2025-05-20' WHERE id = $1`, [id]);
    expect((await call(t, cookies.inv!, 'POST', `/api/participants/${id}/randomize`)).statusCode).toBe(200);
    // testNow is 2025-06-02T09:00Z: the server's day of randomization.
    expect((await call(t, cookies.inv!, 'GET', `/api/participants/${id}`)).json()).toMatchObject({ status: 'randomized', statusOn: '2025-06-02' });
  });

  it('reproduces the allocations from the seed for the statistician, and refuses the list to anyone else', async () => {
    const db = await database.fresh();
    const { t, cookies } = await setup(db);
    const ids = await enrolled(db, study, site, 10);
    for (const id of ids) expect((await call(t, cookies.inv!, 'POST', `/api/participants/${id}/randomize`)).statusCode).toBe(200);
    for (const u of ['inv', 'mon', 'pharm', 'stat']) expect((await call(t, cookies[u]!, 'GET', `/api/studies/${study}/randomization/list`)).statusCode).toBe(403);
    // The lock unblinds the statistician; everyone else stays refused.
    await lockStudy(db, { actor: 'system', at: testNow }, study, 'final analysis');
    for (const u of ['inv', 'mon', 'pharm']) expect((await call(t, cookies[u]!, 'GET', `/api/studies/${study}/randomization/list`)).statusCode).toBe(403);
    const audit = (await call(t, cookies.stat!, 'GET', `/api/studies/${study}/randomization/list`)).json();
    const seed = Uint8Array.from(Buffer.from(audit.seed, 'hex'));
    expect(seed.length).toBe(32);
    // Recompute independently of the server's stored state: the site stratum's first 10 slots, and each arm's kits in order.
    const design = designFromProtocol(sle);
    const expected = generateList(design, seed, { site }, 10).map((e) => e.armId);
    const allocations = audit.allocations as { armId: string; kitNumber: string; participantId: string }[];
    expect(allocations.map((a) => a.armId)).toEqual(expected);
    const seen: Record<string, number> = {};
    for (const a of allocations) {
      const ordinal = seen[a.armId] ?? 0;
      seen[a.armId] = ordinal + 1;
      expect(a.kitNumber).toBe(kitFor(design.arms, seed, kitPoolSize(sle, design.arms), a.armId, ordinal));
    }
    expect(allocations.map((a) => a.participantId).sort()).toEqual([...ids].sort());
  });

  it('leaves no assignment when the transaction fails after the assignment', async () => {
    const db = await database.fresh();
    const { cookies } = await setup(db);
    const [id] = await enrolled(db, study, site, 1);
    // The audit append is the last write of the transaction, after the assignment and the state update.
    const failing: Db = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            ...tx,
            // The append writes its records in a WITH clause beside the chain's checkpoint (append-audit.ts).
            query: (sql, params) => (/\bINSERT INTO audit \(/.test(sql) ? Promise.reject(new Error('power cut')) : tx.query(sql, params)),
            exec: (sql) => tx.exec(sql),
          }),
        ),
    };
    const app = await buildServer({ db: failing, now: () => testNow });
    const r = await app.inject({ method: 'POST', url: `/api/participants/${id}/randomize`, headers: { cookie: cookies.inv! } });
    expect(r.statusCode).toBe(500);
    expect(await db.query('SELECT * FROM randomizations')).toEqual([]);
    expect(await db.query('SELECT status, arm_id, kit_number FROM participants WHERE id = $1', [id])).toEqual([{ status: 'enrolled', arm_id: null, kit_number: null }]);
    expect(await db.query('SELECT * FROM randomization_states')).toEqual([]);
  });

  it('breaks the code for one participant and one user, with a reason and the password, and notifies the unblinded', async () => {
    const db = await database.fresh();
    const { t, cookies } = await setup(db);
    const [a, b] = await enrolled(db, study, site, 2);
    for (const id of [a, b]) await call(t, cookies.inv!, 'POST', `/api/participants/${id}/randomize`);
    const noReason = await call(t, cookies.inv!, 'POST', `/api/participants/${a}/unblind`, { reason: '  ', password: testPassword });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.path).toBe('reason');
    expect((await call(t, cookies.inv!, 'POST', `/api/participants/${a}/unblind`, { reason: 'anaphylaxis', password: 'wrong' })).statusCode).toBe(401);
    expect((await call(t, cookies.mon!, 'POST', `/api/participants/${a}/unblind`, { reason: 'anaphylaxis', password: testPassword })).statusCode).toBe(403);
    expect(await db.query('SELECT * FROM unblindings')).toEqual([]);
    const ok = await call(t, cookies.inv!, 'POST', `/api/participants/${a}/unblind`, { reason: 'anaphylaxis', password: testPassword });
    expect(ok.statusCode, ok.body).toBe(200);
    const [{ arm_id: armA }] = (await db.query<{ arm_id: string }>('SELECT arm_id FROM participants WHERE id = $1', [a])) as [{ arm_id: string }];
    expect(ok.json().armId).toBe(armA);
    expect((await call(t, cookies.inv!, 'GET', `/api/participants/${a}`)).json().armId).toBe(armA);
    expect((await call(t, cookies.inv!, 'GET', `/api/participants/${b}`)).json()).not.toHaveProperty('armId');
    expect((await call(t, cookies.inv2!, 'GET', `/api/participants/${a}`)).json()).not.toHaveProperty('armId');
    expect((await call(t, cookies.inv!, 'GET', `/api/studies/${study}/participants`)).body).not.toMatch(/armId/);
    const audit = await db.query<{ entity: string; reason: string | null }>("SELECT entity FROM audit WHERE entity IN ('unblindings', 'notifications') ORDER BY seq");
    expect(audit.map((x) => x.entity)).toEqual(['unblindings', 'notifications']);
    expect((await call(t, cookies.inv!, 'GET', `/api/studies/${study}/notifications`)).statusCode).toBe(403);
    const notes = (await call(t, cookies.pharm!, 'GET', `/api/studies/${study}/notifications`)).json();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'emergency-unblinding', participantId: a });
    expect(notes[0].text).toContain('anaphylaxis');
  });

  it('lets only the unblinded pharmacist see the dispensing list and dispense, audited', async () => {
    const db = await database.fresh();
    const { t, cookies } = await setup(db);
    const [id] = await enrolled(db, study, site, 1);
    const kit = (await call(t, cookies.inv!, 'POST', `/api/participants/${id}/randomize`)).json().kitNumber;
    expect((await call(t, cookies.inv!, 'GET', `/api/studies/${study}/dispensing`)).statusCode).toBe(403);
    expect((await call(t, cookies.inv!, 'POST', `/api/participants/${id}/dispense`, { kitNumber: kit })).statusCode).toBe(403);
    const list = (await call(t, cookies.pharm!, 'GET', `/api/studies/${study}/dispensing`)).json();
    const [{ arm_id }] = (await db.query<{ arm_id: string }>('SELECT arm_id FROM participants WHERE id = $1', [id])) as [{ arm_id: string }];
    expect(list).toEqual([expect.objectContaining({ participantId: id, kitNumber: kit, armId: arm_id, dispensed: false })]);
    const wrong = await call(t, cookies.pharm!, 'POST', `/api/participants/${id}/dispense`, { kitNumber: 'K9999' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.code).toBe('RANDOMIZATION_WRONG_KIT');
    expect((await call(t, cookies.pharm!, 'POST', `/api/participants/${id}/dispense`, { kitNumber: kit })).statusCode).toBe(201);
    expect((await call(t, cookies.pharm!, 'POST', `/api/participants/${id}/dispense`, { kitNumber: kit })).json().error.code).toBe('RANDOMIZATION_ALREADY_DISPENSED');
    const [pharmId] = (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'pharm'")).map((u) => u.id);
    expect(await db.query("SELECT actor, entity FROM audit WHERE entity = 'dispensings'")).toEqual([{ actor: pharmId, entity: 'dispensings' }]);
    expect((await call(t, cookies.pharm!, 'GET', `/api/studies/${study}/dispensing`)).json()[0].dispensed).toBe(true);
  });

  it("refuses to start with a randomized study without a scheme, or a block size that disagrees with the arms' ratio", async () => {
    const db = await database.fresh();
    const noScheme: Protocol = { ...sle, id: 'no-scheme', design: { ...sle.design, randomization: undefined } };
    await createStudy(db, { actor: 'system', at: testNow }, noScheme);
    const app = await buildServer({ db, now: () => testNow });
    await expect(app.ready()).rejects.toThrow(/check randomized-without-scheme failed for study no-scheme/);
    const db2 = await database.fresh();
    const twoToOne: Protocol = { ...sle, id: 'two-to-one', arms: sle.arms.map((a, i) => ({ ...a, ratio: i === 0 ? 2 : 1 })) };
    await createStudy(db2, { actor: 'system', at: testNow }, twoToOne);
    // Ratio 2:1 sums to 3; blocks of 2 and 4 cannot hold it.
    await expect((await buildServer({ db: db2, now: () => testNow })).ready()).rejects.toThrow(
      /check scheme-inconsistent failed for study two-to-one \(design.randomization.blockSizes.0: block size 2 is not a multiple/,
    );
  });
});

// Several server processes on one PostgreSQL is the deployment this guards; PGlite has one connection.
describe.each(databases.filter((d) => d.kind === 'postgres'))('concurrent randomization on $kind', (database) => {
  it('randomizes 1,000 participants from 8 clients through 2 server processes without a duplicate slot or a broken block', async () => {
    const db = await database.fresh();
    const big: Protocol = { ...sle, id: 'big', enrolment: { target: 1000, kind: 'estimated' }, sites: [...sle.sites, { id: 'site-b', name: 'Second site', contacts: [] }] };
    await createStudy(db, { actor: 'system', at: testNow }, big);
    await createUser(
      db,
      { actor: 'system', at: testNow, studyId: null },
      { username: 'inv', displayName: 'inv', password: testPassword, roles: [{ studyId: 'big', siteId: null, role: 'investigator' }] },
    );
    const c = await database.cluster!();
    const other = openPostgres(c.pg.url(c.database));
    const apps = [await buildServer({ db, now: () => testNow }), await buildServer({ db: other, now: () => testNow })];
    const login = await apps[0]!.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'inv', password: testPassword } });
    const cookie = `sid=${login.cookies.find((x) => x.name === 'sid')!.value}`;
    const ids = [...(await enrolled(db, 'big', big.sites[0]!.id, 500, 'A')), ...(await enrolled(db, 'big', 'site-b', 500, 'B'))];
    const queue = [...ids];
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 8 }, async (_, client) => {
        for (let id = queue.pop(); id; id = queue.pop()) {
          const r = await apps[client % 2]!.inject({ method: 'POST', url: `/api/participants/${id}/randomize`, headers: { cookie } });
          if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
        }
      }),
    );
    console.log(`1000 randomizations, 8 clients, 2 servers on PostgreSQL: ${Date.now() - t0} ms`);
    await other.close();
    const rows = await db.query<{ stratum: string; stratum_index: number; block: number; arm_id: string; sequence: number }>(
      'SELECT stratum, stratum_index, block, arm_id, sequence FROM randomizations ORDER BY stratum, stratum_index',
    );
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.sequence)).size).toBe(1000);
    const [{ seed }] = (await db.query<{ seed: Uint8Array }>("SELECT seed FROM randomization_seeds WHERE study_id = 'big'")) as [{ seed: Uint8Array }];
    const design = designFromProtocol(big);
    for (const siteId of big.sites.map((s) => s.id)) {
      const mine = rows.filter((r) => r.stratum.includes(siteId));
      expect(mine).toHaveLength(500);
      // Slots 0…499 each used once, in the order the seed's list gives.
      expect(mine.map((r) => r.stratum_index)).toEqual(Array.from({ length: 500 }, (_, i) => i));
      expect(mine.map((r) => r.arm_id)).toEqual(generateList(design, Uint8Array.from(seed), { site: siteId }, 500).map((e) => e.armId));
      // Every completed block (all but the last of the stratum) holds as many of each arm (1:1).
      const blocks = new Map<number, string[]>();
      for (const r of mine) blocks.set(r.block, [...(blocks.get(r.block) ?? []), r.arm_id]);
      const last = Math.max(...blocks.keys());
      for (const [n, arms] of blocks) {
        if (n === last) continue;
        expect([2, 4], `block ${n}`).toContain(arms.length);
        expect(arms.filter((x) => x === 'active').length * 2, `block ${n} of ${siteId}`).toBe(arms.length);
      }
    }
  }, 240_000);
});
