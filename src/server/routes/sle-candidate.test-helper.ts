/**
 * A candidate who meets every criterion of sle-il2, read off the protocol's lines by hand:
 * age 35 in 18–65; ACR 1997 SLE (inc-1); lupus rash (inc-4); ANA 1:320 > 1:160 (inc-5);
 * SLEDAI 10 ≥ 8 (inc-6); HIV, HBV, HCV, pregnancy test negative (inc-7–9); NYHA 0, ALT and AST at
 * 1 × ULN, not above 3 (exc-1's computable part); no bacteraemia or sepsis (exc-2); never a steroid
 * pulse or IV bolus (exc-4); no rituximab (exc-5); PPD 5 mm, not above 10 (exc-6); written consent
 * recorded (inc-10).
 */
export const eligibleFacts = {
  age: 35,
  diagnoses: ['sle-acr-1997', 'lupus-rash'],
  ana_titre: 320,
  sledai: 10,
  hiv_positive: false,
  hbv_positive: false,
  hcv_positive: false,
  pregnancy_test_positive: false,
  nyha_class: 0,
  alt_uln: 1,
  ast_uln: 1,
  last_steroid_pulse: 'never',
  last_iv_corticosteroid_bolus: 'never',
  prior_treatments: 'none',
  ppd_induration: '5 mm',
  informed_consent: true,
};

/** The inclusions that are attested hold; the attested parts of the exclusions do not. */
export const attestations = [
  ...['inc-2', 'inc-3'].map((criterionId) => ({ criterionId, holds: true })),
  ...['exc-1', 'exc-2', 'exc-3', 'exc-5', 'exc-7', 'exc-8'].map((criterionId) => ({ criterionId, holds: false })),
];
