import type { z } from 'zod';
import type { auditPage, dashboard } from '../../../src/api/analysis.js';
import type { session } from '../../../src/api/auth.js';
import type { reportedEffect, sampleSize } from '../../../src/api/sample-size.js';
import type { screeningOutcome } from '../../../src/api/eligibility.js';
import type { calendar, doseBody, newParticipantBody, participantDetail, participantSummary, transitionBody } from '../../../src/api/participants.js';
import type { answerBody, dataQuery, queryListing, raiseBody } from '../../../src/api/queries.js';
import type { dispensingRow, randomized, unblinding } from '../../../src/api/randomization.js';
import type { adverseEvent, newAeBody, patchAeBody } from '../../../src/api/safety.js';
import type { site, studyDetail, studySummary } from '../../../src/api/studies.js';
import type { immunePanelRow, instrumentObservation, observationsBody, visitRow } from '../../../src/api/visits.js';
import type { participantStatuses } from '../../../src/enrolment/participant-lifecycle.js';
import type { Protocol } from '../../../src/protocol/schema.js';
import type { relatednessLevels } from '../../../src/safety/adverse-event.js';

/**
 * The web's names for what the API sends and takes, all from its one contract (src/api): nothing
 * here is written out again. `Out` is what a response holds; `In` is what a request body may send.
 */
type Out<S extends z.ZodType> = z.output<S>;
type In<S extends z.ZodType> = z.input<S>;

export type ParticipantStatus = (typeof participantStatuses)[number];
export type Session = Out<typeof session>;
export type User = Session['user'];
export type StudySummary = Out<typeof studySummary>;
/** The protocol's own type (src/protocol/schema.ts) for what the contract leaves loose; a blinded reader's has no arm labels. */
export type StudyDetail = Omit<Out<typeof studyDetail>, 'protocol'> & { readonly protocol: Protocol };
export type SiteView = Out<typeof site>;

export type Participant = Out<typeof participantSummary> & Partial<Out<typeof participantDetail>>;
export type NewParticipant = In<typeof newParticipantBody>;
export type Transition = In<typeof transitionBody>;

export type Calendar = Out<typeof calendar>;
export type CalendarDose = Calendar['doses'][number];
export type CalendarVisit = Calendar['visits'][number];
export type DoseRecord = In<typeof doseBody>;

export type Dashboard = Out<typeof dashboard>;
export type VisitDue = Dashboard['visitsDue'][number];
export type DoseDue = Dashboard['dosesDue'][number];

export type VisitRow = Out<typeof visitRow>;
export type VisitData = NonNullable<VisitRow['saved']>;
export type StoredLab = VisitData['labs'][number];
export type VisitInput = In<typeof observationsBody>;
export type LabValue = NonNullable<VisitInput['labs']>[number];
export type LabUnit = LabValue['unit'];
export type ImmunePanelRow = Out<typeof immunePanelRow>;
/** One instrument's saved items at one visit (the visit form's unit of editing). */
export type Observation = Omit<Out<typeof instrumentObservation>, 'total'>;
export type ScreeningOutcome = Out<typeof screeningOutcome>;

export type Relatedness = (typeof relatednessLevels)[number];
export type AdverseEvent = Out<typeof adverseEvent>;
export type NewAdverseEvent = In<typeof newAeBody>;
export type AdverseEventDecision = In<typeof patchAeBody>;

/** A data query; the study's list adds the participant's code and who raised, answered and closed it. */
export type DataQuery = Out<typeof dataQuery> & Partial<Out<typeof queryListing>>;
export type QueryStatus = DataQuery['status'];
export type NewQuery = In<typeof raiseBody>;
export type QueryAnswer = In<typeof answerBody>;

export type Randomization = Out<typeof randomized>;
export type DispensingRow = Out<typeof dispensingRow>;
export type Unblinding = Out<typeof unblinding>;

export type AuditPage = Out<typeof auditPage>;
export type AuditEntry = AuditPage['records'][number];
export type ReportedEffect = Out<typeof reportedEffect>;
export type SampleSize = Out<typeof sampleSize>;
