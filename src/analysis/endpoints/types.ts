import type { Protocol } from '../../protocol/schema.js';

/** One participant as the analysis needs it (dates ISO yyyy-mm-dd). */
export interface AnalysisParticipant {
  readonly id: string;
  readonly code: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
  readonly status: 'screening' | 'eligible' | 'ineligible' | 'consented' | 'enrolled' | 'randomized' | 'on-treatment' | 'completed' | 'withdrawn';
  readonly statusReason: string | null;
  readonly armId: string | null;
  readonly enrolledOn: string | null;
  readonly startDate: string | null;
  /** Doses of the participant's calendar due on or before the data cut-off. */
  readonly dosesScheduled: number;
  readonly dosesGiven: number;
}

/**
 * One numeric value at a visit: an instrument's total score (`key` = instrument), an instrument item
 * (`key` = instrument.item; the responder definitions read some) or an immune subset (`key` = subset id).
 */
export interface AnalysisObservation {
  readonly participantId: string;
  readonly visitId: string;
  readonly kind: 'score' | 'item' | 'immune-panel';
  readonly key: string;
  readonly value: number;
}

export interface AnalysisAdverseEvent {
  readonly participantId: string;
  readonly term: string;
  readonly grade: number;
  readonly serious: boolean;
}

export interface AnalysisData {
  readonly protocol: Protocol;
  readonly participants: readonly AnalysisParticipant[];
  readonly observations: readonly AnalysisObservation[];
  /** Confirmed adverse events only. */
  readonly adverseEvents: readonly AnalysisAdverseEvent[];
}

/** What the viewer may see: pooled summaries only, or summaries and comparisons by arm. */
export type AnalysisView = { readonly kind: 'pooled' } | { readonly kind: 'by-arm' };

export interface Summary {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly median: number | null;
}
