import { AppError } from '../errors/app-error.js';
import { studyForm } from '../forms/study-forms.js';
import { formLevelItems } from '../forms/form-items.js';
import { formValuesFromStored } from '../forms/stored-values.js';
import { labAnalytes, labUnits, type LabAnalyte, type LabUnit } from '../instruments/index.js';
import type { PlannedSubject, PlannedValue, ImportPlan } from '../interop/odm/odm-import-plan.js';
import { planOdmImport } from '../interop/odm/odm-import-plan.js';
import type { OdmDocument } from '../interop/odm/odm-document.js';
import { readOdm } from '../interop/odm/odm-read.js';
import { studyMetaData } from '../interop/odm/study-metadata.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import { findStudy, listSites, type Study } from '../store/studies.js';
import { insertImportedSignature, insertProvenance, keepImportedUsers, visitObservationIds } from '../store/value-provenance.js';
import { participantData } from '../store/export-pages.js';
import { contentHash, signedContent, signedRecordOf } from '../signatures/signature.js';
import type { XmlSource } from '../interop/odm/xml-tree.js';
import { saveVisitForm } from '../store/visit-forms.js';
import type { LabEntry, ObservationEntry, ObservationKind } from '../visits/visit-data.js';
import { addParticipantIn } from './add-participant.js';
import { saveFormValuesIn } from './save-form-values.js';
import { saveVisitObservationsIn } from './save-visit-observations.js';
import { callerId, requireAction, type UseCaseContext } from './use-case-context.js';
import { interopErrors, isOdmError } from '../interop/errors.js';
import { addReplayed, blindedNote, noRecords, RecordsReplay, type RecordsReplayed } from './import-odm-records.js';
import { storeErrors } from '../store/errors.js';

export interface OdmImportResult {
  readonly studyId: string;
  readonly fileOid: string;
  readonly fileType: OdmDocument['fileType'];
  /** The MetaDataVersion as forms of the definition language: id, title and item count. */
  readonly forms: readonly { readonly id: string; readonly title: string; readonly items: number }[];
  readonly participants: number;
  readonly visits: number;
  readonly values: number;
  /** AuditRecords kept as provenance. */
  readonly provenance: number;
  /**
   * The file's Signatures (casebook and visit), kept as provenance records and not re-applied: a
   * 21 CFR Part 11 signature is linked to its signer (11.70), who signed in the source system, not
   * here. An export writes each with its source UserRef while the record is unchanged since import.
   */
  readonly signatures: { readonly kept: number; readonly reapplied: 0; readonly note: string };
  /** The status steps, consents, doses, adverse events and allocations replayed from the il2trials extension; `note` when a blinded file left allocations out. */
  readonly records: RecordsReplayed & { readonly note?: string };
}

export const signaturesNote =
  'Signatures kept as provenance records of the source system, not re-applied as signatures here: a 21 CFR Part 11 signature is linked to its signer (11.70), who signed there. Sign again here where this system must vouch for the data.';

const conflict = (at: string, problem: string) => new AppError(interopErrors.ODM_CONFLICT, `ODM ${at}: ${problem}.`, at);

/** An entry rule's refusal names the ODM element it came from. */
async function at<T>(where: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && !isOdmError(e)) throw conflict(where, `${e.message.replace(/\.$/, '')} (${e.code})`);
    throw e;
  }
}

const labOf = (v: PlannedValue): LabEntry => {
  if (!(labAnalytes as readonly string[]).includes(v.key) || !(labUnits as readonly string[]).includes(v.unit ?? ''))
    throw conflict(v.at, `lab "${v.key}" in "${v.unit ?? 'no unit'}" is not an analyte and unit il2trials grades`);
  return { analyte: v.key as LabAnalyte, value: Number(v.value), unit: v.unit as LabUnit };
};

/** What the entry use cases computed (scores, calculated items) must be what the file holds. */
async function checkDerived(w: AuditedTx, participantId: string, visitId: string, values: readonly PlannedValue[]): Promise<void> {
  const stored = new Map(
    (
      await w.tx.query<{ kind: string; key: string; value_num: number | null; value_text: string | null }>(
        'SELECT o.kind, o.key, o.value_num, o.value_text FROM observations o JOIN visits v ON v.id = o.visit_row_id WHERE v.participant_id = $1 AND v.visit_id = $2',
        [participantId, visitId],
      )
    ).map((r) => [`${r.kind}/${r.key}`, r.value_num ?? r.value_text]),
  );
  for (const x of values) {
    const mine = stored.get(`${x.kind}/${x.key}`);
    const same = typeof mine === 'number' ? Math.abs(mine - Number(x.value)) <= 1e-9 : mine === String(x.value);
    if (!same) throw conflict(x.at, `the file holds ${x.value} but il2trials computes ${mine ?? 'nothing'} from the visit's values`);
  }
}

/** One subject through the entry use cases: registered, then each visit saved (items scored, labs graded), then its values' provenance. */
async function importSubject(
  w: AuditedTx,
  study: Study,
  fileOid: string,
  s: PlannedSubject,
  byUser: boolean,
): Promise<{ values: number; provenance: number; signatures: number; records: RecordsReplayed }> {
  const where = `SubjectData SubjectKey="${s.code}"`;
  const added = await at(where, () => addParticipantIn(w, { studyId: study.id, siteId: s.siteId, code: s.code, sex: s.sex, birthDate: s.birthDate }));
  // Status steps up to treatment come first (the doses need the treatment start); the final step comes after the visits.
  const replay = s.records ? new RecordsReplay(w, added, study.protocol, s.records.records, s.records.status, `${where} › il2:Records`, at) : null;
  const p = replay ? await replay.beforeVisits() : added;
  const reason = `ODM import of file ${fileOid}`;
  let values = 0;
  let provenance = 0;
  for (const v of [...s.visits].sort((a, b) => a.date.localeCompare(b.date))) {
    const vat = `${where} › StudyEventData SE.${v.visitId}`;
    const items: Record<string, Record<string, number>> = {};
    for (const x of v.values.filter((x) => x.kind === 'item')) (items[x.assessment] ??= {})[x.key.slice(x.assessment.length + 1)] = Number(x.value);
    const labs = v.values.filter((x) => x.kind === 'lab').map(labOf);
    const defined = new Map<string, PlannedValue[]>();
    for (const x of v.values) if (studyForm(study.protocol, x.assessment)) (defined.get(x.assessment) ?? defined.set(x.assessment, []).get(x.assessment)!).push(x);
    // Values the entry form has no field for alone (a panel subset without its lymphocyte count, vitals) are stored as the form stores them, once checked against their item.
    const others: ObservationEntry[] = v.values
      .filter((x) => !['item', 'score', 'lab'].includes(x.kind) && !defined.has(x.assessment))
      .map((x) => ({ kind: x.kind as ObservationKind, key: x.key, value: x.value, unit: x.unit }));
    await at(vat, () => saveVisitObservationsIn(w, p, study.protocol, v.visitId, { date: v.date, values: items, labs }, reason));
    for (const [formId, xs] of defined) {
      const form = studyForm(study.protocol, formId)!;
      const values = formValuesFromStored(
        form,
        xs.filter((x) => x.kind === 'other').map((x) => ({ key: x.key, value: x.value, unit: x.unit ?? null })),
      );
      // A value outside a soft range was confirmed where it was entered; a user importing confirms it again, with a data query as at entry (raised by a user: the operator cannot).
      const confirmations = !byUser
        ? {}
        : Object.fromEntries(
            formLevelItems(form)
              .filter((i) => 'soft' in i.item && i.item.soft)
              .map((i) => [i.item.id, `confirmed in the source system (${reason})`]),
          );
      await at(`${vat} › FormData F.${formId}`, () => saveFormValuesIn(w, p, study.protocol, v.visitId, formId, { date: v.date, values, confirmations }, reason));
    }
    if (others.length > 0) await at(vat, () => saveVisitForm(w, p.id, { visitId: v.visitId, date: v.date, observations: others }, reason));
    await checkDerived(w, p.id, v.visitId, v.values);
    const ids = await visitObservationIds(w, p.id, v.visitId);
    const rows = v.values.flatMap((x) =>
      x.trail.map((r, position) => ({
        observation_id: ids.get(`${x.kind}/${x.key}`)!,
        position,
        transaction_type: r.transactionType,
        value: r.value,
        user_oid: r.audit.userOid,
        location_oid: r.audit.locationOid,
        date_time_stamp: r.audit.dateTimeStamp,
        reason_for_change: r.audit.reason,
        source_id: r.audit.sourceId,
        file_oid: fileOid,
        imported_at: w.ctx.at,
      })),
    );
    await insertProvenance(w, rows);
    values += v.values.length;
    provenance += rows.length;
  }
  const records = replay ? await replay.afterVisits() : noRecords;
  if (s.signatures.length > 0) {
    // The hash of each signed record as imported, as a signature of this system keeps it (src/signatures).
    const d = (await participantData(w.tx, study.id, p.id))!;
    for (const sig of s.signatures) {
      const { at: _at, ...record } = sig;
      await insertImportedSignature(w, study.id, p.id, fileOid, { ...record, contentHash: contentHash(signedContent(d, signedRecordOf(sig.visitId))) });
    }
  }
  return { values, provenance, signatures: s.signatures.length, records };
}

/** Write a checked plan in one audited transaction: all of it, or (on any refusal) nothing. */
function writePlan(c: UseCaseContext, study: Study, doc: OdmDocument, plan: ImportPlan): Promise<OdmImportResult> {
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId: study.id }, async (w) => {
    const [held] = await w.tx.query<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE study_id = $1', [study.id]);
    if (held!.n > 0) throw conflict(`Study ${doc.studyOid}`, `study ${study.id} already holds ${held!.n} participants; an ODM file is imported into a study without any`);
    await keepImportedUsers(w, study.id, doc.users);
    let values = 0;
    let provenance = 0;
    let signatures = 0;
    let records = noRecords;
    for (const s of plan.subjects) {
      const n = await importSubject(w, study, doc.fileOid, s, c.by.kind === 'user');
      records = addReplayed(records, n.records);
      values += n.values;
      provenance += n.provenance;
      signatures += n.signatures;
    }
    return {
      studyId: study.id,
      fileOid: doc.fileOid,
      fileType: doc.fileType,
      forms: plan.forms.map((f) => ({ id: f.id, title: f.title, items: f.items.length })),
      participants: plan.subjects.length,
      visits: plan.subjects.reduce((n, s) => n + s.visits.length, 0),
      values,
      provenance,
      signatures: { kept: signatures, reapplied: 0, note: signaturesNote },
      records: records.blindedRandomizations > 0 ? { ...records, note: blindedNote } : records,
    };
  });
}

/**
 * Import an ODM 1.3.2 file into a live study without participants (`studyId`, else the file's Study
 * OID): its MetaDataVersion read as forms and checked against the study's own, then every subject
 * registered and every visit saved through the entry use cases, each value's AuditRecords kept as
 * provenance, its Signatures kept as provenance records (reported, not re-applied). The file streams
 * (text or chunks, see readOdm); it is checked whole first; one transaction writes it, so a refusal writes nothing.
 */
export async function importOdm(c: UseCaseContext, xml: XmlSource, studyId?: string): Promise<OdmImportResult> {
  const doc = await readOdm(xml);
  const id = studyId ?? doc.studyOid;
  requireAction(c.by, 'study.import', id);
  const study = await findStudy(c.db, id);
  if (!study) throw new AppError(storeErrors.NOT_FOUND, `No study "${id}" exists: create it from its protocol first (il2trials study create).`, 'study');
  const siteIds = (await listSites(c.db, id)).map((s) => s.id);
  const plan = planOdmImport(doc, { studyId: id, protocol: study.protocol, siteIds, metaData: await studyMetaData(id, study.protocol) });
  return writePlan(c, study, doc, plan);
}
