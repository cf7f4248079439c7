import type { InstrumentDefinition, InstrumentItem, InstrumentScore, ItemValues } from './instrument.js';
import { integerChoice } from './instrument.js';
import { scoreWithForm } from './form-score.js';
import { instrumentForm, refs } from './instrument-form.js';

/**
 * ALSAQ-40: Jenkinson C, Fitzpatrick R, Brennan C, Bromberg M, Swash M. Development and validation of a
 * short measure of health status for individuals with amyotrophic lateral sclerosis/motor neurone
 * disease: the ALSAQ-40. J Neurol 1999;246 Suppl 3:III16–21. 40 items, each coded 0–4 (five response
 * options, never … always/cannot do at all), in five dimensions (items in questionnaire order):
 * physical mobility 1–10, activities of daily living/independence 11–20, eating and drinking 21–23,
 * communication 24–30, emotional reactions 31–40. Dimension score = raw sum / (4 × items) × 100
 * (0 = best, 100 = worst). The item wording is licensed (Oxford University Innovation) and not reproduced.
 *
 * Total: the single index of Jenkinson C, Norquist JM, Fitzpatrick R. J Neurol Neurosurg Psychiatry
 * 2003;74:242–245 — all 40 items fit one Rasch model, so "the 40 items were summed to create a single
 * index". We put that sum on the dimensions' 0–100 scale (sum / 160 × 100).
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
  items: layout.flatMap((d) => d.ids.map((id): InstrumentItem => ({ id, label: `Item ${id.slice(1)} (${d.label})`, allowed: response, required: true }))),
  total: { min: 0, max: 100, higherIsWorse: true },
  unverified: "The total is the published single index (the 40 items summed, Jenkinson 2003); its rescaling to 0-100 is ours, as the paper's abstract does not give the index's scale.",
};

// × 100 before dividing keeps quarter-point results exact (9 × 100 / 160 = 5.625).
const scaled = (ids: readonly string[]) => `sum(${refs(ids)}) * 100 / ${4 * ids.length}`;

/** Components: the five dimension scores (0–100); total: the single index, 0–100. */
export const alsaq40Form = instrumentForm(alsaq40, {
  calculations: [...layout.map((d): [string, string, string] => [d.id, `${d.label} (0-100)`, scaled(d.ids)]), ['index', 'ALSAQ-40 single index (0-100)', scaled(alsaq40.items.map((i) => i.id))]],
  total: 'index',
  components: Object.fromEntries(layout.map((d) => [d.id, d.id])),
});

export function scoreAlsaq40(values: ItemValues): InstrumentScore {
  return scoreWithForm(alsaq40, alsaq40Form, values);
}
