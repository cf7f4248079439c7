import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser, ensureFirstAdmin } from '../../src/auth/accounts.js';
import { activateStudy } from '../../src/use-cases/studies/activate-study.js';
import { createStudyFromProtocol } from '../../src/use-cases/studies/create-study.js';
import { shoot } from './browser.js';
import { dfIl2File, signInFirstAdmin, statusText } from './walk/admin-helpers.js';
import { attestAll, daysAgo, decision, describedError, fillFacts, today, verdict } from './walk/helpers.js';
import { Walk } from './walk/walk.js';

/**
 * The designer's correction of a criterion the parser leaves attested. df-il2's inc-1, "Type 1
 * diabetes diagnosed less than 2 years before inclusion", is written by hand as a time window on
 * the diagnosis date; a candidate left incomplete by it is then decided from that date.
 */
let w: Walk;
let admin = { username: '', password: '' };
const coordinator = { username: 'cora', password: 'coordinator-pw-df-1', displayName: 'Cora Coordinator', studyId: 'df-il2', role: 'coordinator' as const };
const title = 'Dose-finding study of low-dose IL-2 in type 1 diabetes (DF-IL2)';
const inc1 = 'Type 1 diabetes diagnosed less than 2 years before inclusion';
const corrected = 'last.type-1-diabetes within 2 years before screening';

beforeAll(async () => {
  w = await Walk.open([], [], async (db) => {
    const c = { db, by: { kind: 'system' } as const, at: new Date() };
    await createStudyFromProtocol(c, JSON.parse(readFileSync(dfIl2File, 'utf8')));
    await activateStudy(c, 'df-il2');
    admin = (await ensureFirstAdmin(db, new Date())) ?? admin;
    const roles = [{ studyId: 'df-il2', siteId: 'pitie-salpetriere', role: 'coordinator' as const }];
    await createUser(db, { actor: 'system', at: new Date(), studyId: null }, { ...coordinator, roles });
  });
}, 240_000);

afterAll(async () => {
  await w?.close();
});

/** The coordinator's facts for DF-301 and every attestation but inc-1's (the group is gone once inc-1 is computable). */
async function screenFacts(page: Page): Promise<void> {
  await fillFacts(page, { diagnoses: 'type-1-diabetes', pregnant: 'no', breastfeeding: 'no', 'last.immunosuppressant': 'never' });
  for (const g of await page.getByRole('group', { name: /^Attest inc-(?!1\b)/ }).all()) await g.getByLabel('holds', { exact: true }).check();
  for (const g of await page.getByRole('group', { name: /^Attest exc-/ }).all()) await g.getByLabel('does not hold').check();
}

describe('correcting a criterion by hand (Chromium)', () => {
  let screeningUrl = '';

  it('leaves a candidate incomplete while inc-1 is attested', async () => {
    const page = await w.newPage();
    await w.signIn(page, coordinator);
    await page.getByRole('link', { name: title }).click();
    await page.getByLabel('Participant code').fill('DF-301');
    await page.getByLabel('Date of birth').fill('1995-03-04');
    await page.getByRole('button', { name: 'Register and screen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Screening DF-301' }).waitFor();
    screeningUrl = page.url();
    await screenFacts(page);
    await expect(verdict(page, 'inc-1')).resolves.toBe('unknown');
    await expect(decision(page)).resolves.toBe('incomplete');
    await expect(page.getByRole('button', { name: 'Record eligible' }).isDisabled()).resolves.toBe(true);
  });

  it('lets the designer see the parse and its reason, write the expression (validated as typed, previewed) and save it as an amendment', async () => {
    const page = await w.newPage();
    await signInFirstAdmin(page, w.url, admin);
    await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
    await page.goto(`${w.url}/#/studies/df-il2`);
    await page.getByRole('link', { name: 'Correct criteria' }).click();
    await page.getByRole('heading', { level: 1, name: 'Criteria of df-il2' }).waitFor();
    const row = page.locator('[data-criterion="inc-1"]');
    await expect(row.locator('.verbatim').textContent()).resolves.toBe(inc1);
    await expect(row.locator('.computability').textContent()).resolves.toBe('attested');
    await expect(row.locator('.reason').textContent()).resolves.toBe('Why: "Type 1 diabetes less" narrows Type 1 diabetes; no rule reads the narrower phrase');

    await row.getByRole('button', { name: 'Correct inc-1' }).click();
    const box = page.getByLabel('Expression for inc-1');
    // "year" (singular) starts at character 31: 20 for the fact, then " within 2 ".
    await box.fill('last.type-1-diabetes within 2 year before screening');
    await page.locator('#expression-inc-1-error').waitFor();
    await expect(describedError(page, '#expression-inc-1')).resolves.toBe('Character 31 of the expression: "year" is not days, weeks, months or years.');
    await expect(page.getByRole('button', { name: 'Save inc-1' }).isDisabled()).resolves.toBe(true);
    await box.fill(corrected);
    await row.getByText(`Reads as computable: ${corrected}`).waitFor();
    await expect(describedError(page, '#expression-inc-1')).resolves.toBe('');

    // Diagnosed a year ago: within the 2 years (met); three years ago: not (the inclusion fails).
    const diagnosed = page.getByLabel('last.type-1-diabetes (YYYY-MM-DD or never)');
    await diagnosed.fill(daysAgo(365));
    await row.locator('.preview', { hasText: `met — met: ${corrected}; facts used: last.type-1-diabetes = ${daysAgo(365)}` }).waitFor();
    await diagnosed.fill(daysAgo(3 * 365));
    await row.locator('.preview', { hasText: '(makes the patient ineligible)' }).waitFor();
    await expect(row.locator('.preview .verdict').textContent()).resolves.toBe('not met');
    await shoot(page, '40-criteria-editor');

    await page.getByLabel('Reason (the amendment’s)').fill('inc-1 read as a window on the diagnosis date');
    await page.getByLabel('Effective date').fill(today);
    await page.getByRole('button', { name: 'Save inc-1' }).click();
    await statusText(page, `Saved inc-1 as protocol version 2 (from 1), in force from ${today}.`);
    await row.locator('.corrected', { hasText: `Screened by the correction (computable): ${corrected}` }).waitFor();
  });

  it('decides the candidate from the diagnosis date once inc-1 is computable', async () => {
    const page = await w.newPage();
    await w.signIn(page, coordinator);
    await page.goto(screeningUrl);
    await page.getByRole('heading', { level: 1, name: 'Screening DF-301' }).waitFor();
    await expect(page.getByRole('group', { name: 'Attest inc-1' }).count()).resolves.toBe(0);
    await screenFacts(page);
    await page.locator('[id="fact-last.type-1-diabetes"]').fill(daysAgo(200));
    await expect(verdict(page, 'inc-1')).resolves.toBe('met');
    await attestAll(page);
    await expect(decision(page)).resolves.toBe('eligible');
    await page.getByRole('button', { name: 'Record eligible' }).click();
    await page.getByRole('heading', { level: 1, name: 'Participant DF-301' }).waitFor();
    await page.locator('.facts .badge', { hasText: 'eligible' }).waitFor();
  });
});
