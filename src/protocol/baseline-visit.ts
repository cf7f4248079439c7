import type { Protocol } from './schema.js';

/**
 * The protocol's baseline visit: the last scheduled visit on or before study day 1 (the last assessment
 * before the first dose, ICH E9 §5.7 / CDISC ADaM "last non-missing value before treatment"), else the
 * first visit.
 */
export function baselineVisitId(protocol: Protocol): string {
  const byDay = [...protocol.visits].sort((a, b) => a.day - b.day);
  return (byDay.filter((v) => v.day <= 1).at(-1) ?? byDay[0]!).id;
}
