import { expect } from 'vitest';
import { shoot } from '../browser.js';
import { chunkSizes, firstLoadFiles } from '../build-app.js';
import { coordinator } from './helpers.js';
import type { Walk } from './walk.js';

/* What every visitor meets first: the size of the first load and the sign-in form. */
/** keeps the first load under 300 KB of gzip JavaScript and code-splits the plot and the review page. */
export function checkFirstLoad(): void {
  const sizes = chunkSizes();
  const first = firstLoadFiles();
  const firstGzip = sizes.filter((s) => first.includes(s.file)).reduce((sum, s) => sum + s.gzipBytes, 0);
  for (const s of sizes) console.log(`web chunk ${s.file}: ${s.bytes} B, gzip ${s.gzipBytes} B${first.includes(s.file) ? ' (first load)' : ''}`);
  console.log(`web first load: ${firstGzip} B gzip JavaScript`);
  expect(first.length).toBeGreaterThan(0);
  expect(firstGzip).toBeLessThan(300 * 1024);
  const plotChunk = sizes.find((s) => s.file.startsWith('score-plot-'));
  expect(plotChunk, 'the plot is its own chunk').toBeDefined();
  expect(first).not.toContain(plotChunk?.file);
  const reviewChunk = sizes.find((s) => s.file.startsWith('review-page-'));
  expect(reviewChunk, 'the review page is its own chunk').toBeDefined();
  expect(first).not.toContain(reviewChunk?.file);
}

/** refuses a wrong password with the reason on the form, reached by keyboard alone. */
export async function wrongPasswordWalk(w: Walk): Promise<void> {
  const page = await w.newPage();
  await page.goto(`${w.url}/`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  // Tab order follows the form, and the focused field draws a visible ring (outline), not nothing.
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return { id: el.id || el.textContent, outline: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
  await page.keyboard.press('Tab');
  await expect(focused()).resolves.toEqual({ id: 'username', outline: 'solid', width: '3px' });
  await page.keyboard.press('Tab');
  await expect(focused()).resolves.toMatchObject({ id: 'password' });
  await page.keyboard.press('Tab');
  await expect(focused()).resolves.toEqual({ id: 'Sign in', outline: 'solid', width: '3px' });
  await page.getByLabel('User name').fill(coordinator.username);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toContain('The username or password is wrong.');
  await shoot(page, '01-login-refused');
}
