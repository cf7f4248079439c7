import type { StudyAnalysis } from '../endpoints/analyse-study.js';
import type { EndpointTest } from '../endpoints/endpoint-test.js';
import { tInterval } from '../stats/t-interval.js';

/**
 * One endpoint effect with its 95 % interval. `reference` is the value of no effect (0 for a
 * difference, 1 for an odds ratio, the test's null for a single proportion); ratios are drawn on
 * the log scale.
 */
export interface ForestRow {
  readonly label: string;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly reference: number;
  readonly scale: 'linear' | 'log';
}

/** The forest plot's rows, and the effects it cannot draw with the reason. */
export interface ForestData {
  readonly rows: readonly ForestRow[];
  readonly notShown: readonly { readonly label: string; readonly reason: string }[];
}

type Effect = Omit<ForestRow, 'reference' | 'scale'> & Partial<Pick<ForestRow, 'reference' | 'scale'>>;

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A Wald 95 % interval on the t distribution (the contrasts carry estimate, SE and df). */
const contrastInterval = (c: { estimate: number; se: number; df: number }) => tInterval(c.estimate, c.se, c.df);

const fromResult = (label: string, r: { estimate: number | null; ci: readonly [number, number] | null }, extra: Partial<Effect> = {}): Effect[] =>
  r.estimate !== null && r.ci ? [{ label, estimate: r.estimate, lower: r.ci[0], upper: r.ci[1], ...extra }] : [];

/** The effects a test estimates; tests of a hypothesis only (chi-square, signed-rank, the shift table) have none. */
function effects(t: EndpointTest): Effect[] {
  switch (t.kind) {
    case 'welch':
    case 'risk-difference':
      return fromResult(`${t.result.method} (${t.contrast})`, t.result);
    case 'fisher':
      // The conditional maximum-likelihood odds ratio with its exact interval (R's fisher.test).
      return fromResult(`Odds ratio, Fisher's exact test (${t.contrast})`, t.result, { reference: 1, scale: 'log' });
    case 'ancova':
      return t.contrasts.map((c) => ({ label: `ANCOVA ${c.term}`, estimate: c.estimate, lower: c.lower, upper: c.upper }));
    case 'mmrm':
      return t.contrasts.map((c) => ({ label: `MMRM ${c.term}${c.visit ? ` at ${c.visit}` : ''}`, estimate: c.estimate, ...contrastInterval(c) }));
    case 'piecewise':
      return t.contrasts.map((c) => ({ label: `${c.term} (${t.unit})`, estimate: c.estimate, ...contrastInterval(c) }));
    case 'per-patient-slopes':
      return fromResult(`Per-patient slope difference (${t.unit})`, t.result);
    case 'paired-t':
      return fromResult('Mean change', t.result);
    case 'proportion-improved':
      // Single arm: the proportion against the exact binomial test's null of one half.
      return fromResult('Proportion improved by ≥ 1 grade (Clopper–Pearson; reference 0.5, the binomial test’s null)', t.result, { reference: 0.5 });
    default:
      return [];
  }
}

/** Tests whose effect the plot would show, by the method name `attempt` gives them when they cannot run. */
const effectMethods = new Set(['welch', 'risk-difference', 'fisher', 'ancova', 'mmrm', 'piecewise', 'per-patient-slopes', 'paired-t', 'proportion-improved']);

const drawable = (r: ForestRow): boolean => [r.estimate, r.lower, r.upper].every(Number.isFinite) && (r.scale === 'linear' || [r.estimate, r.lower, r.upper].every((v) => v > 0));

/** Every endpoint effect of the ITT set, in outcome order: those with a finite interval as rows, the others with the reason. */
export function forestData(analysis: StudyAnalysis): ForestData {
  const rows: ForestRow[] = [];
  const notShown: { label: string; reason: string }[] = [];
  const add = (prefix: string, tests: readonly EndpointTest[] | undefined) => {
    for (const t of tests ?? []) {
      if (t.kind === 'not-estimable') {
        if (effectMethods.has(t.method)) notShown.push({ label: `${prefix}: ${t.method}`, reason: 'could not be estimated; the endpoint section says why' });
        continue;
      }
      for (const e of effects(t)) {
        const row: ForestRow = { reference: 0, scale: 'linear', ...e, label: `${prefix}: ${e.label}` };
        if (drawable(row)) rows.push(row);
        else notShown.push({ label: row.label, reason: `no finite interval (${fmt(row.estimate)}, ${fmt(row.lower)} to ${fmt(row.upper)})` });
      }
    }
  };
  for (const e of analysis.endpoints.filter((x) => x.analysisSet === 'itt')) {
    for (const m of e.measures) add(`${e.outcomeId} · ${m.key}`, m.tests);
    for (const r of e.responders ?? []) add(`${e.outcomeId} ${r.definition} at ${r.toVisit}`, r.tests);
  }
  return { rows, notShown };
}

const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : v > 0 ? '∞' : '−∞');

/**
 * The forest plot of the endpoint effects: each estimate with its 95 % interval on its own row. The
 * effects are on different scales (points, proportions, points per month, odds ratios), so each row
 * is scaled to its own interval around its value of no effect, which the dashed line marks (odds
 * ratios on the log scale), and its numbers are printed beside it.
 */
export function forestPlot({ rows, notShown }: ForestData): string {
  const title = 'Forest plot of the endpoint effects (95 % intervals, intention-to-treat)';
  const missing = notShown.length ? `<p class="note">Not drawn: ${esc(notShown.map((n) => `${n.label} (${n.reason})`).join('; '))}.</p>` : '';
  if (rows.length === 0)
    return `<figure class="plot"><figcaption>${title}</figcaption>${missing}<p class="alt">No effect could be estimated: the comparisons need data by arm (after lock) or a single-arm design with paired data.</p></figure>`;
  const [labelW, plotW, rowH] = [330, 180, 22];
  const cx = labelW + plotW / 2;
  const height = rows.length * rowH + 30;
  const marks = rows.map((r, i) => {
    const f = r.scale === 'log' ? Math.log : (v: number) => v;
    const span = Math.max(Math.abs(f(r.lower) - f(r.reference)), Math.abs(f(r.upper) - f(r.reference)), 1e-12);
    const px = (v: number) => cx + ((f(v) - f(r.reference)) / span) * (plotW / 2 - 6);
    const y = 20 + i * rowH;
    return `<text x="4" y="${y + 4}" font-size="10">${esc(r.label.length > 62 ? `${r.label.slice(0, 60)}…` : r.label)}</text><line x1="${px(r.lower)}" y1="${y}" x2="${px(r.upper)}" y2="${y}" stroke="black"/><rect x="${px(r.estimate) - 3}" y="${y - 3}" width="6" height="6"/><text x="${labelW + plotW + 8}" y="${y + 4}" font-size="10">${fmt(r.estimate)} (${fmt(r.lower)} to ${fmt(r.upper)})</text>`;
  });
  const alt = rows.map((r) => `${r.label}: ${fmt(r.estimate)} (95 % interval ${fmt(r.lower)} to ${fmt(r.upper)}; no effect at ${r.reference}${r.scale === 'log' ? ', log scale' : ''})`).join('; ');
  return `<figure class="plot"><figcaption>${title}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${title}" aria-describedby="forest-alt" width="680" height="${height}" viewBox="0 0 680 ${height}" font-family="system-ui,sans-serif"><title>${title}</title><line x1="${cx}" y1="8" x2="${cx}" y2="${height - 8}" stroke="#888" stroke-dasharray="3 3"/>${marks.join('')}</svg>${missing}<p class="alt" id="forest-alt">${esc(alt)}.</p></figure>`;
}
