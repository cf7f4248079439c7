import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { parseCriterionLine } from './parse-line.js';

/**
 * An inclusion's readings joined by commas alone. The lines are verbatim from the development corpus
 * (bench/fixtures/lct-dev-criteria.txt, NCT number given) unless marked as written here; each reading
 * was worked out by hand. Before, every comma list was read as alternatives, so "Systolic blood
 * pressure < 150 mmHg, HR < 100 beats/min" was met by a systolic pressure of 140 alone, whatever the
 * heart rate: a sufficient reading where an inclusion needs a necessary one.
 */
const inc = (text: string) => parseCriterionLine('inc-1', 'inclusion', text);
/** The reading as the screening explanations print it. */
const read = (text: string) => formatExpr(inc(text).expr);

describe('an inclusion list joined by commas', () => {
  it('of different facts is a profile: every item must hold', () => {
    // NCT03929367
    const bmi = inc('Male or female > 18 and < 60 years of age, Body Mass Index (BMI) <40.');
    expect(bmi.computability).toBe('computable');
    expect(formatExpr(bmi.expr)).toBe('age ≥ 18 years and age < 60 years and bmi < 40 kg/m2');
    // Written here: the form the issue names for a profile.
    expect(read('Aged 18-45 years, BMI 18-30 kg/m2')).toBe('age ≥ 18 years and age ≤ 45 years and bmi ≥ 18 kg/m2 and bmi ≤ 30 kg/m2');
  });

  it('of a limit beside unread words keeps the limit as a necessary condition and attests the rest', () => {
    // Written here (NCT03861377's heart rate is read now, parse-measurements.test.ts): a systolic pressure of 140 does not meet the line without the rhythm.
    const bp = inc('Systolic blood pressure < 150 mmHg, normal sinus rhythm');
    expect(bp.computability).toBe('partly-computable');
    expect(formatExpr(bp.expr)).toBe('systolic_bp < 150 mmhg and attested: "normal sinus rhythm"');
    // NCT03869801
    expect(read('Elective laparoscopic Cholecystectomy, ASA status 1-2')).toBe('planned_procedures has cholecystectomy and asa_class ≤ 2 and attested: "Elective laparoscopic"');
    // NCT03862469
    expect(read('Aged 18-35 years, established by visual inspection of a government-issued ID')).toBe(
      'age ≥ 18 years and age ≤ 35 years and attested: "established by visual inspection of a government-issued ID"',
    );
  });

  it('of codes of one list fact is a choice of them', () => {
    // Written here: every item read, so the choice is exact.
    const arthritis = inc('Rheumatoid arthritis, osteoarthritis');
    expect(arthritis.computability).toBe('computable');
    expect(formatExpr(arthritis.expr)).toBe('diagnoses has rheumatoid-arthritis or diagnoses has osteoarthritis');
  });

  it('of codes beside unread words stays attested: the words may be one more choice or a condition on them', () => {
    // (NCT03864393's Hoehn and Yahr stage is read now, so its line is computable: parse-measurements.test.ts.)
    // NCT03863925: before, any schizophrenia met it, without the clinical necessity of ECT.
    expect(
      inc("Diagnosis of major depressive disorder, bipolar disorder, and schizophrenia, compatible with SCID for DSM-5, with clinical necessity of ECT under a psychiatrist's evaluation and decision")
        .computability,
    ).toBe('attested');
    // Written here: "treated with metformin" narrows the diagnosis; "psoriatic arthritis" would be one more choice. Neither is read, so neither is guessed.
    expect(inc('Type 2 diabetes, treated with metformin').computability).toBe('attested');
    expect(inc('Rheumatoid arthritis, psoriatic arthritis').computability).toBe('attested');
  });
});
