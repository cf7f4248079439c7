import { beforeAll, describe, expect, it } from 'vitest';
import { audited, type WriteContext } from './audited-tx.js';
import type { Db } from './db.js';
import { testDatabases } from './test-databases.js';
import { retryWriteConflicts } from './write-conflicts.js';

const ctx: WriteContext = { actor: 'race-test', at: new Date('2026-01-01T00:00:00Z'), studyId: null };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Concurrent writes that, without a retry, end in a unique violation or a deadlock on PostgreSQL
// (PGlite runs one transaction at a time, so there they must simply all succeed too).
describe.each(testDatabases())('concurrent audited writes ($kind)', (engine) => {
  let db: Db;
  beforeAll(async () => {
    db = await engine.fresh();
    await db.exec('CREATE TABLE race_counter (k text PRIMARY KEY, n integer NOT NULL); CREATE TABLE race_pair (k text PRIMARY KEY, n integer NOT NULL);');
    await db.exec("INSERT INTO race_pair VALUES ('a', 0), ('b', 0);");
  });

  it('eight read-then-insert writers of one key all succeed, each counted once', async () => {
    const bump = () =>
      audited(db, ctx, async (w) => {
        const [row] = await w.tx.query<{ n: number }>("SELECT n FROM race_counter WHERE k = 'x'");
        await pause(20); // widen the window between the read and the write, as a busy server does
        if (row) await w.tx.query("UPDATE race_counter SET n = n + 1 WHERE k = 'x'");
        else await w.tx.query("INSERT INTO race_counter VALUES ('x', 1)");
      });
    const results = await Promise.allSettled(Array.from({ length: 8 }, bump));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [row] = await db.query<{ n: number }>("SELECT n FROM race_counter WHERE k = 'x'");
    expect(row?.n).toBe(8);
  });

  it('two writers locking two rows in opposite order (a deadlock) both succeed', async () => {
    const write = (first: string, second: string) =>
      audited(db, ctx, async (w) => {
        await w.tx.query('UPDATE race_pair SET n = n + 1 WHERE k = $1', [first]);
        await pause(50);
        await w.tx.query('UPDATE race_pair SET n = n + 1 WHERE k = $1', [second]);
      });
    const results = await Promise.allSettled([write('a', 'b'), write('b', 'a')]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await db.query<{ k: string; n: number }>('SELECT k, n FROM race_pair ORDER BY k');
    expect(rows).toEqual([
      { k: 'a', n: 2 },
      { k: 'b', n: 2 },
    ]);
  });
});

describe('a conflict that outlasts the retries', () => {
  it('is answered 503 RECORD_WRITE_CONTENTION (serialization failure) or 409 RECORD_ALREADY_EXISTS (unique key), never thrown raw', async () => {
    const fail = (code: string) => () => Promise.reject(Object.assign(new Error('conflict'), { code }));
    await expect(retryWriteConflicts(fail('40001'), [1, 1])).rejects.toMatchObject({ code: 'RECORD_WRITE_CONTENTION', status: 503 });
    await expect(retryWriteConflicts(fail('23505'), [1])).rejects.toMatchObject({ code: 'RECORD_ALREADY_EXISTS', status: 409 });
    await expect(retryWriteConflicts(fail('22P02'), [1])).rejects.toMatchObject({ code: '22P02' });
  });
});
