import { AppError } from '../errors/app-error.js';
import { publishedTrials } from './published-trials.js';
import type { DiseaseNames, PublishedTrial, UnpublishedTrial } from './types.js';
import { unpublishedTrials } from './unpublished-trials.js';

export interface EvidenceRows {
  readonly published: readonly PublishedTrial[];
  readonly unpublished: readonly UnpublishedTrial[];
}

/** "Sjögren’s" → "sjogrens", "DM/PM" → "dm pm": case, accents, apostrophes and punctuation ignored. */
const normalise = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Below this length a query is an abbreviation and must match a name whole: "AS" is not in "vasculitis".
const MIN_PARTIAL = 4;

function matches(row: DiseaseNames, query: string): boolean {
  const q = normalise(query);
  if (q === '') return false;
  const names = [row.disease, ...row.aliases].map(normalise);
  return names.some((n) => n === q || (q.length >= MIN_PARTIAL && n.includes(q)));
}

/** Rows of both tables for a disease, by abbreviation (SLE, SS, AS…) or name ("lupus", "Sjögren"). */
export function byDisease(name: string): EvidenceRows {
  return {
    published: publishedTrials.filter((r) => matches(r, name)),
    unpublished: unpublishedTrials.filter((r) => matches(r, name)),
  };
}

/**
 * Published trials with at least one daily dose in [min, max] million IU (bounds inclusive, either
 * may be left out). Per-m² doses are compared by their number, as the table gives them.
 */
export function byDose(range: { readonly min?: number; readonly max?: number }): readonly PublishedTrial[] {
  const min = range.min ?? 0;
  const max = range.max ?? Number.POSITIVE_INFINITY;
  if (!(min >= 0) || !(max >= min)) {
    throw new AppError('InvalidDoseRange', `The dose range min ${String(range.min)} to max ${String(range.max)} must be non-negative numbers with min ≤ max.`, 400, 'dose');
  }
  return publishedTrials.filter((r) => r.dailyDoses.some((d) => d.amount >= min && d.amount <= max));
}
