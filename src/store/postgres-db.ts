import pg from 'pg';
import type { Db, Queryable } from './db.js';
import { typeOids } from './db.js';

const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === typeOids.int8 || oid === typeOids.numeric) return (v: string) => Number(v);
    if (oid === typeOids.date) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** A PostgreSQL connection pool behind the `Db` interface. */
export function openPostgres(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types: types as pg.CustomTypesConfig });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, params as unknown[]);
      return r.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    exec: base.exec,
    close: () => pool.end(),
  };
}
