import { parseFormDefinition } from '../definition.js';

/**
 * Neurofilament light chain in serum and cerebrospinal fluid, pg/mL, as the ALS protocol (NCT04952155)
 * lists it ("NFL in the serum and cerebrospinal fluid"). Either may be missing: a lumbar puncture is
 * not always done.
 */
export const nflForm = parseFormDefinition({
  id: 'nfl',
  version: '1',
  title: 'Neurofilament light chain (NfL)',
  source: 'NCT04952155 secondary outcome "NFL in the serum and cerebrospinal fluid" (weeks 0, 24, 48); unit pg/mL as reported by single-molecule array (Simoa) assays',
  assumptions: [
    'Soft ranges are plausibility checks chosen by il2trials, not published limits: a serum NfL above 1000 pg/mL or a CSF NfL above 50000 pg/mL needs a confirmation with a reason, which opens a data query.',
  ],
  items: [
    { id: 'serum', type: 'decimal', label: 'Serum NfL', units: [{ unit: 'pg/mL' }], precision: 2, hard: { min: 0 }, soft: { max: 1000 } },
    { id: 'csf', type: 'decimal', label: 'CSF NfL', units: [{ unit: 'pg/mL' }], precision: 2, hard: { min: 0 }, soft: { max: 50000 } },
    { id: 'assay', type: 'text', label: 'Assay (platform and kit)', maxLength: 200 },
  ],
});
