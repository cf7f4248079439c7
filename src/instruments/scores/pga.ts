import type { InstrumentDefinition, InstrumentScore, ItemValues } from './instrument.js';
import { integerChoice } from './instrument.js';
import { scoreWithForm } from './form-score.js';
import { instrumentForm } from './instrument-form.js';

/**
 * The SRI-4 inputs besides SLEDAI-2K, recorded at each SLE visit: the physician's global assessment
 * on the 0–3 scale and the BILAG-2004 organ domains newly scored A or B since baseline (Furie R et al.
 * Lupus Sci Med 2014;1:e000031; shared/reference/scoring/sri4.md). The total is the PGA itself.
 */
export const pga: InstrumentDefinition = {
  id: 'pga',
  name: "Physician's global assessment and new BILAG flares",
  source: 'Furie R et al. Lupus Sci Med 2014;1:e000031 (SRI-4: PGA 0–3, new BILAG-2004 A / B organ domains)',
  items: [
    { id: 'pga', label: "Physician's global assessment of disease activity (0 none – 3 severe)", required: true, allowed: { kind: 'range', min: 0, max: 3, integer: false } },
    // BILAG-2004 has 9 organ domains
    { id: 'newBilagA', label: 'Organ domains newly scored BILAG A since baseline', required: true, allowed: integerChoice(0, 9) },
    { id: 'newBilagB', label: 'Organ domains newly scored BILAG B since baseline', required: true, allowed: integerChoice(0, 9) },
  ],
  total: { min: 0, max: 3, higherIsWorse: true },
};

/** The total is the PGA; the new BILAG counts are its components, as the SRI-4 reads them. */
export const pgaForm = instrumentForm(pga, {
  calculations: [
    ['pga-total', 'PGA', '[pga]'],
    ['new-bilag-a', 'New BILAG A domains', '[newBilagA]'],
    ['new-bilag-b', 'New BILAG B domains', '[newBilagB]'],
  ],
  total: 'pga-total',
  components: { newBilagA: 'new-bilag-a', newBilagB: 'new-bilag-b' },
});

export function scorePga(values: ItemValues): InstrumentScore {
  return scoreWithForm(pga, pgaForm, values);
}
