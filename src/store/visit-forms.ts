import type { VisitForm } from '../visits/visit-data.js';
import type { AuditedTx } from './audited-tx.js';
import { observations, visits, type Row } from './schema/index.js';

/**
 * Save a visit form: the visit and one observation row per value, each with its audit record.
 * Values already entered that change are corrections and need `changeReason`.
 */
export async function saveVisitForm(w: AuditedTx, participantId: string, form: VisitForm, changeReason?: string): Promise<string> {
  const [visit] = await w.tx.query<Pick<Row<typeof visits>, 'id'>>('SELECT id FROM visits WHERE participant_id = $1 AND visit_id = $2', [participantId, form.visitId]);
  const visitRowId = visit
    ? (await w.update(visits, { id: visit.id }, { visit_date: form.date, status: 'done' }, changeReason)).id
    : (await w.insert(visits, { participant_id: participantId, visit_id: form.visitId, visit_date: form.date, status: 'done' })).id;
  const existing = new Map(
    (await w.tx.query<Pick<Row<typeof observations>, 'id' | 'kind' | 'key'>>('SELECT id, kind, key FROM observations WHERE visit_row_id = $1', [visitRowId])).map((o) => [`${o.kind}/${o.key}`, o.id]),
  );
  for (const o of form.observations) {
    const values = {
      value_num: typeof o.value === 'number' ? o.value : null,
      value_text: typeof o.value === 'string' ? o.value : null,
      unit: o.unit ?? null,
      grade: o.grade ?? null,
      grade_term: o.gradeTerm ?? null,
      ...(o.form ? { form_id: o.form.id, form_version: o.form.version } : {}),
    };
    const id = existing.get(`${o.kind}/${o.key}`);
    if (id) await w.update(observations, { id }, values, changeReason);
    else await w.insert(observations, { participant_id: participantId, visit_row_id: visitRowId, kind: o.kind, key: o.key, ...values });
  }
  return visitRowId;
}
