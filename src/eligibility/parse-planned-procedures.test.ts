import { describe, it } from 'vitest';
import type { Expr } from './expression.js';
import { all, any, attested, cmp, computes, exc, has, inc, partly, rest, within } from './parse-expect.test-helper.js';

/**
 * planned-procedures.ts: the procedure a patient is scheduled to undergo, each line verbatim from the
 * development corpus (bench/fixtures/lct-dev-criteria.txt, NCT number given), pinned to the reading
 * worked out by hand: in an inclusion the procedure named is necessary even when narrowed (the
 * narrowing words are the attested remainder); in an exclusion only an unnarrowed procedure is read.
 */
const planned = (code: string): Expr => has('planned_procedures', code);

describe('planned procedures in an inclusion', () => {
  it('a cue and the procedure: the procedure is necessary, its narrowing words stay attested', () => {
    computes(inc('Patient undergoing face surgery'), planned('facial-surgery')); // NCT03926403
    partly(inc('Scheduled for elective thoracotomy'), all(planned('thoracotomy'), rest('elective'))); // NCT03868917
    partly(inc('Patient undergoing non-emergent cardiac surgery'), all(planned('cardiac-surgery'), rest('Patient non-emergent'))); // NCT03860363
    partly(inc('Subject is scheduled to undergo elective rotator cuff surgery'), all(planned('rotator-cuff-surgery'), rest('Subject is elective'))); // NCT03860259
    partly(inc('Patients undergoing redo cardiac surgery'), all(planned('cardiac-surgery'), rest('Patients redo'))); // NCT03925376
    // "laparoscopic cholecystectomy" is a cholecystectomy; how, and for what, a person attests.
    partly(
      inc('Patients scheduled for elective laparoscopic cholecystectomy under balanced general anesthesia for benign cholecystic diseases'), // NCT03868111
      all(planned('cholecystectomy'), rest('Patients elective laparoscopic under balanced general anesthesia for benign cholecystic diseases')),
    );
    partly(
      inc('Diagnosis of AML scheduled to undergo HSCT at University of Southern California (USC)'), // NCT03921047
      all(planned('haematopoietic-stem-cell-transplant'), rest('Diagnosis of AML at University of Southern California USC')),
    );
    partly(inc('All patients undergoing lobectomy VATS'), all(planned('lobectomy'), rest('All patients VATS'))); // NCT03867695
  });
  it('a narrowing word that starts a name of its own is read with it', () => {
    partly(inc('Elective laparoscopic surgery'), all(planned('laparoscopic-surgery'), rest('Elective'))); // NCT03928678
    partly(
      inc('Undergoing primary unilateral elective total knee arthroplasty with spinal anesthesia'), // NCT03865550
      all(all(planned('total-knee-arthroplasty'), planned('spinal-anaesthesia')), rest('primary unilateral elective')),
    );
  });
  it('names of procedures the lexicon leaves out, read only as planned', () => {
    computes(inc('Undergoing septoplasty'), planned('septoplasty')); // NCT03926663
    partly(inc('Scheduled for elective colonoscopy'), all(planned('colonoscopy'), rest('elective'))); // NCT03925779
    partly(inc('Patients scheduled for elective knee arthroscopy.'), all(planned('knee-arthroscopy'), rest('Patients elective'))); // NCT03926000
    partly(inc('Be undergoing elective posterior spinal fusion'), all(planned('spinal-fusion'), rest('Be elective'))); // NCT03867240
    partly(inc('Patients undergoing a TAVI at Montpellier University Hospital'), all(planned('transcatheter-aortic-valve-implantation'), rest('Patients a at Montpellier University Hospital'))); // NCT03865043
    // "septorhinoplasty procedures" is one more alternative, a person's to attest.
    partly(inc('patients who will undergo septoplasty/septorhinoplasty procedures'), any(planned('septoplasty'), rest('patients /septorhinoplasty procedures'))); // NCT03861104
  });
  it('abbreviations and synonyms of procedure-names.ts', () => {
    // LSCS is a lower segment caesarean section; RARC a robot-assisted radical cystectomy.
    partly(inc('planned for elective LSCS under spinal anesthesia'), all(all(planned('caesarean-section'), planned('spinal-anaesthesia')), rest('elective'))); // NCT03864692
    partly(inc('scheduled for elective RARC'), all(planned('radical-cystectomy'), rest('elective'))); // NCT03868319
    partly(
      inc('patients undergoing elective, primary knee joint replacement in combined general anaesthesia'), // NCT03920930
      all(planned('knee-arthroplasty'), rest('patients elective, primary in combined general anaesthesia')),
    );
    partly(
      inc('scheduled to undergo catheter ablation of the CTI for treatment of AFL'), // NCT03929718
      all(planned('catheter-ablation'), rest('of the CTI for treatment of AFL')),
    );
  });
  it('more cues: "planning on", "will be operated with", "Under" opening the line, "receiving elective"', () => {
    partly(
      inc('Planning on kidney transplantation surgery at the University of Colorado Hospital.'), // NCT03923556
      all(planned('kidney-transplant'), rest('surgery at the University of Colorado Hospital')),
    );
    computes(inc('the patient will be operated with spinal anesthesia'), planned('spinal-anaesthesia')); // NCT03869775
    computes(inc('Under spinal anesthesia'), planned('spinal-anaesthesia')); // NCT03863977
    partly(inc('Patient of the CHU Brugmann Hospital receiving elective coronary surgery.'), all(planned('coronary-surgery'), rest('Patient of the CHU Brugmann Hospital elective'))); // NCT03922178
    // "living donor" is no narrowing word of the list: left out, the remainder would read "Patient is a living donor".
    attested(inc('Patient is a planned recipient of a living donor kidney transplant.'), /narrows kidney transplant/); // NCT03867617
  });
  it('the name, then "planned": the whole line', () => {
    computes(inc('General anesthesia planned'), planned('general-anaesthesia')); // NCT03861377
  });
  it('"elective" opening the line is the plan', () => {
    partly(inc('Elective laparoscopic Cholecystectomy, ASA status 1-2'), all(planned('cholecystectomy'), cmp('asa_class', '<=', 2, ''), rest('Elective laparoscopic'))); // NCT03869801
  });
  it('the anaesthesia of the planned procedure is planned too', () => {
    partly(inc('Scheduled for laparoscopic sleeve gastrectomy under general anesthesia'), all(all(planned('sleeve-gastrectomy'), planned('general-anaesthesia')), rest('laparoscopic'))); // NCT03921970
  });
  it('"plan to undergo" is the care plan, not a commitment', () => {
    partly(
      inc('Pregnant women in third trimester planned to undergo elective cesarean section'), // NCT03862820
      all({ kind: 'equals', fact: 'sex', value: 'female' }, all(planned('caesarean-section'), rest('Pregnant in third trimester elective'))),
    );
  });
  it('alternatives the cue binds: any of them', () => {
    // "total" narrows the first alternative, so only the second is read alone; the first is a person's to attest.
    partly(inc('Subject scheduled for total pancreatectomy or pancreaticoduodenectomy'), any(planned('pancreaticoduodenectomy'), rest('Subject total pancreatectomy or'))); // NCT03864744
  });
});

describe('planned procedures in an exclusion', () => {
  it('an unnarrowed procedure is sufficient', () => {
    computes(exc('Patients scheduled for emergency surgery'), planned('emergency-surgery')); // NCT03921775
    computes(exc('Patients undergoing emergency surgery'), planned('emergency-surgery')); // NCT03866915
  });
  it('a narrowed procedure stays attested', () => {
    attested(exc('Primary elective cesarean section.'), /narrows cesarean section/); // NCT03862820
    attested(exc('planned elective surgery during the study period;'), /narrows surgery/); // NCT03927846
    attested(exc('Planned major surgery within the next 12 months'), /narrows surgery/); // NCT03926312
  });
});

describe('lines that name no planned procedure', () => {
  it('a time anchor, a past procedure or a time window is no plan', () => {
    attested(exc('Planned diagnostics or treatment with radioactive iodine < 1 week after surgery'), /point in time/); // NCT03928171
    // A past procedure, read as one ("undergone" is "underwent"), never as a plan.
    computes(exc('Patient have previously undergone gastrostomy'), has('prior_treatments', 'gastrostomy')); // NCT03928678
    // "vascular surgery" is a name the lexicon knows, "vascular" alone none: both alternatives are read (shared-qualifier.ts).
    computes(
      exc('Patients undergoing vascular or endovascular surgery in the last 3 months'), // NCT03928860
      any(within('last.vascular-surgery', 3, 'months', 'screening'), within('last.endovascular-surgery', 3, 'months', 'screening')),
    );
    partly(
      exc('Patients with previous bariatric surgery who undergo revision surgery'), // NCT03864861
      all(has('prior_treatments', 'bariatric-surgery'), rest('Patients with previous who undergo revision surgery')),
    );
  });
  it('a kind of patient first, or a numbered item, may be one cohort of several', () => {
    // Beside "Collaborative ICU patients …" and "Healthy subjects" (NCT03922113).
    attested(inc('Surgical patients scheduled for colorectal surgery'), /narrows colorectal surgery/);
    // Beside "2. elective total hip arthroplasty …" (NCT03869203).
    attested(inc('1. elective total knee arthroplasty for degenerative osteoarthritis'), /narrows total knee arthroplasty/);
  });
  it('a negation, an ability or a willingness is no plan', () => {
    attested(exc('Not undergoing any other concurrent office procedures'), /judgement/); // NCT03868137
    attested(inc('Able to undergo surgery (primary or post-neoadjuvant)'), /narrows surgery/); // NCT03920488
    attested(exc('Patients unwilling or unable to undergo the FMT via retention enema procedure'), /commitment|no rule reads/); // NCT03862079
  });
});
