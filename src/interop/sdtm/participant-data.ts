/** One participant's data as the exports read it (plain rows; dates YYYY-MM-DD). */
export interface ParticipantData {
  readonly code: string;
  readonly siteId: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
  readonly status: string;
  readonly statusReason: string | null;
  readonly consentedOn: string | null;
  readonly enrolledOn: string | null;
  readonly randomizedOn: string | null;
  readonly startDate: string | null;
  readonly armId: string | null;
  readonly kitNumber: string | null;
  readonly visits: readonly { readonly visitId: string; readonly date: string; readonly status: string }[];
  readonly observations: readonly ObservationData[];
  readonly doses: readonly { readonly day: number; readonly date: string; readonly status: 'given' | 'held'; readonly reason: string | null }[];
  readonly adverseEvents: readonly AdverseEventData[];
}

export interface ObservationData {
  readonly id: string;
  readonly visitId: string | null;
  readonly date: string | null;
  readonly kind: string;
  readonly key: string;
  readonly valueNum: number | null;
  readonly valueText: string | null;
  readonly unit: string | null;
  readonly grade: number | null;
  readonly gradeTerm: string | null;
  /** The value's audit trail, oldest first, when the reader asked for it (ODM export). */
  readonly audit?: readonly ValueAudit[];
}

/** One audited write of a value: who, when, why, and the value it left. */
export interface ValueAudit {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: 'insert' | 'update' | 'delete';
  readonly reason: string | null;
  readonly value: number | string | null;
  /** A write recorded by the system an ODM file came from: its AuditRecord's references, kept as provenance. */
  readonly source?: { readonly userOid: string; readonly locationOid: string; readonly sourceId: string | null };
}

export interface AdverseEventData {
  readonly status: string;
  readonly term: string;
  readonly onsetDate: string;
  readonly resolvedDate: string | null;
  readonly grade: number;
  readonly serious: boolean;
  readonly seriousCriteria: readonly string[];
  readonly relatedness: string | null;
  readonly actionTaken: string | null;
  readonly outcome: string | null;
}
