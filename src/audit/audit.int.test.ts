import { describe, expect, it } from 'vitest';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { openPostgres } from '../store/postgres-db.js';
import { testDatabases } from '../store/test-databases.js';
import { hashRecord } from './audit-record.js';
import { recordFromRow, verifyAuditTrail, type AuditRow } from './verify-audit.js';

const databases = testDatabases();
const at = new Date('2025-03-01T10:00:00.000Z');
const ctx = { actor: 'user-1', at, studyId: 's1' };

async function seedStudy(db: Db) {
  await audited(db, ctx, async (w) => {
    await w.insert('studies', { id: 's1', protocol_id: 'p', protocol_version: '1', protocol: '{}', title: 'Study one' });
    await w.insert('sites', { study_id: 's1', id: 'a', name: 'Site A' });
  });
}

describe.each(databases)('audit trail on $kind', (database) => {
  it('records who, when, entity, field, old and new value of inserts, updates and deletes', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    await audited(db, ctx, (w) => w.update('sites', { study_id: 's1', id: 'a' }, { name: 'Site Alpha' }, 'typo in site name'));
    await audited(db, ctx, (w) => w.remove('sites', { study_id: 's1', id: 'a' }, 'site closed before first patient'));
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
    await expect(audited(db, ctx, (w) => w.update('sites', { study_id: 's1', id: 'a' }, { name: 'X' }, undefined))).rejects.toMatchObject({ code: 'ReasonRequired', path: 'reason', status: 400 });
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
    expect(await verifyAuditTrail(db)).toEqual({ kind: 'intact', records: 2, lastHash: second!.hash });
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
    await audited(db, ctx, (w) => w.update('sites', { study_id: 's1', id: 'a' }, { name: 'B' }, 'rename'));
    const seqs = (await db.query<{ seq: number }>('SELECT seq FROM audit ORDER BY seq')).map((r) => r.seq);
    await db.exec(`ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete;
      UPDATE audit SET reason = 'nothing to see' WHERE seq = ${seqs[2]};
      ALTER TABLE audit ENABLE TRIGGER audit_no_update_delete;`);
    expect(await verifyAuditTrail(db)).toMatchObject({ kind: 'broken', seq: seqs[2], problem: 'hash-mismatch' });
  });

  it('detects a removed record as a broken link', async () => {
    const db = await database.fresh();
    await seedStudy(db);
    await audited(db, ctx, (w) => w.update('sites', { study_id: 's1', id: 'a' }, { name: 'B' }, 'rename'));
    const seqs = (await db.query<{ seq: number }>('SELECT seq FROM audit ORDER BY seq')).map((r) => r.seq);
    await db.exec(`ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete;
      DELETE FROM audit WHERE seq = ${seqs[1]};
      ALTER TABLE audit ENABLE TRIGGER audit_no_update_delete;`);
    expect(await verifyAuditTrail(db)).toMatchObject({ kind: 'broken', seq: seqs[2], problem: 'link-mismatch' });
  });

  if (database.kind === 'postgres') {
    it('keeps one unbroken chain when two connection pools write at once', async () => {
      await database.fresh();
      const { pg, database: name } = await database.cluster!();
      const a = openPostgres(pg.url(name), { max: 8 });
      const b = openPostgres(pg.url(name), { max: 8 });
      await seedStudy(a);
      const write = (db: Db, i: number) =>
        audited(db, { ...ctx, at: new Date(at.getTime() + i) }, (w) => w.insert('sites', { study_id: 's1', id: `x${i}`, name: `Site ${i}` }));
      await Promise.all(Array.from({ length: 40 }, (_, i) => write(i % 2 ? a : b, i)));
      // 2 seed records + 40 sites, one record each.
      expect(await verifyAuditTrail(a, 7)).toMatchObject({ kind: 'intact', records: 42 });
      await Promise.all([a.close(), b.close()]);
    });

    it("gives the application's non-owner role only INSERT and SELECT on audit", async () => {
      const db = await database.fresh();
      await seedStudy(db);
      const { pg, database: name } = await database.cluster!();
      await db.exec(`CREATE ROLE il2app_${name} LOGIN; SELECT grant_application_role('il2app_${name}');`);
      const app = openPostgres(pg.url(name, `il2app_${name}`), { max: 1 });
      await audited(app, ctx, (w) => w.update('sites', { study_id: 's1', id: 'a' }, { name: 'C' }, 'as app'));
      await expect(app.exec('ALTER TABLE audit DISABLE TRIGGER audit_no_update_delete')).rejects.toThrow(/owner/);
      await expect(app.query('UPDATE audit SET reason = NULL')).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM audit')).rejects.toThrow(/permission denied/);
      expect(await verifyAuditTrail(app)).toMatchObject({ kind: 'intact', records: 3 });
      await app.close();
    });
  }
});
