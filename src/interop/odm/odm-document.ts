import type { ParticipantRecords } from './odm-records.js';

/** An ODM 1.3.2 file as the import reads it: the metadata, AdminData and ClinicalData it holds. */
export interface OdmDocument {
  readonly fileOid: string;
  readonly fileType: 'Snapshot' | 'Transactional';
  readonly studyOid: string;
  readonly metaData: OdmMetaData;
  readonly users: readonly OdmUser[];
  readonly locations: readonly { readonly oid: string; readonly name: string }[];
  /** The OIDs of AdminData's SignatureDefs. */
  readonly signatureDefs: readonly string[];
  readonly subjects: readonly OdmSubject[];
}

export interface OdmMetaData {
  readonly oid: string;
  readonly name: string;
  /** Protocol order. */
  readonly events: readonly { readonly oid: string; readonly name: string; readonly formOids: readonly string[] }[];
  readonly forms: readonly { readonly oid: string; readonly name: string; readonly groupOids: readonly string[] }[];
  readonly groups: ReadonlyMap<string, { readonly oid: string; readonly name: string; readonly repeating: boolean; readonly items: readonly { readonly oid: string; readonly mandatory: boolean }[] }>;
  readonly items: ReadonlyMap<string, OdmItemDef>;
  readonly codeLists: ReadonlyMap<string, { readonly oid: string; readonly dataType: string; readonly items: readonly { readonly code: string; readonly decode: string }[] }>;
  /** Unit OID → its symbol. */
  readonly units: ReadonlyMap<string, string>;
}

export interface OdmItemDef {
  readonly oid: string;
  readonly name: string;
  readonly dataType: string;
  readonly length?: number;
  readonly question?: string;
  readonly unitOids: readonly string[];
  readonly rangeChecks: readonly { readonly comparator: string; readonly softHard: 'Soft' | 'Hard'; readonly values: readonly string[] }[];
  readonly codeListOid?: string;
}

export interface OdmUser {
  readonly oid: string;
  readonly login: string;
  readonly name: string;
}

export interface OdmAuditRecord {
  readonly userOid: string;
  readonly locationOid: string;
  readonly dateTimeStamp: string;
  readonly reason: string | null;
  readonly sourceId: string | null;
}

export interface OdmItemData {
  readonly itemOid: string;
  readonly value: string;
  readonly transactionType: string | null;
  readonly unitOid: string | null;
  readonly audit: OdmAuditRecord | null;
}

/** An ODM Signature element (SubjectData: the casebook; StudyEventData: the visit). */
export interface OdmSignature {
  readonly userOid: string;
  readonly locationOid: string;
  readonly signatureOid: string;
  readonly dateTimeStamp: string;
  readonly line: number;
}

export interface OdmSubject {
  readonly key: string;
  readonly signature: OdmSignature | null;
  readonly siteOid: string | null;
  /** il2trials extension: what registering the subject needs. */
  readonly sex: string | null;
  readonly birthDate: string | null;
  /** il2trials extension: the participant's status, its steps, consents, randomization, doses and adverse events (null: the file has none). */
  readonly records: { readonly status: string; readonly records: ParticipantRecords } | null;
  readonly events: readonly {
    readonly oid: string;
    readonly visitDate: string | null;
    readonly signature: OdmSignature | null;
    readonly forms: readonly { readonly oid: string; readonly groups: readonly { readonly oid: string; readonly items: readonly OdmItemData[] }[] }[];
  }[];
}
