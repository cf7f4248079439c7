import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from '../../db.js';
import { typeOids } from '../../db.js';

const parsers = {
  [typeOids.int8]: (v: string) => Number(v),
  [typeOids.date]: (v: string) => v,
  [typeOids.numeric]: (v: string) => Number(v),
};

/** Embedded PostgreSQL: data in `dataDir`, or in memory when it is undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), parsers });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, params as unknown[]);
      return r.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    exec: base.exec,
    close: () => pg.close(),
  };
}
