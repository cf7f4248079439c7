import { AppError } from '../errors/app-error.js';
import { formLevelItems } from '../forms/form-items.js';
import { studyForm } from '../forms/study-forms.js';
import type { FormValues } from '../forms/validate-form.js';
import { redcapRecordErrors } from '../interop/redcap-records/errors.js';
import { placeText, readRecords, type PlannedRecord, type Place } from '../interop/redcap-records/read-records.js';
import { recordLayout } from '../interop/redcap-records/record-layout.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import { storeErrors } from '../store/errors.js';
import { findStudy, listSites, type Study } from '../store/studies.js';
import { addParticipantIn } from './add-participant.js';
import { saveFormValuesIn } from './save-form-values.js';
import { saveVisitObservationsIn } from './save-visit-observations.js';
import { callerId, requireAction, type UseCaseContext } from './use-case-context.js';

export interface RedcapImportResult {
  readonly studyId: string;
  readonly records: number;
  readonly visits: number;
  readonly forms: number;
}

/** An entry rule's refusal, named by the row and column its value came from (the row alone when the rule names no field of the file). */
async function at<T>(place: (path: string | undefined) => Place, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError) || e.entry === redcapRecordErrors.INVALID) throw e;
    const where = place(e.path);
    throw new AppError(redcapRecordErrors.REFUSED, `${placeText(where)}: ${e.message.replace(/\.$/, '')} (${e.code}).`, `row ${where.row}, column ${where.column}`);
  }
}

async function importRecord(w: AuditedTx, study: Study, r: PlannedRecord, byUser: boolean, reason: string): Promise<{ visits: number; forms: number }> {
  const [held] = await w.tx.query<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE study_id = $1 AND code = $2', [study.id, r.code]);
  if (held!.n > 0)
    throw new AppError(redcapRecordErrors.CONFLICT, `${placeText({ row: r.row, column: 'record_id' })}: study ${study.id} already has participant ${r.code}.`, `row ${r.row}, column record_id`);
  const p = await at(
    (path) => ({ row: r.row, column: path === 'birthDate' ? 'birth_date' : path === 'siteId' ? 'site_id' : 'record_id' }),
    () => addParticipantIn(w, { studyId: study.id, siteId: r.siteId, code: r.code, sex: r.sex, birthDate: r.birthDate }),
  );
  let forms = 0;
  for (const v of [...r.visits].sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row)) {
    const place = (scope: string) => (path: string | undefined) => v.places.get(`${scope}:${path}`) ?? { row: v.row, column: path === 'date' ? 'visit_date' : 'redcap_event_name' };
    if (Object.keys(v.instruments).length > 0) {
      const [first] = Object.keys(v.instruments);
      await at(
        (path) => v.places.get(`${path?.split('.')[1] ?? first}:${path}`) ?? place('')(path),
        () => saveVisitObservationsIn(w, p, study.protocol, v.visitId, { date: v.date, values: v.instruments }, reason),
      );
    }
    for (const [formId, values] of Object.entries(v.forms)) {
      const form = studyForm(study.protocol, formId)!;
      // A value outside a soft range is confirmed again by the user importing it, with a data query as at entry (ODM import: the same rule).
      const confirmations = !byUser ? {} : Object.fromEntries(formLevelItems(form).flatMap((i) => ('soft' in i.item && i.item.soft ? [[i.item.id, `confirmed in REDCap (${reason})`]] : [])));
      await at(place(formId), () => saveFormValuesIn(w, p, study.protocol, v.visitId, formId, { date: v.date, values: values as FormValues, confirmations }, reason));
      forms += 1;
    }
  }
  return { visits: r.visits.length, forms };
}

/**
 * Import a REDCap flat records CSV (as `export redcap` writes it, or REDCap's raw export of such a
 * project) into a live study: the file is read whole against the study's layout first (an unknown
 * field or event refuses it), then in one audited transaction each record is registered and each
 * visit saved through the entry use cases (instruments scored, forms checked). Any refusal names its
 * row and column, and nothing is written.
 */
export async function importRedcapRecords(c: UseCaseContext, csv: string, studyId: string): Promise<RedcapImportResult> {
  requireAction(c.by, 'study.import', studyId);
  const study = await findStudy(c.db, studyId);
  if (!study) throw new AppError(storeErrors.NOT_FOUND, `No study "${studyId}" exists: create it from its protocol first (il2trials study create).`, 'study');
  const siteIds = (await listSites(c.db, study.id)).map((s) => s.id);
  const records = readRecords(csv, recordLayout(study.protocol), siteIds);
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId: study.id }, async (w) => {
    let visits = 0;
    let forms = 0;
    for (const r of records) {
      const n = await importRecord(w, study, r, c.by.kind === 'user', 'REDCap records import');
      visits += n.visits;
      forms += n.forms;
    }
    return { studyId: study.id, records: records.length, visits, forms };
  });
}
