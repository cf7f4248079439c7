import { z } from 'zod';
import { isoDate } from './common.js';

/** A patient's FHIR R4 Bundle read as screening facts (src/server/routes/fhir-prescreen.ts). */

/** POST /api/participants/:id/screening/fhir-facts: the Bundle JSON as exported from the EHR. */
export const fhirFactsBody = z.strictObject({
  /** A FHIR R4 Bundle of one patient (Patient, Observation, Condition, MedicationStatement); its shape is checked by the reader, which names the entry. */
  bundle: z.unknown().refine((b) => b !== undefined, 'bundle is the FHIR R4 Bundle of the patient, as JSON'),
  /** The screening date the age is counted on; without it, the Bundle's timestamp day. */
  referenceDate: isoDate.optional(),
});
export type FhirFactsBody = z.input<typeof fhirFactsBody>;

export const unmappedFhirEntry = z.object({
  /** Where in the Bundle, e.g. entry[3].resource.code. */
  path: z.string(),
  reason: z.string(),
});

/** The facts to put in the screening form (fact name → value text), never saved by this call. */
export const fhirFacts = z.object({
  facts: z.record(z.string(), z.string()),
  referenceDate: isoDate.optional(),
  unmapped: z.array(unmappedFhirEntry),
});
export type FhirFacts = z.infer<typeof fhirFacts>;
