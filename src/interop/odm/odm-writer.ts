import type { Protocol } from '../../protocol/schema.js';
import { isoSeconds } from '../dataset-json/dataset-json-writer.js';
import type { XmlStream } from '../export-files/xml-stream.js';
import type { ObservationData, ParticipantData, ValueAudit } from '../sdtm/participant-data.js';
import { itemIndex, type OdmForm } from './odm-metadata.js';
import { il2Ns, odmNs } from './odm-namespace.js';
import { writeSignature, writeSignatureDef, type ImportedSignatureRecord } from './odm-signatures.js';
import type { Signature } from '../../signatures/signature.js';
import type { ParticipantRecords } from './odm-records.js';
import { writeParticipantRecords } from './odm-records-writer.js';

/**
 * CDISC ODM 1.3.2 export: the study's metadata (Protocol, StudyEventDef per visit, FormDef and
 * ItemGroupDef per form, ItemDefs with type, unit, range checks and question, CodeLists), AdminData
 * (users and sites as Locations) and ClinicalData per subject, visit, form and item, each value with an
 * AuditRecord from the audit trail. Snapshot: each value as it stands, with the record of its last
 * write. Transactional: every write of every value in order, Insert then Update, each with its record.
 * Element order follows ODM1-3-2-foundation.xsd. A signed visit or casebook carries its valid
 * electronic signature as a Signature element (odm-signatures.ts). What registering a subject and dating a visit need, which ODM's
 * ClinicalData does not hold, is in the il2trials extension (il2:Sex, il2:BirthDate, il2:VisitDate, and
 * the participant's status steps, consents, randomization, doses and adverse events as il2:Records;
 * schema in src/interop/fixtures/xml-schema/il2trials-odm). A value imported from another system
 * keeps that system's AuditRecords (its provenance), then this one's later changes.
 */
export type OdmFileType = 'Snapshot' | 'Transactional';

export interface OdmHeader {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly forms: readonly OdmForm[];
  readonly fileType: OdmFileType;
  readonly created: Date;
  /** `oid` when the user came with an imported file under another OID. */
  readonly users: readonly { readonly login: string; readonly name: string; readonly oid?: string }[];
  readonly sites: readonly { readonly id: string; readonly name: string }[];
  /** Forms (by assessment) holding data at a visit whose protocol does not list them (a panel drawn at an extra visit): their StudyEventDef refers to them too. */
  readonly visitForms?: readonly { readonly visitId: string; readonly assessment: string }[];
  /** Electronic signatures by participant code (none: a file of metadata only). */
  readonly signatures?: ReadonlyMap<string, readonly Signature[]>;
  /** Signature records imported files carried, by participant code. */
  readonly importedSignatures?: ReadonlyMap<string, readonly ImportedSignatureRecord[]>;
  /** A blinded file carries no arm (odm-records-writer.ts); absent: blinded. */
  readonly blinded?: boolean;
}

export const mdvOid = (studyId: string) => `MDV.${studyId}`;
const userOid = (login: string) => `USR.${login}`;
export const siteOid = (id: string) => `LOC.${id}`;
export const eventOid = (visitId: string) => `SE.${visitId}`;
const unitOid = (u: string) => `MU.${u}`;

/** Open the ODM root; the caller closes it after the ClinicalData. */
export function openOdm(x: XmlStream, h: OdmHeader): void {
  x.open('ODM', {
    xmlns: odmNs,
    'xmlns:il2': il2Ns,
    ODMVersion: '1.3.2',
    FileType: h.fileType,
    FileOID: `${h.studyId}.odm.${h.fileType.toLowerCase()}`,
    CreationDateTime: isoSeconds(h.created),
    Originator: 'il2trials',
    SourceSystem: 'il2trials',
    SourceSystemVersion: '0.1.0',
  });
}

/** Study (with its MetaDataVersion) and AdminData. */
export function writeOdmStudy(x: XmlStream, h: OdmHeader): void {
  const p = h.protocol;
  const units = [...new Set(h.forms.flatMap((f) => f.items.flatMap((i) => (i.unit ? [i.unit] : []))))];
  const withData = (visitId: string) =>
    h.forms.filter((f) => p.visits.find((v) => v.id === visitId)?.assessments.includes(f.assessment) || h.visitForms?.some((x) => x.visitId === visitId && x.assessment === f.assessment));
  x.el('Study', { OID: h.studyId }, () => {
    x.el('GlobalVariables', {}, () =>
      x
        .text('StudyName', p.title)
        .text('StudyDescription', p.officialTitle ?? p.title)
        .text('ProtocolName', p.id),
    );
    if (units.length > 0) x.el('BasicDefinitions', {}, () => units.forEach((u) => x.el('MeasurementUnit', { OID: unitOid(u), Name: u }, () => x.translated('Symbol', u))));
    x.el('MetaDataVersion', { OID: mdvOid(h.studyId), Name: `${p.id} version ${p.version}` }, () => {
      x.el('Protocol', {}, () => p.visits.forEach((v, i) => x.el('StudyEventRef', { StudyEventOID: eventOid(v.id), OrderNumber: i + 1, Mandatory: 'Yes' })));
      for (const v of p.visits) {
        x.el('StudyEventDef', { OID: eventOid(v.id), Name: v.name, Repeating: 'No', Type: 'Scheduled' }, () =>
          withData(v.id).forEach((f, i) => x.el('FormRef', { FormOID: f.oid, OrderNumber: i + 1, Mandatory: 'No' })),
        );
      }
      for (const f of h.forms) x.el('FormDef', { OID: f.oid, Name: f.name, Repeating: 'No' }, () => x.el('ItemGroupRef', { ItemGroupOID: `IG.${f.assessment}`, Mandatory: 'Yes' }));
      for (const f of h.forms) {
        x.el('ItemGroupDef', { OID: `IG.${f.assessment}`, Name: f.name, Repeating: 'No' }, () => f.items.forEach((i, k) => x.el('ItemRef', { ItemOID: i.oid, OrderNumber: k + 1, Mandatory: 'No' })));
      }
      for (const f of h.forms) {
        for (const i of f.items) {
          x.el('ItemDef', { OID: i.oid, Name: i.name, DataType: i.dataType }, () => {
            x.translated('Question', i.question);
            if (i.unit) x.el('MeasurementUnitRef', { MeasurementUnitOID: unitOid(i.unit) });
            for (const [range, softHard] of [
              [i.range, 'Hard'],
              [i.soft, 'Soft'],
            ] as const) {
              if (range?.min !== undefined) x.el('RangeCheck', { Comparator: 'GE', SoftHard: softHard }, () => x.text('CheckValue', String(range.min)));
              if (range?.max !== undefined) x.el('RangeCheck', { Comparator: 'LE', SoftHard: softHard }, () => x.text('CheckValue', String(range.max)));
            }
            if (i.choices) x.el('CodeListRef', { CodeListOID: `CL.${i.key}` });
          });
        }
      }
      for (const f of h.forms) {
        for (const i of f.items) {
          if (!i.choices) continue;
          x.el('CodeList', { OID: `CL.${i.key}`, Name: i.key, DataType: i.dataType === 'text' ? 'text' : 'integer' }, () =>
            i.choices!.forEach((c) => x.el('CodeListItem', { CodedValue: String(c.value) }, () => x.translated('Decode', c.label))),
          );
        }
      }
    });
  });
  x.el('AdminData', { StudyOID: h.studyId }, () => {
    for (const u of h.users) x.el('User', { OID: u.oid ?? userOid(u.login) }, () => x.text('LoginName', u.login).text('DisplayName', u.name));
    for (const s of h.sites)
      x.el('Location', { OID: siteOid(s.id), Name: s.name, LocationType: 'Site' }, () =>
        x.el('MetaDataVersionRef', { StudyOID: h.studyId, MetaDataVersionOID: mdvOid(h.studyId), EffectiveDate: isoSeconds(h.created).slice(0, 10) }),
      );
    writeSignatureDef(x);
  });
}

const valueText = (v: number | string | null) => (v === null ? '' : String(v));

function auditRecord(x: XmlStream, a: ValueAudit, site: string): void {
  x.el('AuditRecord', {}, () => {
    x.el('UserRef', { UserOID: a.source?.userOid ?? userOid(a.actor) });
    x.el('LocationRef', { LocationOID: a.source?.locationOid ?? siteOid(site) });
    x.text('DateTimeStamp', a.at);
    x.text('ReasonForChange', a.reason ?? (a.action === 'insert' ? 'initial entry' : 'no reason recorded'));
    // The audit trail's sequence number: the record this value's provenance is kept in (an imported value keeps its source's).
    const sourceId = a.source ? a.source.sourceId : `audit:${a.seq}`;
    if (sourceId !== null) x.text('SourceID', sourceId);
  });
}

/** One participant's ClinicalData: SubjectData › StudyEventData › FormData › ItemGroupData › ItemData. Returns the ItemData written. */
export function writeOdmSubject(x: XmlStream, h: OdmHeader, d: ParticipantData, records?: ParticipantRecords): number {
  let items = 0;
  const index = itemIndex(h.forms);
  const byVisit = new Map<string, Map<OdmForm, ObservationData[]>>();
  for (const o of d.observations) {
    const hit = index.get(`${o.kind}/${o.key}`);
    if (!hit || o.visitId === null) continue;
    const forms = byVisit.get(o.visitId) ?? byVisit.set(o.visitId, new Map()).get(o.visitId)!;
    (forms.get(hit.form) ?? forms.set(hit.form, []).get(hit.form)!).push(o);
  }
  const visitDate = new Map(d.visits.map((v) => [v.visitId, v.date]));
  x.el('SubjectData', { SubjectKey: d.code, TransactionType: h.fileType === 'Transactional' ? 'Insert' : undefined, 'il2:Sex': d.sex, 'il2:BirthDate': d.birthDate }, () => {
    const signatures = h.signatures?.get(d.code) ?? [];
    const imported = h.importedSignatures?.get(d.code) ?? [];
    writeSignature(x, signatures, imported, d, null, userOid, siteOid(d.siteId));
    x.el('SiteRef', { LocationOID: siteOid(d.siteId) });
    for (const [visitId, forms] of byVisit) {
      x.el('StudyEventData', { StudyEventOID: eventOid(visitId), 'il2:VisitDate': visitDate.get(visitId) }, () => {
        writeSignature(x, signatures, imported, d, visitId, userOid, siteOid(d.siteId));
        for (const [form, values] of forms) {
          x.el('FormData', { FormOID: form.oid }, () =>
            x.el('ItemGroupData', { ItemGroupOID: `IG.${form.assessment}` }, () => {
              for (const o of values) {
                const item = index.get(`${o.kind}/${o.key}`)!.item;
                const trail = o.audit ?? [];
                const writes = h.fileType === 'Snapshot' ? trail.slice(-1) : trail;
                items += Math.max(1, writes.length);
                if (writes.length === 0) x.el('ItemData', { ItemOID: item.oid, Value: valueText(o.valueNum ?? o.valueText) });
                for (const a of writes) {
                  const value = h.fileType === 'Snapshot' ? (o.valueNum ?? o.valueText) : a.value;
                  const tx = h.fileType === 'Transactional' ? (a.action === 'insert' ? 'Insert' : 'Update') : undefined;
                  x.el('ItemData', { ItemOID: item.oid, Value: valueText(value), TransactionType: tx }, () => auditRecord(x, a, d.siteId));
                }
              }
            }),
          );
        }
      });
    }
    if (records) writeParticipantRecords(x, d.status, records, h.blinded ?? true);
  });
  return items;
}

/** Open ClinicalData; subjects follow, page by page, then `close()`. */
export function openClinicalData(x: XmlStream, h: OdmHeader): void {
  x.open('ClinicalData', { StudyOID: h.studyId, MetaDataVersionOID: mdvOid(h.studyId) });
}
