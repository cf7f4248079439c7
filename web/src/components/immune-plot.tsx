import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import type { SubsetPoint } from '../immune-series.js';

/** Immune subsets (cells/µL, log scale) over study days; loaded lazily like the score plot, sharing its Plot chunk. */
export default function ImmunePlot({ points, lastDay }: { points: readonly SubsetPoint[]; lastDay: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const data = [...points];
    const chart = Plot.plot({
      width: 640,
      height: 300,
      marginLeft: 60,
      color: { legend: true },
      x: { label: 'Study day', domain: [0, Math.max(lastDay, ...points.map((p) => p.day))], tickFormat: (d: number) => String(d) },
      y: { label: 'Cells/µL', type: 'log', grid: true },
      marks: [
        Plot.line(data, { x: 'day', y: 'perUl', stroke: 'subset' }),
        Plot.dot(data, { x: 'day', y: 'perUl', fill: 'subset', r: 4, title: (p: SubsetPoint) => `${p.subset}, ${p.visit}: ${Math.round(p.perUl)} cells/µL` }),
      ],
    });
    // With its legend the chart is a <figure> around the <svg>: the whole figure is the one image.
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', `Immune subsets by study day: ${points.map((p) => `${p.subset} ${p.visit} ${Math.round(p.perUl)} cells/µL`).join('; ')}`);
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [points, lastDay]);
  return <div className="plot" ref={ref} data-testid="immune-plot" />;
}
