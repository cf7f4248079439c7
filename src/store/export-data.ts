import { exportTableNames, type Cell, type ExportTableName, type StudyExportData } from '../interop/csv-export/export-tables.js';
import type { Db, Queryable } from './db.js';

type Row = Record<string, Cell>;

/** A date column as yyyy-mm-dd whatever the driver returns, named as the column. */
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${column.split('.').pop()}`;
const who = 'p.code AS participant_code, p.site_id';

/**
 * Every participant's data in a study, flat and ordered by participant code, for the CSV export. The
 * tables are read in one repeatable-read transaction, so they agree with each other even while sites
 * keep entering data. Tables not in `tables` are left empty, unread.
 */
export function loadStudyExport(db: Db, studyId: string, tables: readonly ExportTableName[] = exportTableNames): Promise<StudyExportData> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    return readTables(tx, studyId, new Set(tables));
  });
}

async function readTables(q: Queryable, studyId: string, wanted: ReadonlySet<ExportTableName>): Promise<StudyExportData> {
  // One query after another: a transaction has one connection.
  const read = async (table: ExportTableName, sql: string): Promise<Row[]> => (wanted.has(table) ? q.query<Row>(sql, [studyId]) : []);
  const participants = await read(
    'participants',
    `SELECT ${who}, p.sex, ${day('p.birth_date')}, p.status, p.status_reason, ${day('e.enrolled_on')}, ${day('p.start_date')}, p.arm_id, p.kit_number
       FROM participants p LEFT JOIN enrolments e ON e.participant_id = p.id WHERE p.study_id = $1 ORDER BY p.code`,
  );
  const visits = await read(
    'visits',
    `SELECT ${who}, v.visit_id, ${day('v.visit_date')}, v.status
       FROM participants p JOIN visits v ON v.participant_id = p.id WHERE p.study_id = $1 ORDER BY p.code, v.visit_date, v.visit_id`,
  );
  const observations = await read(
    'observations',
    `SELECT ${who}, v.visit_id, ${day('v.visit_date')}, o.kind, o.key, o.value_num, o.value_text, o.unit, o.grade, o.grade_term
       FROM participants p JOIN observations o ON o.participant_id = p.id LEFT JOIN visits v ON v.id = o.visit_row_id
      WHERE p.study_id = $1 ORDER BY p.code, v.visit_date, v.visit_id, o.kind, o.key`,
  );
  const doses = await read(
    'doses',
    `SELECT ${who}, d.day, ${day('d.dose_date')}, d.status, d.reason
       FROM participants p JOIN doses d ON d.participant_id = p.id WHERE p.study_id = $1 ORDER BY p.code, d.day`,
  );
  const adverseEvents = await read(
    'adverse_events',
    `SELECT ${who}, a.status, a.term, ${day('a.onset_date')}, ${day('a.resolved_date')}, a.grade, a.serious,
            array_to_string(a.serious_criteria, ';') AS serious_criteria, a.relatedness, a.action_taken, a.outcome
       FROM participants p JOIN adverse_events a ON a.participant_id = p.id WHERE p.study_id = $1 ORDER BY p.code, a.onset_date, a.term`,
  );
  return { participants, visits, observations, doses, adverse_events: adverseEvents };
}
