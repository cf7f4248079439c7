import type { ConsortFlow } from './consort-flow.js';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The CONSORT 2010 flow drawn as a diagram (inline SVG): the enrolment boxes down the middle, the
 * exclusions beside them, one allocation box per arm in the by-arm view. It carries a <title> and a
 * text alternative naming every box and its count.
 */
export function consortDiagram(f: ConsortFlow): string {
  const arms = f.randomizedByArm ?? [];
  const main: [string, number][] = [
    ['Assessed for eligibility', f.screened],
    ['Consented', f.consented],
    ['Enrolled', f.enrolled],
    ...(f.randomized > 0 ? ([['Randomized', f.randomized]] as [string, number][]) : []),
    ['Started treatment', f.onTreatment],
    ['Completed', f.completed],
  ];
  const side: Record<string, string> = {
    'Assessed for eligibility': `Ineligible: ${f.ineligible}`,
    Completed: `Withdrawn: ${f.withdrawn}${f.withdrawalReasons.length ? ` (${f.withdrawalReasons.map((w) => `${w.reason}: ${w.n}`).join('; ')})` : ''}`,
  };
  const [w, h, gap, x] = [230, 34, 22, 40];
  const rows = main.map(([label, n], i) => ({ label: `${label} (n = ${n})`, y: 10 + i * (h + gap) }));
  const armY = 10 + rows.length * (h + gap);
  const height = armY + (arms.length ? h + 20 : 0);
  const box = (bx: number, by: number, bw: number, text: string) =>
    `<rect x="${bx}" y="${by}" width="${bw}" height="${h}" rx="3" fill="white" stroke="black"/><text x="${bx + bw / 2}" y="${by + h / 2 + 4}" text-anchor="middle" font-size="11">${esc(text)}</text>`;
  const parts = rows.map((r, i) => {
    const arrow = i === 0 ? '' : `<line x1="${x + w / 2}" y1="${r.y - gap}" x2="${x + w / 2}" y2="${r.y}" stroke="black" marker-end="url(#consort-arrow)"/>`;
    const label = main[i]![0];
    const aside = side[label] ? `<line x1="${x + w}" y1="${r.y + h / 2}" x2="${x + w + 20}" y2="${r.y + h / 2}" stroke="black"/>${box(x + w + 20, r.y, 300, side[label]!)}` : '';
    return arrow + box(x, r.y, w, r.label) + aside;
  });
  const armW = arms.length ? Math.min(200, 560 / arms.length - 10) : 0;
  const armBoxes = arms.map((a, i) => box(x + i * (armW + 10), armY, armW, `Allocated to ${a.armId} (n = ${a.n})`)).join('');
  const alt = [...rows.map((r) => r.label), ...Object.values(side), ...arms.map((a) => `allocated to ${a.armId}: ${a.n}`)].join('; ');
  return `<figure class="plot"><figcaption>Participant flow (CONSORT 2010)</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Participant flow (CONSORT 2010)" aria-describedby="consort-alt" width="640" height="${height}" viewBox="0 0 640 ${height}" font-family="system-ui,sans-serif"><title>Participant flow (CONSORT 2010)</title><defs><marker id="consort-arrow" markerWidth="8" markerHeight="8" refX="7" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs>${parts.join('')}${armBoxes}</svg><p class="alt" id="consort-alt">${esc(alt)}.</p></figure>`;
}
