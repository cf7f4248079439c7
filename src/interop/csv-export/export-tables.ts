import { stringify } from 'csv-stringify/sync';
import type { Protocol } from '../../protocol/schema.js';
import { isArmRevealingField } from '../../randomization/index.js';
import { doseAmounts } from '../exposure/dose-amounts.js';
import { blinding } from '../sdtm/blinding.js';
import type { ParticipantData } from '../sdtm/participant-data.js';

/** One cell of an exported table: what a CSV cell can hold, `null` written as an empty cell. */
export type Cell = string | number | boolean | null;

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
  doses: ['participant_code', 'site_id', 'day', 'dose_date', 'status', 'dose', 'dose_unit', 'reason'],
  adverse_events: ['participant_code', 'site_id', 'status', 'term', 'onset_date', 'resolved_date', 'grade', 'serious', 'serious_criteria', 'relatedness', 'action_taken', 'outcome'],
};

/** What a viewer may see: blinded, no arm column and no dose that tells the arms apart. */
export interface CsvViewer {
  readonly blinded: boolean;
}

/** The columns a table is exported with: for a blinded reader, without any arm-revealing column (absent, not empty). */
export function exportColumns(table: ExportTableName, viewer: CsvViewer): readonly string[] {
  return viewer.blinded ? columns[table].filter((c) => !isArmRevealingField(c)) : columns[table];
}

/** One participant's rows of a table, keyed by column. */
export function tableRows(protocol: Protocol, table: ExportTableName, d: ParticipantData, viewer: CsvViewer): Record<string, Cell>[] {
  const who = { participant_code: d.code, site_id: d.siteId };
  switch (table) {
    case 'participants':
      return [
        { ...who, sex: d.sex, birth_date: d.birthDate, status: d.status, status_reason: d.statusReason, enrolled_on: d.enrolledOn, start_date: d.startDate, arm_id: d.armId, kit_number: d.kitNumber },
      ];
    case 'visits':
      return d.visits.map((v) => ({ ...who, visit_id: v.visitId, visit_date: v.date, status: v.status }));
    case 'observations':
      return d.observations.map((o) => ({
        ...who,
        visit_id: o.visitId,
        visit_date: o.date,
        kind: o.kind,
        key: o.key,
        value_num: o.valueNum,
        value_text: o.valueText,
        unit: o.unit,
        grade: o.grade,
        grade_term: o.gradeTerm,
      }));
    case 'doses': {
      const amounts = doseAmounts(
        protocol,
        d.armId,
        d.startDate,
        d.doses.filter((x) => x.status === 'held'),
      );
      const hide = !blinding(viewer.blinded, protocol).dosesShown(protocol);
      return d.doses.map((x) => {
        const a = hide ? undefined : amounts.get(x.day);
        return { ...who, day: x.day, dose_date: x.date, status: x.status, dose: a?.amount ?? null, dose_unit: a?.unit ?? null, reason: x.reason };
      });
    }
    case 'adverse_events':
      return d.adverseEvents.map((a) => ({
        ...who,
        status: a.status,
        term: a.term,
        onset_date: a.onsetDate,
        resolved_date: a.resolvedDate,
        grade: a.grade,
        serious: a.serious,
        serious_criteria: a.seriousCriteria.join(';'),
        relatedness: a.relatedness,
        action_taken: a.actionTaken,
        outcome: a.outcome,
      }));
  }
}

/**
 * A text cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe, the OWASP "CSV Injection" rule. Numbers are numbers, not formulas: kept.
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const cast = { boolean: (b: boolean) => (b ? 'true' : 'false') };

/** The header line of a table (RFC 4180 quoting, `\n` line ends). */
export const csvHeader = (table: ExportTableName, viewer: CsvViewer): string => stringify([exportColumns(table, viewer) as string[]]);

/** Rows of a table as CSV lines, columns as the viewer may see them. */
export function csvLines(rows: readonly Record<string, Cell>[], table: ExportTableName, viewer: CsvViewer): string {
  const cols = exportColumns(table, viewer);
  return rows.length === 0
    ? ''
    : stringify(
        rows.map((r) => cols.map((c) => neutralise(r[c] ?? null))),
        { cast },
      );
}
