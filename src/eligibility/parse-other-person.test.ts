import { describe, expect, it } from 'vitest';
import { parseCriterionLine } from './parse-line.js';

/**
 * Lines about someone other than the patient, verbatim from the development corpus
 * (bench/fixtures/lct-dev-criteria.txt): nothing in them is the patient's own fact, so nothing is
 * computed. Before, NCT03928431's exclusion read as "age < 18 or age > 40 or HIV positive" of the infant.
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
});
