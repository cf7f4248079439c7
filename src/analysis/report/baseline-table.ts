import type { Protocol } from '../../protocol/schema.js';
import { ageOn } from '../../dates/age-on.js';
import { armOf, primaryEndpoint } from '../endpoints/analysis-sets.js';
import { summarise } from '../endpoints/summary.js';
import type { AnalysisObservation, AnalysisParticipant, AnalysisView, Summary } from '../endpoints/types.js';

export interface BaselineColumn {
  readonly n: number;
  /** Age in whole years at enrolment. */
  readonly age: Summary;
  readonly female: number;
  readonly male: number;
  /** The primary instrument's score at its first visit. */
  readonly primaryScore: Summary | null;
}

export interface BaselineTable {
  readonly primaryInstrument: string | null;
  readonly pooled: BaselineColumn;
  readonly byArm?: readonly (BaselineColumn & { readonly armId: string })[];
}

/** Table 1 of the report: the ITT participants' demographics and baseline primary score. */
export function baselineTable(protocol: Protocol, itt: readonly AnalysisParticipant[], observations: readonly AnalysisObservation[], view: AnalysisView): BaselineTable {
  const outcome = protocol.outcomes.find((o) => o.kind === 'primary' && o.instrument === primaryEndpoint(protocol)?.instrument);
  const first = outcome?.visits[0];
  const baseline = new Map(observations.filter((o) => o.kind === 'score' && o.key === outcome?.instrument && o.visitId === first).map((o) => [o.participantId, o.value]));
  const column = (ps: readonly AnalysisParticipant[]): BaselineColumn => ({
    n: ps.length,
    age: summarise(ps.map((p) => ageOn(p.birthDate, p.enrolledOn!))),
    female: ps.filter((p) => p.sex === 'female').length,
    male: ps.filter((p) => p.sex === 'male').length,
    primaryScore: outcome ? summarise(ps.flatMap((p) => (baseline.has(p.id) ? [baseline.get(p.id)!] : []))) : null,
  });
  return {
    primaryInstrument: outcome?.instrument ?? null,
    pooled: column(itt),
    ...(view.kind === 'by-arm' ? { byArm: protocol.arms.map((a) => ({ armId: a.id, ...column(itt.filter((p) => armOf(protocol, p) === a.id)) })) } : {}),
  };
}
