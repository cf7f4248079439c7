import { useEffect, useRef } from 'react';
import * as Plot from '@observablehq/plot';
import type { ScorePoint } from '../visit-data.js';

/** A score over study days. Loaded lazily: Observable Plot (with d3) is the heaviest part of the app. */
/** `lastDay`: the protocol's last visit, so the axis shows the whole schedule even with one point. */
export default function ScorePlot({ points, label, lastDay }: { points: readonly ScorePoint[]; label: string; lastDay: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = Plot.plot({
      width: 640,
      height: 240,
      marginLeft: 50,
      x: { label: 'Study day', domain: [0, Math.max(lastDay, ...points.map((p) => p.day))], tickFormat: (d: number) => String(d) },
      y: { label, zero: true, grid: true },
      marks: [
        Plot.ruleY([0]),
        Plot.line([...points], { x: 'day', y: 'total', stroke: '#0b57a4' }),
        Plot.dot([...points], { x: 'day', y: 'total', fill: '#0b57a4', r: 4, title: (p: ScorePoint) => `${p.visit}: ${p.total}` }),
        Plot.text([...points], { x: 'day', y: 'total', text: (p: ScorePoint) => String(p.total), dy: -10, fill: '#1b1f24' }),
      ],
    });
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', `${label} by study day: ${points.map((p) => `${p.visit} ${p.total}`).join(', ')}`);
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [points, label, lastDay]);
  return <div className="plot" ref={ref} data-testid="score-plot" />;
}
