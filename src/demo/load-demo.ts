import { builtinProtocols } from '../protocol/builtin/index.js';
import { audited } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import type { Participant } from '../enrolment/participant.js';
import { insertAdverseEvent } from '../store/adverse-events.js';
import { insertParticipant, updateParticipant } from '../store/participants.js';
import { insertQuery } from '../store/queries.js';
import { findStudy } from '../store/studies.js';
import { saveVisitForm } from '../store/visit-forms.js';
import { participantCalendarOf } from '../use-cases/participant-calendars.js';
import { recordDoseIn } from '../use-cases/record-dose.js';
import { transitionParticipantIn } from '../use-cases/transition-participant.js';
import { keepFormDefinition } from '../store/form-definitions.js';
import { demoFormsOf } from './demo-forms.js';
import { syntheticCohort, type DemoParticipant } from './synthetic-cohort.js';

const actor = 'demo';

/** Write one demo participant through the store, as a coordinator would, in one transaction. */
async function loadParticipant(db: Db, studyId: string, d: DemoParticipant, today: string, at: Date, monitorId: string | undefined): Promise<void> {
  const study = await findStudy(db, studyId);
  if (!study) return;
  const p = await audited(db, { actor, at, studyId }, async (w) => {
    let p: Participant = await insertParticipant(w, { studyId, siteId: d.siteId, code: d.code, sex: d.sex, birthDate: d.birthDate });
    for (const step of d.path) {
      if (step.to === 'randomized' && d.armId) {
        p = await updateParticipant(w, p.id, { armId: d.armId }, 'synthetic demo cohort: arm from the demo allocation');
      }
      p = await transitionParticipantIn(w, p, study.protocol, { reason: 'synthetic demo cohort', ...step, today, eligibilityBy: 'override' });
    }
    for (const e of d.adverseEvents) await insertAdverseEvent(w, p.id, { ...e, serious: false });
    if (d.dosesUntil === null) return p;
    // Record doses in date order; a held dose may shift the rest of its cycle, so re-read the calendar each time.
    for (let k = 0; ; k++) {
      const next = (await participantCalendarOf(w.tx, p, study.protocol)).doses.find((x) => x.recorded === null && x.status === 'due');
      if (!next || next.date >= d.dosesUntil) break;
      const held = d.heldDoses.find((h) => h.index === k);
      await recordDoseIn(w, p, study.protocol, { day: next.day, date: next.date, status: held ? 'held' : 'given', reason: held?.reason }, undefined);
    }
    for (const v of d.visits) await saveVisitForm(w, p.id, v);
    return p;
  });
  // A query is raised by a monitor (a user), so only when the demo has one.
  if (d.queryVisit !== null && monitorId !== undefined) {
    await audited(db, { actor: monitorId, at, studyId }, (w) =>
      insertQuery(w, { studyId, siteId: p.siteId, participantId: p.id, visitId: d.queryVisit, field: 'date', text: 'Please confirm the visit date against the source document.' }),
    );
  }
}

/**
 * Fill the built-in studies that have no participants yet with a synthetic cohort from `seed`:
 * statuses, doses, each visit's instruments (scored) and defined forms (ROADS, NfL, MoCA, EQ-5D-5L), labs and Treg, adverse events, and open
 * queries raised by `monitorId` (none without a monitor).
 * Returns the number of participants written per study.
 */
export async function loadDemoCohorts(db: Db, seed: number, today: string, at: Date, monitorId?: string): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const [i, protocol] of builtinProtocols.entries()) {
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE study_id = $1', [protocol.id])) as [{ n: number }];
    if (n > 0 || !(await findStudy(db, protocol.id))) continue;
    const cohort = syntheticCohort(protocol, seed + i, today);
    // The study keeps each filled form's definition with its version, as saving a form does (saveFormValuesIn).
    const forms = demoFormsOf(protocol);
    if (forms.length > 0)
      await audited(db, { actor, at, studyId: protocol.id }, async (w) => {
        for (const f of forms) await keepFormDefinition(w, protocol.id, f);
      });
    for (const d of cohort) await loadParticipant(db, protocol.id, d, today, at, monitorId);
    written[protocol.id] = cohort.length;
  }
  return written;
}
