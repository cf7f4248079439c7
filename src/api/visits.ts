import { z } from 'zod';
import { isoDate } from './common.js';
import { labAnalytes, labUnits, labUnitTable, subsetIds } from '../instruments/index.js';
import { isLabAnalyte } from '../instruments/ctcae/lab-units.js';
import { formLabRangeAnalytes, formLabUnits } from '../safety/form-lab-adverse-events.js';

const itemsSchema = z.record(z.string(), z.number());
const labSchema = z.object({ analyte: z.enum(labAnalytes), value: z.number().nonnegative(), unit: z.enum(labUnits) }).superRefine((l, ctx) => {
  if (labUnitTable[l.analyte].factors[l.unit] === undefined) {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: `unit "${l.unit}" is not used for ${l.analyte}; use one of ${Object.keys(labUnitTable[l.analyte].factors).join(', ')}` });
  }
});
const percentSchema = z.number().min(0).max(100);
const panelSchema = z.object({
  lymphocytesPerUl: z.number().nonnegative(),
  percentOfParent: z.strictObject(Object.fromEntries(subsetIds.filter((s) => s !== 'lymphocytes').map((s) => [s, percentSchema.optional()]))),
});

export const observationsBody = z
  .object({
    date: z.iso.date(),
    values: z.record(z.string(), itemsSchema).default({}),
    labs: z.array(labSchema).optional(),
    panel: panelSchema.optional(),
    /** Reason for change, required when a saved value changes. */
    reason: z.string().trim().min(1).optional(),
    /** The web client's one-instrument form: `instrument` + `items` is `values: { [instrument]: items }`. */
    instrument: z.string().min(1).optional(),
    items: itemsSchema.optional(),
  })
  .refine((b) => (b.instrument === undefined) === (b.items === undefined), { message: 'instrument and items go together', path: ['items'] });

/** The units a range of `analyte` may be given in: a safety lab's table, or the lab catalogue's units of CK and proteinuria. */
const rangeUnits = (analyte: string): string[] => (isLabAnalyte(analyte) ? Object.keys(labUnitTable[analyte].factors) : formLabUnits(analyte));

/** A range of one of the nine safety labs, or the upper limit of CK or 24-hour proteinuria (CTCAE grades those against the ULN). */
const rangeSchema = z
  .object({ analyte: z.enum([...labAnalytes, ...formLabRangeAnalytes]), unit: z.string().min(1), lln: z.number().nonnegative().optional(), uln: z.number().nonnegative().optional() })
  .refine((r) => r.lln !== undefined || r.uln !== undefined, { message: 'a range needs lln or uln', path: ['uln'] })
  .refine((r) => rangeUnits(r.analyte).includes(r.unit), { message: 'the unit is not used for this analyte', path: ['unit'] })
  .refine((r) => r.lln === undefined || r.uln === undefined || r.lln < r.uln, { message: 'lln must be below uln', path: ['lln'] })
  .refine((r) => isLabAnalyte(r.analyte) || r.uln !== undefined, { message: 'CTCAE grades this analyte against the upper limit: give uln', path: ['uln'] });

export const rangesBody = z.object({
  ranges: z.array(rangeSchema).min(1),
  reason: z.string().trim().min(1).optional(),
});

export const dateQuery = z.object({ date: z.iso.date().optional() });

/** A participant's visits: their schedule and forms, what was saved, the scores and graded labs. */

const labEntry = z.object({ analyte: z.enum(labAnalytes), value: z.number(), unit: z.enum(labUnits) });
const storedLab = labEntry.extend({ grade: z.number().nullable(), term: z.string().nullable() });
const itemValues = z.record(z.string(), z.record(z.string(), z.number()));
const score = z.looseObject({ instrument: z.string(), total: z.number() });

export const visitData = z.object({ visitId: z.string(), date: isoDate, values: itemValues, labs: z.array(storedLab), panel: panelSchema.nullable() });

/** A visit's saved data with the server's scores (the visit form's reading). */
export const visitObservations = visitData.extend({ scores: z.array(score) });

/** What saving a visit answers: the scores, each lab's CTCAE gradings, and the adverse events the grades proposed or withdrew. */
export const savedVisit = z.object({
  visitId: z.string(),
  date: isoDate,
  scores: z.array(score),
  labs: z.array(labEntry.extend({ gradings: z.array(z.looseObject({ kind: z.string() })) })),
  proposedAdverseEvents: z.array(z.string()),
  withdrawnAdverseEvents: z.array(z.string()),
});

/** One protocol visit of a participant: its window (null before day 1), its form sections, what was saved and the scores. */
export const visitRow = z.looseObject({
  visitId: z.string(),
  visitName: z.string(),
  day: z.number(),
  windowBefore: z.number(),
  windowAfter: z.number(),
  sections: z.array(z.looseObject({ assessment: z.string(), kind: z.string(), title: z.string() })),
  window: z.object({ status: z.string(), targetDate: isoDate, earliest: isoDate, latest: isoDate, daysFromTarget: z.number().nullable() }).nullable(),
  saved: visitData.nullable(),
  scores: z.array(score),
});

export const instrumentObservation = z.object({ visitId: z.string(), date: isoDate, instrument: z.string(), items: z.record(z.string(), z.number()), total: z.number() });

const subset = z.object({ id: z.string(), percentOfParent: z.number().nullable(), absolutePerUl: z.number().nullable() });

/** One saved immune panel: each subset's % of parent and cells/µL, and the change from baseline. */
export const immunePanelRow = z.looseObject({
  visitId: z.string(),
  date: isoDate,
  panel: z.object({ subsets: z.record(z.string(), subset), tregTh17Ratio: z.number().nullable() }),
});
