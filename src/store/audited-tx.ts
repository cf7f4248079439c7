import { getTableColumns, getTableName } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { appendAudit } from '../audit/append-audit.js';
import type { AuditEntry, FieldChange } from '../audit/audit-record.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { AppError } from '../errors/app-error.js';
import type { Db, Queryable } from './db.js';
import { assertUnlocked } from './lock.js';
import { retryWriteConflicts } from './write-conflicts.js';
import type { NewRow, Row } from './schema/index.js';
import { auditErrors } from '../audit/errors.js';
import { storeErrors } from './errors.js';

/** Who writes, when, in which study (null for global records such as users). */
export interface WriteContext {
  readonly actor: string;
  readonly at: Date;
  readonly studyId: string | null;
  /** Only the database lock itself writes to a study without checking that it is unlocked. */
  readonly lockWrite?: boolean;
}

type Values = Record<string, unknown>;

/** Values as they are stored in the audit trail: plain JSON (dates become ISO strings). */
const plain = (v: unknown): unknown => (v === undefined ? null : (JSON.parse(JSON.stringify(v ?? null)) as unknown));

/** Columns never copied into the audit trail. */
const secretColumns = new Set(['password_hash', 'token_hash']);

/** The declared column of `field` (a programming error, not a user's, when there is none: the types name only declared columns). */
function columnOf(table: PgTable, field: string): PgColumn {
  const column = (getTableColumns(table) as Record<string, PgColumn>)[field];
  if (!column) throw new Error(`Table ${getTableName(table)} declares no column ${field}.`);
  return column;
}

/** A value as an SQL parameter: jsonb goes in as JSON text (pg would send a JS array as a PostgreSQL array). */
const param = (column: PgColumn, v: unknown): unknown => (column.getSQLType() === 'jsonb' && v !== null ? JSON.stringify(v) : v);

/** The given values (undefined left out) as SQL parameters by column name. */
function toColumns(table: PgTable, values: Values): Values {
  const out: Values = {};
  for (const [field, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const column = columnOf(table, field);
    out[column.name] = param(column, v);
  }
  return out;
}

function whereClause(key: Values, offset: number): { sql: string; params: unknown[] } {
  const cols = Object.keys(key);
  return { sql: cols.map((c, i) => `${c} = $${offset + i + 1}`).join(' AND '), params: cols.map((c) => key[c]) };
}

/**
 * The entity id an audit record names its row by: `id`, else the declared primary key. Never a key made
 * of every column, which would put values such as a randomization's arm into the entity id, where no
 * masking of changes reaches.
 */
function idOf(table: PgTable, row: Values): string {
  if (row.id !== undefined) return String(row.id);
  const config = getTableConfig(table);
  const key = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
  return key.map((c) => String(row[c.name])).join('/');
}

/**
 * A transaction whose every insert, update and delete is recorded; the audit entries are appended
 * to the chain at commit (see `audited`). Tables and rows are typed by their declaration in store/schema.
 */
export class AuditedTx {
  readonly entries: AuditEntry[] = [];
  /** The participants whose data this transaction wrote (a participant's own row, or a row naming it). */
  readonly participants = new Set<string>();
  constructor(
    readonly tx: Queryable,
    readonly ctx: WriteContext,
  ) {}

  private record(action: AuditEntry['action'], table: PgTable, entityId: string, changes: FieldChange[], reason: string | null) {
    this.entries.push({ actor: this.ctx.actor, action, entity: getTableName(table), entityId, studyId: this.ctx.studyId, changes, reason });
  }

  /** Note the participant a row is or names (before and after an update, should it name another). */
  private touch(table: PgTable, row: Values) {
    const participant = getTableName(table) === 'participants' ? row.id : row.participant_id;
    if (typeof participant === 'string') this.participants.add(participant);
  }

  async insert<T extends PgTable>(table: T, row: NewRow<T>): Promise<Row<T>> {
    return (await this.insertMany(table, [row]))[0] as Row<T>;
  }

  /**
   * Insert rows in one statement, each with its own audit record. A column some rows leave out takes
   * its default in those. The rows come back in no promised order: match them by their content.
   */
  async insertMany<T extends PgTable>(table: T, rows: readonly NewRow<T>[]): Promise<Row<T>[]> {
    if (rows.length === 0) return [];
    const values = rows.map((row) => toColumns(table, row as Values));
    const cols = [...new Set(values.flatMap((v) => Object.keys(v)))];
    const params: unknown[] = [];
    const tuples = values.map((v) => `(${cols.map((c) => (c in v ? `$${params.push(v[c])}` : 'DEFAULT')).join(', ')})`);
    const inserted = await this.tx.query<Values>(`INSERT INTO ${getTableName(table)} (${cols.join(', ')}) VALUES ${tuples.join(', ')} RETURNING *`, params);
    for (const r of inserted) {
      const changes = Object.keys(r)
        .filter((c) => !secretColumns.has(c) && r[c] !== null)
        .map((field) => ({ field, old: null, new: plain(r[field]) }));
      this.record('insert', table, idOf(table, r), changes, null);
      this.touch(table, r);
    }
    return inserted as Row<T>[];
  }

  /**
   * Change the fields of `patch` in the row named by `key`. A change to data already entered needs
   * a reason; fields whose value does not change are not written.
   */
  async update<T extends PgTable>(table: T, key: Partial<Row<T>>, patch: Partial<NewRow<T>>, reason: string | undefined): Promise<Row<T>> {
    const name = getTableName(table);
    const where = whereClause(toColumns(table, key as Values), 0);
    const [before] = await this.tx.query<Values>(`SELECT * FROM ${name} WHERE ${where.sql} FOR UPDATE`, where.params);
    if (!before) throw new AppError(storeErrors.NOT_FOUND, `No ${name} record ${where.params.join('/')} exists.`);
    // Compared as values (jsonb as read back against the object given), written as parameters.
    const fields = Object.entries(patch as Values)
      .filter(([f, v]) => v !== undefined && canonicalJson(plain(before[columnOf(table, f).name])) !== canonicalJson(plain(v)))
      .map(([f, v]) => ({ column: columnOf(table, f).name, value: param(columnOf(table, f), v) }));
    if (fields.length === 0) return before as Row<T>;
    const names = fields.map((f) => f.column);
    if (!reason?.trim()) throw new AppError(auditErrors.REASON_REQUIRED, `Changing ${names.join(', ')} of a ${name} record needs a reason for change in field "reason".`, 'reason');
    const set = names.map((f, i) => `${f} = $${i + 1}`).join(', ');
    const w = whereClause(toColumns(table, key as Values), fields.length);
    const [after] = await this.tx.query<Values>(`UPDATE ${name} SET ${set} WHERE ${w.sql} RETURNING *`, [...fields.map((f) => f.value), ...w.params]);
    const a = after as Values;
    const changes = names.map((field) => ({ field, old: secretColumns.has(field) ? '***' : plain(before[field]), new: secretColumns.has(field) ? '***' : plain(a[field]) }));
    this.record('update', table, idOf(table, a), changes, reason.trim());
    this.touch(table, before);
    this.touch(table, a);
    return a as Row<T>;
  }

  async remove<T extends PgTable>(table: T, key: Partial<Row<T>>, reason: string | undefined): Promise<void> {
    const name = getTableName(table);
    if (!reason?.trim()) throw new AppError(auditErrors.REASON_REQUIRED, `Deleting a ${name} record needs a reason for change in field "reason".`, 'reason');
    const where = whereClause(toColumns(table, key as Values), 0);
    const [before] = await this.tx.query<Values>(`DELETE FROM ${name} WHERE ${where.sql} RETURNING *`, where.params);
    if (!before) throw new AppError(storeErrors.NOT_FOUND, `No ${name} record ${where.params.join('/')} exists.`);
    const changes = Object.keys(before)
      .filter((c) => !secretColumns.has(c) && before[c] !== null)
      .map((field) => ({ field, old: plain(before[field]), new: null }));
    this.record('delete', table, idOf(table, before), changes, reason.trim());
    this.touch(table, before);
  }
}

/**
 * Run `fn` in one transaction and append its audit entries to the chain before commit. A write to a
 * locked study is refused here, the one place every write passes through. A transaction that lost a
 * race with a concurrent writer (serialization failure, deadlock, unique key taken meanwhile) is
 * run again from the start, a bounded number of times (write-conflicts.ts); `fn` must therefore
 * only touch the database through `w`.
 */
export function audited<T>(db: Db, ctx: WriteContext, fn: (w: AuditedTx) => Promise<T>): Promise<T> {
  return retryWriteConflicts(() =>
    db.transaction(async (tx) => {
      if (ctx.studyId !== null && !ctx.lockWrite) await assertUnlocked(tx, ctx.studyId);
      const w = new AuditedTx(tx, ctx);
      const result = await fn(w);
      await appendAudit(tx, w.entries, ctx.at, [...w.participants]);
      return result;
    }),
  );
}
