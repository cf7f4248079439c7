import type { z } from 'zod';
import { request } from '../api.js';
import type { consent, participantDetail } from '../../../src/api/participants.js';
import type { protocolVersions } from '../../../src/api/studies.js';

type Consent = z.output<typeof consent>;
/** A participant as GET /api/participants/:id adds to the summary: their consents and the consent version still to sign (null: none). */
export type ConsentState = Partial<Pick<z.output<typeof participantDetail>, 'consents' | 'reconsentNeeded'>>;
/** A study's protocol history: the version in force and each amendment with its difference. */
export type ProtocolHistory = z.output<typeof protocolVersions>;

const e = encodeURIComponent;

export const consentApi = {
  recordReconsent: (participantId: string, signedOn: string) => request<Consent>('POST', `/api/participants/${e(participantId)}/consents`, { signedOn }),
  protocolHistory: (studyId: string) => request<ProtocolHistory>('GET', `/api/studies/${e(studyId)}/versions`),
};
