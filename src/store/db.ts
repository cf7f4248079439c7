/**
 * The one query interface the rest of the program uses, over PGlite (embedded) and PostgreSQL
 * (`pg`). Parameters are positional (`$1`, `$2`, …); rows come back as plain objects with dates
 * as 'YYYY-MM-DD' strings, timestamps as Date, bigints as numbers.
 */
export type DbKind = 'pglite' | 'postgres';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** OIDs whose text form we keep or convert the same way on both drivers. */
export const typeOids = { int8: 20, date: 1082, numeric: 1700 } as const;

/** PostgreSQL's unique_violation (SQLSTATE 23505), as both drivers report it. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
