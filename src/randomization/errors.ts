/** Error codes of the randomization area (allocation schemes, lists, kits, masking, simulation). */
export const randomizationErrorCodes = {
  InvalidRandomizationScheme: 'The protocol\'s randomization scheme or its parameters are invalid for its arms, sites or factors.',
  NotRandomized: 'The protocol has no randomization scheme (single-arm or non-randomized study).',
  MissingFactor: 'A participant lacks a value for a stratification or minimization factor.',
  UnknownFactorLevel: 'A participant\'s factor value is not one of the levels the scheme declares.',
  NotAListScheme: 'The scheme allocates adaptively (minimization), so no allocation list exists in advance.',
  InvalidSeed: 'The concealment seed is not 32 bytes.',
  UnknownArm: 'The arm id is not one of the protocol\'s arms.',
  KitsExhausted: 'Every kit of an arm\'s pool has been dispensed.',
  InvalidKitPool: 'The kit pool size is not a positive multiple of the allocation ratio sum.',
  InconsistentTrialConfiguration: 'A study\'s randomization or masking configuration is inconsistent, so the server refuses to start.',
  InvalidSimulation: 'A simulation parameter (participants, runs) is out of range.',
} as const;

export type RandomizationErrorCode = keyof typeof randomizationErrorCodes;
