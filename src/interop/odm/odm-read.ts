import { AppError } from '../../errors/app-error.js';
import type { OdmAuditRecord, OdmDocument, OdmItemDef, OdmMetaData, OdmSignature, OdmSubject } from './odm-document.js';
import { parseXmlStream, type XmlElement, type XmlSource } from './xml-tree.js';
import { interopErrors } from '../errors.js';
import { readParticipantRecordsXml } from './odm-read-records.js';

/** `<ItemDef OID="IT.x"> (line 12)`: how a message names the element at fault. */
export const where = (el: XmlElement) => `<${el.name}${el.attrs.OID ? ` OID="${el.attrs.OID}"` : ''}> (line ${el.line})`;

function invalid(el: XmlElement, problem: string): AppError {
  return new AppError(interopErrors.ODM_INVALID, `ODM ${where(el)}: ${problem}.`, `${el.name}${el.attrs.OID ? `[${el.attrs.OID}]` : ''}`);
}

function attr(el: XmlElement, name: string): string {
  const v = el.attrs[name];
  if (v === undefined || v === '') throw invalid(el, `the required attribute ${name} is missing`);
  return v;
}

const kids = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
const kid = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);

function one(el: XmlElement, name: string): XmlElement {
  const found = kids(el, name);
  if (found.length !== 1) throw invalid(el, found.length === 0 ? `a ${name} element is required` : `only one ${name} element is supported, there are ${found.length}`);
  return found[0]!;
}

/** The English text of a Question or Decode (else its first TranslatedText). */
function translated(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const texts = kids(el, 'TranslatedText');
  return (texts.find((t) => (t.attrs['xml:lang'] ?? 'en').startsWith('en')) ?? texts[0])?.text.trim();
}

/** Each OID once within its kind: a second definition is a file fault. */
function byOid<T>(els: readonly XmlElement[], read: (el: XmlElement) => T): Map<string, T> {
  const m = new Map<string, T>();
  for (const el of els) {
    const oid = attr(el, 'OID');
    if (m.has(oid)) throw invalid(el, `OID ${oid} is defined twice`);
    m.set(oid, read(el));
  }
  return m;
}

function readItemDef(el: XmlElement): OdmItemDef {
  const length = el.attrs.Length === undefined ? undefined : Number(el.attrs.Length);
  const codeList = kid(el, 'CodeListRef');
  const question = translated(kid(el, 'Question'));
  return {
    oid: attr(el, 'OID'),
    name: attr(el, 'Name'),
    dataType: attr(el, 'DataType'),
    ...(length !== undefined && Number.isInteger(length) ? { length } : {}),
    ...(question ? { question } : {}),
    unitOids: kids(el, 'MeasurementUnitRef').map((u) => attr(u, 'MeasurementUnitOID')),
    rangeChecks: kids(el, 'RangeCheck').map((r) => {
      const softHard = attr(r, 'SoftHard');
      if (softHard !== 'Soft' && softHard !== 'Hard') throw invalid(r, `SoftHard must be Soft or Hard, not "${softHard}"`);
      return { comparator: attr(r, 'Comparator'), softHard, values: kids(r, 'CheckValue').map((c) => c.text.trim()) };
    }),
    ...(codeList ? { codeListOid: attr(codeList, 'CodeListOID') } : {}),
  };
}

function readMetaData(study: XmlElement, mdv: XmlElement): OdmMetaData {
  const protocol = kid(mdv, 'Protocol');
  const eventDefs = byOid(kids(mdv, 'StudyEventDef'), (e) => ({ oid: attr(e, 'OID'), name: attr(e, 'Name'), formOids: kids(e, 'FormRef').map((f) => attr(f, 'FormOID')) }));
  const order = protocol ? kids(protocol, 'StudyEventRef').map((r) => attr(r, 'StudyEventOID')) : [...eventDefs.keys()];
  const events = [...new Set([...order, ...eventDefs.keys()])].map((oid) => eventDefs.get(oid) ?? missingDef(protocol!, 'StudyEventDef', oid));
  const units = new Map<string, string>();
  for (const b of kids(study, 'BasicDefinitions')) for (const u of kids(b, 'MeasurementUnit')) units.set(attr(u, 'OID'), translated(kid(u, 'Symbol')) ?? attr(u, 'Name'));
  return {
    oid: attr(mdv, 'OID'),
    name: attr(mdv, 'Name'),
    events,
    forms: [...byOid(kids(mdv, 'FormDef'), (f) => ({ oid: attr(f, 'OID'), name: attr(f, 'Name'), groupOids: kids(f, 'ItemGroupRef').map((g) => attr(g, 'ItemGroupOID')) })).values()],
    groups: byOid(kids(mdv, 'ItemGroupDef'), (g) => ({
      oid: attr(g, 'OID'),
      name: attr(g, 'Name'),
      repeating: attr(g, 'Repeating') === 'Yes',
      items: kids(g, 'ItemRef').map((i) => ({ oid: attr(i, 'ItemOID'), mandatory: i.attrs.Mandatory === 'Yes' })),
    })),
    items: byOid(kids(mdv, 'ItemDef'), readItemDef),
    codeLists: byOid(kids(mdv, 'CodeList'), (c) => ({
      oid: attr(c, 'OID'),
      dataType: attr(c, 'DataType'),
      items: kids(c, 'CodeListItem').map((i) => ({ code: attr(i, 'CodedValue'), decode: translated(kid(i, 'Decode')) ?? attr(i, 'CodedValue') })),
    })),
    units,
  };
}

function missingDef(el: XmlElement, kind: string, oid: string): never {
  throw new AppError(interopErrors.ODM_UNKNOWN_REFERENCE, `ODM ${where(el)} refers to ${kind} ${oid}, which the MetaDataVersion does not define.`, `${kind}[${oid}]`);
}

function readAudit(el: XmlElement | undefined): OdmAuditRecord | null {
  if (!el) return null;
  const text = (name: string) => kid(el, name)?.text.trim() || null;
  const stamp = text('DateTimeStamp');
  if (!stamp) throw invalid(el, 'a DateTimeStamp element is required');
  return { userOid: attr(one(el, 'UserRef'), 'UserOID'), locationOid: attr(one(el, 'LocationRef'), 'LocationOID'), dateTimeStamp: stamp, reason: text('ReasonForChange'), sourceId: text('SourceID') };
}

/** An ODM Signature (of a SubjectData or StudyEventData): who, where, which SignatureDef, when. */
function readSignature(el: XmlElement | undefined): OdmSignature | null {
  if (!el) return null;
  const stamp = kid(el, 'DateTimeStamp')?.text.trim();
  if (!stamp) throw invalid(el, 'a DateTimeStamp element is required');
  return {
    userOid: attr(one(el, 'UserRef'), 'UserOID'),
    locationOid: attr(one(el, 'LocationRef'), 'LocationOID'),
    signatureOid: attr(one(el, 'SignatureRef'), 'SignatureOID'),
    dateTimeStamp: stamp,
    line: el.line,
  };
}

/** A Signature below a visit (of a form, item group or item) has no record here to be kept with: refused, never dropped. */
function refuseDeepSignatures(el: XmlElement): void {
  for (const c of el.children) {
    if (c.name === 'Signature') throw invalid(c, `a Signature of a ${el.name} is not imported (il2trials keeps the signatures of a visit, StudyEventData, and of a casebook, SubjectData)`);
    refuseDeepSignatures(c);
  }
}

function readSubject(s: XmlElement): OdmSubject {
  const site = kid(s, 'SiteRef');
  for (const e of kids(s, 'StudyEventData')) for (const f of kids(e, 'FormData')) refuseDeepSignatures(f);
  return {
    signature: readSignature(kid(s, 'Signature')),
    key: attr(s, 'SubjectKey'),
    siteOid: site ? attr(site, 'LocationOID') : null,
    sex: s.attrs['il2:Sex'] ?? null,
    birthDate: s.attrs['il2:BirthDate'] ?? null,
    records: readParticipantRecordsXml(s, attr(s, 'SubjectKey')),
    events: kids(s, 'StudyEventData').map((e) => ({
      oid: attr(e, 'StudyEventOID'),
      visitDate: e.attrs['il2:VisitDate'] ?? null,
      signature: readSignature(kid(e, 'Signature')),
      forms: kids(e, 'FormData').map((f) => ({
        oid: attr(f, 'FormOID'),
        groups: kids(f, 'ItemGroupData').map((g) => ({
          oid: attr(g, 'ItemGroupOID'),
          items: kids(g, 'ItemData').map((i) => ({
            itemOid: attr(i, 'ItemOID'),
            value: i.attrs.Value ?? '',
            transactionType: i.attrs.TransactionType ?? null,
            unitOid: kid(i, 'MeasurementUnitRef')?.attrs.MeasurementUnitOID ?? null,
            audit: readAudit(kid(i, 'AuditRecord')),
          })),
        })),
      })),
    })),
  };
}

/**
 * Read an ODM 1.3.x file: one Study with one MetaDataVersion, its AdminData, and at most one
 * ClinicalData for that study. A missing element or attribute, or a second definition of an OID, is
 * `INTEROP_ODM_INVALID` naming the element, its OID and line. References are checked by the import plan.
 * The source streams (a string or chunks): memory holds the metadata and each subject's values as
 * plain records, not the XML text or its element tree.
 */
export async function readOdm(source: XmlSource): Promise<OdmDocument> {
  // Each SubjectData is read into its plain record as it closes and leaves the tree: the file's text and element tree are never held whole.
  const subjects: OdmSubject[] = [];
  const isSubject = (el: XmlElement) => el.name === 'SubjectData';
  const root = await parseXmlStream(source, isSubject, (el) => subjects.push(readSubject(el)));
  if (root.name !== 'ODM') throw invalid(root, 'the document element must be ODM');
  if (!/^1\.3(\.\d)?$/.test(attr(root, 'ODMVersion'))) throw invalid(root, `ODMVersion ${root.attrs.ODMVersion} is not 1.3.x`);
  const fileType = attr(root, 'FileType');
  if (fileType !== 'Snapshot' && fileType !== 'Transactional') throw invalid(root, `FileType must be Snapshot or Transactional, not "${fileType}"`);
  const study = one(root, 'Study');
  const mdv = one(study, 'MetaDataVersion');
  const studyOid = attr(study, 'OID');
  for (const part of [...kids(root, 'AdminData'), ...kids(root, 'ClinicalData')]) {
    if (attr(part, 'StudyOID') !== studyOid)
      throw new AppError(interopErrors.ODM_UNKNOWN_REFERENCE, `ODM ${where(part)} names study ${part.attrs.StudyOID}, but the file's Study is ${studyOid}.`, `${part.name}[${part.attrs.StudyOID}]`);
  }
  const clinical = kids(root, 'ClinicalData');
  if (clinical.length === 0 && subjects.length > 0) throw invalid(root, 'SubjectData must be inside ClinicalData');
  if (clinical.length > 1) throw invalid(clinical[1]!, 'only one ClinicalData element is supported');
  if (clinical[0] && attr(clinical[0], 'MetaDataVersionOID') !== attr(mdv, 'OID')) missingDef(clinical[0], 'MetaDataVersion', clinical[0].attrs.MetaDataVersionOID!);
  const admin = kids(root, 'AdminData');
  return {
    fileOid: attr(root, 'FileOID'),
    fileType,
    studyOid,
    metaData: readMetaData(study, mdv),
    users: admin.flatMap((a) =>
      kids(a, 'User').map((u) => ({
        oid: attr(u, 'OID'),
        login: kid(u, 'LoginName')?.text.trim() || attr(u, 'OID'),
        name: kid(u, 'DisplayName')?.text.trim() || kid(u, 'LoginName')?.text.trim() || attr(u, 'OID'),
      })),
    ),
    locations: admin.flatMap((a) => kids(a, 'Location').map((l) => ({ oid: attr(l, 'OID'), name: attr(l, 'Name') }))),
    signatureDefs: admin.flatMap((a) => kids(a, 'SignatureDef').map((d) => attr(d, 'OID'))),
    subjects,
  };
}
