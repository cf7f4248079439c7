import { AppError } from '../errors/app-error.js';
import { checkDefinition } from './check-definition.js';
import { formObjectSchema, type FormDefinition } from './form-schema.js';
import { formsErrors } from './errors.js';

export * from './form-schema.js';

/** `items[2].choices[0].code` from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** A form definition with every check: fields, and the checks across them (ids, expressions, cycles). */
export const formDefinitionSchema = formObjectSchema.superRefine((form, ctx) => {
  for (const issue of checkDefinition(form)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export interface FormDefinitionIssue {
  readonly path: string;
  readonly message: string;
}

/** Every problem of a form definition, each with its path; empty when it is valid. */
export function formDefinitionIssues(input: unknown): FormDefinitionIssue[] {
  const r = formDefinitionSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: formatPath(i.path) || '(form)', message: i.message }));
}

/** Validate a form definition (applying defaults); throws `FORM_DEFINITION_INVALID` naming the first bad field. */
export function parseFormDefinition(input: unknown): FormDefinition {
  const r = formDefinitionSchema.safeParse(input);
  if (r.success) return r.data;
  const issues = formDefinitionIssues(input);
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw Object.assign(new AppError(formsErrors.DEFINITION_INVALID, `Form definition ${first.path}: ${first.message}${more}.`, first.path), { issues });
}
