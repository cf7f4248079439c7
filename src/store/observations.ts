import type { AnalysisObservation } from '../analysis/endpoints/types.js';
import { subsetIds, type LabAnalyte, type LabUnit, type SubsetId } from '../instruments/index.js';
import type { ObservationEntry, StoredLab, VisitData } from '../visits/visit-data.js';
import type { Queryable } from './db.js';
import type { observations, visits, Row } from './schema/index.js';

export interface LabRow {
  id: string;
  visit_id: string;
  visit_date: string;
  key: LabAnalyte;
  value_num: number;
  unit: string;
  grade: number | null;
  grade_term: string | null;
}

/** Every lab result of the participant, with its visit (the CTCAE grading reads them all: grades depend on the baseline visit). */
export async function participantLabs(q: Queryable, participantId: string): Promise<LabRow[]> {
  return q.query<LabRow>(
    `SELECT o.id, v.visit_id, v.visit_date, o.key, o.value_num, o.unit, o.grade, o.grade_term FROM observations o JOIN visits v ON v.id = o.visit_row_id
      WHERE o.participant_id = $1 AND o.kind = 'lab' ORDER BY v.visit_date, o.key`,
    [participantId],
  );
}

type ObservationRow = Pick<Row<typeof visits>, 'visit_id' | 'visit_date'> & Pick<Row<typeof observations>, 'kind' | 'key' | 'value_num' | 'unit' | 'grade' | 'grade_term'>;

/** Every saved visit of the participant with its values, in visit-date order. */
export async function participantVisitData(q: Queryable, participantId: string): Promise<VisitData[]> {
  const rows = await q.query<ObservationRow>(
    `SELECT v.visit_id, v.visit_date, o.kind, o.key, o.value_num, o.unit, o.grade, o.grade_term
       FROM visits v LEFT JOIN observations o ON o.visit_row_id = v.id
      WHERE v.participant_id = $1 ORDER BY v.visit_date, v.visit_id, o.kind, o.key`,
    [participantId],
  );
  const visits = new Map<
    string,
    { visitId: string; date: string; values: Record<string, Record<string, number>>; labs: StoredLab[]; panel: { lymphocytesPerUl?: number; percentOfParent: Record<string, number> } }
  >();
  for (const r of rows) {
    let v = visits.get(r.visit_id);
    if (!v) visits.set(r.visit_id, (v = { visitId: r.visit_id, date: r.visit_date, values: {}, labs: [], panel: { percentOfParent: {} } }));
    if (r.value_num === null) continue;
    if (r.kind === 'item') {
      const dot = r.key.indexOf('.');
      (v.values[r.key.slice(0, dot)] ??= {})[r.key.slice(dot + 1)] = r.value_num;
    } else if (r.kind === 'lab') {
      v.labs.push({ analyte: r.key as LabAnalyte, value: r.value_num, unit: r.unit as LabUnit, grade: r.grade, term: r.grade_term });
    } else if (r.kind === 'immune-panel') {
      if (r.key === 'lymphocytes') v.panel.lymphocytesPerUl = r.value_num;
      else if ((subsetIds as readonly string[]).includes(r.key)) v.panel.percentOfParent[r.key as SubsetId] = r.value_num;
    }
  }
  return [...visits.values()].map(({ panel, ...v }) => ({
    ...v,
    panel: panel.lymphocytesPerUl === undefined ? null : { lymphocytesPerUl: panel.lymphocytesPerUl, percentOfParent: panel.percentOfParent },
  }));
}

/** A study's scores and immune panel values of done visits, the PGA items (the SRI-4's new BILAG A / B counts) and the defined forms' number values (as items), for the endpoint analyses. */
export async function studyAnalysisObservations(q: Queryable, studyId: string): Promise<AnalysisObservation[]> {
  const rows = await q.query<{ participant_id: string; visit_id: string; kind: AnalysisObservation['kind']; key: string; value_num: number }>(
    // A defined form's number values (kind 'other' with a form id: nfl.serum) are items of that form to the analysis.
    `SELECT o.participant_id, v.visit_id, CASE WHEN o.kind = 'other' THEN 'item' ELSE o.kind END AS kind, o.key, o.value_num FROM observations o
       JOIN visits v ON v.id = o.visit_row_id JOIN participants p ON p.id = o.participant_id
      WHERE p.study_id = $1 AND (o.kind IN ('score', 'immune-panel') OR (o.kind = 'item' AND o.key LIKE 'pga.%') OR (o.kind = 'other' AND o.form_id IS NOT NULL))
        AND o.value_num IS NOT NULL AND v.status = 'done'
      ORDER BY o.participant_id, v.visit_id, kind, o.key`,
    [studyId],
  );
  return rows.map((r) => ({ participantId: r.participant_id, visitId: r.visit_id, kind: r.kind, key: r.key, value: r.value_num }));
}
