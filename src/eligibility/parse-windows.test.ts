import { describe, expect, it } from 'vitest';
import type { Expr } from './expression.js';
import { all, any, attested, cmp, computes, exc, has, inc, partly, rest, within } from './parse-expect.test-helper.js';

/**
 * Time windows and dated events, each line verbatim from the development corpus
 * (bench/fixtures/lct-dev-criteria.txt, NCT number given) or a minimal variant, pinned to the
 * reading worked out by hand: an exclusion's window is read as "within", which any patient the
 * text excludes for that event meets; an inclusion's computable part must be necessary.
 */

/** The first alternative (any) or condition (all) of a line whose other parts are a remainder worked out elsewhere. */
const firstOf = (e: Expr, kind: 'any' | 'all'): Expr | undefined => (e.kind === kind ? e.of[0] : undefined);
const years = (fact: string, amount: number): Expr => ({ kind: 'within', fact, amount, unit: 'years', before: 'screening' });

describe('window forms', () => {
  it('reads "N-month period", number words and "prior to the study" anchors', () => {
    computes(exc('Chemotherapy within the past 12-month period.'), within('last.chemotherapy', 12, 'months', 'screening')); // NCT03861650
    computes(exc('Application of Botox within 6 months prior to the study,'), within('last.botulinum-toxin-a', 6, 'months', 'screening')); // NCT03863678
    computes(exc('Surgery within six weeks of the study.'), within('last.surgery', 6, 'weeks', 'screening')); // NCT03929471
    // "enrolment into the study" is the anchor as a whole: no "into the study" is left over to narrow the drug.
    computes(exc('Treatment with any investigational drug within 90 days prior to enrolment into the study'), within('last_investigational_product', 90, 'days', 'screening')); // NCT03929679
    // An inclusion's "no X in the 3 months before the study" is necessary as not (X within 3 months).
    computes(inc('No history of musculoskeletal injury in the 3 months prior to the study'), { kind: 'not', of: within('last.musculoskeletal-injury', 3, 'months', 'screening') }); // NCT03866889
    // "the study drug" stays the first dose; "the study period" names no date.
    computes(exc('Surgery within 6 months prior to the study drug'), within('last.surgery', 6, 'months', 'first-dose'));
    attested(exc('Surgery within 6 months prior to the study period'), /Surgery within/);
  });

  it('reads an amount right after an excluded event as its window, in an exclusion only', () => {
    computes(exc('Botulinum toxin A injections six months prior to enrollment'), within('last.botulinum-toxin-a', 6, 'months', 'screening')); // NCT03863197
    computes(exc('Lower limb surgery two years prior to enrollment'), years('last.lower-limb-surgery', 2)); // NCT03863197
    // An inclusion's "diagnosed 6 months prior to screening" may mean at least 6 months: no window.
    const diagnosed = inc('Diagnosed with asthma 6 months prior to screening');
    expect(JSON.stringify(diagnosed.expr)).not.toContain('within');
    // A limit or a duration before the amount is no window.
    attested(exc('Metformin at least 3 months prior to screening'), /narrows/);
    attested(exc('A history of orofacial pain at least three months prior to the study (TREEDE et al, 2015)'), /narrows/); // NCT03926767 (an inclusion there)
    attested(exc('Stable dose of metformin for 3 months prior to screening'), /narrows|stable/);
  });

  it('binds a window closing a list to the item before it', () => {
    // Any cancer in the six months suffices, whatever the window does to the first item.
    const cancer = exc('cardiocebrovascular diseases or any cancer during the six months prior to study'); // NCT03920436
    expect(cancer.computability).toBe('partly-computable');
    expect(cancer.expr).toEqual(any(within('last.cancer', 6, 'months', 'screening'), rest('cardiocebrovascular diseases or any')));
    // "history of drug abuse and / or alcohol abuse 2 years prior to …": before, drug abuse was read as ever, broader than the window.
    const abuse = exc('Patients with a history of drug abuse and / or alcohol abuse 2 years prior to the screening period'); // NCT03921775
    expect(abuse.computability).toBe('partly-computable');
    expect(firstOf(abuse.expr, 'any')).toEqual(years('last.substance-use-disorder', 2));
    expect(JSON.stringify(abuse.expr)).not.toContain('"history"');
  });

  it('in an exclusion, takes a window that may not bind a history before it, and leaves the rest to a person', () => {
    // Whether or not "within 28 days" binds the fistula, a fistula within them excludes; one before them stays attested.
    const fistula = exc('History of abdominal fistula or gastrointestinal perforation within 28 days prior to Day 1'); // NCT03924882
    expect(fistula.computability).toBe('partly-computable');
    expect(firstOf(fistula.expr, 'any')).toEqual(within('last.abdominal-fistula', 28, 'days', 'first-dose'));
    expect(fistula.notComputable).toMatch(/may not bind "abdominal fistula"/);
    const mi = exc('History of myocardial infarction or stroke within 6 months');
    expect(mi.computability).toBe('partly-computable');
    expect(mi.expr).toEqual(
      any(within('last.myocardial-infarction', 6, 'months', 'screening'), within('last.stroke', 6, 'months', 'screening'), rest('myocardial infarction outside "within 6 months"')),
    );
    // An inclusion needs the broader reading, and a negation turns it round: both stay as they were.
    attested(exc('No history of myocardial infarction or stroke within 6 months'), /may bind "myocardial infarction"/);
    expect(JSON.stringify(inc('History of myocardial infarction or stroke within 6 months').expr)).not.toContain('last.myocardial-infarction');
  });
});

describe('events in the past tense', () => {
  it('reads "suffered", "usage of" and "patients that have had"', () => {
    computes(exc('Have suffered a knee injury in the 6 months prior to the study'), within('last.knee-injury', 6, 'months', 'screening')); // NCT03865862
    computes(exc('Have suffered a shoulder injury in the last six months'), within('last.shoulder-injury', 6, 'months', 'screening')); // NCT03866070
    computes(exc('usage of antibiotics within 4 weeks before inclusion'), within('last.antibiotic', 4, 'weeks', 'screening')); // NCT03869359
    computes(exc('Patients that are pregnant'), { kind: 'is', fact: 'pregnant', value: true }); // NCT03927326
    const transfusion = exc('Patients that have had a blood transfusion within the last month and patients having haemodialysis will be excluded.'); // NCT03860454
    expect(transfusion.computability).toBe('partly-computable');
    expect(firstOf(transfusion.expr, 'any')).toEqual(within('last.blood-transfusion', 1, 'months', 'screening'));
  });

  it('keeps "that is" (i.e.) a word no rule reads, so the limit it defines does not exclude alone', () => {
    // NCT03926585: TSH < 4 is the range of the patients in whom initiating L-thyroxine excludes, not an exclusion of its own.
    const tsh = exc('Initiation of L-thyroxine treatment in patients with s-TSH below upper normal limit (with assay in current use, that is TSH < 4 mU/L)');
    expect(tsh.computability).toBe('partly-computable');
    expect(firstOf(tsh.expr, 'all')).toEqual(cmp('tsh', '<', 4, 'mu/l'));
  });
});

describe('dated events without a code: hospital stays, births, severe hypoglycaemia', () => {
  it('reads them with the window right after the name', () => {
    // What follows the window narrows the stay: both are required, the rest attested.
    partly(
      exc('Hospitalised within 3 months prior to screening for any major medical condition'), // NCT03862846
      all(within('last_hospitalisation', 3, 'months', 'screening'), rest('for any major medical condition')),
    );
    computes(exc('Have given birth within the past 3 months'), within('last_delivery', 3, 'months', 'screening')); // NCT03865342
    computes(inc('No hospitalisation within 3 months'), { kind: 'not', of: within('last_hospitalisation', 3, 'months', 'screening') });
    // "Severe" is the fact's own level 3 (needing another person's help), so no judgement is left.
    computes(exc('Severe hypoglycemic event in past 3 months'), within('last_severe_hypoglycaemia', 3, 'months', 'screening')); // NCT03862521
  });

  it('leaves them attested when the words around them change what is dated', () => {
    attested(exc('hospitalized for AF in the past three months.'), /hospitalized for AF/); // NCT03864900
    attested(exc('more than 72 hours of hospitalization in the last 30 days'), /narrows hospitalization/); // NCT03865342
    attested(exc('Expected hospitalisation within 6 months'), /narrows hospitalisation/);
    // Negated, "for heart failure" would be negated too: not (any stay) is no necessary condition.
    attested(inc('No hospitalisation within 3 months for heart failure'), /negated together/);
  });
});

describe('readings that suffice though the text says more', () => {
  it('reads every item of a list within the window that closes it, and what lies outside it is left to a person', () => {
    partly(
      exc('Use of anti-secretory drugs, antibiotics or probiotics 4 weeks preceding the enrollment.'), // NCT03925818
      any(
        within('last.antibiotic', 4, 'weeks', 'screening'),
        within('last.probiotic', 4, 'weeks', 'screening'),
        rest('Use of anti-secretory drugs, or; antibiotics outside "4 weeks preceding the enrollment"'),
      ),
    );
  });
});
