import type { EndpointTest } from '../../../analysis/endpoints/endpoint-test.js';
import { tInterval } from '../../../analysis/stats/t-interval.js';

/**
 * An outcome's tests as the statistical analyses of a ClinicalTrials.gov API v2 outcome measure
 * (outcomeMeasures[].analyses[]: groupIds, groupDescription, statisticalMethod, pValue, paramType,
 * paramValue, dispersionType, dispersionValue, ciPctValue, ciNumSides, ciLowerLimit, ciUpperLimit,
 * estimateComment: the fields the registry's own records use, https://clinicaltrials.gov/data-api/about-api/study-data-structure).
 * paramType is one of the PRS "Estimation Parameter" values (Mean Difference (Final Values), Mean
 * Difference (Net), Slope, …); statisticalMethod names the test as R does, or the PRS "Mixed Models Analysis".
 */
type Json = Record<string, unknown>;

export const fmt = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? 'NA' : String(Math.round(x * 100) / 100));
/** A p-value as registry records write it: three decimals, "<0.001" below. */
const fmtP = (p: number): string => (!Number.isFinite(p) ? 'NA' : p < 0.001 ? '<0.001' : p.toFixed(3));

/** The interval fields, two-sided at `level` (0.95 → "95"). */
const interval = (lower: number, upper: number, level = 0.95): Json => ({
  ciPctValue: String(Math.round(level * 1000) / 10),
  ciNumSides: 'TWO_SIDED',
  ciLowerLimit: fmt(lower),
  ciUpperLimit: fmt(upper),
});
/** A Wald interval on the t distribution, for a contrast that carries estimate, SE and df only. */
const contrastInterval = (c: { estimate: number; se: number; df: number }): Json => {
  const { lower, upper } = tInterval(c.estimate, c.se, c.df);
  return interval(lower, upper, 0.95);
};

/**
 * The analyses of one measure: the between-arm tests (Welch, Fisher, chi-square, risk difference,
 * ANCOVA, MMRM at each visit), and for a slope outcome the change of slope, in the units the test
 * names (points per month), from the piecewise mixed model and the per-patient-slope sensitivity
 * analysis. Each with its interval where the test has one. Tests that could not run are left out.
 */
export function resultsAnalyses(tests: readonly EndpointTest[], groupIds: readonly string[]): Json[] {
  const ids = [...groupIds];
  return tests.flatMap((t): Json[] => {
    switch (t.kind) {
      case 'welch':
      case 'fisher':
      case 'chi-square':
      case 'risk-difference': {
        const r = t.result;
        return [
          {
            groupIds: ids,
            statisticalMethod: r.method,
            pValue: fmtP(r.pValue),
            ...(r.estimate !== null ? { paramType: r.estimateName ?? 'Estimate', paramValue: fmt(r.estimate) } : {}),
            ...(r.ci && r.confLevel ? interval(r.ci[0], r.ci[1], r.confLevel) : {}),
            estimateComment: t.contrast,
          },
        ];
      }
      case 'ancova':
        return t.contrasts.map((c) => ({
          groupIds: ids,
          statisticalMethod: 'ANCOVA',
          pValue: fmtP(c.pValue),
          paramType: 'Mean Difference (Final Values)',
          paramValue: fmt(c.estimate),
          ...interval(c.lower, c.upper),
          estimateComment: c.term,
        }));
      case 'mmrm':
        return t.contrasts.map((c) => ({
          groupIds: ids,
          groupDescription: `Mixed model for repeated measures of the change from baseline (arm, visit, arm by visit, baseline), REML, ${t.covariance.used} covariance over visits${t.covariance.used === t.covariance.requested ? '' : ` (${t.covariance.requested} did not converge)`}, ${t.df} degrees of freedom.`,
          statisticalMethod: 'Mixed Models Analysis',
          pValue: fmtP(c.pValue),
          paramType: 'Mean Difference (Net)',
          paramValue: fmt(c.estimate),
          dispersionType: 'STANDARD_ERROR_OF_MEAN',
          dispersionValue: fmt(c.se),
          // The LS-mean difference's interval at the fit's level (95 %), on the same df as its test.
          ...interval(c.lower, c.upper),
          estimateComment: c.visit ? `${c.term} at ${c.visit}` : c.term,
        }));
      case 'piecewise':
        return t.contrasts.map((c) => ({
          groupIds: ids,
          groupDescription: `Piecewise-linear mixed model (value ~ t1 + t2, random intercept per participant, REML), knot at week ${t.knotWeek} (end of administration); Kenward-Roger standard error and degrees of freedom. A month is ${t.daysPerMonth} days.`,
          statisticalMethod: 'Mixed Models Analysis',
          pValue: fmtP(c.pValue),
          paramType: 'Slope',
          paramValue: fmt(c.estimate),
          dispersionType: 'STANDARD_ERROR_OF_MEAN',
          dispersionValue: fmt(c.se),
          ...contrastInterval(c),
          estimateComment: `${c.term}, ${t.unit}`,
        }));
      case 'per-patient-slopes': {
        const r = t.result;
        return [
          {
            groupIds: ids,
            groupDescription: `Sensitivity analysis: each participant's slope over each period, for the ${t.n} with the first visit, the end of administration and a later visit (${t.excluded} left out).`,
            statisticalMethod: r.method,
            pValue: fmtP(r.pValue),
            paramType: 'Slope',
            paramValue: fmt(r.estimate),
            ...(r.ci && r.confLevel ? interval(r.ci[0], r.ci[1], r.confLevel) : {}),
            estimateComment: `per-patient slope during follow-up minus slope during administration, ${t.unit}`,
          },
        ];
      }
      default:
        return [];
    }
  });
}
