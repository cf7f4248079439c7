import type { InstrumentScore, LabAnalyte, LabGrading, LabUnit, PanelInput } from '../instruments/index.js';

export type ObservationKind = 'item' | 'score' | 'lab' | 'immune-panel' | 'vital' | 'other';

/** One value of a visit form as it is stored: an item, a score, a lab result, an immune panel value. */
export interface ObservationEntry {
  readonly kind: ObservationKind;
  readonly key: string;
  readonly value: number | string;
  readonly unit?: string | undefined;
  /** Labs: the worst CTCAE grade and the term it was graded under. */
  readonly grade?: number | undefined;
  readonly gradeTerm?: string | undefined;
  /** A defined form's value: the form and the version it was entered under. */
  readonly form?: { readonly id: string; readonly version: string } | undefined;
}

/** A visit form ready to store: the visit, its date and every value. */
export interface VisitForm {
  readonly visitId: string;
  readonly date: string;
  readonly observations: readonly ObservationEntry[];
}

export interface LabEntry {
  readonly analyte: LabAnalyte;
  readonly value: number;
  readonly unit: LabUnit;
}

/** What a visit form sends: instrument items by instrument, labs, the immune panel. */
export interface VisitObservationsInput {
  readonly date: string;
  readonly values: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly labs?: readonly LabEntry[] | undefined;
  readonly panel?: PanelInput | undefined;
}

export interface StoredLab extends LabEntry {
  /** Worst CTCAE v5.0 grade over the analyte's terms; null when it could not be graded. */
  readonly grade: number | null;
  readonly term: string | null;
}

/** One visit's saved data. */
export interface VisitData {
  readonly visitId: string;
  readonly date: string;
  readonly values: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly labs: readonly StoredLab[];
  readonly panel: PanelInput | null;
}

export interface SavedVisit {
  readonly visitId: string;
  readonly date: string;
  readonly scores: readonly InstrumentScore[];
  readonly labs: readonly (LabEntry & { readonly gradings: readonly LabGrading[] })[];
  /** Ids of the adverse events proposed by graded labs (this visit's, or another's regraded), for the investigator to confirm or dismiss. */
  readonly proposedAdverseEvents: readonly string[];
  /** Ids of proposed adverse events a regrade withdrew (a baseline entered or corrected). */
  readonly withdrawnAdverseEvents: readonly string[];
}
