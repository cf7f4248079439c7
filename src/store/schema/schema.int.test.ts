import { getTableColumns } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-databases.js';
import { allTables } from './index.js';

const databases = testDatabases();

/** Table → "column type [not null]" lines, as PostgreSQL's format_type writes the types. */
type Shape = Record<string, string[]>;

const declared: Shape = Object.fromEntries(
  allTables.map((t) => {
    const c = getTableConfig(t);
    return [c.name, c.columns.map((col) => `${col.name} ${col.getSQLType()}${col.notNull ? ' not null' : ''}`).sort()];
  }),
);

describe('the table declaration', () => {
  it('names every column as its field, so a row read with SELECT * has the declared shape', () => {
    const renamed = allTables.flatMap((t) => Object.entries(getTableColumns(t)).flatMap(([field, c]) => (field === c.name ? [] : [`${getTableConfig(t).name}.${field} → ${c.name}`])));
    expect(renamed).toEqual([]);
  });
});

describe.each(databases)('the table declaration on $kind', (database) => {
  it('declares every table and column the migrations create, with its type and nullability (a new migration updates src/store/schema too)', async () => {
    const db = await database.fresh();
    const rows = await db.query<{ table_name: string; column_name: string; type: string; not_null: boolean }>(
      `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> 'schema_migrations'`,
    );
    const migrated: Shape = {};
    for (const r of rows) (migrated[r.table_name] ??= []).push(`${r.column_name} ${r.type}${r.not_null ? ' not null' : ''}`);
    for (const cols of Object.values(migrated)) cols.sort();
    expect(declared).toEqual(migrated);
  });
});
