import { request } from '../api.js';
import type { Consent } from '../../../src/enrolment/consent.js';
import type { ProtocolVersionEntry } from '../../../src/store/protocol-versions.js';

/** A participant as GET /api/participants/:id adds to the summary: their consents and what is still to sign. */
export interface ConsentState {
  readonly consents?: readonly Consent[];
  /** The consent version the participant must still sign under (a re-consent amendment); null: none. */
  readonly reconsentNeeded?: string | null;
}

/** A study's protocol history: the version in force and each amendment with its difference. */
export interface ProtocolHistory {
  readonly current: string;
  readonly amendments: readonly ProtocolVersionEntry[];
}

const e = encodeURIComponent;

export const consentApi = {
  recordReconsent: (participantId: string, signedOn: string) => request<Consent>('POST', `/api/participants/${e(participantId)}/consents`, { signedOn }),
  protocolHistory: (studyId: string) => request<ProtocolHistory>('GET', `/api/studies/${e(studyId)}/versions`),
};
