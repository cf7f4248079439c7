import { canonicalJson } from '../../audit/canonical-json.js';
import type { Protocol } from '../schema.js';

/**
 * What an amendment may not change once a participant is randomized, with the rule's reason: the
 * arms and their ratio define what was randomized (ICH E9 §2.3), and masking cannot be changed
 * without breaking or redefining the blind (ICH E9 §2.3.1). Visits, assessments, eligibility text,
 * sites, outcomes and dose-hold rules may change.
 */
export function frozenAfterRandomization(before: Protocol, after: Protocol): string | undefined {
  const arms = (p: Protocol) => canonicalJson(p.arms.map((a) => [a.id, a.type, a.interventions.map((i) => [i.id, i.drug, i.placebo, i.route, i.regimen.steps])]));
  const ratio = (p: Protocol) => canonicalJson(p.arms.map((a) => [a.id, a.ratio]));
  const masking = (p: Protocol) => canonicalJson([p.design.masking.level, [...p.design.masking.masked].sort()]);
  const allocation = (p: Protocol) => canonicalJson([p.design.allocation, p.design.randomization ?? null]);
  if (arms(before) !== arms(after)) return 'the arms (their ids, interventions and regimens) may not change after the first randomization';
  if (ratio(before) !== ratio(after)) return 'the allocation ratio may not change after the first randomization';
  if (allocation(before) !== allocation(after)) return 'the allocation and randomization scheme may not change after the first randomization';
  if (masking(before) !== masking(after)) return 'the masking may not change after the first randomization';
  return undefined;
}
