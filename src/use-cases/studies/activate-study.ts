import { AppError } from '../../errors/app-error.js';
import { checkTrialConfiguration } from '../../randomization/masking-checks.js';
import { audited } from '../../store/audited-tx.js';
import { findStudy, type Study } from '../../store/studies.js';
import { callerId, requireAction, type UseCaseContext } from '../use-case-context.js';
import { sealAllocationList } from './seal-allocation-list.js';
import { studyProtocol } from './study-protocol.js';
import { studies } from '../../store/schema/index.js';
import { storeErrors } from '../../store/errors.js';
import { studyLifecycleErrors } from './errors.js';

/**
 * Take a design study live: the start-up randomization and masking checks, every assessment
 * known, then the allocation list generated and sealed, all in one transaction.
 */
export async function activateStudy(c: UseCaseContext, studyId: string): Promise<Study & { allocationEntries: number }> {
  requireAction(c.by, 'study.activate', studyId);
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId }, async (w) => {
    const [row] = await w.tx.query<{ status: string }>('SELECT status FROM studies WHERE id = $1 FOR UPDATE', [studyId]);
    if (!row) throw new AppError(storeErrors.NOT_FOUND, `No study "${studyId}" exists.`, 'studyId');
    if (row.status !== 'design') throw new AppError(studyLifecycleErrors.NOT_DESIGN, `Study ${studyId} is live already.`, 'studyId');
    const study = (await findStudy(w.tx, studyId)) as Study;
    const protocol = studyProtocol(study.protocol);
    const [issue, ...more] = checkTrialConfiguration([{ id: studyId, protocol }]);
    if (issue)
      throw new AppError(
        studyLifecycleErrors.ACTIVATION_REFUSED,
        `Study ${studyId} cannot go live: check ${issue.check} failed (${issue.message})${more.length ? ` and ${more.length} more` : ''}.`,
        'protocol',
      );
    const randomized = protocol.design.allocation === 'randomized';
    const { entries } = randomized ? await sealAllocationList(w, studyId, protocol) : { entries: 0 };
    await w.update(studies, { id: studyId }, { status: 'live', activated_at: c.at }, 'study activated');
    return { ...((await findStudy(w.tx, studyId)) as Study), allocationEntries: entries };
  });
}
