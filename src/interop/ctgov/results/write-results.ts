import { analysisSets, armOf } from '../../../analysis/endpoints/analysis-sets.js';
import { analyseOutcome } from '../../../analysis/endpoints/endpoint-analysis.js';
import type { AnalysisData, AnalysisParticipant, AnalysisView, Summary } from '../../../analysis/endpoints/types.js';
import { baselineTable } from '../../../analysis/report/baseline-table.js';
import { fmt, resultsAnalyses } from './results-analyses.js';

/**
 * The resultsSection of a ClinicalTrials.gov API v2 record, written from a locked study's analysis data.
 * Field names and enum values are the API's (https://clinicaltrials.gov/data-api/about-api/study-data-structure):
 * participantFlowModule, baselineCharacteristicsModule, outcomeMeasuresModule, adverseEventsModule; counts
 * are written as the API writes them (numbers in numSubjects / numAffected / numAtRisk, strings in values).
 * By arm in the by-arm view (unblinded), with the analyses (results-analyses.ts); the pooled view writes
 * one group, "All participants", and no analyses, as the blinded report does.
 */
type Json = Record<string, unknown>;
interface Group {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The arm, or null for the pooled group. */
  readonly armId: string | null;
}

const pooledTitle = 'All participants';
const pooledDescription = 'All participants, arms pooled: the allocation stays masked.';

function groupsOf(data: AnalysisData, view: AnalysisView, prefix: string): Group[] {
  const id = (i: number) => `${prefix}${String(i).padStart(3, '0')}`;
  if (view.kind === 'pooled') return [{ id: id(0), title: pooledTitle, description: pooledDescription, armId: null }];
  return data.protocol.arms.map((a, i) => ({ id: id(i), title: a.label, description: a.interventions.map((x) => `${x.drug}, ${x.route}: ${x.regimen.description}`).join('; '), armId: a.id }));
}
const groupJson = (gs: readonly Group[]) => gs.map((g) => ({ id: g.id, title: g.title, description: g.description }));
const inGroup = (data: AnalysisData, g: Group) => (p: AnalysisParticipant) => g.armId === null || armOf(data.protocol, p) === g.armId;

function participantFlow(data: AnalysisData, view: AnalysisView): Json {
  const groups = groupsOf(data, view, 'FG');
  // STARTED = the intention-to-treat set (randomized, or enrolled in a single-arm study); COMPLETED = completed; NOT COMPLETED = the rest, with the withdrawal reasons.
  const started = analysisSets(data).itt;
  const count = (ps: readonly AnalysisParticipant[]) => groups.map((g) => ({ groupId: g.id, numSubjects: String(ps.filter(inGroup(data, g)).length) }));
  const completed = started.filter((p) => p.status === 'completed');
  const notCompleted = started.filter((p) => p.status !== 'completed');
  const withdrawn = started.filter((p) => p.status === 'withdrawn');
  const reasons = [...new Set(withdrawn.map((p) => p.statusReason ?? 'not recorded'))].sort();
  return {
    groups: groupJson(groups),
    periods: [
      {
        title: 'Overall Study',
        milestones: [
          { type: 'STARTED', achievements: count(started) },
          { type: 'COMPLETED', achievements: count(completed) },
          { type: 'NOT COMPLETED', achievements: count(notCompleted) },
        ],
        dropWithdraws: reasons.map((r) => ({ type: r, reasons: count(withdrawn.filter((p) => (p.statusReason ?? 'not recorded') === r)) })),
      },
    ],
  };
}

function baselineCharacteristics(data: AnalysisData, view: AnalysisView): Json {
  const sets = analysisSets(data);
  const table = baselineTable(data.protocol, sets.itt, data.observations, view);
  const arms = groupsOf(data, view, 'BG');
  // A by-arm table adds the API's Total column.
  const groups = view.kind === 'by-arm' ? [...arms, { id: `BG${String(arms.length).padStart(3, '0')}`, title: 'Total', description: 'Total of all reporting groups.', armId: null }] : arms;
  const column = (g: Group) => (g.armId === null ? table.pooled : table.byArm!.find((c) => c.armId === g.armId)!);
  const summary = (title: string, pick: (g: Group) => Summary | null) => ({
    title,
    paramType: 'MEAN',
    dispersionType: 'STANDARD_DEVIATION',
    unitOfMeasure: title.startsWith('Age') ? 'years' : 'score',
    classes: [{ categories: [{ measurements: groups.map((g) => ({ groupId: g.id, value: fmt(pick(g)?.mean), spread: fmt(pick(g)?.sd) })) }] }],
  });
  const measures: Json[] = [
    summary('Age, Continuous', (g) => column(g).age),
    {
      title: 'Sex: Female, Male',
      paramType: 'COUNT_OF_PARTICIPANTS',
      unitOfMeasure: 'Participants',
      classes: [
        {
          categories: (['female', 'male'] as const).map((s) => ({
            title: s === 'female' ? 'Female' : 'Male',
            measurements: groups.map((g) => ({ groupId: g.id, value: String(column(g)[s]) })),
          })),
        },
      ],
    },
  ];
  if (table.primaryInstrument && table.pooled.primaryScore) measures.push(summary(`Baseline ${table.primaryInstrument}`, (g) => column(g).primaryScore));
  return {
    populationDescription: 'Intention-to-treat set: every randomized participant (every enrolled one in a single-arm study).',
    groups: groupJson(groups),
    denoms: [{ units: 'Participants', counts: groups.map((g) => ({ groupId: g.id, value: String(column(g).n) })) }],
    measures,
  };
}

function outcomeMeasures(data: AnalysisData, view: AnalysisView): Json {
  // The intention-to-treat analyses only (the report's per-protocol and responder analyses are not posted here).
  const itt = analysisSets(data).itt;
  const groups = groupsOf(data, view, 'OG');
  const outcomes = data.protocol.outcomes
    .flatMap((o) => {
      const e = analyseOutcome(data.protocol, o, 'itt', itt, data.observations, view);
      return e ? [e] : [];
    })
    .flatMap((e) => {
      const outcome = data.protocol.outcomes.find((o) => o.id === e.outcomeId)!;
      return e.measures.flatMap((m) => {
        if (!m.change) return [];
        const change = m.change;
        const of = (g: Group): Summary => (g.armId === null ? change.pooled : (change.byArm!.find((a) => a.armId === g.armId) ?? { n: 0, mean: null, sd: null, median: null }));
        return [
          {
            type: e.outcomeKind === 'primary' ? 'PRIMARY' : 'SECONDARY',
            title: `${outcome.measure}: change in ${m.key} from ${change.fromVisit} to ${change.toVisit}`,
            description: outcome.description ?? `The change in ${m.key} from ${change.fromVisit} to ${change.toVisit}, mean and standard deviation per group.`,
            populationDescription: 'Intention-to-treat set.',
            reportingStatus: 'POSTED',
            paramType: 'MEAN',
            dispersionType: 'Standard Deviation',
            unitOfMeasure: 'score',
            timeFrame: outcome.timeFrame,
            groups: groupJson(groups),
            denoms: [{ units: 'Participants', counts: groups.map((g) => ({ groupId: g.id, value: String(of(g).n) })) }],
            classes: [{ categories: [{ measurements: groups.map((g) => ({ groupId: g.id, value: fmt(of(g).mean), spread: fmt(of(g).sd) })) }] }],
            ...(view.kind === 'by-arm' && m.tests
              ? {
                  analyses: resultsAnalyses(
                    m.tests,
                    groups.map((g) => g.id),
                  ),
                }
              : {}),
          },
        ];
      });
    });
  return { outcomeMeasures: outcomes };
}

function adverseEvents(data: AnalysisData, view: AnalysisView, cutOff: string): Json {
  const safety = analysisSets(data).safety;
  const groups = groupsOf(data, view, 'EG');
  const atRisk = (g: Group) => safety.filter(inGroup(data, g));
  const armOfId = new Map(safety.map((p) => [p.id, p]));
  const events = data.adverseEvents.filter((e) => armOfId.has(e.participantId));
  const affected = (g: Group, es: typeof events) => new Set(es.filter((e) => inGroup(data, g)(armOfId.get(e.participantId)!)).map((e) => e.participantId)).size;
  // Serious events are those the site marked serious; "other" events are the non-serious ones (the API's otherEvents exclude serious).
  const serious = events.filter((e) => e.serious);
  const other = events.filter((e) => !e.serious);
  const terms = (es: typeof events) =>
    [...new Set(es.map((e) => e.term))].sort().map((term) => ({
      term,
      sourceVocabulary: 'CTCAE',
      assessmentType: 'SYSTEMATIC_ASSESSMENT',
      stats: groups.map((g) => ({
        groupId: g.id,
        numAffected: affected(
          g,
          es.filter((e) => e.term === term),
        ),
        numAtRisk: atRisk(g).length,
      })),
    }));
  // CTCAE v5.0: grade 5 is death related to the adverse event; the registry asks all-cause deaths per group (FDAAA 801, 2017).
  const deaths = events.filter((e) => e.grade === 5);
  return {
    frequencyThreshold: '0',
    description: 'Adverse events as the sites recorded them, graded by CTCAE v5.0; serious as the site classified them (ICH E2A). At risk: the safety set (participants given at least one dose).',
    timeFrame: `From first dose to the data cut-off (${cutOff}).`,
    eventGroups: groups.map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description,
      deathsNumAffected: affected(g, deaths),
      deathsNumAtRisk: atRisk(g).length,
      seriousNumAffected: affected(g, serious),
      seriousNumAtRisk: atRisk(g).length,
      otherNumAffected: affected(g, other),
      otherNumAtRisk: atRisk(g).length,
    })),
    seriousEvents: terms(serious),
    otherEvents: terms(other),
  };
}

/** The results section (`resultsSection`) of the study's record; `cutOff` (ISO day) is the data cut-off the adverse-event time frame names. */
export function writeRecordResults(data: AnalysisData, view: AnalysisView, cutOff: string): { resultsSection: Json } {
  return {
    resultsSection: {
      participantFlowModule: participantFlow(data, view),
      baselineCharacteristicsModule: baselineCharacteristics(data, view),
      outcomeMeasuresModule: outcomeMeasures(data, view),
      adverseEventsModule: adverseEvents(data, view, cutOff),
    },
  };
}
