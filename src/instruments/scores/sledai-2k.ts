import type { InstrumentDefinition, InstrumentScore, ItemValues } from './instrument.js';
import { presentAbsent } from './instrument.js';
import { scoreWithForm } from './form-score.js';
import { instrumentForm, weightedSumScoring } from './instrument-form.js';

/**
 * SLEDAI-2K: Gladman DD, Ibañez D, Urowitz MB. Systemic lupus erythematosus disease activity index
 * 2000. J Rheumatol 2002;29:288–291. 24 descriptors, each scored when present at the visit or in the
 * preceding 10 days; weights 8 (×8), 4 (×6), 2 (×7), 1 (×3); total 0–105. Descriptor wording abridged
 * from https://medicalcriteria.com/web/reusledai/ (see shared/reference/scoring/sledai_2k.md).
 */
const descriptors: readonly (readonly [id: string, label: string, weight: number])[] = [
  ['seizure', 'Seizure (recent onset; metabolic, infectious or drug causes excluded)', 8],
  ['psychosis', 'Psychosis (severe disturbance in perception of reality; uraemia and drugs excluded)', 8],
  ['organic-brain-syndrome', 'Organic brain syndrome (altered mental function of rapid onset, fluctuating)', 8],
  ['visual-disturbance', 'Visual disturbance (retinal changes of SLE, optic neuritis)', 8],
  ['cranial-nerve-disorder', 'Cranial nerve disorder (new-onset sensory or motor neuropathy of cranial nerves)', 8],
  ['lupus-headache', 'Lupus headache (severe, persistent, unresponsive to narcotic analgesia)', 8],
  ['cva', 'Cerebrovascular accident (new onset; arteriosclerosis excluded)', 8],
  ['vasculitis', 'Vasculitis (ulceration, gangrene, tender finger nodules, periungual infarction, splinter haemorrhages, or biopsy/angiogram proof)', 8],
  ['arthritis', 'Arthritis (≥2 joints with pain and signs of inflammation)', 4],
  ['myositis', 'Myositis (proximal muscle aching/weakness with raised CPK/aldolase, EMG changes or biopsy)', 4],
  ['urinary-casts', 'Urinary casts (haem-granular or red-cell casts)', 4],
  ['hematuria', 'Haematuria (>5 red cells per high-power field; stone, infection, other cause excluded)', 4],
  ['proteinuria', 'Proteinuria (>0.5 g/24 h)', 4],
  ['pyuria', 'Pyuria (>5 white cells per high-power field; infection excluded)', 4],
  ['rash', 'Rash (inflammatory type)', 2],
  ['alopecia', 'Alopecia (abnormal, patchy or diffuse hair loss)', 2],
  ['mucosal-ulcers', 'Mucosal ulcers (oral or nasal)', 2],
  ['pleurisy', 'Pleurisy (pleuritic chest pain with rub, effusion or pleural thickening)', 2],
  ['pericarditis', 'Pericarditis (pericardial pain with rub, effusion, or ECG/echo confirmation)', 2],
  ['low-complement', 'Low complement (CH50, C3 or C4 below the lower limit of normal)', 2],
  ['increased-dna-binding', 'Increased DNA binding (anti-dsDNA above the laboratory normal range)', 2],
  ['fever', 'Fever (>38 °C; infectious cause excluded)', 1],
  ['thrombocytopenia', 'Thrombocytopenia (<100 ×10⁹ platelets/L; drug causes excluded)', 1],
  ['leukopenia', 'Leukopenia (<3 ×10⁹ white cells/L; drug causes excluded)', 1],
];

export const sledai2k: InstrumentDefinition = {
  id: 'sledai-2k',
  name: 'SLEDAI-2K',
  source: 'Gladman DD, Ibañez D, Urowitz MB. J Rheumatol 2002;29:288-291 (SLEDAI-2K); descriptor definitions per medicalcriteria.com/web/reusledai',
  items: descriptors.map(([id, label, weight]) => ({ id, label, allowed: presentAbsent, weight, required: true })),
  total: { min: 0, max: 105, higherIsWorse: true },
};

/** Total = Σ weight × present; components are each descriptor's weighted contribution. */
export const sledai2kForm = instrumentForm(sledai2k, weightedSumScoring(sledai2k));

export function scoreSledai2k(values: ItemValues): InstrumentScore {
  return scoreWithForm(sledai2k, sledai2kForm, values);
}
