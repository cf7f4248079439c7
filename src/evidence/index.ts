export { publishedTrials } from './published-trials.js';
export { unpublishedTrials } from './unpublished-trials.js';
export { references } from './references.js';
export { byDisease, byDose, noMatch, parseDoseRange, queryEvidence, type EvidenceRows } from './query.js';
export type * from './types.js';
