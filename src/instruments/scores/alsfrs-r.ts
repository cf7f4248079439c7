import { AppError } from '../../errors/app-error.js';
import { daysBetween } from '../../dates/iso-date.js';
import type { InstrumentDefinition, InstrumentItem, InstrumentScore, ItemValues } from './instrument.js';
import { integerChoice } from './instrument.js';
import { scoreWithForm } from './form-score.js';
import { instrumentForm, refs } from './instrument-form.js';
import { instrumentsErrors } from '../errors.js';

/**
 * ALSFRS-R: Cedarbaum JM et al. The ALSFRS-R: a revised ALS functional rating scale that incorporates
 * assessments of respiratory function. J Neurol Sci 1999;169:13–21. 12 items scored 4 (normal) … 0;
 * item 5 is scored on 5a (no gastrostomy) OR 5b (gastrostomy), never both; total 0–48.
 * Level wording of items 1–10 and 12 as in shared/reference/scoring/alsfrs_r.md sources [A]/[B]/[C].
 * Item 11 (orthopnea), not in those sources, was read in five independent reproductions of the
 * Cedarbaum table in public code: levels 4–1 read the same in all five; level 0 reads "Unable to sleep"
 * in the three that cite Cedarbaum 1999 and "Unable to sleep without mechanical assistance" in the two
 * copied from later clinic forms. We keep the 1999 wording.
 */
const item = (id: string, label: string, levels: readonly string[], required = true): InstrumentItem => ({
  id,
  label,
  // levels are listed 0 → 4
  allowed: integerChoice(0, 4, levels),
  required,
});

export const alsfrsR: InstrumentDefinition = {
  id: 'alsfrs-r',
  name: 'ALSFRS-R',
  source: 'Cedarbaum JM et al. J Neurol Sci 1999;169:13-21 (ALSFRS-R)',
  items: [
    item('speech', '1. Speech', ['Loss of useful speech', 'Speech combined with nonvocal communication', 'Intelligible with repeating', 'Detectable speech disturbance', 'Normal speech processes']),
    item('salivation', '2. Salivation', [
      'Marked drooling; requires constant tissue or handkerchief',
      'Marked excess of saliva with some drooling',
      'Moderately excessive saliva; may have minimal drooling',
      'Slight but definite excess of saliva in mouth; may have nighttime drooling',
      'Normal',
    ]),
    item('swallowing', '3. Swallowing', [
      'NPO (exclusively parenteral or enteral feeding)',
      'Needs supplemental tube feeding',
      'Dietary consistency changes',
      'Early eating problems, occasional choking',
      'Normal eating habits',
    ]),
    item('handwriting', '4. Handwriting', ['Unable to grip pen', 'Able to grip pen but unable to write', 'Not all words are legible', 'Slow or sloppy; all words legible', 'Normal']),
    item(
      'cutting-food',
      '5a. Cutting food and handling utensils (patients without gastrostomy)',
      [
        'Needs to be fed',
        'Food must be cut by someone, but can still feed slowly',
        'Can cut most foods, although clumsy and slow; some help needed',
        'Somewhat slow and clumsy, but no help needed',
        'Normal',
      ],
      false,
    ),
    item(
      'cutting-food-gastrostomy',
      '5b. Cutting food and handling utensils (patients with gastrostomy)',
      [
        'Unable to perform any aspect of task',
        'Provides minimal assistance to caregiver',
        'Some help needed with closures and fasteners',
        'Clumsy but able to perform all manipulations independently',
        'Normal',
      ],
      false,
    ),
    item('dressing-hygiene', '6. Dressing and hygiene', [
      'Total dependence',
      'Needs attendant for self-care',
      'Intermittent assistance or substitute methods',
      'Independent and complete self-care with effort or decreased efficiency',
      'Normal function',
    ]),
    item('turning-in-bed', '7. Turning in bed and adjusting bed clothes', [
      'Helpless',
      'Can initiate, but not turn or adjust sheets alone',
      'Can turn alone or adjust sheets, but with great difficulty',
      'Somewhat slow and clumsy, but no help needed',
      'Normal',
    ]),
    item('walking', '8. Walking', ['No purposeful leg movement', 'Nonambulatory functional movement only', 'Walks with assistance', 'Early ambulation difficulties', 'Normal']),
    item('climbing-stairs', '9. Climbing stairs', ['Cannot do', 'Needs assistance', 'Mild unsteadiness or fatigue', 'Slow', 'Normal']),
    item('dyspnea', '10. Dyspnea', [
      'Significant difficulty, considering using mechanical respiratory support',
      'Occurs at rest, difficulty breathing when either sitting or lying',
      'Occurs with one or more of: eating, bathing, dressing (ADL)',
      'Occurs when walking',
      'None',
    ]),
    item('orthopnea', '11. Orthopnea', [
      'Unable to sleep',
      'Can only sleep sitting up',
      'Needs extra pillows in order to sleep (more than two)',
      'Some difficulty sleeping at night due to shortness of breath, does not routinely use more than two pillows',
      'None',
    ]),
    item('respiratory-insufficiency', '12. Respiratory insufficiency', [
      'Invasive mechanical ventilation by intubation or tracheostomy',
      'Continuous use of NIPPV during the night and day',
      'Continuous use of NIPPV during the night',
      'Intermittent use of NIPPV',
      'None',
    ]),
  ],
  exactlyOneOf: [['cutting-food', 'cutting-food-gastrostomy']],
  total: { min: 0, max: 48, higherIsWorse: false },
  unverified:
    'The split of the motor items into fine (4-6) and gross (7-9) motor sub-scores is the grouping in common use; only the bulbar, motor and respiratory sub-scores come from a published analysis.',
};

/**
 * Sub-scores. The three published dimensions are bulbar (items 1–3, 0–12), motor (4–9, 0–24) and
 * respiratory (10–12, 0–12): Franchignoni F et al. Amyotroph Lateral Scler Frontotemporal Degener
 * 2013;14:331–337 (Rasch analysis), used as subscores by Rooney J et al. J Neurol Neurosurg Psychiatry
 * 2017;88:381–385. The motor dimension is also reported split into fine motor (4–6) and gross motor
 * (7–9), 0–12 each, the grouping in common use (not from a verified primary source). Item 5 is
 * whichever of 5a/5b was scored.
 */
const items = (...ids: string[]) => `sum(${refs(ids)})`;

/** Total = the 12 scored items (bulbar + motor + respiratory; fine and gross motor split the motor sub-score). */
export const alsfrsRForm = instrumentForm(alsfrsR, {
  calculations: [
    ['item-5', '5. Cutting food (5a or 5b, whichever was scored)', 'coalesce([cutting-food], [cutting-food-gastrostomy])'],
    ['bulbar', 'Bulbar sub-score (items 1-3)', items('speech', 'salivation', 'swallowing')],
    ['fine-motor', 'Fine motor sub-score (items 4-6)', items('handwriting', 'item-5', 'dressing-hygiene')],
    ['gross-motor', 'Gross motor sub-score (items 7-9)', items('turning-in-bed', 'walking', 'climbing-stairs')],
    ['motor', 'Motor sub-score (items 4-9)', '[fine-motor] + [gross-motor]'],
    ['respiratory', 'Respiratory sub-score (items 10-12)', items('dyspnea', 'orthopnea', 'respiratory-insufficiency')],
    ['total', 'ALSFRS-R total', '[bulbar] + [motor] + [respiratory]'],
  ],
  total: 'total',
  components: { bulbar: 'bulbar', motor: 'motor', fineMotor: 'fine-motor', grossMotor: 'gross-motor', respiratory: 'respiratory' },
  checks: [
    {
      id: 'item-5-once',
      expression: 'missing([cutting-food]) <> missing([cutting-food-gastrostomy])',
      message: 'Score exactly one of items 5a (without gastrostomy) and 5b (with gastrostomy)',
      item: 'cutting-food',
    },
  ],
});

export function scoreAlsfrsR(values: ItemValues): InstrumentScore {
  return scoreWithForm(alsfrsR, alsfrsRForm, values);
}

/** Mean month length: 365.25 / 12 = 30.4375 days (the Julian year over 12; stated here because the ΔFS papers count "months" without defining them). */
export const DAYS_PER_MONTH = 365.25 / 12;

export type AlsfrsProgression = { readonly months: number; readonly pointsPerMonth: number };

/**
 * Pre-baseline progression rate ΔFS = (48 − ALSFRS-R total) / months from symptom onset to the
 * assessment (Kimura F et al. Neurology 2006;66:265–267). Dates are passed in (ISO YYYY-MM-DD).
 */
export function alsfrsProgressionRate(total: number, onsetDate: string, assessmentDate: string): AlsfrsProgression {
  if (!Number.isInteger(total) || total < 0 || total > 48) {
    throw new AppError(instrumentsErrors.ITEM_OUT_OF_RANGE, `ALSFRS-R total must be a whole number from 0 to 48, not ${total}.`, 'total');
  }
  const days = daysBetween(onsetDate, assessmentDate, 'onsetDate', 'assessmentDate');
  if (days <= 0) {
    throw new AppError(instrumentsErrors.DATE_ORDER_INVALID, `assessmentDate ${assessmentDate} must be after the symptom onsetDate ${onsetDate}.`, 'assessmentDate');
  }
  const months = days / DAYS_PER_MONTH;
  return { months, pointsPerMonth: (48 - total) / months };
}
