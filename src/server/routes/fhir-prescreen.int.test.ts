import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, type TestApp } from '../test-app.js';

const sle = 'sle-il2';
const sleSite = 'peking-university';
const day = '2025-06-02'; // testNow's date

// A hand-written Bundle (FHIR R4): LOINC 777-3 Platelets [#/volume] in Blood by Automated count, 7918-6 HIV 1+2 Ab [Presence]
// in Serum; SNOMED CT 55464009 Systemic lupus erythematosus, 10828004 Positive; RxNorm 121191 rituximab.
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const bundle = (extra: object[] = []) => ({
  resourceType: 'Bundle',
  type: 'collection',
  timestamp: `${day}T08:00:00Z`,
  entry: [
    { resourceType: 'Patient', gender: 'female', birthDate: '1990-01-15' },
    { resourceType: 'Observation', status: 'final', code: coding('http://loinc.org', '777-3'), valueQuantity: { value: 85, unit: '10*9/L', system: 'http://unitsofmeasure.org', code: '10*9/L' } },
    { resourceType: 'Observation', status: 'final', code: coding('http://loinc.org', '7918-6'), valueCodeableConcept: coding('http://snomed.info/sct', '10828004') },
    { resourceType: 'Condition', clinicalStatus: coding('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'), code: coding('http://snomed.info/sct', '55464009') },
    { resourceType: 'MedicationStatement', status: 'completed', medicationCodeableConcept: coding('http://www.nlm.nih.gov/research/umls/rxnorm', '121191') },
    ...extra,
  ].map((resource) => ({ resource })),
});

describe.each(testDatabases())('pre-screening from a FHIR Bundle through the API on $kind', (database) => {
  let t: TestApp;
  let db: Db;
  let coord: string;
  const post = (cookie: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const count = async (table: string) => ((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0] as { n: number }).n;
  async function participant(code: string): Promise<string> {
    const r = await post(coord, `/api/studies/${sle}/participants`, { siteId: sleSite, code, sex: 'female', birthDate: '1990-01-15' });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id;
  }

  beforeAll(async () => {
    db = await database.fresh();
    t = await testApp(db);
    await t.user('coord-sle', [{ studyId: sle, siteId: sleSite, role: 'coordinator' }]);
    await t.user('mon-sle', [{ studyId: sle, siteId: null, role: 'monitor' }]);
    coord = await t.login('coord-sle');
  }, 120_000);

  it('answers the facts and the unmapped report, writes nothing, and the facts submitted screen as the same facts typed in', async () => {
    const id = await participant('SLE-F01');
    const before = { records: await count('screening_records'), audit: await count('audit') };
    const r = await post(coord, `/api/participants/${id}/screening/fhir-facts`, { bundle: bundle([{ resourceType: 'Encounter' }]) });
    expect(r.statusCode, r.body).toBe(200);
    // Born 1990-01-15: 35 on 2025-06-02.
    expect(r.json()).toEqual({
      facts: {
        sex: 'female',
        age: '35',
        platelets: '85 10^9/L',
        hiv_positive: 'yes',
        diagnoses: 'systemic-lupus-erythematosus',
        history: 'systemic-lupus-erythematosus',
        prior_treatments: 'rituximab',
      },
      referenceDate: day,
      unmapped: [{ path: 'entry[5].resource.resourceType', reason: 'Encounter resources are not read for screening.' }],
    });
    expect({ records: await count('screening_records'), audit: await count('audit') }).toEqual(before);

    const fromBundle = await post(coord, `/api/participants/${id}/screening`, { facts: r.json().facts, referenceDate: day });
    const other = await participant('SLE-F02');
    const typed = {
      sex: 'female',
      age: 35,
      platelets: '85000/mm3',
      hiv_positive: 'yes',
      diagnoses: 'systemic-lupus-erythematosus',
      history: 'systemic-lupus-erythematosus',
      prior_treatments: 'rituximab',
    };
    const byHand = await post(coord, `/api/participants/${other}/screening`, { facts: typed, referenceDate: day });
    expect(fromBundle.statusCode, fromBundle.body).toBe(201);
    expect(byHand.statusCode, byHand.body).toBe(201);
    // HIV positive fails inc-7, rituximab exc-5, and no ACR 1997 classification coded fails inc-1.
    expect(fromBundle.json().evaluation).toMatchObject({ status: 'ineligible', failed: ['inc-1', 'inc-7', 'exc-5'] });
    expect(fromBundle.json().evaluation).toEqual(byHand.json().evaluation);
  });

  it('refuses a monitor (403) and an unknown resource type in one sentence naming the entry (422)', async () => {
    const id = await participant('SLE-F03');
    const mon = await post(await t.login('mon-sle'), `/api/participants/${id}/screening/fhir-facts`, { bundle: bundle() });
    expect(mon.statusCode).toBe(403);
    const bad = await post(coord, `/api/participants/${id}/screening/fhir-facts`, { bundle: bundle([{ resourceType: 'Starship' }]) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'FHIR_UNKNOWN_RESOURCE_TYPE', message: 'Bundle entry[5].resource.resourceType "Starship" is not a FHIR R4 resource of a patient record.' });
  });
});
