import { z } from 'zod';

/**
 * The regimen language. A regimen is a sequence of steps laid end to end from study day 1:
 *  - `every`: one dose every `interval` days (1 daily, 2 every other day) for `forDays` days, the
 *    first on the step's first day (qod for 14 days = step days 1, 3, …, 13);
 *  - `days`: doses on the listed days (1-based) of a block `length` days long ("days 1–5 of week 1");
 *  - `rest`: `days` without dosing;
 *  - `cycle`: its steps repeated `times` times.
 * Each step occupies its full length (`forDays`, `length`, `days`), so steps never overlap. The one
 * way to write overlapping doses is a `days` step that lists a day twice or a day past its `length`
 * (it would fall into the next step); the schema rejects both.
 * Cycle numbering (the calendar's `cycle`): each repetition of a top-level `cycle` step is one cycle,
 * and so is each top-level `every` or `days` step; the AE record's "four cycles" are week 1 plus
 * weeks 3, 6 and 9.
 * Examples are the four seed protocols in src/protocol/builtin/.
 */
export const doseUnits = ['MIU', 'MIU/m2', 'mg', 'mg/kg', 'IU'] as const;

export const doseSchema = z.object({
  /** 0 only for a placebo (checked in the protocol, which knows which intervention is one). */
  amount: z.number({ error: 'dose must be a number' }).nonnegative('dose must not be negative'),
  unit: z.enum(doseUnits, { error: `unit must be one of ${doseUnits.join(', ')}` }),
});
export type Dose = z.infer<typeof doseSchema>;

export type RegimenStep =
  | { readonly kind: 'every'; readonly interval: number; readonly forDays: number; readonly dose: Dose }
  | { readonly kind: 'days'; readonly days: readonly number[]; readonly length: number; readonly dose: Dose }
  | { readonly kind: 'rest'; readonly days: number }
  | { readonly kind: 'cycle'; readonly times: number; readonly steps: readonly RegimenStep[] };

const positiveInt = z.number().int().positive();

export const regimenStepSchema: z.ZodType<RegimenStep, RegimenStep> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('every'), interval: positiveInt, forDays: positiveInt, dose: doseSchema }),
    z.object({ kind: z.literal('days'), days: z.array(positiveInt).min(1), length: positiveInt, dose: doseSchema }).superRefine((step, ctx) => {
      const seen = new Set<number>();
      step.days.forEach((day, i) => {
        if (day > step.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['days', i],
            message: `day ${day} lies beyond the block's length of ${step.length} days and would overlap the next step`,
          });
        } else if (seen.has(day)) {
          ctx.addIssue({ code: 'custom', path: ['days', i], message: `day ${day} is listed twice, which would give two overlapping doses` });
        }
        seen.add(day);
      });
    }),
    z.object({ kind: z.literal('rest'), days: positiveInt }),
    z.object({ kind: z.literal('cycle'), times: positiveInt, steps: z.array(regimenStepSchema).min(1) }),
  ]),
);

/** Every dose a regimen's steps give, in step order. */
export const regimenDoses = (steps: readonly RegimenStep[]): Dose[] => steps.flatMap((s) => (s.kind === 'cycle' ? regimenDoses(s.steps) : s.kind === 'rest' ? [] : [s.dose]));

const schedulesDose = (step: RegimenStep): boolean => step.kind === 'every' || step.kind === 'days' || (step.kind === 'cycle' && step.steps.some(schedulesDose));

export const regimenSchema = z.object({
  /** Human description as the record states it, verbatim where possible. */
  description: z.string().min(1),
  steps: z
    .array(regimenStepSchema)
    .min(1, 'a regimen needs at least one step')
    .refine((steps) => steps.some(schedulesDose), 'a regimen needs at least one dosing step (every or days)'),
  /** After a held dose: `skip` drops it; `shift-cycle` moves the rest of that cycle later. */
  holdRule: z.enum(['skip', 'shift-cycle']).default('skip'),
});
export type Regimen = z.infer<typeof regimenSchema>;
export type RegimenInput = z.input<typeof regimenSchema>;
