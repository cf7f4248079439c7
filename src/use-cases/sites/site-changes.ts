import { AppError } from '../../errors/app-error.js';
import { audited } from '../../store/audited-tx.js';
import { findSite, lockedProtocol, requireSite, saveProtocolSites, type SiteRecord } from '../../store/sites.js';
import { callerId, requireAction, type UseCaseContext } from '../use-case-context.js';
import { sites } from '../../store/schema/index.js';
import { storeErrors } from '../../store/errors.js';
import { siteErrors } from './errors.js';

const write = <T>(c: UseCaseContext, studyId: string, fn: Parameters<typeof audited<T>>[2]) => {
  requireAction(c.by, 'site.manage', studyId);
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId }, fn);
};

/** Add a site to a study (table and protocol alike), open from today. */
export async function addSite(c: UseCaseContext, input: { readonly studyId: string; readonly siteId: string; readonly name: string }): Promise<SiteRecord> {
  return write(c, input.studyId, async (w) => {
    const protocol = await lockedProtocol(w, input.studyId);
    if (await findSite(w.tx, input.studyId, input.siteId)) throw new AppError(storeErrors.ALREADY_EXISTS, `Study ${input.studyId} already has a site "${input.siteId}".`, 'siteId');
    await w.insert(sites, { study_id: input.studyId, id: input.siteId, name: input.name });
    await saveProtocolSites(w, input.studyId, protocol, [...protocol.sites, { id: input.siteId, name: input.name, contacts: [] }], `site ${input.siteId} added`);
    return requireSite(w.tx, input.studyId, input.siteId);
  });
}

/** Rename a site; its id, which records carry, stays. */
export async function renameSite(c: UseCaseContext, input: { readonly studyId: string; readonly siteId: string; readonly name: string; readonly reason?: string | undefined }): Promise<SiteRecord> {
  return write(c, input.studyId, async (w) => {
    const protocol = await lockedProtocol(w, input.studyId);
    const site = await requireSite(w.tx, input.studyId, input.siteId);
    const reason = input.reason?.trim() || `site ${site.id} renamed from "${site.name}"`;
    await w.update(sites, { study_id: input.studyId, id: input.siteId }, { name: input.name }, reason);
    await saveProtocolSites(
      w,
      input.studyId,
      protocol,
      protocol.sites.map((s) => (s.id === input.siteId ? { ...s, name: input.name } : s)),
      reason,
    );
    return requireSite(w.tx, input.studyId, input.siteId);
  });
}

/** Close a site to recruitment on a date; its participants stay in follow-up. */
export async function closeSite(c: UseCaseContext, input: { readonly studyId: string; readonly siteId: string; readonly closedOn: string; readonly reason: string }): Promise<SiteRecord> {
  return write(c, input.studyId, async (w) => {
    const site = await requireSite(w.tx, input.studyId, input.siteId);
    if (site.closedOn !== null) throw new AppError(siteErrors.CLOSED, `Site ${site.id} of study ${input.studyId} closed on ${site.closedOn} already.`, 'siteId');
    await w.update(sites, { study_id: input.studyId, id: input.siteId }, { closed_on: input.closedOn }, input.reason);
    return requireSite(w.tx, input.studyId, input.siteId);
  });
}
