import { expect } from 'vitest';
import { shoot } from '../browser.js';
import { type SsTrail, decision, describedError, investigator, today } from './helpers.js';
import type { Walk } from './walk.js';

/* The investigator decides the adverse events the server proposed from the week-12 labs. */
/** lets the investigator confirm one lab-proposed adverse event with its assessment and dismiss another. */
export async function adverseEventDecisionWalk(w: Walk, trail: SsTrail): Promise<void> {
  const page = await w.newPage();
  await w.signIn(page, investigator);
  await page.goto(trail.participantUrl);
  const table = page.getByRole('table', { name: 'Adverse events' });
  const lymphocytes = table.getByRole('row').filter({ hasText: 'Lymphocyte count decreased' });
  const platelets = table.getByRole('row').filter({ hasText: 'Platelet count decreased' });
  await expect(lymphocytes.getByRole('cell').nth(8).textContent()).resolves.toBe('proposed');
  await expect(platelets.getByRole('cell').nth(8).textContent()).resolves.toBe('proposed');

  await lymphocytes.getByRole('button', { name: 'Confirm Lymphocyte count decreased' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm the proposed adverse event' });
  await confirm.getByLabel('Reason (for the audit trail)').fill('Reviewed the blood count with the participant.');
  // Relatedness is what a confirmed event needs that a proposal lacks: the server says so beside it.
  await confirm.getByRole('button', { name: 'Confirm adverse event' }).click();
  await expect(describedError(page, '#aed-relatedness')).resolves.toContain('a confirmed adverse event needs the relatedness to the study drug');
  await confirm.getByLabel('Serious', { exact: true }).check();
  await confirm.getByLabel('Relatedness to the study drug').selectOption('possible');
  await confirm.getByLabel('Action taken').selectOption('dose-held');
  await confirm.getByLabel('Outcome').selectOption('recovering');
  // Serious without an ICH E2A criterion is refused beside the criteria.
  await confirm.getByRole('button', { name: 'Confirm adverse event' }).click();
  await expect(describedError(page, '#aed-criteria')).resolves.toContain('a serious adverse event needs at least one seriousness criterion');
  await confirm.getByLabel('Serious', { exact: true }).uncheck();
  await shoot(page, '28-ae-confirm');
  await confirm.getByRole('button', { name: 'Confirm adverse event' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await lymphocytes.getByRole('cell', { name: 'confirmed', exact: true }).waitFor();
  await expect(lymphocytes.getByRole('cell').allTextContents()).resolves.toEqual([
    'Lymphocyte count decreased',
    today,
    'ongoing',
    'Grade 3',
    'no',
    'possible',
    'dose-held',
    'recovering',
    'confirmed',
    '',
  ]);

  await platelets.getByRole('button', { name: 'Dismiss Platelet count decreased' }).click();
  const dismiss = page.getByRole('dialog', { name: 'Dismiss the proposed adverse event' });
  await dismiss.getByLabel('Why is it not an adverse event?').fill('Clumped sample; the repeat count was normal.');
  await dismiss.getByRole('button', { name: 'Dismiss adverse event' }).click();
  await platelets.getByRole('cell', { name: 'dismissed', exact: true }).waitFor();
  // Nothing is left to decide, so the decision column goes.
  await expect(table.getByRole('columnheader', { name: 'Decision' }).count()).resolves.toBe(0);
  await shoot(page, '29-ae-decided');
}
