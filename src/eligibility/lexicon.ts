import { conditionNames, treatmentNames } from './condition-lexicon.js';
import { measurementTerms } from './measurement-facts.js';
import { moreConditionNames } from './more-condition-names.js';
import { organConditionNames } from './organ-condition-names.js';
import { procedureNames } from './procedure-names.js';
import { specificConditionNames, specificTreatmentNames } from './specific-condition-names.js';
import { tailConditionNames } from './tail-condition-names.js';
import { moreTreatmentNames } from './treatment-names.js';

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
  /** The ratio-to-LLN facts, for a multiple of the lower limit of normal. */
  readonly llnFacts?: readonly string[];
}

/**
 * A phrase naming a code. A condition is recorded in `diagnoses` (now), `history` (ever),
 * `family_history` or `last.<code>`, as its qualifiers say; a treatment in current or prior
 * treatments or `last.<code>`; an allergy in `allergies`.
 */
export interface CodeTerm {
  readonly kind: 'code';
  readonly pattern: RegExp;
  readonly fact: 'condition' | 'allergies' | 'treatment' | 'languages';
  readonly code: string;
  /** A record flaw to report when this pattern matches. */
  readonly flag?: { readonly when: RegExp; readonly text: string };
}

/** A phrase naming yes/no facts, read as "any of them" (a negation before it makes it none of them). */
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
  /** Read as this yes/no fact (current) when the line gives no time window; the phrase is then qualified as a flag. */
  readonly orFlag?: FlagTerm;
}

export type Term = NumericTerm | CodeTerm | FlagTerm | EventTerm;

const numeric = (pattern: RegExp, facts: string[], ulnFacts?: string[], llnFacts?: string[]): NumericTerm => ({
  kind: 'numeric',
  pattern,
  facts,
  ...(ulnFacts ? { ulnFacts } : {}),
  ...(llnFacts ? { llnFacts } : {}),
});
const dx = (pattern: RegExp, code: string): CodeTerm => ({ kind: 'code', pattern, fact: 'condition', code });
const rx = (pattern: RegExp, code: string, flag?: CodeTerm['flag']): CodeTerm => ({ kind: 'code', pattern, fact: 'treatment', code, ...(flag ? { flag } : {}) });
const yes = (pattern: RegExp, ...facts: string[]): FlagTerm => ({ kind: 'flag', pattern, facts });
const withFlag = (pattern: RegExp, fact: string, flagFact: string): EventTerm => ({ kind: 'event', pattern, fact, orFlag: yes(pattern, flagFact) });
const TREATMENT_WORD = '(?: (?:therapy|treatment|medications?|drugs?))?';
const word = (source: string): RegExp => new RegExp(`(?<![\\w-])(?:${source})(?![\\w])`, 'i');

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
    pattern: /\bli[vf]e[- ](?:attenuated )?(?:vaccination|vaccines?)/i,
    fact: 'last_live_vaccination',
    flag: { when: /life[- ]vaccination/i, text: '"Life-Vaccination" is read as live vaccination.' },
  },
  { kind: 'event', pattern: /\bvaccination/i, fact: 'last_vaccination' },

  numeric(/\bESSDAI\b/i, ['essdai']),
  numeric(/(?:SLE disease activity index\s*\(\s*SLEDAI\s*\)|\bSLEDAI(?:-2K)?\b)/i, ['sledai']),
  numeric(/Bath Ankylosing Spondylitis Disease Activity Index\s*\(BASDAI\)|\bBASDAI\b/i, ['basdai']),
  numeric(/Eczema Area and Severity Index\s*\(EASI\)|\bEASI\b/i, ['easi']),
  numeric(/body mass index(?:\s*\(\s*BMI\s*\))?|\bBMI\b/i, ['bmi']),
  // The WHO (Zubrod) performance status is the ECOG scale, grade for grade (Oken 1982).
  numeric(
    /(?:Eastern Cooperative Oncology Group|\bECOG\b|\bWHO\b(?=\s*(?:performance|PS\b|\(\s*ECOG\s*\)))|Zubrod)(?:\s*\(\s*ECOG\s*\))?(?: performance status| PS\b| score)?(?:\s*\(\s*(?:ECOG )?PS\s*\))?/i,
    ['ecog'],
  ),
  numeric(/Karnofsky(?: performance (?:status|scale|score))?(?:\s*\(\s*KPS\s*\))?|\bKPS\b/i, ['karnofsky']),
  numeric(/(?<![\w-])(?<!\bbirth\s)(?:body )?weight\b/i, ['weight']),
  numeric(/(?:estimated |expected )?life expectancy/i, ['life_expectancy']),
  numeric(/(?:peripheral venous )?white blood cells?(?: count)?(?:\s*\(\s*WBC\s*\))?|leukocytes?(?: count)?|leukopenia|\bWBC\b(?: count)?/i, ['leukocytes']),
  numeric(/absolute neutrophils? count(?:\s*\(\s*ANC\s*\))?|\bANC\b|neutrophils?(?: count)?/i, ['neutrophils'], undefined, ['neutrophils_lln']),
  numeric(/(?:absolute )?lymphocytes?(?: count)?|lymphopenia/i, ['lymphocytes']),
  numeric(/platelets?(?: count)?(?:\s*\(\s*PLT\s*\))?|thrombocytes|trombocytes|thrombocytopenia/i, ['platelets'], undefined, ['platelets_lln']),
  numeric(/ha?emoglobin(?!\s*A1c)(?:\s*\(\s*Hg?b\s*\))?|\bHg?b\b(?!\s*A1c)/i, ['haemoglobin'], undefined, ['haemoglobin_lln']),
  numeric(/creatinine clearance(?:\s*\(\s*CrCl\s*\))?|\bCrCl\b/i, ['creatinine_clearance']),
  numeric(/estimated (?:glomerular filtration rate|GFR)(?:\s*\(\s*eGFR\s*\))?|\beGFR\b/i, ['egfr']),
  numeric(/(?:serum )?creatinine(?!\s*clearance)(?:\s*\(\s*Cr\s*\))?/i, ['creatinine'], ['creatinine_uln']),
  numeric(/(?:total )?(?:serum )?bilirubin(?:\s*\(\s*T?Bili?\s*\))?/i, ['bilirubin'], ['bilirubin_uln']),
  numeric(/systolic (?:arterial )?blood pressure(?:\s*\(\s*SBP\s*\))?|systolic arterial pressure|blood pressure systolic|\bSBP\b/i, ['systolic_bp']),
  numeric(/diastolic (?:arterial )?blood pressure(?:\s*\(\s*DBP\s*\))?|diastolic arterial pressure|blood pressure diastolic|\bDBP\b/i, ['diastolic_bp']),
  numeric(/ha?emoglobin A1c(?:\s*\(\s*HbA1c\s*\))?|\bHbA1c\b|\bA1c\b|glycated ha?emoglobin/i, ['hba1c']),
  numeric(/proteinuria/i, ['proteinuria']),
  numeric(/mini[- ]mental state exam(?:ination)?(?:\s*\(\s*MMSE\s*\))?(?: score)?|\bMMSE\b(?: score)?/i, ['mmse']),
  numeric(/Glasgow (?:coma )?(?:scale|score)(?:\s*\(\s*GCS\s*\))?(?: score)?|\bGCS\b(?: score)?/i, ['gcs']),
  numeric(/(?:prothrombin time )?international (?:normali[sz]ed )?ratio(?:\s*\(\s*INR\s*\))?|\bINR\b/i, ['inr']),
  numeric(/(?:left ventricular |\bLV )?ejection fraction(?:\s*\(\s*(?:LV)?EF\s*\))?|\bLVEF\b|\bLV EF\b/i, ['lvef']),
  numeric(/(?:serum )?potassium(?: levels?)?/i, ['potassium']),
  numeric(/(?:serum )?triglycerides?(?: levels?)?/i, ['triglycerides']),
  numeric(/low[- ]density lipoprotein cholesterol(?:\s*\(\s*LDL-?C\s*\))?|\bLDL(?:-C| cholesterol)?\b/i, ['ldl_cholesterol']),
  numeric(/immunoglobulin/i, ['immunoglobulin']),
  numeric(/\bANA\b/i, ['ana_titre']),
  numeric(/aspartate amino ?transferase(?:\s*\(\s*AST\s*\))?|\bAST\b|\bSGOT\b|\bASAT\b/i, ['ast'], ['ast_uln']),
  numeric(/(?:amino alanine|alanine amino) ?transferase(?:\s*\(\s*ALT\s*\))?|\bALT\b|\bSGPT\b|\bALAT\b/i, ['alt'], ['alt_uln']),
  // "Creatinine phosphokinase" is a common misnomer of creatine (phospho)kinase; CK-MB is one isoenzyme of it, not the total.
  numeric(/creatin(?:in)?e (?:phospho)?kinase(?:\s*\(\s*C?P?K\s*\))?|\bCPK\b|\bCK\b(?!-MB)/i, ['ck'], ['ck_uln']),
  numeric(/transaminases|liver values|liver function(?: tests?)?|liver enzymes/i, ['alt', 'ast'], ['alt_uln', 'ast_uln']),
  numeric(/purified protein derivative \(tuberculin\)|tuberculin|\bPPD\b/i, ['ppd_induration']),
  numeric(/glucocorticoids?|prednisone|corticosteroids?/i, ['prednisone_dose']),
  ...measurementTerms,

  dx(/primary Sj[öo]gren(?:'s)?(?: Syndrome)?/i, 'primary-sjogren'),
  dx(/secondary Sj[öo]gren(?:'s)?(?: Syndrome)?/i, 'secondary-sjogren'),
  dx(/(?:American College of Rheumatology|ACR) criteria for the diagnosis of SLE,?\s*1997/i, 'sle-acr-1997'),
  dx(/immune-mediated ALS syndrome/i, 'immune-mediated-als'),
  dx(/\bALS syndrome/i, 'als-syndrome'),
  dx(/multifocal motor neuropathy(?:\s*\(MMN\))?/i, 'multifocal-motor-neuropathy'),
  dx(/Lewis-Sumner syndrome/i, 'lewis-sumner-syndrome'),
  dx(/autoimmune encephalitis/i, 'autoimmune-encephalitis'),
  dx(/Guillain-Barr[eé] syndrome/i, 'guillain-barre-syndrome'),
  dx(/\bneoplasia\b/i, 'neoplasia'),
  dx(/\bhepatitis\b(?! [BC]\b)/i, 'hepatitis'),
  dx(/disease-associated rash/i, 'lupus-rash'),
  dx(/mouth ulcers?/i, 'mouth-ulcer'),
  dx(/non-infectious type of fever/i, 'non-infectious-fever'),
  dx(/active vasculitis/i, 'vasculitis'),
  dx(/neuropsychiatric SLE/i, 'neuropsychiatric-sle'),
  dx(/thrombocytopenia/i, 'thrombocytopenia'),
  ...[...conditionNames, ...moreConditionNames, ...organConditionNames, ...specificConditionNames, ...tailConditionNames].map(([source, code]) => dx(word(source), code)),
  { kind: 'code', pattern: /(?:allergic|allergy|intolerance)(?: or intolerance)? to IL-?2/i, fact: 'allergies', code: 'il-2' },
  ...[
    'english',
    'spanish',
    'french',
    'german',
    'swedish',
    'dutch',
    'danish',
    'norwegian',
    'finnish',
    'italian',
    'portuguese',
    'chinese',
    'mandarin',
    'cantonese',
    'japanese',
    'korean',
    'arabic',
    'hebrew',
    'turkish',
    'greek',
    'polish',
    'russian',
  ].map(
    (language): CodeTerm => ({
      kind: 'code',
      // "speaks and reads English", "fluent in English", "English-speaking": the patient's languages.
      pattern: new RegExp(
        `(?:(?<![\\w-])|(?<=\\bnon-))(?:(?:(?:able|ability) to )?(?:speak|speaks|speaking|read|reads|reading|understand|understands|write|writes|communicate|communicates)(?:(?:,| and| or| and\\/or) (?:speak|read|write|understand|communicate))*(?: in)? ${language}\\b|(?:fluent|fluency|proficient|proficiency|literate|literacy) in ${language}\\b|${language}[- ](?:speaking|speaker|speakers)\\b)`,
        'i',
      ),
      fact: 'languages',
      code: language,
    }),
  ),

  rx(/cyclosporin(?:e)?(?: A)?\b/i, 'cyclosporine-a'),
  rx(/cyclos?phosphamide/i, 'cyclophosphamide', { when: /cyclosphosphamide/i, text: '"cyclosphosphamide" is read as cyclophosphamide.' }),
  rx(/rituximab/i, 'rituximab'),
  rx(/belimumab/i, 'belimumab'),
  rx(/dupilumab/i, 'dupilumab'),
  // "Budesonide therapy", "anticoagulant drugs": a treatment named with the word for a treatment is that treatment.
  ...[...treatmentNames, ...moreTreatmentNames, ...procedureNames, ...specificTreatmentNames].map(([source, code]) => rx(word(`(?:${source})${TREATMENT_WORD}`), code)),

  yes(/hepatitis B (?:and|or|and\/or) C(?: virus)?(?: infections?)?/i, 'hbv_positive', 'hcv_positive'),
  yes(/\bHBV (?:and|or|and\/or) HCV\b(?: infections?)?/i, 'hbv_positive', 'hcv_positive'),
  yes(/(?:active )?hepatitis B\b(?: virus)?(?: infection)?(?:\s*\(\s*HBV\s*\))?|\bHBV\b(?: infection)?|\bHBsAg\b/i, 'hbv_positive'),
  yes(/hepatitis C\b(?: virus)?(?: infection)?(?:\s*\(\s*HCV\s*\))?|\bHCV\b(?: infection)?/i, 'hcv_positive'),
  yes(/human immunodeficiency virus(?:\s*\(\s*HIV\s*\))?(?: infection)?|\bHIV\b(?:-?[12])?(?: infection| test| serology)?/i, 'hiv_positive'),
  yes(/(?:urine |serum |blood )?(?:beta-?hCG |β-?hCG )?pregnancy test|urine HCG|\b(?:serum |urine )?(?:beta-?|β-?)?hCG\b(?: test)?/i, 'pregnancy_test_positive'),
  yes(/\bpregnan(?:t|cy)\b/i, 'pregnant'),
  yes(/breast[- ]?feeding|breast-?feed\b|lactating|lactation|\bnursing\b(?! home)/i, 'breastfeeding'),
  // "smoke" alone as an exclusion (NCT03864198) is the smoker; "smoke exposure", "wood smoke" are narrowed by their words.
  yes(/\bsmok(?:er|ers|ing|e|es)\b/i, 'current_smoker'),
  yes(/anti-dsDNA/i, 'anti_dsdna_positive'),
  yes(/decreased C3 or C4/i, 'c3_decreased', 'c4_decreased'),
  // Another study, or another study's product: dated when a window is given, else whether it is current. "Another
  // interventional study" is narrower (in_other_interventional_trial, status-forms.ts), so it is not read as any study.
  withFlag(
    /(?:(?:participating|participation|participated|participate|taking part|took part|take part|enrol?led|enrol?lment) (?:in|to) )?(?:other|another|any other) (?:clinical )?(?:research )?(?:stud(?:y|ies)|trials?)/i,
    'last_other_trial',
    'in_other_trial',
  ),
  withFlag(
    /(?<!\b(?:the|this|study) )(?:(?:an|any|other|another|any other) )?investigational (?:medicinal )?(?:drugs?|products?|agents?|medications?|medicines?|compounds?)/i,
    'last_investigational_product',
    'investigational_drug',
  ),
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
  /\brecent(?:ly)?\b/i,
  /\buncontrolled\b/i,
  /\bunstable\b/i,
  /\binvestigator\b/i,
  /\bopinion\b/i,
  /\bjudge?ment\b/i,
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
    'least one abnormal complicated serum urine level levels years old values value count dose with meet ' +
    'patient subject participant participants people persons individuals woman men man female females male males adult adults ' +
    'known documented confirmed evidence presence previous previously past active ongoing existing personal ' +
    'no not non without absence absent free lack never neither nor must should will be been being were was ' +
    'age aged ages year infection status use used taking take'
  ).split(' '),
);
