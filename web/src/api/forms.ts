import type { z } from 'zod';
import type { formValues, formValuesBody, savedFormValues } from '../../../src/api/forms.js';
import { request } from '../api.js';

/**
 * A defined form at a visit, as GET …/forms/:formId answers (src/api/forms.ts): the form new values
 * are entered under, and what is saved with the version it was entered under (null: nothing yet).
 */
export type VisitFormValues = z.output<typeof formValues>;
export type SavedFormValues = z.output<typeof savedFormValues>;

export type FormSaveBody = z.input<typeof formValuesBody>;

const e = encodeURIComponent;
const url = (participantId: string, visitId: string, formId: string) => `/api/participants/${e(participantId)}/visits/${e(visitId)}/forms/${e(formId)}`;

export const formsApi = {
  visitForm: (participantId: string, visitId: string, formId: string) => request<VisitFormValues>('GET', url(participantId, visitId, formId)),
  saveVisitForm: (participantId: string, visitId: string, formId: string, body: FormSaveBody) => request<SavedFormValues>('POST', url(participantId, visitId, formId), body),
};
