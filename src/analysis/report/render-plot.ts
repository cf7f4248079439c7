import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { PlotSpec } from './plot-data.js';

/** One plot as inline SVG markup (a <figure> with its legend), drawn by Observable Plot on a server-side DOM. */
export function renderPlot(spec: PlotSpec): string {
  if (spec.points.length === 0) return '<p class="note">No data yet.</p>';
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const data = [...spec.points];
  const marks =
    spec.mark === 'bar'
      ? [Plot.barY(data, { x: 'x', y: 'y', fill: 'series', fx: 'series' }), Plot.ruleY([0])]
      : [Plot.lineY(data, { x: 'x', y: 'y', stroke: 'series', marker: 'circle' }), Plot.ruleY([0], { strokeOpacity: 0.2 })];
  const el = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: 320,
    style: { background: 'white', color: 'black', fontSize: '11px' },
    x: { label: spec.xLabel, ...(spec.mark === 'bar' ? { type: 'band' } : {}) },
    y: { label: spec.yLabel, grid: true },
    // Series are names (arms, subsets, participants): an ordinal scale, whose legend needs no canvas.
    color: { type: 'ordinal', legend: true },
    marks,
  });
  return el.outerHTML;
}
