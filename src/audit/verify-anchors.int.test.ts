import { describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../demo/load-demo.js';
import type { Db } from '../store/db.js';
import { testDatabases } from '../store/test-databases.js';
import { testApp, testNow } from '../server/test-app.js';
import { headsOf, verifyAudit } from './verify-anchors.js';
import { verifyAuditTrail } from './verify-audit.js';

const databases = testDatabases();
const study = 'als-il2';

/** As the database owner would: the append-only triggers off, rows gone, triggers on. */
async function deleteAsOwner(db: Db, table: 'audit' | 'audit_checkpoints', where: string): Promise<void> {
  const trigger = table === 'audit' ? 'audit_no_update_delete' : 'audit_checkpoints_no_update_delete';
  await db.exec(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}; DELETE FROM ${table} WHERE ${where}; ALTER TABLE ${table} ENABLE TRIGGER ${trigger};`);
}

describe.each(databases)('audit tip anchoring on $kind', (database) => {
  it('catches the last 25 records deleted by the owner: by the checkpoints, by a checkpoint file, and with those gone too by the rows left without their audit record', async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    await loadDemoCohorts(db, 1, '2025-06-02', testNow);
    // Every row the demo wrote has its audit record, and each commit left a checkpoint.
    const intact = await verifyAudit(db);
    expect(intact.kind).toBe('intact');
    await t.user('ana', [{ studyId: study, siteId: t.siteA, role: 'coordinator' }]);
    const cookie = await t.login('ana');
    for (let i = 0; i < 25; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/studies/${study}/participants`,
        headers: { cookie },
        payload: { siteId: t.siteA, code: `Z-${i}`, sex: 'male', birthDate: '1960-01-01' },
      });
      expect(r.statusCode).toBe(201);
    }
    const before = await verifyAudit(db);
    if (before.kind !== 'intact') throw new Error(before.message);
    const heads = headsOf(before);
    const last25 = (await db.query<{ seq: number; entity: string }>('SELECT seq, entity FROM audit ORDER BY seq DESC LIMIT 25')).map((r) => r.seq);
    // Each participant is one audit record (its insert), so the last 25 records are those 25 participants'.
    expect(await db.query('SELECT DISTINCT entity, action FROM audit WHERE seq >= $1', [Math.min(...last25)])).toEqual([{ entity: 'participants', action: 'insert' }]);

    await deleteAsOwner(db, 'audit', `seq >= ${Math.min(...last25)}`);
    // The chain alone still links and hashes: removal from the end is invisible to it.
    expect((await verifyAuditTrail(db)).kind).toBe('intact');
    const byCheckpoint = await verifyAudit(db);
    // The first commit of the 25 left the first checkpoint that now names a missing record.
    expect(byCheckpoint).toMatchObject({ kind: 'broken', problem: 'checkpoint-mismatch', seq: Math.min(...last25) });
    expect(byCheckpoint.kind === 'broken' && byCheckpoint.message).toBe(
      `Audit record ${Math.min(...last25)}, the head of chain study:${study} in the checkpoint table, is missing (records were removed from the end of the chain).`,
    );

    await deleteAsOwner(db, 'audit_checkpoints', `seq >= ${Math.min(...last25)}`);
    // The heads kept outside the database still see it.
    expect(await verifyAudit(db, { heads })).toMatchObject({ kind: 'broken', problem: 'checkpoint-mismatch', seq: Math.max(...last25) });
    // And without any checkpoint, the participants left without their audit record give it away.
    const [orphan] = await db.query<{ id: string }>("SELECT id FROM participants WHERE code = 'Z-0'");
    const byRows = await verifyAudit(db);
    expect(byRows).toMatchObject({ kind: 'broken', problem: 'unaudited-row', seq: null });
    expect(byRows.kind === 'broken' && byRows.message).toMatch(/^The participants record [0-9a-f-]{36} has no audit record of its creation \(audit records were removed\)\.$/);
    expect(byRows.kind === 'broken' && (await db.query('SELECT code FROM participants WHERE id::text = $1', [byRows.message.split(' ')[3]]))[0]).toMatchObject({ code: expect.stringMatching(/^Z-/) });
    expect(orphan).toBeDefined();
  }, 180_000);

  it('checks a study alone against its own checkpoints', async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    await t.user('ana', [{ studyId: study, siteId: t.siteA, role: 'coordinator' }]);
    expect(await verifyAudit(db, { studyId: study })).toMatchObject({ kind: 'intact' });
    const [head] = await db.query<{ seq: number }>("SELECT max(seq)::int AS seq FROM audit WHERE chain = 'study:sle-il2'");
    await deleteAsOwner(db, 'audit', `seq = ${head!.seq}`);
    expect(await verifyAudit(db, { studyId: study })).toMatchObject({ kind: 'intact' });
    expect(await verifyAudit(db, { studyId: 'sle-il2' })).toMatchObject({ kind: 'broken', problem: 'checkpoint-mismatch', seq: head!.seq });
  });
});
