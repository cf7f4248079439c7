/** Whether a line speaks of the past ("history of", "prior treatment") or the present ("currently"), by whichever comes last. */
export function lineTense(before: string): 'history' | 'current' | 'unstated' {
  const prior = [...before.matchAll(/pre-?treatment with|history of|prior treatment|previous(?:ly)?|ever received/gi)].pop();
  const current = [...before.matchAll(/receiving|currently|current/gi)].pop();
  if (!prior && !current) return 'unstated';
  return (prior?.index ?? -1) > (current?.index ?? -1) ? 'history' : 'current';
}
