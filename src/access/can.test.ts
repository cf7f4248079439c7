import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { actionNames, actions } from './actions.js';
import { can, grantsIn, sitesFor, unblindedGrantsFor } from './can.js';
import { roles, type RoleAssignment } from './roles.js';

const holder = (...assignments: RoleAssignment[]) => ({ assignments });
const coordA = holder({ studyId: 's1', siteId: 'a', role: 'coordinator' });
const siteMonitor = holder({ studyId: 's1', siteId: 'a', role: 'monitor' });
const monitor = holder({ studyId: 's1', siteId: null, role: 'monitor' });
const studyAdmin = holder({ studyId: 's1', siteId: null, role: 'admin' });
const admin = holder({ studyId: null, siteId: null, role: 'admin' });
const pharmacist = holder({ studyId: 's1', siteId: 'a', role: 'unblinded-pharmacist' });
const nobody = holder();

describe('can: role, then scope', () => {
  it('limits a site role to its study and site', () => {
    expect(can(coordA, 'visit.enter', { studyId: 's1', siteId: 'a' })).toBe(true);
    expect(can(coordA, 'visit.enter', { studyId: 's1', siteId: 'b' })).toBe(false);
    expect(can(coordA, 'visit.enter', { studyId: 's2', siteId: 'a' })).toBe(false);
    expect(can(monitor, 'visit.enter', { studyId: 's1', siteId: 'a' })).toBe(false);
    expect(can(admin, 'visit.enter', { studyId: 's9', siteId: 'z' })).toBe(true);
  });

  it('covers a list over the study with any grant in it, whose rows are its sites', () => {
    expect(can(coordA, 'participant.read', { studyId: 's1' })).toBe(true);
    expect(sitesFor(coordA, 'participant.read', 's1')).toEqual(['a']);
    expect(sitesFor(monitor, 'participant.read', 's1')).toBe('all');
    expect(sitesFor(admin, 'participant.read', 'anything')).toBe('all');
    expect(sitesFor(coordA, 'participant.read', 's2')).toEqual([]);
  });

  it('needs a grant for every site of the study for a study-wide action', () => {
    expect(can(monitor, 'audit.read', { studyId: 's1' })).toBe(true);
    expect(can(siteMonitor, 'audit.read', { studyId: 's1' })).toBe(false);
    expect(can(coordA, 'audit.read', { studyId: 's1' })).toBe(false);
  });

  it('needs a grant for every study for a platform action', () => {
    expect(can(admin, 'user.manage')).toBe(true);
    expect(can(studyAdmin, 'user.manage')).toBe(false);
    expect(can(studyAdmin, 'site.manage', { studyId: 's1' })).toBe(true);
  });

  it('lets the pharmacist dispense and read no clinical record', () => {
    expect(can(pharmacist, 'dispense', { studyId: 's1', siteId: 'a' })).toBe(true);
    for (const a of ['participant.read', 'visit.read', 'query.read', 'analysis.read'] as const) expect(can(pharmacist, a, { studyId: 's1', siteId: 'a' }), a).toBe(false);
    expect(can(coordA, 'dispense', { studyId: 's1', siteId: 'a' })).toBe(false);
  });

  it('opens sign-in to anyone and the evidence to any signed-in holder, whatever their roles', () => {
    expect(can(nobody, 'session.open')).toBe(true);
    expect(can(nobody, 'evidence.read')).toBe(true);
    expect(can(nobody, 'study.read', { studyId: 's1' })).toBe(false);
  });

  it('counts for masking every role held in the study, at any site', () => {
    const both = holder({ studyId: 's1', siteId: 'a', role: 'coordinator' }, { studyId: 's2', siteId: null, role: 'monitor' }, { studyId: null, siteId: null, role: 'admin' });
    expect(grantsIn(both, 's1').map((g) => g.role)).toEqual(['coordinator', 'admin']);
  });

  it('keeps of the grants for an unblinded action only those the masking leaves unblinded', () => {
    const masking = getBuiltinProtocol('ss-il2').design.masking;
    const statistician = holder({ studyId: 's1', siteId: null, role: 'statistician' });
    expect(unblindedGrantsFor(statistician, 'randomization.audit', { studyId: 's1' }, masking, { locked: false })).toEqual([]);
    expect(unblindedGrantsFor(statistician, 'randomization.audit', { studyId: 's1' }, masking, { locked: true })).toHaveLength(1);
    expect(unblindedGrantsFor(pharmacist, 'notification.read', { studyId: 's1', siteId: 'a' }, masking, { locked: false })).toHaveLength(1);
    expect(unblindedGrantsFor(pharmacist, 'notification.read', { studyId: 's1', siteId: 'b' }, masking, { locked: false })).toEqual([]);
  });
});

describe('the action table', () => {
  it('names only roles of the one list, each action once, in the area.verb form', () => {
    for (const name of actionNames) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*(\.[a-z]+)?$/);
      const who = actions[name].who;
      if (typeof who !== 'string') for (const r of who) expect(roles).toContain(r);
    }
    expect(new Set(actionNames).size).toBe(actionNames.length);
  });
});
