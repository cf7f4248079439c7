import { describe, expect, it } from 'vitest';
import { entryRoles, holdsRole, holdsStudyWideRole, raiserRoles, reviewerRoles } from './roles.js';

describe('roles the app offers actions to', () => {
  it('needs the role for the study and the site, a null grant covering every one', () => {
    const siteMonitor = [{ studyId: 'ss-il2', siteId: 'site-a', role: 'monitor' as const }];
    expect(holdsRole(siteMonitor, raiserRoles, 'ss-il2', 'site-a')).toBe(true);
    expect(holdsRole(siteMonitor, raiserRoles, 'ss-il2', 'site-b')).toBe(false);
    expect(holdsRole(siteMonitor, raiserRoles, 'als-il2', 'site-a')).toBe(false);
    expect(holdsRole(siteMonitor, entryRoles, 'ss-il2', 'site-a')).toBe(false);
    const admin = [{ studyId: null, siteId: null, role: 'admin' as const }];
    expect(holdsRole(admin, raiserRoles, 'any', 'where')).toBe(true);
    expect(holdsRole(admin, entryRoles, 'any', 'where')).toBe(true);
  });

  it('reviews a whole study only with a grant for every site of it', () => {
    const studyMonitor = [{ studyId: 'ss-il2', siteId: null, role: 'monitor' as const }];
    const siteMonitor = [{ studyId: 'ss-il2', siteId: 'site-a', role: 'monitor' as const }];
    const coordinator = [{ studyId: 'ss-il2', siteId: null, role: 'coordinator' as const }];
    expect(holdsStudyWideRole(studyMonitor, reviewerRoles, 'ss-il2')).toBe(true);
    expect(holdsStudyWideRole(studyMonitor, reviewerRoles, 'als-il2')).toBe(false);
    expect(holdsStudyWideRole(siteMonitor, reviewerRoles, 'ss-il2')).toBe(false);
    expect(holdsStudyWideRole(coordinator, reviewerRoles, 'ss-il2')).toBe(false);
    expect(holdsStudyWideRole([{ studyId: null, siteId: null, role: 'admin' as const }], reviewerRoles, 'any')).toBe(true);
  });
});
