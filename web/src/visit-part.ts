import type { ReactNode } from 'react';

/** What goes under a saved value's field (its data queries, the action to raise one), by field id and label; `value` as shown where the visit data do not hold it (a defined form's item). */
export type Aside = (field: string, label: string, value?: string) => ReactNode;

/** A form for one part of a visit (labs, immune panel), saved alongside the visit's other parts. */
export interface VisitPartProps<Saved> {
  readonly participantId: string;
  readonly visitId: string;
  /** The visit's saved date, or today for a visit not saved yet. */
  readonly date: string;
  readonly saved: Saved;
  readonly onSaved: () => void;
  readonly aside?: Aside | undefined;
}
