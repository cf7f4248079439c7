import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of a study's life cycle: design, activation, amendments (see src/server/errors.ts). */
export const studyLifecycleErrors = defineErrors('STUDY', {
  NOT_DESIGN: { status: 409, doc: 'The study is live already: it cannot be activated again, and its protocol changes only by amendment.' },
  NOT_LIVE: { status: 409, doc: 'The study is still a design: activate it before participants are registered or randomized.' },
  ACTIVATION_REFUSED: { status: 422, doc: "A start-up check of the study's randomization and masking failed; the message names the check." },
  AMENDMENT_REFUSED: { status: 409, doc: 'An amendment after the first randomization changes what may not change (arms, allocation ratio, masking); the message names the rule.' },
  AMENDMENT_MISMATCH: { status: 409, doc: 'An amendment names another study, repeats the version in force, or has no change.' },
});
