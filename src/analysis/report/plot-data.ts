import type { Protocol } from '../../protocol/schema.js';
import { armOf, primaryEndpoint } from '../endpoints/analysis-sets.js';
import { visitWeek } from '../endpoints/endpoint-analysis.js';
import { mean } from '../stats/arguments.js';
import type { AdverseEventTable } from './adverse-event-table.js';
import type { AnalysisObservation, AnalysisParticipant, AnalysisView } from '../endpoints/types.js';

export interface PlotPoint {
  readonly x: number;
  readonly y: number;
  /** What the line or bar belongs to: an arm (by-arm view only), "all participants", a subset or a participant. */
  readonly series: string;
}

export interface PlotSpec {
  readonly id: 'score-change' | 'immune-subsets' | 'trajectories' | 'adverse-events-by-grade';
  readonly title: string;
  /** The text alternative: what the plot shows, in words, for a reader who cannot see it. */
  readonly alt: string;
  readonly mark: 'line' | 'bar';
  readonly xLabel: string;
  readonly yLabel: string;
  readonly points: readonly PlotPoint[];
}

export const POOLED = 'all participants';

/** A plot's points in words: each series with its (x, y) pairs. */
function describe(points: readonly PlotPoint[], x: string, y: string): string {
  if (points.length === 0) return 'No data yet.';
  const series = [...new Set(points.map((p) => p.series))];
  return (
    series
      .map(
        (s) =>
          `${s}: ${points
            .filter((p) => p.series === s)
            .map((p) => `${x} ${p.x}, ${y} ${Number(p.y.toFixed(2))}`)
            .join('; ')}`,
      )
      .join('. ') + '.'
  );
}

/** Mean of `rows` per (week, series), sorted by series then week. */
function means(rows: readonly { x: number; series: string; y: number }[]): PlotPoint[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const k = JSON.stringify([r.series, r.x]);
    groups.set(k, [...(groups.get(k) ?? []), r.y]);
  }
  return [...groups]
    .map(([k, ys]) => {
      const [series, x] = JSON.parse(k) as [string, number];
      return { x, y: mean(ys), series };
    })
    .sort((a, b) => a.series.localeCompare(b.series) || a.x - b.x);
}

/** The data of the report's plots, for the ITT set (the adverse events for the safety set). */
export function plotData(protocol: Protocol, itt: readonly AnalysisParticipant[], observations: readonly AnalysisObservation[], aeTable: AdverseEventTable, view: AnalysisView): PlotSpec[] {
  const seriesOf = new Map(itt.map((p) => [p.id, view.kind === 'by-arm' ? armOf(protocol, p)! : POOLED]));
  const week = new Map(protocol.visits.map((v) => [v.id, visitWeek(protocol, v.id)]));
  const mine = observations.filter((o) => seriesOf.has(o.participantId) && week.has(o.visitId));
  const plots: PlotSpec[] = [];

  const primary = primaryEndpoint(protocol);
  const firstVisit = protocol.outcomes.find((o) => o.instrument === primary?.instrument)?.visits[0];
  if (primary && firstVisit) {
    const scores = mine.filter((o) => o.kind === 'score' && o.key === primary.instrument);
    const base = new Map(scores.filter((o) => o.visitId === firstVisit).map((o) => [o.participantId, o.value]));
    const rows = scores.flatMap((o) => (base.has(o.participantId) ? [{ x: week.get(o.visitId)!, series: seriesOf.get(o.participantId)!, y: o.value - base.get(o.participantId)! }] : []));
    const points = means(rows);
    plots.push({
      id: 'score-change',
      title: `Mean change in ${primary.instrument} from baseline`,
      alt: describe(points, 'week', `mean change in ${primary.instrument}`),
      mark: 'line',
      xLabel: 'week',
      yLabel: `change in ${primary.instrument}`,
      points,
    });

    // Per-participant trajectories of the primary instrument, one line per participant code.
    const code = new Map(itt.map((p) => [p.id, p.code]));
    const traj = scores.map((o) => ({ x: week.get(o.visitId)!, y: o.value, series: code.get(o.participantId)! })).sort((a, b) => a.series.localeCompare(b.series) || a.x - b.x);
    const people = new Set(traj.map((t) => t.series)).size;
    plots.push({
      id: 'trajectories',
      title: `${primary.instrument} per participant`,
      alt: `One line per participant (${people}) of ${primary.instrument} by study week, from week ${Math.min(...traj.map((t) => t.x), 0)} to week ${Math.max(...traj.map((t) => t.x), 0)}.`,
      mark: 'line',
      xLabel: 'week',
      yLabel: primary.instrument,
      points: traj,
    });
  }

  const panel = mine.filter((o) => o.kind === 'immune-panel' && o.key !== 'lymphocytes');
  if (panel.length > 0) {
    const rows = panel.map((o) => ({ x: week.get(o.visitId)!, series: view.kind === 'by-arm' ? `${o.key} · ${seriesOf.get(o.participantId)!}` : o.key, y: o.value }));
    const points = means(rows);
    plots.push({
      id: 'immune-subsets',
      title: 'Immune subsets over time (mean % of parent)',
      alt: describe(points, 'week', 'mean % of parent'),
      mark: 'line',
      xLabel: 'week',
      yLabel: '% of parent',
      points,
    });
  }

  const any = aeTable.rows[0];
  if (any) {
    const columns = any.byArm ? any.byArm.map((c) => ({ series: c.armId, byGrade: c.byGrade })) : [{ series: POOLED, byGrade: any.pooled.byGrade }];
    const points = columns.flatMap((c) => c.byGrade.map((n, i) => ({ x: i + 1, y: n, series: c.series })));
    plots.push({
      id: 'adverse-events-by-grade',
      title: 'Participants by worst adverse-event grade (CTCAE)',
      alt: describe(points, 'grade', 'participants'),
      mark: 'bar',
      xLabel: 'CTCAE grade',
      yLabel: 'participants',
      points,
    });
  }
  return plots;
}
