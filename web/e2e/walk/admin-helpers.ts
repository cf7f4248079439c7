import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { attestAll, changeStatus, decision, fillFacts, today } from './helpers.js';

/** examples/df-il2.json: the protocol file that is not built in (four arms 1:1:1:1, triple-masked). */
export const dfIl2File = new URL('../../../examples/df-il2.json', import.meta.url).pathname;

/** Sign in from the login form (a first sign-in may land on the forced password change, not on Studies). */
export async function signInAs(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/#/studies`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The forced change after an administrator set the password: the new one is the user's own. */
export async function changeForcedPassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Change your password' }).waitFor();
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('New password again').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
}

/** The first administrator signs in with the password `serve` printed, and must replace it first. */
export async function signInFirstAdmin(page: Page, url: string, admin: { username: string; password: string }): Promise<void> {
  await signInAs(page, url, admin.username, admin.password);
  await changeForcedPassword(page, admin.password, 'a long trial-office passphrase 1');
}

/** The text of the status line an administration form wrote last, once it contains `expected`. */
export async function statusText(page: Page, expected: string): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: expected });
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

/** A generated password as the add-user and reset forms print it, once. */
export const issuedPassword = (text: string) => /: (\S+)$/.exec(text)?.[1] ?? '';

/**
 * A coordinator registers a df-il2 candidate, screens them eligible (age from the birth date,
 * current diagnoses, not pregnant or breast-feeding, the attested criteria), consents and enrols them today.
 */
export async function screenAndEnrolDfIl2(page: Page, title: string, code: string): Promise<void> {
  await page.getByRole('link', { name: title }).click();
  await page.getByLabel('Participant code').fill(code);
  await page.getByLabel('Date of birth').fill('1995-03-04');
  await page.getByRole('button', { name: 'Register and screen' }).click();
  await page.getByRole('heading', { level: 1, name: `Screening ${code}` }).waitFor();
  await fillFacts(page, { diagnoses: 'type-1-diabetes', pregnant: 'no', breastfeeding: 'no', 'last.immunosuppressant': 'never' });
  await attestAll(page);
  await expect(decision(page)).resolves.toBe('eligible');
  await page.getByRole('button', { name: 'Record eligible' }).click();
  await page.getByRole('heading', { level: 1, name: `Participant ${code}` }).waitFor();
  await changeStatus(page, 'consented', today);
  await changeStatus(page, 'enrolled', today);
}
