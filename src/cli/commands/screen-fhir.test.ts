import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-screen-fhir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Hand-written FHIR R4 Bundle: LOINC 777-3 Platelets, 7918-6 HIV 1+2 Ab [Presence] in Serum, 2093-3 Cholesterol (not read);
// SNOMED CT 55464009 Systemic lupus erythematosus, 10828004 Positive; RxNorm 121191 rituximab.
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  timestamp: '2025-06-02T08:00:00Z',
  entry: [
    { resourceType: 'Patient', gender: 'female', birthDate: '1990-01-15' },
    { resourceType: 'Observation', status: 'final', code: coding('http://loinc.org', '777-3'), valueQuantity: { value: 85, system: 'http://unitsofmeasure.org', code: '10*9/L' } },
    { resourceType: 'Observation', status: 'final', code: coding('http://loinc.org', '7918-6'), valueCodeableConcept: coding('http://snomed.info/sct', '10828004') },
    { resourceType: 'Observation', status: 'final', code: coding('http://loinc.org', '2093-3'), valueQuantity: { value: 5.2, unit: 'mmol/L' } },
    { resourceType: 'Condition', clinicalStatus: coding('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'), code: coding('http://snomed.info/sct', '55464009') },
    { resourceType: 'MedicationStatement', status: 'completed', medicationCodeableConcept: coding('http://www.nlm.nih.gov/research/umls/rxnorm', '121191') },
  ].map((resource) => ({ resource })),
};

describe('il2trials screen ID --fhir FILE', () => {
  it('pre-screens a patient Bundle to the same decision as the same facts typed in a CSV, listing what it did not read', () => {
    const file = join(dir, 'patient.json');
    writeFileSync(file, JSON.stringify(bundle));
    const r = cli('screen', 'sle-il2', '--fhir', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    // Born 1990-01-15: 35 on 2025-06-02.
    expect(out.facts).toMatchObject({ age: '35', platelets: '85 10^9/L', hiv_positive: 'yes', diagnoses: 'systemic-lupus-erythematosus', prior_treatments: 'rituximab' });
    expect(out.unmapped).toEqual([{ path: 'entry[3].resource.code', reason: 'no LOINC code the screening reads (codes: http://loinc.org|2093-3).' }]);
    // HIV positive fails inc-7, rituximab exc-5, and no ACR 1997 classification among the diagnoses fails inc-1.
    expect(out.evaluation).toMatchObject({ status: 'ineligible', failed: ['inc-1', 'inc-7', 'exc-5'] });

    const csv = join(dir, 'typed.csv');
    writeFileSync(csv, 'patient_id,age,platelets,hiv_positive,diagnoses,prior_treatments\nP1,35,85000/mm3,yes,systemic-lupus-erythematosus,rituximab\n');
    const typed = JSON.parse(cli('screen', 'sle-il2', '--csv', csv, '--date', '2025-06-02', '--json').stdout.split('\n')[0]!);
    // (the CSV screener lists missing facts only for an incomplete patient, so missing is not compared)
    expect({ status: typed.status, failed: typed.failed }).toEqual({ status: out.evaluation.status, failed: out.evaluation.failed });
  });

  it('refuses an unknown resource type in one sentence naming the entry, exit 1', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...bundle, entry: [...bundle.entry, { resource: { resourceType: 'Starship' } }] }));
    const r = cli('screen', 'sle-il2', '--fhir', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Bundle entry[6].resource.resourceType "Starship" is not a FHIR R4 resource of a patient record.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
