import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { parseCriterionLine } from './parse-line.js';

/**
 * Lines about someone other than the patient, or about one group of the study's participants,
 * verbatim from the development corpus (bench/fixtures/lct-dev-criteria.txt): what they state is not a
 * condition on every patient, so nothing is computed. Before, NCT03928431's exclusion read as "age < 18
 * or age > 40 or HIV positive" of the infant, and NCT03929263's "Adult participants:BMI ≥ 18.0"
 * excluded its adolescents with a BMI of 17.
 */
describe('a limit or a condition of another person', () => {
  it("an infant's exclusion listing the mother's conditions and age stays attested", () => {
    const c = parseCriterionLine(
      'exc-1',
      'exclusion',
      'Infants of mothers with pre-eclampsia or complicated pregnancies, mothers <18 years or >40 years of age, genital herpes simplex, genital warts, HIV, Hepatitis B or complications during delivery, infants delivered prior to 37 weeks of gestation.',
    ); // NCT03928431
    expect(c.computability).toBe('attested');
    expect(c.notComputable).toMatch(/mother or parents/);
  });

  it("an age after 'mother' is not read as the patient's age", () => {
    const c = parseCriterionLine('inc-1', 'inclusion', 'mother ≥15 years of age'); // NCT03866837, a trial of mothers and their infants
    expect(c.computability).toBe('attested');
    expect(c.notComputable).toMatch(/another person's/);
  });

  it('a line headed by one kind of participant holds for that group only', () => {
    // NCT03929263 enrols adults and adolescents, each line headed by its group: read for it only (study-group.ts).
    expect(formatExpr(parseCriterionLine('inc-1', 'inclusion', 'Adult participants:BMI ≥ 18.0').expr)).toBe('not (study_group = adult-participants) or bmi ≥ 18 kg/m2');
    // NCT03926143: a test during treatment, not at screening.
    expect(parseCriterionLine('exc-1', 'exclusion', 'For on-treatment participants: a positive serum pregnancy test.').computability).toBe('attested');
  });
});
