import { defineErrors } from '../errors/define-errors.js';

/** Error codes of randomizing, dispensing and emergency unblinding in the store and API. */
export const randomizationStoreErrors = defineErrors('RANDOMIZATION', {
  ALREADY_RANDOMIZED: { status: 409, doc: 'The participant already has an allocation; a randomization is never repeated.' },
  NOT_ENROLLED: { status: 409, doc: 'Only an enrolled participant can be randomized.' },
  NOT_YET_RANDOMIZED: { status: 409, doc: 'The participant has no allocation yet, so there is no kit to dispense or code to break.' },
  WRONG_KIT: { status: 409, doc: 'The kit number is not the kit allocated to the participant.' },
  SEQUENCE_ELSEWHERE: {
    status: 409,
    doc: 'The study holds allocations imported from another database (ODM), whose allocation list and its state stayed there; drawing here would reuse their slots, so randomize in the source database.',
  },
  ALREADY_DISPENSED: { status: 409, doc: "The participant's kit was already dispensed." },
});
