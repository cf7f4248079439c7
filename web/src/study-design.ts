/** "phase1/phase2" → "Phase 1/2"; "n/a" (a study without phases) → nothing. */
export function phaseText(phase: string): string | null {
  if (phase === 'n/a') return null;
  return `Phase ${phase.replaceAll('phase', '')}`;
}

const models: Readonly<Record<string, string>> = {
  parallel: 'parallel groups',
  'single-group': 'single group',
  crossover: 'crossover',
  factorial: 'factorial',
  sequential: 'sequential',
};

/**
 * The design in words: "Phase 2 · randomized · parallel groups". A part the server left out (a
 * blinded user is not sent the allocation) or that does not apply ("n/a") is skipped, not shown empty.
 */
export function designText(p: { readonly phase: string; readonly design: { readonly allocation?: string | undefined; readonly interventionModel?: string | undefined } }): string {
  const allocation = p.design.allocation && p.design.allocation !== 'n/a' ? p.design.allocation : null;
  const model = p.design.interventionModel ? (models[p.design.interventionModel] ?? p.design.interventionModel) : null;
  return [phaseText(p.phase), allocation, model].filter((x) => x !== null).join(' · ');
}
