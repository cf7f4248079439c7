import { z } from 'zod';

/**
 * The regimen language. A regimen is a sequence of steps laid end to end from study day 1:
 *  - `every`: one dose every `interval` days (1 daily, 2 every other day) for `forDays` days;
 *  - `days`: doses on the listed days (1-based) of a block `length` days long ("days 1–5 of week 1");
 *  - `rest`: `days` without dosing;
 *  - `cycle`: its steps repeated `times` times.
 * Examples are the four seed protocols in src/protocol/builtin/.
 */
export const doseSchema = z.object({
  amount: z.number().positive('dose must be positive'),
  unit: z.enum(['MIU', 'MIU/m2', 'mg', 'mg/kg', 'IU']),
});
export type Dose = z.infer<typeof doseSchema>;

export type RegimenStep =
  | { readonly kind: 'every'; readonly interval: number; readonly forDays: number; readonly dose: Dose }
  | { readonly kind: 'days'; readonly days: readonly number[]; readonly length: number; readonly dose: Dose }
  | { readonly kind: 'rest'; readonly days: number }
  | { readonly kind: 'cycle'; readonly times: number; readonly steps: readonly RegimenStep[] };

const positiveInt = z.number().int().positive();

export const regimenStepSchema: z.ZodType<RegimenStep> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('every'), interval: positiveInt, forDays: positiveInt, dose: doseSchema }),
    z.object({ kind: z.literal('days'), days: z.array(positiveInt).min(1), length: positiveInt, dose: doseSchema }),
    z.object({ kind: z.literal('rest'), days: positiveInt }),
    z.object({ kind: z.literal('cycle'), times: positiveInt, steps: z.array(regimenStepSchema).min(1) }),
  ]),
);

export const regimenSchema = z.object({
  /** Human description as the record states it, verbatim where possible. */
  description: z.string().min(1),
  steps: z.array(regimenStepSchema).min(1, 'a regimen needs at least one step'),
  /** After a held dose: `skip` drops it; `shift-cycle` moves the rest of that cycle later. */
  holdRule: z.enum(['skip', 'shift-cycle']).default('skip'),
});
export type Regimen = z.infer<typeof regimenSchema>;
