import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';
import type { ParticipantData } from '../interop/sdtm/participant-data.js';

/**
 * The meaning of the one signature the platform takes: 21 CFR 11.50 asks that a signature show the
 * signer's printed name, the date and time, and its meaning (review, approval, responsibility).
 */
export const SIGNATURE_MEANING = 'reviewed and approved';

/** What is signed: one visit of a participant, or the participant's whole casebook. */
export type SignedRecord = { readonly kind: 'visit'; readonly visitId: string } | { readonly kind: 'casebook' };

export const signedRecordOf = (visitId: string | null): SignedRecord => (visitId === null ? { kind: 'casebook' } : { kind: 'visit', visitId });

export interface Signature {
  readonly id: string;
  readonly participantId: string;
  /** null: the casebook. */
  readonly visitId: string | null;
  readonly signerId: string;
  readonly signerUsername: string;
  readonly signerName: string;
  readonly meaning: string;
  /** ISO 8601, UTC. */
  readonly signedAt: string;
  readonly contentHash: string;
}

/** A signature as shown with its record: whether the record is still as it was signed, and the signature line. */
export interface ShownSignature extends Omit<Signature, 'contentHash' | 'signerId'> {
  readonly status: 'valid' | 'invalidated';
  readonly line: string;
}

type Observation = ParticipantData['observations'][number];
/** A value as signed: the value and where it sits, not its row id or its audit trail (a value re-saved unchanged stays signed). */
const value = ({ id: _id, audit: _audit, ...o }: Observation) => o;

/**
 * The part of a participant's data a signature covers. A visit: its date and status and every value
 * saved at it. The casebook: the participant's record (not the arm or kit, which a blinded investigator
 * does not see), every visit, value, dose and adverse event.
 */
export function signedContent(d: ParticipantData, record: SignedRecord): unknown {
  if (record.kind === 'visit') {
    return { visit: d.visits.find((v) => v.visitId === record.visitId) ?? null, values: d.observations.filter((o) => o.visitId === record.visitId).map(value) };
  }
  const { armId: _arm, kitNumber: _kit, visits, observations, doses, adverseEvents, ...participant } = d;
  return { participant, visits, values: observations.map(value), doses, adverseEvents };
}

/** Whether the record named has anything to sign: a visit needs saved data. */
export function hasContent(d: ParticipantData, record: SignedRecord): boolean {
  return record.kind === 'casebook' || d.visits.some((v) => v.visitId === record.visitId);
}

/** sha256 of the canonical JSON of the signed content: equal exactly when nothing signed has changed. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The signature as shown with the record whose data is `d` now: valid only while the signed content is unchanged. */
export function showSignature(s: Signature, d: ParticipantData): ShownSignature {
  const valid = contentHash(signedContent(d, signedRecordOf(s.visitId))) === s.contentHash;
  const { contentHash: _hash, signerId: _id, ...rest } = s;
  const line = `${s.signerName} (${s.signerUsername}), ${s.signedAt.slice(0, 16).replace('T', ' ')} UTC: ${s.meaning}${valid ? '' : ' (invalidated: the record changed after signing)'}`;
  return { ...rest, status: valid ? 'valid' : 'invalidated', line };
}
