import type { ParticipantStatus } from './participant-lifecycle.js';

/** A participant as the trial rules see them: where they are in the trial, their arm and start. */
export interface Participant {
  readonly id: string;
  readonly studyId: string;
  readonly siteId: string;
  readonly code: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
  readonly status: ParticipantStatus;
  readonly statusReason: string | null;
  /** The date the current status was reached (null: registered, not yet screened). */
  readonly statusOn: string | null;
  readonly armId: string | null;
  readonly kitNumber: string | null;
  readonly enrolledOn: string | null;
  readonly startDate: string | null;
}
