import { DAYS_PER_MONTH } from '../../instruments/index.js';
import { fitPiecewise } from '../models/piecewise.js';
import { waldRow } from '../models/student-t.js';
import { pairedTTest } from '../stats/t-test.js';
import { attempt, type EndpointTest } from './endpoint-test.js';

export const SLOPE_CONTRAST = 'slope during follow-up minus slope during administration';
export const SLOPE_UNIT = 'points per month';
const SLOPE_DF = 'kenward-roger';

/** Weeks to months of 365.25 / 12 = 30.4375 days (DAYS_PER_MONTH, the Julian year over 12). */
const perWeekToPerMonth = DAYS_PER_MONTH / 7;

export interface SlopeObservation {
  readonly id: string;
  readonly week: number;
  readonly value: number;
}

/**
 * The change of slope at the end of administration (`knotWeek`), in points per month:
 * - primary: the piecewise-linear mixed model (random intercept, REML) with Kenward–Roger SE and df,
 *   the default of the trial analyses (as for the MMRM); its per-week slopes are multiplied by
 *   30.4375 / 7, which rescales estimate and SE alike and leaves t, df and p as they are;
 * - sensitivity: each participant's own slopes (change over each period ÷ its length in months), for
 *   those observed at the outcome's first visit (`startWeek`), the knot and a visit after it (the
 *   last they have), compared by the paired t-test.
 */
export function slopeTests(rows: readonly SlopeObservation[], knotWeek: number, startWeek = 0): EndpointTest[] {
  const model = attempt('piecewise', () => {
    const fit = fitPiecewise(rows, { knotWeek, df: SLOPE_DF });
    const [, t1, t2] = fit.fixed;
    const c = fit.contrasts[0]!;
    return {
      kind: 'piecewise',
      knotWeek,
      unit: SLOPE_UNIT,
      daysPerMonth: DAYS_PER_MONTH,
      df: SLOPE_DF,
      slopes: { administration: t1!.estimate * perWeekToPerMonth, followUp: t2!.estimate * perWeekToPerMonth },
      contrasts: [{ ...waldRow(SLOPE_CONTRAST, c.estimate * perWeekToPerMonth, c.se * perWeekToPerMonth, c.df) }],
    };
  });
  const byId = new Map<string, SlopeObservation[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const slopes = [...byId.values()].flatMap((obs) => {
    const start = obs.find((o) => o.week === startWeek);
    const knot = obs.find((o) => o.week === knotWeek);
    const end = obs.filter((o) => o.week > knotWeek).sort((a, b) => b.week - a.week)[0];
    if (!start || !knot || !end) return [];
    const months = (weeks: number) => (weeks * 7) / DAYS_PER_MONTH;
    return [{ administration: (knot.value - start.value) / months(knotWeek - startWeek), followUp: (end.value - knot.value) / months(end.week - knotWeek) }];
  });
  const perPatient = attempt('per-patient-slopes', () => ({
    kind: 'per-patient-slopes',
    unit: SLOPE_UNIT,
    n: slopes.length,
    excluded: byId.size - slopes.length,
    result: pairedTTest(
      slopes.map((s) => s.followUp),
      slopes.map((s) => s.administration),
    ),
  }));
  return [model, perPatient];
}
