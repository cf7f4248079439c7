import type { UnitConversion } from './units.js';

/**
 * The fact dictionary: every patient fact a criterion may use, with its type, canonical unit and
 * accepted units. Values are converted to the canonical unit when they are read, never later.
 *
 * Types: `number` (with a unit), `boolean`, `code` (one of `values`), `codes` (a set of codes; a
 * given list is taken as complete, `none` is the empty list), `date` (an ISO date, or `never` for an
 * event that never happened). Two families of facts are named by a prefix: attestations
 * (`attested.<criterion id>`, see attestationFactName) and the date of the latest occurrence of a
 * diagnosis or treatment code (`last.<code>`, see lastOccurrenceFactName).
 */
export type FactType = 'number' | 'boolean' | 'code' | 'codes' | 'date';

export interface FactDefinition {
  readonly name: string;
  readonly type: FactType;
  /** Canonical unit of a number fact ('' for a dimensionless score). */
  readonly unit?: string;
  /** Units a value may carry, each converting to the canonical unit. */
  readonly units?: readonly UnitConversion[];
  /**
   * Why a threshold written without a unit is unambiguous for this fact (a score, or a quantity with
   * one unit by definition). Absent: a number without its unit stays attested, never defaulted.
   */
  readonly unitImplied?: string;
  /** Allowed values of a `code` fact; absent, any code, as the criteria name them (study_group). */
  readonly values?: readonly string[];
  readonly description: string;
}

/** The date of an event (`never` if it never happened). */
export const eventFact = (name: string, description: string): FactDefinition => ({ name, type: 'date', description });

/** A clinical score: no unit, so a threshold written without one is unambiguous. */
export const scoreFact = (name: string, description: string): FactDefinition => ({ name, type: 'number', unit: '', units: [], unitImplied: 'a score has no unit', description });
