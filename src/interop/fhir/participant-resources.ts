import type { FormDefinition } from '../../forms/definition.js';
import { isLabAnalyte } from '../../instruments/ctcae/lab-units.js';
import { isInstrumentId } from '../../instruments/index.js';
import type { Protocol } from '../../protocol/schema.js';
import { doseAmounts } from '../exposure/dose-amounts.js';
import { blinding } from '../sdtm/blinding.js';
import type { ObservationData, ParticipantData } from '../sdtm/participant-data.js';
import { aeCausality, aeOutcome, aeSeverity, labLoinc, researchSubjectStatus, systems, ucum } from './fhir-codes.js';
import { fhirId, type FhirRefs, type FhirResource } from './fhir-resource.js';
import { questionnaireUrl, responseItems } from './questionnaires.js';
import { researchStudyId } from './study-resources.js';

export const patientId = (studyId: string, code: string) => fhirId(studyId, code);

export interface ParticipantContext {
  readonly refs: FhirRefs;
  readonly protocol: Protocol;
  readonly blinded: boolean;
  /** The forms of the study by id (scored instruments and defined forms). */
  readonly forms: ReadonlyMap<string, FormDefinition>;
}

const category = (code: string, display: string) => [{ coding: [{ system: systems.observationCategory, code, display }] }];
const quantity = (value: number, unit: string | null) => ({ value, ...(unit ? { unit, system: systems.ucum, code: ucum(unit) } : {}) });

/**
 * The participant as a pseudonymous Patient: the study code as identifier, sex and the year of birth
 * only, tagged PSEUDED (v3 ObservationValue "pseudonymized"); no name, address or full birth date.
 */
function patientOf(c: ParticipantContext, d: ParticipantData): FhirResource {
  return {
    resourceType: 'Patient',
    id: patientId(c.refs.studyId, d.code),
    meta: { security: [{ system: systems.observationValue, code: 'PSEUDED', display: 'pseudonymized' }] },
    identifier: [{ system: systems.local(`participant:${c.refs.studyId}`), value: d.code }],
    gender: d.sex,
    birthDate: d.birthDate.slice(0, 4),
  };
}

function researchSubjectOf(c: ParticipantContext, d: ParticipantData): FhirResource {
  const arm = !c.blinded && d.armId !== null ? c.protocol.arms.find((a) => a.id === d.armId) : undefined;
  const pid = patientId(c.refs.studyId, d.code);
  return {
    resourceType: 'ResearchSubject',
    id: pid,
    identifier: [{ system: systems.local(`participant:${c.refs.studyId}`), value: d.code }],
    status: researchSubjectStatus[d.status] ?? 'candidate',
    ...(d.enrolledOn ? { period: { start: d.enrolledOn } } : {}),
    study: c.refs.ref('ResearchStudy', researchStudyId(c.refs.studyId)),
    individual: c.refs.ref('Patient', pid),
    ...(arm ? { assignedArm: arm.id, actualArm: arm.id } : {}),
    ...(d.consentedOn ? { consent: c.refs.ref('Consent', pid) } : {}),
  };
}

/** The signed research consent (R4 Consent: scope research, category research, opt-in). */
function consentOf(c: ParticipantContext, d: ParticipantData): FhirResource[] {
  if (!d.consentedOn) return [];
  return [
    {
      resourceType: 'Consent',
      id: patientId(c.refs.studyId, d.code),
      status: d.status === 'withdrawn' ? 'inactive' : 'active',
      scope: { coding: [{ system: systems.consentScope, code: 'research', display: 'Research' }] },
      category: [{ coding: [{ system: systems.consentCategory, code: 'research', display: 'Research Information Access' }] }],
      patient: c.refs.ref('Patient', patientId(c.refs.studyId, d.code)),
      dateTime: d.consentedOn,
      policyRule: { coding: [{ system: systems.actCode, code: 'OPTIN', display: 'opt-in' }] },
    },
  ];
}

/** A lab (LOINC), an immune-panel subset or an instrument score as an Observation; items of forms go to QuestionnaireResponse. */
function observationOf(c: ParticipantContext, d: ParticipantData, o: ObservationData): FhirResource | null {
  if (o.valueNum === null && o.valueText === null) return null;
  const base = {
    resourceType: 'Observation',
    id: fhirId(c.refs.studyId, d.code, o.id.slice(0, 36)),
    status: 'final',
    subject: c.refs.ref('Patient', patientId(c.refs.studyId, d.code)),
    ...(o.date ? { effectiveDateTime: o.date } : {}),
  };
  const value = o.valueNum !== null ? { valueQuantity: quantity(o.valueNum, o.unit) } : { valueString: o.valueText };
  if (o.kind === 'lab' && isLabAnalyte(o.key)) {
    const grade =
      o.grade === null
        ? {}
        : { interpretation: [{ coding: [{ system: systems.local('ctcae-v5-grade'), code: String(o.grade), display: `CTCAE v5.0 grade ${o.grade}${o.gradeTerm ? ` (${o.gradeTerm})` : ''}` }] }] };
    return { ...base, category: category('laboratory', 'Laboratory'), code: { coding: [{ system: systems.loinc, ...labLoinc[o.key] }], text: o.key }, ...value, ...grade };
  }
  if (o.kind === 'immune-panel') {
    // Flow-cytometry subsets by il2trials' gating (src/instruments/immune/gating.ts): no single LOINC code names "% of parent" for these gates.
    const what = o.key === 'lymphocytes' ? 'lymphocytes (cells/uL)' : `${o.key} (% of parent)`;
    return { ...base, category: category('laboratory', 'Laboratory'), code: { coding: [{ system: systems.local('immune-subset'), code: o.key }], text: `Immune panel: ${what}` }, ...value };
  }
  if (o.kind === 'score')
    return { ...base, category: category('survey', 'Survey'), code: { coding: [{ system: systems.local('instrument-score'), code: o.key }], text: `${o.key} total score` }, ...value };
  if (o.kind === 'vital') return { ...base, category: category('vital-signs', 'Vital Signs'), code: { coding: [{ system: systems.local('vital'), code: o.key }], text: o.key }, ...value };
  return null;
}

/** Each form's values at a visit as a QuestionnaireResponse (scored items `kind: item`, defined forms' values `kind: other`). */
function responsesOf(c: ParticipantContext, d: ParticipantData): FhirResource[] {
  const byVisitForm = new Map<string, { visitId: string; date: string | null; form: FormDefinition; values: Map<string, number | string> }>();
  for (const o of d.observations) {
    if (o.kind !== 'item' && o.kind !== 'other') continue;
    const formId = o.key.slice(0, o.key.indexOf('.'));
    const form = c.forms.get(formId);
    const value = o.valueNum ?? o.valueText;
    if (!form || value === null || o.visitId === null) continue;
    if (o.kind === 'item' && !isInstrumentId(formId)) continue;
    const k = `${o.visitId}/${formId}`;
    const entry = byVisitForm.get(k) ?? byVisitForm.set(k, { visitId: o.visitId, date: o.date, form, values: new Map() }).get(k)!;
    entry.values.set(o.key.slice(formId.length + 1), value);
  }
  return [...byVisitForm.values()].map((r) => ({
    resourceType: 'QuestionnaireResponse',
    id: fhirId(c.refs.studyId, d.code, r.visitId, r.form.id),
    questionnaire: `${questionnaireUrl(r.form)}|${r.form.version}`,
    status: 'completed',
    subject: c.refs.ref('Patient', patientId(c.refs.studyId, d.code)),
    ...(r.date ? { authored: r.date } : {}),
    item: responseItems(r.form, r.values),
  }));
}

/** Confirmed events as actual, proposed ones (from a graded lab, not yet confirmed) as potential; dismissed and withdrawn ones are not events. */
function adverseEventsOf(c: ParticipantContext, d: ParticipantData): FhirResource[] {
  const drug = blinding(c.blinded, c.protocol).treatmentOf(c.protocol, d.armId ?? c.protocol.arms[0]!.id);
  return d.adverseEvents.flatMap((a, i) => {
    if (a.status !== 'confirmed' && a.status !== 'proposed') return [];
    const causality = a.relatedness === null ? undefined : aeCausality[a.relatedness];
    return [
      {
        resourceType: 'AdverseEvent',
        id: fhirId(c.refs.studyId, d.code, 'ae', String(i + 1)),
        actuality: a.status === 'confirmed' ? 'actual' : 'potential',
        event: { text: a.term },
        subject: c.refs.ref('Patient', patientId(c.refs.studyId, d.code)),
        date: a.onsetDate,
        // ICH E2A criteria have no R4 code system: kept as il2trials codes beside the standard seriousness.
        seriousness: {
          coding: [
            { system: systems.aeSeriousness, code: a.serious ? 'serious' : 'non-serious', display: a.serious ? 'Serious' : 'Non-serious' },
            ...a.seriousCriteria.map((x) => ({ system: systems.local('ich-e2a-seriousness-criterion'), code: x })),
          ],
        },
        severity: { coding: [{ system: systems.aeSeverity, code: aeSeverity(a.grade) }] },
        extension: [{ url: `${systems.local('fhir')}:StructureDefinition/ctcae-grade`, valueInteger: a.grade }],
        ...(a.outcome && aeOutcome[a.outcome] ? { outcome: { coding: [{ system: systems.aeOutcome, code: aeOutcome[a.outcome] }] } } : {}),
        ...(a.relatedness
          ? {
              suspectEntity: [
                {
                  instance: { display: drug },
                  causality: [{ assessment: { ...(causality ? { coding: [{ system: systems.aeCausality, code: causality }] } : {}), text: a.relatedness } }],
                },
              ],
            }
          : {}),
        study: [c.refs.ref('ResearchStudy', researchStudyId(c.refs.studyId))],
      },
    ];
  });
}

/** Each dose day: given as completed, held as not-done; the drug (blinded label when masked) and the dose where masking allows it. */
function administrationsOf(c: ParticipantContext, d: ParticipantData): FhirResource[] {
  const b = blinding(c.blinded, c.protocol);
  const drug = b.treatmentOf(c.protocol, d.armId ?? c.protocol.arms[0]!.id);
  const amounts = b.dosesShown(c.protocol)
    ? doseAmounts(
        c.protocol,
        d.armId,
        d.startDate,
        d.doses.filter((x) => x.status === 'held'),
      )
    : new Map<number, { amount: number; unit: string }>();
  return d.doses.map((x) => {
    const a = amounts.get(x.day);
    return {
      resourceType: 'MedicationAdministration',
      id: fhirId(c.refs.studyId, d.code, 'dose', String(x.day)),
      status: x.status === 'given' ? 'completed' : 'not-done',
      ...(x.status === 'held' && x.reason ? { statusReason: [{ text: x.reason }] } : {}),
      medicationCodeableConcept: { text: drug },
      subject: c.refs.ref('Patient', patientId(c.refs.studyId, d.code)),
      effectiveDateTime: x.date,
      ...(a && x.status === 'given' ? { dosage: { dose: { value: a.amount, unit: a.unit } } } : {}),
    };
  });
}

/** Every resource of one participant, Patient first. */
export function participantResources(c: ParticipantContext, d: ParticipantData): FhirResource[] {
  const observations = d.observations.flatMap((o) => observationOf(c, d, o) ?? []);
  return [patientOf(c, d), researchSubjectOf(c, d), ...consentOf(c, d), ...observations, ...responsesOf(c, d), ...adverseEventsOf(c, d), ...administrationsOf(c, d)];
}
