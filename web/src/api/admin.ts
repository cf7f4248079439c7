import { request } from '../api.js';
import type { RoleAssignment } from '../../../src/access/index.js';
import type { ReferenceRange } from '../../../src/safety/reference-ranges.js';
import type { UserAccount } from '../../../src/store/users.js';
import type { StudySite } from '../../../src/store/studies.js';

export type { ReferenceRange, UserAccount, StudySite };

/** A study as the administrator lists it: its life-cycle status with it. */
export interface AdminStudy {
  readonly id: string;
  readonly title: string;
  readonly status: 'design' | 'live';
}
export interface RoleChange extends Partial<Pick<RoleAssignment, 'studyId' | 'siteId'>> {
  readonly role: RoleAssignment['role'];
  readonly reason?: string;
}
export interface AmendmentInput {
  readonly protocol: unknown;
  readonly effectiveDate: string;
  readonly reason: string;
  readonly reconsentVersion?: string;
}
/** A generated password, shown once. */
export interface IssuedPassword {
  readonly password: string;
}

const e = encodeURIComponent;
const users = (name: string) => `/api/users/${e(name)}`;
const sites = (studyId: string) => `/api/studies/${e(studyId)}/sites`;

/** The Administration area's calls: accounts, studies from protocol files, sites and their ranges, and one's own password. */
export const adminApi = {
  users: () => request<UserAccount[]>('GET', '/api/users'),
  addUser: (u: { username: string; displayName: string; email: string }) => request<{ user: UserAccount } & IssuedPassword>('POST', '/api/users', u),
  grant: (username: string, r: RoleChange) => request<UserAccount>('POST', `${users(username)}/roles`, r),
  revoke: (username: string, r: RoleChange) => request<UserAccount>('POST', `${users(username)}/roles/revoke`, r),
  disable: (username: string, reason: string) => request<UserAccount>('POST', `${users(username)}/disable`, { reason }),
  resetPassword: (username: string) => request<IssuedPassword>('POST', `${users(username)}/reset-password`, {}),

  studies: () => request<AdminStudy[]>('GET', '/api/studies'),
  createStudy: (protocol: unknown) => request<AdminStudy>('POST', '/api/studies', protocol),
  activate: (studyId: string) => request<AdminStudy>('POST', `/api/studies/${e(studyId)}/activate`, {}),
  amend: (studyId: string, a: AmendmentInput) => request<unknown>('POST', `/api/studies/${e(studyId)}/amendments`, a),

  sites: (studyId: string) => request<StudySite[]>('GET', sites(studyId)),
  addSite: (studyId: string, s: { id: string; name: string }) => request<StudySite>('POST', sites(studyId), s),
  changeSite: (studyId: string, siteId: string, c: { name?: string; closedOn?: string; reason?: string }) => request<StudySite>('PATCH', `${sites(studyId)}/${e(siteId)}`, c),
  referenceRanges: (studyId: string, siteId: string) => request<ReferenceRange[]>('GET', `${sites(studyId)}/${e(siteId)}/reference-ranges`),
  setReferenceRanges: (studyId: string, siteId: string, ranges: readonly ReferenceRange[], reason?: string) =>
    request<ReferenceRange[]>('PUT', `${sites(studyId)}/${e(siteId)}/reference-ranges`, { ranges, ...(reason ? { reason } : {}) }),

  changePassword: (currentPassword: string, newPassword: string) => request<{ ok: true }>('POST', '/api/auth/password', { currentPassword, newPassword }),
};
