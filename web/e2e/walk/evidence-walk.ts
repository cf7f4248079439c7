import { expect } from 'vitest';
import { publishedTrials } from '../../../src/evidence/index.js';
import { shoot } from '../browser.js';
import { coordinator } from './helpers.js';
import type { Walk } from './walk.js';

/* The evidence tables of the review (published and unpublished trials). */
/** shows the evidence tables and filters them. */
export async function evidenceWalk(w: Walk): Promise<void> {
  const page = await w.newPage();
  await w.signIn(page, coordinator);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence' }).click();
  await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
  const published = publishedTrials.length;
  await expect(page.locator('caption', { hasText: /^Published/ }).textContent()).resolves.toBe(`Published (${published} of ${published})`);
  await shoot(page, '12-evidence');
  // Filtering keeps the rows where a cell contains the text, case-insensitively: the citation "Miao et al.(2018)".
  await page.getByLabel(/^Filter rows/).fill('miao');
  const miao = publishedTrials.filter((t) => t.citation.includes('Miao'));
  expect(miao.length).toBeGreaterThan(0);
  await expect(page.locator('caption', { hasText: /^Published/ }).textContent()).resolves.toBe(`Published (${miao.length} of ${published})`);
  await expect(page.getByRole('cell', { name: miao[0]?.citation ?? '' }).count()).resolves.toBe(1);
}

/** queries the review by disease synonym and dose range on the server, and plans a sample size from a published effect. */
export async function evidenceQueryWalk(w: Walk): Promise<void> {
  const page = await w.newPage();
  await w.signIn(page, coordinator);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence' }).click();
  await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
  const published = publishedTrials.length;
  // "Sjögren" is a synonym of the table's "SS"; its rows are counted here by the table's own word.
  const ss = publishedTrials.filter((t) => t.disease === 'SS').length;
  await page.getByLabel(/^Disease/).fill('Sjögren');
  await page.getByRole('button', { name: 'Query' }).click();
  await page.locator('caption', { hasText: new RegExp(`^Published \\(${ss} of ${ss}\\)$`) }).waitFor();
  // A daily dose range no row reaches: the server's sentence, not an empty page.
  await page.getByLabel(/^Disease/).fill('');
  await page.getByLabel(/^Daily dose range/).fill('100-200');
  await page.getByRole('button', { name: 'Query' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /No trials match daily dose 100–200/ })
    .first()
    .waitFor();
  await page.getByLabel(/^Daily dose range/).fill('');
  await page.getByRole('button', { name: 'Query' }).click();
  await page.locator('caption', { hasText: new RegExp(`^Published \\(${published} of ${published}\\)$`) }).waitFor();
  // 66.7 % vs 26.7 %, alpha 0.05 two-sided, power 0.8: 24 per arm (hand calculation in src/evidence/sample-size.test.ts).
  await page.getByLabel('Published effect', { exact: true }).selectOption('ss-essdai-w24');
  await page.getByRole('button', { name: 'Calculate sample size' }).click();
  await expect(page.getByRole('status', { name: 'Sample size' }).textContent()).resolves.toContain('24 IL-2 and 24 placebo, 48 in total');
  await page.getByLabel('Power', { exact: true }).fill('1.5');
  await page.getByRole('button', { name: 'Calculate sample size' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toContain('power must be strictly between 0 and 1, got 1.5.');
  await shoot(page, '12-evidence-sample-size');
}
