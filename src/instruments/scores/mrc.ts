import type { InstrumentDefinition, InstrumentItem, InstrumentScore, ItemValues } from './instrument.js';
import { integerChoice } from './instrument.js';
import { scoreWithForm } from './form-score.js';
import { instrumentForm, refs } from './instrument-form.js';

/**
 * MRC sum score: Kleyweg RP, van der Meché FG, Schmitz PI. Interobserver agreement in the assessment of
 * muscle strength and functional abilities in Guillain-Barré syndrome. Muscle Nerve 1991;14:1103–1109.
 * Six muscle groups on both sides, each graded 0–5 on the Medical Research Council scale; total 0–60.
 */
const muscles: readonly (readonly [id: string, label: string])[] = [
  ['shoulder-abduction', 'Shoulder abduction'],
  ['elbow-flexion', 'Elbow flexion'],
  ['wrist-extension', 'Wrist extension'],
  ['hip-flexion', 'Hip flexion'],
  ['knee-extension', 'Knee extension'],
  ['ankle-dorsiflexion', 'Ankle dorsiflexion'],
];
const sides = ['left', 'right'] as const;

// MRC grades (Medical Research Council, Aids to the examination of the peripheral nervous system, 1976).
const mrcGrade = integerChoice(0, 5, [
  'No contraction',
  'Flicker or trace of contraction',
  'Active movement with gravity eliminated',
  'Active movement against gravity',
  'Active movement against gravity and resistance',
  'Normal power',
]);

export const mrc: InstrumentDefinition = {
  id: 'mrc',
  name: 'MRC sum score',
  source: 'Kleyweg RP, van der Meche FG, Schmitz PI. Muscle Nerve 1991;14:1103-1109 (MRC sum score)',
  items: sides.flatMap((side) => muscles.map(([id, label]): InstrumentItem => ({ id: `${id}-${side}`, label: `${label}, ${side}`, allowed: mrcGrade, required: true }))),
  total: { min: 0, max: 60, higherIsWorse: false },
};

/** Components: left and right sums (0–30 each); the total their sum. */
export const mrcForm = instrumentForm(mrc, {
  calculations: [
    ...sides.map((side): [string, string, string] => [side, `MRC sum, ${side} side`, `sum(${refs(muscles.map(([id]) => `${id}-${side}`))})`]),
    ['total', 'MRC sum score', '[left] + [right]'],
  ],
  total: 'total',
  components: { left: 'left', right: 'right' },
});

export function scoreMrc(values: ItemValues): InstrumentScore {
  return scoreWithForm(mrc, mrcForm, values);
}
