import type { InstrumentDefinition, InstrumentItem, InstrumentScore, ItemValues } from './instrument.js';
import { scoreWithForm } from './form-score.js';
import { instrumentForm } from './instrument-form.js';

/**
 * BASDAI: Garrett S et al. A new approach to defining disease status in ankylosing spondylitis: the Bath
 * Ankylosing Spondylitis Disease Activity Index. J Rheumatol 1994;21:2286–2291. Six questions on a
 * 0–10 scale; BASDAI = (Q1 + Q2 + Q3 + Q4 + (Q5 + Q6)/2) / 5, range 0–10 (ASAS handbook wording:
 * "compute the mean of questions 5 and 6 … add … divide the result by 5").
 */
const questions: readonly (readonly [id: string, label: string])[] = [
  ['q1', 'Overall level of fatigue/tiredness'],
  ['q2', 'Overall level of AS neck, back or hip pain'],
  ['q3', 'Overall level of pain/swelling in joints other than neck, back or hips'],
  ['q4', 'Overall level of discomfort from any areas tender to touch or pressure'],
  ['q5', 'Overall level of morning stiffness from the time you wake up'],
  ['q6', 'Duration of morning stiffness from the time you wake up (0 = none, 10 = 2 or more hours)'],
];

export const basdai: InstrumentDefinition = {
  id: 'basdai',
  name: 'BASDAI',
  source: 'Garrett S et al. J Rheumatol 1994;21:2286-2291 (BASDAI); calculation as in the ASAS handbook',
  items: questions.map(([id, label]): InstrumentItem => ({ id, label, allowed: { kind: 'range', min: 0, max: 10, integer: false }, required: true })),
  total: { min: 0, max: 10, higherIsWorse: true },
};

/** Components: the morning-stiffness mean (Q5+Q6)/2. */
export const basdaiForm = instrumentForm(basdai, {
  calculations: [
    ['stiffness', 'Morning stiffness, mean of Q5 and Q6', '([q5] + [q6]) / 2'],
    ['total', 'BASDAI', '([q1] + [q2] + [q3] + [q4] + [stiffness]) / 5'],
  ],
  total: 'total',
  components: { stiffness: 'stiffness' },
});

export function scoreBasdai(values: ItemValues): InstrumentScore {
  return scoreWithForm(basdai, basdaiForm, values);
}
