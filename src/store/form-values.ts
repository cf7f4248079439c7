import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { observations } from './schema/index.js';

export interface StoredFormRow {
  readonly key: string;
  readonly value: number | string;
  readonly unit: string | null;
  readonly formVersion: string;
  readonly date: string;
}

/** The values one defined form saved at one visit of a participant (entered and calculated, not its score row). */
export async function visitFormRows(q: Queryable, participantId: string, visitId: string, formId: string): Promise<StoredFormRow[]> {
  const rows = await q.query<{ key: string; value_num: number | null; value_text: string | null; unit: string | null; form_version: string; visit_date: string }>(
    `SELECT o.key, o.value_num, o.value_text, o.unit, o.form_version, v.visit_date FROM observations o JOIN visits v ON v.id = o.visit_row_id
      WHERE o.participant_id = $1 AND v.visit_id = $2 AND o.form_id = $3 AND o.kind = 'other' ORDER BY o.key`,
    [participantId, visitId, formId],
  );
  return rows.map((r) => ({ key: r.key, value: r.value_num ?? r.value_text ?? '', unit: r.unit, formVersion: r.form_version, date: r.visit_date }));
}

/** Delete the values form `formId` saved earlier at the visit that the new save no longer holds (`kind/key` in `keep`); each deletion is audited with `reason`. */
export async function removeStaleFormValues(w: AuditedTx, visitRowId: string, formId: string, keep: ReadonlySet<string>, reason: string | undefined): Promise<void> {
  const saved = await w.tx.query<{ id: string; kind: string; key: string }>('SELECT id, kind, key FROM observations WHERE visit_row_id = $1 AND form_id = $2', [visitRowId, formId]);
  for (const o of saved) if (!keep.has(`${o.kind}/${o.key}`)) await w.remove(observations, { id: o.id }, reason);
}

/** The form's saved values at one visit row that an adverse event names as its source, with that event. */
export function formValueAdverseEventSources(q: Queryable, visitRowId: string, formId: string): Promise<{ id: string; key: string; kind: string; ae: string }[]> {
  return q.query('SELECT o.id, o.key, o.kind, a.id AS ae FROM observations o JOIN adverse_events a ON a.source_observation_id = o.id WHERE o.visit_row_id = $1 AND o.form_id = $2', [
    visitRowId,
    formId,
  ]);
}

/** The ids and keys of the form's own items (kind 'other') saved at one visit row. */
export function formItemRows(q: Queryable, visitRowId: string, formId: string): Promise<{ id: string; key: string }[]> {
  return q.query("SELECT id, key FROM observations WHERE visit_row_id = $1 AND form_id = $2 AND kind = 'other'", [visitRowId, formId]);
}
