import { describe, expect, it } from 'vitest';
import { testDatabases } from '../store/test-databases.js';
import { roles } from './roles.js';

const databases = testDatabases();

describe.each(databases)('the role CHECK of the migrated database on $kind', (database) => {
  it('allows exactly the roles of the policy', async () => {
    const db = await database.fresh();
    const rows = await db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       WHERE c.conrelid = 'role_assignments'::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%role%'`,
    );
    expect(rows).toHaveLength(1);
    // PostgreSQL prints the IN list as ARRAY['investigator'::text, …]: the quoted words are the roles.
    const allowed = [...rows[0]!.def.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect([...allowed].sort()).toEqual([...roles].sort());
  });
});
