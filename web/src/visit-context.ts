import type { CalendarVisit, VisitRow } from './api.js';
import type { Load } from './use-load.js';

/** What a visit page knows of its visit: the calendar entry, what is due, the participant's study and site. */
export interface VisitContext {
  readonly visit: CalendarVisit;
  readonly assessments: readonly string[];
  readonly allVisits: readonly CalendarVisit[];
  /** The participant's study and site (what the user's roles are checked against); null if the study is not known. */
  readonly scope: { readonly studyId: string; readonly siteId: string } | null;
}

/** What the visit's forms are given. */
export interface FormProps {
  readonly participantId: string;
  readonly context: VisitContext;
  readonly visits: Load<VisitRow[]>;
  readonly onSaved: () => void;
}
