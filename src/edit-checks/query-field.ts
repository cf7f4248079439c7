import { AppError } from '../errors/app-error.js';
import { visitForm } from '../instruments/visit-forms/visit-forms.js';
import type { ProtocolForms } from '../forms/study-forms.js';
import type { Visit } from '../protocol/schema.js';
import { editCheckErrors } from './errors.js';

/** Participant-level fields a query may name when it names no visit. */
const participantFields = ['code', 'sex', 'birthDate', 'startDate', 'status'] as const;

/** A data query names a real item: of that visit's form (or its date), or of the participant when no visit is named. */
export function checkQueryField(visit: Visit | null, field: string, protocol: ProtocolForms = {}): void {
  const known: readonly string[] = visit === null ? participantFields : ['date', ...visitForm(visit, protocol).sections.flatMap((s) => s.fields.map((f) => f.id))];
  if (!known.includes(field)) {
    const where = visit === null ? 'the participant record' : `the form of visit ${visit.id}`;
    throw new AppError(editCheckErrors.UNKNOWN_QUERY_FIELD, `Field "field" names "${field.slice(0, 80)}", which is not an item of ${where}.`, 'field');
  }
}
