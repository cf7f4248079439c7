import type { Protocol } from '../../protocol/schema.js';
import { researchStudyPhase, researchStudyStatus, systems } from './fhir-codes.js';
import { fhirId, type FhirRefs, type FhirResource } from './fhir-resource.js';

export const researchStudyId = (studyId: string) => fhirId('study', studyId);
export const armGroupId = (studyId: string, armId: string) => fhirId('arm', studyId, armId);

/**
 * The study as a ResearchStudy: identifiers, title, status, phase, conditions, sites and, for an
 * unblinded reader only, its arms (a blinded export names none: the arms are what masking hides).
 */
export function researchStudyOf(refs: FhirRefs, protocol: Protocol, blinded: boolean): FhirResource {
  const identifiers = [
    ...(protocol.identifiers.registryId ? [{ system: 'https://clinicaltrials.gov', value: protocol.identifiers.registryId }] : []),
    ...(protocol.identifiers.orgStudyId ? [{ system: systems.local('org-study-id'), value: protocol.identifiers.orgStudyId }] : []),
    { system: systems.local('study'), value: protocol.id },
  ];
  return {
    resourceType: 'ResearchStudy',
    id: researchStudyId(refs.studyId),
    identifier: identifiers,
    title: protocol.officialTitle ?? protocol.title,
    status: researchStudyStatus[protocol.status],
    phase: { coding: [{ system: systems.researchStudyPhase, code: researchStudyPhase[protocol.phase] }] },
    condition: protocol.conditions.map((text) => ({ text })),
    ...(protocol.sponsor ? { sponsor: { display: protocol.sponsor } } : {}),
    ...(protocol.dates.start ? { period: { start: protocol.dates.start.date, ...(protocol.dates.completion ? { end: protocol.dates.completion.date } : {}) } } : {}),
    site: protocol.sites.map((s) => ({ display: s.name })),
    ...(blinded ? {} : { arm: protocol.arms.map((a) => ({ name: a.id, type: { text: a.type }, description: a.label })) }),
    ...(blinded ? {} : { enrollment: protocol.arms.map((a) => refs.ref('Group', armGroupId(refs.studyId, a.id), a.label)) }),
  };
}

/** One arm as a Group of the patients allocated to it (exported only unblinded). */
export function armGroupOf(refs: FhirRefs, protocol: Protocol, armId: string, patients: readonly string[]): FhirResource {
  const arm = protocol.arms.find((a) => a.id === armId)!;
  return {
    resourceType: 'Group',
    id: armGroupId(refs.studyId, armId),
    identifier: [{ system: systems.local(`arm:${refs.studyId}`), value: arm.id }],
    type: 'person',
    actual: true,
    name: arm.label,
    quantity: patients.length,
    ...(patients.length > 0 ? { member: patients.map((id) => ({ entity: refs.ref('Patient', id) })) } : {}),
  };
}
