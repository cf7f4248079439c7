import type { AdverseEvent } from '../api/types.js';

/** What saving a defined form answers that its status line reports (src/api/forms.ts savedFormValues). */
export interface FormSaveOutcome {
  readonly formVersion: string;
  readonly queries: readonly unknown[];
  readonly proposedAdverseEvents: readonly string[];
  readonly withdrawnAdverseEvents: readonly string[];
}

/** "CPK increased (grade 3)" for each id, in the answer's order; an id the list lacks is named by its id. */
function named(ids: readonly string[], events: readonly AdverseEvent[]): string {
  return ids
    .map((id) => {
      const ae = events.find((e) => e.id === id);
      return ae ? `${ae.term} (grade ${ae.grade})` : `event ${id}`;
    })
    .join(', ');
}

/**
 * The status line after a form is saved: the form and version, the data queries the confirmed values
 * opened, and the adverse events its graded lab results proposed for the investigator or withdrew.
 */
export function formSaveStatus(title: string, r: FormSaveOutcome, events: readonly AdverseEvent[]): string {
  const parts = [`Saved (${title}, version ${r.formVersion})`];
  if (r.queries.length) parts.push(`${r.queries.length} data quer${r.queries.length === 1 ? 'y' : 'ies'} opened for the confirmed values`);
  if (r.proposedAdverseEvents.length) parts.push(`adverse event proposed for the investigator to confirm: ${named(r.proposedAdverseEvents, events)}`);
  if (r.withdrawnAdverseEvents.length) parts.push(`proposed adverse event withdrawn: ${named(r.withdrawnAdverseEvents, events)}`);
  return `${parts.join('; ')}.`;
}
