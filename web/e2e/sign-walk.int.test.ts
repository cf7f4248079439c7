import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../src/protocol/builtin/index.js';
import { audited } from '../../src/store/audited-tx.js';
import type { Db } from '../../src/store/db.js';
import { participants } from '../../src/store/schema/index.js';
import { shoot } from './browser.js';
import { coordinator, describedError, investigator, today } from './walk/helpers.js';
import { Walk } from './walk/walk.js';

/**
 * Electronic signatures in the browser (issue 18, 21 CFR Part 11): the investigator signs a visit
 * and the casebook by re-entering the password (11.200(a)(1)), the dialog states the meaning of the
 * signature and the signed record shows the signer's printed name, the date-time and the meaning
 * (11.50(a)); a later change of the visit invalidates its signature. The coordinator sees the
 * signature lines but may not sign.
 */
const ss = getBuiltinProtocol('ss-il2');
const code = 'SS-SIGN-1';
let w: Walk;
let db: Db;
let participantId = '';

/** One participant randomized and on treatment from today, straight into the store: the walk is about signing, not enrolling. */
async function onTreatment(store: Db): Promise<void> {
  db = store;
  const row = await audited(store, { actor: 'test', at: new Date(), studyId: ss.id }, (tx) =>
    tx.insert(participants, {
      study_id: ss.id,
      site_id: ss.sites[0]?.id ?? '',
      code,
      sex: 'female',
      birth_date: '1970-05-01',
      status: 'on-treatment',
      arm_id: ss.arms[0]?.id ?? null,
      kit_number: 'K-0001',
      start_date: today,
    }),
  );
  participantId = row.id;
}

/** The minutes (as the signature line prints them, UTC) from `from` to now. */
function minutesSince(from: Date): string[] {
  const out: string[] = [];
  for (let t = Math.floor(from.getTime() / 60_000); t <= Math.floor(Date.now() / 60_000); t++) out.push(new Date(t * 60_000).toISOString().slice(0, 16).replace('T', ' '));
  return out;
}

const lines = (page: Page, what: 'visit' | 'casebook') => page.getByRole('region', { name: `Signatures of this ${what}` }).getByRole('listitem');

/** Open the Sign dialog, check what it says the signature means, and sign with `password`. */
async function signWith(page: Page, what: 'visit' | 'casebook', password: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  if (!(await dialog.isVisible())) await page.getByRole('button', { name: `Sign the ${what}…` }).click();
  await dialog.getByRole('heading', { name: `Sign the ${what}` }).waitFor();
  await expect(dialog.getByText('Your signature means: reviewed and approved.').count()).resolves.toBe(1);
  await dialog.getByLabel('Your password').fill(password);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
}

beforeAll(async () => {
  w = await Walk.open([ss.id], [investigator, coordinator], onTreatment);
}, 240_000);

afterAll(async () => {
  await w?.close();
});

describe('electronic signatures (Chromium)', () => {
  let participantUrl = '';
  let visitUrl = '';

  it('the investigator signs a visit by re-entering the password; a wrong one is refused beside the field, and nothing is signed', async () => {
    const page = await w.newPage();
    await w.signIn(page, investigator);
    await page.goto(`${w.url}/#/participants/${participantId}`);
    await page.getByRole('heading', { level: 1, name: `Participant ${code}` }).waitFor();
    participantUrl = page.url();
    await page.getByRole('link', { name: 'Enter data for Week 0' }).click();
    await page.getByRole('heading', { level: 1, name: /^Visit: Week 0/ }).waitFor();
    visitUrl = page.url();
    await page.getByText('This visit is not signed.').waitFor();
    await page.locator('#lab-lymphocytes').fill('1200');
    await page.getByRole('button', { name: 'Save labs' }).click();
    await page.getByRole('table', { name: 'Labs' }).getByRole('cell', { name: 'lymphocytes', exact: true }).waitFor();

    await signWith(page, 'visit', 'not my password');
    await expect.poll(() => describedError(page, '#sign-password')).toBe('The username or password is wrong.');
    await shoot(page, '40-sign-dialog-refused');
    expect(await db.query('SELECT count(*)::int AS n FROM signatures')).toEqual([{ n: 0 }]);

    const before = new Date();
    await signWith(page, 'visit', investigator.password);
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const signed = lines(page, 'visit');
    await signed.first().waitFor();
    const text = await signed.allTextContents();
    expect(text).toHaveLength(1);
    expect(minutesSince(before).map((m) => `Signed: Ines Investigator (ines), ${m} UTC: reviewed and approved`)).toContain(text[0]);
    await expect(signed.first().getAttribute('class')).resolves.toBe('signature-valid');
    await shoot(page, '41-visit-signed');
    expect(await db.query('SELECT visit_id, meaning FROM signatures')).toEqual([{ visit_id: 'week-0', meaning: 'reviewed and approved' }]);
  });

  it('a later change of the visit invalidates its signature, on the page', async () => {
    const page = await w.newPage();
    await w.signIn(page, investigator);
    await page.goto(visitUrl);
    await lines(page, 'visit').first().waitFor();
    await page.locator('#lab-lymphocytes').fill('1300');
    await page.getByRole('button', { name: 'Save labs' }).click();
    await page.getByLabel('Reason for change').fill('transcription error');
    await page.getByRole('button', { name: 'Save labs' }).click();
    await page.getByRole('status').filter({ hasText: 'Labs saved.' }).waitFor();
    const line = lines(page, 'visit').first();
    await expect.poll(() => line.getAttribute('class')).toBe('signature-invalidated');
    await expect(line.textContent()).resolves.toMatch(/^Signed: Ines Investigator \(ines\), .* UTC: reviewed and approved \(invalidated: the record changed after signing\)$/);
    await shoot(page, '42-visit-signature-invalidated');
  });

  it('the investigator signs the casebook; the coordinator sees the signature with the record but has no Sign action', async () => {
    const page = await w.newPage();
    await w.signIn(page, investigator);
    await page.goto(participantUrl);
    await page.getByText('This casebook is not signed.').waitFor();
    const before = new Date();
    await signWith(page, 'casebook', investigator.password);
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await lines(page, 'casebook').first().waitFor();
    const text = await lines(page, 'casebook').allTextContents();
    expect(minutesSince(before).map((m) => `Signed: Ines Investigator (ines), ${m} UTC: reviewed and approved`)).toContain(text[0]);
    await shoot(page, '43-casebook-signed');

    const other = await w.newPage();
    await w.signIn(other, coordinator);
    await other.goto(participantUrl);
    await lines(other, 'casebook').first().waitFor();
    await expect(lines(other, 'casebook').allTextContents()).resolves.toEqual(text);
    await expect(other.getByRole('button', { name: /^Sign the / }).count()).resolves.toBe(0);
  });
});
