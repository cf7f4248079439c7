import { parseFormDefinition } from '../definition.js';

/** The cytokines of the ALS protocol's "related cytokines", with the names of the published panels. */
const cytokines: readonly (readonly [id: string, label: string])[] = [
  ['il-6', 'IL-6'],
  ['il-10', 'IL-10'],
  ['il-17a', 'IL-17A'],
  ['ifn-gamma', 'IFN-γ'],
  ['tnf-alpha', 'TNF-α'],
];

/**
 * Serum cytokines for NCT04952155 ("Treg, Th17, Teff, Tfh cells and related cytokines before and
 * during IL-2 treatment"), in pg/mL.
 */
export const alsCytokinesForm = parseFormDefinition({
  id: 'als-cytokines',
  version: '1',
  title: 'Serum cytokines',
  source: 'NCT04952155 secondary outcome "Immunological Responses" (weeks 0 and 24): "related cytokines"',
  assumptions: [
    'The record names no cytokine: IL-6, IL-10, IL-17A, IFN-γ and TNF-α (the Th17, Treg and effector cytokines of the named T-cell subsets) are the il2trials choice, measured in serum in pg/mL at the immune-panel visits (weeks 0 and 24).',
  ],
  items: [
    ...cytokines.map(([id, label]) => ({ id, type: 'decimal' as const, label: `${label}, serum`, units: [{ unit: 'pg/mL', factor: 1 }], precision: 2, hard: { min: 0 } })),
    { id: 'method', type: 'text', label: 'Assay (ELISA, bead array, kit)', maxLength: 200 },
  ],
});
