import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the randomization area (allocation schemes, lists, kits, masking, simulation). */
export const randomizationErrors = defineErrors('RANDOMIZATION', {
  INVALID_RANDOMIZATION_SCHEME: { status: 422, doc: "The protocol's randomization scheme or its parameters are invalid for its arms, sites or factors." },
  NOT_RANDOMIZED: { status: 422, doc: 'The protocol has no randomization scheme (single-arm or non-randomized study).' },
  MISSING_FACTOR: { status: 422, doc: 'A participant lacks a value for a stratification or minimization factor.' },
  UNKNOWN_FACTOR_LEVEL: { status: 422, doc: "A participant's factor value is not one of the levels the scheme declares." },
  NOT_A_LIST_SCHEME: { status: 422, doc: 'The scheme allocates adaptively (minimization), so no allocation list exists in advance.' },
  INVALID_SEED: { status: 400, doc: 'The concealment seed is not 32 bytes.' },
  KITS_EXHAUSTED: { status: 409, doc: "Every kit of an arm's pool has been dispensed." },
  INVALID_KIT_POOL: { status: 422, doc: 'The kit pool size is not a positive multiple of the allocation ratio sum.' },
  INCONSISTENT_TRIAL_CONFIGURATION: { status: 500, doc: "A study's randomization or masking configuration is inconsistent, so the server refuses to start." },
  INVALID_SIMULATION: { status: 400, doc: 'A simulation parameter (participants, runs) is out of range.' },
});
