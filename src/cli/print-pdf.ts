import { existsSync } from 'node:fs';
import { AppError } from '../errors/app-error.js';
import { reportErrors } from '../analysis/report/errors.js';

/** Debian's Chromium (DESIGN.md: never a downloaded browser). */
export const chromiumPath = '/usr/bin/chromium';

/** Print a self-contained HTML document to PDF (A4, backgrounds, the document's print CSS) with headless Chromium. */
export async function printPdf(html: string, executablePath = chromiumPath): Promise<Buffer> {
  if (!existsSync(executablePath)) {
    throw new AppError(
      reportErrors.CHROMIUM_MISSING,
      `Chromium is not installed at ${executablePath}: install Debian's chromium (apt-get install chromium) to print the report as PDF, or write --format html and print it from a browser.`,
      'format',
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
