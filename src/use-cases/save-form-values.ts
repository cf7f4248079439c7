import { isoDay } from '../dates/iso-date.js';
import type { DataQuery } from '../data-queries/data-query.js';
import { checkPlausibleDate, participantDateRange } from '../edit-checks/plausible-date.js';
import type { Participant } from '../enrolment/participant.js';
import { AppError } from '../errors/app-error.js';
import type { FormDefinition } from '../forms/definition.js';
import { refuseInvalidForm } from '../forms/refuse-invalid-form.js';
import { formValuesFromStored, storedFormValues } from '../forms/stored-values.js';
import { studyForm } from '../forms/study-forms.js';
import { validateFilledForm, type Confirmations, type FilledEntry, type FormValues } from '../forms/validate-form.js';
import type { Protocol } from '../protocol/schema.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import type { Db, Queryable } from '../store/db.js';
import { keepFormDefinition, keptFormDefinition } from '../store/form-definitions.js';
import { formItemRows, formValueAdverseEventSources, removeStaleFormValues, visitFormRows } from '../store/form-values.js';
import { insertQuery } from '../store/queries.js';
import { saveVisitForm } from '../store/visit-forms.js';
import { protocolVisit } from '../visits/visit-entries.js';
import { baselineVisitId } from '../protocol/baseline-visit.js';
import { formLabResults, gradeFormLabResult, type FormLabRange } from '../safety/form-lab-adverse-events.js';
import { labAdverseEvents, reconcileLabAdverseEvents } from '../store/lab-adverse-events.js';
import { adverseEvents } from '../store/schema/index.js';
import { siteFormLabRanges } from '../store/reference-ranges.js';
import type { Actor } from './actor.js';
import { formsErrors } from '../forms/errors.js';

export interface FormValuesInput {
  readonly date: string;
  readonly values: FormValues;
  /** Value path → the reason a soft-range value is right. */
  readonly confirmations?: Confirmations | undefined;
  /** Paths among `confirmations` confirmed when first saved, whose data query is not opened again (a correction re-saves them). */
  readonly confirmedBefore?: readonly string[] | undefined;
}

export interface SavedFormValues {
  readonly visitId: string;
  readonly formId: string;
  readonly formVersion: string;
  readonly date: string;
  readonly entries: readonly FilledEntry[];
  readonly ignored: readonly string[];
  /** The data queries opened for soft-range values confirmed at entry. */
  readonly queries: readonly DataQuery[];
  /** Adverse events proposed (or withdrawn) from the form's CTCAE-graded lab results. */
  readonly proposedAdverseEvents: readonly string[];
  readonly withdrawnAdverseEvents: readonly string[];
}

/** The defined form `formId` due at the protocol's visit (the study's own or a built-in one): 404 when there is no such form, 400 when the visit does not list it. */
export function dueForm(protocol: Protocol, visitId: string, formId: string): FormDefinition {
  const visit = protocolVisit(protocol, visitId);
  const form = studyForm(protocol, formId);
  if (!form) throw new AppError(formsErrors.UNKNOWN_FORM, `There is no defined form "${formId}".`, 'formId');
  if (!visit.assessments.includes(formId)) {
    const due = visit.assessments.filter((a) => studyForm(protocol, a) !== undefined);
    throw new AppError(formsErrors.NOT_DUE, `Form "${formId}" is not due at visit ${visit.id}; forms due there: ${due.join(', ') || 'none'}.`, 'formId');
  }
  return form;
}

/**
 * Save a defined form's values for a visit, in one audited transaction: the form checked first (a
 * refused value writes nothing), every value stored with the form's id and version, its score under
 * the form's id, and a data query opened for each soft-range value confirmed at entry (as REDCap's
 * data-quality rules do), raised by whoever confirmed it. Changing a saved value needs `reason`, and
 * so does removing one: a value saved before and now left blank (or hidden by branching) is deleted.
 * The definition is kept with its version, so the values display under it after an amendment.
 */
export function saveFormValues(db: Db, who: Actor, p: Participant, protocol: Protocol, visitId: string, formId: string, input: FormValuesInput, reason: string | undefined): Promise<SavedFormValues> {
  dueForm(protocol, visitId, formId);
  return audited(db, { ...who, studyId: p.studyId }, (w) => saveFormValuesIn(w, p, protocol, visitId, formId, input, reason));
}

/**
 * Save a defined form's values (see saveFormValues) inside a transaction that does more (an ODM import,
 * a query's correction). `under`: the version the values were saved with, which a correction keeps
 * (an amendment may have changed the form since); else the form due now.
 */
export async function saveFormValuesIn(
  w: AuditedTx,
  p: Participant,
  protocol: Protocol,
  visitId: string,
  formId: string,
  input: FormValuesInput,
  reason: string | undefined,
  under?: FormDefinition,
): Promise<SavedFormValues> {
  const form = under ?? dueForm(protocol, visitId, formId);
  const checked = refuseInvalidForm(form, input.values, input.confirmations ?? {}, 'values.');
  checkPlausibleDate('date', input.date, participantDateRange(p.birthDate, isoDay(w.ctx.at)));
  await keepFormDefinition(w, p.studyId, form);
  const version = { id: form.id, version: form.version };
  // Results of the extensible lab list are graded (CTCAE v5.0) against the site's ULN, as the nine safety labs are.
  // The site's ranges are read only for a form that holds lab results (most forms hold none).
  const labResults = formLabResults(checked.entries);
  const ranges: ReadonlyMap<string, FormLabRange> = labResults.length > 0 ? await siteFormLabRanges(w.tx, p.studyId, p.siteId) : new Map();
  const isBaseline = visitId === baselineVisitId(protocol);
  const labs = new Map(labResults.map((l) => [`${form.id}.${l.path}`, gradeFormLabResult(l, ranges.get(l.analyte), isBaseline)]));
  const observations = storedFormValues(form, checked).map((o) => {
    const worst = o.kind === 'other' ? labs.get(o.key)?.worst : undefined;
    return { ...o, form: version, ...(worst ? { grade: worst.grade, gradeTerm: worst.term } : {}) };
  });
  const { visitRowId } = await saveVisitForm(w, p.id, { visitId, date: input.date, observations }, reason);
  const keep = new Set(observations.map((o) => `${o.kind}/${o.key}`));
  const proposed: string[] = [];
  const withdrawn: string[] = [];
  // A lab value removed takes its proposed adverse events with it (withdrawn); every event it sourced is detached, audited, so the value can go.
  const sourced = await formValueAdverseEventSources(w.tx, visitRowId, form.id);
  const stale = sourced.filter((r) => !keep.has(`${r.kind}/${r.key}`));
  // One value may source several events: it is reconciled once, then each event is detached.
  const staleValues = [...new Map(stale.map((r) => [r.id, r])).values()];
  const staleEvents = await labAdverseEvents(
    w.tx,
    staleValues.map((o) => o.id),
  );
  for (const o of staleValues) {
    withdrawn.push(
      ...(await reconcileLabAdverseEvents(w, p.id, o.id, staleEvents.get(o.id) ?? [], input.date, { gradings: [], worst: null, proposals: [] }, reason ?? `${o.key} removed at ${visitId}`)).withdrawn,
    );
  }
  for (const o of stale) await w.update(adverseEvents, { id: o.ae }, { source_observation_id: null }, reason ?? `${o.key} removed at ${visitId}`);
  await removeStaleFormValues(w, visitRowId, form.id, keep, reason);
  if (labs.size > 0) {
    const rows = (await formItemRows(w.tx, visitRowId, form.id)).filter((row) => labs.has(row.key));
    const events = await labAdverseEvents(
      w.tx,
      rows.map((row) => row.id),
    );
    for (const row of rows) {
      const grading = labs.get(row.key)!;
      const changes = await reconcileLabAdverseEvents(w, p.id, row.id, events.get(row.id) ?? [], input.date, grading, reason ?? `CTCAE v5.0 grade of ${row.key} saved at ${visitId}`);
      proposed.push(...changes.proposed);
      withdrawn.push(...changes.withdrawn);
    }
  }
  const queries: DataQuery[] = [];
  for (const c of checked.confirmed.filter((x) => !input.confirmedBefore?.includes(x.path))) {
    const text = `Edit check: ${c.message}. Confirmed at entry with the reason: ${c.reason}`;
    queries.push(await insertQuery(w, { studyId: p.studyId, siteId: p.siteId, participantId: p.id, visitId, field: `${form.id}.${c.path}`, text }));
  }
  return {
    visitId,
    formId: form.id,
    formVersion: form.version,
    date: input.date,
    entries: checked.entries,
    ignored: checked.ignored,
    queries,
    proposedAdverseEvents: proposed,
    withdrawnAdverseEvents: withdrawn,
  };
}

/**
 * A form's saved values at a visit, shown under the version they were entered with: the form due now
 * when it is that version, else the kept definition of theirs (an amendment changed the form since).
 * `form` is what new values are entered under; null `saved` when nothing is saved. Values saved under
 * a form the visit no longer lists are still shown (`due` false).
 */
export async function readFormValues(q: Queryable, p: Participant, protocol: Protocol, visitId: string, formId: string) {
  const rows = await visitFormRows(q, p.id, visitId, formId);
  const [first] = rows;
  const current = protocolVisit(protocol, visitId).assessments.includes(formId) ? dueForm(protocol, visitId, formId) : undefined;
  if (!first) return { form: current ?? dueForm(protocol, visitId, formId), due: true, saved: null };
  const under = current?.version === first.formVersion ? current : await keptFormDefinition(q, p.studyId, formId, first.formVersion);
  if (!under) throw new AppError(formsErrors.VERSION_UNAVAILABLE, `Visit ${visitId} holds form ${formId} version ${first.formVersion}, whose definition this study did not keep.`, 'formId');
  const values = formValuesFromStored(under, rows);
  const saved = { date: first.date, formVersion: first.formVersion, form: under, values, entries: validateFilledForm(under, values).entries };
  return { form: current ?? under, due: current !== undefined, saved };
}
