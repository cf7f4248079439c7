import { formatDay, parseIsoDay } from '../dates/iso-date.js';
import { windowStart } from './window-start.js';
import type { Criterion, Expr } from './expression.js';
import { attestationFactName, findFact } from './facts.js';
import type { ReferenceDates } from './compile.js';
import { criteriaColumns, ID_COLUMN } from './columns.js';
import { findConversion } from './units.js';

/**
 * The same criteria as one SQL (PostgreSQL) query over a table with one column per fact: screening
 * where the data live (screen-table.ts), and the reference the CSV screener is measured against.
 * SQL's NULL logic is Kleene's three-valued logic, so a missing fact (NULL) gives unknown exactly as
 * in compile.ts. Column conventions: numbers in
 * the canonical unit, dates with -infinity for never, code sets as "a;b" text, attestations as
 * "yes|by|date" text.
 */
const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** A table name, schema-qualified or not ("screening.candidates"). */
export const tableIdent = (table: string): string => table.split('.').map(ident).join('.');
/** Where a fact is in the table: its own name, unless a column map renames it. */
export type ColumnOf = (fact: string) => string;
const sameName: ColumnOf = (fact) => fact;
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** SQL column type for each fact column. */
export function sqlColumnType(name: string): string {
  const def = findFact(name);
  if (!def) return 'text';
  switch (def.type) {
    case 'number':
      return 'double precision';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    default:
      return 'text';
  }
}

function exprSql(e: Expr, criterionId: string, ref: ReferenceDates, col: ColumnOf): string {
  switch (e.kind) {
    case 'compare': {
      const def = findFact(e.fact);
      const conv = e.unit === (def?.unit ?? '') ? { factor: 1, perKg: false } : findConversion(def?.units ?? [], e.unit);
      if (!conv) throw new Error(`unit ${e.unit} of ${e.fact} was not checked by the parser`);
      const threshold = String(e.value * conv.factor);
      return `(${ident(col(e.fact))} ${e.op} ${conv.perKg ? `${threshold} * ${ident(col('weight'))}` : threshold})`;
    }
    case 'is':
      return `(${ident(col(e.fact))} = ${e.value})`;
    case 'equals':
      return `(${ident(col(e.fact))} = ${literal(e.value)})`;
    case 'has':
      return `(${literal(e.code)} = ANY(string_to_array(${ident(col(e.fact))}, ';')))`;
    case 'within': {
      const anchorText = e.before === 'screening' ? ref.screening : ref.firstDose;
      const anchor = anchorText === undefined ? undefined : parseIsoDay(anchorText);
      if (anchor === undefined) return 'NULL::boolean';
      const start = formatDay(windowStart(anchor, e.amount, e.unit));
      return `(${ident(col(e.fact))} BETWEEN DATE ${literal(start)} AND DATE ${literal(formatDay(anchor))})`;
    }
    case 'attested':
      return `(lower(split_part(${ident(col(attestationFactName(criterionId)))}, '|', 1)) IN ('yes', 'true', 'y', '1'))`;
    case 'not':
      return `(NOT ${exprSql(e.of, criterionId, ref, col)})`;
    case 'all':
    case 'any':
      return `(${e.of.map((x) => exprSql(x, criterionId, ref, col)).join(e.kind === 'all' ? ' AND ' : ' OR ')})`;
  }
}

export interface CriteriaSql {
  /** One truth expression per criterion (NULL = unknown). */
  readonly criteria: readonly { readonly id: string; readonly sql: string }[];
  /** A CASE expression giving 'eligible', 'ineligible' or 'incomplete' for a row. */
  readonly status: string;
  /** CREATE TABLE for the fact columns the criteria read. */
  createTable(table: string): string;
  /** One query counting eligible, ineligible and incomplete rows. */
  countQuery(table: string): string;
  /**
   * One query giving, per row, the patient id, each criterion's truth (c0, c1, …: true, false or
   * NULL for unknown) and each fact column the criteria read as text (f0, f1, … in `facts` order).
   */
  selectQuery(table: string): string;
  readonly facts: readonly string[];
}

export function toSql(criteria: readonly Criterion[], ref: ReferenceDates, col: ColumnOf = sameName): CriteriaSql {
  const parts = criteria.map((c) => ({ id: c.id, side: c.side, sql: exprSql(c.expr, c.id, ref, col) }));
  const fails = parts.map((p) => `${p.sql} IS ${p.side === 'inclusion' ? 'FALSE' : 'TRUE'}`);
  const unknown = parts.map((p) => `${p.sql} IS NULL`);
  const status = `CASE WHEN ${fails.join(' OR ')} THEN 'ineligible' WHEN ${unknown.join(' OR ')} THEN 'incomplete' ELSE 'eligible' END`;
  const columns = criteriaColumns(criteria);
  const facts = columns.map((c) => c.name).filter((n) => n !== ID_COLUMN);
  return {
    facts,
    criteria: parts.map(({ id, sql }) => ({ id, sql })),
    status,
    createTable: (table) => `CREATE TABLE ${ident(table)} (${columns.map((c) => `${ident(c.name)} ${sqlColumnType(c.name)}`).join(', ')})`,
    countQuery: (table) => `SELECT s AS status, count(*)::int AS n FROM (SELECT ${status} AS s FROM ${tableIdent(table)}) t GROUP BY s ORDER BY s`,
    selectQuery: (table) =>
      `SELECT ${[`${ident(col(ID_COLUMN))}::text AS patient_id`, ...parts.map((p, k) => `${p.sql} AS c${k}`), ...facts.map((f, k) => `${ident(col(f))}::text AS f${k}`)].join(
        ', ',
      )} FROM ${tableIdent(table)}`,
  };
}
