import type { InstrumentDefinition, InstrumentItem, InstrumentScore, ItemValues } from './instrument.js';
import { integerChoice } from './instrument.js';
import { assertValidItems, itemValue } from './validate-items.js';
import { sum } from './weighted-sum.js';

/**
 * ALSAQ-40: Jenkinson C, Fitzpatrick R, Brennan C, Bromberg M, Swash M. Development and validation of a
 * short measure of health status for individuals with amyotrophic lateral sclerosis/motor neurone
 * disease: the ALSAQ-40. J Neurol 1999;246 Suppl 3:III16–21. 40 items, each coded 0–4 (five response
 * options, never … always/cannot do at all), in five dimensions (items in questionnaire order):
 * physical mobility 1–10, activities of daily living/independence 11–20, eating and drinking 21–23,
 * communication 24–30, emotional reactions 31–40. Dimension score = raw sum / (4 × items) × 100
 * (0 = best, 100 = worst). The item wording is licensed (Oxford University Innovation) and not reproduced.
 */
const dimensions: readonly (readonly [id: string, label: string, items: number])[] = [
  ['physicalMobility', 'physical mobility', 10],
  ['adlIndependence', 'activities of daily living/independence', 10],
  ['eatingDrinking', 'eating and drinking', 3],
  ['communication', 'communication', 7],
  ['emotionalReactions', 'emotional reactions', 10],
];

const response = integerChoice(0, 4, ['Never / not at all', 'Rarely', 'Sometimes', 'Often', 'Always / cannot do at all']);

let next = 1;
const layout = dimensions.map(([id, label, count]) => {
  const ids = Array.from({ length: count }, (_, i) => `q${next + i}`);
  next += count;
  return { id, label, ids };
});

export const alsaq40: InstrumentDefinition = {
  id: 'alsaq-40',
  name: 'ALSAQ-40',
  source: 'Jenkinson C et al. J Neurol 1999;246 Suppl 3:III16-21 (ALSAQ-40)',
  items: layout.flatMap((d) =>
    d.ids.map((id): InstrumentItem => ({ id, label: `Item ${id.slice(1)} (${d.label})`, allowed: response, required: true })),
  ),
  total: { min: 0, max: 100, higherIsWorse: true },
  unverified: 'The total is the unweighted mean of the five dimension scores (a summary index); the published definition gives only the dimension scores.',
};

/** Components: the five dimension scores (0–100); total: their mean. */
export function scoreAlsaq40(values: ItemValues): InstrumentScore {
  const v = assertValidItems(alsaq40, values);
  const components: Record<string, number> = {};
  for (const d of layout) components[d.id] = (sum(d.ids.map((id) => itemValue(v, id))) / (4 * d.ids.length)) * 100;
  return { instrument: 'alsaq-40', total: sum(Object.values(components)) / layout.length, components };
}
