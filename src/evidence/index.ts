export { publishedTrials } from './published-trials.js';
export { unpublishedTrials } from './unpublished-trials.js';
export { references } from './references.js';
export { reportedEffects, type ArmCount, type ReportedEffect } from './reported-effects.js';
export { findReportedEffect, sampleSizeFromEffect, type SampleSize, type SampleSizeOptions } from './sample-size.js';
export { byDisease, matchesDisease, byDose, noMatch, parseDoseRange, queryEvidence, type EvidenceRows } from './query.js';
export type * from './types.js';
