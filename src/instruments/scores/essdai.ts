import type { InstrumentDefinition, InstrumentScore, ItemOption, ItemValues } from './instrument.js';
import { assertValidItems } from './validate-items.js';
import { sum, weightedComponents } from './weighted-sum.js';

/**
 * ESSDAI: Seror R et al. EULAR Sjögren's syndrome disease activity index: development of a consensus
 * systemic disease activity index for primary Sjögren's syndrome. Ann Rheum Dis 2010;69:1103–1109,
 * Table 3 (domains, activity levels, weights). Domain score = activity level × weight; ESSDAI = Σ of
 * 12 domain scores, 0–123.
 *
 * Level TEXTS of domains 1–5 are Table 3's wording (abridged). For domains 6–12 (pulmonary … biological)
 * the level numbers and weights are verified (weights 5,5,6,5,5,2,1: Table 3 for pulmonary and two
 * independent implementations for the rest; sum 123 matches trials' "potential score 0-123"), but the
 * level descriptions were NOT retrieved from the published table: they are given only as No / Low /
 * Moderate / High, and CNS has no Low level as in the original.
 */
const level = (value: number, label: string): ItemOption => ({ value, label });
const generic = (levels: readonly number[]): ItemOption[] =>
  levels.map((l) => level(l, ['No activity', 'Low activity', 'Moderate activity', 'High activity'][l] ?? String(l)));

const domains: readonly (readonly [id: string, label: string, weight: number, options: readonly ItemOption[]])[] = [
  ['constitutional', 'Constitutional (exclude fever of infectious origin and voluntary weight loss)', 3, [
    level(0, 'No: absence of the following symptoms'),
    level(1, 'Low: mild or intermittent fever (37.5–38.5 °C)/night sweats and/or involuntary weight loss of 5–10% of body weight'),
    level(2, 'Moderate: severe fever (>38.5 °C)/night sweats and/or involuntary weight loss of >10% of body weight'),
  ]],
  ['lymphadenopathy', 'Lymphadenopathy (exclude infection)', 4, [
    level(0, 'No: absence of the following features'),
    level(1, 'Low: lymphadenopathy ≥1 cm in any nodal region or ≥2 cm in inguinal region'),
    level(2, 'Moderate: lymphadenopathy ≥2 cm in any nodal region or ≥3 cm in inguinal region, and/or splenomegaly'),
    level(3, 'High: current malignant B-cell proliferative disorder'),
  ]],
  ['glandular', 'Glandular (exclude stone or infection)', 2, [
    level(0, 'No: absence of glandular swelling'),
    level(1, 'Low: small glandular swelling with enlarged parotid (≤3 cm), or limited submandibular or lachrymal swelling'),
    level(2, 'Moderate: major glandular swelling with enlarged parotid (>3 cm), or important submandibular or lachrymal swelling'),
  ]],
  ['articular', 'Articular (exclude osteoarthritis)', 2, [
    level(0, 'No: absence of currently active articular involvement'),
    level(1, 'Low: arthralgias in hands, wrists, ankles and feet accompanied by morning stiffness (>30 min)'),
    level(2, 'Moderate: 1–5 (of 28 total count) synovitis'),
    level(3, 'High: ≥6 (of 28 total count) synovitis'),
  ]],
  ['cutaneous', 'Cutaneous (rate stable long-lasting damage as no activity)', 3, [
    level(0, 'No: absence of currently active cutaneous involvement'),
    level(1, 'Low: erythema multiforma'),
    level(2, 'Moderate: limited cutaneous vasculitis, including urticarial vasculitis, or purpura limited to feet and ankle, or subacute cutaneous lupus'),
    level(3, 'High: diffuse cutaneous vasculitis, including urticarial vasculitis, or diffuse purpura, or ulcers related to vasculitis'),
  ]],
  ['pulmonary', 'Pulmonary', 5, generic([0, 1, 2, 3])],
  ['renal', 'Renal', 5, generic([0, 1, 2, 3])],
  ['muscular', 'Muscular', 6, generic([0, 1, 2, 3])],
  ['pns', 'Peripheral nervous system', 5, generic([0, 1, 2, 3])],
  ['cns', 'Central nervous system', 5, generic([0, 2, 3])],
  ['haematological', 'Haematological', 2, generic([0, 1, 2, 3])],
  ['biological', 'Biological', 1, generic([0, 1, 2])],
];

export const essdai: InstrumentDefinition = {
  id: 'essdai',
  name: 'ESSDAI',
  source: "Seror R et al. Ann Rheum Dis 2010;69:1103-1109, Table 3 (ESSDAI domains, activity levels and weights)",
  items: domains.map(([id, label, weight, options]) => ({ id, label, weight, allowed: { kind: 'choice', options }, required: true })),
  total: { min: 0, max: 123, higherIsWorse: true },
  unverified: 'Level descriptions of domains 6-12 (pulmonary to biological) are not the published wording; only their level numbers and weights are verified.',
};

/** Components are the 12 domain scores (level × weight). */
export function scoreEssdai(values: ItemValues): InstrumentScore {
  const v = assertValidItems(essdai, values);
  const components = weightedComponents(essdai, v);
  return { instrument: 'essdai', total: sum(Object.values(components)), components };
}
