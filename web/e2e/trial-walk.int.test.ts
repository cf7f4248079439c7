import { afterAll, beforeAll, describe, it } from 'vitest';
import { adverseEventDecisionWalk } from './walk/adverse-event-walk.js';
import { blindedInvestigatorWalk } from './walk/blinded-walk.js';
import { coordinatorWalk } from './walk/coordinator-walk.js';
import { evidenceQueryWalk, evidenceWalk } from './walk/evidence-walk.js';
import { checkFirstLoad, wrongPasswordWalk } from './walk/first-load.js';
import { alsCoordinator, coordinator, investigator, monitor, pharmacist, siteMonitor, type SsTrail } from './walk/helpers.js';
import { openLabelWalk } from './walk/open-label-walk.js';
import { blindedMonitorReviewWalk, siteMonitorRefusedWalk } from './walk/review-walks.js';
import { dataQueryWalk, pharmacistWalk } from './walk/site-walks.js';
import { Walk } from './walk/walk.js';

/**
 * The web application in Debian's Chromium against the real server. The walks run in order on one
 * server: the coordinator's walk leaves the ss-il2 participant the site, monitor and investigator walks use.
 */
let w: Walk;
let ss: SsTrail;

beforeAll(async () => {
  w = await Walk.open(['ss-il2', 'als-il2'], [coordinator, alsCoordinator, investigator, pharmacist, monitor, siteMonitor]);
}, 240_000);

afterAll(async () => {
  await w?.close();
});

describe('web application in Chromium', () => {
  it('keeps the first load under 300 KB of gzip JavaScript and code-splits the plot and the review page', () => checkFirstLoad());
  it('refuses a wrong password with the reason on the form, reached by keyboard alone', () => wrongPasswordWalk(w));
  it('walks a coordinator through screening and enrolment (ss-il2)', async () => {
    ss = await coordinatorWalk(w);
  });
  it('shows the pharmacist the kit to dispense and records it', () => pharmacistWalk(w, ss));
  it('takes a data query from the monitor beside the saved value, to the site that corrects it, back to the monitor who closes it', () => dataQueryWalk(w, ss));
  it("shows a blinded monitor one participant's audit trail without arm or hash, older records on demand, and exports without the arm column", () => blindedMonitorReviewWalk(w, ss));
  it("refuses the review to a monitor of one site with the server's reason, and offers it no link", () => siteMonitorRefusedWalk(w));
  it('lets the investigator confirm one lab-proposed adverse event with its assessment and dismiss another', () => adverseEventDecisionWalk(w, ss));
  it('shows the evidence tables and filters them', () => evidenceWalk(w));
  it('queries the evidence by disease synonym and dose range, and plans a sample size from a published effect', () => evidenceQueryWalk(w));
  it('records doses and a visit score for an open-label participant (als-il2)', () => openLabelWalk(w));
  it('shows a blinded investigator no arm anywhere, and unblinds only with a reason and the password', () => blindedInvestigatorWalk(w, ss));
});
