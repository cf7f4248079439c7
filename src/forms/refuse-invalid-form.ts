import { AppError } from '../errors/app-error.js';
import type { FormDefinition } from './form-schema.js';
import { validateFilledForm, type Confirmations, type FormValidation, type FormValues } from './validate-form.js';
import { entryByCode } from '../errors/define-errors.js';
import { formsErrors } from './errors.js';

/**
 * The filled form checked, or an AppError for its first issue (400, at its path) with every issue
 * listed in `issues`, so nothing is written from a form with any problem.
 */
export function refuseInvalidForm(form: FormDefinition, values: FormValues, confirmations: Confirmations = {}, pathPrefix = ''): FormValidation {
  const result = validateFilledForm(form, values, confirmations);
  const [first] = result.issues;
  if (!first) return result;
  const more =
    result.issues.length > 1
      ? ` (and ${result.issues.length - 1} more: ${result.issues
          .slice(1)
          .map((i) => i.path)
          .join(', ')})`
      : '';
  const issues = result.issues.map((i) => ({ path: `${pathPrefix}${i.path}`, message: i.message }));
  throw Object.assign(new AppError(entryByCode(formsErrors, first.code), `${form.title}: ${first.message}${more}.`, `${pathPrefix}${first.path}`), { issues });
}
