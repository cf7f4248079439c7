import { AppError } from '../../errors/app-error.js';
import type { FormDefinition, Item } from '../../forms/definition.js';
import { checkCell } from '../../forms/check-cell.js';
import { canonicalJson } from '../../audit/canonical-json.js';
import type { Protocol } from '../../protocol/schema.js';
import type { OdmAuditRecord, OdmDocument, OdmItemData, OdmSignature, OdmSubject } from './odm-document.js';
import { odmFormDefinitions } from './odm-forms.js';
import { itemIndex, observationGroups, odmForms, type OdmForm, type OdmItem } from './odm-metadata.js';
import { eventOid, siteOid } from './odm-writer.js';
import { interopErrors } from '../errors.js';

/** One write of a value as its source recorded it. */
export interface ProvenanceRecord {
  readonly transactionType: 'Insert' | 'Update' | null;
  readonly value: string;
  readonly audit: OdmAuditRecord;
}

/** A value to store: where (`kind`/`key`), what, and the source's records of it. */
export interface PlannedValue {
  readonly kind: string;
  readonly key: string;
  /** The instrument (form assessment) of an item or score. */
  readonly assessment: string;
  readonly value: number | string;
  readonly unit: string | undefined;
  readonly trail: readonly ProvenanceRecord[];
  /** How an error names it: `SubjectData "001" › StudyEventData SE.week-0 › ItemData IT.lab.alt`. */
  readonly at: string;
}

export interface PlannedVisit {
  readonly visitId: string;
  readonly date: string;
  readonly values: readonly PlannedValue[];
}

/** A Signature the file carries, kept as a provenance record (a signature binds its signer, who signed elsewhere). */
export interface PlannedSignature {
  /** null: the casebook (a SubjectData's Signature). */
  readonly visitId: string | null;
  readonly userOid: string;
  readonly locationOid: string;
  readonly signatureOid: string;
  readonly dateTimeStamp: string;
  readonly at: string;
}

export interface PlannedSubject {
  readonly code: string;
  readonly signatures: readonly PlannedSignature[];
  readonly siteId: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
  readonly visits: readonly PlannedVisit[];
  /** The status steps, consents, randomization, doses and adverse events to replay (null: the file has none). */
  readonly records: OdmSubject['records'];
}

export interface ImportPlan {
  /** The file's MetaDataVersion as forms of the definition language. */
  readonly forms: readonly FormDefinition[];
  readonly subjects: readonly PlannedSubject[];
}

/** The study an ODM file goes into: its protocol, sites, and its own metadata read as a file's would be. */
export interface ImportTarget {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly siteIds: readonly string[];
  readonly metaData: OdmDocument;
}

const conflict = (at: string, problem: string) => new AppError(interopErrors.ODM_CONFLICT, `ODM ${at}: ${problem}.`, at);
const unknownRef = (at: string, problem: string) => new AppError(interopErrors.ODM_UNKNOWN_REFERENCE, `ODM ${at}: ${problem}.`, at);
const invalid = (at: string, problem: string) => new AppError(interopErrors.ODM_INVALID, `ODM ${at}: ${problem}.`, at);

/** The file's metadata must be the study's: every StudyEventDef a visit of it, every ItemDef the study also has the same item. */
function checkMetaData(doc: OdmDocument, target: ImportTarget, fileItems: ReturnType<typeof odmFormDefinitions>): void {
  const ownEvents = new Set(target.metaData.metaData.events.map((e) => e.oid));
  for (const e of doc.metaData.events) if (!ownEvents.has(e.oid)) throw conflict(`StudyEventDef ${e.oid}`, `study ${target.studyId} has no such visit (its visits: ${[...ownEvents].join(', ')})`);
  const own = odmFormDefinitions(target.metaData.metaData).itemOf;
  for (const [oid, placed] of fileItems.itemOf) {
    const mine = own.get(oid);
    if (mine && canonicalJson(mine.item) !== canonicalJson(placed.item))
      throw conflict(`ItemDef ${oid}`, `it differs from study ${target.studyId}'s item (file ${canonicalJson(placed.item)}, study ${canonicalJson(mine.item)})`);
  }
}

/** Where an ItemData's value is stored: the study's own item, or a new key of an observation form (a lab the study has not seen yet). */
function storageOf(doc: OdmDocument, byOid: ReadonlyMap<string, { form: OdmForm; item: OdmItem }>, formOid: string, itemOid: string, at: string): { kind: string; key: string; assessment: string } {
  const hit = byOid.get(itemOid);
  if (hit) return { kind: hit.item.kind, key: hit.item.key, assessment: hit.form.assessment };
  const group = Object.entries(observationGroups).find(([, g]) => `F.${g.assessment}` === formOid);
  const def = doc.metaData.items.get(itemOid)!;
  if (!group) throw conflict(at, `the item is not one of the form's items in this study`);
  return { kind: group[0], key: def.name, assessment: group[1].assessment };
}

const numericTypes = new Set<Item['type']>(['integer', 'decimal', 'yes-no', 'calculated']);

/** The ItemData's value as stored, checked against its item (type, hard range, choices). */
function storedValue(item: Item, raw: string, at: string): number | string {
  if (raw.trim() === '') throw invalid(at, 'the ItemData has no Value');
  const numeric = numericTypes.has(item.type) || (item.type === 'single-choice' && typeof item.choices[0]?.code === 'number');
  const value = numeric ? Number(raw) : raw;
  const check = checkCell(item, value);
  if ('problem' in check) throw invalid(at, check.problem.message);
  return value;
}

function planSubject(doc: OdmDocument, target: ImportTarget, forms: ReturnType<typeof odmFormDefinitions>, s: OdmSubject): PlannedSubject {
  const at = `SubjectData SubjectKey="${s.key}"`;
  if (s.sex !== 'female' && s.sex !== 'male')
    throw invalid(at, `il2:Sex must be female or male, not ${s.sex === null ? 'missing' : `"${s.sex}"`} (il2trials registers a participant with sex and birth date)`);
  if (s.birthDate === null || !/^\d{4}-\d{2}-\d{2}$/.test(s.birthDate)) throw invalid(at, `il2:BirthDate must be a date YYYY-MM-DD, not ${s.birthDate === null ? 'missing' : `"${s.birthDate}"`}`);
  if (s.siteOid === null) throw invalid(at, 'a SiteRef is required (the site the participant is registered at)');
  if (!doc.locations.some((l) => l.oid === s.siteOid)) throw unknownRef(`${at} › SiteRef`, `Location ${s.siteOid} is not in the file's AdminData`);
  const siteId = target.siteIds.find((id) => siteOid(id) === s.siteOid || id === s.siteOid);
  if (!siteId) throw conflict(`${at} › SiteRef`, `Location ${s.siteOid} is not a site of study ${target.studyId} (its sites: ${target.siteIds.join(', ')})`);
  const own = odmForms(target.protocol, []);
  const byOid = new Map([...itemIndex(own).values()].map((v) => [v.item.oid, v]));
  const visits = new Map<string, { date: string; values: Map<string, { data: OdmItemData[]; item: Item; storage: ReturnType<typeof storageOf>; at: string }> }>();
  const signatures: PlannedSignature[] = [];
  const signed = (sig: OdmSignature | null, visitId: string | null, sat: string) => {
    if (!sig) return;
    if (!doc.users.some((u) => u.oid === sig.userOid)) throw unknownRef(`${sat} › Signature`, `User ${sig.userOid} is not in the file's AdminData`);
    if (!doc.locations.some((l) => l.oid === sig.locationOid)) throw unknownRef(`${sat} › Signature`, `Location ${sig.locationOid} is not in the file's AdminData`);
    if (!doc.signatureDefs.includes(sig.signatureOid)) throw unknownRef(`${sat} › Signature`, `SignatureDef ${sig.signatureOid} is not in the file's AdminData`);
    const { line: _line, ...rest } = sig;
    signatures.push({ ...rest, visitId, at: `${sat} › Signature` });
  };
  signed(s.signature, null, at);
  for (const e of s.events) {
    const eat = `${at} › StudyEventData ${e.oid}`;
    const visit = target.protocol.visits.find((v) => eventOid(v.id) === e.oid);
    const def = doc.metaData.events.find((d) => d.oid === e.oid);
    if (!def) throw unknownRef(eat, 'the MetaDataVersion has no such StudyEventDef');
    if (!visit) throw conflict(eat, `study ${target.studyId} has no such visit`);
    if (e.visitDate === null || !/^\d{4}-\d{2}-\d{2}$/.test(e.visitDate)) throw invalid(eat, `il2:VisitDate must be a date YYYY-MM-DD, not ${e.visitDate === null ? 'missing' : `"${e.visitDate}"`}`);
    const v = visits.get(visit.id) ?? visits.set(visit.id, { date: e.visitDate, values: new Map() }).get(visit.id)!;
    if (v.date !== e.visitDate) throw conflict(eat, `the visit is dated both ${v.date} and ${e.visitDate}`);
    signed(e.signature, visit.id, eat);
    for (const f of e.forms) {
      if (!def.formOids.includes(f.oid)) throw unknownRef(`${eat} › FormData ${f.oid}`, `StudyEventDef ${e.oid} has no FormRef to it`);
      const formDef = doc.metaData.forms.find((x) => x.oid === f.oid)!;
      for (const g of f.groups) {
        const group = formDef.groupOids.includes(g.oid) ? doc.metaData.groups.get(g.oid) : undefined;
        if (!group) throw unknownRef(`${eat} › FormData ${f.oid} › ItemGroupData ${g.oid}`, `FormDef ${f.oid} has no ItemGroupRef to it`);
        for (const d of g.items) {
          const iat = `${eat} › ItemData ${d.itemOid}`;
          if (!group.items.some((r) => r.oid === d.itemOid)) throw unknownRef(iat, `ItemGroupDef ${g.oid} has no ItemRef to it`);
          if (d.transactionType !== null && d.transactionType !== 'Insert' && d.transactionType !== 'Update')
            throw invalid(iat, `TransactionType ${d.transactionType} is not imported (Insert and Update are)`);
          if (d.audit && !doc.users.some((u) => u.oid === d.audit!.userOid)) throw unknownRef(`${iat} › AuditRecord`, `User ${d.audit.userOid} is not in the file's AdminData`);
          if (d.audit && !doc.locations.some((l) => l.oid === d.audit!.locationOid)) throw unknownRef(`${iat} › AuditRecord`, `Location ${d.audit.locationOid} is not in the file's AdminData`);
          const storage = storageOf(doc, byOid, f.oid, d.itemOid, iat);
          const slot = v.values.get(d.itemOid) ?? v.values.set(d.itemOid, { data: [], item: forms.itemOf.get(d.itemOid)!.item, storage, at: iat }).get(d.itemOid)!;
          if (doc.fileType === 'Snapshot' && slot.data.length > 0) throw invalid(iat, 'a Snapshot file holds each value once');
          slot.data.push(d);
        }
      }
    }
  }
  return {
    code: s.key,
    signatures,
    siteId,
    sex: s.sex,
    birthDate: s.birthDate,
    records: checkedRecords(target, s),
    visits: [...visits].map(([visitId, v]) => ({
      visitId,
      date: v.date,
      values: [...v.values.values()].map((slot): PlannedValue => {
        const last = slot.data[slot.data.length - 1]!;
        const unitDef = last.unitOid ?? doc.metaData.items.get(last.itemOid)!.unitOids[0];
        const unit = unitDef === undefined ? undefined : doc.metaData.units.get(unitDef);
        if (unitDef !== undefined && unit === undefined) throw unknownRef(slot.at, `MeasurementUnit ${unitDef} is not defined`);
        const trail = slot.data.flatMap((d) => (d.audit ? [{ transactionType: d.transactionType as ProvenanceRecord['transactionType'], value: d.value, audit: d.audit }] : []));
        return { ...slot.storage, value: storedValue(slot.item, last.value, slot.at), unit, trail, at: slot.at };
      }),
    })),
  };
}

/** An allocation the file carries is to one of the study's arms. */
function checkedRecords(target: ImportTarget, s: OdmSubject): OdmSubject['records'] {
  const armId = s.records?.records.randomization?.armId ?? null;
  if (armId !== null && !target.protocol.arms.some((a) => a.id === armId))
    throw conflict(`SubjectData SubjectKey="${s.key}" › il2:Randomization`, `arm "${armId}" is not an arm of study ${target.studyId} (its arms: ${target.protocol.arms.map((a) => a.id).join(', ')})`);
  return s.records;
}

/**
 * What an ODM file puts into a study, checked whole before anything is written: its metadata as
 * forms and the same as the study's own, every reference resolved (events, forms, groups, items,
 * users, locations), every value valid for its item. The first problem is thrown, naming the element
 * and its OID: INTEROP_ODM_INVALID (the file is wrong), INTEROP_ODM_UNKNOWN_REFERENCE (it names what it does not
 * define), INTEROP_ODM_CONFLICT (it does not fit this study).
 */
export function planOdmImport(doc: OdmDocument, target: ImportTarget): ImportPlan {
  if (doc.studyOid !== target.studyId && doc.studyOid !== target.protocol.id) throw conflict(`Study ${doc.studyOid}`, `the file is of another study than ${target.studyId}`);
  const forms = odmFormDefinitions(doc.metaData);
  checkMetaData(doc, target, forms);
  const codes = new Set<string>();
  const subjects = doc.subjects.map((s) => {
    if (codes.has(s.key)) throw invalid(`SubjectData SubjectKey="${s.key}"`, 'the subject is in the file twice');
    codes.add(s.key);
    return planSubject(doc, target, forms, s);
  });
  return { forms: forms.forms, subjects };
}
