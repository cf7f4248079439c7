import { describe, expect, it } from 'vitest';
import type { Expr } from './expression.js';
import { all, any, attested, computes, exc, inc, partly, rest } from './parse-expect.test-helper.js';
import { parseCriteriaText } from './parse-criteria.js';

const sexIs = (value: string): Expr => ({ kind: 'equals', fact: 'sex', value });

/** Consent stated as given or not given (consent-forms.ts); every line is verbatim from the dev corpus, with its record. */
const consent: Expr = { kind: 'is', fact: 'informed_consent', value: true };
const noConsent: Expr = { kind: 'is', fact: 'informed_consent', value: false };

describe('an inclusion that states consent as given requires the consent record', () => {
  it('as a noun, a verb or an action, whoever of the participant and the representative signs', () => {
    computes(inc('Written informed consent'), consent); // NCT03860779
    computes(inc('Signed informed consent'), consent); // NCT03921580
    computes(inc('2. Provision of informed consent'), consent); // NCT03866486
    computes(inc('Patient who has given informed consent'), consent); // NCT03924466
    computes(inc('Subjects must give written, signed and dated informed consent'), consent); // NCT03862846
    computes(inc('Signing of consent form to participate in the study'), consent); // NCT03860324
    computes(inc('Informed consent must be obtained.'), consent); // NCT03868475
    computes(inc('The patient has signed the Informed Consent Form specific for Study 17972B.'), consent); // NCT03929497
    // ICH E6(R2) 4.8.8: the subject or the legally acceptable representative signs; both name the one record.
    computes(inc('Patient/Legally Authorized Representative has signed the Informed Consent form.'), consent); // NCT03923439
    computes(inc('Informed consent is obtained from the participant or its legal representatives'), consent); // NCT03866590
    // A list item with the bare verb, as the whole line.
    computes(inc('provide informed consent.'), consent); // NCT03862703
  });
  it('a time put on the consent stays attested beside it', () => {
    partly(
      inc('Subject has signed an informed consent form prior to any study-specific procedures being performed'), // NCT03924492
      all(consent, rest('prior to any study-specific procedures being performed')),
    );
    partly(inc('Written informed consent (must be available before enrolment in the trial)'), all(consent, rest('must be available before enrolment in the trial'))); // NCT03865277
  });
  it('as one clause of a line, beside the others', () => {
    partly(inc('patients having received written and oral information and signed informed consent'), all(rest('patients having received written and oral information'), consent)); // NCT03926377
  });
});

describe('an exclusion that states consent as not given excludes without the record', () => {
  it('no, lack of, not signed, does not consent', () => {
    computes(exc('No consent'), noConsent); // NCT03864302
    computes(exc('Not signed the informed consent document.'), noConsent); // NCT03862508
    computes(exc('Does not consent to participate in this protocol.'), noConsent); // NCT03928639
    computes(exc('Patient who has not signed the consent'), noConsent); // NCT03921164
    computes(exc('failure to provide informed consent'), noConsent); // NCT03920527
    partly(exc('No Informed consent from the patient or the parents before any study related procedures'), any(noConsent, rest('before any study related procedures'))); // NCT03867526
  });
  it('keeps its literal sense though it opens with a negation: no list excludes people for consenting', () => {
    const c = parseCriteriaText('Inclusion Criteria:\n- Female\nExclusion Criteria:\n- Lack of informed consent\n- No Consent provided').criteria.filter((x) => x.side === 'exclusion');
    expect(c.map((x) => x.expr)).toEqual([noConsent, noConsent]); // NCT03869502, NCT03922451
  });
});

describe('consent lines that say nothing of whether consent was given stay attested', () => {
  it('ability, capacity and willingness', () => {
    attested(inc('Ability to give informed consent.'), /consent/); // NCT03861884
    attested(inc('Able to provide informed consent'), /consent/); // NCT03868137
    attested(inc('Patients capable of giving informed consent'), /consent/); // NCT03921944
    attested(inc('Willing and able to give informed consent'), /commitment/); // NCT03926481
    attested(exc('Inability to provide informed consent'), /consent/); // NCT03862105
    attested(exc('Unable to provide informed consent.'), /consent/); // NCT03869814
    // "and provide … consent" is what the participant must be able to do, not a consent given.
    attested(
      inc(
        'Ability to understand the purpose and risks of the study and provide signed and dated informed consent and authorization to use confidential health information in accordance with applicable participant privacy regulations',
      ),
      /consent/,
    ); // NCT03926637
    attested(inc('Willingness to participate in the study and signing informed consent.'), /consent/); // NCT03927534
  });
  it('refusal, which is more than no consent', () => {
    attested(exc('Refusal to give consent'), /no rule/); // NCT03865303
    attested(exc('Declined informed consent.'), /consent/); // NCT03929471
  });
  it('consent by someone else only, or to something other than the study, or the age at consent', () => {
    attested(inc('Signed informed consent obtained from both parents'), /consent/); // NCT03860428
    attested(inc('Have parental consent'), /no rule/); // NCT03868761
    attested(inc("The patient's parent or guardian has provided informed consent for their child to participate."), /consent/); // NCT03866213
    attested(inc('Consent to contraception'), /no rule/); // NCT03920540
    attested(inc('written consent to undergo deep sedation for colonoscopic procedure'), /no rule/); // NCT03922815
    // Either sex is read (parse-terms.test.ts); the age at the time of signing stays with a person.
    partly(
      inc('Male or female, age greater than or equal to 18 years at the time of signing informed consent'),
      all(any(sexIs('female'), sexIs('male')), rest('age greater than or equal to 18 years at the time of signing informed consent')),
    ); // NCT03929679
  });
});
