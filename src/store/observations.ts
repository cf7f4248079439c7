import type { AnalysisObservation } from '../analysis/endpoints/types.js';
import { subsetIds, type LabAnalyte, type LabUnit, type SubsetId } from '../instruments/index.js';
import type { LabBaseline } from '../safety/grade-visit-labs.js';
import type { ObservationEntry, StoredLab, VisitData } from '../visits/visit-data.js';
import type { Queryable } from './db.js';
import { observations, visits, type Row } from './schema/index.js';

/** The participant's value of each analyte at their earliest visit with labs (the CTCAE baseline). */
export async function labBaselines(q: Queryable, participantId: string): Promise<Map<string, LabBaseline>> {
  const rows = await q.query<{ key: string; value_num: number; unit: string }>(
    `SELECT DISTINCT ON (o.key) o.key, o.value_num, o.unit FROM observations o JOIN visits v ON v.id = o.visit_row_id
      WHERE o.participant_id = $1 AND o.kind = 'lab' ORDER BY o.key, v.visit_date`,
    [participantId],
  );
  return new Map(rows.map((r) => [r.key, { value: r.value_num, unit: r.unit }]));
}

/** The id of the visit's stored value of `kind` and `key` (a lab result an adverse event is proposed from). */
export async function observationId(q: Queryable, visitRowId: string, kind: ObservationEntry['kind'], key: string): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>('SELECT id FROM observations WHERE visit_row_id = $1 AND kind = $2 AND key = $3', [visitRowId, kind, key]);
  return row?.id;
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
  const visits = new Map<string, { visitId: string; date: string; values: Record<string, Record<string, number>>; labs: StoredLab[]; panel: { lymphocytesPerUl?: number; percentOfParent: Record<string, number> } }>();
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

/** A study's scores and immune panel values of done visits, and the PGA items (the SRI-4's new BILAG A / B counts), for the endpoint analyses. */
export async function studyAnalysisObservations(q: Queryable, studyId: string): Promise<AnalysisObservation[]> {
  const rows = await q.query<{ participant_id: string; visit_id: string; kind: AnalysisObservation['kind']; key: string; value_num: number }>(
    `SELECT o.participant_id, v.visit_id, o.kind, o.key, o.value_num FROM observations o
       JOIN visits v ON v.id = o.visit_row_id JOIN participants p ON p.id = o.participant_id
      WHERE p.study_id = $1 AND (o.kind IN ('score', 'immune-panel') OR (o.kind = 'item' AND o.key LIKE 'pga.%')) AND o.value_num IS NOT NULL AND v.status = 'done'
      ORDER BY o.participant_id, v.visit_id, o.kind, o.key`,
    [studyId],
  );
  return rows.map((r) => ({ participantId: r.participant_id, visitId: r.visit_id, kind: r.kind, key: r.key, value: r.value_num }));
}
