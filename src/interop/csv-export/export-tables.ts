import { stringify } from 'csv-stringify/sync';
import { isArmRevealingField } from '../../randomization/index.js';

/** One cell of an exported table: what a CSV cell can hold, `null` written as an empty cell. */
export type Cell = string | number | boolean | null;

/** A study's data as flat rows, one object per row, keyed by column name (snake_case, as in the database). */
export interface StudyExportData {
  readonly participants: readonly Record<string, Cell>[];
  readonly visits: readonly Record<string, Cell>[];
  readonly observations: readonly Record<string, Cell>[];
  readonly doses: readonly Record<string, Cell>[];
  readonly adverse_events: readonly Record<string, Cell>[];
}

export const exportTableNames = ['participants', 'visits', 'observations', 'doses', 'adverse_events'] as const;
export type ExportTableName = (typeof exportTableNames)[number];

/**
 * The columns of each table, in order. Every row carries the participant's code and site so each file
 * stands alone in R or a spreadsheet.
 */
const columns: Readonly<Record<ExportTableName, readonly string[]>> = {
  participants: ['participant_code', 'site_id', 'sex', 'birth_date', 'status', 'status_reason', 'enrolled_on', 'start_date', 'arm_id', 'kit_number'],
  visits: ['participant_code', 'site_id', 'visit_id', 'visit_date', 'status'],
  observations: ['participant_code', 'site_id', 'visit_id', 'visit_date', 'kind', 'key', 'value_num', 'value_text', 'unit', 'grade', 'grade_term'],
  doses: ['participant_code', 'site_id', 'day', 'dose_date', 'status', 'reason'],
  adverse_events: ['participant_code', 'site_id', 'status', 'term', 'onset_date', 'resolved_date', 'grade', 'serious', 'serious_criteria', 'relatedness', 'action_taken', 'outcome'],
};

/** The columns a table is exported with: for a blinded reader, without any arm-revealing column (absent, not empty). */
export function exportColumns(table: ExportTableName, viewer: { readonly blinded: boolean }): readonly string[] {
  return viewer.blinded ? columns[table].filter((c) => !isArmRevealingField(c)) : columns[table];
}

/** One table as CSV (RFC 4180 quoting, a header row, `\n` line ends). */
export function tableCsv(data: StudyExportData, table: ExportTableName, viewer: { readonly blinded: boolean }): string {
  const cols = exportColumns(table, viewer);
  return stringify([cols, ...data[table].map((row) => cols.map((c) => row[c] ?? null))], { cast: { boolean: (b) => (b ? 'true' : 'false') } });
}
