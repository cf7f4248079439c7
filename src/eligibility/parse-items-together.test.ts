import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate.js';
import type { Criterion } from './expression.js';
import { formatExpr } from './expression.js';
import { parseCriteriaText } from './parse-criteria.js';
import { readFacts } from './patient-facts.js';

// Lists whose lines no line reads alone, read together (items-together.ts). Each expectation is worked out from
// the record's words: the lead's count or "any of", or the "or" between lines.
const ref = { screening: '2025-06-02' };
const inclusions = (text: string): Criterion[] => parseCriteriaText(text).criteria.filter((c) => c.side === 'inclusion');
const status = (criteria: readonly Criterion[], facts: Record<string, unknown>) => evaluateEligibility(criteria, readFacts(facts), ref).status;

// NCT03860246, verbatim.
const RISK_FACTORS = `Inclusion Criteria:
Nursing home residents with ≥2 of the following risk factors for atrial fibrillation:
  -  age ≥75 years
  -  female sex
  -  obstructive sleep apnea
  -  peripheral vascular disease
  -  diabetes mellitus
  -  obesity (body mass index [BMI] >30 kg/m2)
  -  hypertension
  -  congestive heart failure
Exclusion Criteria:
  -  prior diagnosis of AF`;

describe('"≥2 of the following" (NCT03860246)', () => {
  const [lead, ...items] = inclusions(RISK_FACTORS);
  it("keeps the lead's own requirement, being a nursing home resident, as a criterion for a person", () => {
    expect(lead).toMatchObject({ text: 'Nursing home residents with ≥2 of the following risk factors for atrial fibrillation:', computability: 'attested' });
    // A resident with two factors waits for the person; one with a single factor is turned away at once.
    expect(status([lead!, ...items], { age: 80, sex: 'male', bmi: 24, diagnoses: ['hypertension'] })).toBe('incomplete');
    expect(status([lead!, ...items], { age: 80, sex: 'male', bmi: 24, diagnoses: [] })).toBe('ineligible');
  });
  it('reads each of the 8 risk factors as the count of all of them: 28 pairs, every line the same expression', () => {
    expect(items).toHaveLength(8);
    expect(new Set(items.map((c) => formatExpr(c.expr))).size).toBe(1);
    expect(items.every((c) => c.computability === 'computable')).toBe(true);
    const pairs = items[0]!.expr;
    expect(pairs.kind === 'any' && pairs.of.length).toBe(28); // C(8, 2)
  });
  it('admits a resident with two risk factors and turns away one with a single factor, whatever else is recorded', () => {
    const base = { age: 80, sex: 'male', bmi: 24 };
    // Age 80 and hypertension: two factors.
    expect(status(items, { ...base, diagnoses: ['hypertension'] })).toBe('eligible');
    // Age 80 alone, every other factor recorded absent.
    expect(status(items, { ...base, diagnoses: [] })).toBe('ineligible');
    // A woman of 70 with diabetes: female sex and diabetes.
    expect(status(items, { age: 70, sex: 'female', bmi: 24, diagnoses: ['diabetes'] })).toBe('eligible');
  });
  it('is unknown while a missing fact could still make the second factor', () => {
    // Age 80, no diagnosis recorded present, BMI not measured: obesity could be the second factor.
    expect(status(items, { age: 80, sex: 'male', diagnoses: [] })).toBe('incomplete');
    // Age 60 with BMI not measured: obesity alone could be at most one factor, so the count cannot be reached.
    expect(status(items, { age: 60, sex: 'male', diagnoses: [] })).toBe('ineligible');
  });
  it('leaves the list to a person when the count names another number of items than the lines ("≥2 of 6 signs" over 3 lines)', () => {
    const text = 'Inclusion Criteria:\n≥2 of 6 CAPS typical signs/symptoms:\n  -  Sensorineural hearing loss;\n  -  Chronic aseptic meningitis;\n  -  hypertension\nExclusion Criteria:\n  -  none';
    expect(inclusions(text).map((c) => c.computability)).toEqual(['attested', 'attested', 'attested']);
    // The same lines under "≥2 of 3" are the whole list. The lead asks nothing of its own (its words after the count name the items), so it is a note.
    expect(inclusions(text.replace('of 6', 'of 3')).map((c) => c.computability)).toEqual(['computable', 'computable', 'computable']);
    expect(parseCriteriaText(text).notes).toEqual(['≥2 of 6 CAPS typical signs/symptoms:', 'none']);
  });
  it('leaves a bare "four of the following", which may mean exactly four, to a person (NCT03861130)', () => {
    const text = 'Inclusion Criteria:\nThe presence of fever for at least five days plus four of the following criteria:\n  -  hypertension\n  -  diabetes mellitus\nExclusion Criteria:\n  -  none';
    // The lead's fever for at least five days is a requirement of its own, for a person.
    expect(inclusions(text).map((c) => [c.text, c.computability])).toEqual([
      ['The presence of fever for at least five days plus four of the following criteria:', 'attested'],
      ['hypertension', 'attested'],
      ['diabetes mellitus', 'attested'],
    ]);
  });
});

describe('items that may be alternatives or may all be required', () => {
  // NCT03863379: "Persons with" over the conditions.
  const text = `Inclusion Criteria:
Persons with
  -  stroke / cerebrovascular disease
  -  traumatic brain injury
  -  multiple sclerosis
Exclusion Criteria:
  -  none`;
  it('"Persons with" over conditions: one of them is necessary either way, and each line still needs a person', () => {
    const items = inclusions(text);
    expect(items.map((c) => c.computability)).toEqual(['partly-computable', 'partly-computable', 'partly-computable']);
    expect(formatExpr(items[1]!.expr)).toBe(
      '(diagnoses has stroke or diagnoses has cerebrovascular-disease or diagnoses has traumatic-brain-injury or diagnoses has multiple-sclerosis) and attested: "traumatic brain injury"',
    );
    // Someone with none of the conditions is turned away; someone with one of them waits for the person.
    expect(status(items, { diagnoses: ['asthma'] })).toBe('ineligible');
    expect(status(items, { diagnoses: ['multiple-sclerosis'] })).toBe('incomplete');
  });
  it('leaves examples ("… such as:") to a person: the patient may meet the lead by another', () => {
    const examples = 'Inclusion Criteria:\nChronic disease such as:\n  -  diabetes mellitus\n  -  hypertension\nExclusion Criteria:\n  -  none';
    // The lead itself, a chronic disease, is the requirement, for a person to decide.
    expect(inclusions(examples).map((c) => [c.text, c.computability])).toEqual([
      ['Chronic disease such as:', 'attested'],
      ['diabetes mellitus', 'attested'],
      ['hypertension', 'attested'],
    ]);
  });
});

describe('alternatives joined by "or" across lines (NCT03921476)', () => {
  const text = `Inclusion Criteria:
  -  Female subjects between 18 and 65 years of age currently taking spironolactone for a diagnosis of acne vulgaris
  -  OR
  -  Female subjects between 18 and 65 years of age currently taking oral antibiotics for a diagnosis of acne vulgaris
Exclusion Criteria:
  -  pregnancy`;
  it('turns away a man or a woman of 70, and leaves the treatment to a person', () => {
    const items = inclusions(text);
    expect(items.map((c) => c.computability)).toEqual(['partly-computable', 'partly-computable', 'partly-computable']);
    expect(status(items, { sex: 'male', age: 30 })).toBe('ineligible');
    expect(status(items, { sex: 'female', age: 70 })).toBe('ineligible');
    expect(status(items, { sex: 'female', age: 30 })).toBe('incomplete');
  });
  it('does not take a line of the chain as enough alone, since the "or" may fall inside a phrase (NCT03868332)', () => {
    const split = `Inclusion Criteria:
  -  Patients who are diagnosed as ulcerative colitis / Crhon s disease however in activity or
  -  in remission attending the the outpatient clinics and inpatient of gastroenterology units
Exclusion Criteria:
  -  none`;
    // Ulcerative colitis alone does not make "… attending the outpatient clinics" true.
    expect(status(inclusions(split), { diagnoses: ['ulcerative-colitis'] })).toBe('incomplete');
  });
});

describe('an exclusion\'s "all of the following"', () => {
  it('excludes only someone with every item', () => {
    const text = 'Inclusion Criteria:\n  -  age ≥ 18 years\nExclusion Criteria:\nPatients with all of the following:\n  -  hypertension\n  -  diabetes mellitus';
    const criteria = parseCriteriaText(text).criteria.filter((c) => c.side === 'exclusion' && c.text !== 'Patients with all of the following:');
    expect(formatExpr(criteria[0]!.expr)).toBe('diagnoses has hypertension and diagnoses has diabetes');
    expect(status(criteria, { diagnoses: ['hypertension'] })).toBe('eligible');
    expect(status(criteria, { diagnoses: ['hypertension', 'diabetes'] })).toBe('ineligible');
  });
});

describe("a name in the source a parenthesis cites is not the patient's (NCT03865602)", () => {
  it('"(adapted from … Consensus Definitions for Sepsis and Septic Shock)" requires no sepsis', () => {
    const line =
      'antibiotics ordered first, culture ordered within 48 hours (adapted from criteria applied in development of the Third International Consensus Definitions for Sepsis and Septic Shock)';
    const [c] = inclusions(`Inclusion Criteria:\n  -  ${line}\nExclusion Criteria:\n  -  none`);
    expect(formatExpr(c!.expr)).not.toMatch(/sepsis/);
  });
  it('"female sex" and "female gender" are sex = female, with nothing left to attest (NCT03863210, NCT03865459)', () => {
    const [a, b] = inclusions('Inclusion Criteria:\n  -  female sex\n  -  female gender\nExclusion Criteria:\n  -  none');
    expect([a!.computability, formatExpr(a!.expr), b!.computability, formatExpr(b!.expr)]).toEqual(['computable', 'sex = female', 'computable', 'sex = female']);
  });
});
