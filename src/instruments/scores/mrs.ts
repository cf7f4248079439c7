import type { InstrumentDefinition, InstrumentScore, ItemValues } from './instrument.js';
import { integerChoice } from './instrument.js';
import { scoreWithForm } from './form-score.js';
import { instrumentForm } from './instrument-form.js';

/**
 * Modified Rankin Scale, 0–6: van Swieten JC et al. Stroke 1988;19:604–607 (UK-TIA wording; grade 6
 * = dead as in current use, radiopaedia.org/articles/modified-rankin-scale). One item; the total is the grade.
 */
export const mrs: InstrumentDefinition = {
  id: 'mrs',
  name: 'modified Rankin Scale',
  source: 'van Swieten JC et al. Stroke 1988;19:604-607; grade texts as in the UK-TIA version (Farrell B et al. 1991)',
  items: [
    {
      id: 'mrs',
      label: 'Modified Rankin Scale grade',
      required: true,
      allowed: integerChoice(0, 6, [
        'No symptoms at all',
        'No significant disability despite symptoms; able to carry out all usual duties and activities',
        'Slight disability; unable to carry out all previous activities, but able to look after own affairs without assistance',
        'Moderate disability; requiring some help, but able to walk without assistance',
        'Moderately severe disability; unable to walk without assistance and unable to attend to own bodily needs without assistance',
        'Severe disability; bedridden, incontinent and requiring constant nursing care and attention',
        'Dead',
      ]),
    },
  ],
  total: { min: 0, max: 6, higherIsWorse: true },
};

/** The total is the grade. */
export const mrsForm = instrumentForm(mrs, { calculations: [['grade', 'mRS grade', '[mrs]']], total: 'grade', components: {} });

export function scoreMrs(values: ItemValues): InstrumentScore {
  return scoreWithForm(mrs, mrsForm, values);
}
