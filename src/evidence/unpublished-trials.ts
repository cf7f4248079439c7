import type { UnpublishedTrial } from './types.js';

/** Table 2 of the review (seed 004): completed but unpublished trials, row by row. */
export const unpublishedTrials: readonly UnpublishedTrial[] = [
  { disease: 'RA', aliases: ['rheumatoid arthritis'], year: 2016, type: 'single-center', number: 47, country: 'China' },
  { disease: 'SS', aliases: ["primary Sjögren's syndrome", "Sjögren's syndrome", 'pSS'], year: 2016, type: 'single-center', number: 60, country: 'China' },
  { disease: 'Multiple sclerosis', aliases: ['MS'], year: 2016, type: 'single-center', number: 30, country: 'France' },
  { disease: 'Hemolytic anemia', aliases: ['hemolytic anaemia', 'haemolytic anaemia'], year: 2017, type: 'single-center', number: 2, country: 'France' },
  { disease: 'CKD', aliases: ['chronic kidney disease'], year: 2016, type: 'single-center', number: 10, country: 'China' },
  { disease: 'SLE', aliases: ['systemic lupus erythematosus', 'lupus'], year: 2017, type: 'multi-center', number: 100, country: 'France etc.' },
  { disease: 'Amyotrophic lateral sclerosis', aliases: ['ALS'], year: 2015, type: 'single-center', number: 36, country: 'France' },
];
