import { appendAudit } from '../audit/append-audit.js';
import type { AuditEntry, FieldChange } from '../audit/audit-record.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { AppError } from '../errors/app-error.js';
import type { Db, Queryable } from './db.js';
import { assertUnlocked } from './lock.js';

/** Tables whose writes are audited; names are code constants, never user input. */
export type AuditedTable =
  | 'studies'
  | 'sites'
  | 'users'
  | 'role_assignments'
  | 'api_tokens'
  | 'participants'
  | 'screening_records'
  | 'consents'
  | 'enrolments'
  | 'visits'
  | 'observations'
  | 'doses'
  | 'adverse_events'
  | 'queries'
  | (string & { readonly __auditedTable?: never });

/** Who writes, when, in which study (null for global records such as users). */
export interface WriteContext {
  readonly actor: string;
  readonly at: Date;
  readonly studyId: string | null;
  /** Only the database lock itself writes to a study without checking that it is unlocked. */
  readonly lockWrite?: boolean;
}

type Row = Record<string, unknown>;

/** Values as they are stored in the audit trail: plain JSON (dates become ISO strings). */
const plain = (v: unknown): unknown => (v === undefined ? null : (JSON.parse(JSON.stringify(v ?? null)) as unknown));

/** Columns never copied into the audit trail. */
const secretColumns = new Set(['password_hash', 'token_hash']);

function keyClause(key: Row, offset: number): { sql: string; params: unknown[] } {
  const cols = Object.keys(key);
  return { sql: cols.map((c, i) => `${c} = $${offset + i + 1}`).join(' AND '), params: cols.map((c) => key[c]) };
}

/**
 * The primary key of tables that have no `id` column. An audit record names its row by this key and
 * nothing else: a key made of every column would put values such as a randomization's arm into the
 * entity id, where no masking of changes reaches.
 */
const keyColumns: Readonly<Record<string, readonly string[]>> = {
  enrolments: ['participant_id'],
  randomizations: ['participant_id'],
  site_reference_ranges: ['study_id', 'site_id', 'analyte'],
};

function idOf(table: AuditedTable, row: Row, key?: Row): string {
  if (row.id !== undefined) return String(row.id);
  if (key) return Object.values(key).map(String).join('/');
  const columns = keyColumns[table];
  // A programming error, not a user's: a new table without `id` must name its key above.
  if (!columns) throw new Error(`Audited table ${table} has no id column and no key in keyColumns.`);
  return columns.map((c) => String(row[c])).join('/');
}

/**
 * A transaction whose every insert, update and delete is recorded; the audit entries are appended
 * to the chain at commit (see `audited`).
 */
export class AuditedTx {
  readonly entries: AuditEntry[] = [];
  constructor(
    readonly tx: Queryable,
    readonly ctx: WriteContext,
  ) {}

  private record(action: AuditEntry['action'], table: string, entityId: string, changes: FieldChange[], reason: string | null) {
    this.entries.push({ actor: this.ctx.actor, action, entity: table, entityId, studyId: this.ctx.studyId, changes, reason });
  }

  async insert<R extends object = Row>(table: AuditedTable, row: Row): Promise<R> {
    const cols = Object.keys(row).filter((c) => row[c] !== undefined);
    const [inserted] = await this.tx.query<R>(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
      cols.map((c) => row[c]),
    );
    const r = inserted as Row;
    const changes = Object.keys(r)
      .filter((c) => !secretColumns.has(c) && r[c] !== null)
      .map((field) => ({ field, old: null, new: plain(r[field]) }));
    this.record('insert', table, idOf(table, r), changes, null);
    return r as R;
  }

  /**
   * Change the fields of `patch` in the row named by `key`. A change to data already entered needs
   * a reason; fields whose value does not change are not written.
   */
  async update<R extends object = Row>(table: AuditedTable, key: Row, patch: Row, reason: string | undefined): Promise<R> {
    const where = keyClause(key, 0);
    const [before] = await this.tx.query<Row>(`SELECT * FROM ${table} WHERE ${where.sql} FOR UPDATE`, where.params);
    if (!before) throw new AppError('NotFound', `No ${table} record ${Object.values(key).join('/')} exists.`, 404);
    const fields = Object.keys(patch).filter((f) => patch[f] !== undefined && canonicalJson(plain(before[f])) !== canonicalJson(plain(patch[f])));
    if (fields.length === 0) return before as R;
    if (!reason?.trim()) throw new AppError('ReasonRequired', `Changing ${fields.join(', ')} of a ${table} record needs a reason for change in field "reason".`, 400, 'reason');
    const set = fields.map((f, i) => `${f} = $${i + 1}`).join(', ');
    const w = keyClause(key, fields.length);
    const [after] = await this.tx.query<Row>(`UPDATE ${table} SET ${set} WHERE ${w.sql} RETURNING *`, [...fields.map((f) => patch[f]), ...w.params]);
    const a = after as Row;
    const changes = fields.map((field) => ({ field, old: secretColumns.has(field) ? '***' : plain(before[field]), new: secretColumns.has(field) ? '***' : plain(a[field]) }));
    this.record('update', table, idOf(table, a, key), changes, reason.trim());
    return a as R;
  }

  async remove(table: AuditedTable, key: Row, reason: string | undefined): Promise<void> {
    if (!reason?.trim()) throw new AppError('ReasonRequired', `Deleting a ${table} record needs a reason for change in field "reason".`, 400, 'reason');
    const where = keyClause(key, 0);
    const [before] = await this.tx.query<Row>(`DELETE FROM ${table} WHERE ${where.sql} RETURNING *`, where.params);
    if (!before) throw new AppError('NotFound', `No ${table} record ${Object.values(key).join('/')} exists.`, 404);
    const changes = Object.keys(before)
      .filter((c) => !secretColumns.has(c) && before[c] !== null)
      .map((field) => ({ field, old: plain(before[field]), new: null }));
    this.record('delete', table, idOf(table, before, key), changes, reason.trim());
  }
}

/**
 * Run `fn` in one transaction and append its audit entries to the chain before commit. A write to a
 * locked study is refused here, the one place every write passes through.
 */
export function audited<T>(db: Db, ctx: WriteContext, fn: (w: AuditedTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    if (ctx.studyId !== null && !ctx.lockWrite) await assertUnlocked(tx, ctx.studyId);
    const w = new AuditedTx(tx, ctx);
    const result = await fn(w);
    await appendAudit(tx, w.entries, ctx.at);
    return result;
  });
}
