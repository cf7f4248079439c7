import type { VisitForm } from '../visits/visit-data.js';
import type { AuditedTx } from './audited-tx.js';
import { observations, visits, type NewRow } from './schema/index.js';

/** A saved visit form: its visit row and its observation rows by `kind/key`, each marked when this save created it. */
export interface SavedVisitForm {
  readonly visitRowId: string;
  readonly observations: ReadonlyMap<string, { readonly id: string; readonly created: boolean }>;
}

/**
 * Save a visit form: the visit and one observation row per value, each with its audit record.
 * Values already entered that change are corrections and need `changeReason`. The visit and its
 * saved values are read in one statement and the new values inserted in one.
 */
export async function saveVisitForm(w: AuditedTx, participantId: string, form: VisitForm, changeReason?: string): Promise<SavedVisitForm> {
  const state = await w.tx.query<{ visit_row_id: string; id: string | null; kind: string | null; key: string | null }>(
    'SELECT v.id AS visit_row_id, o.id, o.kind, o.key FROM visits v LEFT JOIN observations o ON o.visit_row_id = v.id WHERE v.participant_id = $1 AND v.visit_id = $2',
    [participantId, form.visitId],
  );
  const visitRowId = state[0]
    ? (await w.update(visits, { id: state[0].visit_row_id }, { visit_date: form.date, status: 'done' }, changeReason)).id
    : (await w.insert(visits, { participant_id: participantId, visit_id: form.visitId, visit_date: form.date, status: 'done' })).id;
  const existing = new Map(state.filter((o) => o.id !== null).map((o) => [`${o.kind}/${o.key}`, o.id as string]));
  const saved = new Map<string, { id: string; created: boolean }>();
  const added: NewRow<typeof observations>[] = [];
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
    if (id) saved.set(`${o.kind}/${o.key}`, { id: (await w.update(observations, { id }, values, changeReason)).id, created: false });
    else added.push({ participant_id: participantId, visit_row_id: visitRowId, kind: o.kind, key: o.key, ...values });
  }
  for (const r of await w.insertMany(observations, added)) saved.set(`${r.kind}/${r.key}`, { id: r.id, created: true });
  return { visitRowId, observations: saved };
}
