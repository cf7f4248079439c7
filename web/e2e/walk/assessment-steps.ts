import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { itemFields, setItem } from './helpers.js';

/** The steps of the seed-assessments walk: open a visit, enter an instrument or a defined form, read the analysis and the export back. */
export async function openVisit(page: Page, base: string, participantId: string, visitId: string, name: string): Promise<void> {
  await page.goto(`${base}/#/participants/${participantId}/visits/${visitId}`);
  await page.getByRole('heading', { level: 1, name: `Visit: ${name}` }).waitFor();
}

/** One instrument through the instrument form: every item at `level` (ALSFRS-R's 5b left for 5a), the total checked as typed, saved. */
export async function enterInstrument(page: Page, id: string, name: string, level: string, total: string): Promise<void> {
  await page.getByLabel('Instrument').selectOption(id);
  await page.getByRole('heading', { level: 2, name }).first().waitFor();
  const fields = itemFields(page);
  for (let i = 0; i < (await fields.count()); i++) {
    if ((await fields.nth(i).getAttribute('id')) !== 'item-cutting-food-gastrostomy') await setItem(fields.nth(i), level);
  }
  await expect(page.locator('#score-total').textContent()).resolves.toBe(total);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${name} saved.` })
    .waitFor();
}

/** One defined form through the generic renderer: each item id → its text (a select's code, a number's digits), saved; its status line returned. */
export async function enterForm(page: Page, formId: string, title: string, values: Readonly<Record<string, string>>): Promise<string> {
  const form = page.getByRole('form', { name: title });
  for (const [item, value] of Object.entries(values)) await setItem(form.locator(`[id="${formId}-${item}"]`), value);
  await form.getByRole('button', { name: `Save ${title}` }).click();
  const status = form.locator('p[role="status"]');
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

export const repeat = (n: number, value: string, prefix = 'q') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}`, value]));

/** The study's analysis as a monitor reads it (pooled before lock): the ITT summary of `measure` at `visitId`. */
export async function analysed(page: Page, base: string, studyId: string, outcomeId: string, measure: string, visitId: string): Promise<{ n: number; mean: number | null }> {
  const r = await page.request.get(`${base}/api/studies/${studyId}/analysis`);
  expect(r.status()).toBe(200);
  const body = (await r.json()) as { endpoints: { outcomeId: string; analysisSet: string; measures: { key: string; visits: { visitId: string; pooled: { n: number; mean: number | null } }[] }[] }[] };
  const endpoint = body.endpoints.find((e) => e.outcomeId === outcomeId && e.analysisSet === 'itt');
  const summary = endpoint?.measures.find((m) => m.key === measure)?.visits.find((v) => v.visitId === visitId)?.pooled;
  if (!summary) throw new Error(`The analysis of ${studyId} has no ${outcomeId}/${measure} at ${visitId}: ${JSON.stringify(endpoint)}`);
  return summary;
}

/** The study's observations export (CSV for R): key → value_num of the participant's rows at `visitId`. */
export async function exported(page: Page, base: string, studyId: string, visitId: string): Promise<Record<string, string>> {
  const r = await page.request.get(`${base}/api/studies/${studyId}/export/observations.csv`);
  expect(r.status()).toBe(200);
  const [header, ...lines] = (await r.text()).trim().split(/\r?\n/);
  const cols = header!.split(',');
  const at = (cells: string[], name: string) => cells[cols.indexOf(name)] ?? '';
  return Object.fromEntries(
    lines
      .map((l) => l.split(','))
      .filter((c) => at(c, 'visit_id') === visitId)
      .map((c) => [at(c, 'key'), at(c, 'value_num')]),
  );
}
