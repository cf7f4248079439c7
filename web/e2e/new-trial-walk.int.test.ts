import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/auth/accounts.js';
import { shoot } from './browser.js';
import { changeForcedPassword, dfIl2File, issuedPassword, screenAndEnrolDfIl2, signInAs, statusText } from './walk/admin-helpers.js';
import { changeStatus, today } from './walk/helpers.js';
import { Walk } from './walk/walk.js';

/**
 * A new administrator, from the first sign-in with the password `serve` printed, to a live trial
 * of a protocol file that is not built in (examples/df-il2.json: placebo and three IL-2 doses,
 * 1:1:1:1, triple-masked); then the coordinator they added screens, enrols, randomizes and enters a visit.
 */
let w: Walk;
let admin = { username: '', password: '' };
const title = 'Dose-finding study of low-dose IL-2 in type 1 diabetes (DF-IL2)';

beforeAll(async () => {
  w = await Walk.open([], [], async (db) => {
    admin = (await ensureFirstAdmin(db, new Date())) ?? admin;
  });
}, 240_000);

afterAll(async () => {
  await w?.close();
});

describe('a new trial set up in the web (Chromium)', () => {
  const issued: Record<string, string> = {};

  it('takes the administrator from the first sign-in to a live df-il2 study with a site and two users', async () => {
    const page = await w.newPage();
    await signInAs(page, w.url, admin.username, admin.password);
    // The printed first-start password must be replaced before anything else, whatever page is asked for.
    await page.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
    await page.goto(`${w.url}/#/admin`);
    await page.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
    await page.goto(`${w.url}/#/studies`);
    await changeForcedPassword(page, admin.password, 'a long trial-office passphrase 1');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();

    await page.getByLabel('Protocol file (JSON)').setInputFiles(dfIl2File);
    await page.getByRole('button', { name: 'Create study' }).click();
    await statusText(page, 'Study df-il2 created as a design');
    const row = page.getByRole('table', { name: 'Studies and their status' }).getByRole('row', { name: /df-il2/ });
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('design');

    await page.getByLabel('Sites of study').selectOption('df-il2');
    await page.getByLabel('Site id', { exact: true }).fill('lyon-hcl');
    await page.getByLabel('Site name', { exact: true }).fill('Hospices Civils de Lyon');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByRole('list', { name: 'Sites of df-il2' }).getByText('Hospices Civils de Lyon').waitFor();

    for (const [username, name] of [
      ['cora', 'Cora Coordinator'],
      ['ivan', 'Ivan Investigator'],
    ] as const) {
      await page.getByLabel('Username', { exact: true }).fill(username);
      await page.getByLabel('Display name', { exact: true }).fill(name);
      await page.getByLabel('E-mail', { exact: true }).fill(`${username}@example.org`);
      await page.getByRole('button', { name: 'Add user' }).click();
      issued[username] = issuedPassword(await statusText(page, `User ${username} added`));
      expect(issued[username]).toMatch(/^\S{12,}$/);
    }
    for (const [username, role] of [
      ['cora', 'coordinator'],
      ['ivan', 'investigator'],
    ] as const) {
      await page.getByLabel('User', { exact: true }).selectOption(username);
      await page.getByLabel('Role', { exact: true }).selectOption(role);
      await page.getByLabel('Study', { exact: true }).selectOption('df-il2');
      await page.getByLabel('Site id (empty: every site)').fill('lyon-hcl');
      await page.getByRole('button', { name: 'Grant role' }).click();
      await statusText(page, `${username} is now ${role} in df-il2, lyon-hcl.`);
    }
    await page.getByRole('table', { name: 'Users' }).getByRole('row', { name: /cora/ }).getByText('coordinator · df-il2 · lyon-hcl').waitFor();

    await page.getByRole('button', { name: 'Activate df-il2' }).click();
    await statusText(page, 'Study df-il2 is live');
    // The status line comes from the activation's answer; the table re-renders after its reload.
    await row.getByRole('cell', { name: 'live', exact: true }).waitFor();
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('live');
    await shoot(page, '30-admin-live-study');
  });

  it('lets the coordinator change the issued password, then screen, enrol, randomize and enter day 1', async () => {
    const page = await w.newPage();
    await signInAs(page, w.url, 'cora', issued['cora'] ?? '');
    await changeForcedPassword(page, issued['cora'] ?? '', 'a passphrase of my own 7');
    await screenAndEnrolDfIl2(page, title, 'DF-001');
    await expect(page.locator('.facts').getByText('Hospices Civils de Lyon').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Randomize…' }).click();
    await page.getByRole('dialog').getByText('It cannot be undone.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Randomize DF-001' }).click();
    await page.locator('.facts .badge', { hasText: 'randomized' }).waitFor();
    await expect(page.locator('#kit-number').textContent()).resolves.not.toBe('');
    // Triple-masked: the coordinator (a care provider) sees the kit, never the arm.
    await expect(page.locator('#allocation').count()).resolves.toBe(0);

    await changeStatus(page, 'on-treatment', today);
    await page.getByRole('link', { name: 'Enter data for Day 1 (baseline, before the first dose)' }).click();
    await page.getByRole('heading', { level: 1, name: /^Visit: Day 1/ }).waitFor();
    await page.locator('#lab-lymphocytes').fill('1500');
    await page.getByRole('button', { name: 'Save labs' }).click();
    await page.getByRole('table', { name: 'Labs' }).getByRole('cell', { name: 'lymphocytes', exact: true }).waitFor();
    await shoot(page, '31-df-il2-day-1-labs');
  });

  it('lets the investigator override a screening decision with a reason, from the participant page', async () => {
    const page = await w.newPage();
    await signInAs(page, w.url, 'ivan', issued['ivan'] ?? '');
    await changeForcedPassword(page, issued['ivan'] ?? '', 'an investigator passphrase 9');
    await page.getByRole('link', { name: title }).click();
    await page.getByLabel('Participant code').fill('DF-002');
    await page.getByLabel('Date of birth').fill('1988-09-10');
    await page.getByRole('button', { name: 'Register and screen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Screening DF-002' }).waitFor();
    await page.getByRole('link', { name: 'Participant page' }).click();
    await page.getByRole('heading', { level: 2, name: 'Override the screening decision' }).waitFor();
    await page.getByLabel('Overriding decision').selectOption('eligible');
    await page.getByLabel('Reason for the override (required)').fill('HbA1c from the referring clinic, screened on paper');
    await page.getByRole('button', { name: 'Override: record eligible' }).click();
    await page.locator('.facts .badge', { hasText: 'eligible' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Override the screening decision' }).count()).resolves.toBe(0);
  });
});
