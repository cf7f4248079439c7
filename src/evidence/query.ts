import { AppError } from '../errors/app-error.js';
import { publishedTrials } from './published-trials.js';
import type { DiseaseNames, PublishedTrial, UnpublishedTrial } from './types.js';
import { unpublishedTrials } from './unpublished-trials.js';
import { evidenceErrors } from './errors.js';

export interface EvidenceRows {
  readonly published: readonly PublishedTrial[];
  readonly unpublished: readonly UnpublishedTrial[];
}

/**
 * "Sjögren’s" → "sjogrens", "DM/PM" → "dm pm", "haemolytic anaemia" → "hemolytic anemia": case,
 * accents, apostrophes, punctuation and the British "ae" spelling ignored.
 */
const normalise = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’´]/g, '')
    .replace(/ae/g, 'e')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Below this length a query is an abbreviation and must match a name whole: "AS" is not in "vasculitis".
const MIN_PARTIAL = 4;

export function matchesDisease(row: DiseaseNames, query: string): boolean {
  const q = normalise(query);
  if (q === '') return false;
  const names = [row.disease, ...row.aliases].map(normalise);
  // A short query matches a whole name or its first word ("HCV" in "hcv induced vasculitis", not "as" in "such as ra"); a longer one any part.
  return names.some((n) => n === q || n.startsWith(`${q} `) || (q.length >= MIN_PARTIAL && n.includes(q)));
}

/** Rows of both tables for a disease, by abbreviation (SLE, SS, AS…) or name ("lupus", "Sjögren"). */
export function byDisease(name: string): EvidenceRows {
  return {
    published: publishedTrials.filter((r) => matchesDisease(r, name)),
    unpublished: unpublishedTrials.filter((r) => matchesDisease(r, name)),
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
    throw new AppError(evidenceErrors.INVALID_DOSE_RANGE, `The dose range min ${String(range.min)} to max ${String(range.max)} must be non-negative numbers with min ≤ max.`, 'dose');
  }
  return publishedTrials.filter((r) => r.dailyDoses.some((d) => d.amount >= min && d.amount <= max));
}

/** "1-3", "1–3", "2" (exactly 2), "1-" or "-3" (open ends), in million IU per day. */
export function parseDoseRange(text: string): { readonly min?: number; readonly max?: number } {
  const m = /^\s*(\d+(?:\.\d+)?)?\s*(?:([-–])\s*(\d+(?:\.\d+)?)?)?\s*$/.exec(text);
  if (!m || (m[1] === undefined && m[3] === undefined)) {
    throw new AppError(evidenceErrors.INVALID_DOSE_RANGE, `The dose range "${text}" is not a number or a range such as 1-3 (million IU per day).`, 'dose');
  }
  const min = m[1] === undefined ? undefined : Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === undefined ? undefined : Number(m[3]);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/**
 * Both tables filtered by disease (name or abbreviation) and by daily dose range; a dose range
 * leaves the unpublished table out, since it gives no doses.
 */
export function queryEvidence(q: { readonly disease?: string | undefined; readonly dose?: { readonly min?: number; readonly max?: number } | undefined }): EvidenceRows {
  const rows = q.disease === undefined ? { published: publishedTrials, unpublished: unpublishedTrials } : byDisease(q.disease);
  if (q.dose === undefined) return rows;
  const inRange = new Set(byDose(q.dose));
  return { published: rows.published.filter((r) => inRange.has(r)), unpublished: [] };
}

/** Whether a query found nothing, and the sentence that says so. */
export function noMatch(rows: EvidenceRows, q: { readonly disease?: string | undefined; readonly dose?: { readonly min?: number; readonly max?: number } | undefined }): string | null {
  if (rows.published.length + rows.unpublished.length > 0) return null;
  const what = [q.disease === undefined ? '' : `disease "${q.disease}"`, q.dose === undefined ? '' : `daily dose ${q.dose.min ?? 0}–${q.dose.max ?? '∞'} million IU`].filter((x) => x).join(' and ');
  return `No trials match ${what || 'the query'} in the review's tables.`;
}
