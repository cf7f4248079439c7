import { z } from 'zod';
import { formDefinitionSchema } from '../forms/definition.js';
import { isoDate } from './common.js';
import { dataQuery } from './queries.js';

/** Forms defined as data, and a participant's values of one at a visit (the request body sits with its route for now). */

const entry = z.looseObject({ path: z.string() });

export const formDefinitions = z.array(formDefinitionSchema);

/** `form` is what new values are entered under; `saved.form` the version the saved values were entered with (an amendment may have changed the form since). */
export const formValues = z.object({
  visitId: z.string(),
  form: formDefinitionSchema,
  /** False when the visit no longer lists the form but holds values of it. */
  due: z.boolean(),
  saved: z.object({ date: isoDate, formVersion: z.string(), form: formDefinitionSchema, values: z.record(z.string(), z.unknown()), entries: z.array(entry) }).nullable(),
});

export const savedFormValues = z.object({
  visitId: z.string(),
  formId: z.string(),
  formVersion: z.string(),
  date: isoDate,
  entries: z.array(entry),
  ignored: z.array(z.string()),
  /** The data queries opened for soft-range values confirmed at entry. */
  queries: z.array(dataQuery),
  /** Ids of the adverse events the form's CTCAE-graded lab results proposed (new, regraded or proposed again), for the investigator to confirm. */
  proposedAdverseEvents: z.array(z.string()),
  /** Ids of proposed adverse events the saved values no longer support (a lab value corrected or removed). */
  withdrawnAdverseEvents: z.array(z.string()),
});

/** Request. */
export const formValuesBody = z.object({
  date: z.iso.date(),
  /** Item id → value; a repeating group's id → its rows. Checked against the form's definition. */
  values: z.record(z.string(), z.unknown()),
  /** Value path (`serum`, `meds[0].dose`) → why a value outside its expected range is right. */
  confirmations: z.record(z.string(), z.string().trim().min(1).max(2000)).default({}),
  /** Reason for change, required when a saved value changes. */
  reason: z.string().trim().min(1).optional(),
});
