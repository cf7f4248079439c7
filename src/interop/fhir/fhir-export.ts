import type { FormDefinition } from '../../forms/definition.js';
import type { Protocol } from '../../protocol/schema.js';
import type { StagedFiles } from '../export-files/staged-files.js';
import type { ParticipantData } from '../sdtm/participant-data.js';
import { fhirRefs, fullUrlOf, type FhirResource } from './fhir-resource.js';
import { participantResources } from './participant-resources.js';
import { questionnaireOf, studyQuestionnaireForms } from './questionnaires.js';
import { armGroupOf, researchStudyOf } from './study-resources.js';

export interface FhirSource {
  readonly studyId: string;
  readonly protocol: Protocol;
  readonly blinded: boolean;
  readonly created: Date;
  readonly pages: (onPage: (page: readonly ParticipantData[]) => Promise<void>) => Promise<void>;
}

export const fhirFileName = (studyId: string) => `${studyId}-fhir-bundle.json`;

/** One Bundle entry, one line: the resource and the fullUrl its references use. */
const entry = (studyId: string, r: FhirResource) => JSON.stringify({ fullUrl: fullUrlOf(studyId, r.resourceType, r.id), resource: r });

/**
 * The study as one FHIR R4 Bundle of type `collection`, written as the pages of participants come:
 * ResearchStudy, a Questionnaire per form, then each participant's Patient, ResearchSubject, Consent,
 * Observations, QuestionnaireResponses, AdverseEvents and MedicationAdministrations; last, for an
 * unblinded export only, a Group per arm (memory holds the members' ids, not their data).
 * Returns the number of resources written.
 */
export async function writeFhir(files: StagedFiles, src: FhirSource): Promise<number> {
  const refs = fhirRefs(src.studyId);
  const forms = studyQuestionnaireForms(src.protocol);
  const out = files.open(fhirFileName(src.studyId));
  let count = 0;
  const write = async (r: FhirResource) => {
    await out.write(`${count === 0 ? '' : ',\n'}${entry(src.studyId, r)}`);
    count += 1;
  };
  await out.write(
    `{"resourceType":"Bundle","id":${JSON.stringify(`${src.studyId}-export`)},"meta":{"lastUpdated":${JSON.stringify(src.created.toISOString())}},"type":"collection","timestamp":${JSON.stringify(src.created.toISOString())},"entry":[\n`,
  );
  await write(researchStudyOf(refs, src.protocol, src.blinded));
  for (const f of forms) await write(questionnaireOf(f));
  const byForm = new Map<string, FormDefinition>(forms.map((f) => [f.id, f]));
  const members = new Map<string, string[]>(src.protocol.arms.map((a) => [a.id, []]));
  await src.pages(async (page) => {
    for (const d of page) {
      const resources = participantResources({ refs, protocol: src.protocol, blinded: src.blinded, forms: byForm }, d);
      for (const r of resources) await write(r);
      if (!src.blinded && d.armId !== null) members.get(d.armId)?.push(resources[0]!.id);
    }
  });
  if (!src.blinded) for (const [armId, patients] of members) await write(armGroupOf(refs, src.protocol, armId, patients));
  await out.write('\n]}\n');
  await out.close();
  return count;
}
