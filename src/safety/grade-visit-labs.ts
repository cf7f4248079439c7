import { convertLab, gradeLab, proposedAdverseEvents, type LabAnalyte, type LabGrading } from '../instruments/index.js';
import type { LabEntry, ObservationEntry } from '../visits/visit-data.js';
import type { ReferenceRange } from './reference-ranges.js';

/** A participant's first value of an analyte (the CTCAE baseline), in the unit it was reported in. */
export interface LabBaseline {
  readonly value: number;
  readonly unit: string;
}

export interface GradedLab {
  readonly lab: LabEntry;
  /** Every CTCAE v5.0 term the analyte is graded under, with its grade or why it has none. */
  readonly gradings: readonly LabGrading[];
  /** The result as stored, with its worst grade and that grade's term. */
  readonly entry: ObservationEntry;
}

/**
 * Grade each lab result against the site's reference range and the participant's baseline, both
 * converted into the unit the result was reported in; the worst grade over the analyte's terms is kept.
 */
export function gradeVisitLabs(labs: readonly LabEntry[], ranges: ReadonlyMap<LabAnalyte, ReferenceRange>, baselines: ReadonlyMap<string, LabBaseline>): GradedLab[] {
  return labs.map((lab) => {
    const range = ranges.get(lab.analyte);
    const inUnit = (v: number | undefined, from: string | undefined) => (v === undefined || from === undefined ? undefined : convertLab(lab.analyte, v, from, lab.unit));
    const lln = inUnit(range?.lln, range?.unit);
    const uln = inUnit(range?.uln, range?.unit);
    const b = baselines.get(lab.analyte);
    const baseline = inUnit(b?.value, b?.unit);
    const gradings = gradeLab({ ...lab, ...(lln === undefined ? {} : { lln }), ...(uln === undefined ? {} : { uln }), ...(baseline === undefined ? {} : { baseline }) });
    const graded = gradings.flatMap((g) => (g.kind === 'graded' ? [g] : []));
    const worst = graded.reduce<(typeof graded)[number] | undefined>((w, g) => (w === undefined || g.grade > w.grade ? g : w), undefined);
    return { lab, gradings, entry: { kind: 'lab', key: lab.analyte, value: lab.value, unit: lab.unit, grade: worst?.grade, gradeTerm: worst?.term } };
  });
}

/** An adverse event a graded lab proposes, for the investigator to confirm or dismiss. */
export interface AdverseEventProposal {
  readonly analyte: LabAnalyte;
  readonly term: string;
  readonly grade: number;
  readonly onsetDate: string;
}

/** The events the visit's graded labs propose (grade ≥ 1 under a term), dated on the visit. */
export function adverseEventProposals(graded: readonly GradedLab[], visitDate: string): AdverseEventProposal[] {
  return graded.flatMap(({ lab, gradings }) => proposedAdverseEvents(gradings).map((ae) => ({ analyte: lab.analyte, term: ae.term, grade: ae.grade, onsetDate: visitDate })));
}
