import { z } from 'zod';
import { doseHoldRuleSchema } from '../instruments/dose-holds/rules.js';
import { randomizationSchemeSchema } from '../randomization/scheme.js';
import { doseUnits, regimenDoses, regimenSchema } from './regimen-schema.js';
import { expressionIssue } from '../eligibility/parse-expression.js';
import { formDefinitionSchema } from '../forms/definition.js';
import { outcomeSchema } from './outcome-schema.js';
import { slugSchema } from './slug.js';

export { slugSchema };
export { estimandSchema, intercurrentStrategies, outcomeSchema, responderDefinitions, type Estimand, type Outcome } from './outcome-schema.js';

/**
 * The protocol (study definition). One schema expresses every seed trial; it is validated at the
 * edges (protocol files, the API) and exported as JSON Schema for people who write protocol files.
 * Registry text is kept verbatim; whatever the software could not take from the record is stated in
 * `notes` rather than silently invented.
 */

const isoDate = z.iso.date();
const slug = slugSchema;

export const doseUnitSchema = z.enum(doseUnits);
export type DoseUnit = z.infer<typeof doseUnitSchema>;

export const routeSchema = z.enum(['subcutaneous', 'intravenous', 'oral', 'intramuscular']);
export type Route = z.infer<typeof routeSchema>;

export const maskedRoleSchema = z.enum(['participant', 'care-provider', 'investigator', 'outcomes-assessor']);
export type MaskedRole = z.infer<typeof maskedRoleSchema>;

export const maskingSchema = z
  .object({
    level: z.enum(['none', 'single', 'double', 'triple', 'quadruple']),
    /** Exactly who is masked, as the registry states it. */
    masked: z.array(maskedRoleSchema),
  })
  .refine((m) => m.level !== 'none' || m.masked.length === 0, {
    message: 'an open-label (masking level none) protocol cannot name masked roles',
    path: ['masked'],
  });
export type Masking = z.infer<typeof maskingSchema>;

export const noteSchema = z
  .object({
    /** `publication`: a fact taken from the trial's published report (cited in `source`), not from the record. */
    kind: z.enum(['assumption', 'discrepancy', 'not-in-record', 'publication']),
    /** The protocol field the note is about, as a dotted path. */
    field: z.string().min(1),
    text: z.string().min(1),
    /** The citation a `publication` note rests on. */
    source: z.string().min(1).optional(),
  })
  .refine((n) => n.kind !== 'publication' || n.source !== undefined, { message: 'a publication note needs its source (the citation)', path: ['source'] });
export type ProtocolNote = z.infer<typeof noteSchema>;

export const interventionSchema = z.object({
  id: slug,
  drug: z.string().min(1),
  otherNames: z.array(z.string()).default([]),
  placebo: z.boolean().default(false),
  route: routeSchema,
  regimen: regimenSchema,
  /** The record's own words for the intervention, verbatim. */
  verbatim: z.string().optional(),
});
export type Intervention = z.infer<typeof interventionSchema>;

export const armSchema = z.object({
  id: slug,
  label: z.string().min(1),
  type: z.enum(['experimental', 'active-comparator', 'placebo-comparator', 'no-intervention', 'other']),
  /** Share of the allocation ratio (1 and 1 for 1:1). */
  ratio: z.number().int().positive().default(1),
  interventions: z.array(interventionSchema).min(1, 'an arm needs at least one intervention'),
});
export type Arm = z.infer<typeof armSchema>;

export const assessmentSchema = z.string().min(1);

export const visitSchema = z.object({
  id: slug,
  name: z.string().min(1),
  /** Study day of the visit; day 1 is the first dose (start) date, day −1 the day before (no day 0, as in CDISC SDTM). */
  day: z
    .number()
    .int()
    .min(-365)
    .refine((d) => d !== 0, 'there is no study day 0: day 1 is the start date and day -1 the day before'),
  windowBefore: z.number().int().min(0).default(0),
  windowAfter: z.number().int().min(0).default(0),
  /** What is due at this visit: instrument ids (`essdai`, `sledai-2k`, …), `labs`, `immune-panel`, … */
  assessments: z.array(assessmentSchema).default([]),
});
export type Visit = z.infer<typeof visitSchema>;

export const criterionSchema = z.object({
  /** Stable id: `inc-1`, `exc-3`, … in record order. */
  id: z.string().regex(/^(inc|exc)-\d+$/, 'must look like inc-1 or exc-1'),
  text: z.string().min(1),
  /**
   * The designer's computable reading of `text` in the criteria language (src/eligibility/parse-expression.ts),
   * used for screening instead of the parser's; the text stays verbatim beside it.
   */
  expression: z
    .string()
    .min(1)
    .max(2000)
    .describe('the computable reading of text in the criteria language (e.g. age >= 18 years and not pregnant); screening uses it instead of the parse of text')
    .optional(),
});
export type CriterionText = z.infer<typeof criterionSchema>;

const ageSchema = z.object({ value: z.number().nonnegative(), unit: z.enum(['years', 'months']) });

export const eligibilitySchema = z.object({
  minAge: ageSchema.optional(),
  maxAge: ageSchema.optional(),
  sex: z.enum(['all', 'female', 'male']),
  healthyVolunteers: z.boolean(),
  inclusion: z.array(criterionSchema),
  exclusion: z.array(criterionSchema),
});
export type EligibilityText = z.infer<typeof eligibilitySchema>;

export const contactSchema = z.object({
  name: z.string().min(1),
  role: z.string().min(1),
  phone: z.string().optional(),
  email: z.string().optional(),
  affiliation: z.string().optional(),
});
export type Contact = z.infer<typeof contactSchema>;

const statusSchema = z.enum(['not-yet-recruiting', 'recruiting', 'active', 'completed', 'terminated', 'withdrawn', 'unknown']);

export const siteSchema = z.object({
  id: slug,
  name: z.string().min(1),
  city: z.string().optional(),
  region: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
  recruitmentStatus: statusSchema.optional(),
  contacts: z.array(contactSchema).default([]),
});
export type Site = z.infer<typeof siteSchema>;

const datedSchema = z.object({ date: isoDate, kind: z.enum(['actual', 'estimated']) });

export const protocolSchema = z
  .object({
    id: slug,
    version: z.string().min(1),
    identifiers: z.object({
      registryId: z.string().optional(),
      orgStudyId: z.string().optional(),
    }),
    title: z.string().min(1),
    officialTitle: z.string().optional(),
    phase: z.enum(['phase1', 'phase1/phase2', 'phase2', 'phase2/phase3', 'phase3', 'phase4', 'n/a']),
    conditions: z.array(z.string().min(1)).min(1),
    status: statusSchema,
    sponsor: z.string().optional(),
    dates: z.object({
      start: datedSchema.optional(),
      primaryCompletion: datedSchema.optional(),
      completion: datedSchema.optional(),
      firstPosted: isoDate.optional(),
      lastUpdatePosted: isoDate.optional(),
    }),
    enrolment: z.object({ target: z.number().int().positive(), kind: z.enum(['actual', 'estimated']) }),
    design: z.object({
      allocation: z.enum(['randomized', 'non-randomized', 'n/a']),
      interventionModel: z.enum(['parallel', 'single-group', 'crossover', 'factorial', 'sequential']),
      primaryPurpose: z.string().min(1),
      masking: maskingSchema,
      /** Last study day of the study (end of follow-up); visits and doses must fall within it. */
      durationDays: z.number().int().positive(),
      /** Randomization scheme and parameters (see src/randomization); absent for single-arm studies. */
      randomization: randomizationSchemeSchema.optional(),
    }),
    arms: z.array(armSchema).min(1, 'a protocol needs at least one arm'),
    visits: z.array(visitSchema).min(1, 'a protocol needs at least one visit'),
    eligibility: eligibilitySchema,
    outcomes: z.array(outcomeSchema),
    sites: z.array(siteSchema).min(1, 'a protocol needs at least one site'),
    contacts: z.array(contactSchema).default([]),
    /**
     * Assessments due at visits that il2trials has no form for (a scale recorded on paper, ROADS):
     * named here so that a misspelt instrument id is refused rather than mistaken for one.
     */
    recordedOutsideEcrf: z.array(slug).default([]),
    /** Rules that hold dosing (low lab values, related adverse events); applied to the dosing calendar. */
    doseHoldRules: z.array(doseHoldRuleSchema).optional(),
    /** The study's own forms (eCRFs in the form definition language); a visit names one by id in `assessments`. Versioned with the protocol. */
    forms: z.array(formDefinitionSchema).optional(),
    notes: z.array(noteSchema).default([]),
  })
  .superRefine((p, ctx) => {
    p.visits.forEach((v, i) => {
      if (v.day > p.design.durationDays) {
        ctx.addIssue({
          code: 'custom',
          path: ['visits', i, 'day'],
          message: `visit "${v.id}" on day ${v.day} is outside the study, which ends on day ${p.design.durationDays}`,
        });
      }
    });
    if (p.design.allocation === 'randomized' && p.arms.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['arms'], message: 'a randomized protocol needs at least two arms' });
    }
    const duplicates = (ids: readonly string[], path: (i: number) => (string | number)[], what: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: path(i), message: `${what} id "${id}" is used twice` });
        seen.add(id);
      });
    };
    duplicates(
      p.visits.map((v) => v.id),
      (i) => ['visits', i, 'id'],
      'visit',
    );
    duplicates(
      p.arms.map((a) => a.id),
      (i) => ['arms', i, 'id'],
      'arm',
    );
    duplicates(
      p.outcomes.map((o) => o.id),
      (i) => ['outcomes', i, 'id'],
      'outcome',
    );
    duplicates(
      p.sites.map((s) => s.id),
      (i) => ['sites', i, 'id'],
      'site',
    );
    duplicates(
      (p.forms ?? []).map((f) => f.id),
      (i) => ['forms', i, 'id'],
      'form',
    );
    duplicates(
      [...p.eligibility.inclusion, ...p.eligibility.exclusion].map((c) => c.id),
      (i) => (i < p.eligibility.inclusion.length ? ['eligibility', 'inclusion', i, 'id'] : ['eligibility', 'exclusion', i - p.eligibility.inclusion.length, 'id']),
      'criterion',
    );
    for (const side of ['inclusion', 'exclusion'] as const) {
      p.eligibility[side].forEach((c, i) => {
        const issue = c.expression === undefined ? undefined : expressionIssue(c.expression);
        if (issue) ctx.addIssue({ code: 'custom', path: ['eligibility', side, i, 'expression'], message: `criterion ${c.id}: ${issue}` });
      });
    }
    p.arms.forEach((a, ai) =>
      duplicates(
        a.interventions.map((x) => x.id),
        (i) => ['arms', ai, 'interventions', i, 'id'],
        'intervention',
      ),
    );
    p.arms.forEach((a, ai) =>
      a.interventions.forEach((x, xi) => {
        if (!x.placebo && regimenDoses(x.regimen.steps).some((d) => d.amount === 0)) {
          ctx.addIssue({ code: 'custom', path: ['arms', ai, 'interventions', xi, 'regimen'], message: `intervention "${x.id}" gives a dose of 0 but is not a placebo (set placebo: true)` });
        }
      }),
    );
    const visitIds = new Set(p.visits.map((v) => v.id));
    p.outcomes.forEach((o, oi) => {
      o.visits.forEach((v, i) => {
        if (!visitIds.has(v)) ctx.addIssue({ code: 'custom', path: ['outcomes', oi, 'visits', i], message: `visit "${v}" is not one of the protocol's visits` });
      });
      if (o.slope && !o.visits.slice(1, -1).includes(o.slope.knotVisit)) {
        ctx.addIssue({ code: 'custom', path: ['outcomes', oi, 'slope', 'knotVisit'], message: `knot visit "${o.slope.knotVisit}" must be one of the outcome's visits between its first and last` });
      }
      o.responder?.visits.forEach((v, i) => {
        if (!o.visits.slice(1).includes(v))
          ctx.addIssue({ code: 'custom', path: ['outcomes', oi, 'responder', 'visits', i], message: `responder visit "${v}" is not one of the outcome's visits after its first` });
      });
    });
  });

export type Protocol = z.infer<typeof protocolSchema>;
/** What a protocol file may contain before defaults are applied. */
export type ProtocolInput = z.input<typeof protocolSchema>;
