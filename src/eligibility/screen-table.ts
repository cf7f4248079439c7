import { AppError } from '../errors/app-error.js';
import { compileCriteria, missingFacts, UNKNOWN, type ReferenceDates } from './compile.js';
import type { EligibilityStatus } from './evaluate.js';
import type { Criterion } from './expression.js';
import { findFact } from './facts.js';
import { FunnelCounter } from './funnel.js';
import { readFact, type FactValue } from './patient-facts.js';
import type { Funnel, ScreenResult, ScreenRowError } from './screen.js';
import { toSql, type ColumnOf } from './to-sql.js';
import { eligibilityErrors } from './errors.js';

/**
 * Screening where the data live: the criteria as one SQL query over the table (to-sql.ts), whose
 * rows come back with each criterion's truth (NULL for unknown). The database decides; this turns
 * each row into the same result as the CSV path and keeps the same funnel. For an incomplete
 * patient, the facts behind the unknowns are named from the row's own values, read as the CSV
 * path reads them. No I/O here: the caller runs the query and passes the rows in.
 */
export interface TableScreen {
  /** The query to run (stream it: a cursor, a page at a time). */
  readonly sql: string;
  row(r: Readonly<Record<string, unknown>>): ScreenResult | ScreenRowError;
  funnel(): Funnel;
}

/** A column map file: fact name (or patient_id, or attested.<id>) → column name in the table. */
export function readColumnMap(doc: unknown, known: readonly string[]): ColumnOf {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new AppError(eligibilityErrors.BAD_COLUMN_MAP, 'The column map must be a JSON object of fact names to column names.');
  }
  const map = doc as Record<string, unknown>;
  const bad = Object.entries(map).find(([k, v]) => !known.includes(k) || typeof v !== 'string' || v === '');
  if (bad) {
    const [k, v] = bad;
    throw new AppError(
      eligibilityErrors.BAD_COLUMN_MAP,
      known.includes(k)
        ? `The column map gives "${k}" the column ${JSON.stringify(v)}, which is not a column name.`
        : `The column map names "${k}", which this protocol's criteria do not read (they read ${known.join(', ')}).`,
      k,
    );
  }
  return (fact) => (map[fact] as string | undefined) ?? fact;
}

const never = (text: string): string => (text === '-infinity' ? 'never' : text);

export function screenTable(criteria: readonly Criterion[], ref: ReferenceDates, table: string, columnOf?: ColumnOf): TableScreen {
  const q = toSql(criteria, ref, columnOf);
  const compiled = compileCriteria(criteria, ref);
  const counter = new FunnelCounter(criteria);
  // Weight first: a per-kg value needs it (the columns are in the canonical unit, so this is only for order).
  const order = q.facts.map((f, k) => ({ f, k })).sort((a, b) => Number(b.f === 'weight') - Number(a.f === 'weight'));
  let n = 0;
  return {
    sql: q.selectQuery(table),
    row(r) {
      n += 1;
      const patientId = String(r.patient_id ?? '');
      const failed: string[] = [];
      let firstFail = -1;
      let unknown = false;
      criteria.forEach((c, k) => {
        const t = r[`c${k}`];
        if (t === null || t === undefined) unknown = true;
        else if ((t === true) === (c.side === 'exclusion')) {
          failed.push(c.id);
          if (firstFail < 0) firstFail = k;
        }
      });
      const status: EligibilityStatus = failed.length > 0 ? 'ineligible' : unknown ? 'incomplete' : 'eligible';
      let missing: string[] = [];
      if (status === 'incomplete') {
        const facts: Record<string, FactValue | undefined> = {};
        const problems: string[] = [];
        for (const { f, k } of order) {
          const v = r[`f${k}`];
          try {
            const w = facts.weight;
            facts[f] = readFact(
              f,
              v === null || v === undefined ? undefined : findFact(f)?.type === 'date' ? never(String(v)) : String(v),
              `row ${n}, column "${columnOf ? columnOf(f) : f}"`,
              typeof w === 'number' ? w : undefined,
            );
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            problems.push(e.message);
          }
        }
        if (problems.length > 0) {
          counter.badRow();
          return { kind: 'error', row: n, patientId, problems };
        }
        missing = [...new Set(compiled.flatMap((c) => (c.root.test(facts) === UNKNOWN ? missingFacts(c.root, facts) : [])))];
      }
      counter.add(status, firstFail);
      return { kind: 'result', row: n, patientId, status, failed, missing };
    },
    funnel: () => counter.funnel(),
  };
}
