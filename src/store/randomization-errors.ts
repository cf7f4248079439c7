/** Error codes of randomizing, dispensing and emergency unblinding in the store and API. */
export const randomizationStoreErrorCodes = {
  AlreadyRandomized: 'The participant already has an allocation; a randomization is never repeated.',
  NotEnrolled: 'Only an enrolled participant can be randomized.',
  NotYetRandomized: 'The participant has no allocation yet, so there is no kit to dispense or code to break.',
  WrongKit: 'The kit number is not the kit allocated to the participant.',
  AlreadyDispensed: 'The participant\'s kit was already dispensed.',
} as const;
