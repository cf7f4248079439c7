import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedTrials } from '../../src/evidence/index.js';
import { getBuiltinProtocol } from '../../src/protocol/builtin/index.js';
import { audited } from '../../src/store/audited-tx.js';
import type { Db } from '../../src/store/db.js';
import { participants } from '../../src/store/schema/index.js';
import { launchChromium, shoot } from './browser.js';
import { buildApp, chunkSizes, firstLoadFiles } from './build-app.js';
import { startServer, type RunningServer, type TestUser } from './start-server.js';

/**
 * The web application in Debian's Chromium against the real server (PGlite in a temporary
 * directory). One build, one server, one browser for every walk: the machine is shared.
 */

const coordinator: TestUser = { username: 'carla', password: 'coordinator-pw-1', displayName: 'Carla Coordinator', studyId: 'ss-il2', role: 'coordinator' };
const alsCoordinator: TestUser = { username: 'alan', password: 'coordinator-pw-2', displayName: 'Alan Coordinator', studyId: 'als-il2', role: 'coordinator' };
const investigator: TestUser = { username: 'ines', password: 'investigator-pw-1', displayName: 'Ines Investigator', studyId: 'ss-il2', role: 'investigator' };
const monitor: TestUser = { username: 'mona', password: 'monitor-pw-1', displayName: 'Mona Monitor', studyId: 'ss-il2', role: 'monitor' };
const pharmacist: TestUser = { username: 'pia', password: 'pharmacist-pw-1', displayName: 'Pia Pharmacist', studyId: 'ss-il2', role: 'unblinded-pharmacist' };
const siteMonitor: TestUser = { username: 'simon', password: 'monitor-pw-2', displayName: 'Simon Site Monitor', studyId: 'ss-il2', role: 'monitor', siteId: getBuiltinProtocol('ss-il2').sites[0]?.id ?? '' };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const today = isoDay(new Date());
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  await buildApp();
  server = await startServer(['ss-il2', 'als-il2'], [coordinator, alsCoordinator, investigator, pharmacist, monitor, siteMonitor]);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** A fresh signed-out browser at 1024 × 768, the narrowest screen the app must serve. */
async function newPage(): Promise<Page> {
  await context?.close();
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return page;
}

async function signIn(page: Page, user: TestUser, base = server.url): Promise<void> {
  await page.goto(`${base}/#/studies`);
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
}

/** The error that aria-describedby ties to a field, read through the accessibility wiring itself. */
async function describedError(page: Page, fieldSelector: string): Promise<string> {
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
async function fillFacts(page: Page, facts: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, value] of Object.entries(facts)) {
    const field = page.locator(`#fact-${name}`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
}

/** A person's judgement on every attested part: inclusions hold, exclusions do not. */
async function attestAll(page: Page): Promise<void> {
  for (const g of await page.getByRole('group', { name: /^Attest inc-/ }).all()) await g.getByLabel('holds', { exact: true }).check();
  for (const g of await page.getByRole('group', { name: /^Attest exc-/ }).all()) await g.getByLabel('does not hold').check();
}

const verdict = (page: Page, id: string) => page.locator(`[data-criterion="${id}"] .verdict`).textContent();
const decision = (page: Page) => page.locator('#eligibility-status').textContent();

async function changeStatus(page: Page, to: string, date: string): Promise<void> {
  await page.getByLabel('New status').selectOption(to);
  await page.getByLabel('Date', { exact: true }).fill(date);
  await page.getByRole('button', { name: `Record ${to}` }).click();
  await page.locator('.facts .badge', { hasText: to }).waitFor();
}

describe('web application in Chromium', () => {
  it('keeps the first load under 300 KB of gzip JavaScript and code-splits the plot and the review page', () => {
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
  });

  it('refuses a wrong password with the reason on the form, reached by keyboard alone', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // Tab order follows the form, and the focused field draws a visible ring (outline), not nothing.
    const focused = () => page.evaluate(() => {
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
  });

  let ssParticipantUrl = '';
  let ssVisitUrl = '';
  let ssKit = '';

  it('walks a coordinator through screening and enrolment (ss-il2)', async () => {
    const page = await newPage();
    await signIn(page, coordinator);
    await shoot(page, '02-studies');
    const ss = getBuiltinProtocol('ss-il2');
    await page.getByRole('link', { name: ss.title }).click();
    await page.getByRole('heading', { level: 1, name: ss.title }).waitFor();
    await page.getByRole('heading', { name: 'Enrolment' }).waitFor();
    await shoot(page, '03-dashboard-empty');

    // Register: born 1970-05-01, so 18–65 years old whatever today's date in 2026–2035.
    await page.getByLabel('Participant code').fill('SS-001');
    await page.getByLabel('Date of birth').fill('1970-05-01');
    await page.getByRole('button', { name: 'Register and screen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Screening SS-001' }).waitFor();

    // Live evaluation as the facts are typed: age 17 fails the age limit of 18–65 years.
    const age = page.getByLabel('age', { exact: true });
    await age.fill('17');
    await expect(verdict(page, 'age')).resolves.toBe('not met');
    await expect(decision(page)).resolves.toBe('ineligible');
    await age.fill('56');
    await expect(verdict(page, 'age')).resolves.toBe('met');
    await expect(verdict(page, 'inc-2')).resolves.toBe('unknown');
    // ESSDAI ≥ 6 is needed (NCT02464319 inclusion): 4 fails, 8 passes.
    await fillFacts(page, { essdai: '4' });
    await expect(verdict(page, 'inc-2')).resolves.toBe('not met');
    await expect(decision(page)).resolves.toBe('ineligible');
    await fillFacts(page, {
      essdai: '8',
      diagnoses: 'primary-sjogren',
      alt_uln: '2',
      prednisone_dose: '5 mg',
      prior_treatments: 'none',
      current_treatments: 'none',
      last_live_vaccination: 'never',
      pregnant: 'no',
      breastfeeding: 'no',
      weight: '60 kg',
    });
    await expect(verdict(page, 'inc-2')).resolves.toBe('met');
    // "Stable low dose … in the last 4 weeks" stays a person's judgement until attested.
    await expect(verdict(page, 'inc-4')).resolves.toBe('unknown');
    await expect(decision(page)).resolves.toBe('incomplete');
    await page.getByLabel('Planned first dose').fill(today);
    await attestAll(page);
    await expect(verdict(page, 'inc-4')).resolves.toBe('met');
    await expect(verdict(page, 'exc-1')).resolves.toBe('not met');
    await expect(decision(page)).resolves.toBe('eligible');
    await shoot(page, '04-screening');
    await page.getByRole('button', { name: 'Record eligible' }).click();

    await page.getByRole('heading', { level: 1, name: 'Participant SS-001' }).waitFor();
    await changeStatus(page, 'consented', today);
    await changeStatus(page, 'enrolled', today);
    ssParticipantUrl = page.url();
    await shoot(page, '05-participant-enrolled');

    // Randomization gives a kit number; the coordinator is a masked care provider (ss-il2 is quadruple-masked), so no arm.
    await page.getByRole('button', { name: 'Randomize' }).click();
    await page.locator('.facts .badge', { hasText: 'randomized' }).waitFor();
    ssKit = (await page.locator('#kit-number').textContent()) ?? '';
    expect(ssKit).not.toBe('');
    await expect(page.locator('#allocation').count()).resolves.toBe(0);
    await shoot(page, '17-participant-randomized');

    // Day 1 today: the first dose is due today.
    await changeStatus(page, 'on-treatment', today);
    await page.getByRole('button', { name: /^Record dose: Day 1,/ }).click();
    await page.getByRole('button', { name: 'Save dose' }).click();
    await page.locator('.dose-chip.dose-given', { hasText: 'D1' }).waitFor();

    await page.getByRole('link', { name: 'Enter data for Week 0' }).click();
    await page.getByRole('heading', { level: 1, name: /^Visit: Week 0/ }).waitFor();
    await expect(page.getByLabel('Instrument').inputValue()).resolves.toBe('essdai');
    // The CNS domain has no low level (Seror 2010, Table 3: levels 0, 2, 3): 1 is refused beside the field.
    await page.locator('#item-cns').fill('1');
    await expect(describedError(page, '#item-cns')).resolves.toContain('must be one of 0, 2, 3, not 1');
    await shoot(page, '18-essdai-bad-value');
    // Glandular low (1 × weight 2) + articular moderate (2 × 2) + biological moderate (2 × 1) = 8; other domains 0.
    const levels: Readonly<Record<string, string>> = { glandular: '1', articular: '2', biological: '2' };
    const fields = page.locator('.items input[id^="item-"]');
    const n = await fields.count();
    expect(n).toBe(12);
    for (let i = 0; i < n; i++) {
      const id = ((await fields.nth(i).getAttribute('id')) ?? '').replace(/^item-/, '');
      await fields.nth(i).fill(levels[id] ?? '0');
    }
    await expect(describedError(page, '#item-cns')).resolves.toBe('');
    await expect(page.locator('#score-total').textContent()).resolves.toBe('8');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'saved' }).textContent()).resolves.toBe('ESSDAI saved.');
    await expect(page.locator('[data-testid="score-plot"] svg').getAttribute('aria-label')).resolves.toMatch(/^ESSDAI by study day: Week 0.* 8$/);
    ssVisitUrl = page.url();
    await shoot(page, '19-essdai-saved-plot');

    // The immune panel at week 0: a percentage above 100 is refused beside its box; the absolute
    // counts follow as typed: CD4+ 40 % of 1,500 lymphocytes = 600/µL; Treg 5 % of CD4+ = 30/µL; Th17 1 % = 6/µL.
    await page.getByRole('heading', { name: 'Enter the immune panel' }).waitFor();
    await page.locator('#panel-treg').fill('140');
    await expect(describedError(page, '#panel-treg')).resolves.toBe('Regulatory T cells (Treg) must be from 0 to 100 % of CD4+ T cells, not 140.');
    await page.locator('#panel-lymphocytes').fill('1500');
    await page.locator('#panel-cd4-t').fill('40');
    await page.locator('#panel-treg').fill('5');
    await page.locator('#panel-th17').fill('1');
    await expect(describedError(page, '#panel-treg')).resolves.toBe('');
    await expect(page.locator('#panel-cd4-t-hint').textContent()).resolves.toMatch(/ · 600 cells\/µL$/);
    await expect(page.locator('#panel-treg-hint').textContent()).resolves.toMatch(/ · 30 cells\/µL$/);
    await shoot(page, '19a-immune-panel-form');
    await page.getByRole('button', { name: 'Save immune panel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Immune panel' }).textContent()).resolves.toBe('Immune panel saved.');

    // Labs the server grades and proposes adverse events for (CTCAE v5.0, default ranges):
    // lymphocytes 450/mm³ is grade 3 (<500–200), platelets 60,000/mm³ grade 2 (<75,000–50,000).
    await page.locator('#lab-lymphocytes').fill('450');
    await page.locator('#lab-platelets').fill('60000');
    await page.getByRole('button', { name: 'Save labs' }).click();
    await page.getByRole('table', { name: 'Labs' }).getByRole('cell', { name: /^Grade 3/ }).waitFor();
    await page.goto(ssParticipantUrl);
    await page.getByRole('heading', { name: 'Immune subsets' }).waitFor();
    await expect(page.locator('[data-testid="immune-plot"] > [role="img"]').getAttribute('aria-label')).resolves.toMatch(
      /^Immune subsets by study day: CD4\+ T cells Week 0[^;]* 600 cells\/µL; Regulatory T cells \(Treg\) Week 0[^;]* 30 cells\/µL; T helper 17 cells \(Th17\) Week 0[^;]* 6 cells\/µL$/,
    );
    await shoot(page, '19b-immune-subsets');
  });

  it("shows the pharmacist the kit to dispense and records it", async () => {
    const page = await newPage();
    await signIn(page, pharmacist);
    await page.goto(`${server.url}/#/studies/ss-il2/dispensing`);
    await page.getByRole('heading', { level: 1, name: 'Dispensing' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'SS-001' });
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe(ssKit);
    await shoot(page, '20-dispensing');
    await row.getByRole('button', { name: `Record kit ${ssKit} dispensed to SS-001` }).click();
    await row.getByRole('button').waitFor({ state: 'detached' });
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.not.toBe('');
  });

  it('takes a data query from the monitor beside the saved value, to the site that corrects it, back to the monitor who closes it', async () => {
    const question = 'Synovitis count not in the source notes; please confirm.';
    let page = await newPage();
    await signIn(page, monitor);
    await page.goto(ssVisitUrl);
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
    await expect(describedError(page, '#query-text')).resolves.toMatch(/^Field "text" is invalid/);
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
    page = await newPage();
    await signIn(page, coordinator);
    await page.goto(ssVisitUrl);
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
    page = await newPage();
    await signIn(page, monitor);
    await page.goto(`${server.url}/#/studies/ss-il2`);
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
  });

  it('shows a blinded monitor one participant\'s audit trail without arm or hash, older records on demand, and exports without the arm column', async () => {
    const page = await newPage();
    const trailBodies: { url: string; body: string }[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/audit')) void res.text().then((body) => trailBodies.push({ url: res.url(), body }), () => undefined);
    });
    await signIn(page, monitor);
    const ss = getBuiltinProtocol('ss-il2');
    await page.getByRole('link', { name: ss.title }).click();
    await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Review: audit trail and exports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
    const trail = page.getByRole('table', { name: 'Audit trail' });
    await trail.waitFor();

    // SS-001's own row was written six times: registered, then eligible, consented, enrolled, randomized, on treatment.
    // Five at a time: the five newest first, then the registration.
    const participantId = decodeURIComponent(ssParticipantUrl.split('/').pop() ?? '');
    await page.getByLabel('Table', { exact: true }).selectOption('participants');
    await page.getByLabel('Row id').fill(participantId);
    await page.getByLabel('Records at a time').selectOption('5');
    await page.getByRole('button', { name: 'Show records' }).click();
    const status = page.getByRole('status').filter({ hasText: /newest first/ });
    await status.filter({ hasText: /^5 records/ }).waitFor();
    await expect(status.textContent()).resolves.toBe('5 records, newest first.');
    const rows = trail.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(5);
    for (const row of await rows.all()) {
      await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('participants');
      await expect(row.getByRole('cell').nth(5).textContent()).resolves.toBe(participantId);
    }
    // The randomization: its status and kit number, and no arm (the server leaves that change out).
    const randomized = rows.filter({ hasText: 'status: enrolled → randomized' });
    await expect(randomized.getByRole('listitem').allTextContents()).resolves.toEqual(expect.arrayContaining([`kit_number: empty → ${ssKit}`]));
    await expect(randomized.getByRole('listitem').allTextContents()).resolves.not.toContainEqual(expect.stringMatching(/arm/));
    // No hash reached the page: no column for it, and a word on why.
    await expect(trail.getByRole('columnheader', { name: 'Hash' }).count()).resolves.toBe(0);
    await page.getByText('No record came with its hash').waitFor();
    await shoot(page, '31-review-trail-blinded');

    await page.getByRole('button', { name: 'Load older records' }).click();
    await status.filter({ hasText: /^6 records/ }).waitFor();
    await expect(status.textContent()).resolves.toBe('6 records, newest first, back to the oldest.');
    const registered = rows.nth(5);
    await expect(registered.getByRole('cell').nth(3).textContent()).resolves.toBe('insert');
    await expect(registered.getByRole('listitem').allTextContents()).resolves.toEqual(expect.arrayContaining(['code: SS-001', 'status: screening']));
    await expect(page.getByRole('button', { name: 'Load older records' }).count()).resolves.toBe(0);
    await expect(page.locator('body').innerText()).resolves.not.toMatch(/arm_id/);
    // What the server sent, every page: no hash, no arm change, no arm named as a value.
    const armValue = new RegExp(`"(${ss.arms.map((a) => a.id).join('|')})"`);
    expect(trailBodies.length).toBeGreaterThanOrEqual(3);
    for (const { url, body } of trailBodies) {
      expect(body, url).not.toMatch(/"(hash|prevHash)"|arm_id/);
      expect(body, url).not.toMatch(armValue);
    }

    // The participants file, fetched with the page's own session: a kit number column and no arm column.
    const href = (await page.getByRole('link', { name: 'participants.csv' }).getAttribute('href')) ?? '';
    expect(href).toBe('/api/studies/ss-il2/export/participants.csv');
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    const [header = '', ...lines] = (await res.text()).trim().split('\n');
    expect(header.split(',')).toContain('kit_number');
    expect(header.split(',')).not.toContain('arm_id');
    expect(lines.some((l) => l.startsWith('SS-001,') && l.includes(ssKit))).toBe(true);
  });

  it('refuses the review to a monitor of one site with the server\'s reason, and offers it no link', async () => {
    const page = await newPage();
    await signIn(page, siteMonitor);
    await page.goto(`${server.url}/#/studies/ss-il2`);
    await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Analysis report' }).waitFor();
    await expect(page.getByRole('link', { name: 'Review: audit trail and exports' }).count()).resolves.toBe(0);
    await page.goto(`${server.url}/#/studies/ss-il2/review`);
    await page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Could not load the audit trail: Your roles in study ss-il2 do not allow you to read the audit trail: it needs one of monitor, data-manager, statistician, admin for the whole study.',
    );
    await expect(page.getByRole('link', { name: 'participants.csv' }).count()).resolves.toBe(0);
  });

  it('lets the investigator confirm one lab-proposed adverse event with its assessment and dismiss another', async () => {
    const page = await newPage();
    await signIn(page, investigator);
    await page.goto(ssParticipantUrl);
    const table = page.getByRole('table', { name: 'Adverse events' });
    const lymphocytes = table.getByRole('row').filter({ hasText: 'Lymphocyte count decreased' });
    const platelets = table.getByRole('row').filter({ hasText: 'Platelet count decreased' });
    await expect(lymphocytes.getByRole('cell').nth(7).textContent()).resolves.toBe('proposed');
    await expect(platelets.getByRole('cell').nth(7).textContent()).resolves.toBe('proposed');

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
    await expect(lymphocytes.getByRole('cell').allTextContents()).resolves.toEqual(['Lymphocyte count decreased', today, 'Grade 3', 'no', 'possible', 'dose-held', 'recovering', 'confirmed', '']);

    await platelets.getByRole('button', { name: 'Dismiss Platelet count decreased' }).click();
    const dismiss = page.getByRole('dialog', { name: 'Dismiss the proposed adverse event' });
    await dismiss.getByLabel('Why is it not an adverse event?').fill('Clumped sample; the repeat count was normal.');
    await dismiss.getByRole('button', { name: 'Dismiss adverse event' }).click();
    await platelets.getByRole('cell', { name: 'dismissed', exact: true }).waitFor();
    // Nothing is left to decide, so the decision column goes.
    await expect(table.getByRole('columnheader', { name: 'Decision' }).count()).resolves.toBe(0);
    await shoot(page, '29-ae-decided');
  });

  it('shows the evidence tables and filters them', async () => {
    const page = await newPage();
    await signIn(page, coordinator);
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
  });

  it('records doses and a visit score for an open-label participant (als-il2)', async () => {
    const page = await newPage();
    await signIn(page, alsCoordinator);
    const als = getBuiltinProtocol('als-il2');
    await page.getByRole('link', { name: als.title }).click();
    await page.getByLabel('Participant code').fill('ALS-001');
    await page.getByLabel('Date of birth').fill('1960-02-10');
    await page.getByRole('button', { name: 'Register and screen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Screening ALS-001' }).waitFor();
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
    await expect(page.getByText('Day 3 (' + today + '): Injection-site reaction').count()).resolves.toBe(1);
    await shoot(page, '06-dosing-calendar');

    await page.getByRole('link', { name: 'Enter data for Week 0 (baseline)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visit: Week 0 (baseline)' }).waitFor();
    await page.getByLabel('Instrument').selectOption('alsfrs-r');

    // A bad value is refused beside its field: ALSFRS-R items are scored 0–4 (Cedarbaum 1999).
    const first = '#item-speech';
    await page.locator(first).fill('7');
    await expect(describedError(page, first)).resolves.toContain('must be one of 0, 1, 2, 3, 4, not 7');
    await expect(page.locator(first).getAttribute('aria-invalid')).resolves.toBe('true');
    await shoot(page, '07-visit-bad-value');

    // 11 required items and one of 5a/5b: all at 4 gives the maximum, 12 × 4 = 48.
    const fields = page.locator('.items input[id^="item-"]');
    const n = await fields.count();
    expect(n).toBe(13);
    for (let i = 0; i < n; i++) {
      const id = await fields.nth(i).getAttribute('id');
      if (id !== 'item-cutting-food-gastrostomy') await fields.nth(i).fill('4');
    }
    await expect(describedError(page, first)).resolves.toBe('');
    await expect(page.locator('#score-total').textContent()).resolves.toBe('48');
    await page.locator('#item-walking').fill('2');
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
    await page.locator('#item-walking').fill('3');
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
    await page.getByRole('table', { name: 'Labs' }).getByRole('cell', { name: /^Grade 2/ }).waitFor();
    await page.getByLabel('Term (CTCAE v5.0)').fill('Injection site reaction');
    await page.getByLabel('Onset date').fill(today);
    await page.getByLabel('CTCAE grade').selectOption('1');
    await page.getByRole('button', { name: 'Report adverse event' }).click();
    await page.getByRole('table', { name: 'Adverse events' }).getByRole('cell', { name: 'Injection site reaction' }).waitFor();
    await shoot(page, '16-participant-adverse-events');
  });

  it('shows a blinded investigator no arm anywhere, and unblinds only with a reason and the password', async () => {
    const page = await newPage();
    const bodies: { url: string; body: string }[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/')) void res.text().then((body) => bodies.push({ url: res.url(), body }), () => undefined);
    });
    await signIn(page, investigator);
    const ss = getBuiltinProtocol('ss-il2');
    const armWords = [/placebo/i, ...ss.arms.flatMap((a) => [a.label, ...a.interventions.flatMap((i) => [i.id, i.drug])])];
    // `settle`: wait until the page's requests are done (skipped for the report page: with its frame, Chromium never reported the network idle within 30 s).
    const scan = async (name: string, settle = true) => {
      if (settle) await page.waitForLoadState('networkidle');
      await shoot(page, name);
      const text = await page.locator('body').innerText();
      const html = await page.content();
      for (const w of armWords) {
        expect(text, `page ${name} shows ${String(w)}`).not.toMatch(w);
        expect(html, `DOM of ${name} holds ${String(w)}`).not.toMatch(w);
      }
    };
    await scan('09-blinded-studies');
    await page.getByRole('link', { name: ss.title }).click();
    await page.getByRole('table', { name: 'Participants' }).getByRole('cell', { name: 'SS-001' }).waitFor();
    await scan('10-blinded-dashboard');
    await page.goto(ssParticipantUrl);
    await page.getByRole('heading', { level: 1, name: 'Participant SS-001' }).waitFor();
    await page.getByRole('heading', { name: 'Dosing calendar' }).waitFor();
    await page.locator('#kit-number', { hasText: ssKit }).waitFor();
    await expect(page.locator('#allocation').count()).resolves.toBe(0);
    await scan('11-blinded-participant');
    await page.goto(ssVisitUrl);
    await page.locator('[data-testid="score-plot"] svg').waitFor();
    await scan('21-blinded-visit');

    // The analysis report, pooled before lock (ICH E9 blind review), inside its frame.
    await page.goto(`${server.url}/#/studies/ss-il2/analysis`);
    await page.getByRole('heading', { level: 1, name: 'Analysis report' }).waitFor();
    const report = page.frameLocator('iframe[title="Analysis report"]').locator('body');
    await expect.poll(async () => ((await report.innerText()) ?? '').length, { timeout: 15_000 }).toBeGreaterThan(100);
    const reportText = await report.innerText();
    expect(reportText).toContain('ss-il2');
    for (const w of armWords) expect(reportText, `the report shows ${String(w)}`).not.toMatch(w);
    await scan('24-blinded-analysis-report', false);

    // Every API answer the pages received, the protocol included (the server reduces its arms to ratios):
    // no allocation field and no arm word anywhere.
    expect(bodies.length).toBeGreaterThan(5);
    for (const { url, body } of bodies) {
      expect(body, url).not.toMatch(/"(armId|arm|armLabel|allocation)"/);
      for (const w of armWords) expect(body, url).not.toMatch(w);
    }

    // Emergency unblinding: refused without a reason (beside the field), then with a wrong password.
    await page.goto(ssParticipantUrl);
    await page.getByRole('button', { name: 'Emergency unblinding…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Emergency unblinding' });
    await dialog.getByLabel('Your password').fill(investigator.password);
    await dialog.getByRole('button', { name: 'Unblind' }).click();
    await expect(describedError(page, '#unblind-reason')).resolves.toBe('Give the reason for unblinding: it goes into the audit trail.');
    await shoot(page, '22-unblind-reason-refused');
    await dialog.getByLabel('Reason').fill('Grade 4 thrombocytopenia: treating physician needs the allocation');
    await dialog.getByLabel('Your password').fill('not-my-password');
    await dialog.getByRole('button', { name: 'Unblind' }).click();
    await page.locator('#unblind-password-error').waitFor();
    await expect(describedError(page, '#unblind-password')).resolves.toBe('The username or password is wrong.');
    await dialog.getByLabel('Your password').fill(investigator.password);
    await dialog.getByRole('button', { name: 'Unblind' }).click();
    // The protocol a blinded user receives has no arm labels, so the unblinded allocation shows the arm's id.
    await page.locator('#allocation').waitFor();
    const allocation = (await page.locator('#allocation').textContent()) ?? '';
    expect(ss.arms.map((a) => a.id)).toContain(allocation);
    await shoot(page, '23-unblinded');
  });
});

describe('a study with 1,000 participants', () => {
  const sle = getBuiltinProtocol('sle-il2');
  const bigCoordinator: TestUser = { username: 'bea', password: 'coordinator-pw-3', displayName: 'Bea Coordinator', studyId: sle.id, role: 'coordinator' };
  const count = 1000;
  let big: RunningServer;

  /** Straight into the store (not over HTTP): all on treatment, day 1 spread over the last 200 days, so the dashboard works out every calendar. */
  async function thousand(db: Db): Promise<void> {
    const site = sle.sites[0]?.id ?? '';
    await audited(db, { actor: 'test', at: new Date(), studyId: sle.id }, async (w) => {
      for (let i = 1; i <= count; i++) {
        await w.insert(participants, {
          study_id: sle.id,
          site_id: site,
          code: `SLE-${String(i).padStart(4, '0')}`,
          sex: i % 2 ? 'female' : 'male',
          birth_date: '1980-01-01',
          status: 'on-treatment',
          arm_id: sle.arms[i % sle.arms.length]?.id ?? null,
          start_date: daysAgo(i % 200),
        });
      }
    });
  }

  beforeAll(async () => {
    big = await startServer([sle.id], [bigCoordinator], thousand);
  }, 240_000);

  afterAll(async () => {
    await big?.stop();
  });

  it('renders the dashboard and a page of the participant list; prints the time it took', async () => {
    const page = await newPage();
    await signIn(page, bigCoordinator, big.url);
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${big.url}/#/studies/${sle.id}`);
    await page.getByRole('heading', { name: 'Visits overdue' }).waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Participants' });
    await table.getByRole('link', { name: 'SLE-0050' }).waitFor({ timeout: 60_000 });
    const rendered = Date.now() - started;
    console.log(`web 1,000 participants: dashboard and participant list rendered ${rendered} ms after navigation`);
    await shoot(page, '30-dashboard-1000');

    // One page of 50 rows at a time, in code order; Next shows the second page.
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(50);
    const pager = page.getByRole('navigation', { name: 'Pages of participants' });
    await expect(pager.getByRole('status').textContent()).resolves.toBe('Participants 1–50 of 1000');
    await pager.getByRole('button', { name: 'Next' }).click();
    await table.getByRole('link', { name: 'SLE-0051' }).waitFor();
    await expect(rows.count()).resolves.toBe(50);
    await expect(table.getByRole('link', { name: 'SLE-0050' }).count()).resolves.toBe(0);

    // The week's lists page by 50 too, each counting every row the server sent for the week shown.
    const week = await page.getByLabel('Week from').inputValue();
    const res = await page.request.get(`${big.url}/api/studies/${sle.id}/dashboard?date=${week}`);
    const dashboard = (await res.json()) as Record<'visitsDue' | 'visitsOverdue' | 'dosesDue', unknown[]>;
    // 1,000 on treatment with day 1 over 200 days: far more than one page of doses due in any week.
    expect(dashboard.dosesDue.length).toBeGreaterThan(50);
    for (const [what, n] of [['Visits due', dashboard.visitsDue.length], ['Visits overdue', dashboard.visitsOverdue.length], ['Doses due', dashboard.dosesDue.length]] as const) {
      const card = page.getByRole('region', { name: new RegExp(`^${what}`) });
      await expect(card.locator('ul.due > li').count(), what).resolves.toBe(Math.min(50, n));
      if (n > 50) await expect(card.getByRole('navigation').getByRole('status').textContent()).resolves.toBe(`${what} 1–50 of ${n}`);
    }
    const doses = page.getByRole('navigation', { name: 'Pages of doses due' });
    await doses.getByRole('button', { name: 'Next' }).click();
    await expect(doses.getByRole('status').textContent()).resolves.toBe(`Doses due 51–${Math.min(100, dashboard.dosesDue.length)} of ${dashboard.dosesDue.length}`);
  });
});
