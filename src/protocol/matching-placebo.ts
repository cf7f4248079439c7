import type { RegimenInput, RegimenStep } from './regimen-schema.js';

/** How a protocol file may write a placebo's regimen: the active schedule, with nothing in it. */
export const MATCHING_PLACEBO = 'matching placebo';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const zeroed = (steps: readonly RegimenStep[]): RegimenStep[] =>
  steps.map((s) => (s.kind === 'cycle' ? { ...s, steps: zeroed(s.steps) } : s.kind === 'rest' ? s : { ...s, dose: { ...s.dose, amount: 0 } }));

/**
 * A protocol file's input with each placebo intervention whose regimen is the text
 * "matching placebo" given the regimen of the first non-placebo intervention, every dose 0: the
 * same injections on the same days, so the calendar is identical in both arms. Pure; anything it
 * cannot resolve is left for validation to report.
 */
export function resolveMatchingPlacebo(input: unknown): unknown {
  if (!isObject(input) || !Array.isArray(input.arms)) return input;
  const interventions = input.arms.flatMap((a) => (isObject(a) && Array.isArray(a.interventions) ? a.interventions.filter(isObject) : []));
  const active = interventions.find((x) => x.placebo !== true && isObject(x.regimen) && Array.isArray(x.regimen.steps));
  if (!active) return input;
  const regimen = active.regimen as RegimenInput;
  const resolve = (x: unknown) =>
    isObject(x) && x.placebo === true && x.regimen === MATCHING_PLACEBO
      ? { ...x, regimen: { ...regimen, description: `matching placebo, on the schedule of ${String(active.id)}`, steps: zeroed(regimen.steps) } }
      : x;
  return { ...input, arms: input.arms.map((a) => (isObject(a) && Array.isArray(a.interventions) ? { ...a, interventions: a.interventions.map(resolve) } : a)) };
}
