import { doseHoldDays, holdsOnDoseDays, type DatedAdverseEvent, type DoseHold } from '../instruments/index.js';
import { buildCalendar } from '../protocol/calendar/build-calendar.js';
import type { Protocol } from '../protocol/schema.js';
import type { AdverseEvent, Relatedness } from './adverse-event.js';

/** A lab result as the dose-hold rules read it. */
export interface DatedLab {
  readonly date: string;
  readonly analyte: string;
  readonly value: number;
  readonly unit: string;
}

/** What the dose-hold rules read of one participant: labs by date and confirmed adverse events. */
export interface DoseHoldInputs {
  readonly labs: readonly DatedLab[];
  readonly adverseEvents: readonly DatedAdverseEvent[];
}

/**
 * Confirmed events as the dose-hold rules read them. "Related" is a reasonable possibility of a causal
 * relationship (ICH E2A): possible, probable or definite.
 */
export function datedAdverseEvents(events: readonly AdverseEvent[]): DatedAdverseEvent[] {
  const related: readonly (Relatedness | null)[] = ['possible', 'probable', 'definite'];
  return events
    .filter((e) => e.status === 'confirmed')
    .map((e) => ({
      term: e.term,
      grade: e.grade as DatedAdverseEvent['grade'],
      related: related.includes(e.relatedness),
      onsetDate: e.onsetDate,
      ...(e.endDate === null ? {} : { resolvedDate: e.endDate }),
    }));
}

/**
 * The holds the protocol's dose-hold rules put on the due doses, from the participant's labs and
 * confirmed adverse events. A dose already given stays given: the rules act on what is to come.
 */
export function ruleHolds(protocol: Protocol, armId: string, startDate: string, inputs: DoseHoldInputs, givenDays: ReadonlySet<number>, recordedHolds: readonly DoseHold[]): DoseHold[] {
  const rules = protocol.doseHoldRules ?? [];
  if (rules.length === 0) return [];
  const holdDays = doseHoldDays(rules, { start: startDate, lastDay: protocol.design.durationDays, labs: inputs.labs, adverseEvents: inputs.adverseEvents }).filter((h) => !givenDays.has(h.day));
  return holdsOnDoseDays(holdDays, (holds) =>
    buildCalendar(protocol, armId, startDate, { holds: [...recordedHolds, ...holds] })
      .doses.filter((d) => d.status === 'due')
      .map((d) => d.day),
  );
}
