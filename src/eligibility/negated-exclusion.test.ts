import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { NEGATED_EXCLUSION_REASON } from './negated-exclusion.js';
import { parseCriteriaText } from './parse-criteria.js';

/** Exclusion lines written as negations, from the development corpus; each answer worked out by reading the line. */
const exclusion = (inclusions: string, line: string) => {
  const c = parseCriteriaText(`Inclusion Criteria:\n  -  ${inclusions}\nExclusion Criteria:\n  -  ${line}`).criteria.at(-1)!;
  return [formatExpr(c.expr), c.notComputable];
};

describe('exclusions written as negations', () => {
  it('"No insomnia" under "Exclusions" may mean insomnia is excluded: left to a person (NCT03864536)', () => {
    expect(exclusion('Age ≥ 18 years', 'No insomnia')).toEqual(['attested: "No insomnia"', NEGATED_EXCLUSION_REASON]);
  });

  it('a reading the cue did not reach is left too ("No neurological (including dementia) disorders")', () => {
    expect(exclusion('Age ≥ 18 years', 'No neurological (including dementia diagnosis), renal or severe psychiatric disorders')).toEqual([
      'attested: "No neurological (including dementia diagnosis), renal or severe psychiatric disorders"',
      expect.any(String),
    ]);
  });

  it('a language is read as written: "Non-English speaking" excludes those who do not speak English', () => {
    expect(exclusion('Age ≥ 18 years', 'Non-English speaking')).toEqual(['not (languages has english)', undefined]);
    expect(exclusion('Age ≥ 18 years', 'Not fluent in English')).toEqual(['not (languages has english)', undefined]);
  });

  it('a negation of what the inclusions require repeats them, and is read as written', () => {
    expect(exclusion('Diagnosis of dementia', 'No evidence of dementia')).toEqual(['not (diagnoses has dementia)', undefined]);
  });

  it('an exclusion that does not open with a negation is untouched', () => {
    expect(exclusion('Age ≥ 18 years', 'Pregnancy')).toEqual(['pregnant', undefined]);
  });
});
