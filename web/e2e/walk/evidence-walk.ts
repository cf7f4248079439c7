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
