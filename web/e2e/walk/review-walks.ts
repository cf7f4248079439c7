import { expect } from 'vitest';
import { getBuiltinProtocol } from '../../../src/protocol/builtin/index.js';
import { shoot } from '../browser.js';
import { type SsTrail, monitor, siteMonitor } from './helpers.js';
import type { Walk } from './walk.js';

/* The review page: a blinded monitor reads the audit trail and exports; a site monitor is refused. */
/** shows a blinded monitor one participant's audit trail without arm or hash, older records on demand, and exports without the arm column. */
export async function blindedMonitorReviewWalk(w: Walk, walked: SsTrail): Promise<void> {
  const page = await w.newPage();
  const trailBodies: { url: string; body: string }[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/audit'))
      void res.text().then(
        (body) => trailBodies.push({ url: res.url(), body }),
        () => undefined,
      );
  });
  await w.signIn(page, monitor);
  const ss = getBuiltinProtocol('ss-il2');
  await page.getByRole('link', { name: ss.title }).click();
  await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Review: audit trail and exports' }).click();
  await page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
  const trail = page.getByRole('table', { name: 'Audit trail' });
  await trail.waitFor();

  // SS-001's own row was written six times: registered, then eligible, consented, enrolled, randomized, on treatment.
  // Five at a time: the five newest first, then the registration.
  const participantId = decodeURIComponent(walked.participantUrl.split('/').pop() ?? '');
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
  await expect(randomized.getByRole('listitem').allTextContents()).resolves.toEqual(expect.arrayContaining([`kit_number: empty → ${walked.kit}`]));
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
  const res = await page.request.get(`${w.url}${href}`);
  expect(res.status()).toBe(200);
  const [header = '', ...lines] = (await res.text()).trim().split('\n');
  expect(header.split(',')).toContain('kit_number');
  expect(header.split(',')).not.toContain('arm_id');
  expect(lines.some((l) => l.startsWith('SS-001,') && l.includes(walked.kit))).toBe(true);
}

/** refuses the review to a monitor of one site with the server's reason, and offers it no link. */
export async function siteMonitorRefusedWalk(w: Walk): Promise<void> {
  const page = await w.newPage();
  await w.signIn(page, siteMonitor);
  await page.goto(`${w.url}/#/studies/ss-il2`);
  await page.getByRole('navigation', { name: 'Study' }).getByRole('link', { name: 'Analysis report' }).waitFor();
  await expect(page.getByRole('link', { name: 'Review: audit trail and exports' }).count()).resolves.toBe(0);
  await page.goto(`${w.url}/#/studies/ss-il2/review`);
  await page.getByRole('heading', { level: 1, name: 'Review' }).waitFor();
  await expect(page.getByRole('alert').textContent()).resolves.toBe(
    'Could not load the audit trail: Your roles in study ss-il2 do not allow you to read the audit trail: it needs one of monitor, data-manager, statistician, admin for the whole study.',
  );
  await expect(page.getByRole('link', { name: 'participants.csv' }).count()).resolves.toBe(0);
}
