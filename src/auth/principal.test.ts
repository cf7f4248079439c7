import { describe, expect, it } from 'vitest';
import { can, canSeeSite, canSeeStudy, visibleSites, type Principal } from './principal.js';

const user = (assignments: Principal['assignments']): Principal => ({ userId: 'u', username: 'u', displayName: 'U', assignments });

describe('roles and visibility', () => {
  const coordA = user([{ studyId: 's1', siteId: 'a', role: 'coordinator' }]);
  const monitor = user([{ studyId: 's1', siteId: null, role: 'monitor' }]);
  const admin = user([{ studyId: null, siteId: null, role: 'admin' }]);

  it("limits a site coordinator to their site's participants", () => {
    expect(visibleSites(coordA, 's1')).toEqual(['a']);
    expect(canSeeSite(coordA, 's1', 'b')).toBe(false);
    expect(canSeeStudy(coordA, 's2')).toBe(false);
  });
  it('lets study-wide roles and the administrator see every site', () => {
    expect(visibleSites(monitor, 's1')).toBe('all');
    expect(visibleSites(admin, 'anything')).toBe('all');
  });
  it('grants writes by role and site', () => {
    expect(can(coordA, 'participant.write', 's1', 'a')).toBe(true);
    expect(can(coordA, 'participant.write', 's1', 'b')).toBe(false);
    expect(can(monitor, 'participant.write', 's1', 'a')).toBe(false);
    expect(can(admin, 'participant.write', 's9', 'z')).toBe(true);
  });
});
