import type { ParticipantStatus } from './participant-lifecycle.js';

/** A participant's consent as recorded: the consent document version signed, and when. */
export interface Consent {
  readonly formVersion: string;
  readonly signedOn: string;
}

/** Statuses in which a participant is in the trial under a consent they must keep current. */
const underConsent: readonly ParticipantStatus[] = ['consented', 'enrolled', 'randomized', 'on-treatment'];

/**
 * The consent document version a participant signs now: the one the latest re-consent amendment
 * named, else the protocol version in force (no amendment has asked for a new document).
 */
export function consentVersionInForce(reconsentVersion: string | null, protocolVersion: string): string {
  return reconsentVersion ?? protocolVersion;
}

/**
 * Whether a participant must consent again: still in the trial, and their latest consent is not
 * under the version the latest re-consent amendment requires (none required: never flagged).
 */
export function needsReconsent(status: ParticipantStatus, latest: Consent | null, reconsentVersion: string | null): boolean {
  if (reconsentVersion === null || !underConsent.includes(status)) return false;
  return latest?.formVersion !== reconsentVersion;
}
