import { isoDay } from '../dates/iso-date.js';
import { needsReconsent, type Consent } from '../enrolment/consent.js';
import type { Participant } from '../enrolment/participant.js';
import { checkStepDate } from '../enrolment/participant-dates.js';
import { AppError } from '../errors/app-error.js';
import { audited } from '../store/audited-tx.js';
import { insertConsent, latestConsents, requiredReconsentVersion } from '../store/consents.js';
import type { Db } from '../store/db.js';
import type { Actor } from './actor.js';
import { enrolmentErrors } from '../enrolment/errors.js';

/**
 * Record a participant's re-consent under the version the latest re-consent amendment requires,
 * signed on `signedOn` (not before their last consent, not after today). Refused when nothing is
 * to be signed again; a first consent is the step to "consented".
 */
export function recordReconsent(db: Db, who: Actor, p: Participant, signedOn: string): Promise<Consent> {
  return audited(db, { ...who, studyId: p.studyId }, async (w) => {
    const required = await requiredReconsentVersion(w.tx, p.studyId);
    const latest = (await latestConsents(w.tx, [p.id])).get(p.id) ?? null;
    if (!needsReconsent(p.status, latest, required)) {
      const why = latest === null ? `has not consented yet (status ${p.status}): record the step to "consented"` : `consented under ${latest.formVersion}, the version in force`;
      throw new AppError(enrolmentErrors.NO_RECONSENT_DUE, `Participant ${p.code} needs no re-consent: they ${why}.`, 'signedOn');
    }
    checkStepDate({ ...p, statusOn: null }, signedOn, isoDay(who.at), 'signedOn');
    if (latest !== null && signedOn < latest.signedOn) {
      throw new AppError(
        enrolmentErrors.DATE_OUT_OF_ORDER,
        `Field "signedOn" (${signedOn}) is before ${latest.signedOn}, when participant ${p.code} last consented (under ${latest.formVersion}).`,
        'signedOn',
      );
    }
    const consent = { formVersion: required as string, signedOn };
    await insertConsent(w, p.id, consent);
    return consent;
  });
}
