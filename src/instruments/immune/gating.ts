/**
 * Gating hierarchy of the immune panel, as data: each subset is measured as a percentage of its
 * parent gate, and its absolute count follows from the parent's (cells/µL = % of parent / 100 × parent
 * cells/µL). Lymphocytes are the root: their absolute count comes from the blood count.
 * Phenotypes are the usual ones in low-dose IL-2 trials (e.g. He J et al. Nat Med 2016;22:991–993;
 * Treg CD4+CD25+FOXP3+ or CD25hiCD127lo); a site may gate differently and should say so in its lab manual.
 */
export type Subset = {
  readonly id: SubsetId;
  readonly label: string;
  readonly phenotype: string;
  /** null for the root (lymphocytes). */
  readonly parent: SubsetId | null;
};

export const subsetIds = ['lymphocytes', 'cd4-t', 'treg', 'th17', 'tfh', 'teff', 'nk', 'cd56bright-nk'] as const;
export type SubsetId = (typeof subsetIds)[number];

export const gatingHierarchy: readonly Subset[] = [
  { id: 'lymphocytes', label: 'Lymphocytes', phenotype: 'FSC/SSC lymphocyte gate', parent: null },
  { id: 'cd4-t', label: 'CD4+ T cells', phenotype: 'CD3+CD4+', parent: 'lymphocytes' },
  { id: 'treg', label: 'Regulatory T cells (Treg)', phenotype: 'CD3+CD4+CD25+FOXP3+ (or CD25hiCD127lo)', parent: 'cd4-t' },
  { id: 'th17', label: 'T helper 17 cells (Th17)', phenotype: 'CD3+CD4+IL-17A+', parent: 'cd4-t' },
  { id: 'tfh', label: 'Follicular helper T cells (Tfh)', phenotype: 'CD3+CD4+CXCR5+PD-1+', parent: 'cd4-t' },
  { id: 'teff', label: 'Effector T cells (Teff)', phenotype: 'CD3+CD4+CD25−FOXP3− (conventional CD4+)', parent: 'cd4-t' },
  { id: 'nk', label: 'NK cells', phenotype: 'CD3−CD56+', parent: 'lymphocytes' },
  { id: 'cd56bright-nk', label: 'CD56bright NK cells', phenotype: 'CD3−CD56brightCD16dim/−', parent: 'nk' },
];
