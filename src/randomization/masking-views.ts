import type { ParticipantCalendar } from '../dosing/participant-calendar.js';
import type { Arm, Protocol } from '../protocol/schema.js';

/**
 * Masked response types: what a blinded reader is shown of a record whose shape carries the
 * allocation. Each view removes or replaces named fields of a known shape; no value is searched for an
 * arm's name, so nothing unrelated can be changed and no dose can slip through under another id.
 */

/** What a blinded user sees wherever an arm's intervention would be named: the same for active and placebo. */
export const BLINDED_LABEL = 'study drug (blinded)';

/** The doses, units, routes and timing an arm's regimen gives, without descriptions: equal for a matched placebo. */
const regimenKey = (a: Arm) => JSON.stringify(a.interventions.map((i) => [i.route, i.regimen.steps]));

/** Whether the arms' regimens differ (dose, unit, route or schedule): then any dose tells the arm, and a blinded reader sees none. */
export function dosesDifferBetweenArms(p: Pick<Protocol, 'arms'>): boolean {
  return new Set(p.arms.map(regimenKey)).size > 1;
}

/** Strings that name an arm or what differs between arms (ids, labels, intervention ids and drug names). */
export function armTerms(protocol: Pick<Protocol, 'arms'>): ReadonlySet<string> {
  const perArm = protocol.arms.map((a) => new Set([a.id, a.label, ...a.interventions.flatMap((i) => [i.id, i.drug, ...i.otherNames])]));
  const shared = (t: string) => perArm.every((s) => s.has(t));
  return new Set(perArm.flatMap((s) => [...s]).filter((t) => !shared(t)));
}

/** Whether free text (a note, an error message) speaks of an arm: names one of its terms, or placebo. */
export function mentionsArm(text: string, terms: ReadonlySet<string>): boolean {
  return /placebo/i.test(text) || [...terms].some((t) => text.includes(t));
}

type Design = Protocol['design'];
type BlindedScheme = Omit<NonNullable<Design['randomization']>, 'blockSizes'>;

/** The protocol as a blinded reader sees it: arms reduced to their ratios, no block sizes, no note about the arms. */
export type BlindedProtocol = Omit<Protocol, 'arms' | 'design'> & {
  readonly arms: readonly { readonly ratio: number }[];
  readonly design: Omit<Design, 'randomization'> & { readonly randomization?: BlindedScheme };
};

/**
 * The count of arms and their ratio stay known (the registry publishes them); what each arm gives,
 * and the block sizes of the sequence (ICH E9 2.3.2), do not. Notes are free text, so a note that
 * names an arm is dropped whole.
 */
export function maskProtocol(p: Protocol): BlindedProtocol {
  const terms = armTerms(p);
  const { randomization, ...design } = p.design;
  const scheme = randomization === undefined ? undefined : withoutBlockSizes(randomization);
  return {
    ...p,
    arms: p.arms.map((a) => ({ ratio: a.ratio })),
    design: scheme === undefined ? design : { ...design, randomization: scheme },
    notes: p.notes.filter((n) => !mentionsArm(n.text, terms)),
  };
}

function withoutBlockSizes(s: NonNullable<Design['randomization']>): BlindedScheme {
  if (s.scheme !== 'permuted-blocks') return s;
  const { blockSizes: _sizes, ...rest } = s;
  return rest;
}

type Dose = ParticipantCalendar['doses'][number];

/** A calendar dose as a blinded reader sees it: the study drug, its amount only when every arm gets the same. */
export type BlindedDose = Omit<Dose, 'intervention' | 'dose' | 'unit'> & { readonly intervention: typeof BLINDED_LABEL; readonly dose?: number; readonly unit?: string };

export type BlindedCalendar = Omit<ParticipantCalendar, 'armId' | 'doses' | 'totalDose' | 'unit'> & {
  readonly doses: readonly BlindedDose[];
  readonly totalDose?: number;
  readonly unit?: string;
};

/**
 * The dosing calendar without the arm: every dose is the study drug; where the arms' regimens differ
 * (a dose-finding trial, or a placebo dosed 0) no amount, unit or total is shown, only the days, the
 * kit and what was recorded. Other fields of the response (its kit number) are kept.
 */
export function maskCalendar(c: ParticipantCalendar, p: Pick<Protocol, 'arms'>): BlindedCalendar {
  const { armId: _arm, totalDose, unit, doses, ...rest } = c;
  const hide = dosesDifferBetweenArms(p);
  return {
    ...rest,
    ...(hide ? {} : { totalDose, unit }),
    doses: doses.map(({ intervention: _i, dose, unit: u, ...d }) => ({ ...d, intervention: BLINDED_LABEL, ...(hide ? {} : { dose, unit: u }) })),
  };
}
