import { analysisSets, armOf, type AnalysisSetId } from './analysis-sets.js';
import { analyseOutcome, type EndpointAnalysis } from './endpoint-analysis.js';
import { analyseResponders } from './responders.js';
import type { AnalysisData, AnalysisView } from './types.js';

export interface StudyAnalysis {
  readonly view: AnalysisView['kind'];
  readonly analysisSets: readonly { readonly id: AnalysisSetId; readonly n: number; readonly byArm?: readonly { readonly armId: string; readonly n: number }[] }[];
  readonly endpoints: readonly EndpointAnalysis[];
}

const efficacySets: readonly AnalysisSetId[] = ['itt', 'per-protocol'];

/** Every outcome with an instrument, in the ITT and per-protocol sets, pooled or by arm as `view` allows. */
export function analyseStudy(data: AnalysisData, view: AnalysisView): StudyAnalysis {
  const sets = analysisSets(data);
  const { protocol } = data;
  return {
    view: view.kind,
    analysisSets: (['itt', 'per-protocol', 'safety'] as const).map((id) => ({
      id,
      n: sets[id].length,
      ...(view.kind === 'by-arm' ? { byArm: protocol.arms.map((a) => ({ armId: a.id, n: sets[id].filter((p) => armOf(protocol, p) === a.id).length })) } : {}),
    })),
    endpoints: efficacySets.flatMap((set) =>
      protocol.outcomes.flatMap((o) => {
        const e = analyseOutcome(protocol, o, set, sets[set], data.observations, view);
        const responders = e ? analyseResponders(protocol, o, sets[set], data.observations, view) : [];
        return e ? [responders.length > 0 ? { ...e, responders } : e] : [];
      }),
    ),
  };
}
