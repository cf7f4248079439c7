import type { StudyAnalysis } from '../endpoints/analyse-study.js';
import type { EndpointTest } from '../endpoints/endpoint-test.js';
import { qt } from '../stats/distributions.js';

export interface ForestRow {
  readonly label: string;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A Wald 95 % interval on the t distribution (the contrasts carry estimate, SE and df). */
const tInterval = (c: { estimate: number; se: number; df: number }) => {
  const q = qt(0.975, c.df);
  return { lower: c.estimate - q * c.se, upper: c.estimate + q * c.se };
};

function effects(t: EndpointTest): { label: string; estimate: number; lower: number; upper: number }[] {
  switch (t.kind) {
    case 'welch':
    case 'risk-difference':
      return t.result.estimate !== null && t.result.ci ? [{ label: `${t.result.method} (${t.contrast})`, estimate: t.result.estimate, lower: t.result.ci[0], upper: t.result.ci[1] }] : [];
    case 'ancova':
      return t.contrasts.map((c) => ({ label: `ANCOVA ${c.term}`, estimate: c.estimate, lower: c.lower, upper: c.upper }));
    case 'mmrm':
      return t.contrasts.map((c) => ({ label: `MMRM ${c.term}${c.visit ? ` at ${c.visit}` : ''}`, estimate: c.estimate, ...tInterval(c) }));
    case 'piecewise':
      return t.contrasts.map((c) => ({ label: `${c.term} (${t.unit})`, estimate: c.estimate, ...tInterval(c) }));
    case 'per-patient-slopes':
    case 'paired-t':
      return t.result.estimate !== null && t.result.ci
        ? [{ label: `${t.kind === 'paired-t' ? 'Mean change' : 'Per-patient slope difference'}`, estimate: t.result.estimate, lower: t.result.ci[0], upper: t.result.ci[1] }]
        : [];
    default:
      return [];
  }
}

/** Every endpoint effect with a finite 95 % interval, ITT set, in outcome order. */
export function forestRows(analysis: StudyAnalysis): ForestRow[] {
  return analysis.endpoints
    .filter((e) => e.analysisSet === 'itt')
    .flatMap((e) => [
      ...e.measures.flatMap((m) => (m.tests ?? []).flatMap(effects).map((x) => ({ ...x, label: `${e.outcomeId} · ${m.key}: ${x.label}` }))),
      ...(e.responders ?? []).flatMap((r) => (r.tests ?? []).flatMap(effects).map((x) => ({ ...x, label: `${e.outcomeId} ${r.definition} at ${r.toVisit}: ${x.label}` }))),
    ])
    .filter((r) => [r.estimate, r.lower, r.upper].every(Number.isFinite));
}

/**
 * The forest plot of the endpoint effects: each estimate with its 95 % interval on its own row. The
 * effects are on different scales (points, proportions, points per month), so each row is scaled to
 * its own interval around zero and its numbers are printed beside it; the line marks no effect.
 */
export function forestPlot(rows: readonly ForestRow[]): string {
  const title = 'Forest plot of the endpoint effects (95 % intervals, intention-to-treat)';
  if (rows.length === 0)
    return `<figure class="plot"><figcaption>${title}</figcaption><p class="alt">No effect could be estimated: the comparisons need data by arm (after lock) or a single-arm design with paired data.</p></figure>`;
  const [labelW, plotW, rowH] = [330, 180, 22];
  const cx = labelW + plotW / 2;
  const height = rows.length * rowH + 30;
  const marks = rows.map((r, i) => {
    const span = Math.max(Math.abs(r.lower), Math.abs(r.upper), 1e-12);
    const px = (v: number) => cx + (v / span) * (plotW / 2 - 6);
    const y = 20 + i * rowH;
    return `<text x="4" y="${y + 4}" font-size="10">${esc(r.label.length > 62 ? `${r.label.slice(0, 60)}…` : r.label)}</text><line x1="${px(r.lower)}" y1="${y}" x2="${px(r.upper)}" y2="${y}" stroke="black"/><rect x="${px(r.estimate) - 3}" y="${y - 3}" width="6" height="6"/><text x="${labelW + plotW + 8}" y="${y + 4}" font-size="10">${r.estimate.toFixed(2)} (${r.lower.toFixed(2)} to ${r.upper.toFixed(2)})</text>`;
  });
  const alt = rows.map((r) => `${r.label}: ${r.estimate.toFixed(2)} (95 % interval ${r.lower.toFixed(2)} to ${r.upper.toFixed(2)})`).join('; ');
  return `<figure class="plot"><figcaption>${title}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" aria-describedby="forest-alt" width="680" height="${height}" viewBox="0 0 680 ${height}" font-family="system-ui,sans-serif"><title>${title}</title><line x1="${cx}" y1="8" x2="${cx}" y2="${height - 8}" stroke="#888" stroke-dasharray="3 3"/>${marks.join('')}</svg><p class="alt" id="forest-alt">${esc(alt)}.</p></figure>`;
}
