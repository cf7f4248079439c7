import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { parseCriteriaText } from './parse-criteria.js';

// Lines without a bullet in a bulleted section. They used to be notes, so a criterion written without its bullet
// was never checked, and a line wrapped by the registry lost its end. Each record below is quoted verbatim.
const criteria = (text: string) => parseCriteriaText(text).criteria.map((c) => [c.side, c.text, c.computability, formatExpr(c.expr)]);
const texts = (text: string) => parseCriteriaText(text).criteria.map((c) => c.text);

describe('a wrapped line is joined to the line it continues', () => {
  it('at the depth of its bullet, when the bullet runs on and the line starts in lower case (NCT03866083)', () => {
    const text =
      'Inclusion Criteria:\n- Critically ill cirrhotics with early onset septic shock (<24 hours) with norepinephrine\nof more than 10 ug/min and lactate >4 mmol/L.\nExclusion Criteria:\n  -  Pregnancy';
    // The lactate limit is the line's own: every patient the text admits has lactate above 4 mmol/L.
    expect(criteria(text)[0]).toEqual([
      'inclusion',
      'Critically ill cirrhotics with early onset septic shock (<24 hours) with norepinephrine of more than 10 ug/min and lactate >4 mmol/L.',
      'partly-computable',
      'lactate > 4 mmol/l and attested: "Critically ill cirrhotics with early onset septic shock <24 hours with norepinephrine of more than 10 ug/min and"',
    ]);
    expect(parseCriteriaText(text).notes).toEqual([]);
  });
  it("indented deeper than the bullet, the registry's wrapping of a long list (NCT03923478)", () => {
    const text =
      'Inclusion Criteria:\n  -  Mildly to moderately active UC\nExclusion Criteria:\n  -  Ongoing or failed prior treatment for UC with methotrexate, azathioprine,\n     6-mercaptopurine, cyclosporine, tofacitinib\n  -  Any immunosuppressive condition';
    expect(texts(text)).toEqual([
      'Mildly to moderately active UC',
      'Ongoing or failed prior treatment for UC with methotrexate, azathioprine, 6-mercaptopurine, cyclosporine, tofacitinib',
      'Any immunosuppressive condition',
    ]);
  });
  it('a bracket after a line without a bullet (NCT03929978)', () => {
    const text =
      'Inclusion Criteria:\n  -  Have a stoma\nExclusion Criteria:\n  -  The subjects are not allowed to participate in case they:\nAre currently suffering from peristomal skin problems i.e. bleeding and/or broken skin\n(assessed by the investigator)';
    expect(texts(text).at(-1)).toBe('Are currently suffering from peristomal skin problems i.e. bleeding and/or broken skin (assessed by the investigator)');
  });
});

describe('a line without a bullet that states a criterion is one', () => {
  it('each line is a criterion, not joined to the one before: a lower-case start between lines without bullets says nothing (NCT03926676)', () => {
    const text =
      'Inclusion Criteria:\n  -  patients with badly broken vital teeth\ngood oral hygiene measures\nyoung adults males or females\nExclusion Criteria:\n  -  patients with compromised medical history\nsevere or active periodontal disease';
    expect(texts(text)).toEqual([
      'patients with badly broken vital teeth',
      'good oral hygiene measures',
      'young adults males or females',
      'patients with compromised medical history',
      'severe or active periodontal disease',
    ]);
    // Only severe or active periodontal disease is excluded, so the disease alone is not sufficient: a person decides.
    expect(criteria(text).at(-1)!.slice(2)).toEqual(['attested', 'attested: "severe or active periodontal disease"']);
  });
  it('before the bullets (NCT03920345)', () => {
    const text = 'Inclusion Criteria:\nSubject age 18 - 85 years;\n  -  SIJ arthropathy and chronic lower back pain (CLBP);\nExclusion Criteria:\n  -  Non-compliant patients';
    expect(criteria(text)[0]).toEqual(['inclusion', 'Subject age 18 - 85 years;', 'computable', 'age ≥ 18 years and age ≤ 85 years']);
  });
  it('a lead with words of its own is a criterion for a person; the items under it are read as the lead says (NCT03928691)', () => {
    const text = "Inclusion Criteria:\npregnant women 34 weeks or less admitted to Women's Health Hospital with a diagnosis of :\n  -  preeclampsia\nExclusion Criteria:\n  -  twins";
    const [lead] = parseCriteriaText(text).criteria;
    expect(lead).toMatchObject({ computability: 'attested', notComputable: 'it opens the list under it, and what it asks of its own is left to a person' });
  });
});

describe('what stays a note', () => {
  it('a lead that only opens its list, a subheading over bullets, and words that point elsewhere (NCT03924466, NCT03920293, NCT03926637)', () => {
    const text = [
      'Inclusion Criteria:',
      'Patients will only be included in the study if they meet all of the following criteria:',
      '  -  Age ≥ 18 years',
      'Exclusion Criteria:',
      'Medical Conditions',
      '  1. History of thymectomy within the 12 months prior to screening.',
      'NOTE: Other protocol defined Inclusion/Exclusion criteria may apply.',
    ].join('\n');
    const parsed = parseCriteriaText(text);
    expect(parsed.criteria.map((c) => c.text)).toEqual(['Age ≥ 18 years', 'History of thymectomy within the 12 months prior to screening.']);
    expect(parsed.notes).toEqual([
      'Patients will only be included in the study if they meet all of the following criteria:',
      'Medical Conditions',
      'NOTE: Other protocol defined Inclusion/Exclusion criteria may apply.',
    ]);
  });
  it('"Excluding Criteria for Caregivers:" is the caregivers\' exclusion heading, and its "None" a note (NCT03925181)', () => {
    const text =
      'Inclusion Criteria for Patients:\n  -  Speaks English\nInclusion Criteria for Caregivers:\n  -  Speaks English\nExclusion Criteria for Patients:\n- Long-term hospital stay\nExcluding Criteria for Caregivers:\n- None';
    const parsed = parseCriteriaText(text);
    expect(parsed.criteria.map((c) => [c.side, c.text])).toEqual([
      ['inclusion', 'Speaks English'],
      ['inclusion', 'Speaks English'],
      ['exclusion', 'Long-term hospital stay'],
    ]);
    expect(parsed.notes).toEqual(['None']);
  });
});
