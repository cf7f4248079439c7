import { AppError } from '../errors/app-error.js';
import { compileCriteria, missingFacts, UNKNOWN, type ReferenceDates } from './compile.js';
import { fails, overallStatus, type EligibilityStatus } from './evaluate.js';
import type { Criterion } from './expression.js';
import { findFact, isAttestationFact } from './facts.js';
import { readFact, type FactValue } from './patient-facts.js';
import { criteriaColumns, ID_COLUMN } from './columns.js';

/**
 * Bulk pre-screening, one row at a time (the caller streams the CSV): criteria are compiled once,
 * each row is read into facts and tested, and a sequential funnel is kept — each patient is counted
 * against the first criterion (in protocol order) that excludes them.
 */
export interface ScreenResult {
  readonly kind: 'result';
  /** 1-based data row (the header is not counted). */
  readonly row: number;
  readonly patientId: string;
  readonly status: EligibilityStatus;
  /** Criteria that exclude the patient, in order. */
  readonly failed: readonly string[];
  /** For an incomplete patient: the facts whose absence leaves a criterion unknown. */
  readonly missing: readonly string[];
}

export interface ScreenRowError {
  readonly kind: 'error';
  readonly row: number;
  readonly patientId: string;
  /** One message per bad cell, each naming the row and column. */
  readonly problems: readonly string[];
}

export interface FunnelStep {
  readonly id: string;
  readonly text: string;
  /** Patients this criterion removes among those that passed every earlier one. */
  readonly removed: number;
  readonly remaining: number;
}

export interface Funnel {
  readonly screened: number;
  readonly badRows: number;
  readonly steps: readonly FunnelStep[];
  readonly eligible: number;
  readonly incomplete: number;
  readonly ineligible: number;
}

export interface Screener {
  screenRow(cells: readonly string[], row: number): ScreenResult | ScreenRowError;
  funnel(): Funnel;
}

export function createScreener(criteria: readonly Criterion[], ref: ReferenceDates, header: readonly string[]): Screener {
  const compiled = compileCriteria(criteria, ref);
  const idIndex = header.indexOf(ID_COLUMN);
  if (idIndex < 0) throw new AppError('MissingColumn', `The CSV header has no "${ID_COLUMN}" column.`, 422, ID_COLUMN);
  const unknown = header.filter((h, i) => i !== idIndex && !findFact(h) && !isAttestationFact(h));
  if (unknown.length > 0) {
    throw new AppError('UnknownColumn', `The CSV header names column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} that no fact has (see --columns).`, 422, unknown[0]);
  }
  // Weight first: a per-kg value in another column needs it.
  // Only the columns the criteria read are parsed; other known facts are allowed and ignored.
  const needed = new Set(criteriaColumns(criteria).map((c) => c.name));
  const order = header.map((name, i) => ({ name, i })).filter(({ name, i }) => i !== idIndex && needed.has(name));
  order.sort((a, b) => Number(b.name === 'weight') - Number(a.name === 'weight'));

  const removed = new Array<number>(compiled.length).fill(0);
  const counts = { screened: 0, badRows: 0, eligible: 0, incomplete: 0, ineligible: 0 };

  const screenRow = (cells: readonly string[], row: number): ScreenResult | ScreenRowError => {
    const patientId = cells[idIndex] ?? '';
    const facts: Record<string, FactValue | undefined> = {};
    let problems: string[] | undefined;
    for (const { name, i } of order) {
      try {
        const w = facts.weight;
        facts[name] = readFact(name, cells[i], `row ${row}, column "${name}"`, typeof w === 'number' ? w : undefined);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        (problems ??= []).push(e.message);
      }
    }
    if (problems) {
      counts.badRows += 1;
      return { kind: 'error', row, patientId, problems };
    }
    counts.screened += 1;
    let failed: string[] | undefined;
    let anyUnknown = false;
    for (let k = 0; k < compiled.length; k++) {
      const c = compiled[k]!;
      const truth = c.root.test(facts);
      if (fails(c.criterion.side, truth)) {
        if (!failed) removed[k]! += 1;
        (failed ??= []).push(c.criterion.id);
      } else if (truth === UNKNOWN) anyUnknown = true;
    }
    const status = overallStatus(failed !== undefined, anyUnknown);
    counts[status] += 1;
    const missing = status === 'incomplete' ? [...new Set(compiled.flatMap((c) => missingFacts(c.root, facts)))] : [];
    return { kind: 'result', row, patientId, status, failed: failed ?? [], missing };
  };

  const funnel = (): Funnel => {
    let remaining = counts.screened;
    const steps = compiled.map((c, k) => {
      remaining -= removed[k]!;
      return { id: c.criterion.id, text: c.criterion.text, removed: removed[k]!, remaining };
    });
    return { ...counts, steps };
  };

  return { screenRow, funnel };
}
