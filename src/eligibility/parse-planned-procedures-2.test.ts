import { describe, it } from 'vitest';
import type { Expr } from './expression.js';
import { all, any, attested, computes, exc, has, inc, partly, rest } from './parse-expect.test-helper.js';

/**
 * planned-procedures.ts, more forms of a plan: lines verbatim from the development corpus
 * (bench/fixtures/lct-dev-criteria.txt, NCT number given), each reading worked out by hand from the text.
 */
const planned = (code: string): Expr => has('planned_procedures', code);

describe('more cues of a planned procedure', () => {
  it('"surgical plan for", "a planned operation of", "scheduled surgery for"', () => {
    computes(inc('Surgical plan for total hip replacement'), planned('total-hip-arthroplasty')); // NCT03860324
    // How the bypass is done narrows it: a person's to attest.
    partly(
      inc('a planned operation of coronary artery bypass grafting with the use of cardiopulmonary bypass'), // NCT03860545
      all(planned('coronary-artery-bypass-graft'), rest('with the use of cardiopulmonary bypass')),
    );
  });
  it('"to be operated": the plan is a surgery', () => {
    partly(
      inc('newborn to be operated with the diagnosis of congenital heart disease'), // NCT03923543
      all(all(planned('surgery'), has('diagnoses', 'congenital-heart-disease')), rest('newborn with the diagnosis of')),
    );
  });
});

describe('alternatives that share the rest of the name', () => {
  it('"total hip or knee replacement": a total hip replacement, or a knee replacement that may be total', () => {
    // Whether "total" reaches past the "or" is not said: a knee replacement is necessary either way, and "total" stays for a person.
    partly(
      inc('Scheduled surgery for primary total hip or knee replacement'), // NCT03863743
      all(any(planned('total-hip-arthroplasty'), planned('knee-arthroplasty')), rest('primary total')),
    );
    // In an exclusion "total" on both sides is sufficient either way (NCT03863743's words, as an exclusion).
    computes(exc('Scheduled surgery for total hip or knee replacement'), any(planned('total-hip-arthroplasty'), planned('total-knee-arthroplasty')));
    computes(inc('Undergoing general or regional anesthesia'), any(planned('general-anaesthesia'), planned('regional-anaesthesia'))); // NCT03926858
  });
});

describe('forms that stay attested', () => {
  it('a refusal or a fitness to be operated is no plan', () => {
    // Constructed from NCT03923543's "to be operated".
    attested(inc('Patients who refused to be operated'), /no rule reads it/);
    attested(inc('patients fit to be operated'), /no rule reads it/);
  });
  it('an indication, a candidacy or a referral is no schedule', () => {
    attested(inc('Indication for Elective caesarean section'), /narrows caesarean section/); // NCT03928795
    attested(inc('Adults determined to be candidates for venous sinus stenting'), /no rule reads/); // NCT03867461
    attested(inc('Referred for elective or semi-elective surgery or pre-operative assessment in the next 120 days'), /narrows surgery/); // NCT03929562
  });
  it('a cohort among others: controls are not scheduled', () => {
    // Beside "HV (controls): matched to cases." (NCT03860454).
    attested(
      inc(
        'LMNA+ cases with pathogenic LMNA mutations for LMNA+ and heart myocardial samples from the explanted hearts of LMNA+ patients who are scheduled to undergo clinically indicated heart transplantation at the Papworth Hospital NHS Trust.',
      ),
      /narrows heart transplantation/,
    );
    // Beside "2. elective total hip arthroplasty …" (NCT03869203).
    attested(inc('2. elective total hip arthroplasty for osteoarthritis of osteonecrosis of femoral head'), /narrows total hip arthroplasty/);
    // "Adult participants:" heads one group of NCT03929263: the plan is required of that group only (study-group.ts).
    computes(inc('Adult participants: scheduled for cataract surgery'), any({ kind: 'not', of: { kind: 'equals', fact: 'study_group', value: 'adult-participants' } }, planned('cataract-surgery')));
  });
});
