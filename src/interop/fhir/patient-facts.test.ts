import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.js';
import { evaluateEligibility } from '../../eligibility/evaluate.js';
import { readFacts } from '../../eligibility/patient-facts.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { bundleFacts } from './patient-facts.js';

/*
 * A hand-written patient Bundle (FHIR R4 4.0.1 shapes, hl7.org/fhir/R4/). Codes, each as its
 * publisher names it: LOINC (loinc.org) 29463-7 Body weight, 777-3 Platelets, 6690-2 Leukocytes,
 * 718-7 Hemoglobin, 1742-6 ALT, 2889-4 Protein 24 h urine, 2160-0 Creatinine, 2093-3 Cholesterol,
 * 7918-6 HIV 1+2 Ab, 5196-1 HBsAg, 13955-0 HCV Ab, 2106-3 hCG urine; SNOMED CT 55464009 Systemic
 * lupus erythematosus, 91302008 Sepsis, 38341003 Hypertensive disorder, 260385009 Negative; ICD-10
 * D69.6 Thrombocytopenia, unspecified; RxNorm 5521 hydroxychloroquine, 121191 rituximab, 8640 prednisone.
 */
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const SCT = 'http://snomed.info/sct';
const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const concept = (system: string, code: string) => ({ coding: [{ system, code }] });
const quantity = (code: string, value: number, unit: string, at = '2025-06-01') => ({
  resourceType: 'Observation',
  status: 'final',
  code: concept(LOINC, code),
  effectiveDateTime: at,
  valueQuantity: { value, unit, system: UCUM, code: unit },
});
const negative = (code: string) => ({ resourceType: 'Observation', status: 'final', code: concept(LOINC, code), valueCodeableConcept: concept(SCT, '260385009') });
const condition = (system: string, code: string, clinical: string) => ({
  resourceType: 'Condition',
  clinicalStatus: concept('http://terminology.hl7.org/CodeSystem/condition-clinical', clinical),
  code: concept(system, code),
});
const medication = (rxcui: string, status: string) => ({ resourceType: 'MedicationStatement', status, medicationCodeableConcept: concept(RX, rxcui) });

function patientBundle(withRituximab: boolean) {
  const resources = [
    { resourceType: 'Patient', gender: 'female', birthDate: '1980-07-15' },
    quantity('29463-7', 72, 'kg'),
    quantity('777-3', 85, '10*9/L'),
    quantity('6690-2', 4.1, '10*9/L', '2025-05-01'),
    quantity('6690-2', 2.8, '10*9/L', '2025-06-01'),
    quantity('718-7', 11.2, 'g/dL'),
    quantity('1742-6', 40, 'U/L'),
    quantity('2889-4', 0.8, 'g/(24.h)'),
    quantity('2160-0', 0.07, 'mmol/L'),
    quantity('2093-3', 5.2, 'mmol/L'),
    negative('7918-6'),
    negative('5196-1'),
    { resourceType: 'Observation', status: 'final', code: concept(LOINC, '13955-0'), interpretation: [concept('http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', 'NEG')] },
    negative('2106-3'),
    condition(SCT, '55464009', 'active'),
    condition('http://hl7.org/fhir/sid/icd-10', 'D69.6', 'active'),
    condition(SCT, '91302008', 'resolved'),
    condition(SCT, '38341003', 'active'),
    medication('5521', 'active'),
    medication('8640', 'active'),
    { resourceType: 'Encounter', status: 'finished' },
    ...(withRituximab ? [medication('121191', 'completed')] : []),
  ];
  return { resourceType: 'Bundle', type: 'collection', timestamp: '2025-06-02T09:00:00Z', entry: resources.map((resource) => ({ resource })) };
}

/** The same patient as a person types the facts in from the chart, in the units they come in. */
const typed = (withRituximab: boolean) => ({
  sex: 'Female',
  age: '44',
  weight: '72',
  platelets: '85000/mm3',
  leukocytes: '2800 /µL',
  haemoglobin: '112 g/L',
  alt: '40',
  proteinuria: '800 mg/day',
  hiv_positive: 'no',
  hbv_positive: 'no',
  hcv_positive: 'no',
  pregnancy_test_positive: 'no',
  diagnoses: 'thrombocytopenia;systemic-lupus-erythematosus;sle-acr-1997',
  sledai: '10',
  history: 'sepsis;thrombocytopenia;systemic-lupus-erythematosus',
  current_treatments: 'hydroxychloroquine',
  prior_treatments: withRituximab ? 'rituximab;hydroxychloroquine' : 'hydroxychloroquine',
});

describe("a patient's FHIR Bundle as screening facts", () => {
  it('reads age and sex, the latest lab of each LOINC code in its UCUM unit, diagnoses, history and treatments', () => {
    const read = bundleFacts(patientBundle(true));
    // Born 1980-07-15, on 2025-06-02 the July birthday is still to come: 2025 − 1980 − 1 = 44.
    expect(read.referenceDate).toBe('2025-06-02');
    expect(read.facts).toEqual({
      sex: 'female',
      age: '44',
      weight: '72 kg',
      platelets: '85 10^9/L',
      leukocytes: '2.8 10^9/L',
      haemoglobin: '11.2 g/dL',
      alt: '40 U/L',
      proteinuria: '0.8 g/day',
      hiv_positive: 'no',
      hbv_positive: 'no',
      hcv_positive: 'no',
      pregnancy_test_positive: 'no',
      diagnoses: 'systemic-lupus-erythematosus;thrombocytopenia',
      history: 'sepsis;systemic-lupus-erythematosus;thrombocytopenia',
      current_treatments: 'hydroxychloroquine',
      prior_treatments: 'hydroxychloroquine;rituximab',
    });
  });

  it('reports each code and unit it has no mapping for, by its place, and guesses none', () => {
    const { unmapped } = bundleFacts(patientBundle(false));
    expect(unmapped.map((u) => u.path)).toEqual([
      'entry[8].resource.valueQuantity',
      'entry[9].resource.code',
      'entry[17].resource.code',
      'entry[19].resource.medicationCodeableConcept',
      'entry[20].resource.resourceType',
    ]);
    expect(unmapped[0]!.reason).toMatch(/unit "mmol\/L" is not accepted for creatinine/);
    expect(unmapped[1]!.reason).toBe('no LOINC code the screening reads (codes: http://loinc.org|2093-3).');
    expect(unmapped[2]!.reason).toBe('no SNOMED CT or ICD-10 code a screening fact names (codes: http://snomed.info/sct|38341003).');
    expect(unmapped[3]!.reason).toBe(`no RxNorm code a screening fact names (codes: ${RX}|8640).`);
    expect(unmapped[4]!.reason).toBe('Encounter resources are not read for screening.');
  });

  it('pre-screens sle-il2 to the same decision as the same facts typed in', () => {
    const criteria = protocolCriteria(getBuiltinProtocol('sle-il2').eligibility);
    const ref = { screening: '2025-06-02' };
    for (const withRituximab of [true, false]) {
      // What no EHR codes, the screener adds before submitting: the ACR 1997 classification and the SLEDAI-2K score.
      const { facts } = bundleFacts(patientBundle(withRituximab));
      const reviewed = { ...facts, diagnoses: `${facts.diagnoses};sle-acr-1997`, sledai: '10' };
      const fromBundle = evaluateEligibility(criteria, readFacts(reviewed), ref);
      const byHand = evaluateEligibility(criteria, readFacts(typed(withRituximab)), ref);
      expect(fromBundle.criteria.map((c) => [c.id, c.status])).toEqual(byHand.criteria.map((c) => [c.id, c.status]));
      expect(fromBundle.status).toBe(byHand.status);
      // Exclusion exc-5 "History of administration of rituximab" is met by the rituximab course; without it nothing fails but the criteria a person attests leave it incomplete.
      expect(fromBundle.status).toBe(withRituximab ? 'ineligible' : 'incomplete');
      expect(fromBundle.failed).toEqual(withRituximab ? ['exc-5'] : []);
    }
  });

  it('refuses an unknown resource type, or a file that is not a Bundle, in one sentence naming the entry and field', () => {
    const refusal = (doc: unknown) => {
      try {
        bundleFacts(doc);
      } catch (e) {
        if (e instanceof AppError) return { code: e.entry.code, message: e.message };
        throw e;
      }
      throw new Error('not refused');
    };
    const b = patientBundle(false);
    b.entry.splice(2, 0, { resource: { resourceType: 'Spaceship' } as never });
    expect(refusal(b)).toEqual({ code: 'FHIR_UNKNOWN_RESOURCE_TYPE', message: 'Bundle entry[2].resource.resourceType "Spaceship" is not a FHIR R4 resource of a patient record.' });
    expect(refusal({ resourceType: 'Patient' })).toEqual({ code: 'FHIR_BUNDLE_MALFORMED', message: 'Bundle resourceType must be "Bundle" (the file is not a FHIR Bundle).' });
    expect(refusal({ resourceType: 'Bundle', entry: {} })).toEqual({ code: 'FHIR_BUNDLE_MALFORMED', message: 'Bundle entry must be a list of entries.' });
    expect(refusal({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient' } }, { fullUrl: 'x' }] })).toEqual({
      code: 'FHIR_BUNDLE_MALFORMED',
      message: 'Bundle entry[1].resource must be a resource object.',
    });
    expect(refusal({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient' } }, { resource: { resourceType: 'Patient' } }] }).message).toBe(
      "Bundle entry[1].resource is a second Patient (the first is entry[0].resource); a screening Bundle is one patient's.",
    );
  });

  it('does not count an age without a full birth date or a reference date, and takes a given reference date over the timestamp', () => {
    const one = (patient: object, timestamp?: string) => ({ resourceType: 'Bundle', ...(timestamp ? { timestamp } : {}), entry: [{ resource: { resourceType: 'Patient', ...patient } }] });
    expect(bundleFacts(one({ birthDate: '1980' }, '2025-06-02')).unmapped[0]!.path).toBe('entry[0].resource.birthDate');
    expect(bundleFacts(one({ birthDate: '1980-07-15' })).facts).toEqual({});
    // On 2025-07-15 the birthday is reached: 45.
    expect(bundleFacts(one({ birthDate: '1980-07-15', gender: 'unknown' }, '2025-06-02'), { referenceDate: '2025-07-15' })).toEqual({
      facts: { age: '45' },
      referenceDate: '2025-07-15',
      unmapped: [{ path: 'entry[0].resource.gender', reason: 'gender "unknown" is not a sex the trial registers (female, male).' }],
    });
  });
});
