import type { Locator, Page } from 'playwright-core';
import { getBuiltinProtocol } from '../../../src/protocol/builtin/index.js';
import type { TestUser } from '../start-server.js';

/** The walks' users and the page helpers every walk uses. */

export const coordinator: TestUser = { username: 'carla', password: 'coordinator-pw-1', displayName: 'Carla Coordinator', studyId: 'ss-il2', role: 'coordinator' };
export const alsCoordinator: TestUser = { username: 'alan', password: 'coordinator-pw-2', displayName: 'Alan Coordinator', studyId: 'als-il2', role: 'coordinator' };
export const investigator: TestUser = { username: 'ines', password: 'investigator-pw-1', displayName: 'Ines Investigator', studyId: 'ss-il2', role: 'investigator' };
export const monitor: TestUser = { username: 'mona', password: 'monitor-pw-1', displayName: 'Mona Monitor', studyId: 'ss-il2', role: 'monitor' };
export const pharmacist: TestUser = { username: 'pia', password: 'pharmacist-pw-1', displayName: 'Pia Pharmacist', studyId: 'ss-il2', role: 'unblinded-pharmacist' };
export const siteMonitor: TestUser = {
  username: 'simon',
  password: 'monitor-pw-2',
  displayName: 'Simon Site Monitor',
  studyId: 'ss-il2',
  role: 'monitor',
  siteId: getBuiltinProtocol('ss-il2').sites[0]?.id ?? '',
};

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const today = isoDay(new Date());
export const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

/** The error that aria-describedby ties to a field, read through the accessibility wiring itself. */
export async function describedError(page: Page, fieldSelector: string): Promise<string> {
  return page.locator(fieldSelector).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids
      .map((id) => document.getElementById(id))
      .filter((n): n is HTMLElement => n !== null && n.classList.contains('field-error'))
      .map((n) => n.textContent ?? '')
      .join(' ');
  });
}

/** Types each fact into its field (selects for yes/no and code facts). */
/** Sets an instrument item: a level of a choice item (a select of the instrument's coded values), or a typed number. */
export async function setItem(field: Locator, value: string): Promise<void> {
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}

/** The values a choice item offers, its empty "—" first. */
export const itemLevels = (page: Page, selector: string) => page.locator(`${selector} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));

/** The instrument's item inputs (selects of levels and number boxes), in form order. */
export const itemFields = (page: Page) => page.locator('.items select[id^="item-"], .items input[id^="item-"]');

export async function fillFacts(page: Page, facts: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, value] of Object.entries(facts)) {
    // An attribute selector: fact names hold dots (last.immunosuppressant), which '#id' would read as classes.
    const field = page.locator(`[id="fact-${name}"]`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

/** A person's judgement on every attested part: inclusions hold, exclusions do not. */
export async function attestAll(page: Page): Promise<void> {
  for (const g of await page.getByRole('group', { name: /^Attest inc-/ }).all()) await g.getByLabel('holds', { exact: true }).check();
  for (const g of await page.getByRole('group', { name: /^Attest exc-/ }).all()) await g.getByLabel('does not hold').check();
}

export const verdict = (page: Page, id: string) => page.locator(`[data-criterion="${id}"] .verdict`).textContent();
export const decision = (page: Page) => page.locator('#eligibility-status').textContent();

export async function changeStatus(page: Page, to: string, date: string): Promise<void> {
  await page.getByLabel('New status').selectOption(to);
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByRole('button', { name: `Record ${to}` }).click();
  await page.locator('.facts .badge', { hasText: to }).waitFor();
}

/** What the coordinator walk leaves for the others: the ss-il2 participant's page, its week-0 visit page and its kit. */
export interface SsTrail {
  readonly participantUrl: string;
  readonly visitUrl: string;
  readonly kit: string;
}
