import { isoDay } from '../../../dates/iso-date.js';
import { AppError } from '../../../errors/app-error.js';
import type { Queryable } from '../../../store/db.js';
import { studyLock } from '../../../store/lock.js';
import type { Study } from '../../../store/studies.js';
import { loadAnalysisData } from '../../../use-cases/analysis-data.js';
import type { StagedFiles } from '../../export-files/staged-files.js';
import { ctgovErrors } from '../errors.js';
import { writeRecordResults } from './write-results.js';

export const ctgovResultsFileName = (studyId: string): string => `${studyId}-ctgov-results.json`;

/**
 * The `ctgov-results` export: a ClinicalTrials.gov API v2 record holding the study's identification and
 * its resultsSection, from the analysis data the report reads (data cut-off = the export's day). By arm
 * only from a locked study (unblinded); a blinded export, before or after lock, is pooled (one group, no
 * arm named, no between-arm analysis), as the other formats leave the arms out of a blinded export and
 * as the blinded report pools.
 */
export async function writeCtgovResults(q: Queryable, files: StagedFiles, src: { readonly study: Study; readonly blinded: boolean; readonly at: Date }): Promise<number> {
  const lock = await studyLock(q, src.study.id);
  if (!src.blinded && !lock?.locked) throw new AppError(ctgovErrors.STUDY_NOT_LOCKED, `Study ${src.study.id} is not locked: lock the database before writing its ClinicalTrials.gov results.`, 'study');
  const cutOff = isoDay(src.at);
  const data = await loadAnalysisData(q, src.study, cutOff);
  const { identifiers } = src.study.protocol;
  const record = {
    protocolSection: {
      // identificationModule: nctId when registered, orgStudyIdInfo.id the sponsor's id (API v2 field names).
      identificationModule: {
        ...(identifiers.registryId ? { nctId: identifiers.registryId } : {}),
        orgStudyIdInfo: { id: identifiers.orgStudyId ?? src.study.id },
        briefTitle: src.study.protocol.title,
      },
    },
    hasResults: true,
    ...writeRecordResults(data, { kind: src.blinded ? 'pooled' : 'by-arm' }, cutOff),
  };
  const out = files.open(ctgovResultsFileName(src.study.id));
  await out.write(`${JSON.stringify(record, null, 2)}\n`);
  await out.close();
  return 1;
}
