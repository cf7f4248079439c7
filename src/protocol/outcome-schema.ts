import { z } from 'zod';
import { covarianceStructures } from '../analysis/models/covariance-structures.js';
import { dfMethods } from '../analysis/models/small-sample-df.js';
import { slugSchema as slug } from './slug.js';

/** A protocol's outcomes, each with the estimand it targets. */
/** ICH E9(R1) §A.3.4 strategies for handling intercurrent events. */
export const intercurrentStrategies = ['treatment-policy', 'composite', 'hypothetical', 'while-on-treatment', 'principal-stratum'] as const;

/** The estimand an outcome targets, with the four attributes of ICH E9(R1) §A.3.2 (the treatment is the arms). */
export const estimandSchema = z.object({
  population: z.string().min(1),
  variable: z.string().min(1),
  intercurrentEvents: z.array(z.object({ event: z.string().min(1), strategy: z.enum(intercurrentStrategies), handling: z.string().min(1) })).min(1),
  summaryMeasure: z.string().min(1),
});
export type Estimand = z.infer<typeof estimandSchema>;

/** Responder definitions the analysis computes (src/analysis/endpoints/responder-definitions.ts). */
export const responderDefinitions = ['sri-4', 'essdai-improvement-3'] as const;

export const outcomeSchema = z.object({
  id: slug,
  kind: z.enum(['primary', 'secondary']),
  measure: z.string().min(1),
  timeFrame: z.string().min(1),
  /** Instrument or panel id the outcome is computed from, when there is one. */
  instrument: z.string().optional(),
  /** Visit ids at which the outcome is assessed. */
  visits: z.array(slug).default([]),
  description: z.string().optional(),
  /**
   * The SAP's MMRM for this outcome: the covariance first tried (falling back US → Toeplitz →
   * AR(1) → CS when a fit does not converge) and the denominator df; Kenward–Roger when absent.
   */
  mmrm: z.object({ covariance: z.enum(covarianceStructures).optional(), df: z.enum(dfMethods).optional() }).optional(),
  /** A responder end point judged at each of `visits` against the outcome's first visit. */
  responder: z.object({ definition: z.enum(responderDefinitions), visits: z.array(slug).min(1) }).optional(),
  estimand: estimandSchema.optional(),
  /** An ordinal scale (the mRS): analysed by ranks, as a shift and as the proportion improved, never by means. */
  ordinal: z.boolean().optional(),
  /** Compare the slope after `knotVisit` (end of administration) with the slope before it (piecewise-linear model). */
  slope: z.object({ knotVisit: slug }).optional(),
});
export type Outcome = z.infer<typeof outcomeSchema>;
