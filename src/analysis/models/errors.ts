import { defineErrors } from '../../errors/define-errors.js';

/** Error codes of the model fits (ANCOVA, mixed models, MMRM, piecewise, simulated power). */
export const modelErrors = defineErrors('MODEL', {
  COLUMN_MISSING: { status: 400, doc: 'A column the model needs is absent from the data.' },
  VALUE_NOT_NUMERIC: { status: 400, doc: 'A cell that must hold a number holds something else.' },
  TOO_FEW_GROUPS: { status: 422, doc: 'The arm (group) column needs at least two distinct arms for this model.' },
  SINGULAR_DESIGN: { status: 422, doc: 'The fixed-effects design matrix is not of full column rank (a term cannot be estimated).' },
  TOO_FEW_OBSERVATIONS: { status: 422, doc: 'There are not more observations than fixed-effect parameters.' },
  DUPLICATE_VISIT: { status: 400, doc: 'A participant has two rows for the same visit.' },
  NOT_CONVERGED: { status: 422, doc: 'The REML optimiser did not converge (with any covariance structure tried, for the MMRM).' },
  DF_NOT_ESTIMABLE: { status: 422, doc: 'Kenward–Roger or Satterthwaite df cannot be computed: the information matrix of the variance parameters is singular.' },
  BAD_OPTION: { status: 400, doc: 'A model option is out of range (for example a negative number of simulation runs).' },
});
