import { request } from '../api.js';
import type { ShownSignature } from '../../../src/signatures/signature.js';

export type { ShownSignature };

const e = encodeURIComponent;

/** Electronic signatures of a participant's visits and casebook (src/server/routes/signatures.ts). */
export const signatureApi = {
  list: (participantId: string) => request<ShownSignature[]>('GET', `/api/participants/${e(participantId)}/signatures`),
  /** visitId null: the casebook. The password is re-entered for every signature (21 CFR 11.200). */
  sign: (participantId: string, visitId: string | null, password: string) => request<ShownSignature>('POST', `/api/participants/${e(participantId)}/signatures`, { visitId, password }),
};
