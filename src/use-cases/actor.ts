import type { WriteContext } from '../store/audited-tx.js';

/** Who does a trial action and when (the adapter's clock); the study comes from what the action is on. */
export type Actor = Omit<WriteContext, 'studyId' | 'lockWrite'>;
