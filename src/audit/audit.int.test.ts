import { describe, expect, it } from 'vitest';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { openPostgres } from '../store/drivers/postgres/postgres-db.js';
import { testDatabases } from '../store/test-databases.js';
import { genesisHash, hashRecord } from './audit-record.js';
import { recordFromRow, verifyAuditTrail, type AuditRow } from './verify-audit.js';
import { sites, studies } from '../store/schema/index.js';
import type { Protocol } from '../protocol/schema.js';

const databases = testDatabases();
const at = new Date('2025-03-01T10:00:00.000Z');
const ctx = { actor: 'user-1', at, studyId: 's1' };

async function seedStudy(db: Db, id = 's1') {
  await audited(db, { ...ctx, studyId: id }, async (w) => {
    await w.insert(studies, { id, protocol_id: 'p', protocol_version: '1', protocol: {} as Protocol, title: `Study ${id}` });
    await w.insert(sites, { study_id: id, id: 'a', name: 'Site A' });
  });
}

describe.each(databases)('audit trail on $kind', (database) => {
  it('records who, when, entity, field, old and new value of inserts, updates and deletes', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    await audited(db, ctx, (w) => w.update(sites, { study_id: 's1', id: 'a' }, { name: 'Site Alpha' }, 'typo in site name'));
    await audited(db, ctx, (w) => w.remove(sites, { study_id: 's1', id: 'a' }, 'site closed before first patient'));
    const rows = await db.query<AuditRow>('SELECT * FROM audit ORDER BY seq');
    expect(rows.map((r) => [r.action, r.entity, r.entity_id])).toEqual([
      ['insert', 'studies', 's1'],
      ['insert', 'sites', 'a'],
      ['update', 'sites', 'a'],
      ['delete', 'sites', 'a'],
    ]);
    const update = rows[2] as AuditRow;
    expect(update.changes).toEqual([{ field: 'name', old: 'Site A', new: 'Site Alpha' }]);
    expect(update.reason).toBe('typo in site name');
    expect(update.actor).toBe('user-1');
    expect(new Date(update.at).toISOString()).toBe(at.toISOString());
    expect((rows[1] as AuditRow).changes).toContainEqual({ field: 'name', old: null, new: 'Site A' });
    expect((rows[3] as AuditRow).changes).toContainEqual({ field: 'name', old: 'Site Alpha', new: null });
  });

  it('refuses an update without a reason, naming the field, and writes nothing', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    await expect(audited(db, ctx, (w) => w.update(sites, { study_id: 's1', id: 'a' }, { name: 'X' }, undefined))).rejects.toMatchObject({ code: 'AUDIT_REASON_REQUIRED', path: 'reason', status: 400 });
    expect(await db.query('SELECT name FROM sites')).toEqual([{ name: 'Site A' }]);
    expect((await db.query('SELECT count(*)::int AS n FROM audit'))[0]).toEqual({ n: 2 });
  });

  it('links each record to the one before with sha256 over its content', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    const [first, second] = (await db.query<AuditRow>('SELECT * FROM audit ORDER BY seq')).map(recordFromRow);
    expect(first?.prevHash).toBe('0'.repeat(64));
    expect(second?.prevHash).toBe(first?.hash);
    const { hash, ...rest } = second!;
    expect(hashRecord(rest)).toBe(hash);
    expect(await verifyAuditTrail(db)).toEqual({ kind: 'intact', records: 2, chains: { 'study:s1': { records: 2, lastSeq: second!.seq, lastHash: second!.hash } } });
  });

  it('inserts several rows in one statement, each with its own audit record, a column left out taking its default', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    const rows = await audited(db, ctx, (w) =>
      w.insertMany(sites, [
        { study_id: 's1', id: 'b', name: 'Site B', closed_on: '2025-02-01' },
        { study_id: 's1', id: 'c', name: 'Site C' },
      ]),
    );
    expect(rows.map((r) => [r.id, r.closed_on]).sort()).toEqual([
      ['b', '2025-02-01'],
      ['c', null],
    ]);
    const records = await db.query<AuditRow>("SELECT * FROM audit WHERE entity = 'sites' AND entity_id <> 'a' ORDER BY entity_id");
    expect(records.map((r) => [r.action, r.entity_id, r.changes.map((c) => c.field).sort()])).toEqual([
      ['insert', 'b', ['closed_on', 'id', 'name', 'study_id']],
      ['insert', 'c', ['id', 'name', 'study_id']],
    ]);
    // Both records written by one append: the chain's head checkpoint names the later one.
    const [head] = await db.query<{ seq: number }>("SELECT max(seq)::int AS seq FROM audit_checkpoints WHERE chain = 'study:s1'");
    expect(head!.seq).toBe(Math.max(...records.map((r) => r.seq)));
    expect((await verifyAuditTrail(db)).kind).toBe('intact');
  });

  it("gives each study its own chain from the genesis hash, and a study's chain verifies alone", async () => {
    const db = await database.fresh();
    await seedStudy(db, 's1');
    await seedStudy(db, 's2');
    await audited(db, ctx, (w) => w.update(sites, { study_id: 's1', id: 'a' }, { name: 'B' }, 'rename'));
    const rows = (await db.query<AuditRow>('SELECT * FROM audit ORDER BY seq')).map(recordFromRow);
    // seq order: s1 study, s1 site, s2 study, s2 site, s1 update; s2's first record starts a new chain.
    expect(rows.map((r) => r.chain)).toEqual(['study:s1', 'study:s1', 'study:s2', 'study:s2', 'study:s1']);
    expect(rows[2]!.prevHash).toBe(genesisHash);
    expect(rows[4]!.prevHash).toBe(rows[1]!.hash);
    expect(await verifyAuditTrail(db, { studyId: 's2' })).toEqual({ kind: 'intact', records: 2, chains: { 'study:s2': { records: 2, lastSeq: rows[3]!.seq, lastHash: rows[3]!.hash } } });

    await db.exec(`ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete;
      UPDATE audit SET reason = 'nothing to see' WHERE seq = ${rows[4]!.seq};
      ALTER TABLE audit ENABLE TRIGGER audit_no_update_delete;`);
    expect(await verifyAuditTrail(db)).toMatchObject({ kind: 'broken', seq: rows[4]!.seq, problem: 'hash-mismatch' });
    expect(await verifyAuditTrail(db, { studyId: 's1' })).toMatchObject({ kind: 'broken', seq: rows[4]!.seq });
    expect((await verifyAuditTrail(db, { studyId: 's2' })).kind).toBe('intact');
  });

  it('keeps verifying records written as one chain before chains were per study', async () => {
    const db = await database.fresh();
    // Two records as the single-chain writer made them: no chain column, hashed without one.
    const legacy = [0, 1].map((i) => ({
      seq: i + 1,
      at: at.toISOString(),
      actor: 'u0',
      action: 'insert' as const,
      entity: 'sites',
      entityId: `old${i}`,
      studyId: i ? 's1' : null,
      changes: [],
      reason: null,
      chain: null,
    }));
    let prevHash = genesisHash;
    for (const r of legacy) {
      const hash = hashRecord({ ...r, prevHash });
      await db.query(
        `INSERT INTO audit (seq, at, actor, action, entity, entity_id, study_id, changes, reason, prev_hash, hash) OVERRIDING SYSTEM VALUE
          VALUES ($1, $2, $3, $4, $5, $6, $7, '[]', NULL, $8, $9)`,
        [r.seq, r.at, r.actor, r.action, r.entity, r.entityId, r.studyId, prevHash, hash],
      );
      prevHash = hash;
    }
    await db.query("SELECT setval(pg_get_serial_sequence('audit', 'seq'), 2)");
    await seedStudy(db);
    expect(await verifyAuditTrail(db)).toMatchObject({ kind: 'intact', records: 4, chains: { legacy: { records: 2, lastHash: prevHash }, 'study:s1': { records: 2 } } });
  });

  it('forbids UPDATE, DELETE and TRUNCATE of audit rows by trigger', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    await expect(db.query("UPDATE audit SET actor = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit')).rejects.toThrow(/append-only/);
  });

  it('names the first altered record when a superuser edits one with the trigger disabled', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    await audited(db, ctx, (w) => w.update(sites, { study_id: 's1', id: 'a' }, { name: 'B' }, 'rename'));
    const seqs = (await db.query<{ seq: number }>('SELECT seq FROM audit ORDER BY seq')).map((r) => r.seq);
    await db.exec(`ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete;
      UPDATE audit SET reason = 'nothing to see' WHERE seq = ${seqs[2]};
      ALTER TABLE audit ENABLE TRIGGER audit_no_update_delete;`);
    expect(await verifyAuditTrail(db)).toMatchObject({ kind: 'broken', seq: seqs[2], problem: 'hash-mismatch' });
  });

  it('detects a removed record as a broken link', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    await audited(db, ctx, (w) => w.update(sites, { study_id: 's1', id: 'a' }, { name: 'B' }, 'rename'));
    const seqs = (await db.query<{ seq: number }>('SELECT seq FROM audit ORDER BY seq')).map((r) => r.seq);
    await db.exec(`ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete;
      DELETE FROM audit WHERE seq = ${seqs[1]};
      ALTER TABLE audit ENABLE TRIGGER audit_no_update_delete;`);
    expect(await verifyAuditTrail(db)).toMatchObject({ kind: 'broken', seq: seqs[2], problem: 'link-mismatch' });
  });

  if (database.kind === 'postgres') {
    it('keeps each study one unbroken chain when two connection pools write to two studies at once', async () => {
      await database.fresh();
      const { pg, database: name } = await database.cluster!();
      const a = openPostgres(pg.url(name), { max: 8 });
      const b = openPostgres(pg.url(name), { max: 8 });
      await seedStudy(a, 's1');
      await seedStudy(a, 's2');
      const study = (i: number) => (i % 4 < 2 ? 's1' : 's2');
      const write = (db: Db, i: number) => audited(db, { ...ctx, studyId: study(i), at: new Date(at.getTime() + i) }, (w) => w.insert(sites, { study_id: study(i), id: `x${i}`, name: `Site ${i}` }));
      await Promise.all(Array.from({ length: 40 }, (_, i) => write(i % 2 ? a : b, i)));
      // Each study: 2 seed records + 20 sites, one record each; both pools write to both studies.
      expect(await verifyAuditTrail(a, { pageSize: 7 })).toMatchObject({ kind: 'intact', records: 44, chains: { 'study:s1': { records: 22 }, 'study:s2': { records: 22 } } });
      await Promise.all([a.close(), b.close()]);
    });

    it("gives the application's non-owner role only INSERT and SELECT on audit", async () => {
      const db = await database.fresh();
      await seedStudy(db);
      const { pg, database: name } = await database.cluster!();
      await db.exec(`CREATE ROLE il2app_${name} LOGIN; SELECT grant_application_role('il2app_${name}');`);
      const app = openPostgres(pg.url(name, `il2app_${name}`), { max: 1 });
      await audited(app, ctx, (w) => w.update(sites, { study_id: 's1', id: 'a' }, { name: 'C' }, 'as app'));
      await expect(app.exec('ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete')).rejects.toThrow(/owner/);
      await expect(app.query('UPDATE audit SET reason = NULL')).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM audit')).rejects.toThrow(/permission denied/);
      expect(await verifyAuditTrail(app)).toMatchObject({ kind: 'intact', records: 3 });
      await app.close();
    });
  }
});
