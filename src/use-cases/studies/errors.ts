/** Error codes of a study's life cycle: design, activation, amendments (see src/server/errors.ts). */
export const studyLifecycleErrorCodes = {
  StudyNotDesign: 'The study is live already: it cannot be activated again, and its protocol changes only by amendment.',
  StudyNotLive: 'The study is still a design: activate it before participants are registered or randomized.',
  ActivationRefused: "A start-up check of the study's randomization and masking failed; the message names the check.",
  AmendmentRefused: 'An amendment after the first randomization changes what may not change (arms, allocation ratio, masking); the message names the rule.',
  AmendmentMismatch: 'An amendment names another study, repeats the version in force, or has no change.',
} as const;
