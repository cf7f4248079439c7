import type { Protocol } from '../../protocol/schema.js';
import { analyseStudy, type StudyAnalysis } from '../endpoints/analyse-study.js';
import { analysisSets } from '../endpoints/analysis-sets.js';
import type { AnalysisData, AnalysisView } from '../endpoints/types.js';
import { adverseEventTable, type AdverseEventTable } from './adverse-event-table.js';
import { baselineTable, type BaselineTable } from './baseline-table.js';
import { consortFlow, type ConsortFlow } from './consort-flow.js';
import { plotData, type PlotSpec } from './plot-data.js';

export interface ReportStudy {
  readonly id: string;
  readonly title: string;
  readonly registryId: string | null;
  readonly locked: boolean;
  readonly lockedAt: string | null;
}

/** The study report as data; the HTML document renders exactly this. */
export interface StudyReport {
  readonly study: ReportStudy;
  /** The date the report was made (data cut-off), ISO yyyy-mm-dd. */
  readonly cutOff: string;
  readonly view: AnalysisView['kind'];
  readonly flow: ConsortFlow;
  readonly baseline: BaselineTable;
  readonly analysis: StudyAnalysis;
  readonly adverseEvents: AdverseEventTable;
  readonly plots: readonly PlotSpec[];
}

const registryId = (p: Protocol): string | null => p.identifiers.registryId ?? p.identifiers.orgStudyId ?? null;

export function buildReport(data: AnalysisData, study: { readonly id: string; readonly lockedAt: string | null }, cutOff: string, view: AnalysisView): StudyReport {
  const { protocol } = data;
  const sets = analysisSets(data);
  const adverseEvents = adverseEventTable(protocol, sets.safety, data.adverseEvents, view);
  return {
    study: { id: study.id, title: protocol.title, registryId: registryId(protocol), locked: study.lockedAt !== null, lockedAt: study.lockedAt },
    cutOff,
    view: view.kind,
    flow: consortFlow(protocol, data.participants, view),
    baseline: baselineTable(protocol, sets.itt, data.observations, view),
    analysis: analyseStudy(data, view),
    adverseEvents,
    plots: plotData(protocol, sets.itt, data.observations, adverseEvents, view),
  };
}
