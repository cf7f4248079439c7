import { expect } from 'vitest';
import { shoot } from '../browser.js';
import { type SsTrail, coordinator, describedError, monitor, pharmacist } from './helpers.js';
import type { Walk } from './walk.js';

/* The site and the monitor on the ss-il2 participant the coordinator walk made: dispensing and a data query. */
/** shows the pharmacist the kit to dispense and records it. */
export async function pharmacistWalk(w: Walk, trail: SsTrail): Promise<void> {
  const page = await w.newPage();
  await w.signIn(page, pharmacist);
  await page.goto(`${w.url}/#/studies/ss-il2/dispensing`);
  await page.getByRole('heading', { level: 1, name: 'Dispensing' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'SS-001' });
  await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe(trail.kit);
  await shoot(page, '20-dispensing');
  await row.getByRole('button', { name: `Record kit ${trail.kit} dispensed to SS-001` }).click();
  await row.getByRole('button').waitFor({ state: 'detached' });
  await expect(row.getByRole('cell').nth(3).textContent()).resolves.not.toBe('');
}

/** takes a data query from the monitor beside the saved value, to the site that corrects it, back to the monitor who closes it. */
export async function dataQueryWalk(w: Walk, trail: SsTrail): Promise<void> {
  const question = 'Synovitis count not in the source notes; please confirm.';
  let page = await w.newPage();
  await w.signIn(page, monitor);
  await page.goto(trail.visitUrl);
  const raise = page.getByRole('button', { name: 'Raise a query on Articular (exclude osteoarthritis)' });
  await raise.waitFor();
  // A monitor enters no data: the saved values stand read-only, with no box to type in and no Save button.
  const articular = page.locator('[data-field="essdai.articular"]');
  await expect(articular.locator('dd strong').textContent()).resolves.toBe('2');
  await expect(page.locator('[data-field="immune-panel.treg"] dd strong').textContent()).resolves.toBe('5 %');
  await expect(page.locator('[data-field="labs.lymphocytes"] dd strong').textContent()).resolves.toBe('450 /mm3');
  await expect(page.locator('#score-total').textContent()).resolves.toBe('8');
  await expect(page.getByRole('button', { name: /^Save/ }).count()).resolves.toBe(0);
  await expect(page.locator('main input, main textarea').count()).resolves.toBe(0);
  await shoot(page, '25a-visit-read-only');
  await raise.click();
  const raiseDialog = page.getByRole('dialog', { name: 'Raise a data query' });
  await expect(raiseDialog.locator('p').first().textContent()).resolves.toBe('On Articular (exclude osteoarthritis) (essdai.articular), saved as 2.');
  // An empty query is the server's to refuse, and its message stands beside the text box.
  await raiseDialog.getByRole('button', { name: 'Raise query' }).click();
  await expect(describedError(page, '#query-text')).resolves.toBe('Field "text" is required.');
  await raiseDialog.getByLabel('Query to the site').fill(question);
  await raiseDialog.getByRole('button', { name: 'Raise query' }).click();
  await raiseDialog.waitFor({ state: 'hidden' });
  const visitRow = page.getByRole('table', { name: 'Data queries' }).getByRole('row').filter({ hasText: 'essdai.articular' });
  await expect(visitRow.getByRole('cell').nth(4).textContent()).resolves.toBe('open');
  await expect(visitRow.getByRole('cell').nth(5).textContent()).resolves.toMatch(/^Raised \d{4}-\d\d-\d\d \d\d:\d\d by you$/);
  await articular.locator('.field-queries .badge', { hasText: 'Query open' }).waitFor();
  // Only a saved value can be queried: the lymphocyte lab was saved at this visit, ALT was not.
  await expect(page.getByRole('button', { name: 'Raise a query on lymphocytes', exact: true }).count()).resolves.toBe(1);
  await expect(page.getByRole('button', { name: 'Raise a query on alt', exact: true }).count()).resolves.toBe(0);
  await shoot(page, '25-query-raised');

  // The coordinator corrects the value (2 → 1) with the reason; the score follows: 8 − (2 − 1) × weight 2 = 6.
  page = await w.newPage();
  await w.signIn(page, coordinator);
  await page.goto(trail.visitUrl);
  const siteRow = page.getByRole('table', { name: 'Data queries' }).getByRole('row').filter({ hasText: 'essdai.articular' });
  await siteRow.getByRole('button', { name: 'Answer the query on essdai.articular' }).click();
  const answer = page.getByRole('dialog', { name: 'Answer the data query' });
  await expect(answer.locator('p').first().textContent()).resolves.toBe(`On essdai.articular at week-0, saved as 2: “${question}”`);
  await answer.getByLabel(/^Corrected value/).fill('1');
  await answer.getByRole('button', { name: 'Correct and answer' }).click();
  await expect(describedError(page, '#answer-text')).resolves.toBe('Give the reason for the correction: it goes into the audit trail.');
  await answer.getByLabel('Reason for the correction').fill('Source notes: one swollen joint, low activity.');
  await shoot(page, '26-query-answer');
  await answer.getByRole('button', { name: 'Correct and answer' }).click();
  await answer.waitFor({ state: 'hidden' });
  // The list reloads after the dialog closes: wait for the new status rather than read the old one.
  await siteRow.getByRole('cell', { name: 'answered', exact: true }).waitFor();
  await expect(siteRow.getByRole('cell').nth(5).textContent()).resolves.toMatch(/Answered \d{4}-\d\d-\d\d \d\d:\d\d by you: Source notes: one swollen joint, low activity\.$/);
  await page.waitForFunction(() => (document.querySelector('#item-articular') as HTMLInputElement | null)?.value === '1');
  await expect(page.locator('#score-total').textContent()).resolves.toBe('6');
  await page.waitForFunction(() => document.querySelector('[data-testid="score-plot"] svg')?.getAttribute('aria-label')?.endsWith(' 6'));
  // The site may not close the query: only its raiser does.
  await expect(siteRow.getByRole('button', { name: /^Close/ }).count()).resolves.toBe(0);

  // The monitor closes it from the dashboard, where the study's queries filter by status.
  page = await w.newPage();
  await w.signIn(page, monitor);
  await page.goto(`${w.url}/#/studies/ss-il2`);
  const table = page.getByRole('table', { name: 'Data queries' });
  const row = table.getByRole('row').filter({ hasText: 'essdai.articular' });
  await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('answered');
  await row.getByRole('button', { name: 'Close the query on essdai.articular' }).click();
  await row.getByRole('cell', { name: 'closed', exact: true }).waitFor();
  await expect(row.getByRole('listitem').allTextContents()).resolves.toEqual([
    expect.stringMatching(/^Raised .* by you$/),
    expect.stringMatching(/^Answered .* by Carla Coordinator: Source notes: one swollen joint, low activity\.$/),
    expect.stringMatching(/^Closed .* by you$/),
  ]);
  await shoot(page, '27-dashboard-query-closed');
  await page.getByLabel('Status', { exact: true }).selectOption('open');
  await page.getByText('No data queries.').waitFor();
  await page.getByLabel('Status', { exact: true }).selectOption('closed');
  await row.waitFor();
}
