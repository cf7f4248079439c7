import { AppError } from '../../errors/app-error.js';
import { frozenAfterRandomization } from '../../protocol/amendments/amendment-rules.js';
import { protocolDiff, type ProtocolChange } from '../../protocol/amendments/protocol-diff.js';
import { formsChangedWithoutVersion } from '../../forms/form-amendment.js';
import { audited } from '../../store/audited-tx.js';
import { changedKeptForms } from '../../store/form-definitions.js';
import { findStudy, type Study } from '../../store/studies.js';
import { callerId, requireAction, type UseCaseContext } from '../use-case-context.js';
import { studyProtocol } from './study-protocol.js';
import { protocolVersions, sites as sitesTable, studies } from '../../store/schema/index.js';
import { storeErrors } from '../../store/errors.js';
import { studyLifecycleErrors } from './errors.js';

export interface AmendmentInput {
  readonly protocol: unknown;
  /** The day the new version takes effect, YYYY-MM-DD. */
  readonly effectiveDate: string;
  readonly reason: string;
  /** The consent document version participants must sign again under; absent: no re-consent. */
  readonly reconsentVersion?: string | undefined;
}

export interface Amendment {
  readonly studyId: string;
  readonly fromVersion: string;
  readonly version: string;
  readonly effectiveDate: string;
  readonly changes: readonly ProtocolChange[];
  readonly reconsentVersion: string | null;
}

/**
 * A new protocol version for a study. A design study simply takes it; a live one keeps what the
 * first randomization fixed (arms, ratio, masking), refused naming the rule. The version before is
 * kept with its successor's difference, reason and effective date; records keep their own version.
 * The study's own forms may be added or changed, a changed form under a new version (values saved
 * under the old one keep displaying under it).
 */
export async function amendStudy(c: UseCaseContext, studyId: string, input: AmendmentInput): Promise<Amendment> {
  requireAction(c.by, 'study.amend', studyId);
  const next = studyProtocol(input.protocol);
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId }, async (w) => {
    await w.tx.query('SELECT id FROM studies WHERE id = $1 FOR UPDATE', [studyId]);
    const study = await findStudy(w.tx, studyId);
    if (!study) throw new AppError(storeErrors.NOT_FOUND, `No study "${studyId}" exists.`, 'studyId');
    const current = study.protocol;
    if (next.id !== studyId) throw new AppError(studyLifecycleErrors.AMENDMENT_MISMATCH, `The protocol's id is "${next.id}", not the study's "${studyId}".`, 'id');
    if (next.version === current.version)
      throw new AppError(studyLifecycleErrors.AMENDMENT_MISMATCH, `Version ${next.version} is the version in force; an amendment needs a new "version".`, 'version');
    const changes = protocolDiff(current, next);
    if (changes.length === 0) throw new AppError(studyLifecycleErrors.AMENDMENT_MISMATCH, `Version ${next.version} changes nothing from version ${current.version}.`, 'version');
    const randomized = (await w.tx.query('SELECT 1 FROM randomizations WHERE study_id = $1 LIMIT 1', [studyId])).length > 0;
    const broken = randomized ? frozenAfterRandomization(current, next) : undefined;
    if (broken) throw new AppError(studyLifecycleErrors.AMENDMENT_REFUSED, `Study ${studyId} cannot take version ${next.version}: ${broken}.`, 'protocol');
    const [reused] = [...formsChangedWithoutVersion(current.forms ?? [], next.forms ?? []), ...(await changedKeptForms(w.tx, studyId, next.forms ?? []))];
    if (reused)
      throw new AppError(
        studyLifecycleErrors.AMENDMENT_REFUSED,
        `Study ${studyId} cannot take version ${next.version}: form ${reused.id} changes but keeps version ${reused.version}; a changed form needs a new "version".`,
        `forms[${next.forms!.indexOf(reused)}].version`,
      );
    await w.insert(protocolVersions, {
      study_id: studyId,
      version: next.version,
      protocol: next,
      effective_date: input.effectiveDate,
      reason: input.reason,
      changes,
      reconsent_version: input.reconsentVersion ?? null,
      created_at: c.at,
      from_version: current.version,
    });
    await w.update(studies, { id: studyId }, { protocol: next, protocol_version: next.version, title: next.title }, input.reason);
    await syncSites(w, study, next.sites);
    return { studyId, fromVersion: current.version, version: next.version, effectiveDate: input.effectiveDate, changes, reconsentVersion: input.reconsentVersion ?? null };
  });
}

/** Sites named by the new version and not yet in the study are added (sites are never removed: records name them). */
async function syncSites(w: Parameters<Parameters<typeof audited>[2]>[0], study: Study, sites: Study['protocol']['sites']): Promise<void> {
  const known = new Set((await w.tx.query<{ id: string }>('SELECT id FROM sites WHERE study_id = $1', [study.id])).map((r) => r.id));
  for (const s of sites) if (!known.has(s.id)) await w.insert(sitesTable, { study_id: study.id, id: s.id, name: s.name });
}
