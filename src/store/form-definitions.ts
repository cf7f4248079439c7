import { canonicalJson } from '../audit/canonical-json.js';
import { AppError } from '../errors/app-error.js';
import type { FormDefinition } from '../forms/definition.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { formDefinitions } from './schema/index.js';
import { formsErrors } from '../forms/errors.js';

/** The definition of form `formId` version `version` that study `studyId` holds values under, if kept. */
export async function keptFormDefinition(q: Queryable, studyId: string, formId: string, version: string): Promise<FormDefinition | undefined> {
  const [row] = await q.query<{ definition: FormDefinition }>('SELECT definition FROM form_definitions WHERE study_id = $1 AND form_id = $2 AND version = $3', [studyId, formId, version]);
  return row?.definition;
}

/**
 * Keep the definition values are being saved under (once per version). A version already kept with
 * another definition is refused: records entered under it would then display under a form they were
 * not entered with.
 */
export async function keepFormDefinition(w: AuditedTx, studyId: string, form: FormDefinition): Promise<void> {
  let kept = await keptFormDefinition(w.tx, studyId, form.id, form.version);
  if (!kept) {
    // The first save under a version: two at once would both insert, so the study row orders them.
    await w.tx.query('SELECT 1 FROM studies WHERE id = $1 FOR UPDATE', [studyId]);
    kept = await keptFormDefinition(w.tx, studyId, form.id, form.version);
  }
  if (!kept) await w.insert(formDefinitions, { study_id: studyId, form_id: form.id, version: form.version, definition: form });
  else if (canonicalJson(kept) !== canonicalJson(form)) throw formVersionConflict(studyId, form);
}

/** Each kept version whose definition the given forms change without a new version. */
export async function changedKeptForms(q: Queryable, studyId: string, forms: readonly FormDefinition[]): Promise<FormDefinition[]> {
  const changed: FormDefinition[] = [];
  for (const f of forms) {
    const kept = await keptFormDefinition(q, studyId, f.id, f.version);
    if (kept && canonicalJson(kept) !== canonicalJson(f)) changed.push(f);
  }
  return changed;
}

export function formVersionConflict(studyId: string, form: FormDefinition): AppError {
  return new AppError(
    formsErrors.VERSION_CONFLICT,
    `Study ${studyId} holds values of form ${form.id} version ${form.version} with another definition; a changed form needs a new "version".`,
    'version',
  );
}
