import type { FormDefinition } from '../definition.js';
import { alsCytokinesForm } from './als-cytokines.js';
import { eq5d5lForm } from './eq-5d-5l.js';
import { labForm } from './lab-analytes.js';
import { mocaForm } from './moca.js';
import { nflForm } from './nfl.js';
import { roadsForm } from './roads.js';

/**
 * The forms of the seeds' assessments that are not scored instruments. A visit lists one by its id;
 * its values are saved through the forms API with the form's id and version.
 */
export const builtinForms: readonly FormDefinition[] = [
  roadsForm,
  nflForm,
  alsCytokinesForm,
  mocaForm,
  eq5d5lForm,
  // SLEDAI-2K scores low complement, increased DNA binding and proteinuria (Gladman 2002).
  labForm(
    'sle-labs',
    'Lupus laboratory (complement, anti-dsDNA, proteinuria)',
    ['c3', 'c4', 'anti-dsdna', 'proteinuria-24h'],
    'SLEDAI-2K descriptors low complement, increased DNA binding and proteinuria (Gladman DD et al. J Rheumatol 2002;29:288-291)',
  ),
  // ESSDAI's biological domain scores hypocomplementaemia (Seror 2010).
  labForm('ss-labs', "Sjögren's laboratory (complement)", ['c3', 'c4'], 'ESSDAI biological domain: low C3 or C4 (Seror R et al. Ann Rheum Dis 2010;69:1103-1109)'),
  // CK distinguishes myopathy from neurogenic weakness in immune-associated ALS syndromes.
  labForm('als-labs', 'Muscle laboratory (creatine kinase)', ['ck'], 'NCT04952155 inclusion criterion inc-3: "rheumatoid immune-related indicators"; CK as the muscle marker (il2trials assumption)'),
];

export function isBuiltinFormId(id: string): boolean {
  return builtinForms.some((f) => f.id === id);
}

/** The built-in form `id`, or undefined. */
export function builtinForm(id: string): FormDefinition | undefined {
  return builtinForms.find((f) => f.id === id);
}
