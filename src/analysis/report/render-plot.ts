import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { PlotSpec } from './plot-data.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One plot as a <figure>: its title as caption, inline SVG drawn by Observable Plot on a server-side DOM, and its text alternative. */
export function renderPlot(spec: PlotSpec): string {
  return `<figure class="plot"><figcaption>${esc(spec.title)}</figcaption>${spec.points.length === 0 ? '' : svg(spec)}<p class="alt">${esc(spec.alt)}</p></figure>`;
}

function svg(spec: PlotSpec): string {
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
    // Many participants' lines need no legend; their codes are in the text alternative's data table.
    color: { type: 'ordinal', legend: spec.id !== 'trajectories' },
    ariaLabel: spec.title,
    ariaDescription: spec.alt,
    marks,
  });
  return el.outerHTML;
}
