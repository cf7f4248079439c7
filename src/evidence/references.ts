/**
 * The review's reference list (seed 004), verbatim, for the references its Table 1 cites.
 * Keyed by the bracket number used in the table.
 */
export const references: Readonly<Record<number, string>> = {
  1: 'He J, Zhang R, Shao M , et al. Efficacy and safety of low-dose IL-2 in the treatment of systemic lupus erythematosus: A randomised, double-blind, placebo-controlled trial[J/OL]. Ann Rheum Dis, 2019, 9(2019-09-19)[2019-10-01]. .',
  2: 'He J, Zhang X, Wei Y , et al. Low-dose interleukin-2 treatment selectively modulates CD4(+) T cell subsets in patients with systemic lupus erythematosus[J]. Nat Med, 2016,22(9):991-993.',
  3: 'Rosenzwajg M, Lorenzon R, Cacoub P , et al. Immunological and clinical effects of low-dose interleukin-2 across 11 autoimmune diseases in a single, open clinical trial[J]. Ann Rheum Dis, 2019,78(2):209-217.',
  15: 'Betts BC, Pidala J, Kim J , et al. IL-2 promotes early Treg reconstitution after allogeneic hematopoietic cell transplantation[J]. Haematologica, 2017,102(5):948-957.',
  16: 'Zhao XY, Zhao XS, Wang YT , et al. Prophylactic use of low-dose interleukin-2 and the clinical outcomes of hematopoietic stem cell transplantation: A randomized study[J]. Oncoimmunology, 2016,5(12):e1250992.',
  17: 'Saadoun D, Rosenzwajg M, Joly F , et al. Regulatory T-cell responses to low-dose interleukin-2 in HCV-induced vasculitis[J]. N Engl J Med, 2011,365(22):2067-2077.',
  18: 'Hartemann A, Bensimon G, Payan CA , et al. Low-dose interleukin 2 in patients with type 1 diabetes: a phase 1/2 randomised, double-blind, placebo-controlled trial[J]. Lancet Diabetes Endocrinol, 2013,1(4):295-305.',
  19: 'Zhang J, Ruan Y, Shen Y , et al. Low dose IL-2 increase regulatory T cells and elevate platelets in a patient with immune thrombocytopenia[J]. Cytometry B Clin Cytom, 2018,94(3):400-404.',
  20: 'Zhang J, Ruan Y, Xu X , et al. Therapeutic potential of low-dose IL-2 in immune thrombocytopenia: An analysis of 3 cases[J]. Cytom B Clin Cytom, 2018,94(3):428-433.',
  21: 'Castela E, Le Duff F, Butori C , et al. Effects of low-dose recombinant interleukin 2 to promote T-regulatory cells in alopecia areata[J]. JAMA Dermatol, 2014,150(7):748-751.',
  22: 'Miao M, Hao Z, Guo Y , et al. Short-term and low-dose IL-2 therapy restores the Th17/Treg balance in the peripheral blood of patients with pri-mary Sjögren’s syndrome[J]. Ann Rheum Dis, 2018,77(12):1838-1840.',
  23: 'Zhang S, Wang J, Sun H , et al. Circulating regulatory T cells were absolutely decreased in dermatomyositis/polymyositis patients and restored by low-dose IL-2[J/OL]. Ann Rheum Dis, 2019, 10(2019-10-14)[2019-10-16].',
  24: 'An H, Li X, Li F , et al. The absolute counts of peripheral T lymphocyte subsets in patient with ankylosing spondylitis and the effect of low-dose interleukin-2[J]. Medicine (Baltimore), 2019,98(15):e15094.',
};
