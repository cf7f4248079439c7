import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../src/protocol/builtin/index.js';
import { audited } from '../../src/store/audited-tx.js';
import type { Db } from '../../src/store/db.js';
import { enrolments, participants } from '../../src/store/schema/index.js';
import { createUser } from '../../src/auth/accounts.js';
import { shoot } from './browser.js';
import { signInAs, statusText } from './walk/admin-helpers.js';
import type { TestUser } from './start-server.js';
import { analysed, enterForm, enterInstrument, exported, openVisit, repeat } from './walk/assessment-steps.js';
import { daysAgo, setItem } from './walk/helpers.js';
import { Walk } from './walk/walk.js';

/**
 * Issue #14's Done-when for the ALS (NCT04952155) and autoimmune-encephalitis (SNUH 1510112713)
 * seeds: every assessment their visits list is entered through the web forms, then read back from the
 * analysis data (the analysis API for scored outcomes, the CSV export for the measured values).
 * Also the dose correction in the web, and the adverse event a form lab proposes named after save.
 */
const als = getBuiltinProtocol('als-il2');
const ae = getBuiltinProtocol('ae-il2');
const user = (username: string, studyId: string, role: TestUser['role']): TestUser => ({ username, password: `${username}-pw-14`, displayName: username, studyId, role });
const alsCoordinator = user('alma', als.id, 'coordinator');
const aeCoordinator = user('enzo', ae.id, 'coordinator');
const alsMonitor = user('mira', als.id, 'monitor');
const aeMonitor = user('marc', ae.id, 'monitor');
const alsDataManager = user('dana', als.id, 'data-manager');

let w: Walk;
let db: Db;
const admin = { username: 'ada', password: 'administrator-pw-14' };
const ids = { als: '', ae: '' };
// ALS: day 1 200 days ago, so week 24 (day 169) lies in the past; encephalitis: day 1 yesterday.
const alsStart = daysAgo(200);
const aeStart = daysAgo(1);

beforeAll(async () => {
  w = await Walk.open([als.id, ae.id], [alsCoordinator, aeCoordinator, alsMonitor, aeMonitor, alsDataManager], async (store) => {
    db = store;
    // The trial office's administrator (every study): the Administration area.
    await createUser(db, { actor: 'system', at: new Date(), studyId: null }, { ...admin, displayName: 'Ada Administrator', roles: [{ studyId: null, siteId: null, role: 'admin' }] });
    const insert = (studyId: string, siteId: string, code: string, armId: string, start: string) =>
      audited(db, { actor: 'test', at: new Date(), studyId }, async (tx) => {
        const p = await tx.insert(participants, { study_id: studyId, site_id: siteId, code, sex: 'male', birth_date: '1965-03-02', status: 'on-treatment', arm_id: armId, start_date: start });
        // Enrolled the day treatment began: the intention-to-treat set of a single-arm study is every enrolled participant (ICH E9).
        await tx.insert(enrolments, { participant_id: p.id, enrolled_on: start });
        return p;
      });
    ids.als = (await insert(als.id, als.sites[0]!.id, 'ALS-014', als.arms[0]!.id, alsStart)).id;
    ids.ae = (await insert(ae.id, ae.sites[0]!.id, 'AE-014', ae.arms[0]!.id, aeStart)).id;
  });
}, 240_000);

afterAll(async () => {
  await w?.close();
});

describe('the seeds’ assessments entered in the web and read from the analysis data (Chromium)', () => {
  it('ALS week 0: ALSFRS-R, ALSAQ-40, MRC, ROADS, serum cytokines, NfL, CK, safety labs and the immune panel', async () => {
    const page = await w.newPage();
    await w.signIn(page, alsCoordinator);
    await openVisit(page, w.url, ids.als, 'week-0', 'Week 0 (baseline)');
    // Every form the protocol lists at week 0 is offered (als-il2 visits[week-0].assessments).
    await expect(page.getByText(/^Target date .* due here:/).textContent()).resolves.toContain(`due here: ${als.visits[0]!.assessments.join(', ')}.`);

    // ALSFRS-R (Cedarbaum 1999): 12 items scored (5a, not 5b) at 3 → 36 of 48.
    await enterInstrument(page, 'alsfrs-r', 'ALSFRS-R', '3', '36');
    // ALSAQ-40 (Jenkinson 1999): 40 items at 2 of 0–4 → 80 of 160, on 0–100: 50.
    await enterInstrument(page, 'alsaq-40', 'ALSAQ-40', '2', '50');
    // MRC sum score: 12 muscle groups at 4 of 5 → 48 of 60.
    await enterInstrument(page, 'mrc', 'MRC sum score', '4', '48');

    // ROADS (Fournier 2020): 28 items at 1 and the first at 2 → raw score 29, calculated as typed.
    const roads = 'ROADS (Rasch-Built Overall ALS Disability Scale)';
    await setItem(page.getByRole('form', { name: roads }).locator('[id="roads-q1"]'), '2');
    await expect(page.getByRole('form', { name: roads }).locator('output').textContent()).resolves.toBe('—');
    const { q1: _first, ...rest } = repeat(28, '1');
    expect(await enterForm(page, 'roads', roads, rest)).toBe(`Saved (${roads}, version 1).`);

    expect(await enterForm(page, 'als-cytokines', 'Serum cytokines', { 'il-6': '4.2', 'il-10': '6.1', 'il-17a': '1.3', 'ifn-gamma': '9.5', 'tnf-alpha': '7.8', method: 'ELISA' })).toBe(
      'Saved (Serum cytokines, version 1).',
    );
    expect(await enterForm(page, 'nfl', 'Neurofilament light chain (NfL)', { serum: '85.4', csf: '4200', assay: 'Simoa NF-light' })).toBe('Saved (Neurofilament light chain (NfL), version 1).');
    // CK at baseline: graded, but an abnormality before the first dose proposes no adverse event (ICH E2A).
    expect(await enterForm(page, 'als-labs', 'Muscle laboratory (creatine kinase)', { ck: '180' })).toBe('Saved (Muscle laboratory (creatine kinase), version 1).');

    await page.locator('#lab-lymphocytes').fill('1500');
    await page.getByRole('button', { name: 'Save labs' }).click();
    await page.getByRole('table', { name: 'Labs' }).getByRole('cell', { name: 'lymphocytes', exact: true }).waitFor();

    await page.locator('#panel-lymphocytes').fill('1500');
    await page.locator('#panel-cd4-t').fill('40');
    await page.locator('#panel-treg').fill('5');
    await page.getByRole('button', { name: 'Save immune panel' }).click();
    await page.getByRole('status').filter({ hasText: 'Immune panel saved.' }).waitFor();
    await shoot(page, '40-als-week-0-forms');

    // Read back by a monitor: the scored outcomes in the analysis (one participant: n 1, the mean is the value) …
    const mon = await w.newPage();
    await w.signIn(mon, alsMonitor);
    await expect(analysed(mon, w.url, als.id, 'alsfrs-r-rate', 'alsfrs-r', 'week-0')).resolves.toMatchObject({ n: 1, mean: 36 });
    await expect(analysed(mon, w.url, als.id, 'alsaq-40-rate', 'alsaq-40', 'week-0')).resolves.toMatchObject({ n: 1, mean: 50 });
    await expect(analysed(mon, w.url, als.id, 'mrc-rate', 'mrc', 'week-0')).resolves.toMatchObject({ n: 1, mean: 48 });
    await expect(analysed(mon, w.url, als.id, 'roads-rate', 'roads', 'week-0')).resolves.toMatchObject({ n: 1, mean: 29 });
    // NfL has no score: the outcome is analysed per measured fluid.
    await expect(analysed(mon, w.url, als.id, 'nfl', 'nfl.serum', 'week-0')).resolves.toMatchObject({ n: 1, mean: 85.4 });
    await expect(analysed(mon, w.url, als.id, 'nfl', 'nfl.csf', 'week-0')).resolves.toMatchObject({ n: 1, mean: 4200 });
    // Treg: 5 % of CD4+ T cells (40 % of 1500 lymphocytes/µL = 600/µL) = 30 cells/µL.
    const treg = await analysed(mon, w.url, als.id, 'immunological-responses', 'treg', 'week-0');
    expect(treg.n).toBe(1);
    // … and every value, scored or measured, in the observations export.
    const values = await exported(mon, w.url, als.id, 'week-0');
    expect(values).toMatchObject({
      'alsfrs-r': '36',
      'alsaq-40': '50',
      mrc: '48',
      roads: '29',
      'als-cytokines.il-6': '4.2',
      'als-cytokines.il-10': '6.1',
      'als-cytokines.il-17a': '1.3',
      'als-cytokines.ifn-gamma': '9.5',
      'als-cytokines.tnf-alpha': '7.8',
      'nfl.serum': '85.4',
      'nfl.csf': '4200',
      'als-labs.ck': '180',
      lymphocytes: '1500',
    });
  });

  it('ALS week 24: a CK of 1200 U/L proposes "CPK increased" grade 3, named on the form after save', async () => {
    const page = await w.newPage();
    await w.signIn(page, alsCoordinator);
    await openVisit(page, w.url, ids.als, 'week-24', 'Week 24');
    // 1200 U/L = 6 × the assumed ULN of 200 U/L (the site set none): CTCAE v5.0 grade 3 (>5.0 – 10.0 × ULN).
    expect(await enterForm(page, 'als-labs', 'Muscle laboratory (creatine kinase)', { ck: '1200' })).toBe(
      'Saved (Muscle laboratory (creatine kinase), version 1); adverse event proposed for the investigator to confirm: CPK increased (grade 3).',
    );
    await shoot(page, '41-als-week-24-ck-proposed');
  });

  it("an administrator sets the site's CK upper limit in the web; a corrected week-24 CK is graded against it", async () => {
    const site = als.sites[0]!.id;
    const admin_ = await w.newPage();
    await signInAs(admin_, w.url, admin.username, admin.password);
    await admin_.getByRole('link', { name: 'Administration' }).click();
    await admin_.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await admin_.getByLabel('Sites of study').selectOption(als.id);
    const ranges = admin_.getByRole('form', { name: `Reference ranges of ${site}` });
    await ranges.getByLabel('ck ULN').waitFor();
    // The nine safety labs and the two form labs CTCAE grades against the ULN, each still the assumed default.
    await expect(ranges.getByRole('rowheader').allTextContents()).resolves.toEqual(
      ['leukocytes', 'neutrophils', 'lymphocytes', 'platelets', 'haemoglobin', 'alt', 'ast', 'bilirubin', 'creatinine', 'ck', 'proteinuria-24h'].map((a) => `${a} (assumed default)`),
    );
    await expect(ranges.getByLabel('ck ULN').inputValue()).resolves.toBe('200');
    await ranges.getByLabel('ck ULN').fill('400');
    await ranges.getByRole('button', { name: 'Save reference ranges' }).click();
    await statusText(admin_, `1 reference range(s) of ${site} saved.`);
    await shoot(admin_, '45-site-ck-uln');

    const page = await w.newPage();
    await w.signIn(page, alsCoordinator);
    await openVisit(page, w.url, ids.als, 'week-24', 'Week 24');
    const title = 'Muscle laboratory (creatine kinase)';
    const form = page.getByRole('form', { name: title });
    await form.locator('[id="als-labs-ck"]').fill('1300');
    await form.getByRole('button', { name: `Save ${title}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Reason for change' });
    await dialog.getByLabel('Why are they changed?').fill('Re-assayed: 1300 U/L');
    await dialog.getByRole('button', { name: 'Save with this reason' }).click();
    // 1300 U/L = 3.25 × the site's ULN of 400 U/L: grade 2 (>2.5 – 5.0 × ULN); against the assumed 200 it would be 6.5 ×, grade 3.
    await form.locator('p[role="status"]').filter({ hasText: 'Saved' }).waitFor();
    await expect(form.locator('p[role="status"]').textContent()).resolves.toBe(`Saved (${title}, version 1); adverse event proposed for the investigator to confirm: CPK increased (grade 2).`);
  });

  it('a data manager queries the serum NfL on the visit page; the site corrects it with a reason, kept under form version 1', async () => {
    const nfl = 'Neurofilament light chain (NfL)';
    const dm = await w.newPage();
    await w.signIn(dm, alsDataManager);
    await openVisit(dm, w.url, ids.als, 'week-0', 'Week 0 (baseline)');
    // A reviewer sees the form's saved values read-only, each with the action to raise a query on it.
    const values = dm.getByRole('region', { name: nfl });
    await values.getByText('Assessed on').waitFor();
    await expect(values.locator('[data-field="nfl.serum"] strong').textContent()).resolves.toBe('85.4 pg/mL');
    await values.getByRole('button', { name: 'Raise a query on Serum NfL' }).click();
    const raise = dm.getByRole('dialog');
    await raise.getByLabel('Query to the site').fill('Serum NfL 85.4 pg/mL: the Simoa report reads 58.4.');
    await raise.getByRole('button', { name: 'Raise query' }).click();
    await values.locator('[data-field="nfl.serum"] .badge', { hasText: 'Query open' }).waitFor();
    await shoot(dm, '44-form-value-queried');

    const page = await w.newPage();
    await w.signIn(page, alsCoordinator);
    await openVisit(page, w.url, ids.als, 'week-0', 'Week 0 (baseline)');
    await page.getByRole('button', { name: 'Answer the query on nfl.serum' }).click();
    const answer = page.getByRole('dialog');
    await answer.getByLabel('Corrected value (leave empty to answer without a correction)').fill('58.4');
    await answer.getByLabel('Reason for the correction').fill('Digits transposed when copying the Simoa report.');
    await answer.getByRole('button', { name: 'Correct and answer' }).click();
    // The form loads again with the corrected value.
    await page.waitForFunction(() => (document.getElementById('nfl-serum') as HTMLInputElement | null)?.value === '58.4');
    expect(await db.query("SELECT value_num, form_version FROM observations WHERE key = 'nfl.serum'")).toEqual([{ value_num: 58.4, form_version: '1' }]);
    const [audit] = await db.query<{ reason: string; changes: unknown }>(
      "SELECT a.reason, a.changes FROM audit a WHERE a.entity = 'observations' AND a.action = 'update' AND a.reason LIKE 'Correction for query %'",
    );
    expect(audit).toEqual({ reason: expect.stringMatching(/: Serum NfL 85\.4 pg\/mL: the Simoa report reads 58\.4\.$/), changes: [{ field: 'value_num', old: 85.4, new: 58.4 }] });
  });

  it('corrects a recorded dose with a reason, and shows it corrected', async () => {
    const page = await w.newPage();
    await w.signIn(page, alsCoordinator);
    await page.goto(`${w.url}/#/participants/${ids.als}`);
    await page.getByRole('heading', { level: 1, name: 'Participant ALS-014' }).waitFor();
    await page.getByRole('button', { name: /^Record dose: Day 1,/ }).click();
    await page.getByRole('button', { name: 'Save dose' }).click();
    await page.locator('.dose-chip.dose-given', { hasText: 'D1' }).waitFor();

    await page.getByRole('button', { name: /^Correct dose: Day 1,/ }).click();
    await expect(page.getByText(`Saved as given on ${alsStart}.`).count()).resolves.toBe(1);
    await page.getByLabel('Held').check();
    await page.getByLabel('Reason (required when held)').fill('Fever 38.6 °C');
    await page.getByRole('button', { name: 'Save correction' }).click();
    // Without a reason for change the correction is not sent: the box is required, and the dose stays given.
    await expect(page.locator('#dose-change-reason').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).resolves.toBe(true);
    await expect(page.locator('.dose-chip.dose-given', { hasText: 'D1' }).count()).resolves.toBe(1);
    await page.getByLabel('Reason for change').fill('Entered as given; the nurse’s chart says held');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await page.locator('.dose-chip.dose-held', { hasText: 'D1' }).waitFor();
    await page.getByRole('list', { name: 'Held doses' }).getByText(`Day 1 (${alsStart}): 1 dose held, Fever 38.6 °C`).waitFor();
    await shoot(page, '42-dose-corrected');
    const [audit] = await db.query<{ reason: string; changes: { field: string; old: unknown; new: unknown }[] }>("SELECT reason, changes FROM audit WHERE entity = 'doses' AND action = 'update'");
    expect(audit?.reason).toBe('Entered as given; the nurse’s chart says held');
    expect(audit?.changes).toContainEqual({ field: 'status', old: 'given', new: 'held' });
  });

  it('encephalitis baseline: mRS, MoCA (cognition), EQ-5D-5L (quality of life), safety labs and the immune panel', async () => {
    const page = await w.newPage();
    await w.signIn(page, aeCoordinator);
    await openVisit(page, w.url, ids.ae, 'baseline', 'Baseline (week 1, day 1, before the first dose)');
    await expect(page.getByText(/^Target date .* due here:/).textContent()).resolves.toContain(`due here: ${ae.visits[0]!.assessments.join(', ')}.`);

    await enterInstrument(page, 'mrs', 'modified Rankin Scale', '3', '3');
    // MoCA (Nasreddine 2005): 4 + 3 + 5 + 2 + 2 + 3 + 6 = 25, plus 1 point for 12 years of education or less: 26.
    const moca = 'Montreal Cognitive Assessment (MoCA)';
    expect(await enterForm(page, 'moca', moca, { visuospatial: '4', naming: '3', attention: '5', language: '2', abstraction: '2', recall: '3', orientation: '6', 'education-12-or-less': 'yes' })).toBe(
      `Saved (${moca}, version 1).`,
    );
    // EQ-5D-5L (EuroQol): profile 21131 and the EQ VAS 70.
    const eq = 'EQ-5D-5L (health-related quality of life)';
    expect(await enterForm(page, 'eq-5d-5l', eq, { mobility: '2', 'self-care': '1', 'usual-activities': '1', 'pain-discomfort': '3', 'anxiety-depression': '1', vas: '70' })).toBe(
      `Saved (${eq}, version 1).`,
    );

    await page.locator('#lab-lymphocytes').fill('1200');
    await page.getByRole('button', { name: 'Save labs' }).click();
    await page.getByRole('table', { name: 'Labs' }).getByRole('cell', { name: 'lymphocytes', exact: true }).waitFor();
    await page.locator('#panel-lymphocytes').fill('1200');
    await page.locator('#panel-cd4-t').fill('45');
    await page.locator('#panel-treg').fill('4');
    await page.getByRole('button', { name: 'Save immune panel' }).click();
    await page.getByRole('status').filter({ hasText: 'Immune panel saved.' }).waitFor();
    await shoot(page, '43-encephalitis-baseline-forms');

    const mon = await w.newPage();
    await w.signIn(mon, aeMonitor);
    await expect(analysed(mon, w.url, ae.id, 'mrs', 'mrs', 'baseline')).resolves.toMatchObject({ n: 1, mean: 3 });
    await expect(analysed(mon, w.url, ae.id, 'cognitive-function', 'moca', 'baseline')).resolves.toMatchObject({ n: 1, mean: 26 });
    await expect(analysed(mon, w.url, ae.id, 'quality-of-life', 'eq-5d-5l', 'baseline')).resolves.toMatchObject({ n: 1, mean: 70 });
    expect((await analysed(mon, w.url, ae.id, 'treg', 'treg', 'baseline')).n).toBe(1);
    await expect(exported(mon, w.url, ae.id, 'baseline')).resolves.toMatchObject({ mrs: '3', moca: '26', 'eq-5d-5l': '70', 'moca.orientation': '6', 'eq-5d-5l.vas': '70', lymphocytes: '1200' });
  });
});
