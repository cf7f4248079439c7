import { describe, it } from 'vitest';
import type { Expr } from './expression.js';
import { all, any, attested, exc, has, inc, partly, rest } from './parse-expect.test-helper.js';

/**
 * Lines with an exception ("except", "other than", "excluding", "apart from", "with the exception of"), read by exceptions.ts: the
 * main part as the parser reads it alone, each excepted item as a condition true whenever the patient has it (widened to the past),
 * and whether the patient's condition is only an excepted one left to a person. Expectations worked out from the text.
 */
const not = (of: Expr): Expr => ({ kind: 'not', of });
const EXCEPTION = /it makes exceptions that the facts cannot express/;

describe('an exclusion with exceptions: the main condition, and none of the exceptions or a person says so', () => {
  it('an exception in parentheses (NCT03920098)', () => {
    // A patient with a melanoma and no non-melanoma skin cancer ever is excluded; one who has had a skin carcinoma is left to a person.
    partly(
      exc('Pre-existing cancer (except non-melanoma skin cancer)'),
      all(has('diagnoses', 'cancer'), any(not(has('history', 'non-melanoma-skin-cancer')), rest('except non-melanoma skin cancer'))),
    );
  });

  it('"other than" after the condition (NCT03862924, NCT03864510)', () => {
    partly(
      exc('substance use disorder other than nicotine dependence'),
      all(has('diagnoses', 'substance-use-disorder'), any(not(has('history', 'nicotine-dependence')), rest('other than nicotine dependence'))),
    );
    partly(exc('Previously known liver disease (other than fatty liver)'), all(has('history', 'liver-disease'), any(not(has('history', 'hepatic-steatosis')), rest('other than fatty liver'))));
  });

  it('the time window stays on the main condition; the excepted items lose their narrowing words and place (NCT03867617)', () => {
    // "non-metastatic basal or squamous cell carcinoma of the skin" is at most a basal cell or a squamous cell carcinoma, ever.
    partly(
      exc('Patient had been diagnosed with a malignancy within 5 years prior to study entry, excluding non-metastatic basal or squamous cell carcinoma of the skin.'),
      all(
        { kind: 'within', fact: 'last.cancer', amount: 5, unit: 'years', before: 'screening' },
        any(all(not(has('history', 'basal-cell-carcinoma')), not(has('history', 'squamous-cell-carcinoma'))), rest('excluding non-metastatic basal or squamous cell carcinoma of the skin')),
      ),
    );
  });

  it('"present or a history of" is one condition in two tenses; "successfully treated or excised" narrows the exception (NCT03929510)', () => {
    partly(
      exc('Participants have a known present or a history of malignancy other than a successfully treated or excised non metastatic basal cell or squamous cell cancer of the skin.'),
      all(
        has('history', 'cancer'),
        any(
          all(not(has('history', 'basal-cell-carcinoma')), not(has('history', 'squamous-cell-carcinoma'))),
          rest('other than a successfully treated or excised non metastatic basal cell or squamous cell cancer of the skin'),
        ),
      ),
    );
  });

  it('a plural exception names any of its kind (NCT03928626)', () => {
    partly(
      exc('Present DSM disorders, apart from alcohol use disorders'),
      all(has('diagnoses', 'dsm-disorder'), any(not(has('history', 'alcohol-use-disorder')), rest('apart from alcohol use disorders'))),
    );
  });
});

describe('a negated inclusion with exceptions: none of the condition, or only an exception a person confirms', () => {
  it('"No diagnosis of malignancy (except non-melanoma skin cancer)" (NCT03861819)', () => {
    // A patient with a basal cell carcinoma only is admitted by the text: "has cancer" holds, so the exception must let them through.
    partly(
      inc('No diagnosis of malignancy (except non-melanoma skin cancer)'),
      any(not(has('diagnoses', 'cancer')), all(has('history', 'non-melanoma-skin-cancer'), rest('except non-melanoma skin cancer'))),
    );
  });
});

describe('exceptions that stay attested', () => {
  it('an exception after a list may carve from its last item only (NCT03864432, NCT03920527)', () => {
    attested(
      exc(
        "Those with a medical history of gastrointestinal diseases (ulcers, Crohn's disease, etc.) or surgery (excluding simple appendectomy or hernia repair), and these situations can affect the absorption of the study drug.",
      ),
      EXCEPTION,
    );
    // "mycobacteria other than tuberculosis" is a name: a bacterial pneumonia is no exclusion.
    attested(exc('subjects with active pulmonary infection due to mycobacterium tuberculosis or mycobacteria other than tuberculosis (MOTT)'), EXCEPTION);
  });

  it('an excepted item no rule reads keeps the whole line (NCT03864393, NCT03860428)', () => {
    // "PD" (Parkinson's disease here) is not read: dropping it would exclude the very patients the study takes.
    attested(exc('neurological disease diagnosis other than PD'), EXCEPTION);
    attested(exc('Congenital heart defect, other than PDA and/or patent foramen ovale (PFO)'), EXCEPTION);
  });

  it('a main part no rule reads alone (NCT03862677, NCT03927729)', () => {
    // "Other active malignancy": other than the study's cancer, itself an exception.
    attested(exc('Other active malignancy in past 5 years prior to entry into the study, except for treated non-melanoma skin cancer.'), EXCEPTION);
    attested(exc('Patient who has already received analgesics (with the exception of paracetamol)'), EXCEPTION);
  });

  it('"unless" reverses the rule under a condition (NCT03920293)', () => {
    attested(
      exc('Any active or untreated thymoma. History of thymic carcinoma or thymic malignancy unless deemed cured by adequate treatment with no evidence of recurrence for ≥ 5 years before screening.'),
      EXCEPTION,
    );
  });

  it('a positive inclusion with an exception (NCT03921190; the second line is made from NCT03920098 for the rule)', () => {
    attested(inc('A maxillary posterior tooth (excluding third molars) referred for root canal treatment and diagnosed with irreversible pulpitis and normal apical tissues'), EXCEPTION);
    // Only the negated inclusion ("No M except E") is read; a positive one is left to a person.
    attested(inc('Pre-existing cancer (except non-melanoma skin cancer)'), EXCEPTION);
  });

  it('a negation inside an exclusion turns the exception round with it (made from NCT03861819 for the rule)', () => {
    attested(exc('No diagnosis of malignancy (except non-melanoma skin cancer)'), EXCEPTION);
  });
});
