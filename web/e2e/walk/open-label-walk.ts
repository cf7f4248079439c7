import { expect } from 'vitest';
import { getBuiltinProtocol } from '../../../src/protocol/builtin/index.js';
import { shoot } from '../browser.js';
import { alsCoordinator, attestAll, changeStatus, daysAgo, decision, describedError, fillFacts, itemFields, itemLevels, setItem, today } from './helpers.js';
import type { Walk } from './walk.js';

/* An open-label participant (als-il2): doses, a visit score with its correction, labs and an adverse event. */
/** records doses and a visit score for an open-label participant (als-il2). */
export async function openLabelWalk(w: Walk): Promise<void> {
  const page = await w.newPage();
  await w.signIn(page, alsCoordinator);
  const als = getBuiltinProtocol('als-il2');
  await page.getByRole('link', { name: als.title }).click();
  await page.getByLabel('Participant code').fill('ALS-001');
  await page.getByLabel('Date of birth').fill('1960-02-10');
  await page.getByRole('button', { name: 'Register and screen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Screening ALS-001' }).waitFor();
  // Screened three days ago: consent and enrolment follow it (status dates never go backwards).
  await page.getByLabel('Screening date').fill(daysAgo(3));
  await fillFacts(page, {
    diagnoses: 'als-syndrome',
    allergies: 'none',
    last_vaccination: 'never',
    leukocytes: '6',
    lymphocytes: '1.5',
    platelets: '220',
    hiv_positive: 'no',
    nyha_class: '0',
    creatinine_clearance: '95',
    alt_uln: '0.8',
    ast_uln: '0.7',
    pregnant: 'no',
    breastfeeding: 'no',
    in_other_trial: 'no',
    investigational_drug: 'no',
    // Inclusion 8, "Signed informed consent.", is the consent record.
    informed_consent: 'yes',
    // Exclusion 6 names a history of cancer, substance abuse and organ transplantation.
    history: 'none',
  });
  await attestAll(page);
  await expect(decision(page)).resolves.toBe('eligible');
  await page.getByRole('button', { name: 'Record eligible' }).click();
  await page.getByRole('heading', { level: 1, name: 'Participant ALS-001' }).waitFor();
  await changeStatus(page, 'consented', daysAgo(3));
  await changeStatus(page, 'enrolled', daysAgo(3));
  // Day 1 two days ago: every other day (als-il2 regimen) puts doses on day 1 and day 3 = today.
  await changeStatus(page, 'on-treatment', daysAgo(2));

  await page.getByRole('button', { name: /^Record dose: Day 1,/ }).click();
  await page.getByRole('button', { name: 'Save dose' }).click();
  await page.locator('.dose-chip.dose-given', { hasText: 'D1' }).waitFor();
  await page.getByRole('button', { name: /^Record dose: Day 3,/ }).click();
  await page.getByLabel('Held').check();
  await page.getByLabel('Reason (required when held)').fill('Injection-site reaction');
  await page.getByRole('button', { name: 'Save dose' }).click();
  await page.locator('.dose-chip.dose-held', { hasText: 'D3' }).waitFor();
  await expect(page.getByText(`Day 3 (${today}): 1 dose held, Injection-site reaction`).count()).resolves.toBe(1);
  await shoot(page, '06-dosing-calendar');

  await page.getByRole('link', { name: 'Enter data for Week 0 (baseline)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Visit: Week 0 (baseline)' }).waitFor();
  await page.getByLabel('Instrument').selectOption('alsfrs-r');

  // Each item offers exactly its levels: ALSFRS-R items are scored 0–4 (Cedarbaum 1999).
  const first = '#item-speech';
  await expect(itemLevels(page, first)).resolves.toEqual(['', '0', '1', '2', '3', '4']);
  await shoot(page, '07-visit-levels');

  // 11 required items and one of 5a/5b: all at 4 gives the maximum, 12 × 4 = 48.
  const fields = itemFields(page);
  const n = await fields.count();
  expect(n).toBe(13);
  for (let i = 0; i < n; i++) {
    const id = await fields.nth(i).getAttribute('id');
    if (id !== 'item-cutting-food-gastrostomy') await setItem(fields.nth(i), '4');
  }
  await expect(describedError(page, first)).resolves.toBe('');
  await expect(page.locator('#score-total').textContent()).resolves.toBe('48');
  await setItem(page.locator('#item-walking'), '2');
  // 48 − (4 − 2) = 46.
  await expect(page.locator('#score-total').textContent()).resolves.toBe('46');
  await shoot(page, '08-visit-score');

  // Week 0's window is day 1 exactly (als-il2: 0 days either side), two days ago.
  await page.getByLabel('Assessment date').fill(daysAgo(2));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'saved' }).textContent()).resolves.toBe('ALSFRS-R saved.');
  // The plot draws the server's total for the saved visit.
  const plot = page.locator('[data-testid="score-plot"] svg');
  await expect(plot.getAttribute('aria-label')).resolves.toBe('ALSFRS-R by study day: Week 0 (baseline) 46');

  // A correction asks why, names the change, and the plot follows: 46 + (3 − 2) = 47.
  await setItem(page.locator('#item-walking'), '3');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reason for change' });
  await expect(dialog.getByRole('listitem').allTextContents()).resolves.toEqual(['8. Walking: 2 → 3']);
  await shoot(page, '13-visit-reason-for-change');
  await dialog.getByLabel('Why are they changed?').fill('Transcription error against the source worksheet');
  await dialog.getByRole('button', { name: 'Save with this reason' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="score-plot"] svg')?.getAttribute('aria-label')?.endsWith(' 47'));
  await shoot(page, '14-visit-plot');

  // Labs are graded by the server (CTCAE v5.0 platelet count decreased: grade 2 is <75,000–50,000/mm³).
  await page.getByLabel('platelets', { exact: true }).fill('60000');
  await page.getByRole('button', { name: 'Save labs' }).click();
  await page.getByRole('cell', { name: /^Grade 2/ }).waitFor();
  await shoot(page, '15-visit-labs');

  // Back on the participant page: the lab with its grade, and an adverse event reported by hand.
  await page.getByRole('link', { name: 'Back to the participant' }).click();
  await page.getByRole('heading', { level: 1, name: 'Participant ALS-001' }).waitFor();
  await page
    .getByRole('table', { name: 'Labs' })
    .getByRole('cell', { name: /^Grade 2/ })
    .waitFor();
  await page.getByLabel('Term (CTCAE v5.0)').fill('Injection site reaction');
  await page.getByLabel('Onset date').fill(today);
  await page.getByLabel('CTCAE grade').selectOption('1');
  await page.getByRole('button', { name: 'Report adverse event' }).click();
  await page.getByRole('table', { name: 'Adverse events' }).getByRole('cell', { name: 'Injection site reaction' }).waitFor();
  await shoot(page, '16-participant-adverse-events');
}
