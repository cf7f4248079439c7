/**
 * The parser's vocabulary: how registry phrases name facts. Deterministic, case-insensitive
 * patterns, tried in this order (a more specific phrase before a shorter one it contains). Adding a
 * phrase here is how the parser learns a new record's wording.
 */

/** A phrase naming a number fact; it becomes a criterion only when a comparison follows it. */
export interface NumericTerm {
  readonly kind: 'numeric';
  readonly pattern: RegExp;
  /** One fact, or several read as "any of them" (transaminases: ALT or AST). */
  readonly facts: readonly string[];
  /** The ratio-to-ULN facts used instead when the threshold is a multiple of the upper limit of normal. */
  readonly ulnFacts?: readonly string[];
}

/** A phrase naming a code in a set-of-codes fact. `treatments` picks prior or current treatments from the wording. */
export interface CodeTerm {
  readonly kind: 'code';
  readonly pattern: RegExp;
  readonly fact: 'diagnoses' | 'allergies' | 'treatments';
  readonly code: string;
  /** A record flaw to report when this pattern matches. */
  readonly flag?: { readonly when: RegExp; readonly text: string };
}

/** A phrase naming yes/no facts; "negative" before it means none of them, otherwise any of them. */
export interface FlagTerm {
  readonly kind: 'flag';
  readonly pattern: RegExp;
  readonly facts: readonly string[];
}

/** A dated event; it needs a time window in the same line, and may carry a dose in parentheses. */
export interface EventTerm {
  readonly kind: 'event';
  readonly pattern: RegExp;
  readonly fact: string;
  readonly doseFact?: string;
  readonly flag?: { readonly when: RegExp; readonly text: string };
}

export type Term = NumericTerm | CodeTerm | FlagTerm | EventTerm;

const numeric = (pattern: RegExp, facts: string[], ulnFacts?: string[]): NumericTerm => ({ kind: 'numeric', pattern, facts, ...(ulnFacts ? { ulnFacts } : {}) });
const dx = (pattern: RegExp, code: string): CodeTerm => ({ kind: 'code', pattern, fact: 'diagnoses', code });
const rx = (pattern: RegExp, code: string, flag?: CodeTerm['flag']): CodeTerm => ({ kind: 'code', pattern, fact: 'treatments', code, ...(flag ? { flag } : {}) });
const yes = (pattern: RegExp, ...facts: string[]): FlagTerm => ({ kind: 'flag', pattern, facts });

export const lexicon: readonly Term[] = [
  // Events first: "corticosteroid bolus" must not be read as a glucocorticoid dose.
  { kind: 'event', pattern: /\bIV bolus of corticosteroids?|intravenous corticosteroid bolus/i, fact: 'last_iv_corticosteroid_bolus' },
  {
    kind: 'event',
    pattern: /(?:high-dose )?steroid pulse(?: therapy)?|corticosteroid (?:pulse|bolus)/i,
    fact: 'last_steroid_pulse',
    doseFact: 'steroid_pulse_dose',
  },
  {
    kind: 'event',
    pattern: /\bli[vf]e[- ]vaccination/i,
    fact: 'last_live_vaccination',
    flag: { when: /life[- ]vaccination/i, text: '"Life-Vaccination" is read as live vaccination.' },
  },
  { kind: 'event', pattern: /\bvaccination/i, fact: 'last_vaccination' },

  numeric(/\bESSDAI\b/i, ['essdai']),
  numeric(/(?:SLE disease activity index\s*\(\s*SLEDAI\s*\)|\bSLEDAI(?:-2K)?\b)/i, ['sledai']),
  numeric(/Bath Ankylosing Spondylitis Disease Activity Index\s*\(BASDAI\)|\bBASDAI\b/i, ['basdai']),
  numeric(/Eczema Area and Severity Index\s*\(EASI\)|\bEASI\b/i, ['easi']),
  numeric(/\bweight\b/i, ['weight']),
  numeric(/(?:peripheral venous )?white blood cells|leukocytes|leukopenia|\bWBC\b/i, ['leukocytes']),
  numeric(/lymphocytes|lymphopenia/i, ['lymphocytes']),
  numeric(/platelets|thrombocytopenia/i, ['platelets']),
  numeric(/creatinine clearance/i, ['creatinine_clearance']),
  numeric(/proteinuria/i, ['proteinuria']),
  numeric(/immunoglobulin/i, ['immunoglobulin']),
  numeric(/\bANA\b/i, ['ana_titre']),
  numeric(/aspartate amino ?transferase|\bAST\b/i, ['ast'], ['ast_uln']),
  numeric(/(?:amino alanine|alanine amino) ?transferase|\bALT\b/i, ['alt'], ['alt_uln']),
  numeric(/transaminases|liver values|liver function/i, ['alt', 'ast'], ['alt_uln', 'ast_uln']),
  numeric(/purified protein derivative \(tuberculin\)|tuberculin|\bPPD\b/i, ['ppd_induration']),
  numeric(/glucocorticoids?|prednisone|corticosteroids?/i, ['prednisone_dose']),

  dx(/primary Sj[öo]gren(?:'s)?(?: Syndrome)?/i, 'primary-sjogren'),
  dx(/secondary Sj[öo]gren(?:'s)?(?: Syndrome)?/i, 'secondary-sjogren'),
  dx(/(?:American College of Rheumatology|ACR) criteria for the diagnosis of SLE,?\s*1997/i, 'sle-acr-1997'),
  dx(/immune-mediated ALS syndrome/i, 'immune-mediated-als'),
  dx(/\bALS syndrome/i, 'als-syndrome'),
  dx(/multifocal motor neuropathy(?:\s*\(MMN\))?/i, 'multifocal-motor-neuropathy'),
  dx(/Lewis-Sumner syndrome/i, 'lewis-sumner-syndrome'),
  dx(/autoimmune encephalitis/i, 'autoimmune-encephalitis'),
  dx(/Guillain-Barr[eé] syndrome/i, 'guillain-barre-syndrome'),
  dx(/bacter[a]?emia/i, 'bacteremia'),
  dx(/\bsepsis\b/i, 'sepsis'),
  dx(/\binfections?\b/i, 'infection'),
  dx(/\bneoplasia\b/i, 'neoplasia'),
  dx(/\bcancer\b|malignan(?:cy|t tumou?r)/i, 'cancer'),
  dx(/\btuberculosis\b/i, 'tuberculosis'),
  dx(/\bdementia\b/i, 'dementia'),
  dx(/\bhepatitis\b(?! [BC]\b)/i, 'hepatitis'),
  dx(/organ transplantation/i, 'organ-transplant'),
  dx(/disease-associated rash/i, 'lupus-rash'),
  dx(/mouth ulcers?/i, 'mouth-ulcer'),
  dx(/non-infectious type of fever/i, 'non-infectious-fever'),
  dx(/active vasculitis/i, 'vasculitis'),
  dx(/neuropsychiatric SLE/i, 'neuropsychiatric-sle'),
  dx(/thrombocytopenia/i, 'thrombocytopenia'),
  { kind: 'code', pattern: /(?:allergic|allergy|intolerance)(?: or intolerance)? to IL-?2/i, fact: 'allergies', code: 'il-2' },

  rx(/cyclosporin(?:e)?(?: A)?\b/i, 'cyclosporine-a'),
  rx(/cyclos?phosphamide/i, 'cyclophosphamide', { when: /cyclosphosphamide/i, text: '"cyclosphosphamide" is read as cyclophosphamide.' }),
  rx(/rituximab/i, 'rituximab'),
  rx(/belimumab/i, 'belimumab'),
  rx(/dupilumab/i, 'dupilumab'),

  yes(/hepatitis B and C(?: virus)?/i, 'hbv_positive', 'hcv_positive'),
  yes(/(?:active )?hepatitis B\b/i, 'hbv_positive'),
  yes(/hepatitis C\b/i, 'hcv_positive'),
  yes(/\bHIV(?: test| serology)?\b/i, 'hiv_positive'),
  yes(/(?:urine )?pregnancy test|urine HCG/i, 'pregnancy_test_positive'),
  yes(/\bpregnant\b/i, 'pregnant'),
  yes(/breast-?feeding|lactating/i, 'breastfeeding'),
  yes(/anti-dsDNA/i, 'anti_dsdna_positive'),
  yes(/decreased C3 or C4/i, 'c3_decreased', 'c4_decreased'),
  yes(/(?:participating in )?other clinical stud(?:y|ies)/i, 'in_other_trial'),
  yes(/other investigational drugs?/i, 'investigational_drug'),
];

/** Words that leave a judgement to a person; found in uncovered text, they are named in the reason. */
export const judgementWords: readonly RegExp[] = [
  /\bsevere?\b/i,
  /\bserious\b/i,
  /\brelevant\b/i,
  /\bsignificant\b/i,
  /\bother\b/i,
  /\bsuch as\b/i,
  /\betc\b/i,
  /\bincluding but not limited to\b/i,
  /\bexcessive\b/i,
  /\bstandard\b/i,
  /\bstable\b/i,
  /\bcould interfere\b/i,
  /\bpoor\b/i,
  /\binability\b/i,
  /\brefractory\b/i,
  /\bfailed\b/i,
  /\bi\.e\./i,
  /\brecent\b/i,
];

/**
 * Words that carry no condition of their own once the facts around them are read ("Diagnosis of a",
 * "Negative for", "Receiving"). Anything else left over is a remainder a person must attest.
 */
export const fillerWords: ReadonlySet<string> = new Set(
  (
    'a an the of with for or and to in at on by from as be is are any all following diagnosis diagnosed clinical clinically ' +
    'history treatment pre-treatment prior receiving receive administration currently current using participating ' +
    'positive negative test tests score form virus women patients subjects who have has had laboratory manifestations ' +
    'least one abnormal complicated serum urine level levels years old values value count dose with meet'
  ).split(' '),
);
