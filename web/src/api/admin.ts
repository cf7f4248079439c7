import type { z } from 'zod';
import { request } from '../api.js';
import type { newSiteBody, siteChangeBody, studySummary, amendmentBody } from '../../../src/api/studies.js';
import type { ListedReferenceRange, SiteReferenceRange as ReferenceRange } from '../../../src/safety/reference-ranges.js';
import type { issuedPassword, newUserBody, roleBody, userAccount } from '../../../src/api/users.js';
import type { StudySite } from '../../../src/store/studies.js';

/** The Administration area's types, from the API contract (src/api); a site is the table's row, a reference range the domain's. */
export type UserAccount = z.output<typeof userAccount>;
export type { ListedReferenceRange, ReferenceRange, StudySite };
/** A study as the administrator lists it: its life-cycle status with it. */
export type AdminStudy = Pick<z.output<typeof studySummary>, 'id' | 'title' | 'status'>;
export type RoleChange = z.input<typeof roleBody>;
/** The protocol file is sent as read: the server says what in it is wrong. */
export type AmendmentInput = Omit<z.input<typeof amendmentBody>, 'protocol'> & { readonly protocol: unknown };
/** A generated password, shown once. */
export type IssuedPassword = Pick<z.output<typeof issuedPassword>, 'password'>;
type NewUser = z.input<typeof newUserBody>;
type NewSite = z.input<typeof newSiteBody>;
type SiteChange = z.input<typeof siteChangeBody>;

const e = encodeURIComponent;
const users = (name: string) => `/api/users/${e(name)}`;
const sites = (studyId: string) => `/api/studies/${e(studyId)}/sites`;

/** The Administration area's calls: accounts, studies from protocol files, sites and their ranges, and one's own password. */
export const adminApi = {
  users: () => request<UserAccount[]>('GET', '/api/users'),
  addUser: (u: NewUser) => request<{ user: UserAccount } & IssuedPassword>('POST', '/api/users', u),
  grant: (username: string, r: RoleChange) => request<UserAccount>('POST', `${users(username)}/roles`, r),
  revoke: (username: string, r: RoleChange) => request<UserAccount>('POST', `${users(username)}/roles/revoke`, r),
  disable: (username: string, reason: string) => request<UserAccount>('POST', `${users(username)}/disable`, { reason }),
  resetPassword: (username: string) => request<IssuedPassword>('POST', `${users(username)}/reset-password`, {}),

  studies: () => request<AdminStudy[]>('GET', '/api/studies'),
  createStudy: (protocol: unknown) => request<AdminStudy>('POST', '/api/studies', protocol),
  activate: (studyId: string) => request<AdminStudy>('POST', `/api/studies/${e(studyId)}/activate`, {}),
  amend: (studyId: string, a: AmendmentInput) => request<unknown>('POST', `/api/studies/${e(studyId)}/amendments`, a),

  sites: (studyId: string) => request<StudySite[]>('GET', sites(studyId)),
  addSite: (studyId: string, s: NewSite) => request<StudySite>('POST', sites(studyId), s),
  changeSite: (studyId: string, siteId: string, c: SiteChange) => request<StudySite>('PATCH', `${sites(studyId)}/${e(siteId)}`, c),
  referenceRanges: (studyId: string, siteId: string) => request<ListedReferenceRange[]>('GET', `${sites(studyId)}/${e(siteId)}/reference-ranges`),
  setReferenceRanges: (studyId: string, siteId: string, ranges: readonly ReferenceRange[], reason?: string) =>
    request<ListedReferenceRange[]>('PUT', `${sites(studyId)}/${e(siteId)}/reference-ranges`, { ranges, ...(reason ? { reason } : {}) }),

  changePassword: (currentPassword: string, newPassword: string) => request<{ ok: true }>('POST', '/api/auth/password', { currentPassword, newPassword }),
};
