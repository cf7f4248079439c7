import type { LabAnalyte } from './lab-units.js';

/**
 * CTCAE v5.0 (NCI, 27 Nov 2017) laboratory criteria, as data, in each analyte's canonical unit
 * (counts /mm³, haemoglobin g/L (also entered in g/dL or mmol/L), bilirubin and creatinine µmol/L, enzymes U/L). Criterion text as
 * reproduced in pharmaverse/admiral data-raw/adlb_grading/ncictcaev5.json
 * (shared/reference/scoring/admiral_ncictcaev5.json).
 *
 * Boundaries follow the text: "<1500 – 1000/mm³" (grade 2) means 1000 ≤ x < 1500, so a value on a
 * boundary belongs to the milder grade; ">3.0 – 5.0 × ULN" (grade 2) means 3 ULN < x ≤ 5 ULN.
 */

export type ThresholdRef = { readonly of: 'absolute'; readonly value: number } | { readonly of: 'lln' | 'uln' | 'baseline'; readonly times: number; readonly plus?: number };

export type Rung = {
  readonly grade: 1 | 2 | 3 | 4;
  readonly op: '<' | '>' | '>=';
  readonly threshold: ThresholdRef;
  /** Applies only when the baseline was normal / abnormal (above ULN): ALT, AST, bilirubin. */
  readonly whenBaseline?: 'normal' | 'abnormal';
  /** A rung whose reference may be absent without making the grade uncertain (creatinine's baseline rungs). */
  readonly optional?: true;
};

export type LabCriterion = {
  readonly term: string;
  readonly analyte: LabAnalyte;
  readonly rungs: readonly Rung[];
};

const abs = (value: number): ThresholdRef => ({ of: 'absolute', value });
const x = (of: 'lln' | 'uln' | 'baseline', times: number, plus?: number): ThresholdRef => (plus === undefined ? { of, times } : { of, times, plus });

/** "Decreased" counts: grade 1 below LLN, grades 2–4 below fixed cut-offs [g2, g3, g4] in /mm³. */
function decreased(term: string, analyte: LabAnalyte, [g2, g3, g4]: readonly [number, number, number]): LabCriterion {
  return {
    term,
    analyte,
    rungs: [
      { grade: 4, op: '<', threshold: abs(g4) },
      { grade: 3, op: '<', threshold: abs(g3) },
      { grade: 2, op: '<', threshold: abs(g2) },
      { grade: 1, op: '<', threshold: x('lln', 1) },
    ],
  };
}

/** Liver tests: multiples of ULN when the baseline was normal, of the baseline when it was abnormal. */
function liver(term: string, analyte: LabAnalyte, [g2, g3, g4]: readonly [number, number, number], grade1Abnormal: { op: '>' | '>='; times: number }): LabCriterion {
  const ladder = (of: 'uln' | 'baseline', whenBaseline: 'normal' | 'abnormal'): Rung[] => [
    { grade: 4, op: '>', threshold: x(of, g4), whenBaseline },
    { grade: 3, op: '>', threshold: x(of, g3), whenBaseline },
    { grade: 2, op: '>', threshold: x(of, g2), whenBaseline },
  ];
  return {
    term,
    analyte,
    rungs: [
      ...ladder('uln', 'normal'),
      { grade: 1, op: '>', threshold: x('uln', 1), whenBaseline: 'normal' },
      ...ladder('baseline', 'abnormal'),
      { grade: 1, op: grade1Abnormal.op, threshold: x('baseline', grade1Abnormal.times), whenBaseline: 'abnormal' },
    ],
  };
}

export const labCriteria: readonly LabCriterion[] = [
  // WBC: <LLN–3000; <3000–2000; <2000–1000; <1000 /mm³
  decreased('White blood cell decreased', 'leukocytes', [3000, 2000, 1000]),
  // Leukocytosis: grade 3 >100,000/mm³ (grade 4 is clinical: leucostasis; admiral GRADE_3_CODE AVAL > 100 ×10⁹/L)
  { term: 'Leukocytosis', analyte: 'leukocytes', rungs: [{ grade: 3, op: '>', threshold: abs(100_000) }] },
  // ANC: <LLN–1500; <1500–1000; <1000–500; <500 /mm³
  decreased('Neutrophil count decreased', 'neutrophils', [1500, 1000, 500]),
  // ALC: <LLN–800; <800–500; <500–200; <200 /mm³
  decreased('Lymphocyte count decreased', 'lymphocytes', [800, 500, 200]),
  // ALC increased: grade 2 >4000–20,000; grade 3 >20,000 /mm³ (no grade 1 or 4)
  {
    term: 'Lymphocyte count increased',
    analyte: 'lymphocytes',
    rungs: [
      { grade: 3, op: '>', threshold: abs(20_000) },
      { grade: 2, op: '>', threshold: abs(4_000) },
    ],
  },
  // Platelets: <LLN–75,000; <75,000–50,000; <50,000–25,000; <25,000 /mm³
  decreased('Platelet count decreased', 'platelets', [75_000, 50_000, 25_000]),
  // Anaemia: Hgb <LLN–100 g/L; <100–80 g/L; <80 g/L (grade 3). Grade 4 is clinical (life-threatening), not a lab value.
  {
    term: 'Anemia',
    analyte: 'haemoglobin',
    rungs: [
      { grade: 3, op: '<', threshold: abs(80) },
      { grade: 2, op: '<', threshold: abs(100) },
      { grade: 1, op: '<', threshold: x('lln', 1) },
    ],
  },
  // Hgb increased: >0–2 g/dL above ULN; >2–4 g/dL above ULN; >4 g/dL above ULN (20 and 40 g/L)
  {
    term: 'Hemoglobin increased',
    analyte: 'haemoglobin',
    rungs: [
      { grade: 3, op: '>', threshold: x('uln', 1, 40) },
      { grade: 2, op: '>', threshold: x('uln', 1, 20) },
      { grade: 1, op: '>', threshold: x('uln', 1) },
    ],
  },
  // ALT/AST: >ULN–3.0 ULN; >3.0–5.0; >5.0–20.0; >20.0 ULN (baseline normal); 1.5–3.0, >3.0–5.0, >5.0–20.0, >20.0 × baseline (abnormal)
  liver('Alanine aminotransferase increased', 'alt', [3, 5, 20], { op: '>=', times: 1.5 }),
  liver('Aspartate aminotransferase increased', 'ast', [3, 5, 20], { op: '>=', times: 1.5 }),
  // Bilirubin: >ULN–1.5; >1.5–3.0; >3.0–10.0; >10.0 ULN (normal); >1.0–1.5, >1.5–3.0, >3.0–10.0, >10.0 × baseline (abnormal)
  liver('Blood bilirubin increased', 'bilirubin', [1.5, 3, 10], { op: '>', times: 1 }),
  // Creatinine: >ULN–1.5 ULN; >1.5–3.0 × baseline or ULN; >3.0 × baseline or >3.0–6.0 ULN; >6.0 ULN
  {
    term: 'Creatinine increased',
    analyte: 'creatinine',
    rungs: [
      { grade: 4, op: '>', threshold: x('uln', 6) },
      { grade: 3, op: '>', threshold: x('uln', 3) },
      { grade: 3, op: '>', threshold: x('baseline', 3), optional: true },
      { grade: 2, op: '>', threshold: x('uln', 1.5) },
      { grade: 2, op: '>', threshold: x('baseline', 1.5), optional: true },
      { grade: 1, op: '>', threshold: x('uln', 1) },
    ],
  },
];
