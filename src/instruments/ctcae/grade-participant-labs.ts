import { gradeLab, proposedAdverseEvents, type LabGrading, type ProposedAdverseEvent } from './grade-lab.js';
import { convertLab, type LabAnalyte } from './lab-units.js';

/** One saved lab result of a participant. */
export interface ParticipantLab {
  readonly id: string;
  readonly visitId: string;
  readonly analyte: LabAnalyte;
  readonly value: number;
  readonly unit: string;
}

export interface LabRange {
  readonly unit: string;
  readonly lln?: number;
  readonly uln?: number;
}

export interface ParticipantLabGrading {
  readonly gradings: readonly LabGrading[];
  /** The worst grade over the analyte's terms and its term; null when nothing could be graded. */
  readonly worst: { readonly grade: number; readonly term: string } | null;
  /** The adverse events the result proposes: none for a baseline result (CTCAE grades change from baseline). */
  readonly proposals: readonly ProposedAdverseEvent[];
}

/**
 * Grade every lab result of one participant, each against the site's range and the participant's
 * baseline: the result of the same analyte at the protocol's baseline visit, whenever it was entered.
 * The grades depend only on the data, not on the order it was saved in, so entering or correcting a
 * baseline regrades the later visits. A baseline result is graded against the baseline-normal rule
 * (its own range) and proposes no adverse event: an abnormality present before treatment is medical
 * history, not an event (ICH E2A; CTCAE v5.0 "baseline" criteria).
 */
export function gradeParticipantLabs(labs: readonly ParticipantLab[], ranges: ReadonlyMap<string, LabRange>, baselineVisitId: string): Map<string, ParticipantLabGrading> {
  const baselines = new Map(labs.filter((l) => l.visitId === baselineVisitId).map((l) => [l.analyte, l]));
  return new Map(
    labs.map((lab) => {
      const isBaseline = lab.visitId === baselineVisitId;
      const range = ranges.get(lab.analyte);
      // Reference limits and baseline are converted into the unit the result was reported in.
      const inUnit = (v: number | undefined, from: string | undefined) => (v === undefined || from === undefined ? undefined : convertLab(lab.analyte, v, from, lab.unit));
      const lln = inUnit(range?.lln, range?.unit);
      const uln = inUnit(range?.uln, range?.unit);
      const b = isBaseline ? undefined : baselines.get(lab.analyte);
      const baseline = inUnit(b?.value, b?.unit);
      const gradings = gradeLab({
        analyte: lab.analyte,
        value: lab.value,
        unit: lab.unit,
        ...(lln === undefined ? {} : { lln }),
        ...(uln === undefined ? {} : { uln }),
        ...(baseline === undefined ? {} : { baseline }),
      });
      const graded = gradings.flatMap((g) => (g.kind === 'graded' ? [g] : []));
      const worst = graded.reduce<(typeof graded)[number] | undefined>((w, g) => (w === undefined || g.grade > w.grade ? g : w), undefined);
      return [lab.id, { gradings, worst: worst ? { grade: worst.grade, term: worst.term } : null, proposals: isBaseline ? [] : proposedAdverseEvents(gradings) }] as const;
    }),
  );
}
