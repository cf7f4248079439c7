import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of a study's sites (the catalogue: src/errors/catalogue.ts). */
export const siteErrors = defineErrors('SITE', {
  CLOSED: { status: 409, doc: 'The site is closed to recruitment: no participant is registered there and it cannot be closed again.' },
});
