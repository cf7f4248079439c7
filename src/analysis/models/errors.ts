/** Error codes of the model fits (ANCOVA, mixed models, MMRM, piecewise, simulated power). */
export const modelErrorCodes = {
  ModelColumnMissing: 'A column the model needs is absent from the data.',
  ModelValueNotNumeric: 'A cell that must hold a number holds something else.',
  ModelTooFewGroups: 'The arm (group) column needs at least two distinct arms for this model.',
  ModelSingularDesign: 'The fixed-effects design matrix is not of full column rank (a term cannot be estimated).',
  ModelTooFewObservations: 'There are not more observations than fixed-effect parameters.',
  ModelDuplicateVisit: 'A participant has two rows for the same visit.',
  ModelNotConverged: 'The REML optimiser did not converge (with any covariance structure tried, for the MMRM).',
  ModelDfNotEstimable: 'Kenward–Roger or Satterthwaite df cannot be computed: the information matrix of the variance parameters is singular.',
  ModelBadOption: 'A model option is out of range (for example a negative number of simulation runs).',
} as const;

export type ModelErrorCode = keyof typeof modelErrorCodes;
