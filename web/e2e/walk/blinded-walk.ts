import { expect } from 'vitest';
import { getBuiltinProtocol } from '../../../src/protocol/builtin/index.js';
import { shoot } from '../browser.js';
import { type SsTrail, describedError, investigator } from './helpers.js';
import type { Walk } from './walk.js';

/* A blinded investigator sees no arm anywhere; emergency unblinding needs a reason and the password. */
/** shows a blinded investigator no arm anywhere, and unblinds only with a reason and the password. */
export async function blindedInvestigatorWalk(w: Walk, trail: SsTrail): Promise<void> {
  const page = await w.newPage();
  const bodies: { url: string; body: string }[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/api/'))
      void res.text().then(
        (body) => bodies.push({ url: res.url(), body }),
        () => undefined,
      );
  });
  await w.signIn(page, investigator);
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
  await page.goto(trail.participantUrl);
  await page.getByRole('heading', { level: 1, name: 'Participant SS-001' }).waitFor();
  await page.getByRole('heading', { name: 'Dosing calendar' }).waitFor();
  await page.locator('#kit-number', { hasText: trail.kit }).waitFor();
  await expect(page.locator('#allocation').count()).resolves.toBe(0);
  await scan('11-blinded-participant');
  await page.goto(trail.visitUrl);
  await page.locator('[data-testid="score-plot"] svg').waitFor();
  await scan('21-blinded-visit');

  // The analysis report, pooled before lock (ICH E9 blind review), inside its frame.
  await page.goto(`${w.url}/#/studies/ss-il2/analysis`);
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
  await page.goto(trail.participantUrl);
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
}
