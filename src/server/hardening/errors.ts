import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of the HTTP hardening (the catalogue: src/errors/catalogue.ts). */
export const hardeningErrors = defineErrors('HTTP', {
  CROSS_ORIGIN_REFUSED: { status: 403, doc: 'A state-changing request came from another origin (its Origin or Referer names a different host); refused as cross-site request forgery.' },
  INVALID_CHARACTER: { status: 400, doc: 'A string in the request holds a NUL character or a lone UTF-16 surrogate, which no field may store; `path` names the field.' },
});
