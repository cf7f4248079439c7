import type { ArmSummary } from '../endpoints/endpoint-analysis.js';
import type { EndpointTest } from '../endpoints/endpoint-test.js';
import type { ResponderAnalysis } from '../endpoints/responders.js';
import type { Summary } from '../endpoints/types.js';
import type { Estimand } from '../../protocol/schema.js';
import type { StudyReport } from './build-report.js';
import { consortDiagram } from './consort-diagram.js';
import { forestData, forestPlot } from './forest-plot.js';
import { renderPlot } from './render-plot.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A number for a reader: ∞ where an estimate is unbounded, a dash where there is none (never "NaN"). */
const num = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || Number.isNaN(x) ? '–' : x === Infinity ? '∞' : x === -Infinity ? '−∞' : x.toFixed(digits));
/** p as journals print it: "p < 0.001", "p = 0.004", "p > 0.999"; never "p = < 0.001" or "p = NaN". */
export const pText = (x: number): string => (Number.isNaN(x) ? 'p not computable' : x < 0.001 ? 'p < 0.001' : x > 0.999 ? 'p > 0.999' : `p = ${x.toFixed(3)}`);
const ci = (c: readonly [number, number] | null | undefined): string => (c ? `95 % CI ${num(c[0])} to ${num(c[1])}` : 'no interval');

const structureName = { unstructured: 'unstructured', toeplitz: 'Toeplitz', ar1: 'AR(1)', 'compound-symmetry': 'compound-symmetry' } as const;
const dfName = { 'kenward-roger': 'Kenward–Roger', satterthwaite: 'Satterthwaite', residual: 'residual' } as const;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const tr = (cells: readonly string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

const summaryCell = (s: Summary): string => (s.n === 0 ? 'n = 0' : `n = ${s.n}; ${num(s.mean)} (${num(s.sd)}); median ${num(s.median)}`);

/** The columns of a table: the pooled column, then one per arm when the report shows arms. */
function columns<T>(pooled: T, byArm: readonly (T & { armId: string })[] | undefined): { label: string; value: T }[] {
  return [{ label: 'All', value: pooled }, ...(byArm ?? []).map((a) => ({ label: esc(a.armId), value: a as T }))];
}

function flowSection(r: StudyReport): string {
  const f = r.flow;
  const rows: [string, string][] = [
    ['Screened', String(f.screened)],
    ['Ineligible', String(f.ineligible)],
    ['Consented', String(f.consented)],
    ['Enrolled', String(f.enrolled)],
    ['Randomized', String(f.randomized)],
    ...(f.randomizedByArm ?? []).map((a): [string, string] => [`&nbsp;&nbsp;allocated to ${esc(a.armId)}`, String(a.n)]),
    ['Started treatment', String(f.onTreatment)],
    ['Completed', String(f.completed)],
    ['Withdrawn', String(f.withdrawn)],
    ...f.withdrawalReasons.map((w): [string, string] => [`&nbsp;&nbsp;${esc(w.reason)}`, String(w.n)]),
  ];
  return `<section id="consort"><h2>Participant flow (CONSORT)</h2>${consortDiagram(f)}${table(['Stage', 'Participants'], rows)}</section>`;
}

function baselineSection(r: StudyReport): string {
  const cols = columns(r.baseline.pooled, r.baseline.byArm);
  const row = (label: string, cell: (c: (typeof cols)[number]['value']) => string) => [label, ...cols.map((c) => cell(c.value))];
  const rows = [
    row('Participants', (c) => String(c.n)),
    row('Age, years: mean (SD)', (c) => `${num(c.age.mean, 1)} (${num(c.age.sd, 1)})`),
    row('Female', (c) => String(c.female)),
    row('Male', (c) => String(c.male)),
    ...(r.baseline.primaryInstrument
      ? [row(`Baseline ${esc(r.baseline.primaryInstrument)}: mean (SD)`, (c) => (c.primaryScore ? `${num(c.primaryScore.mean)} (${num(c.primaryScore.sd)})` : '–'))]
      : []),
  ];
  return `<section id="baseline"><h2>Baseline characteristics (intention-to-treat)</h2>${table(['', ...cols.map((c) => c.label)], rows)}</section>`;
}

function testList(tests: readonly EndpointTest[] | undefined): string {
  const items = (tests ?? []).map((t): string => {
    switch (t.kind) {
      case 'welch':
        return `<li>Welch t (${esc(t.contrast)}): difference ${num(t.result.estimate)}, ${ci(t.result.ci)}, ${pText(t.result.pValue)}</li>`;
      case 'paired-t':
      case 'signed-rank':
        return `<li>${esc(t.result.method)}: ${t.result.estimate === null ? '' : `${esc(t.result.estimateName ?? 'estimate')} ${num(t.result.estimate)}, ${ci(t.result.ci)}, `}${pText(t.result.pValue)}</li>`;
      case 'ancova':
        return t.contrasts.map((c) => `<li>ANCOVA ${esc(c.term)}: ${num(c.estimate)} (SE ${num(c.se)}), ${ci([c.lower, c.upper])}, ${pText(c.pValue)}</li>`).join('');
      case 'mmrm': {
        const model = `MMRM, ${structureName[t.covariance.used]} covariance${t.covariance.used === t.covariance.requested ? '' : ` (the protocol's ${structureName[t.covariance.requested]} did not converge)`}, ${dfName[t.df]} df`;
        const means = t.lsMeans.map((m) => `${esc(m.arm)} at ${esc(m.visit)} ${num(m.estimate)} (${ci([m.lower, m.upper])})`).join('; ');
        return `<li>${model}. LS means: ${means}.</li>${t.contrasts
          .map((c) => `<li>MMRM ${esc(c.term)}${c.visit ? ` at ${esc(c.visit)}` : ''}: ${num(c.estimate)} (SE ${num(c.se)}, df ${num(c.df, 1)}), ${ci([c.lower, c.upper])}, ${pText(c.pValue)}</li>`)
          .join('')}`;
      }
      case 'piecewise':
        return t.contrasts
          .map(
            (c) =>
              `<li>Piecewise mixed model, knot at week ${num(t.knotWeek, 0)}: slope during administration ${num(t.slopes.administration)}, during follow-up ${num(t.slopes.followUp)} ${esc(t.unit)}; ${esc(c.term)} ${num(c.estimate)} (Kenward–Roger SE ${num(c.se)}, df ${num(c.df, 1)}), ${pText(c.pValue)}. A month is ${t.daysPerMonth} days (365.25 / 12).</li>`,
          )
          .join('');
      case 'per-patient-slopes':
        return `<li>Sensitivity, per-patient slopes (n = ${t.n}; ${t.excluded} without all three visits left out): mean follow-up minus administration slope ${num(t.result.estimate)} ${esc(t.unit)}, ${ci(t.result.ci)}, ${pText(t.result.pValue)}</li>`;
      case 'shift':
        return `<li>Shift from baseline to last visit (n = ${t.n}; ${t.missing} without it): ${t.table.map((r) => `${r.from} → ${r.to}: ${r.n}`).join('; ') || 'none'}</li>`;
      case 'proportion-improved':
        return `<li>Improved by ≥ 1 grade: ${t.improved} / ${t.n} (${num(100 * (t.result.estimate ?? 0), 0)} %; ${t.missing} without the last visit counted as not improved), Clopper–Pearson ${ci(t.result.ci)}</li>`;
      case 'fisher':
      case 'chi-square':
      case 'risk-difference':
        return `<li>${esc(t.result.method)} (${esc(t.contrast)}): ${t.result.estimate === null ? '' : `${esc(t.result.estimateName ?? 'estimate')} ${num(t.result.estimate)}, ${ci(t.result.ci)}, `}${pText(t.result.pValue)}</li>`;
      case 'not-estimable':
        return `<li>${esc(t.method)}: could not be computed — ${esc(t.reason)}</li>`;
    }
  });
  return items.length ? `<ul class="tests">${items.join('')}</ul>` : '';
}

function respondersBlock(outcomeId: string, set: string, r: ResponderAnalysis): string {
  const cols = columns(r.pooled, r.byArm);
  const rows = [
    ['Responders / n (%)', ...cols.map((c) => `${c.value.responders} / ${c.value.n} (${num(c.value.rate === null ? null : 100 * c.value.rate, 0)} %)`)],
    ['Missing (non-responder)', ...cols.map((c) => String(c.value.missing))],
  ];
  const tp = r.tippingPoint;
  const tipping = tp
    ? `<p class="note">Tipping point (missing = non-responder re-imputed; Fisher's exact test at ${tp.alpha}): ${
        tp.tippingPoint
          ? `the conclusion reverses when ${tp.tippingPoint.otherResponders} of ${tp.otherMissing} missing in the first arm and ${tp.tippingPoint.referenceResponders} of ${tp.referenceMissing} in the reference arm are responders (${pText(tp.tippingPoint.pValue)}).`
          : `no way the ${tp.otherMissing} + ${tp.referenceMissing} missing participants could have responded reverses the conclusion.`
      }</p>`
    : '';
  return `<h3>${esc(outcomeId)} — ${esc(r.definition)} responders at ${esc(r.toVisit)} (${esc(set)})</h3><p class="note">${esc(r.fromVisit)} → ${esc(r.toVisit)}. ${esc(r.missingRule)}</p>${table(['', ...cols.map((c) => c.label)], rows)}${testList(r.tests)}${tipping}`;
}

function estimandBlock(e: Estimand | undefined): string {
  if (!e) return '';
  const events = e.intercurrentEvents.map((x) => `${esc(x.event)}: ${esc(x.strategy)} (${esc(x.handling)})`).join('; ');
  return `<dl class="estimand"><dt>Population</dt><dd>${esc(e.population)}</dd><dt>Variable</dt><dd>${esc(e.variable)}</dd><dt>Intercurrent events</dt><dd>${events}</dd><dt>Summary measure</dt><dd>${esc(e.summaryMeasure)}</dd></dl>`;
}

function endpointsSection(r: StudyReport): string {
  const sets = table(
    ['Analysis set', 'Participants'],
    r.analysis.analysisSets.map((s) => [esc(s.id), [String(s.n), ...(s.byArm ?? []).map((a) => `${esc(a.armId)}: ${a.n}`)].join('; ')]),
  );
  const blocks = r.analysis.endpoints.flatMap((e) => [
    ...e.measures.map((m) => {
      const cols = (x: { pooled: Summary; byArm?: readonly ArmSummary[] }) => columns(x.pooled, x.byArm);
      const first = m.visits[0];
      const head = ['Visit (week)', ...(first ? cols(first).map((c) => c.label) : ['All'])];
      const rows = m.visits.map((v) => [`${esc(v.visitId)} (${num(v.week, 0)})`, ...cols(v).map((c) => summaryCell(c.value))]);
      if (m.change) rows.push([`Change ${esc(m.change.fromVisit)} → ${esc(m.change.toVisit)}`, ...cols(m.change).map((c) => summaryCell(c.value))]);
      return `<h3>${esc(e.outcomeId)} — ${esc(m.key)} (${esc(e.analysisSet)}, ${e.outcomeKind})</h3><p class="measure">${esc(e.measure)}</p>${estimandBlock(e.estimand)}<p class="note">Cells: n; mean (SD); median.</p>${table(head, rows)}${testList(m.tests)}`;
    }),
    ...(e.responders ?? []).map((r) => respondersBlock(e.outcomeId, e.analysisSet, r)),
  ]);
  return `<section id="endpoints"><h2>Endpoints</h2>${sets}${blocks.join('')}</section>`;
}

function adverseEventSection(r: StudyReport): string {
  const first = r.adverseEvents.rows[0];
  const labels = first ? columns(first.pooled, first.byArm).map((c) => c.label) : ['All'];
  const head = ['Term', ...labels.flatMap((l) => [`${l}: participants`, `${l}: grade 1/2/3/4/5`, `${l}: serious`])];
  const rows = r.adverseEvents.rows.map((row) => [
    esc(row.term),
    ...columns(row.pooled, row.byArm).flatMap((c) => [String(c.value.participants), c.value.byGrade.join(' / '), String(c.value.serious)]),
  ]);
  return `<section id="adverse-events"><h2>Adverse events by worst grade (safety set, n = ${r.adverseEvents.safetyN})</h2>${table(head, rows)}</section>`;
}

const css = `body{font:13px/1.4 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#111}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #999;margin-top:2em}h3{font-size:1em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#eee}.note{color:#555;font-size:.9em}figure{margin:1em 0}
.alt{font-size:.85em;color:#333}figcaption{font-weight:600}
dl.estimand{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;font-size:.9em}dl.estimand dt{font-weight:600}dl.estimand dd{margin:0}
@media print{body{margin:0;max-width:none;font-size:10pt}section{break-inside:avoid-page}h2{break-after:avoid}figure,table{break-inside:avoid}th{background:none}}`;

/** The study report as one self-contained HTML document (inline CSS and SVG), readable printed. */
export function renderReportHtml(r: StudyReport): string {
  const status = r.study.locked ? `database locked ${esc(r.study.lockedAt ?? '')}` : 'database open: blinded, pooled summaries';
  const viewNote = r.view === 'pooled' ? 'Pooled over arms (blinded view).' : 'By arm (unblinded view after database lock).';
  const plots = [forestPlot(forestData(r.analysis)), ...r.plots.map(renderPlot)].join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.study.title)} — study report</title><style>${css}</style></head>
<body><header><h1>${esc(r.study.title)}</h1><p>${esc(r.study.id)}${r.study.registryId ? ` · ${esc(r.study.registryId)}` : ''} · data cut-off ${esc(r.cutOff)} · ${status}</p><p class="note">${viewNote}</p></header>
${flowSection(r)}${baselineSection(r)}${endpointsSection(r)}${adverseEventSection(r)}<section id="plots"><h2>Plots</h2>${plots}</section>
</body></html>
`;
}
