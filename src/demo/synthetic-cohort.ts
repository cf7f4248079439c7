import { buildCalendar } from '../protocol/calendar/build-calendar.js';
import { addDays } from '../dates/iso-date.js';
import type { Protocol } from '../protocol/schema.js';
import type { ParticipantStatus } from '../enrolment/participant-lifecycle.js';
import type { ObservationEntry } from '../visits/visit-data.js';
import { seededRandom } from '../random/seeded-random.js';
import { instrumentEntries } from '../visits/visit-entries.js';
import type { Relatedness } from '../safety/adverse-event.js';
import { demoFormEntries } from './demo-forms.js';
import { demoInstrumentValues } from './demo-instruments.js';

/**
 * A synthetic, plausible cohort for a study, generated from a seed relative to `today`: participants
 * spread across the lifecycle, the doses of those who started (a few held), and their visits.
 * Pure: the loader (load-demo.ts) writes it through the store. The numbers are made up.
 */
export interface DemoParticipant {
  readonly code: string;
  readonly siteId: string;
  readonly sex: 'female' | 'male';
  readonly birthDate: string;
  /** Transitions in order, each with its date (and reason where one is needed). */
  readonly path: readonly { readonly to: ParticipantStatus; readonly date: string; readonly reason?: string }[];
  /** Set before `randomized` in a randomized study (the demo's stand-in for the randomization list). */
  readonly armId: string | null;
  /** Doses are recorded for calendar dates before this date. */
  readonly dosesUntil: string | null;
  /** Doses held instead of given: index (0-based, among recorded doses) and why. */
  readonly heldDoses: readonly { readonly index: number; readonly reason: string }[];
  readonly visits: readonly { readonly visitId: string; readonly date: string; readonly observations: readonly ObservationEntry[] }[];
  /** Adverse events the site observed (confirmed, not serious). */
  readonly adverseEvents: readonly { readonly term: string; readonly onsetDate: string; readonly grade: number; readonly relatedness: Relatedness }[];
  /** A visit whose date a monitor queries (left open); null: none. */
  readonly queryVisit: string | null;
}

const holdReasons = ['fever 38.4 °C on the dosing day', 'injection-site reaction under review', 'participant travelling'];

/** Where the cohort's participants end up, as shares that sum to 1. */
const endStates: readonly [ParticipantStatus, number][] = [
  ['screening', 0.08],
  ['ineligible', 0.08],
  ['consented', 0.06],
  ['enrolled', 0.06],
  // A quarter completed, so the primary endpoint's last visit has enough data for the report's analyses.
  ['on-treatment', 0.37],
  ['completed', 0.25],
  ['withdrawn', 0.1],
];

const pathTo: Readonly<Record<string, readonly ParticipantStatus[]>> = {
  screening: [],
  ineligible: ['ineligible'],
  consented: ['eligible', 'consented'],
  enrolled: ['eligible', 'consented', 'enrolled'],
  'on-treatment': ['eligible', 'consented', 'enrolled', 'randomized', 'on-treatment'],
  completed: ['eligible', 'consented', 'enrolled', 'randomized', 'on-treatment', 'completed'],
  withdrawn: ['eligible', 'consented', 'enrolled', 'randomized', 'on-treatment', 'withdrawn'],
};

export function syntheticCohort(protocol: Protocol, seed: number, today: string, size = Math.min(protocol.enrolment.target, 14)): DemoParticipant[] {
  const rng = seededRandom(seed);
  const rand = rng.uniform;
  // The defined forms' values draw from their own stream, so adding them left every other demo value as it was.
  const formRng = seededRandom(seed + 0x5eedf0);
  const formJitter = () => formRng.uniform() - 0.5;
  const normal = (mean: number, sd: number) => mean + sd * rng.standardNormal();
  const randomized = protocol.design.allocation === 'randomized';
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const prefix = protocol.id.split('-')[0]!.toUpperCase();
  const duration = protocol.design.durationDays;
  // Arms in balanced blocks of the allocation ratio, shuffled with the seed.
  const block = protocol.arms.flatMap((a) => Array<string>(a.ratio).fill(a.id));
  const arms: string[] = [];
  // Each end state's share of the cohort, rounded (on treatment takes what rounding leaves), in shuffled order.
  const quota = endStates.flatMap(([state, w]) => Array<ParticipantStatus>(Math.round(w * size)).fill(state)).slice(0, size);
  const ends = shuffle([...quota, ...Array<ParticipantStatus>(size - quota.length).fill('on-treatment')], rand);
  return Array.from({ length: size }, (_, i) => {
    const end = ends[i]!;
    const steps = pathTo[end]!.filter((s) => randomized || s !== 'randomized');
    const started = steps.includes('on-treatment');
    // Started participants began within the study's span before today (completed ones before that).
    const startOffset = end === 'completed' ? duration + 1 + Math.floor(rand() * 60) : 7 + Math.floor(rand() * Math.max(1, duration - 14));
    const start = addDays(today, -startOffset);
    const screened = addDays(started ? start : today, -(14 + Math.floor(rand() * 30)));
    const dates: Partial<Record<ParticipantStatus, string>> = {
      eligible: screened,
      ineligible: screened,
      consented: addDays(screened, 3),
      enrolled: started ? addDays(start, -3) : addDays(screened, 7),
      randomized: addDays(start, -2),
      'on-treatment': start,
      completed: addDays(start, duration - 1),
    };
    const dateOf = (s: ParticipantStatus): string => dates[s] ?? screened;
    const withdrawnOn = addDays(start, Math.floor(rand() * Math.min(startOffset, duration)));
    const path = steps.map((to) =>
      to === 'withdrawn' ? { to, date: withdrawnOn, reason: pick(['withdrew consent', 'moved to another city', 'adverse event, investigator decision']) } : { to, date: dateOf(to) },
    );
    if (randomized && arms.length === 0) arms.push(...shuffle(block, rand));
    const armId = steps.includes('randomized') ? (arms.shift() as string) : started ? (protocol.arms[0]?.id ?? null) : null;
    const dosesUntil = started ? (end === 'withdrawn' ? withdrawnOn : end === 'completed' ? addDays(start, duration) : today) : null;
    const calendar = started && armId ? buildCalendar(protocol, armId, start) : undefined;
    const heldDoses = (calendar?.doses ?? []).flatMap((_, index) => (rand() < 0.04 ? [{ index, reason: pick(holdReasons) }] : []));
    const active = armId !== null && !protocol.arms.find((a) => a.id === armId)?.interventions.every((x) => x.placebo);
    const baselineTreg = normal(5.2, 1.1);
    // Disease activity from 0 (none) to 1 (the instrument's worst): active arms improve visit by visit, placebo barely.
    const baselineSeverity = Math.min(0.8, Math.max(0.1, normal(0.35, 0.1)));
    const severityAt = (k: number) => baselineSeverity * Math.max(0.2, 1 - (active ? 0.12 : 0.03) * k);
    const jitter = () => rand() - 0.5;
    const visits = (calendar?.visits ?? [])
      .filter((v) => dosesUntil !== null && v.date < dosesUntil && v.date <= today)
      .map((cv, k) => ({ cv, k, v: protocol.visits.find((x) => x.id === cv.id)! }))
      .map(({ cv, k, v }) => ({
        visitId: cv.id,
        date: cv.date,
        observations: [
          ...instrumentEntries(v, demoInstrumentValues(v, severityAt(k), jitter)).entries,
          ...demoFormEntries(v, severityAt(k), formJitter),
          // Treg as % of CD4+ (the panel's subset "treg"): low-dose IL-2 roughly doubles it (review, 004_: "Treg expansion"); placebo does not move it.
          { kind: 'immune-panel' as const, key: 'treg', value: round1(baselineTreg * (active && k > 0 ? 1.6 + 0.4 * rand() : 1) + normal(0, 0.3)), unit: '%' },
          { kind: 'lab' as const, key: 'alt', value: Math.round(normal(24, 6)), unit: 'U/L' },
          // Leukocytes in the graded analyte's own unit (/mm³; 6.1 × 10⁹/L = 6,100/mm³).
          { kind: 'lab' as const, key: 'leukocytes', value: Math.round(normal(6100, 1200)), unit: '/mm3' },
        ],
      }));
    // Injection-site reactions are the commonest event under s.c. low-dose IL-2 (review, 004_); fever is rarer.
    const events =
      started && dosesUntil !== null
        ? [
            ...(rand() < 0.5 ? [{ term: 'Injection site reaction', onsetDate: addDays(start, 1), grade: 1, relatedness: (active ? 'probable' : 'possible') as Relatedness }] : []),
            ...(rand() < 0.2 ? [{ term: 'Fever', onsetDate: addDays(start, 3), grade: 1, relatedness: 'possible' as Relatedness }] : []),
          ].filter((e) => e.onsetDate < dosesUntil && e.onsetDate <= today)
        : [];
    return {
      code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
      siteId: pick(protocol.sites).id,
      sex: protocol.eligibility.sex === 'all' ? pick(['female', 'male'] as const) : protocol.eligibility.sex,
      birthDate: addDays(today, -Math.round(365.25 * (25 + rand() * 40))),
      path,
      armId,
      dosesUntil,
      heldDoses,
      visits,
      adverseEvents: events,
      queryVisit: visits.length > 0 && rand() < 0.35 ? visits[0]!.visitId : null,
    };
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Fisher–Yates shuffle of a copy. */
function shuffle<T>(xs: readonly T[], rand: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
