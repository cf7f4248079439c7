import { AppError } from '../errors/app-error.js';
import { safetyErrors } from './errors.js';

export const aeStatuses = ['proposed', 'confirmed', 'dismissed'] as const;
export const relatednessLevels = ['not-related', 'unlikely', 'possible', 'probable', 'definite'] as const;
/** ICH E2A seriousness criteria. */
export const seriousCriteria = ['death', 'life-threatening', 'hospitalisation', 'disability', 'congenital-anomaly', 'important-medical-event'] as const;
export const actionsTaken = ['none', 'dose-held', 'dose-reduced', 'withdrawn', 'not-applicable'] as const;
/** CDISC SDTM AEOUT outcomes, in words. */
export const aeOutcomes = ['recovered', 'recovering', 'not-recovered', 'recovered-with-sequelae', 'fatal', 'unknown'] as const;

/** The statuses a user sets, and `withdrawn`, which only a CTCAE regrade sets (store/lab-adverse-events.ts). */
export type AeStatus = (typeof aeStatuses)[number] | 'withdrawn';
export type Relatedness = (typeof relatednessLevels)[number];

export interface AdverseEvent {
  readonly id: string;
  readonly participantId: string;
  readonly status: AeStatus;
  readonly term: string;
  readonly onsetDate: string;
  readonly endDate: string | null;
  readonly grade: number;
  readonly serious: boolean;
  readonly seriousCriteria: readonly string[];
  readonly relatedness: Relatedness | null;
  readonly actionTaken: string | null;
  readonly outcome: string | null;
  readonly sourceObservationId: string | null;
}

/** The fields an adverse event is entered or corrected with (API names). */
export interface AdverseEventFields {
  readonly status?: AeStatus | undefined;
  readonly term?: string | undefined;
  readonly onsetDate?: string | undefined;
  readonly endDate?: string | null | undefined;
  readonly grade?: number | undefined;
  readonly serious?: boolean | undefined;
  readonly seriousCriteria?: readonly string[] | undefined;
  readonly relatedness?: Relatedness | undefined;
  readonly actionTaken?: string | undefined;
  readonly outcome?: string | undefined;
}

/** The event as it will be once `f` is written over `before` (a new event: `before` undefined). */
function withFields(before: AdverseEvent | undefined, f: AdverseEventFields): Pick<AdverseEvent, 'status' | 'grade' | 'serious' | 'seriousCriteria' | 'onsetDate' | 'endDate' | 'relatedness'> {
  return {
    status: f.status ?? before?.status ?? 'confirmed',
    grade: f.grade ?? before?.grade ?? 0,
    serious: f.serious ?? before?.serious ?? false,
    seriousCriteria: f.seriousCriteria ?? before?.seriousCriteria ?? [],
    onsetDate: f.onsetDate ?? before?.onsetDate ?? '',
    endDate: f.endDate === undefined ? (before?.endDate ?? null) : f.endDate,
    relatedness: f.relatedness ?? before?.relatedness ?? null,
  };
}

/** A serious event names its criteria, a non-serious one none; the end date is not before the onset. */
function checkConsistent(ae: ReturnType<typeof withFields>): void {
  if (ae.serious && ae.seriousCriteria.length === 0) {
    throw new AppError(safetyErrors.INCONSISTENT_ADVERSE_EVENT, 'Field "seriousCriteria" is invalid: a serious adverse event needs at least one seriousness criterion.', 'seriousCriteria');
  }
  if (!ae.serious && ae.seriousCriteria.length > 0) {
    throw new AppError(safetyErrors.INCONSISTENT_ADVERSE_EVENT, 'Field "seriousCriteria" is invalid: a non-serious adverse event has no seriousness criteria.', 'seriousCriteria');
  }
  // CTCAE v5.0: grade 5 is death related to the event; ICH E2A: an event that results in death is serious.
  if (ae.grade === 5 && ae.status !== 'dismissed' && !(ae.serious && ae.seriousCriteria.includes('death'))) {
    throw new AppError(safetyErrors.INCONSISTENT_ADVERSE_EVENT, 'Field "serious" is invalid: a grade 5 adverse event (death) must be serious with "death" among its seriousness criteria.', 'serious');
  }
  if (ae.endDate !== null && ae.endDate < ae.onsetDate) {
    throw new AppError(safetyErrors.INCONSISTENT_ADVERSE_EVENT, `Field "endDate" is invalid: ${ae.endDate} is before the onset date ${ae.onsetDate}.`, 'endDate');
  }
  if (ae.status === 'confirmed' && ae.relatedness === null) {
    throw new AppError(safetyErrors.INCONSISTENT_ADVERSE_EVENT, 'Field "relatedness" is invalid: a confirmed adverse event needs the relatedness to the study drug.', 'relatedness');
  }
}

/** Refuse fields that would leave the event inconsistent once written over `before` (a new event: undefined). */
export function checkAdverseEvent(before: AdverseEvent | undefined, f: AdverseEventFields): void {
  checkConsistent(withFields(before, f));
}
