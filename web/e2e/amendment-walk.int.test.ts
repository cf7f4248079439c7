import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, ensureFirstAdmin } from '../../src/auth/accounts.js';
import type { Db } from '../../src/store/db.js';
import { activateStudy } from '../../src/use-cases/studies/activate-study.js';
import { createStudyFromProtocol } from '../../src/use-cases/studies/create-study.js';
import { shoot } from './browser.js';
import { dfIl2File, screenAndEnrolDfIl2, signInFirstAdmin, statusText } from './walk/admin-helpers.js';
import { changeStatus, today } from './walk/helpers.js';
import { Walk } from './walk/walk.js';

/**
 * A live df-il2 study takes an amendment that adds a visit and asks for re-consent: the participant
 * consented under version 1 is flagged until they sign consent-2, and the visit entered before the
 * amendment keeps version 1.
 */
let w: Walk;
let db: Db;
let admin = { username: '', password: '' };
const coordinator = { username: 'cora', password: 'coordinator-pw-df-1' };
const title = 'Dose-finding study of low-dose IL-2 in type 1 diabetes (DF-IL2)';
const dir = mkdtempSync(join(tmpdir(), 'il2trials-amendment-'));
const amendedFile = join(dir, 'df-il2-v2.json');

beforeAll(async () => {
  // Version 2: a day-30 visit with safety labs between day 15 and day 60.
  const v1 = JSON.parse(readFileSync(dfIl2File, 'utf8')) as { visits: object[] };
  const day30 = { id: 'day-30', name: 'Day 30', day: 30, windowBefore: 3, windowAfter: 3, assessments: ['labs'] };
  writeFileSync(amendedFile, JSON.stringify({ ...v1, version: '2', visits: [...v1.visits.slice(0, 3), day30, ...v1.visits.slice(3)] }));
  w = await Walk.open([], [], async (store) => {
    db = store;
    const c = { db, by: { kind: 'system' } as const, at: new Date() };
    await createStudyFromProtocol(c, JSON.parse(readFileSync(dfIl2File, 'utf8')));
    await activateStudy(c, 'df-il2');
    admin = (await ensureFirstAdmin(db, new Date())) ?? admin;
    const roles = [{ studyId: 'df-il2', siteId: 'pitie-salpetriere', role: 'coordinator' as const }];
    await createUser(db, { actor: 'system', at: new Date(), studyId: null }, { ...coordinator, displayName: 'Cora Coordinator', roles });
  });
}, 240_000);

afterAll(async () => {
  await w?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a protocol amendment with re-consent (Chromium)', () => {
  let participantUrl = '';

  it('has a randomized participant whose day-1 visit is entered under version 1', async () => {
    const page = await w.newPage();
    await w.signIn(page, { ...coordinator, displayName: 'Cora Coordinator', studyId: 'df-il2', role: 'coordinator' });
    await screenAndEnrolDfIl2(page, title, 'DF-101');
    participantUrl = page.url();
    await page.getByRole('button', { name: 'Randomize…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Randomize DF-101' }).click();
    await page.locator('.facts .badge', { hasText: 'randomized' }).waitFor();
    await changeStatus(page, 'on-treatment', today);
    await page.getByRole('link', { name: 'Enter data for Day 1 (baseline, before the first dose)' }).click();
    await page.locator('#lab-lymphocytes').fill('1500');
    await page.getByRole('button', { name: 'Save labs' }).click();
    await page.getByRole('table', { name: 'Labs' }).getByRole('cell', { name: 'lymphocytes', exact: true }).waitFor();
  });

  it('takes version 2 from the Administration area and shows it with its difference on the study page', async () => {
    const page = await w.newPage();
    await signInFirstAdmin(page, w.url, admin);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByLabel('Study', { exact: true }).first().waitFor();
    await page.locator('#amend-study').selectOption('df-il2');
    await page.getByLabel('New protocol version (JSON)').setInputFiles(amendedFile);
    await page.getByLabel('Effective date').fill(today);
    await page.getByLabel('Reason', { exact: true }).fill('day-30 safety labs added');
    await page.getByLabel('Re-consent version (empty: none)').fill('consent-2');
    await page.getByRole('button', { name: 'Amend study' }).click();
    await statusText(page, 'Study df-il2 amended; participants must consent again under consent-2.');

    await page.goto(`${w.url}/#/studies/df-il2`);
    const versions = page.getByRole('table', { name: 'Protocol versions' });
    await versions.waitFor();
    await expect(versions.getByRole('row').nth(1).getByRole('cell').allTextContents()).resolves.toEqual(['1 → 2', today, 'day-30 safety labs added', 'visits[day-30] added', 'consent-2']);
    await shoot(page, '32-protocol-versions');
  });

  it('flags the participant until they consent under consent-2; the earlier visit keeps version 1', async () => {
    const page = await w.newPage();
    await w.signIn(page, { ...coordinator, displayName: 'Cora Coordinator', studyId: 'df-il2', role: 'coordinator' });
    await page.goto(participantUrl);
    await page.locator('.facts').getByText('Re-consent needed (consent-2)').waitFor();
    const consents = page.getByRole('list', { name: 'Consents' });
    await expect(consents.getByRole('listitem').allTextContents()).resolves.toEqual([`Version 1, signed ${today}`]);
    // The calendar follows version 2: the new visit is scheduled.
    await page.getByRole('rowheader', { name: 'Day 30', exact: true }).waitFor();
    await shoot(page, '33-reconsent-needed');

    await page.getByLabel('Signed on').fill(today);
    await page.getByRole('button', { name: 'Record consent under consent-2' }).click();
    await consents.getByText(`Version consent-2, signed ${today}`).waitFor();
    await expect(page.getByText('Re-consent needed (consent-2)').count()).resolves.toBe(0);

    // Records keep the version in force when they were entered.
    expect(await db.query('SELECT visit_id, protocol_version FROM visits')).toEqual([{ visit_id: 'day-1', protocol_version: '1' }]);
    expect(await db.query('SELECT DISTINCT protocol_version FROM observations')).toEqual([{ protocol_version: '1' }]);
  });
});
