import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { armTerms, mentionsArm } from '../../randomization/masking-views.js';
import type { ParticipantData } from '../sdtm/participant-data.js';
import { fhirRefs, fullUrlOf, type FhirResource } from './fhir-resource.js';
import { fhirErrors } from './fhir-schema.test-helper.js';
import { participantResources } from './participant-resources.js';
import { questionnaireOf, studyQuestionnaireForms } from './questionnaires.js';
import { armGroupOf, researchStudyOf } from './study-resources.js';

const protocol = getBuiltinProtocol('sle-il2');
const forms = new Map(studyQuestionnaireForms(protocol).map((f) => [f.id, f]));
const refs = fhirRefs('sle-il2');
const obs = (id: string, kind: string, key: string, valueNum: number | null, unit: string | null, grade: number | null = null) => ({
  id,
  visitId: 'week-0',
  date: '2025-03-03',
  kind,
  key,
  valueNum,
  valueText: null,
  unit,
  grade,
  gradeTerm: grade === null ? null : 'Lymphocyte count decreased',
});
const participant: ParticipantData = {
  code: 'SLE-001',
  siteId: 'peking-university',
  sex: 'female',
  birthDate: '1980-04-12',
  status: 'on-treatment',
  statusReason: null,
  consentedOn: '2025-02-20',
  enrolledOn: '2025-03-01',
  randomizedOn: '2025-03-01',
  startDate: '2025-03-03',
  armId: 'active',
  kitNumber: 'K0042',
  visits: [{ visitId: 'week-0', date: '2025-03-03', status: 'done' }],
  observations: [
    obs('00000000-0000-4000-8000-000000000001', 'lab', 'lymphocytes', 0.7, '10^9/L', 2),
    obs('00000000-0000-4000-8000-000000000002', 'immune-panel', 'treg', 6.5, '%'),
    obs('00000000-0000-4000-8000-000000000003', 'item', 'pga.pga', 1.5, null),
    obs('00000000-0000-4000-8000-000000000004', 'item', 'pga.newBilagA', 0, null),
    obs('00000000-0000-4000-8000-000000000005', 'score', 'pga', 1.5, null),
  ],
  doses: [
    { day: 1, date: '2025-03-03', status: 'given', reason: null },
    { day: 3, date: '2025-03-05', status: 'held', reason: 'lymphocytes low' },
  ],
  adverseEvents: [
    {
      status: 'confirmed',
      term: 'Pneumonia',
      onsetDate: '2025-03-10',
      resolvedDate: null,
      grade: 3,
      serious: true,
      seriousCriteria: ['hospitalisation'],
      relatedness: 'possible',
      actionTaken: 'dose-held',
      outcome: 'recovering',
    },
  ],
};
const context = (blinded: boolean) => ({ refs, protocol, blinded, forms });
// biome-ignore lint/suspicious/noExplicitAny: FHIR JSON read back in a test, its shape checked by the schema
const ofType = (rs: readonly FhirResource[], t: string) => rs.filter((r) => r.resourceType === t) as (FhirResource & Record<string, any>)[];

describe('FHIR R4 resources of a study', () => {
  it('validates every resource, blinded and unblinded, against the FHIR R4 JSON schema', () => {
    const all = [
      researchStudyOf(refs, protocol, false),
      researchStudyOf(refs, protocol, true),
      armGroupOf(refs, protocol, 'active', ['sle-il2.SLE-001']),
      ...[...forms.values()].map(questionnaireOf),
      ...participantResources(context(false), participant),
      ...participantResources(context(true), participant),
    ];
    expect(new Set(all.map((r) => r.resourceType))).toEqual(
      new Set(['ResearchStudy', 'Group', 'Questionnaire', 'Patient', 'ResearchSubject', 'Consent', 'Observation', 'QuestionnaireResponse', 'AdverseEvent', 'MedicationAdministration']),
    );
    expect(all.flatMap(fhirErrors)).toEqual([]);
  }, 120_000);

  it('refuses what the schema refuses (it can fail): a Patient with gender "f" and a ResearchSubject without its study', () => {
    expect(fhirErrors({ resourceType: 'Patient', id: 'x', gender: 'f' })).toHaveLength(1);
    expect(fhirErrors({ resourceType: 'ResearchSubject', id: 'x', status: 'on-study', individual: { reference: 'Patient/x' } }).join()).toContain('study');
  }, 120_000);

  it('names the arm only unblinded: ResearchStudy.arm, ResearchSubject.assignedArm and the drug; blinded, the blinded label and no dose that differs', () => {
    const open = participantResources(context(false), participant);
    const blind = participantResources(context(true), participant);
    expect(ofType(open, 'ResearchSubject')[0]!.assignedArm).toBe('active');
    expect(ofType(blind, 'ResearchSubject')[0]).not.toHaveProperty('assignedArm');
    expect(researchStudyOf(refs, protocol, true)).not.toHaveProperty('arm');
    expect(researchStudyOf(refs, protocol, false)['arm']).toEqual(protocol.arms.map((a) => expect.objectContaining({ name: a.id })));
    // No value names an arm (its id, label or drug), except FHIR's own status code "active" of the Consent.
    const named: string[] = [];
    JSON.stringify(blind, (k, v: unknown) => {
      if (typeof v === 'string' && k !== 'status' && mentionsArm(v, armTerms(protocol))) named.push(`${k}: ${v}`);
      return v;
    });
    expect(named).toEqual([]);
    expect(ofType(blind, 'MedicationAdministration')[0]!.medicationCodeableConcept).toEqual({ text: 'study drug (blinded)' });
    // sle-il2 doses placebo like the active drug (1 MIU every other day), so the dose is shown to both readers.
    expect(ofType(open, 'MedicationAdministration')[0]!.dosage).toEqual({ dose: { value: 1, unit: 'MIU' } });
  });

  it('codes the ResearchSubject status, the lab by LOINC (731-0 lymphocytes) in UCUM, and a held dose as not-done', () => {
    const rs = participantResources(context(true), participant);
    expect(ofType(rs, 'ResearchSubject')[0]!.status).toBe('on-study-intervention');
    const lab = ofType(rs, 'Observation').find((o) => o.category[0].coding[0].code === 'laboratory' && o.code.coding[0].system === 'http://loinc.org')!;
    expect(lab.code.coding[0].code).toBe('731-0');
    expect(lab.valueQuantity).toEqual({ value: 0.7, unit: '10^9/L', system: 'http://unitsofmeasure.org', code: '10*9/L' });
    expect(ofType(rs, 'MedicationAdministration').map((m) => m.status)).toEqual(['completed', 'not-done']);
    const patient = ofType(rs, 'Patient')[0]!;
    expect(patient.birthDate).toBe('1980');
    expect(patient).not.toHaveProperty('name');
  });

  it('gives the adverse event its seriousness, ICH E2A criterion, CTCAE grade and severity', () => {
    const [ae] = ofType(participantResources(context(true), participant), 'AdverseEvent');
    expect(ae!.seriousness.coding.map((c: { code: string }) => c.code)).toEqual(['serious', 'hospitalisation']);
    expect(ae!.extension).toEqual([expect.objectContaining({ valueInteger: 3 })]);
    expect(ae!.severity.coding[0].code).toBe('severe');
    expect(ae!.outcome.coding[0].code).toBe('recovering');
  });

  it('answers the PGA questionnaire with its items, and every reference resolves to an entry of the study', () => {
    const rs = participantResources(context(false), participant);
    const [qr] = ofType(rs, 'QuestionnaireResponse');
    expect(qr!.questionnaire).toBe(`urn:il2trials:form:pga|${forms.get('pga')!.version}`);
    expect(qr!.item.map((i: { linkId: string }) => i.linkId)).toEqual(['pga', 'newBilagA']);
    const urls = new Set([...rs, researchStudyOf(refs, protocol, false)].map((r) => fullUrlOf('sle-il2', r.resourceType, r.id)));
    const references = JSON.stringify(rs).match(/urn:uuid:[0-9a-f-]+/g) ?? [];
    expect(references.length).toBeGreaterThan(5);
    for (const r of references) expect(urls.has(r), r).toBe(true);
  });
});
