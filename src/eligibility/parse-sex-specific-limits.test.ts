import { describe, it } from 'vitest';
import type { Expr } from './expression.js';
import { all, any, attested, cmp, computes, exc, inc, partly, rest } from './parse-expect.test-helper.js';

/**
 * sex-specific-limits.ts: one measurement with a limit for each sex, read as (sex = male and X op a)
 * or (sex = female and X op b). Lines verbatim from the development corpus (NCT number given) or, marked
 * so, a corpus line cut to the form; each reading worked out by hand from the text.
 */
const sex = (value: 'male' | 'female'): Expr => ({ kind: 'equals', fact: 'sex', value });

describe('a limit for each sex', () => {
  it('in an exclusion each sex with its limit is sufficient', () => {
    // "respectively" pairs the limits with the sexes in order; the unit after both is each one's.
    computes(
      exc('Patients with impaired kidney functions (serum creatinine concentrations ≥1.5 and ≥1.4 mg/dL in males and females respectively).'), // NCT03863405
      any(all(sex('male'), cmp('creatinine', '>=', 1.5, 'mg/dl')), all(sex('female'), cmp('creatinine', '>=', 1.4, 'mg/dl'))),
    );
    // The refusal is one more alternative, a person's to attest.
    partly(
      exc('Preoperative anemia (a hemoglobin value of <11 g/dL in females and <12 g/dL in males), refusal of blood products;'), // NCT03867214
      any(any(all(sex('female'), cmp('haemoglobin', '<', 11, 'g/dl')), all(sex('male'), cmp('haemoglobin', '<', 12, 'g/dl'))), rest('refusal of blood products')),
    );
  });
  it('each sex in parentheses after its limit', () => {
    computes(
      exc('QTc values >440 ms (men) and >450 ms (women)'), // NCT03868657
      any(all(sex('male'), cmp('qtc', '>', 440, 'ms')), all(sex('female'), cmp('qtc', '>', 450, 'ms'))),
    );
    // NCT03861819 with the alcohol named: the second limit takes the first one's "no more than".
    computes(
      inc('No more than 14 alcoholic drinks per week (if male) or 7 alcoholic drinks a week (if female)'),
      any(all(sex('male'), cmp('alcohol_drinks_per_week', '<=', 14, 'drinks/week')), all(sex('female'), cmp('alcohol_drinks_per_week', '<=', 7, 'drinks/week'))),
    );
  });
  it('in an inclusion the pair is necessary: a man must meet the men’s limit', () => {
    // NCT03867214's limits, as an inclusion would state them.
    computes(inc('Hemoglobin <11 g/dL in females and <12 g/dL in males'), any(all(sex('female'), cmp('haemoglobin', '<', 11, 'g/dl')), all(sex('male'), cmp('haemoglobin', '<', 12, 'g/dl'))));
  });
});

describe('pairs that stay attested', () => {
  it('no fact for the measurement, or no alcohol named', () => {
    attested(inc('CHA2DS2VASc score ≥2 for male and ≥3 for female'), /under a condition/); // NCT03867227
    // "drinks" alone may not be alcohol (consumption-counts.ts).
    attested(inc('No more than 14 drinks per week (if male) or 7 drinks a week (if female) in the last 2 years'), /under a condition/); // NCT03861819
    attested(
      inc('Subject has lower appendicular muscle mass index (AMMI) (<7 kg/m^2 in men; <5.7 kg/m^2 in women) using Bioelectrical impedance analysis (BIA, TANITA BC-418®, Tokyo, Japan)'), // NCT03860194
      /under a condition/,
    );
  });
  it('a negation before the pair may reach over it', () => {
    attested(inc('No anemia (hemoglobin <11 g/dL in females and <12 g/dL in males)'), /under a condition/);
  });
  it('a limit without its unit gets none', () => {
    attested(inc('Hemoglobin <11 in females and <12 g/dL in males'), /under a condition/);
  });
  it('one sex only is a condition, not a pair', () => {
    attested(inc('Body Composition Body Fat >25% for Men'), /under a condition/); // NCT03926481
  });
});
