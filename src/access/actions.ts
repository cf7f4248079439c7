import { roles, type Role } from './roles.js';

/**
 * How far a grant must reach for an action:
 * - `global`: every study (the administrator's grant), for what is not one study's business;
 * - `study`: every site of the study, for what covers the whole study (an analysis, an export);
 * - `site`: the site of the record acted on (a grant for every site covers it too).
 */
export type Scope = 'global' | 'study' | 'site';

export type ActionRule =
  | { readonly who: 'anyone' | 'signed-in'; readonly what: string }
  | {
      readonly who: readonly Role[];
      readonly scope: Scope;
      readonly what: string;
      /** Only through a role the study's masking leaves unblinded (blinding.ts): the record names or implies an arm. */
      readonly unblinded?: true;
    };

const everyone = roles;
/** Everyone but the unblinded pharmacist, who dispenses and sees no clinical data (it would unblind the site through them). */
const clinicalReaders: readonly Role[] = roles.filter((r) => r !== 'unblinded-pharmacist');
/** The site's clinical staff: they enter visit data and answer queries about it. */
const entry: readonly Role[] = ['investigator', 'coordinator', 'outcomes-assessor', 'admin'];
/** Those who review the data, not those who enter it. */
const reviewers: readonly Role[] = ['monitor', 'data-manager', 'admin'];
/** Who reviews, inspects and exports a whole study. */
const studyReviewers: readonly Role[] = ['monitor', 'data-manager', 'statistician', 'admin'];

/** Every action of the platform and who may take it: routes, the CLI and the web name an action, never a role. */
export const actions = {
  'api.describe': { who: 'anyone', what: 'read the description of the API' },
  'session.open': { who: 'anyone', what: 'sign in or out' },
  'account.own': { who: 'signed-in', what: 'see your own account and manage your API tokens' },
  'evidence.read': { who: 'signed-in', what: "read the review's evidence tables" },
  'criteria.parse': { who: 'signed-in', what: 'parse eligibility criteria text' },
  'form.read': { who: 'signed-in', what: 'read the defined forms (instruments and eCRFs as data)' },
  'study.read': { who: everyone, scope: 'site', what: 'see the study, its protocol and sites' },
  'participant.read': { who: clinicalReaders, scope: 'site', what: 'see participants, their status and screening' },
  'participant.enrol': { who: ['investigator', 'coordinator', 'admin'], scope: 'site', what: 'register, screen and move participants through the trial' },
  'eligibility.override': { who: ['investigator'], scope: 'site', what: "override a participant's eligibility, with a reason, outside a screening decision" },
  'dose.read': { who: everyone, scope: 'site', what: "see a participant's dosing calendar" },
  'dose.record': { who: ['investigator', 'coordinator', 'unblinded-pharmacist', 'admin'], scope: 'site', what: 'record a dose given or held' },
  'visit.read': { who: clinicalReaders, scope: 'site', what: 'see visit data, labs, immune panels and adverse events' },
  'visit.enter': { who: entry, scope: 'site', what: 'enter visit data and adverse events' },
  'adverse-event.decide': { who: ['investigator', 'admin'], scope: 'site', what: 'confirm or dismiss a proposed adverse event' },
  'reference-range.manage': { who: ['investigator', 'data-manager', 'admin'], scope: 'site', what: "keep a site's laboratory reference ranges" },
  randomize: { who: ['investigator', 'coordinator'], scope: 'site', what: 'randomize a participant' },
  dispense: { who: ['unblinded-pharmacist'], scope: 'site', what: 'see the kits to dispense and dispense them' },
  unblind: { who: ['investigator'], scope: 'site', what: "break a participant's code in an emergency" },
  'record.sign': { who: ['investigator'], scope: 'site', what: "sign a visit or a participant's casebook as reviewed and approved (21 CFR Part 11)" },
  'notification.read': { who: everyone, scope: 'site', unblinded: true, what: 'read the emergency-unblinding notices of your sites' },
  'randomization.audit': { who: ['statistician'], scope: 'study', unblinded: true, what: 'audit the allocation list against its seed' },
  'query.read': { who: clinicalReaders, scope: 'site', what: 'see data queries' },
  'query.raise': { who: reviewers, scope: 'site', what: 'raise data queries' },
  'query.answer': { who: entry, scope: 'site', what: 'answer data queries' },
  'query.close': { who: reviewers, scope: 'site', what: 'close data queries' },
  lock: { who: ['data-manager', 'admin'], scope: 'study', what: 'lock the database' },
  'analysis.read': { who: clinicalReaders, scope: 'study', what: "read the study's analysis and report" },
  'audit.read': { who: studyReviewers, scope: 'study', what: 'read the audit trail' },
  export: { who: studyReviewers, scope: 'study', what: "export the study's data" },
  'site.manage': { who: ['admin'], scope: 'study', what: 'add, rename and close sites' },
  'study.activate': { who: ['admin'], scope: 'study', what: 'activate a study' },
  'study.amend': { who: ['admin'], scope: 'study', what: "amend a study's protocol" },
  'criteria.correct': { who: ['admin'], scope: 'study', what: "write a criterion's computable expression by hand (at design, or as an amendment once live)" },
  'study.create': { who: ['admin'], scope: 'global', what: 'create a study' },
  'study.import': { who: ['admin'], scope: 'study', what: "import a study's data from a file (ODM)" },
  'user.manage': { who: ['admin'], scope: 'global', what: 'add users, grant and revoke their roles' },
} as const satisfies Record<string, ActionRule>;
export type Action = keyof typeof actions;

export const actionNames = Object.keys(actions) as Action[];

export function isAction(name: unknown): name is Action {
  return typeof name === 'string' && Object.hasOwn(actions, name);
}
