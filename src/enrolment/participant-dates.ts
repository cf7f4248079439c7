import { ageOn } from '../dates/age-on.js';
import { AppError } from '../errors/app-error.js';
import type { Participant } from './participant.js';
import { enrolmentErrors } from './errors.js';

/** No participant of a living trial was born before 1900; an earlier year is a typing error. */
const earliestBirthDate = '1900-01-01';

/** Refuse a birth date in the future or before 1900 (ISO dates compare as strings). */
export function checkBirthDate(birthDate: string, today: string): void {
  if (birthDate > today) throw new AppError(enrolmentErrors.IMPLAUSIBLE_BIRTH_DATE, `Field "birthDate" (${birthDate}) is in the future; today is ${today}.`, 'birthDate');
  if (birthDate < earliestBirthDate) throw new AppError(enrolmentErrors.IMPLAUSIBLE_BIRTH_DATE, `Field "birthDate" (${birthDate}) is before 1900; check the year.`, 'birthDate');
}

/**
 * Refuse a status date that goes backwards: before the participant's previous status date, before
 * their birth, or after today. `field` names the date in the request.
 */
export function checkStepDate(p: Participant, date: string, today: string, field = 'date'): void {
  const refuse = (why: string) => {
    throw new AppError(enrolmentErrors.DATE_OUT_OF_ORDER, `Field "${field}" (${date}) ${why} for participant ${p.code}.`, field);
  };
  if (date > today) refuse(`is after today (${today})`);
  if (date < p.birthDate) refuse(`is before the birth date ${p.birthDate}`);
  if (p.statusOn !== null && date < p.statusOn) refuse(`is before ${p.statusOn}, the date of the current status ${p.status}`);
}

/**
 * Refuse a screening whose age fact contradicts the registered birth date: the age in whole years
 * on the screening date must be the one stated. A stated age that is not a number is left to the
 * criteria (it fails or stays unknown there).
 */
export function checkStatedAge(p: Participant, stated: unknown, screenedOn: string): void {
  if (stated === undefined || stated === null || stated === '') return;
  const years = Number.parseFloat(String(stated));
  if (!Number.isFinite(years)) return;
  const age = ageOn(p.birthDate, screenedOn);
  if (Math.floor(years) !== age) {
    throw new AppError(
      enrolmentErrors.AGE_CONTRADICTS_BIRTH_DATE,
      `Fact "age" is ${years}, but participant ${p.code}, born ${p.birthDate}, is ${age} on ${screenedOn}: correct the age or the birth date.`,
      'facts.age',
    );
  }
}
